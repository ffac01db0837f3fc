#!/usr/bin/env python3
"""bench/wcxb.py: article extraction on modern (2025) pages, scored as
the WCXB benchmark scores it (../shared/data/wcxb-dev: 711 article pages,
gold body, title and publication date; measures as in its README).

Usage (from the project root, after `make`):
    bench/wcxb.py                 # both halves and the whole, with the peer
    bench/wcxb.py --errors N      # also list N pages of each kind of miss
    bench/wcxb.py --bin /tmp/old/storyline

The pages are split in two halves by a hash of their id: "look" is the
half whose errors may be read while a rule is written (--errors lists
only those), "report" is the half no rule was shaped on; a figure is a
result on "report" only. Beside storyline, readability-lxml (the shared
peer, bodies only) on the same pages, when it is installed.

Body: bag-of-words F1 per page (tokens \\w+ of the lower-cased text), the
mean over pages. Title: exact match after stripping spaces, over pages with
a gold title (and beside it, with curly quotes and dashes folded to ASCII on
both sides, since the gold writes them either way). Date: the first ten characters of the predicted date equal
the gold publish_date, over pages with a gold date. Author (not a measure of
the benchmark's README, which scores none): the byline equals the gold author
after folding case and white space, over pages with a gold author.

Standard library only; exits 1 when storyline prints no article.
"""
import argparse
import collections
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SL_SHARED", os.path.join(ROOT, "..", "shared"))
DATA = os.path.join(SHARED, "data", "wcxb-dev")
PEER = os.path.join(SHARED, "eval", "peers", "readability_lxml.py")


def words(text):
    return collections.Counter(re.findall(r"\w+", (text or "").lower()))


def f1(ref, hyp):
    r, h = words(ref), words(hyp)
    if not r:
        return 1.0 if not h else 0.0
    ov = sum((r & h).values())
    if not ov:
        return 0.0
    p, rc = ov / sum(h.values()), ov / sum(r.values())
    return 2 * p * rc / (p + rc)


def half(page_id):
    return "look" if hashlib.sha1(page_id.encode()).digest()[0] % 2 == 0 else "report"


def read_pred(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                out[str(o["id"])] = o
    return out


# The gold titles write apostrophes and dashes sometimes as the page does,
# sometimes in ASCII: a second title figure folds them (never the first).
FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                      "\u2013": "-", "\u2014": "-"})


def folded(s):
    return re.sub(r"\s+", " ", (s or "").strip().lower())


def score(ids, gold, pred, date_key):
    F, T, TF, D, A = [], [], [], [], []
    for i in ids:
        g, p = gold[i], pred.get(i, {})
        F.append(f1(g.get("main_content") or "", p.get("text") or ""))
        if g.get("title"):
            ours, theirs = (p.get("title") or "").strip(), g["title"].strip()
            T.append(ours == theirs)
            TF.append(ours.translate(FOLD) == theirs.translate(FOLD))
        if g.get("publish_date"):
            D.append((p.get(date_key) or "")[:10] == g["publish_date"])
        if g.get("author"):
            A.append(folded(p.get("author")) == folded(g["author"]))
    mean = lambda x: sum(x) / len(x) if x else float("nan")
    return mean(F), mean(T), mean(D), len(F), len(T), len(D), mean(TF), mean(A), len(A)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "storyline"))
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--no-peer", action="store_true")
    a = ap.parse_args()
    ids = open(os.path.join(DATA, "articles.txt")).read().split()
    gold = {}
    for i in ids:
        with open(os.path.join(DATA, "ground-truth", i + ".json"), encoding="utf-8") as f:
            gold[i] = json.load(f)["ground_truth"]
    with tempfile.TemporaryDirectory() as tmp:
        ours = os.path.join(tmp, "storyline.jsonl")
        pages = [os.path.join(DATA, "html", i + ".html.gz") for i in ids]
        with open(ours, "w") as out:
            p = subprocess.run([a.bin, "extract", "--json"] + pages, stdout=out, stderr=subprocess.PIPE)
        if p.returncode not in (0, 2):
            sys.exit("bench/wcxb: storyline exited %d: %s" % (p.returncode, p.stderr.decode()[-400:]))
        pred = read_pred(ours)
        if not pred:
            sys.exit("bench/wcxb: storyline printed no article")
        peer = None
        if not a.no_peer and subprocess.run(["/usr/bin/python3", "-c", "import readability, lxml"],
                                            capture_output=True).returncode == 0:
            theirs = os.path.join(tmp, "peer.jsonl")
            with open(theirs, "w") as out:
                subprocess.run(["/usr/bin/python3", PEER, os.path.join(DATA, "html")], stdout=out,
                               stderr=subprocess.DEVNULL)
            peer = read_pred(theirs)
    print("wcxb-dev: %d pages (look %d, report %d)" % (
        len(ids), sum(half(i) == "look" for i in ids), sum(half(i) == "report" for i in ids)))
    for name, part in (("report", [i for i in ids if half(i) == "report"]),
                       ("look", [i for i in ids if half(i) == "look"]), ("all", ids)):
        f, t, d, n, nt, nd, tf, au, na = score(part, gold, pred, "published")
        line = ("%-6s storyline  body F1 %.4f  title exact %.4f (n=%d; quotes folded %.4f)  date day %.4f (n=%d)"
                "  author %.4f (n=%d)") % (name, f, t, nt, tf, d, nd, au, na)
        print(line)
        if peer is not None:
            pf = score(part, gold, peer, "published")[0]
            print("%-6s readability-lxml  body F1 %.4f" % (name, pf))
    if a.errors:
        look = [i for i in ids if half(i) == "look"]
        bad_t = [i for i in look if gold[i].get("title") and
                 (pred.get(i, {}).get("title") or "").strip() != gold[i]["title"].strip()]
        bad_d = [i for i in look if gold[i].get("publish_date") and
                 (pred.get(i, {}).get("published") or "")[:10] != gold[i]["publish_date"]]
        bad_f = sorted(look, key=lambda i: f1(gold[i].get("main_content") or "", pred.get(i, {}).get("text") or ""))
        print("\n# titles (look half): %d wrong" % len(bad_t))
        for i in bad_t[:a.errors]:
            print("%s  gold %r\n      ours %r" % (i, gold[i]["title"], pred.get(i, {}).get("title")))
        print("\n# dates (look half): %d wrong" % len(bad_d))
        for i in bad_d[:a.errors]:
            print("%s  gold %s  ours %s" % (i, gold[i]["publish_date"], pred.get(i, {}).get("published")))
        print("\n# lowest body F1 (look half)")
        for i in bad_f[:a.errors]:
            g, h = gold[i].get("main_content") or "", pred.get(i, {}).get("text") or ""
            print("%s  F1 %.3f  gold %d words, ours %d" % (i, f1(g, h), sum(words(g).values()), sum(words(h).values())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
