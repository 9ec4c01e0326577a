"""The shipped tables of kg/lexicon (abbreviations, synonyms, adjectives' nouns, places'
adjectives, fixed names, verbs' nouns), read once, as keys.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from .keys import _lexicon_rows, is_acronym, name_key


@dataclass(frozen=True)
class Lexicon:
    """What kg/lexicon says, as keys: each acronym's meanings (abbreviations.csv), each
    other wording of a thing, a word or run of words, with its preferred wording: the
    shortened words of abbreviations.csv ("sci fi": "science fiction") and the synonyms
    of synonyms.csv ("driverless car": "autonomous vehicle"); and the noun each
    adjective of adjective-nouns.csv is made from ("electoral": "election"); the places
    each adjective of place-adjectives.csv is of ("norwegian": ("norway",)); the names
    of fixed-names.csv a people's adjective begins ("american football"); the nouns of
    each verb's act in verb-nouns.csv that no ending guesses ("sequester":
    ("sequestration",)), and those it names only before a preposition ("rely":
    ("reliance",))."""

    acronyms: dict[str, tuple[str, ...]]
    variants: dict[tuple[str, ...], tuple[str, ...]]
    longest: int  # words in the longest variant
    adjective_nouns: dict[str, str]
    place_adjectives: dict[str, tuple[str, ...]]
    fixed_names: frozenset[str]
    whole_names: dict[str, str]  # a whole name's other wording ("burma": "myanmar")
    verb_nouns: dict[str, tuple[str, ...]]
    preposition_nouns: dict[str, tuple[str, ...]]  # ... before a preposition only


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped tables: abbreviations, synonyms, adjectives' nouns, places'
    adjectives, fixed names, verbs' nouns (see their headers).

    >>> lexicon().acronyms["ev"], lexicon().variants[("sci", "fi")]
    (('electric vehicle',), ('science', 'fiction'))
    >>> lexicon().variants[("driverless", "car")]
    ('autonomous', 'vehicle')
    """
    acronyms: dict[str, list[str]] = defaultdict(list)
    variants: dict[tuple[str, ...], tuple[str, ...]] = {}
    for short, long in _lexicon_rows("abbreviations.csv"):
        if is_acronym(short):
            acronyms[name_key(short)].append(name_key(long))
        else:
            for keyed in _keyed_in_any_place(short):
                variants[keyed] = tuple(name_key(long).split())
    whole_names: dict[str, str] = {}
    for variant, preferred in _lexicon_rows("synonyms.csv"):
        if variant.startswith("="):  # (a whole name only: "=burma,myanmar")
            whole_names[name_key(variant[1:])] = name_key(preferred)
        else:
            for keyed in _keyed_in_any_place(variant):
                variants[keyed] = tuple(name_key(preferred).split())
    variants = _followed_to_the_end(variants)
    adjective_nouns = {name_key(adjective): name_key(noun)  # (as names' keys write them)
                       for adjective, noun in _lexicon_rows("adjective-nouns.csv")}
    place_adjectives: dict[str, list[str]] = defaultdict(list)
    for adjective, place in _lexicon_rows("place-adjectives.csv"):  # (keys)
        place_adjectives[adjective].append(place)
    fixed_names = frozenset(name for name, in _lexicon_rows("fixed-names.csv"))  # (keys)
    verb_nouns: dict[str, list[str]] = defaultdict(list)
    preposition_nouns: dict[str, list[str]] = defaultdict(list)
    where_read = {"any": verb_nouns, "preposition": preposition_nouns}  # (no other value)
    for verb, noun, where in _lexicon_rows("verb-nouns.csv"):  # (single words, lower case)
        where_read[where][verb].append(noun)
    return Lexicon({short: tuple(longs) for short, longs in acronyms.items()}, variants,
                   max(len(variant) for variant in variants), adjective_nouns,
                   {adjective: tuple(places) for adjective, places in place_adjectives.items()},
                   fixed_names, whole_names,
                   {verb: tuple(nouns) for verb, nouns in verb_nouns.items()},
                   {verb: tuple(nouns) for verb, nouns in preposition_nouns.items()})


def _followed_to_the_end(variants: dict[tuple[str, ...], tuple[str, ...]]
                         ) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each variant's preferred wording, followed while that is a variant itself ("gen
    y" -> "generation y" -> "millennial"); the first in sort order of a ring of
    wordings each preferring the next.

    >>> _followed_to_the_end({("a",): ("b",), ("b",): ("c",), ("x",): ("y",),
    ...                       ("y",): ("x",)})
    {('a',): ('c',), ('b',): ('c',), ('x',): ('x',), ('y',): ('x',)}
    """
    ended = {}
    for variant, preferred in variants.items():
        met = [variant]
        while preferred in variants and preferred not in met:
            met.append(preferred)
            preferred = variants[preferred]
        ended[variant] = min(met[met.index(preferred):]) if preferred in met else preferred
    return ended


def _keyed_in_any_place(wording: str) -> set[tuple[str, ...]]:
    """A wording's words as a key has them last in a name and before another word,
    where a key makes an -ics word its adjective ("consumer electronics" / "consumer
    electronic market").

    >>> sorted(_keyed_in_any_place("consumer electronics"))
    [('consumer', 'electronic'), ('consumer', 'electronics')]
    """
    before = name_key(wording + " thing").split()[:-1]
    return {tuple(name_key(wording).split()), tuple(before)}
