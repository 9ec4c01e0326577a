"""Acronyms: how a short form abbreviates a long one (letters read as prefixes of the
long form's words), the acronyms a name declares in parentheses, and the runs of a
key an acronym may stand for. `join_keys` decides, from the corpus' evidence, which
of these join. (Whether a name is an acronym is keys.py's `is_acronym`: a name's key
needs it.)
"""

from __future__ import annotations

import re
from typing import Callable, Collection, Iterator

from .keys import _LONGEST_NAME, _PAREN_RE, _STOP, is_acronym


def initials_of(key: str, acronyms: Collection[str] = (), every_word: bool = False) -> str:
    """The first letters of a key's content words (of every word, with `every_word`); an
    acronym among them (one of `acronyms`) gives all its letters.

    >>> initials_of("internet of thing"), initials_of("internet of thing", every_word=True)
    ('it', 'iot')
    >>> initials_of("ai training opportunity", {"ai"})
    'aito'
    """
    return "".join(word if word in acronyms else word[0] for word in key.split()
                   if every_word or word not in _STOP)


# Digits an acronym writes for the small word they sound like (D2D, direct-to-device)
_SPOKEN_DIGITS = {"2": "to", "4": "for"}


def compound_initials(name: str) -> str:
    """The first letters of a name's words as written, a hyphenated compound one word,
    small words left out: the acronym a writer makes of it ("GPON" of "Gigabit-capable
    Passive Optical Network"; the key, which splits compounds, has one word more).

    >>> compound_initials("Gigabit-capable Passive Optical Network"), compound_initials("X")
    ('gpon', 'x')
    >>> compound_initials("EU Entry/Exit System")  # (a slash parts two words)
    'eees'
    """
    words = (word.strip("'\"()[],.:;") for word in re.split(r"[\s/&]+", name.lower()))
    return "".join(word[0] for word in words if word and word not in _STOP)


def abbreviation_spans(short: str, long: str) -> list[tuple[str, str]] | None:
    """How `short` (a key) abbreviates `long`: each of its words with the run of long
    words it stands for, reading its letters, in order, as prefixes of each of `long`'s
    content words (small words may give letters too); None when it does not.

    >>> abbreviation_spans("gen ai", "generative artificial intelligence")
    [('gen', 'generative'), ('ai', 'artificial intelligence')]
    >>> abbreviation_spans("llm", "large language model"), abbreviation_spans("tv", "adolescence")
    ([('llm', 'large language model')], None)
    >>> abbreviation_spans("d2d", "direct to device")
    [('d2d', 'direct to device')]
    """
    letters = short.replace(" ", "").lower()  # (a word in capitals' key: "ICE")
    words = long.split()
    if not letters or not words or len(letters) > 3 * len(long) or \
            len(words) > _LONGEST_NAME:  # (match recurses once per word)
        return None
    starts = _runs(letters, words, 0, 0, {})
    if starts is None:
        return None
    spans, first_word, letter = [], 0, 0
    for word in short.split():  # the long words whose letters fall in this short word
        end = letter + len(word)
        covering = [j for i, j in starts if letter <= i < end]
        if not covering:
            return None
        last = max(covering)
        spans.append((word, " ".join(words[first_word:last + 1])))
        first_word, letter = last + 1, end
    return spans


def initials_within(short: str, long: str) -> bool:
    """Whether an acronym (a key of one word) takes the first letter of each content word
    of `long`, in order, and at most one more letter from inside a word, after its first
    (a word compounded of two: "amr" of "antimicrobial resistance", "ghg" of "greenhouse
    gas", "dna" of "deoxyribonucleic acid"), as a name declaring it in its parenthesis
    writes it; small words may give their first letter too. A qualifier in capitals
    ("Online Safety Act (UK)") is none.

    >>> [initials_within(s, l) for s, l in (("amr", "antimicrobial resistance"),
    ...     ("ghg", "greenhouse gas"), ("uk", "online safety act"), ("us", "unemployment insurance"))]
    [True, True, False, False]
    """
    words, short = long.split(), short.lower()  # (a word in capitals' key: "ICE")
    if " " in short or not words or len(words) > _LONGEST_NAME:
        return False
    return _initials(short, words, 0, 0, {})


# (The two matches below recurse through module functions with a memo of their own: a
# memoised closure that calls itself is a reference cycle, left for the garbage
# collector, which a build turns off: kg.memory.)


def _runs(letters: str, words: list[str], i: int, j: int, memo: dict) -> tuple | None:
    """`abbreviation_spans`' match: the long-word index where each letter run starts,
    from letter i and word j (`memo`: the answers so far, by (i, j))."""
    if (i, j) not in memo:
        memo[i, j] = _runs_from(letters, words, i, j, memo)
    return memo[i, j]


def _runs_from(letters: str, words: list[str], i: int, j: int, memo: dict) -> tuple | None:
    if j == len(words):
        return () if i == len(letters) else None
    word = words[j]
    if word in _STOP:
        rest = _runs(letters, words, i, j + 1, memo)
        if rest is not None:
            return rest
    if _SPOKEN_DIGITS.get(letters[i:i + 1]) == word:  # ("d2d": direct to device)
        rest = _runs(letters, words, i + 1, j + 1, memo)
        if rest is not None:
            return ((i, j),) + rest
    k = 0
    while i + k < len(letters) and k < len(word) and letters[i + k] == word[k]:
        k += 1
        rest = _runs(letters, words, i + k, j + 1, memo)
        if rest is not None:
            return ((i, j),) + rest
    return None


def _initials(short: str, words: list[str], i: int, j: int, memo: dict) -> bool:
    """`initials_within`' match, from letter i and word j (`memo`: as `_runs`')."""
    if (i, j) not in memo:
        memo[i, j] = _initials_from(short, words, i, j, memo)
    return memo[i, j]


def _initials_from(short: str, words: list[str], i: int, j: int, memo: dict) -> bool:
    if j == len(words):
        return i == len(short)
    word = words[j]
    if word in _STOP and _initials(short, words, i, j + 1, memo):
        return True
    if i == len(short) or short[i] != word[0]:
        return False
    if _initials(short, words, i + 1, j + 1, memo):
        return True
    return i + 1 < len(short) and short[i + 1] in word[1:] and \
        _initials(short, words, i + 2, j + 1, memo)


def _mostly_same_words(first: str, second: str) -> bool:
    """Whether at least half the content words of the shorter of two keys are in the
    other (a word meets another it begins, or that shares its first five letters:
    "math" / "mathematics", "geographical" / "geographic").

    >>> _mostly_same_words("small and medium enterprise", "small and medium sized enterprise")
    True
    >>> _mostly_same_words("enterprise value", "electric vehicle")
    False
    """
    def meets(word: str, other: str) -> bool:
        return word.startswith(other) or other.startswith(word) or word[:5] == other[:5]

    words, others = ([w for w in key.split() if w not in _STOP] for key in (first, second))
    shorter, longer = sorted((words, others), key=len)
    shared = sum(1 for word in shorter if any(meets(word, other) for other in longer))
    return bool(shorter) and 2 * shared >= len(shorter)


def _declared_acronym(label: str) -> tuple[str, str] | None:
    """(acronym, the words before it) for "Words Before (ACR) More words", where the
    words before are two or more and the parenthesis holds one acronym.

    >>> _declared_acronym("Emotional Intelligence (EQ) Enhancement Technologies")
    ('EQ', 'Emotional Intelligence')
    >>> _declared_acronym("Food Export Certification (Thai Select)") is None
    True
    """
    match = _PAREN_RE.match(label.strip())
    if not match or not match["after"].strip():
        return None
    before, inside = match["before"].strip(), match["inside"].strip()
    if len(before.split()) >= 2 and " " not in inside and is_acronym(inside):
        return inside, before
    return None


def _spelled_forms(key: str, meanings_of: dict[str, set[str]]
                   ) -> Iterator[tuple[str, str, str]]:
    """(acronym, long form, the key with it spelled out) for each run of one or two words
    of the key that `meanings_of` (acronym -> long forms) spells out.

    >>> list(_spelled_forms("ev adoption", {"ev": {"electric vehicle"}}))
    [('ev', 'electric vehicle', 'electric vehicle adoption')]
    """
    for short, spelled_as in _short_runs(key):
        for long in sorted(meanings_of.get(short, ())):
            yield short, long, spelled_as(long)


def _short_runs(key: str) -> Iterator[tuple[str, Callable[[str], str]]]:
    """Each run of one or two words of a longer key that may be an acronym, with the
    key with that run written otherwise (names of more than `_LONGEST_NAME` words: none).

    >>> [(short, spelled_as("x")) for short, spelled_as in _short_runs("ml model")]
    [('ml', 'x model'), ('model', 'ml x')]
    """
    words = key.split()
    if len(words) > _LONGEST_NAME:
        return
    for size in (1, 2):
        for at in range(len(words) - size + 1):
            if len(words) > size:
                before, after = words[:at], words[at + size:]
                yield " ".join(words[at:at + size]), \
                    lambda long, before=before, after=after: " ".join(before + [long] + after)
