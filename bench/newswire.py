#!/usr/bin/env python3
"""newswire.py: score storyline's names (people, organisations, places) on
English news from Africa, Asia, Latin America, the Middle East and
indigenous communities (Shan et al. 2023, ../shared/data/newswire-ner-dev).

Usage: bench/newswire.py [--split dev|train] [--cmd "build/storyline analyze --json --raw"]
                         [--errors N] [--text raw|tokens]
From the project root. Report on dev (99 articles). The name tagger
(src/analyze/tagger.c) is fitted on train: its errors there are of text it
learned (SL_TAGGER=off shows the rules'); fit it on a part of train
(scripts/fit-tagger --data DIR, DIR's split.tsv marking the rest "dev")
to look at errors it makes on unseen articles.

Each article is given as its outlet wrote it (original_articles/, "U.S."
and "don't" as written), and the gold tokens are found in that text in
turn; an article where one is not (5 of dev's 99: mojibake in the tokens,
typos) is given as its tokens joined by spaces, sentences by newlines, as
every article is with --text tokens (the form the tagger is fitted on,
scripts/fit-tagger, and the form of this bench before stop 39: "U . S .").
Names are scored as bench/wikigold.py scores them, with the
corpus' classes mapped as its authors map them to CoNLL's: Person is
person, Organization organisation, Location and Facility place; Misc,
NORP, Product and Money are MISC (a prediction that overlaps only those
counts neither way); Date is no name. Nested labels (third column) are
left out. Exact span and type, exact span alone, and per type.
"""
import argparse
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("wikigold", os.path.join(HERE, "wikigold.py"))
wikigold = importlib.util.module_from_spec(spec)
spec.loader.exec_module(wikigold)

CLASSES = {"Person": "PER", "Organization": "ORG", "Location": "LOC", "Facility": "LOC", "Misc": "MISC",
           "NORP": "MISC", "Product": "MISC", "Money": "MISC"}


def read_article(path):
    """Sentences of (token, CoNLL tag), without the URL lines that open the file."""
    sents, sent, started = [], [], False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if sent and started:
                    sents.append(sent)
                sent = []
                started = True
                continue
            cols = line.split("\t")
            if len(cols) < 2:
                cols = line.rsplit(" ", 1)
            tok, label = cols[0], cols[1].strip() if len(cols) > 1 else "O"
            cls = CLASSES.get(label[2:]) if label[:2] in ("B-", "I-") else None
            sent.append((tok, label[:2] + cls if cls else "O"))
    if sent and started:
        sents.append(sent)
    return sents


def raw_article(data, name, sents):
    """The article as its outlet wrote it (original_articles/, without the
    URL line) and its gold names as (start, end, type), each gold token
    found in turn in that text past white space; None when a token is not
    there (5 dev articles: mojibake in the tokens, typos), and the caller
    falls back to the tokens joined by spaces."""
    with open(os.path.join(data, "original_articles", name + ".txt"), encoding="utf-8") as f:
        raw = f.read()
    pos = raw.find("\n") + 1 if raw.startswith("http") else 0
    places = []
    for sent in sents:
        for tok, _ in sent:
            while pos < len(raw) and raw[pos].isspace():
                pos += 1
            if not raw.startswith(tok, pos):
                return None
            places.append((pos, pos + len(tok)))
            pos += len(tok)
    return raw, wikigold.names_of(sents, places)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--data", default=os.path.join(os.environ.get("SL_SHARED", "../shared"), "data", "newswire-ner-dev"))
    ap.add_argument("--cmd", default="build/storyline analyze --json --raw")
    ap.add_argument("--errors", type=int, default=0, help="print the first N errors")
    ap.add_argument("--text", default="raw", choices=["raw", "tokens"],
                    help="raw: the articles as written (default); tokens: their tokens joined by spaces")
    a = ap.parse_args()
    names = []
    with open(os.path.join(a.data, "split.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if len(cols) == 2 and cols[1] == a.split:
                names.append(cols[0])
    docs, joined = [], 0
    for n in names:
        sents = read_article(os.path.join(a.data, "processed_annotated", n + ".txt.tsv"))
        doc = raw_article(a.data, n, sents) if a.text == "raw" else None
        if doc is None:
            doc = wikigold.rebuild(sents)
            joined += 1
        docs.append(doc)
    pred = wikigold.run(a.cmd, docs)
    c, errors = wikigold.score(docs, pred, a.errors)
    for e in errors:
        print(e)
    ngold = sum(1 for _, g in docs for x in g if x[2] != "misc")
    print("newswire %s: %d articles (%s), %d gold names (person, organisation, place)" % (
        a.split, len(docs), "as written, %d of them as tokens joined" % joined if a.text == "raw" else "tokens joined",
        ngold))
    p, r, f = wikigold.prf(c["tp"], c["fp"], c["fn"])
    print("span+type  P %.3f  R %.3f  F1 %.3f" % (p, r, f))
    p, r, f = wikigold.prf(c["span_tp"], c["span_fp"], c["span_fn"])
    print("span only  P %.3f  R %.3f  F1 %.3f" % (p, r, f))
    for t in ("person", "organisation", "place"):
        tp = c["tp_" + t]
        p, r, f = wikigold.prf(tp, c["pred_" + t] - tp, c["gold_" + t] - tp)
        print("  %-12s P %.3f  R %.3f  F1 %.3f  (gold %d)" % (t, p, r, f, c["gold_" + t]))


if __name__ == "__main__":
    sys.exit(main())
