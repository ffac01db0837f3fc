#!/usr/bin/env python3
"""bench/meantime.py: score storyline's time expressions and named mentions
on MEANTIME (120 English Wikinews articles annotated in CAT XML).

Usage (from the project root, after `make`):
    bench/meantime.py                       # runs build/storyline analyze --json --raw
    bench/meantime.py --cmd "/tmp/drv"      # any command taking the JSONL file last
    bench/meantime.py --errors              # also list every wrong or missed date
    bench/meantime.py --keep out.jsonl      # keep the generated input file

Reads ../shared/data/meantime/intra-doc_annotation/corpus_*/*.xml (or
$SL_SHARED/data/...), rebuilds each document's text by joining its tokens
with single spaces (sentences on their own lines), takes the CREATION_TIME
TIMEX3 as the publication date, writes one JSONL record per document
{id, published, title: null, text} and runs the analyzer on it. Its output
is one JSON object per article with "times" and "mentions", offsets in
characters of the text as given.

Scores:
  time expressions of type DATE (the creation time itself left out):
    found           gold timexes overlapped by a predicted one
    value accuracy  over gold DATE values that are calendar values (YYYY,
                    YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Qn; not PRESENT_REF,
                    XXXX-XX-XX, P1D...): the predicted value of the most
                    overlapping prediction equals the gold value
    TIME, DURATION and SET: found share and values equal to the gold
    value; over all four types, value P/R/F1 (right values over the
    predictions in the annotated part, and over the gold timexes; a
    prediction of the creation time counts on neither side, as the gold
    leaves it out); and predictions overlapping no gold timex at all are
    counted as spurious.
  named mentions: gold ENTITY_MENTION with syntactic_type NAM whose entity
    is PER, ORG or LOC (person, organisation, place; other types ignored):
    precision, recall and F1 on exact span and type, on span only, and
    "in extent": a name of the right type inside the gold mention's extent
    (MEANTIME's extents are whole noun phrases, with determiners, titles
    and appositions, and carry no head; see score_names).

Standard library only. Never copies MEANTIME into the repository: the
JSONL goes to a temporary file unless --keep says otherwise.
"""
import argparse
import glob
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = {"PER": "person", "ORG": "organisation", "LOC": "place"}
CALENDAR = re.compile(r"^\d{4}(-(\d{2}(-\d{2})?|W\d{2}|Q\d))?$")


def shared_dir():
    s = os.environ.get("SL_SHARED")
    return s if s else os.path.join(ROOT, "..", "shared")


def anchors(el):
    return [a.get("t_id") for a in el.findall("token_anchor")]


def load(path):
    """One document: id, text, publication date, gold timexes and names."""
    root = ET.parse(path).getroot()
    tokens = root.findall("token")
    parts, spans, pos, sent = [], {}, 0, None
    for t in tokens:
        word = t.text or ""
        if sent is not None:
            sep = "\n" if t.get("sentence") != sent else " "
            parts.append(sep)
            pos += 1
        sent = t.get("sentence")
        spans[t.get("t_id")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
    text = "".join(parts)

    def span(el):
        ids = [i for i in anchors(el) if i in spans]
        if not ids:
            return None
        return (min(spans[i][0] for i in ids), max(spans[i][1] for i in ids))

    marks = root.find("Markables")
    timexes, published = [], None
    entity_type, mentions = {}, {}
    annotated_end = 0
    for el in marks if marks is not None else []:
        sp = span(el)
        if sp:
            annotated_end = max(annotated_end, sp[1])
        if el.tag == "TIMEX3":
            sp = span(el)
            ct = el.get("functionInDocument") == "CREATION_TIME"
            if ct:
                published = creation_date(el.get("value") or "", text[sp[0]:sp[1]] if sp else "")
            if sp:
                timexes.append({"span": sp, "type": el.get("type"), "value": el.get("value") or "", "ct": ct})
        elif el.tag == "ENTITY":
            entity_type[el.get("m_id")] = el.get("ent_type")
        elif el.tag == "ENTITY_MENTION" and el.get("syntactic_type") == "NAM":
            sp = span(el)
            if sp:
                mentions[el.get("m_id")] = sp
    if published is None:
        # no creation time annotated: Wikinews puts the date on the second line
        lines = text.split("\n")
        published = creation_date("", lines[1] if len(lines) > 1 else "")
    names, other = set(), []
    rels = root.find("Relations")
    for r in rels.findall("REFERS_TO") if rels is not None else []:
        tgt = r.find("target")
        typ = TYPES.get(entity_type.get(tgt.get("m_id")) if tgt is not None else None)
        for s in r.findall("source"):
            if s.get("m_id") not in mentions:
                continue
            if typ:
                names.add((mentions[s.get("m_id")], typ))
            else:  # a product, a financial entity, a mix: not scored either way
                other.append(mentions[s.get("m_id")])
    doc_id = root.get("doc_id") or os.path.basename(path)
    return {"id": doc_id, "name": os.path.basename(path), "text": text, "published": published,
            "timexes": timexes, "names": names, "other_names": other, "annotated_end": annotated_end}


MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]


def creation_date(value, written):
    """The creation time as YYYY-MM-DD: a few documents give it as
    DD-MM-YYYY or not at all; then the written date ("September 1 , 2007")."""
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    m = re.match(r"^(\d{2})-(\d{2})-(\d{4})$", value)
    if m:
        return "%s-%s-%s" % (m.group(3), m.group(2), m.group(1))
    m = re.match(r"^(\w+)\s+(\d{1,2})\s*,?\s*(\d{4})", written)
    if m and m.group(1).lower() in MONTHS:
        return "%s-%02d-%02d" % (m.group(3), MONTHS.index(m.group(1).lower()) + 1, int(m.group(2)))
    return None


def run(cmd, docs, keep):
    fd, path = tempfile.mkstemp(suffix=".jsonl")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d["id"], "published": d["published"], "title": None, "text": d["text"]}) + "\n")
    try:
        out = subprocess.run(cmd + [path], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("meantime.py: %s failed (%d):\n%s" % (" ".join(cmd), out.returncode, out.stderr[-2000:]))
    finally:
        if keep:
            os.replace(path, keep)
        else:
            os.unlink(path)
    got = {}
    for line in out.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            o = json.loads(line)
            got[str(o.get("id"))] = o
    return got


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def best_prediction(span, times):
    best, size = None, 0
    for t in times:
        o = overlap(span, (t["start"], t["end"]))
        if o > size:
            best, size = t, o
    return best


class Tally:
    def __init__(self):
        self.n = {}

    def add(self, key, k=1):
        self.n[key] = self.n.get(key, 0) + k

    def __getitem__(self, key):
        return self.n.get(key, 0)


def score_times(d, times, tally, errors):
    gold = [g for g in d["timexes"] if not g["ct"]]
    for g in gold:
        p = best_prediction(g["span"], times)
        typ = g["type"]
        tally.add(typ + ".gold")
        tally.add(typ + ".found", p is not None)
        tally.add(typ + ".valued", p is not None and p.get("value") == g["value"])
        if typ != "DATE" or not CALENDAR.match(g["value"]):
            continue
        tally.add("value.gold")
        ok = p is not None and p.get("value") == g["value"]
        tally.add("value.ok", ok)
        if not ok:
            errors.append("%s  %-28r gold %-12s got %s" % (d["name"][:40], d["text"][g["span"][0]:g["span"][1]],
                                                          g["value"], p and (p.get("text"), p.get("value"))))
    all_gold = [g["span"] for g in d["timexes"]]
    created = [g["span"] for g in d["timexes"] if g["ct"]]
    for t in times:
        if t["start"] >= d["annotated_end"]:
            continue        # MEANTIME annotates only the first sentences of a document
        if any(overlap(s, (t["start"], t["end"])) for s in created):
            tally.add("pred.ct")
            continue        # the creation time is left out of the gold, so out of the predictions too
        tally.add("pred")
        if not any(overlap(s, (t["start"], t["end"])) for s in all_gold):
            tally.add("spurious")
            errors.append("%s  spurious %r -> %s" % (d["name"][:40], t.get("text"), t.get("value")))


def score_names(d, mentions, tally, errors=None):
    gold = d["names"]
    # MEANTIME annotates the first sentences of each article only: a name
    # found after the last annotation can be neither right nor wrong.
    # Names of the types left out (PRO, FIN, MIX) count neither way, as
    # MISC does in bench/wikigold.py.
    gold_spans = {sp for sp, _ in gold}

    def other(m):
        if (m["start"], m["end"]) in gold_spans:
            return False
        return any(m["start"] < e and s < m["end"] for s, e in d["other_names"])
    pred = {((m["start"], m["end"]), m["type"]) for m in mentions
            if m["start"] < d["annotated_end"] and not other(m)}
    tally.add("ner.gold", len(gold))
    tally.add("ner.pred", len(pred))
    tally.add("ner.ok", len(gold & pred))
    gs, ps = {s for s, _ in gold}, {s for s, _ in pred}
    tally.add("span.gold", len(gs))
    tally.add("span.pred", len(ps))
    tally.add("span.ok", len(gs & ps))
    # MEANTIME's mention extent is the whole noun phrase ("the Air Force",
    # "Spokeswoman Sandy Angers", "Mobile , Alabama"), and its head attribute
    # is left empty, so an exact span can only match a bare name. The
    # extent match stands in for the head match of ACE-style scoring: a
    # prediction of the right type lying inside a gold extent matches it,
    # one to one, the smallest extents first and, inside one, the
    # prediction that ends last (an English noun phrase ends in its head).
    used, ok = set(), 0
    for (gs_, ge), typ in sorted(gold, key=lambda g: g[0][1] - g[0][0]):
        inside = [p for p in pred if p not in used and p[1] == typ and gs_ <= p[0][0] and p[0][1] <= ge]
        if inside:
            used.add(max(inside, key=lambda p: (p[0][1], -p[0][0])))
            ok += 1
    tally.add("extent.gold", len(gold))
    tally.add("extent.pred", len(pred))
    tally.add("extent.ok", ok)
    if errors is not None:
        gt, pt = dict(gold), dict(pred)
        for sp in sorted(set(gt) | set(pt)):
            if gt.get(sp) != pt.get(sp):
                errors.append("name %-13s %-13s %s" % (pt.get(sp, "missed"), gt.get(sp, "-"),
                                                      d["text"][sp[0]:sp[1]]))


def prf(ok, pred, gold):
    p = ok / pred if pred else 0.0
    r = ok / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def share(a, b):
    return "%d/%d = %.3f" % (a, b, a / b if b else 0.0)


def report(tally, ndocs, cmd):
    print("MEANTIME English, %d documents, analyzer: %s" % (ndocs, " ".join(cmd)))
    print("time expressions (creation time excluded)")
    print("  DATE found           %s" % share(tally["DATE.found"], tally["DATE.gold"]))
    print("  DATE value accuracy  %s   (gold calendar values only)" % share(tally["value.ok"], tally["value.gold"]))
    for typ in ("TIME", "DURATION", "SET"):
        print("  %-8s found       %s, value right %d" % (typ, share(tally[typ + ".found"], tally[typ + ".gold"]),
                                                          tally[typ + ".valued"]))
    right = sum(tally[t + ".valued"] for t in ("DATE", "TIME", "DURATION", "SET"))
    gold = sum(tally[t + ".gold"] for t in ("DATE", "TIME", "DURATION", "SET"))
    p, r, f = prf(right, tally["pred"], gold)
    print("  all types: value right %d of %d gold, %d predicted: P %.3f  R %.3f  F1 %.3f" % (right, gold, tally["pred"], p, r, f))
    print("  predictions in the annotated part %d (and %d of the creation time, left out), overlapping no gold timex %d"
          % (tally["pred"], tally["pred.ct"], tally["spurious"]))
    print("named mentions (NAM; PER/ORG/LOC as person/organisation/place)")
    for label, key in (("span+type", "ner"), ("span only", "span"), ("in extent", "extent")):
        p, r, f = prf(tally[key + ".ok"], tally[key + ".pred"], tally[key + ".gold"])
        print("  %-10s P %.3f  R %.3f  F1 %.3f   (%d correct, %d predicted, %d gold)"
              % (label, p, r, f, tally[key + ".ok"], tally[key + ".pred"], tally[key + ".gold"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cmd", help="analyzer command; the JSONL path is appended")
    ap.add_argument("--data", help="folder of intra-doc_annotation")
    ap.add_argument("--errors", action="store_true", help="list wrong, missed and spurious dates and names")
    ap.add_argument("--keep", help="keep the generated JSONL at this path")
    args = ap.parse_args()
    data = args.data or os.path.join(shared_dir(), "data", "meantime", "intra-doc_annotation")
    files = sorted(glob.glob(os.path.join(data, "corpus_*", "*.xml")))
    if not files:
        sys.exit("meantime.py: no CAT XML under %s" % data)
    cmd = shlex.split(args.cmd) if args.cmd else [os.path.join(ROOT, "build", "storyline"), "analyze", "--json", "--raw"]
    docs = [load(f) for f in files]
    got = run(cmd, docs, args.keep)
    tally, errors = Tally(), []
    for d in docs:
        o = got.get(str(d["id"]), {})
        score_times(d, o.get("times") or [], tally, errors)
        score_names(d, o.get("mentions") or [], tally, errors if args.errors else None)
    if args.errors:
        print("\n".join(errors))
        print()
    report(tally, len(docs), cmd)


if __name__ == "__main__":
    main()
