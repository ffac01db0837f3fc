#!/usr/bin/env python3
"""bench/testpages.py: metadata read from real HTML pages (title, author,
publication date, language) against Mozilla Readability's test pages.

Runs `build/storyline extract --json` on each ../shared/data/readability-
testpages/<case>/source.html.gz, one page per run (the extract command names
an article by its file name, and every case's file is called source.html.gz),
and compares with the case's expected-metadata.json. Not a neutral gold
standard: the expected values are Readability.js's own output, so a
disagreement is sometimes Readability's quirk rather than our error.

A field counts only on pages where its expected value is non-null. Strings
are compared after folding case and collapsing white space; the date is the
day (YYYY-MM-DD) of publishedTime as written, without time-zone shifts; the
language is the primary subtag ("en-US" counts as "en"), since storyline
keeps ISO 639-1 codes only.

    bench/testpages.py            # the four shares
    bench/testpages.py --errors   # ... and every mismatch
    bench/testpages.py --only title --errors

Standard library only; run from the project root after `make`.
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "readability-testpages")
BIN = os.path.join(ROOT, "build", "storyline")
FIELDS = ("title", "author", "date", "language")


def norm(s):
    """Case folded, white space collapsed; "" (Readability found nothing)
    is None, so that such a field is not counted."""
    s = re.sub(r"\s+", " ", s).strip().casefold() if isinstance(s, str) else ""
    return s or None


def expected_of(meta):
    """The four expected values of one case, None where not given."""
    pt = meta.get("publishedTime")
    lang = meta.get("lang")
    return {
        "title": norm(meta.get("title")),
        "author": norm(meta.get("byline")),
        "date": pt[:10] if isinstance(pt, str) and re.match(r"\d{4}-\d\d-\d\d", pt) else None,
        "language": lang.split("-")[0].split("_")[0].lower() if isinstance(lang, str) and lang else None,
    }


def got_of(art):
    return {
        "title": norm(art.get("title")),
        "author": norm(art.get("author")),
        "date": art.get("published"),
        "language": (art.get("language") or "").lower() or None,
    }


def extract(path):
    """The article of one page, or {} when storyline skipped it."""
    r = subprocess.run([BIN, "extract", "--json", path], capture_output=True, text=True)
    line = r.stdout.strip().splitlines()
    return json.loads(line[0]) if line else {}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--errors", action="store_true", help="list every mismatch")
    ap.add_argument("--only", choices=FIELDS, help="list mismatches of this field only")
    ap.add_argument("--data", default=DATA)
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        sys.exit(f"testpages.py: {args.data} not found")
    if not os.access(BIN, os.X_OK):
        sys.exit("testpages.py: build/storyline not built: run make")
    cases = sorted(d for d in os.listdir(args.data)
                   if os.path.isfile(os.path.join(args.data, d, "source.html.gz")))
    hits = {f: 0 for f in FIELDS}
    total = {f: 0 for f in FIELDS}
    misses = []
    skipped = 0
    for case in cases:
        folder = os.path.join(args.data, case)
        with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as fh:
            want = expected_of(json.load(fh))
        art = extract(os.path.join(folder, "source.html.gz"))
        skipped += not art
        got = got_of(art)
        for f in FIELDS:
            if want[f] is None:
                continue
            total[f] += 1
            if got[f] == want[f]:
                hits[f] += 1
            else:
                misses.append((f, case, want[f], got[f]))
    print(f"{len(cases)} pages, {skipped} not extracted by storyline (counted as misses); "
          "each field counted where the expected value is non-null")
    for f in FIELDS:
        share = hits[f] / total[f] if total[f] else 0.0
        print(f"{f:9s} {hits[f]:4d} / {total[f]:4d}  {share:6.1%}")
    # Readability keeps the "By " of a byline read from the page's text;
    # storyline removes it by design. This line says how much of the
    # author gap is that alone.
    by = sum(1 for f, _, want, got in misses if f == "author" and got is not None
             and re.sub(r"^(written )?by:? ", "", want) == got)
    print(f"author, a leading 'By' in Readability's value ignored: {hits['author'] + by:4d} / "
          f"{total['author']:4d}  {(hits['author'] + by) / max(total['author'], 1):6.1%}")
    if args.errors or args.only:
        for f, case, want, got in misses:
            if args.only and f != args.only:
                continue
            print(f"\n{f} {case}\n  want: {want}\n  got:  {got}")


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # quiet under | head
    main()
