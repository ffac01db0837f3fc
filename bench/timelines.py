#!/usr/bin/env python3
"""bench/timelines.py: storyline's timelines against the human-written
timelines of t17-dev (Timeline17, five subjects, eleven timelines), beside
the PUBCOUNT baseline (the days with most articles), both scored by the
shared scorer as it is (../shared/eval/score_timelines.py).

Usage (from the project root, after `make`):
    bench/timelines.py                       # build/storyline and the baseline
    bench/timelines.py --bin /tmp/old/storyline
    bench/timelines.py --tasks               # also each task's line of the scorer

Prints, for storyline and the baseline, the scorer's last line (AR1-F,
AR2-F and Date-F1 from the precision and recall averaged over the tasks, as
news-tls averages them) and the command that gives it; then what the
scorer does not measure but issue 16 asks of a timeline, from the
timelines each system gave (--save-pred) and the gold ones:

  sentences      how many the timelines hold, and their mean length in
                 tokens (the corpus is tokenized: tokens are separated by
                 spaces), against the gold timelines' sentences
  repeated       sentences given twice or more within one timeline (under
                 one date or two)
  long           sentences of more than 60 tokens (the longest gold
                 sentence has 65; a chosen sentence that long has usually
                 swallowed a byline, a header or a second sentence)

t17-dev is the only timeline data: the timeline's rules were written on
the demo and checked on it, and its earlier weight trials were judged by
leaving one topic out (see the closing notes); figures here are of the
data those rules were checked on. Standard library only.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SL_SHARED", os.path.join(ROOT, "..", "shared"))
SCORER = os.path.join(SHARED, "eval", "score_timelines.py")
GOLD = os.path.join(SHARED, "data", "t17-dev", "timelines")
LONG = 60
SEPARATOR = re.compile(r"^-{10,}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def gold_sentences():
    """Every sentence of the gold timelines, by task (file name without
    .txt); a line that is neither a date nor a separator is a sentence."""
    out = {}
    for name in sorted(os.listdir(GOLD)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(GOLD, name), encoding="utf-8", errors="replace") as f:
            out[name[:-4]] = [l.strip() for l in f if l.strip() and not SEPARATOR.match(l.strip())
                              and not DATE.match(l.strip())]
    return out


def score(extra, pred_path):
    """The scorer's output lines for one system, its predictions saved to
    pred_path; the command as it can be run again."""
    cmd = [sys.executable, SCORER, "--jobs", "2", "--save-pred", pred_path] + extra
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout + r.stderr)
        sys.exit("bench/timelines.py: the scorer failed (%s)" % " ".join(cmd))
    shown = [c for c in cmd if c not in ("--save-pred", pred_path)]
    return r.stdout.splitlines(), " ".join(os.path.relpath(c, ROOT) if os.path.isabs(c) else c for c in shown[1:])


def tokens(sentence):
    return len(sentence.split())


def sentence_figures(pred_path):
    with open(pred_path, encoding="utf-8") as f:
        pred = json.load(f)
    n = total = repeated = long_ = 0
    for task, entries in pred.items():
        seen = collections.Counter(s.strip() for e in entries for s in e["sentences"])
        repeated += sum(c - 1 for c in seen.values() if c > 1)
        for e in entries:
            for s in e["sentences"]:
                n += 1
                total += tokens(s)
                long_ += tokens(s) > LONG
    return n, total / n if n else 0.0, repeated, long_


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "storyline"))
    ap.add_argument("--tasks", action="store_true", help="also print each task's line of the scorer")
    a = ap.parse_args()
    if not os.path.exists(SCORER):
        sys.exit("bench/timelines.py: no scorer at %s" % SCORER)
    gold = gold_sentences()
    gn = sum(len(v) for v in gold.values())
    glen = sum(tokens(s) for v in gold.values() for s in v) / gn
    glong = sum(tokens(s) > LONG for v in gold.values() for s in v)
    print("t17-dev timelines: %d tasks; gold: %d sentences, mean %.1f tokens, %d of more than %d" % (
        len(gold), gn, glen, glong, LONG))
    with tempfile.TemporaryDirectory() as work:
        for name, extra in (("storyline", ["--storyline", os.path.abspath(a.bin)]),
                            ("pubcount", ["--baseline", "pubcount"])):
            path = os.path.join(work, name + ".json")
            lines, cmd = score(extra, path)
            last = [l for l in lines if l.startswith("T17-dev TLS mean")]
            if not last:
                sys.exit("bench/timelines.py: the scorer printed no mean for %s" % name)
            if a.tasks:
                for l in lines:
                    if l and not l.startswith(("note:", "T17-dev")):
                        print("  " + l)
            n, mean, repeated, long_ = sentence_figures(path)
            print("%-9s %s" % (name, last[-1].replace("T17-dev TLS mean over", "mean over")))
            print("          sentences %d, mean %.1f tokens; repeated in a timeline %d; of more than %d tokens %d" % (
                n, mean, repeated, LONG, long_))
            print("          command: %s" % cmd)


if __name__ == "__main__":
    main()
