"""Candidates for review (layer 4 of kg.resolve, `kg resolve`): pairs the build does
not join on its own, each with a score and its evidence, for a person to accept into
the aliases file; `--accept` takes only those as strong as the build's own rules.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from .acronyms import initials_of
from .join import join_keys
from .keys import alias_keys, is_acronym, resolution_key
from .lexicon import lexicon


_LONGEST_TYPO_NAME = 16  # names of more words than this are not searched for typos


@dataclass(frozen=True)
class Candidate:
    first: str  # label
    first_type: str
    second: str
    second_type: str
    score: float  # 0-100
    reason: str  # "spacing", "spelling", "initials", "abbreviation", "alias"


CONCEPT_TYPES = frozenset({"Keyword", "Theme", "Technology"})
# What `kg resolve --accept` takes on its own: evidence as strong as the build's rules.
# (Not spellings: "personalization" / "depersonalization" differ by two letters.)
STRONG = {"spacing": 98.0}


def compatible(a: str, b: str) -> bool:
    """Types whose entities may name the same concept."""
    return a == b or (a in CONCEPT_TYPES and b in CONCEPT_TYPES)


def candidates(labels: Iterable[tuple[str, str]], threshold: float = 90.0,
               joined: dict[str, str] | None = None) -> list[Candidate]:
    """Pairs of (type, label) that may be the same thing but that the build keeps apart
    (`joined`: what join_keys joined; computed from `labels` when not given).

    Candidates come from indexes, never from comparing every pair: the same letters
    spaced differently ("spacing"), an acronym and the initials of a longer name that
    the corpus does not spell out or spells out ambiguously ("initials"), an acronym and
    each of its meanings in kg's table of abbreviations when the archive names more than
    one ("abbreviation"), an alias in
    parentheses that is not an abbreviation of its name ("alias"), and names whose
    keys share a word, a beginning or the letters after their first two and differ by a
    few characters ("spelling", rapidfuzz ratio >= `threshold`). Each pair once, in the
    first of its type pairs.

    >>> found = candidates([("Keyword", "open AI"), ("Theme", "OpenAI"),
    ...                     ("Keyword", "SGRs"), ("Technology", "solar glass roofs")],
    ...                    joined={})  # a graph that kept them all apart
    >>> [(c.first, c.second, c.reason, c.score) for c in found]
    [('open AI', 'OpenAI', 'spacing', 98.0), ('SGRs', 'solar glass roofs', 'initials', 80.0)]
    """
    from rapidfuzz import fuzz

    entries = sorted({(kind, label) for kind, label in labels})
    joined = join_keys(entries) if joined is None else joined
    key_of = {}
    for entry in entries:
        key = resolution_key(entry[1])
        key_of[entry] = joined.get(key, key)
    by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entry, key in key_of.items():
        by_key[key].append(entry)
    # A node's first name of each type stands for it: a pair of nodes is proposed once
    # per pair of types, not once per pair of their names (two nodes of thousands of
    # names each made millions; a review's)
    for key, group in by_key.items():
        by_key[key] = list({kind: (kind, label) for kind, label in reversed(group)}.values())
    found: dict[tuple, Candidate] = {}

    def suggest(a: tuple[str, str], b: tuple[str, str], score: float, reason: str) -> None:
        if key_of[a] == key_of[b] or not compatible(a[0], b[0]):
            return
        first, second = sorted((a, b), key=lambda e: (e[1].casefold(), e))
        pair = (first[1].casefold(), second[1].casefold())  # each pair of names once
        if pair not in found or found[pair].score < score:
            found[pair] = Candidate(first[1], first[0], second[1], second[0], score, reason)

    for entry in entries:
        for alias in alias_keys(entry[1]):
            for other in by_key.get(joined.get(alias, alias), ()):
                suggest(entry, other, 90.0, "alias")
    acronyms = {key: group for key, group in by_key.items()
                if any(is_acronym(label) for _, label in group)}
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        if len(key.split()) >= 2 and key not in acronyms:
            by_initials[initials_of(key)].append(key)
    known = lexicon().acronyms
    for key, group in acronyms.items():
        for long in by_initials.get(key.replace(" ", ""), ()):
            for entry in by_key[long]:
                for other in group:
                    suggest(entry, other, 80.0, "initials")
        # the archive names two meanings the table knows ("IP": intellectual property,
        # internet protocol): which one is for a person to say
        for long in known.get(key, ()):
            for entry in by_key.get(joined.get(long, long), ()):
                for other in group:
                    suggest(entry, other, 85.0, "abbreviation")
    squashed: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        squashed[key.replace(" ", "")].append(key)
    for keys in squashed.values():  # "e commerce" / "ecommerce", "open ai" / "openai"
        for a in keys:
            for b in keys:
                if a < b:
                    for x in by_key[a]:
                        for y in by_key[b]:
                            suggest(x, y, 98.0, "spacing")
    words: dict[str, set[str]] = defaultdict(set)
    blocks: dict[str, set[str]] = {}
    for key in by_key:
        if key.count(" ") >= _LONGEST_TYPO_NAME:
            continue  # a sentence, not a name with a typo (and many shared words are slow)
        # a shared word, the same beginning, or the same letters after the first two (a
        # prefix mistaken: "misinformation" / "disinformation")
        blocks[key] = set(key.split()) | {"^" + key[:4], "~" + key[2:7]}
        for word in blocks[key]:
            words[word].add(key)
    # A very common word blocks nothing; rarer shared words will.
    usable = {word for word, keys in words.items() if len(keys) <= 200}
    for word in sorted(usable):
        keys = sorted(words[word])
        for i, a in enumerate(keys):
            block = blocks[a]
            for b in keys[i + 1:]:
                shared = block & blocks[b]
                if len(shared) > 1 and min(shared & usable) != word:
                    continue  # (compared under the first word they share: once, not per word)
                if min(len(a), len(b)) < 6 or a.split() == b.split()[:len(a.split())] \
                        or b.split() == a.split()[:len(b.split())]:
                    continue  # one name extending the other ("AI" / "AI ethics") is not a typo
                score = fuzz.ratio(a, b)
                if score >= threshold:
                    for x in by_key[a]:
                        for y in by_key[b]:
                            suggest(x, y, round(score, 1), "spelling")
    return sorted(found.values(), key=lambda c: (-c.score, c.first.casefold(), c.second.casefold(),
                                                 c.first_type, c.second_type))


def accepted_candidates(labels: Iterable[tuple[str, str]],
                        joined: dict[str, str] | None = None) -> list[Candidate]:
    """The candidates `kg resolve --accept` appends to the aliases file: only those with
    evidence as strong as the build's own rules (STRONG: the same letters spaced
    differently); acronyms on initials alone and near spellings, which can mean
    other things (misinformation / disinformation, personalization /
    depersonalization), are left for a person to judge."""
    return [c for c in candidates(labels, min(STRONG.values()), joined)
            if c.reason in STRONG and c.score >= STRONG[c.reason]]
