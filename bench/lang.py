#!/usr/bin/env python3
"""bench/lang.py: the language storyline reads from an article's text,
against the language its page states.

For every page of the HTML sets beside the repository (Readability's test
pages, zyte-aeb, wcxb-dev), `storyline extract --json` gives the body and
the language the page states (html lang, meta tags, JSON-LD). The bodies
are then given again as plain text (JSON Lines, no language field), so
that the language comes from the text alone (src/extract/lang.c), and the
two are compared by primary subtag over the pages that state one. Pages
whose stated language is one the guesser does not know are counted apart.

    bench/lang.py [--bin BINARY] [--errors]

No rule of lang.c was chosen on these pages; the word lists were written
from general knowledge. Standard library only.
"""
import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SL_SHARED", os.path.join(ROOT, "..", "shared"))
KNOWN = set("en de fr es it pt nl pl sv da no fi cs ro hu tr id zh ja ko ar fa ur he ru uk sr el th hi bn ta "
            "ka hy am".split())


def extract(binary, paths):
    out = []
    for i in range(0, len(paths), 200):
        p = subprocess.run([binary, "extract", "--json"] + paths[i:i + 200], capture_output=True)
        out += [json.loads(l) for l in p.stdout.decode("utf-8").split("\n") if l.strip()]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "storyline"))
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args()
    sets = {
        "readability-testpages": sorted(glob.glob(os.path.join(SHARED, "data", "readability-testpages", "*", "source.html.gz"))),
        "zyte-aeb": sorted(glob.glob(os.path.join(SHARED, "data", "zyte-aeb", "html", "*.html.gz"))),
        "wcxb-dev": sorted(glob.glob(os.path.join(SHARED, "data", "wcxb-dev", "html", "*.html.gz"))),
    }
    total = collections.Counter()
    for name, paths in sets.items():
        if not paths:
            print(f"{name}: not found")
            continue
        stated = []
        # testpages' files are all called source.html.gz: one run each
        if name == "readability-testpages":
            for p in paths:
                o = extract(a.bin, [p])
                stated += [(os.path.basename(os.path.dirname(p)), o[0])] if o else []
        else:
            stated = [(o["id"], o) for o in extract(a.bin, paths)]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            for i, (pid, o) in enumerate(stated):
                if o.get("text"):
                    f.write(json.dumps({"id": str(i), "text": o["text"]}) + "\n")
            tmp = f.name
        try:
            guessed = {o["id"]: o.get("language") for o in extract(a.bin, [tmp])}
        finally:
            os.unlink(tmp)
        c = collections.Counter()
        by_lang = collections.Counter()
        for i, (pid, o) in enumerate(stated):
            want = (o.get("language") or "").split("-")[0].lower()
            if not want or not o.get("text"):
                continue
            got = guessed.get(str(i))
            if want not in KNOWN:
                c["unknown language"] += 1
                continue
            c["pages"] += 1
            by_lang[want] += 1
            if got == want:
                c["right"] += 1
            elif got is None:
                c["none"] += 1
            else:
                c["wrong"] += 1
            if a.errors and got != want:
                print(f"  {name} {pid}: stated {want}, guessed {got}")
        total += c
        langs = ", ".join(f"{k} {v}" for k, v in by_lang.most_common())
        print(f"{name:22s} pages {c['pages']:4d}  right {c['right']:4d}  none {c['none']:3d}  wrong {c['wrong']:3d}"
              f"  (stated languages: {langs}; {c['unknown language']} in a language not known)")
    if total["pages"]:
        print(f"{'all':22s} pages {total['pages']:4d}  right {total['right']:4d} = {total['right'] / total['pages']:.3f}"
              f"  none {total['none']}  wrong {total['wrong']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
