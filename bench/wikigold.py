#!/usr/bin/env python3
"""wikigold.py: score storyline's names (people, organisations, places)
against the wikigold corpus (Wikipedia sentences with CoNLL tags).

Usage: bench/wikigold.py [--data CONLL] [--cmd "build/storyline analyze --json --raw"]
                         [--errors N]
From the project root; CONLL defaults to
../shared/data/wikigold/CONLL-format/data/wikigold.conll.txt.

The corpus has one "token TAG" per line, a blank line between sentences and
"-DOCSTART- O" between documents. Each document is rebuilt as text (tokens
joined by spaces, sentences by newlines) with the character offsets of its
gold names, written as JSON Lines {id, text} and run through the analyze
command, which prints one JSON object per document whose mentions carry
character offsets into that text.

Gold PER, ORG and LOC are person, organisation and place. MISC (events,
works, nationalities) has no counterpart in storyline: a prediction that
overlaps only MISC names is counted neither right nor wrong, and MISC names
are not to be found. Reported: precision, recall and F1 for exact span and
type, and for exact span alone; and per type. Not a tokenizer test: the
text is rebuilt from the corpus tokens, so "U.S." stays one token.
"""
import argparse
import collections
import json
import os
import shlex
import subprocess
import sys
import tempfile

TYPES = {"PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "misc"}


def read_docs(path):
    """Yield documents as lists of sentences of (token, tag)."""
    doc, sent = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if sent:
                    doc.append(sent)
                    sent = []
                continue
            tok, _, tag = line.rpartition(" ")
            if tok == "-DOCSTART-":
                if sent:
                    doc.append(sent)
                    sent = []
                if doc:
                    yield doc
                doc = []
                continue
            sent.append((tok, tag))
    if sent:
        doc.append(sent)
    if doc:
        yield doc


def names_of(doc, places):
    """Gold names (start, end, type) of a document's sentences of (token,
    tag), each token at the (start, end) that places gives in turn; a name
    ends with its sentence."""
    gold, cur, places = [], None, iter(places)
    for sent in doc:
        for tok, tag in sent:
            start, end = next(places)
            kind = tag[2:] if tag != "O" else None
            # IO tags with B- at a boundary between two names of one type
            if kind and cur and cur[2] == kind and not tag.startswith("B-"):
                cur[1] = end
            else:
                if cur:
                    gold.append(tuple(cur))
                cur = [start, end, kind] if kind else None
        if cur:
            gold.append(tuple(cur))
            cur = None
    return [(s, e, TYPES[k]) for s, e, k in gold]


def rebuild(doc):
    """Text of a document (tokens joined by spaces, sentences by newlines)
    and its gold names as (start, end, type)."""
    parts, places, pos = [], [], 0
    for si, sent in enumerate(doc):
        if si:
            parts.append("\n")
            pos += 1
        for ti, (tok, _) in enumerate(sent):
            if ti:
                parts.append(" ")
                pos += 1
            places.append((pos, pos + len(tok)))
            parts.append(tok)
            pos += len(tok)
    return "".join(parts), names_of(doc, places)


def run(cmd, docs):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for i, (text, _) in enumerate(docs):
            f.write(json.dumps({"id": "wg%03d" % i, "text": text}) + "\n")
        name = f.name
    try:
        out = subprocess.run(shlex.split(cmd) + [name], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(name)
    pred = {}
    for line in out.splitlines():
        if line.strip():
            r = json.loads(line)
            pred[r["id"]] = [(m["start"], m["end"], m["type"], m["text"]) for m in r.get("mentions", [])]
    return pred


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs, pred, show):
    c = collections.Counter()
    errors = []
    for i, (text, gold) in enumerate(docs):
        g = [x for x in gold if x[2] != "misc"]
        misc = [x for x in gold if x[2] == "misc"]
        gspan = {(s, e): t for s, e, t in g}
        ps = pred.get("wg%03d" % i, [])
        kept = []
        for s, e, t, _ in ps:
            over_real = any(s < ge and gs < e for gs, ge, _ in g)
            over_misc = any(s < ge and gs < e for gs, ge, _ in misc)
            if over_misc and not over_real:
                continue
            kept.append((s, e, t))
        pspan = {(s, e): t for s, e, t in kept}
        for span, t in pspan.items():
            gt = gspan.get(span)
            c["span_tp" if gt else "span_fp"] += 1
            c["tp" if gt == t else "fp"] += 1
            c["pred_" + t] += 1
            if gt == t:
                c["tp_" + t] += 1
            elif len(errors) < show:
                errors.append("%-13s %-13s %s" % (t, gt or "-", text[span[0]:span[1]]))
        for span, t in gspan.items():
            if span not in pspan:
                c["span_fn"] += 1
            if pspan.get(span) != t:
                c["fn"] += 1
                if span not in pspan and len(errors) < show:
                    errors.append("%-13s %-13s %s" % ("missed", t, text[span[0]:span[1]]))
            c["gold_" + t] += 1
    return c, errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="../shared/data/wikigold/CONLL-format/data/wikigold.conll.txt")
    ap.add_argument("--cmd", default="build/storyline analyze --json --raw")
    ap.add_argument("--errors", type=int, default=0, help="print the first N errors")
    a = ap.parse_args()
    docs = [rebuild(d) for d in read_docs(a.data)]
    pred = run(a.cmd, docs)
    c, errors = score(docs, pred, a.errors)
    for e in errors:
        print(e)
    ngold = sum(1 for _, g in docs for x in g if x[2] != "misc")
    print("wikigold: %d documents, %d gold names (PER, ORG, LOC)" % (len(docs), ngold))
    p, r, f = prf(c["tp"], c["fp"], c["fn"])
    print("span+type  P %.3f  R %.3f  F1 %.3f" % (p, r, f))
    p, r, f = prf(c["span_tp"], c["span_fp"], c["span_fn"])
    print("span only  P %.3f  R %.3f  F1 %.3f" % (p, r, f))
    for t in ("person", "organisation", "place"):
        tp = c["tp_" + t]
        p, r, f = prf(tp, c["pred_" + t] - tp, c["gold_" + t] - tp)
        print("  %-12s P %.3f  R %.3f  F1 %.3f  (gold %d)" % (t, p, r, f, c["gold_" + t]))


if __name__ == "__main__":
    sys.exit(main())
