"""Resolve: when differently written names are the same thing.

Three layers, from safe to reviewed:

1. `resolution_key` (used by every build): the identity key made lenient to the
   ways machine-written summaries vary a name — accents, punctuation, hyphens,
   `&`/and, possessives, plurals — and, for "X (Y)", the name X (Y is kept as an
   alias). Names with the same key, in one entity type, are one node.
2. An analyst's aliases file (`kg build --aliases FILE`, a CSV of
   `same,NAME,NAME` and `never,NAME,NAME` rows), honoured by the build: "same"
   joins two keys, "never" keeps two names apart even when their keys agree.
3. `candidates` (used by `kg resolve`): pairs the graph suggests but the build
   does not join on its own — an acronym used alone ("Gen AI") where another
   article wrote "Generative AI (Gen AI)", a name and its initials, near-identical
   spellings (rapidfuzz) — each with a score, for a person to accept into the
   aliases file.

>>> resolution_key("Large Language Models (LLMs)") == resolution_key("large language model")
True
>>> resolution_key("El Niño") == resolution_key("El Nino")
True
>>> resolution_key("AI ethics") == resolution_key("AI")
False
"""

from __future__ import annotations

import csv
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .identity import identity_key

_PAREN_RE = re.compile(r"^(?P<before>[^()]*?)\s*\((?P<inside>[^()]+)\)\s*(?P<after>[^()]*)$")
_POSSESSIVE_RE = re.compile(r"['\u2019]s\b")
_SEPARATORS_RE = re.compile(r"[-_/\u2010-\u2015.,:;!?'\"`*+]+")
_OTHER_RE = re.compile(r"[^\w\s]+")
_ACRONYM_PLURAL_RE = re.compile(r"\b([A-Z]{2,})s\b")  # EVs, LLMs, NPCs
# British spellings, as American (both sides of a comparison get the same key), in one
# pass: -isation, -iour, -our in a few words, -tre, -elling/-elled. (Not -ise/-ising:
# "advertising", "promise" would change too, and keys show in IRIs.)
_OUR_WORDS = "lab|col|fav|hon|harb|neighb|rum|hum|flav|vap|vig|od|arm|endeav"
_SPELLING_RE = re.compile(
    r"(?<=\w{3})is(?=ation)"
    r"|(?<=\w)iou(?=r)"
    rf"|\b(?:{_OUR_WORDS})ou(?=r)"
    r"|\b(?:cent|theat|met|fib|lit|calib)re(?=s?\b)"
    r"|(?<=[^l\W])ell(?=ing\b|ed\b)")


def _american(match: re.Match) -> str:
    text = match.group(0)
    if text == "is":
        return "iz"
    if text.endswith("ou"):
        return text[:-1] if text == "iou" else text[:-2] + "o"
    if text.endswith("re"):
        return text[:-2] + "er"
    return "el"  # -ell- before -ing/-ed


_SPACES_RE = re.compile(r"\s+")
# Words whose final s is not a plural.
_KEEP_S = frozenset("""news series species means physics economics ethics politics mathematics
analytics logistics robotics graphics electronics statistics genetics linguistics dynamics
aesthetics semantics metrics diagnostics optics basics acoustics aeronautics athletics
bioinformatics informatics ceramics civics ergonomics gymnastics mechanics phonetics tactics
thermodynamics geopolitics semiotics pharmacokinetics glasses
gas bus bias canvas chaos lens atlas
alias thesis analysis crisis basis diagnosis synthesis hypothesis emphasis axis status campus
virus census consensus corpus focus bonus nexus plus minus radius stimulus apparatus
always perhaps towards afterwards whereas""".split())


def singular(word: str) -> str:
    """English singular of one lower-case word, by rule (no dictionary).

    >>> [singular(w) for w in ("technologies", "models", "llms", "batches", "ethics", "gas")]
    ['technology', 'model', 'llm', 'batch', 'ethics', 'gas']
    >>> singular("microplastics"), singular("physics")
    ('microplastic', 'physics')
    """
    if len(word) <= 3 or word in _KEEP_S or not word.endswith("s") or not word.isalpha():
        return word
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    return word[:-1]


@functools.lru_cache(maxsize=1 << 16)  # names recur across articles; workers keep their own
def normal_form(label: str) -> str:
    """The lenient form of a name: identity key, accents and punctuation dropped, `&`
    as "and", possessive 's dropped, every word singular.

    >>> normal_form("Coca-Cola’s  AR/VR Headsets & Tools")
    'coca cola ar vr headset and tool'
    >>> normal_form("EVs"), normal_form("Decarbonisation"), normal_form("Data centres")
    ('ev', 'decarbonization', 'data center')
    """
    text = identity_key(_ACRONYM_PLURAL_RE.sub(r"\1", label))
    if not text.isascii():  # drop accents: El Niño -> el nino
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
    text = _SPELLING_RE.sub(_american, text)
    text = _POSSESSIVE_RE.sub("", text).replace("&", " and ")
    text = _OTHER_RE.sub(" ", _SEPARATORS_RE.sub(" ", text))
    return " ".join(singular(word) for word in _SPACES_RE.sub(" ", text).strip().split(" ") if word)


@functools.lru_cache(maxsize=1 << 16)
def split_alias(label: str) -> tuple[str, str | None]:
    """("X Z", "Y Z") for "X (Y) Z": the name and the alias in parentheses; (label, None)
    when there is no single parenthesis.

    >>> split_alias("First-Person View (FPV) Drones")
    ('First-Person View Drones', 'FPV Drones')
    >>> split_alias("Artificial Intelligence (AI)")
    ('Artificial Intelligence', 'AI')
    """
    match = _PAREN_RE.match(label.strip())
    if not match or not match["before"].strip():
        return label, None
    after = match["after"].strip()
    name = f"{match['before'].strip()} {after}".strip()
    alias = f"{match['inside'].strip()} {after}".strip()
    return name, alias


def name_key(label: str) -> str:
    """The normal form of a name without its alias in parentheses: what entities are
    looked up by (skos:hiddenLabel) and, unless an aliases file says otherwise, keyed by.

    >>> name_key("  Large Language Models (LLMs) ")
    'large language model'
    """
    return normal_form(split_alias(label)[0])


def resolution_key(label: str, aliases: "AliasTable | None" = None) -> str:
    """The key under which names are one entity (within one type)."""
    if aliases is not None and aliases.never:
        kept = aliases.kept_apart(label)
        if kept is not None:
            return kept
    key = name_key(label) or identity_key(label) or label
    return aliases.canonical(key) if aliases is not None else key


def alias_keys(label: str) -> list[str]:
    """Other keys a name can be looked up by: its alias in parentheses, if any.

    >>> alias_keys("Generative AI (Gen AI)")
    ['gen ai']
    """
    _, alias = split_alias(label)
    key = normal_form(alias) if alias else ""
    return [key] if key else []


@dataclass
class AliasTable:
    """An analyst's decisions: keys joined ("same") and names kept apart ("never")."""

    joined: dict[str, str] = field(default_factory=dict)  # key -> canonical key
    never: set[str] = field(default_factory=set)  # identity keys of names kept apart
    digest: str = ""  # of the file, so a changed file rebuilds what it affects

    def canonical(self, key: str) -> str:
        return self.joined.get(key, key)

    def kept_apart(self, label: str) -> str | None:
        """A name in a "never" pair keeps its exact identity key (no lenient merging)."""
        key = identity_key(label)
        return "=" + key if key in self.never else None

    @classmethod
    def read(cls, path: str | Path) -> "AliasTable":
        """Read a CSV of `same,NAME,NAME[,...]` / `never,NAME,NAME` rows (# comments)."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as err:
            raise InputError(f"cannot read the aliases file: {err.strerror or err}",
                             path=path) from None
        table = cls(digest=hashlib.blake2b(data, digest_size=12).hexdigest())
        parent: dict[str, str] = {}

        def find(key: str) -> str:
            while parent.get(key, key) != key:
                key = parent[key]
            return key

        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise InputError(f"the aliases file is not UTF-8 (byte {err.start})",
                             path=path) from None
        rows = csv.reader(text.splitlines())
        for number, row in enumerate(rows, 1):
            cells = [cell.strip() for cell in row]
            if not cells or not cells[0] or cells[0].startswith("#"):
                continue
            if cells[0].lower() not in ("same", "never") or len([c for c in cells[1:] if c]) < 2:
                raise InputError(f"expected `same,NAME,NAME` or `never,NAME,NAME`, got "
                                 f"{','.join(row)!r}", path=path, line=number)
            names = [c for c in cells[1:] if c]
            if cells[0].lower() == "never":
                table.never.update(identity_key(name) for name in names)
                continue
            keys = sorted({name_key(name) for name in names})
            roots = sorted({find(key) for key in keys})
            for root in roots[1:]:
                parent[root] = roots[0]  # the smallest key names the group: deterministic
            for key in keys:
                parent.setdefault(key, key)
        table.joined = {key: find(key) for key in parent if find(key) != key}
        return table


# ---- candidates for review (`kg resolve`) ----

@dataclass(frozen=True)
class Candidate:
    first: str  # label
    first_type: str
    second: str
    second_type: str
    score: float  # 0-100
    reason: str  # "alias", "initials", "spelling"


CONCEPT_TYPES = frozenset({"Keyword", "Theme", "Technology"})


def compatible(a: str, b: str) -> bool:
    """Types whose entities may name the same concept."""
    return a == b or (a in CONCEPT_TYPES and b in CONCEPT_TYPES)


def initials(key: str) -> set[str]:
    """The first letters of the words, with and without the small ones.

    >>> sorted(initials("internet of thing"))
    ['iot', 'it']
    """
    words = key.split()
    return {"".join(w[0] for w in words),
            "".join(w[0] for w in words if w not in ("of", "and", "the", "for", "in", "on"))}


def candidates(labels: Iterable[tuple[str, str]], threshold: float = 90.0) -> list[Candidate]:
    """Pairs of (type, label) that may be the same thing but have different keys.

    Candidates come from an index, never from comparing every pair: names sharing
    an alias key, an acronym and the initials of a longer name, and names whose
    keys share a word and differ by a few characters (rapidfuzz ratio >=
    `threshold`).

    >>> found = candidates([("Technology", "Generative AI (Gen AI)"), ("Keyword", "Gen AI"),
    ...                     ("Keyword", "LLMs"), ("Theme", "large language models")])
    >>> [(c.first, c.second, c.reason) for c in found]
    [('Gen AI', 'Generative AI (Gen AI)', 'alias'), ('large language models', 'LLMs', 'initials')]
    """
    from rapidfuzz import fuzz

    entries = sorted({(kind, label) for kind, label in labels})
    key_of = {entry: resolution_key(entry[1]) for entry in entries}
    by_key: dict[str, list[tuple[str, str]]] = {}
    for entry, key in key_of.items():
        by_key.setdefault(key, []).append(entry)
    found: dict[tuple, Candidate] = {}

    def suggest(a: tuple[str, str], b: tuple[str, str], score: float, reason: str) -> None:
        if key_of[a] == key_of[b] or not compatible(a[0], b[0]):
            return
        first, second = sorted((a, b), key=lambda e: (e[1].casefold(), e))
        pair = (first, second)
        if pair not in found or found[pair].score < score:
            found[pair] = Candidate(first[1], first[0], second[1], second[0], score, reason)

    for entry in entries:
        for alias in alias_keys(entry[1]):
            for other in by_key.get(alias, []):
                suggest(entry, other, 100.0, "alias")
    acronyms = {key: group for key, group in by_key.items()
                if 2 <= len(key.replace(" ", "")) <= 6 and " " not in key}
    for key, group in by_key.items():
        if len(key.split()) < 2:
            continue
        for short in sorted(initials(key) & acronyms.keys()):
            for entry in group:
                for other in acronyms[short]:
                    suggest(entry, other, 95.0, "initials")
    squashed: dict[str, list[str]] = {}
    for key in by_key:
        squashed.setdefault(key.replace(" ", ""), []).append(key)
    for keys in squashed.values():  # "e commerce" / "ecommerce", "open ai" / "openai"
        for a in keys:
            for b in keys:
                if a < b:
                    for x in by_key[a]:
                        for y in by_key[b]:
                            suggest(x, y, 98.0, "spacing")
    words: dict[str, list[str]] = {}
    for key in by_key:
        for word in set(key.split()) | {"^" + key[:4]}:  # shared word, or same beginning
            words.setdefault(word, []).append(key)
    for keys in words.values():
        keys = sorted(set(keys))
        if len(keys) > 200:  # a very common word blocks nothing; rarer shared words will
            continue
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
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


def same_by_rules(a: str, b: str, aliases: AliasTable | None = None) -> bool:
    """Whether the build makes `a` and `b` one entity (or, across types, exact matches)."""
    return resolution_key(a, aliases) == resolution_key(b, aliases)
