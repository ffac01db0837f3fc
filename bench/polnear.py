#!/usr/bin/env python3
"""bench/polnear.py: who said what, scored on PolNeAR's hand-marked
attributions (US political news of 2016, ../shared/data/polnear-dev).

Usage (from the project root, after `make`):
    bench/polnear.py                     # the dev split (84 articles): the report
    bench/polnear.py --split train       # the train split: for looking at errors
    bench/polnear.py --errors            # also list quotes with a wrong speaker, direct
                                         # quotes inside no attribution, and the quoted
                                         # attributions no quote was found in
    bench/polnear.py --cmd "/tmp/old/storyline analyze --json --raw"

Each article's .txt (title on the first line) is given whole as the text
of one JSON Lines record, so that the character offsets of the quotes
storyline finds are those of the annotation. Of an article annotated by
several people, the first annotation file (by name) is used.

Scores:
  quotes     a predicted quote is right when at least half of its characters
             lie inside the content span of one gold attribution (the gold
             one it overlaps most); precision over predicted quotes, recall
             over gold attributions whose content holds a quotation mark
             ("quoted": what a quote finder is for) and over all gold
             attributions (beliefs, "according to" and reported speech
             without a speech verb included)
  direct     the same for the direct quotes alone (between quote marks):
             precision over them, recall of quoted attributions by them
  speakers   over the right quotes whose gold source names someone (holds
             a capitalised word that is not a pronoun or determiner and is
             never written in lower case in the split's texts): the
             share whose predicted speaker shares a word of at least three
             letters with the gold source ("Trump" and "Donald J. Trump"),
             and the share with no speaker at all; over right quotes whose
             gold source is a pronoun or a noun phrase without a name, the
             share given some speaker (the annotation names no referent to
             check it against).
             A source whose capitalised words only qualify a common noun
             ("the Vermont senator", "Obama's former campaign strategist",
             "The former first lady and U.S. senator") is a description, not
             a name: its speaker cannot be checked against it (resolving it
             to "Bernie Sanders" would count as wrong). The first speakers
             line scores sources that hold a name of the speaker; the
             "any capitalised word" line keeps the earlier rule, which
             counted descriptions as named, for comparison.

Standard library only. Never copies PolNeAR: the JSON Lines go to a
temporary file.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

NOT_NAMES = {"he", "she", "they", "it", "we", "i", "you", "the", "a", "an", "his", "her", "their", "its",
             "this", "that", "these", "those", "some", "many", "one", "two", "both", "other", "others",
             "officials", "sources", "source", "aides", "critics", "supporters"}


def read_ann(path):
    """Gold attributions of one .ann file: (content pieces, source text or None)."""
    spans, rels = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and cols[0].startswith("T"):
                kind, _, where = cols[1].partition(" ")
                pieces = []
                for part in where.split(";"):
                    a, b = part.split()
                    pieces.append((int(a), int(b)))
                spans[cols[0]] = (kind, pieces, cols[2] if len(cols) > 2 else "")
            elif len(cols) >= 2 and cols[0].startswith("E"):
                rels.append(dict(arg.split(":", 1) for arg in cols[1].split()))
    out = []
    for r in rels:
        content = r.get("Content")
        if content not in spans:
            continue
        src = spans.get(r.get("Source"))
        out.append((spans[content][1], spans[content][2], src[2] if src else None))
    return out


def names_someone(source, common):
    """Does the source hold a name: a capitalised word that is not a pronoun
    or determiner and that the split's texts never write in lower case
    ("Prosecutors" and "Sixty-six" at a sentence start are no names)?"""
    if not source:
        return False
    for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", source):
        if w[0].isupper() and w.lower() not in NOT_NAMES and w.lower() not in common:
            return True
    return False


# Words that end one part of a source and start another: a name may stand
# in any part ("Secretary of State John F. Kerry", "his wife and current
# Democratic presidential nominee Hillary Clinton").
PART_BREAKS = {"of", "at", "in", "for", "from", "with", "on", "to", "by", "who", "which", "that", "whose",
               "and", "or", "both", "all", "alike", "himself", "herself", "itself", "themselves"}


def describes_only(source, common):
    """Does a source that names_someone hold no name of the speaker? True
    when none of its parts (split at commas, brackets, dashes, quote marks
    and the words of PART_BREAKS) ends in a capitalised word and holds a name: "the
    Vermont senator", "Obama's former campaign strategist" and "The former
    first lady and U.S. senator" only describe; "Howard Dean, the former
    governor of Vermont," and "The New York Times" name."""
    for chunk in re.split(r"[,()\u2013\u2014\"\u201c\u201d]", source):
        part = []
        for w in re.findall(r"[^\W\d_][\w.'’-]*", chunk) + [","]:
            if w != "," and w.lower() not in PART_BREAKS:
                part.append(w)
                continue
            if part and part[-1][0].isupper() and names_someone(" ".join(part), common):
                return False
            part = []
    return True


def initials(name):
    """The initials of a name's capitalised words: "Federal Bureau of
    Investigation" -> "FBI"."""
    return "".join(w[0] for w in re.findall(r"[A-Z][A-Za-z]*", name or ""))


def same_person(speaker, source):
    """A word of three letters or more in common, or the speaker's name
    written as the initials the source uses ("the F.B.I.", "the DNC")."""
    words = lambda s: {w.lower() for w in re.findall(r"[A-Za-z]{3,}", s or "")}
    if words(speaker) & (words(source) - NOT_NAMES):
        return True
    acronyms = {a.replace(".", "") for a in re.findall(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,}\b", source or "")}
    return len(initials(speaker)) >= 2 and initials(speaker) in acronyms


def overlap(a, b, pieces):
    return sum(max(0, min(b, y) - max(a, x)) for x, y in pieces)


OPEN_Q, CLOSE_Q = "“", "”"


def mostly_quoted(text):
    """Are at least half of the letters and digits of an attribution's
    content between quote marks? A direct quote, as a reader means it
    ("“We will not pay,” he said"), not a paraphrase holding a quoted word
    or title ("the case as the epitome of the “rigged system.”"). Straight
    quotes open and close in turn."""
    inside, straight, total, quoted = False, False, 0, 0
    for c in text:
        if c == OPEN_Q:
            inside = True
        elif c == CLOSE_Q:
            inside = False
        elif c == '"':
            straight = not straight
        elif c.isalnum():
            total += 1
            quoted += inside or straight
    return total > 0 and quoted * 2 >= total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--cmd", default="build/storyline analyze --json --raw")
    ap.add_argument("--data", default=os.path.join(os.environ.get("SL_SHARED", "../shared"), "data", "polnear-dev"))
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args()

    texts = sorted(glob.glob(os.path.join(a.data, a.split, "text", "*.txt")))
    if not texts:
        sys.exit("bench/polnear.py: no articles under %s" % os.path.join(a.data, a.split, "text"))
    gold, body = {}, {}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for p in texts:
            name = os.path.basename(p)[:-4]
            anns = sorted(glob.glob(os.path.join(a.data, a.split, "attributions", name + "_*.ann")))
            if not anns:
                continue
            gold[name] = read_ann(anns[0])
            with open(p, encoding="utf-8") as t:
                body[name] = t.read()
            f.write(json.dumps({"id": name, "published": name.split("_")[1], "title": None, "text": body[name]}) + "\n")
        path = f.name
    common = {w for t in body.values() for w in re.findall(r"\b[a-z][a-z'’-]*", t)}
    try:
        out = subprocess.run(a.cmd.split() + [path], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(path)

    predicted = right = 0
    gold_all = sum(len(g) for g in gold.values())
    gold_quoted = sum(1 for g in gold.values() for _, text, _ in g if re.search("[\"“”]", text))
    gold_mostly = sum(1 for g in gold.values() for _, text, _ in g if mostly_quoted(text))
    found_all, found_quoted, found_quoted_direct, found_mostly = set(), set(), set(), set()
    predicted_direct = right_direct = 0
    named = named_right = named_none = 0
    any_caps = any_caps_right = any_caps_none = 0
    unnamed = unnamed_given = 0
    errors, wrong = [], []
    for line in out.splitlines():
        o = json.loads(line)
        g = gold.get(o["id"], [])
        for q in o.get("quotes", []):
            predicted += 1
            direct = q.get("kind") == "direct"
            predicted_direct += direct
            s, e = q["start"], q["end"]
            best, k = 0, -1
            for i, (pieces, _, _) in enumerate(g):
                ov = overlap(s, e, pieces)
                if ov > best:
                    best, k = ov, i
            if k < 0 or best * 2 < e - s:
                if a.errors and direct:
                    ctx = body[o["id"]][max(0, s - 60):e + 60].replace("\n", " ")
                    wrong.append((o["id"], q.get("speaker"), ctx))
                continue
            right += 1
            found_all.add((o["id"], k))
            pieces, text, source = g[k]
            if re.search("[\"“”]", text):
                found_quoted.add((o["id"], k))
                if direct:
                    found_quoted_direct.add((o["id"], k))
                    if mostly_quoted(text):
                        found_mostly.add((o["id"], k))
            right_direct += direct
            if names_someone(source, common):
                any_caps += 1
                any_caps_none += not q.get("speaker")
                any_caps_right += bool(q.get("speaker")) and same_person(q["speaker"], source)
            if names_someone(source, common) and not describes_only(source, common):
                named += 1
                if not q.get("speaker"):
                    named_none += 1
                    if a.errors:
                        ctx = body[o["id"]][max(0, s - 60):e + 100].replace("\n", " ")
                        errors.append((o["id"], None, source, ctx))
                elif same_person(q["speaker"], source):
                    named_right += 1
                else:
                    errors.append((o["id"], q["speaker"], source, q["text"][:80]))
            else:
                unnamed += 1
                unnamed_given += bool(q.get("speaker"))

    div = lambda x, y: x / y if y else 0.0
    p = div(right, predicted)
    r_q, r_a = div(len(found_quoted), gold_quoted), div(len(found_all), gold_all)
    f1 = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0
    print("PolNeAR %s, %d articles, analyzer: %s" % (a.split, len(gold), a.cmd))
    print("quotes     predicted %d, right %d: precision %.3f" % (predicted, right, p))
    print("           recall of quoted attributions %d/%d = %.3f (F1 %.3f)" % (len(found_quoted), gold_quoted, r_q, f1(p, r_q)))
    print("           recall of all attributions    %d/%d = %.3f" % (len(found_all), gold_all, r_a))
    p_d, r_d = div(right_direct, predicted_direct), div(len(found_quoted_direct), gold_quoted)
    print("direct     predicted %d, right %d: precision %.3f; recall of quoted attributions %d/%d = %.3f (F1 %.3f)" % (
        predicted_direct, right_direct, p_d, len(found_quoted_direct), gold_quoted, r_d, f1(p_d, r_d)))
    r_m = div(len(found_mostly), gold_mostly)
    print("           recall of attributions mostly between quote marks %d/%d = %.3f (F1 %.3f)" % (
        len(found_mostly), gold_mostly, r_m, f1(p_d, r_m)))
    print("speakers   named gold source: right %d/%d = %.3f, none given %d (%.3f)" % (
        named_right, named, div(named_right, named), named_none, div(named_none, named)))
    print("           gold source without a name (pronoun, description): some speaker given %d/%d = %.3f" % (
        unnamed_given, unnamed, div(unnamed_given, unnamed)))
    print("           any capitalised word in the gold source (descriptions too): right %d/%d = %.3f, none given %d" % (
        any_caps_right, any_caps, div(any_caps_right, any_caps), any_caps_none))
    if a.errors:
        for doc, sp, src, text in errors:
            print("  %s  %s: %r for gold %r: %s" % ("no speaker" if sp is None else "wrong speaker", doc, sp, src, text))
        for doc, sp, ctx in wrong:
            print("  not gold direct  %s: speaker %r: %s" % (doc, sp, ctx))
        for doc, g in sorted(gold.items()):
            for k, (pieces, text, source) in enumerate(g):
                if re.search("[\"“”]", text) and (doc, k) not in found_quoted:
                    at, end = pieces[0][0], pieces[-1][1]
                    print("  missed %s  %s: source %r: ...%s[%s]%s..." % ("direct" if mostly_quoted(text) else "quote ",
                        doc, source, body[doc][max(0, at - 70):at].replace("\n", " "), text[:120].replace("\n", " "),
                        body[doc][end:end + 50].replace("\n", " ")))


if __name__ == "__main__":
    main()
