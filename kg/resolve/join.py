"""Join: the keys the whole corpus gives evidence for joining (layer 2 of kg.resolve;
every build).

One pass reads what every name says (`_Evidence`: its key, whether it is an acronym,
the acronyms it declares or writes, the other name it carries); then groups of keys
(`_Groups`, union-find) are joined in stages, each on one kind of evidence. First the
joins on a shared form, whose order does not matter (each group keeps its preferred
key whatever the order): wordings (`_join_wordings`: `signatures`, an adjective as its
noun, "LiDAR technology" / "LiDAR") and spacing (`_join_spacings`). Then the joins
that ask which groups there are ("exactly one long form"), in this order: acronyms
inside longer names (`_join_acronyms_inside`), acronyms alone (`_join_acronyms_alone`:
the long forms the first stage joined count as one), other names a name declares or
carries (`_join_renamed`: last, when no other group declares the same).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .acronyms import (_declared_acronym, _mostly_same_words, _short_runs, _spelled_forms,
                       abbreviation_spans, compound_initials, initials_of, initials_within)
from .keys import (_LONGEST_NAME, _STOP, _acronym_token, _known_word, _lemmas, _renamed,
                   is_acronym, name_key, normal_form, sense_of, split_alias)
from .lexicon import Lexicon, lexicon
from .names import (_LEGAL_FORMS, _inverted_person, _law, _legal_form, _maker_product,
                    _titled_person)
from .wordings import normal_words, signatures
from .wordings.order import _brought_by, _natural_hazard, _technology
from .wordings.words import _lengthened

_PLURAL_RE = re.compile(r"[a-z]+s\b")  # (a plural: "financials" writes "financial" as a noun)


def join_keys(names: Iterable[tuple[str, str]],
              key_of: Callable[[str], str] = name_key,
              signatures_of: Callable[[str], set[str]] = signatures) -> dict[str, str]:
    """Keys the corpus gives evidence for joining, as {key: the key it joins}, from
    (kind, name) of every entity name in the corpus (any kind: evidence is shared);
    `key_of` gives a name's key (the build passes its aliases file's), `signatures_of` a
    key's `signatures` (the build passes kg.cache.SignatureMemo: most of the time here
    goes to them, and a rebuild computes only its new keys').

    The key a group keeps is its long form (not an acronym, no shortened word: "science
    fiction", not "sci fi"), then the one with the fewest letters ("lidar" of "lidar
    technology"), then the most spaced ("machine learning" of "machinelearning"), then
    the first in sort order, so the same names always give the same keys.

    >>> join_keys([("theme", "Cybernetics in Management"), ("keyword", "management cybernetics"),
    ...            ("technology", "Generative AI (Gen AI)"), ("keyword", "Gen AI"),
    ...            ("keyword", "AI"), ("theme", "architectural innovation")])
    {'cybernetics in management': 'management cybernetics', 'gen ai': 'generative ai'}
    """
    evidence = _Evidence.read(list(names), key_of)
    evidence.signatures_of = signatures_of
    groups = _Groups(evidence.acronym_keys, evidence.table)
    for key, other in _other_readings(evidence.keys, evidence.meanings()):
        groups.keep_apart(key, other)
    first_of = _join_wordings(groups, evidence)
    spelled_reordered = _spelled_reordered(evidence, first_of)
    del first_of  # (a key per form: the stage's largest dict at a million names)
    _join_spacings(groups, evidence)
    _join_words_in_capitals(groups, evidence)
    _join_acronyms_inside(groups, evidence, spelled_reordered)
    _join_acronyms_alone(groups, evidence)
    _join_renamed(groups, evidence)
    return groups.joined()


@dataclass
class _Evidence:
    """What the corpus' names say, read in one pass (`read`)."""

    table: Lexicon
    keys: set[str] = field(default_factory=set)
    # keys of names written as acronyms ("LLMs"), and of short forms the corpus spells
    # out ("Gen AI")
    acronym_keys: set[str] = field(default_factory=set)
    # keys of names writing a table adjective as a noun ("company financials")
    noun_plurals: set[str] = field(default_factory=set)
    # an alias key -> the long keys declaring it ("Large Language Models (LLMs)")
    declared: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # another name's key -> the keys declaring it ("X (formerly Twitter)", "OpenAI's ChatGPT")
    renamed: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # an acronym -> its one meaning in abbreviations.csv, as the corpus spaces it
    known: dict[str, str] = field(default_factory=dict)
    # acronyms of three letters or more written inside names
    acronym_tokens: set[str] = field(default_factory=set)
    # a key -> the acronyms its names write
    written_in: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # a key -> the acronyms each of its names not in lower case writes, and a law's key
    # -> the acronyms it writes after a country's initials ("EU Chips Act": none; "US
    # CHIPS Act": CHIPS)
    writings: dict[str, set[frozenset[str]]] = field(default_factory=lambda: defaultdict(set))
    law_writings: dict[str, set[frozenset[str]]] = field(
        default_factory=lambda: defaultdict(set))
    # keys of one-word names written with a capital first ("Ice", "Vets")
    titled: set[str] = field(default_factory=set)
    # keys of names written in lower case ("bitcoin", "crypto")
    lower: set[str] = field(default_factory=set)
    # keys of names of two words or more, each word but small ones with a capital first
    # ("US Space Force", "UK Research and Innovation")
    proper: set[str] = field(default_factory=set)
    # a name's key -> the kind of thing each sense is -> the keys of the name with that
    # sense in parentheses ("Blindsight (novel)")
    senses: dict[str, dict[str, set[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    signatures_of: Callable[[str], set[str]] = signatures  # (join_keys')

    def meanings(self) -> dict[str, set[str]]:
        """{acronym key: the long keys it may stand for}: as the corpus declares it
        ("Large Language Models (LLMs)") and as abbreviations.csv does, every meaning
        (what keeps two names apart may take the rarer one too)."""
        found: dict[str, set[str]] = defaultdict(set)
        for short, longs in self.table.acronyms.items():
            found[short].update(longs)
        for short, longs in self.declared.items():
            found[short].update(longs)
        return found

    def writes_as_acronym(self, key: str, short: str) -> bool:
        """Whether a key's names write `short` as an acronym, or it is a word of no other
        meaning ("Lidar sensors"): "Pet Tech" says nothing of privacy-enhancing
        technologies, PETs (a blind test's false join)."""
        return short in self.written_in.get(key, ()) or not _known_word(short)

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """Every word of the keys (asked for once `read` is done)."""
        return frozenset(word for key in self.keys for word in key.split())

    @functools.cached_property
    def in_longer_keys(self) -> Counter[str]:
        """How many keys of two words or more hold each word (asked for once `read` is
        done)."""
        return Counter(word for key in self.keys if " " in key for word in set(key.split()))

    @functools.cached_property
    def long_keys(self) -> set[str]:
        """The keys that are no acronym (asked for once `read` is done)."""
        return self.keys - self.acronym_keys

    @classmethod
    def read(cls, names: list[tuple[str, str]], key_of: Callable[[str], str]) -> "_Evidence":
        found = cls(lexicon())
        table, declared, renamed = found.table, found.declared, found.renamed
        for _, label in names:
            key = key_of(label)
            if not key or key.startswith("="):  # kept apart by the analyst: never joined
                continue
            found.keys.add(key)
            bare = label.strip()
            if bare[1:].islower() and bare[:1].isupper() and bare.isalpha():
                found.titled.add(key)
            if bare.islower():
                found.lower.add(key)
            elif " " in bare and all(word[:1].isupper() or word in _STOP for word in bare.split()):
                found.proper.add(key)
            if any(word[:-1] in table.adjective_nouns
                   for word in _PLURAL_RE.findall(label.lower())):
                found.noun_plurals.add(key)  # ("company financials" are no company finance)
            if is_acronym(label) and (key,) not in table.variants:  # (not FinTech)
                found.acronym_keys.add(key)
            sensed = sense_of(label) or _legal_form(label)
            if sensed:  # ("Blindsight (novel)", "Calbee Inc.")
                found.senses[key_of(sensed[0])][sensed[1]].add(key)
            carried = _maker_product(label) or _titled_person(label) or _law(label) or \
                _inverted_person(label)
            if carried:  # ("OpenAI's ChatGPT" is ChatGPT, "Mayor Sadiq Khan" Sadiq Khan)
                renamed[key_of(carried)].add(key)
                if carried == _law(label):
                    found.law_writings[key_of(carried)].add(_acronyms_written(carried))
            for written in (a for a in split_alias(label)[1:] if a):
                alias = key_of(written)
                spans = abbreviation_spans(alias, key) if alias != key else None
                if alias and alias != key and not spans and _renamed(label):
                    renamed[alias].add(key)
                elif not spans and alias != key and is_acronym(written) and (
                        initials_within(alias, key) or len(alias) >= 3 and
                        alias.replace(" ", "") == compound_initials(split_alias(label)[0])):
                    # ("Antimicrobial Resistance (AMR)", "Gigabit-capable Passive Optical
                    # Network (GPON)"; not two letters so: "Open-source Software (OS)" would
                    # take a bare OS, attack 112's)
                    declared[alias].add(key)
                elif spans:
                    declared[alias].add(key)
                    # and each acronym inside it: "Gen AI" of "Generative Artificial
                    # Intelligence" spells out "AI" as "artificial intelligence"
                    for word, run in spans:
                        if len(run.split()) >= 2 and word != alias:
                            declared[word].add(run)
                elif alias != key and _declared_acronym(label):
                    # An acronym the writer declared mid-name though its letters are not
                    # the words' initials ("Emotional Intelligence (EQ) Enhancement"): the
                    # whole short name is taken as written (the acronym alone is not: "AI"
                    # may be declared so for something else).
                    declared[alias].add(key)
        found._read_meanings()
        for short in [short for short in declared if short.isupper()]:
            # (a word in capitals declared alone, "STEAM (Science, ..., Arts and
            # Mathematics)", is keyed "STEAM"; inside a name, "steam": one declaration,
            # though "Steam" alone is no acronym)
            declared[short.lower()].update(declared[short])
        for _, label in names:
            shorts = [word for word in re.split(r"[\s/&-]+", split_alias(label)[0])
                      if _acronym_token(word)]
            if found.law_writings and not label.islower():  # (lower case says nothing)
                found.writings[key_of(label)].add(frozenset(map(normal_form, shorts)))
            if shorts:
                written = found.written_in[key_of(label)]
                for word in shorts:
                    form = normal_form(word)
                    written.add(form)
                    if len(word) >= 3:
                        found.acronym_tokens.add(form)
        return found

    def _read_meanings(self) -> None:
        """(`read`, between its two passes over the names.) Adds to `declared` the
        meanings kg/lexicon/abbreviations.csv gives the corpus' acronyms, as the corpus
        names them, and to `acronym_keys` the short forms the corpus spells out."""
        table, keys, declared = self.table, self.keys, self.declared
        # An acronym the corpus does not spell out, alone as a name: the one of its
        # meanings (kg/lexicon/abbreviations.csv) that the corpus names ("EVs" / "electric
        # vehicles"). Only a name written as an acronym ("IT", not "It"; "WHO", not "The
        # Who"), and only an acronym of one meaning (AI may be artificial insemination:
        # two are left to `kg resolve`'s review, even when the archive names one of them).
        # (each meaning as the archive spaces it: "take off" is the archive's "takeoff")
        spaced = {key.replace(" ", ""): key for key in sorted(keys, reverse=True)}

        def as_named(long: str) -> str:
            # (or as synonyms.csv words the whole meaning, when the corpus does not
            # name it so: "WEEE" is "e-waste", "UAVs" are "drones")
            preferred = "".join(table.variants.get(tuple(long.split()), ()))
            return spaced.get(long.replace(" ", "")) or spaced.get(preferred, long)

        self.known = {short: as_named(longs[0])
                      for short, longs in table.acronyms.items() if len(longs) == 1}
        # An acronym alone that the corpus spells out as none of the table's meanings has
        # two meanings: a bare acronym is read in its usual meaning ("EVs" are no
        # "Enterprise Value (EV)"; left to `kg resolve`'s review). Spelled out as one of
        # them (in other words too: "Small and Medium Enterprises (SMEs)"), the corpus
        # decides, unless it also names another ("IP": intellectual property and internet
        # protocol).
        for short in sorted(self.acronym_keys & table.acronyms.keys()):
            meanings = [spaced.get(m.replace(" ", ""), m) for m in table.acronyms[short]]
            if short in declared:
                spelled = list(declared[short])
                others = [m for m in meanings
                          if not any(_mostly_same_words(m, long) for long in spelled)]
                spelled_as_table = len(others) < len(meanings)
                declared[short].update(m for m in others if m in keys or not spelled_as_table)
            elif short in self.known and self.known[short] in keys:
                declared[short].add(self.known[short])
        # A short form the table writes with "&" or a digit (kept as a wording: "B2B" is
        # business to business) spelled out as another thing has two meanings too
        # ("Back-to-Back (B2B)": attack 112's)
        for short in sorted(declared):
            meaning = table.variants.get(tuple(short.split()))
            if meaning and _acronym_letters(short) and not any(
                    _mostly_same_words(" ".join(meaning), long) for long in declared[short]):
                declared[short].add(as_named(" ".join(meaning)))
        self.acronym_keys |= declared.keys() & keys  # short forms spelled out: "Gen AI"


class _Groups:
    """Keys joined into groups (union-find); each group keeps its preferred key: written
    out, then the fewest letters, then the most spaced, then the first in sort order."""

    def __init__(self, acronym_keys: set[str], table: Lexicon):
        self.parent: dict[str, str] = {}
        self.acronym_keys = acronym_keys
        self.table = table
        # a group's key -> the keys no join may bring into it (`keep_apart`)
        self.apart: dict[str, set[str]] = {}

    def find(self, key: str) -> str:
        parent = self.parent
        while parent.get(key, key) != key:
            parent[key] = parent.get(parent[key], parent[key])
            key = parent[key]
        return key

    def preferred(self, key: str) -> tuple:
        words = key.split()
        return (key in self.acronym_keys,
                _lengthened(words) != words or key in self.table.whole_names,
                len(key.replace(" ", "")), -len(words), key)

    def join(self, a: str, b: str) -> None:
        """One group of the two keys' groups, unless that brings together two keys kept
        apart (then a name that reads as both joins the reading met first only)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb or any(self.find(k) == rb for k in self.apart.get(ra, ())):
            return
        keep, other = sorted((ra, rb), key=self.preferred)
        self.parent[other] = keep
        if other in self.apart:
            self.apart.setdefault(keep, set()).update(self.apart.pop(other))

    def keep_apart(self, a: str, b: str) -> None:
        """Never join the groups of these two keys (asked before any join)."""
        self.apart.setdefault(self.find(a), set()).add(b)
        self.apart.setdefault(self.find(b), set()).add(a)

    def spelled_out(self, declared: dict[str, set[str]]) -> dict[str, str]:
        """Each declared acronym whose long forms are all in one group: the first of them
        in sort order (the acronym's expansion)."""
        found = {}
        for acronym in declared:
            if len({self.find(k) for k in declared[acronym]}) == 1:
                found[acronym] = min(declared[acronym])
        return found

    def joined(self) -> dict[str, str]:
        return {key: self.find(key) for key in sorted(self.parent) if self.find(key) != key}


def _join_wordings(groups: _Groups, evidence: _Evidence) -> dict[int, str]:
    """Long forms among themselves: keys that share a signature (their loose form, or
    one of their variants: see `signatures`) are one; an adjective of
    adjective-nouns.csv as its noun; an acronym key and the long keys of its signature
    that start with it ("LiDAR technology" / "LiDAR"). Gives the first long key of each
    unmarked or ">" signature, by the signature's `_digest` (for `_spelled_reordered`)."""
    # (Each signature keeps its first key only, and joins the next to it: the groups
    # are the same, the memory a dict of strings, not of lists, at a million names; and
    # keyed by the signature's `_digest`, not the string: 3 million signatures of a
    # million names took 247 MB as strings, 127 MB as digests.)
    long_keys = evidence.long_keys
    shorts_of: dict[str, list[str]] = defaultdict(list)  # signature -> its acronym keys
    for key in sorted(evidence.acronym_keys & evidence.keys):
        for signature in _forms(key, evidence.words, evidence.signatures_of):
            if signature[0] not in "<>":  # (marked forms never meet an acronym's)
                shorts_of[signature].append(key)
    first_of: dict[int, str] = {}
    longs_of: dict[str, list[str]] = defaultdict(list)  # of the signatures with shorts
    # "<" forms (a leading adjective as a noun) meet ">" forms (reordered names) only:
    # adjective keys wait for a reordered key of their form, then join it.
    waiting: dict[str, str | list[str]] = {}
    for key in sorted(long_keys):
        # (in sort order: where two keys kept apart meet this one, the join made first
        # stands, and a set's order changes with the process' hash seed)
        for signature in sorted(_forms(key, evidence.words, evidence.signatures_of)):
            mark, form = signature[0], signature[1:]
            if mark == ">":
                first_of.setdefault(_digest(signature), key)
                found = waiting.pop(form, ())
                for other in ([found] if isinstance(found, str) else found):
                    groups.join(other, key)
                continue
            if mark == "<":
                reordered = first_of.get(_digest(">" + form))
                if reordered is not None:
                    groups.join(reordered, key)
                else:
                    found = waiting.get(form)
                    waiting[form] = key if found is None else \
                        [found, key] if isinstance(found, str) else found + [key]
                continue
            first = first_of.setdefault(_digest(signature), key)
            if first != key:
                groups.join(first, key)
            if signature in shorts_of:
                longs_of[signature].append(key)
    del waiting  # (before the next loop: at a million names, memory)
    # An adjective of adjective-nouns.csv as its noun, against names as written
    # ("electoral interference" / "election interference", "statistical literacy" /
    # "statistics literacy"); not against reordered names ("parliamentary scrutiny" is
    # no scrutiny of parliament), nor after a generic word is dropped ("EU strategic
    # technology" is no EU strategy), nor where a name writes the adjective as a noun
    # ("financials", "orbitals"): reviews' false joins.
    adjective_nouns = evidence.table.adjective_nouns
    as_nouns: dict[str, str] = {}
    for key in sorted(long_keys - evidence.noun_plurals):
        words = key.split()
        if any(word in adjective_nouns for word in words):
            form = " ".join(adjective_nouns.get(word, word) for word in words)
            groups.join(as_nouns.setdefault(form, key), key)
            if form in long_keys:
                groups.join(form, key)
    for signature, longs in longs_of.items():  # "LiDAR technology" / "LiDAR"
        for short in shorts_of[signature]:
            # (or a long name of other words read as the acronym whole: synonyms.csv's
            # "coronavirus pandemic" is COVID; not "Pet Tech", no PETs)
            if any(evidence.writes_as_acronym(k, short) if k.startswith(short + " ")
                   else signature == short for k in longs):
                groups.join(longs[0], short)
    return first_of


# Prepositions that give the words around them roles: who acts, who is acted on, where
# from ("impact on jobs" / "impact of jobs", "indifference of" / "to historical
# forces"), and the pairs of them that name one role ("of" / "in" / "for", "to" /
# "toward" / "for"; and "of" / "from" of what a technology brings, `_brought_from`:
# "risks of AI" / "risks from AI").
_ROLE_WORDS = frozenset({"of", "in", "for", "to", "toward", "towards", "on", "upon", "by",
                         "from", "against", "through"})
_ONE_ROLE = frozenset(frozenset(pair) for pair in (
    ("of", "in"), ("of", "for"), ("in", "for"), ("to", "toward"), ("to", "towards"),
    ("toward", "towards"), ("to", "for"), ("toward", "for"), ("towards", "for"),
    ("on", "upon"), ("on", "against"),  # (sanctions on / against Russia)
    ("by", "through")))  # (personalisation by / through AI, not of AI)


def _brought_from(key: str) -> bool:
    """Whether a key says what a technology or a natural hazard brings, "EFFECT from
    CAUSE" (`_brought_by`), as written (an acronym spelled out otherwise says no such
    thing: "AI" / "Amnesty International"); not an event's: "risk of war" is no risk
    from war (an attack's)."""
    words = key.split()
    at = words.index("from") if "from" in words else 0
    return at > 0 and (_technology(words[at + 1:]) or _natural_hazard(words[at + 1:])) and \
        _brought_by(words[at - 1], words[at + 1:])


def _other_readings(keys: set[str], meanings: dict[str, set[str]] | None = None
                    ) -> Iterator[tuple[str, str]]:
    """Pairs of keys that are two readings of one form, each a thing of its own, whatever
    name of the corpus reads as both ("AI impact"): names that differ in one
    preposition of another role (`_ROLE_WORDS`), and "ADJ X of Y" / "X of ADJ Y" (the
    adjective is X's, then Y's).

    Names are compared as written, as the lexicon writes their words (`normal_words`:
    "effect on AI" / "impact of AI") and with each acronym of `meanings` ({acronym key:
    the long keys it may stand for}) spelled out ("impact on AI" / "impact of artificial
    intelligence").

    >>> sorted(_other_readings({"impact on job", "impact of job", "aid to x", "aid for x",
    ...                         "ethical use of ai", "use of ethical ai", "effect on ai",
    ...                         "impact of ai", "job impact"}))  # doctest: +NORMALIZE_WHITESPACE
    [('ethical use of ai', 'use of ethical ai'), ('impact of ai', 'effect on ai'),
     ('impact of job', 'impact on job')]
    """
    keys_of: dict[str, list[str]] = defaultdict(list)  # (of the keys with a role word)
    meanings = meanings or {}
    for key in keys:
        words = key.split()
        if not _ROLE_WORDS.isdisjoint(words):
            written = {key} | {" ".join(words[:at] + [long] + words[at + 1:])
                               for at, word in enumerate(words) if word in meanings
                               for long in meanings[word]}
            for form in written | {" ".join(normal_words(form)) for form in written}:
                keys_of[form].append(key)  # (as written, and as the lexicon writes it)
    for form, named in keys_of.items():
        words = form.split()
        for at in range(1, len(words) - 1):
            word = words[at]
            others = []
            if word in _ROLE_WORDS:
                others += [" ".join(words[:at] + [role] + words[at + 1:]) for role in _ROLE_WORDS
                           if role > word and frozenset((word, role)) not in _ONE_ROLE and
                           not (role == "of" and word == "from" and
                                any(_brought_from(key) for key in named))]
                if at >= 2 and word in ("of", "in", "for") and _lemmas(words[0], "ADJ"):
                    others.append(" ".join(words[1:at + 1] + words[:1] + words[at + 1:]))
            for other in others:
                for key in named:
                    for twin in keys_of.get(other, ()):
                        if twin != key:
                            yield key, twin


def _join_spacings(groups: _Groups, evidence: _Evidence) -> None:
    """Keys that differ only in spacing: "girl boss" / "girlboss", "Chat GPT" / "ChatGPT"."""
    first_squashed: dict[str, str] = {}
    for key in sorted(evidence.keys):
        first = first_squashed.setdefault(_squashed(key), key)
        if first != key:
            groups.join(first, key)


def _squashed(key: str) -> str:
    """A key without its spaces, but between two numbers ("1.5 million" is no 15 million,
    "20/20 vision" no 2020 vision) and after a prefix making a word of another meaning
    ("re-sign" is no resignation: `_PREFIXED_OTHERS`; but a co-op is written "Coop" too:
    "Coop Funeralcare").

    >>> [_squashed(k) for k in ("chat gpt", "gpt 3 5", "re sign", "covid 19")]
    ['chatgpt', 'gpt3 5', 're sign', 'covid19']
    """
    words = key.split(" ")
    kept = [words[0]]
    for first, second in zip(words, words[1:]):
        if first[-1:].isdigit() and second[:1].isdigit() or \
                first + second in _PREFIXED_OTHERS and first + second != "coop":
            kept.append(" ")
        kept.append(second)
    return "".join(kept)


def _digest(signature: str) -> int:
    """A signature as a 128-bit number (two signatures of one number: never, in practice).

    >>> _digest("lidar") == _digest("lidar") != _digest("radar")
    True
    """
    return int.from_bytes(hashlib.blake2b(signature.encode("utf-8", "surrogatepass"),
                                          digest_size=16).digest(), "little")


def _spelled_reordered(evidence: _Evidence, first_of: dict[int, str]
                       ) -> dict[tuple[str, str], str]:
    """An acronym spelled out inside a name whose words another name orders otherwise
    ("EV adoption" / "adoption of electric vehicles"): {(key, its spelled-out form): the
    key whose signature it meets} (`first_of`: the first long key of each signature's
    `_digest`),
    joined by `_join_acronyms_inside` once the acronym's meaning is settled."""
    keys, declared, known = evidence.keys, evidence.declared, evidence.known
    meanings_of = {short: set(longs) for short, longs in declared.items()}
    written_short = set().union(*evidence.written_in.values())  # (of any length: "ML")
    for short in written_short & known.keys() - declared.keys():
        meanings_of[short] = {known[short]}
    # The other name must meet this one with the acronym written back into it, too: "by
    # artificial intelligence" reorders as a phrase, "by AI" does not ("AI governance" is
    # no governance by AI).
    found: dict[tuple[str, str], str] = {}
    for key in sorted(keys):
        for short, long, longer in _spelled_forms(key, meanings_of):
            if longer not in keys:
                # (the first in sort order of the keys it meets: a set's order changes
                # with the process' hash seed, and the build must not)
                met = (first_of.get(_digest(s)) for s in _forms(longer, evidence.words,
                                                                 evidence.signatures_of)
                       if s[0] not in "<>")
                others = sorted({other for other in met if other is not None} - {key})
                other = next((other for other in others if _meet(
                    key, f" {other} ".replace(f" {long} ", f" {short} ").strip(),
                    evidence.words, evidence.signatures_of)), None)
                if other is not None:
                    found[key, longer] = other
    return found


def _meet(key: str, other: str, words: frozenset[str],
          signatures_of: Callable[[str], set[str]]) -> bool:
    """Whether two keys share a form (`_forms`, the marked ones aside)."""
    forms = {s for s in _forms(key, words, signatures_of) if s[0] not in "<>"}
    return any(s[0] not in "<>" and s in forms for s in _forms(other, words, signatures_of))


def _forms(key: str, words: frozenset[str],
           signatures_of: Callable[[str], set[str]] = signatures) -> set[str]:
    """A key's `signatures`, and the same with two of its words that stand next to each
    other as written, and that the archive writes as one word (`words`: every word of
    its keys), so written, as whole keys meet spaced otherwise (`_join_spacings`):
    "growing home schooling" / "rise of homeschooling". (Only neighbours as written:
    "employment in the UN" reordered is no "unemployment", "pets in cars" no "carpets".)

    >>> words = frozenset({"rise", "of", "homeschooling", "growing", "home", "schooling"})
    >>> sorted(_forms("rise of homeschooling", words) & _forms("growing home schooling", words))
    ['homeschooling rise']
    """
    forms = signatures_of(key)
    key_words = key.split()
    pairs = [(f" {a} {b} ", f" {a}{b} ") for a, b in zip(key_words, key_words[1:])
             if a + b in words and _one_word(a, b)]
    # (a form with no pair and no number is as written)
    return forms | {_written_as_one(form, pairs, words) for form in forms
                    if pairs or _DIGITS_RE.search(form)}


_DIGITS_RE = re.compile(r"\d")


def _one_word(first: str, second: str) -> bool:
    """Whether two neighbours may be one word written apart: not two numbers ("1.5" keys
    as "1 5", never "15"), nor a letter ("Chang'e" is no "change"), nor a prefix making
    a word of another meaning (`_PREFIXED_OTHERS`: "re-creation" is no recreation; but
    "re-use" is reuse, "co-operation" cooperation, "GPT 4" GPT4).

    >>> [_one_word(*p) for p in (("home", "schooling"), ("1", "5"), ("chang", "e"),
    ...                          ("re", "creation"), ("re", "use"), ("gpt", "4"))]
    [True, False, False, False, True, True]
    """
    return not (first[-1].isdigit() and second[0].isdigit()) and len(first) > 1 and \
        (len(second) > 1 or second.isdigit()) and first + second not in _PREFIXED_OTHERS


# Words a prefix written apart is no part of: "re-creation" (making anew) is no
# recreation, "re-sign" no resignation.
_PREFIXED_OTHERS = frozenset("""recreation recover resign reform retreat remark resort
    repress release reserve recollect represent react resent restrain coop""".split())


def _written_as_one(form: str, pairs: list[tuple[str, str]], words: frozenset[str]) -> str:
    """A form (its mark kept) with each pair of words written as one, and a number and
    the word after it ("4 day" of "four-day", as "4-day" keys: "4day")."""
    mark = form[0] if form[0] in "=<>~" else ""
    body = f" {form[len(mark):]} "
    for spaced, one in pairs:
        body = body.replace(spaced, one)
    if _DIGITS_RE.search(body):
        found: list[str] = []
        for word in body.split():
            if found and found[-1].isdigit() and word[0].isalpha() and found[-1] + word in words:
                found[-1] += word
            else:
                found.append(word)
        body = " ".join(found)
    return mark + body.strip()


def _join_words_in_capitals(groups: _Groups, evidence: _Evidence) -> None:
    """A word in capitals that is an acronym ("ICE", keyed "ICE": keys.name_key) and the
    word in lower case ("ice"), when the archive writes that word nowhere with a capital
    first ("Ice"): a keyword's lower case says nothing of which it is, a capital does."""
    for key in sorted(evidence.keys):
        if key.isupper() and key.lower() in evidence.keys and \
                key.lower() not in evidence.titled:
            groups.join(key, key.lower())


def _join_acronyms_inside(groups: _Groups, evidence: _Evidence,
                          spelled_reordered: dict[tuple[str, str], str]) -> None:
    """Acronyms spelled out inside longer names: "LLM agents" / "large language model
    agents", and so "generative AI" / "generative artificial intelligence" when the
    corpus writes "Artificial Intelligence (AI)"; also when the other name orders its
    words otherwise (`spelled_reordered`: "EV adoption" / "adoption of electric
    vehicles"); and, for acronyms of three letters or more inside a name, a run of
    words whose initials spell them ("CoT reasoning" / "chain of thought reasoning":
    `windows` holds, for each such run's initials and the rest of its key with "*" in
    its place that a name writing the acronym asks for, the long keys that have it)."""
    keys, known, declared = evidence.keys, evidence.known, evidence.declared
    acronym_tokens, written_in = evidence.acronym_tokens, evidence.written_in
    expansions = groups.spelled_out(declared)
    windows: dict[tuple[str, str], set[str]] = {
        (short, spelled_as("*")): set() for key, acronyms in written_in.items()
        for short, spelled_as in _short_runs(key)
        if " " not in short and short in acronym_tokens and short in acronyms}
    if windows:
        for key in evidence.long_keys:
            words = key.split()
            if len(words) > _LONGEST_NAME:
                continue
            for at in range(len(words) - 2):
                if words[at] in _STOP:
                    continue
                content = every = ""  # initials of the run's content words; of all its words
                for end in range(at, min(at + 6, len(words))):
                    word = words[end]
                    every += word[0]
                    if word not in _STOP:
                        content += word[0]
                    if end - at < 2 or word in _STOP:
                        continue
                    for letters in {content, every} & acronym_tokens:
                        if len(letters) >= 3:
                            rest = " ".join(words[:at] + ["*"] + words[end + 1:])
                            if (letters, rest) in windows:
                                windows[letters, rest].add(key)
    named_within = _named_within(keys)
    for key in sorted(keys):
        for short, spelled_as in _short_runs(key):
            longer = None
            if short in expansions and evidence.writes_as_acronym(key, short):
                longer = spelled_as(expansions[short])
            elif short in known and short in written_in.get(key, ()) and short not in declared:
                # "ML models" / "machine learning models" (the corpus' own spelling
                # out, even an ambiguous one, decides first)
                longer = spelled_as(known[short])
            if longer not in keys and short in written_in.get(key, ()) and \
                    len(evidence.table.acronyms.get(short, ())) > 1 and short not in declared and \
                    _says_which(spelled_as("")):
                # An acronym of several meanings inside a longer name, written in
                # capitals: its meaning the archive names, when it names no other
                # anywhere, as the rest of the name alike ("AI ethics" / "artificial
                # intelligence ethics" where nothing says artificial insemination), and
                # when the rest says which (`_says_which`: "HR data" may be heart rate
                # data). (Not when the archive spells it out, "Search and Rescue (SAR)"
                # beside "synthetic aperture radar satellites": review's.)
                named = [m for m in evidence.table.acronyms[short] if named_within(m)]
                if len(named) == 1 and spelled_as(named[0]) in keys:
                    longer = spelled_as(named[0])
            if longer in keys:
                groups.join(key, longer)
            elif (key, longer) in spelled_reordered:
                groups.join(key, spelled_reordered[key, longer])
            elif longer is None and " " not in short and short in acronym_tokens and \
                    short in written_in.get(key, ()) and \
                    _no_other_meaning(evidence, short, spelled_as, named_within):
                # (as this name writes it: "ART clinics" say nothing of the art market)
                found = {groups.find(k) for k in windows.get((short, spelled_as("*")), ())}
                if len(found) == 1:
                    groups.join(key, found.pop())


def _no_other_meaning(evidence: _Evidence, short: str, spelled_as: Callable[[str], str],
                      named_within: Callable[[str], bool]) -> bool:
    """Whether initials may tell what an acronym inside a name means: one the table does
    not know, or each of its table meanings the archive names anywhere is named with
    the rest of this name too ("IRA funding" / "Inflation Reduction Act funding"; not
    "IRA subsidies" / "Individual Retirement Account subsidies" where the archive also
    names the Inflation Reduction Act: a trap hunt's false join)."""
    meanings = evidence.table.acronyms.get(short, ())
    return [m for m in meanings if named_within(m)] == \
        [m for m in meanings if spelled_as(m) in evidence.keys]


def _goes_on_from(acronym: str, short: str, long: str) -> bool:
    """Whether an acronym (its letters) is a table's short form `short` of the long form
    `long` or goes on from it ("micar" from "mica"), or spells a first digit as its
    number word ("tfa" from "2fa", two-factor authentication; not "btc" from "b2c", whose
    2 is "to").

    >>> _goes_on_from("micar", "mica", "markets in crypto asset regulation")
    True
    >>> _goes_on_from("tfa", "2fa", "two factor authentication"), _goes_on_from("css", "xss", "x")
    (True, False)
    >>> _goes_on_from("btc", "b2c", "business to consumer")
    False
    """
    if short[:1].isdigit() and acronym[:1] == long[:1]:
        acronym, short = acronym[1:], short[1:]
    return acronym.startswith(short)


def _acronym_letters(short: str) -> str | None:
    """The letters of a table's short form (a key) that writes an acronym with "&" or a
    digit, which the table keeps as a wording; None for others.

    >>> _acronym_letters("e and p"), _acronym_letters("b2b"), _acronym_letters("sci fi")
    ('ep', 'b2b', None)
    """
    words = short.split()
    if "and" in words and all(len(word) == 1 or word == "and" for word in words):
        return "".join(word for word in words if word != "and")
    if len(words) == 1 and len(short) <= 6 and short.isalnum() and \
            any(c.isdigit() for c in short) and any(c.isalpha() for c in short):
        return short
    return None


def _named_within(keys: set[str]) -> Callable[[str], bool]:
    """A test of whether some key holds these words (the keys joined once, when first
    asked; each answer kept: a million names may ask of one meaning a million times)."""
    spaced_keys = None  # (every key between spaces)
    answers: dict[str, bool] = {}

    def named_within(words: str) -> bool:
        nonlocal spaced_keys
        found = answers.get(words)
        if found is None:
            if spaced_keys is None:
                spaced_keys = "".join(f" {key} \n" for key in keys)  # (only searched)
            found = answers[words] = f" {words} " in spaced_keys
        return found
    return named_within


# Words that say nothing of which meaning an acronym before or after them has: "HR
# data" may be human resources or heart rate data, an "AV industry" audiovisual.
_ANY_MEANING = frozenset("""data industry market sector policy law issue concern risk
    challenge problem program programme course class team department professional company
    firm job role service tool model system application training education standard
    software device platform management strategy practice process research study use
    adoption growth trend rise impact technology tech regulation rule investment cost
    price funding spending budget news report analysis expert specialist leader""".split())


def _says_which(rest: str) -> bool:
    """Whether the rest of a name (its words but an acronym's) holds a content word
    that is no `_ANY_MEANING`.

    >>> _says_which("battery recycling"), _says_which("data"), _says_which("issue")
    (True, False, False)
    """
    return any(word not in _STOP and word not in _ANY_MEANING and not word.isdigit()
               for word in rest.split())


_COUNTRY_INITIALS = frozenset({"us", "uk", "eu", "un"})


def _join_acronyms_alone(groups: _Groups, evidence: _Evidence) -> None:
    """Acronyms alone: to the one long-form group the corpus spells them out as, or, for
    three letters or more, whose content words' initials spell them (failing those, with
    all the letters of an acronym the long form writes: "US Space Force", USSF). Of an
    acronym of several meanings in kg/lexicon/abbreviations.csv, only its first, the
    genre's usual one, and only when the archive names no other."""
    keys, declared, table = evidence.keys, evidence.declared, evidence.table
    expansions = groups.spelled_out(declared)
    # (in lower case: a word in capitals is keyed so, "LAWS")
    spelled = {acronym.replace(" ", "").lower() for acronym in evidence.acronym_keys}
    # letters -> the long keys whose words' first letters spell them; failing those,
    # the keys spelling them with all the letters of an acronym they write ("US Space
    # Force", USSF; but "PLA Navy" is no PLAN beside "People's Liberation Army Navy"),
    # and two letters more (not "AI agents", AIA; "EV market", EVM), a country's or
    # union's initials only before a proper name ("UK Research and Innovation", UKRI;
    # not "US workers", USW): attack 94's
    by_initials: dict[str, set[str]] = defaultdict(set)
    by_whole_acronyms: dict[str, set[str]] = defaultdict(set)
    for key in evidence.long_keys:
        if len(key.split()) >= 2:
            for letters in {initials_of(key), initials_of(key, every_word=True)}:
                if len(letters) >= 3 and letters in spelled:
                    by_initials[letters].add(key)
            inner = evidence.written_in.get(key)
            if inner and (key in evidence.proper or not inner & _COUNTRY_INITIALS):
                for letters in {initials_of(key, inner, every_word)
                                for every_word in (False, True)}:
                    if letters in spelled and len(letters) - sum(
                            len(word) for word in key.split() if word in inner) >= 2:
                        by_whole_acronyms[letters].add(key)
    named_within = _named_within(keys)
    # A long form the table abbreviates otherwise is not another acronym's on initials
    # alone: "cross-site scripting" is XSS, so "CSS" (style sheets) is not it; nor is
    # "ADB" the African Development Bank (AfDB): attack 110's. (Unless the acronym
    # goes on from the table's: "MiCAR", the MiCA Regulation.)
    table_acronyms: dict[str, list[str]] = defaultdict(list)  # long key -> its acronyms
    for short, meanings in table.acronyms.items():
        for meaning in meanings:
            table_acronyms[meaning].append(short.replace(" ", ""))
    for words, meaning in table.variants.items():  # ("E&P", "B2B": "EAP" is no E&P)
        letters = _acronym_letters(" ".join(words))
        if letters:
            table_acronyms[" ".join(meaning)].append(letters)
    for acronym in sorted(evidence.acronym_keys):
        if acronym in expansions:
            groups.join(acronym, expansions[acronym])
            continue
        if acronym in declared:
            continue  # spelled out two ways (ambiguous)
        squashed = acronym.replace(" ", "").lower()
        if len(squashed) < 3:
            continue  # (two-letter initials never join on their own)
        meanings = table.acronyms.get(acronym)
        if meanings is None and acronym.endswith("s") and acronym[:-1] in table.acronyms:
            continue  # (maybe the table acronym's plural in capitals, "PRS": no initials)
        if meanings is not None:
            # The table's meaning (one: joined above); of several, the first (the
            # genre's usual one), when the archive names it and no other anywhere
            # ("NLP" / "natural language processing", not when "search and rescue
            # drones" say SAR may be rescue)
            if len(meanings) == 1 or any(named_within(m) for m in meanings[1:]):
                continue
        whole = by_whole_acronyms.get(squashed, ()) if " " not in acronym else ()  # (no "AI PC")
        if meanings:  # (the table's first meaning only)
            candidates = [k for k in by_initials.get(squashed) or whole if k == meanings[0]]
        else:  # (not a long form the table abbreviates otherwise)
            candidates = [k for k in by_initials.get(squashed) or whole
                          if k not in table_acronyms or any(
                              _goes_on_from(squashed, short, k) for short in table_acronyms[k])]
        long_forms = {groups.find(k) for k in candidates}
        if len(long_forms) == 1:
            groups.join(acronym, long_forms.pop())


def _join_renamed(groups: _Groups, evidence: _Evidence) -> None:
    """A name's declared other name ("X (formerly Twitter)" / "Twitter") and the name it
    carries (names.py: "OpenAI's ChatGPT" / "ChatGPT", "Mayor Eric Adams" / "Eric
    Adams"), when no other group declares or carries it too. And a name with its sense
    in parentheses and the same with another sense of the same kind ("Adolescence
    (Netflix series)" / "Adolescence (TV series)"), and both with the name alone when the
    archive gives it no sense of another kind ("blindsight (neurology)" beside "Blindsight
    (novel)") and does not write it as an acronym ("WHO" is no "The Who (band)")."""
    renamed, laws = evidence.renamed, evidence.law_writings
    for other in sorted(renamed.keys() & evidence.keys):
        if other in laws and evidence.writings.get(other) and \
                not laws[other] <= evidence.writings[other]:
            continue  # (another country's law: "EU Chips Act" is no "CHIPS Act")
        if len({groups.find(key) for key in renamed[other]}) == 1:
            groups.join(other, min(renamed[other]))
    for name, kinds in sorted(evidence.senses.items()):
        for keys in kinds.values():
            for key in sorted(keys):
                groups.join(min(keys), key)
        if len(kinds) == 1 and name in evidence.keys and name not in evidence.acronym_keys \
                and not (set(kinds) <= _LEGAL_FORM_KINDS and _named_otherwise(name, evidence)):
            groups.join(name, min(next(iter(kinds.values()))))


_LEGAL_FORM_KINDS = frozenset(_LEGAL_FORMS.values())


def _acronyms_written(name: str) -> frozenset[str]:
    """The acronyms a name writes, as `normal_form` keys them.

    >>> sorted(_acronyms_written("CHIPS and Science Act")), _acronyms_written("Chips Act")
    (['chips'], frozenset())
    """
    return frozenset(normal_form(word) for word in re.split(r"[\s/&-]+", name)
                     if _acronym_token(word))


def _named_otherwise(name: str, evidence: _Evidence) -> bool:
    """Whether the archive writes a name, one word, in lower case or inside a name of
    its own ("bitcoin", "Mitsubishi Motors", "Volvo Cars", "Hurricane Harvey"): the bare
    name may then be another than the company with a legal form (attack 92's)."""
    own = sum(len(keys) for keys in evidence.senses[name].values())
    return name in evidence.lower or evidence.in_longer_keys[name] > own
