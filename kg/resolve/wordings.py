"""Wordings: the forms a key shares with the other wordings of the same thing
(`signatures`): word order ("X in Y" / "Y X"), prepositions, growth and decline,
derivations (an adjective and its noun, an -ing word and its nominalisation),
generic last words, numbers and the lexicon's synonyms. Each rule is a small
function of a key's words, registered by name in `RULES`; its docstring and the
comments of the word lists it reads name the false joins reviews found against it.
`join_keys` joins keys that share a form.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field
from typing import Callable

from .keys import (_ARTICLES, _LONGEST_NAME, _ORDINALS, _STOP, _ics_adjective,
                   _known_word, _lemmas, _noun_lemmas, _ordinal)
from .lexicon import lexicon


# ---- the words as the rules read them: the lexicon's wordings, numbers, words of growth ----

# Nouns written two ways: "water usage" is water use, "remote working" remote work,
# "commuting patterns" commute patterns.
_NOUN_VARIANTS = {"usage": "use", "working": "work", "commuting": "commute"}


@functools.lru_cache(maxsize=1)
def _variant_starts() -> frozenset[str]:
    """The first words of the lexicon's variants."""
    return frozenset(variant[0] for variant in lexicon().variants)


def _lengthened(words: list[str]) -> list[str]:
    """The words with each variant of the lexicon (a shortened word, a synonym; the
    longest run first) as its preferred wording.

    >>> _lengthened("hard sci fi movie".split())
    ['hard', 'science', 'fiction', 'film']
    """
    table, starts = lexicon(), _variant_starts()
    found, at = [], 0
    while at < len(words):
        if words[at] not in starts:  # (most words start no variant: no slices to look up)
            found.append(words[at])
            at += 1
            continue
        for size in range(min(table.longest, len(words) - at), 0, -1):
            long = table.variants.get(tuple(words[at:at + size]))
            if long is not None:
                found.extend(long)
                at += size
                break
        else:
            found.append(words[at])
            at += 1
    return found


# Numbers written as words, read as digits before a unit of time ("Twenty-Minute City" /
# "20-Minute City"); not elsewhere: "Air Force One", "Apple One", "Three-Body Problem".
_NUMBER_WORDS = {word: number for number, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())} | \
    {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100}
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})


def _time_numbers(words: list[str]) -> list[str]:
    """The words with each run of number words before a unit of time as its digits.

    >>> " ".join(_time_numbers("one hundred year of solitude".split()))
    '100 year of solitude'
    >>> " ".join(_time_numbers("twenty four hour news on air force one".split()))
    '24 hour news on air force one'
    """
    found, at = [], 0
    while at < len(words):
        end = at
        while end < len(words) and words[end] in _NUMBER_WORDS:
            end += 1
        if end > at and end < len(words) and words[end] in _TIME_UNITS:
            value = 0
            for word in words[at:end]:  # "twenty four": 24, "one hundred": 100
                number = _NUMBER_WORDS[word]
                value = max(value, 1) * 100 if number == 100 else value + number
            found.append(str(value))
            at = end
        else:
            found.append(words[at])
            at += 1
    return found


# A first word saying a thing grows or shrinks, before a phrase of two words or more
# ("Increasing Middle Manager Burnout" / "Rising ..."): one wording each. Not before one
# word ("rising powers", "increasing returns", "growing cannabis" are other things), nor
# before a preposition or particle ("growing up online", "falling in older adults"), nor
# in the fixed phrases of `_TREND_PHRASES`; not "falling" nor "mounting" (a review found
# "falling space debris" is no decline).
_TREND_WORDS = {"increasing": "rising", "increased": "rising", "growing": "rising",
                "surging": "rising", "escalating": "rising", "soaring": "rising",
                "skyrocketing": "rising", "declining": "declining", "shrinking": "declining",
                "diminishing": "declining", "dwindling": "declining",
                "plummeting": "declining", "waning": "declining"}
# "Booming" before what an economy measures only ("booming creator economy"; not rising
# stars, booming artillery or bird calls: a review's false joins)
_BOOMING = frozenset("""market sector industry economy demand sale export import investment
    price stock installation business trade tourism""".split())
# ... and the words of growth with no other sense, also before one word
_ONLY_TREND_WORDS = {"skyrocketing": "rising", "dwindling": "declining",
                     "plummeting": "declining", "waning": "declining"}
_TREND_PHRASES = frozenset({("growing", "degree"), ("growing", "season"), ("growing", "pain"),
                            ("growing", "medium"), ("growing", "media"), ("rising", "damp"),
                            ("increasing", "return"), ("rising", "star"),
                            ("rising", "power"), ("increased", "power"),
                            ("soaring", "bird"), ("soaring", "flight"), ("soaring", "eagle"),
                            ("escalating", "commitment"), ("diminishing", "return"),
                            ("diminishing", "marginal")})
# What "shifting" changes, not moves elsewhere ("shifting consumer preferences" are
# changing ones; "shifting costs", "shifting energy demand", "shifting cultivation" are
# moved or a practice of their own: a review's false joins).
_SHIFTING_HEADS = frozenset("""preference narrative attitude norm dynamic dynamics
    priority perception value expectation landscape trend habit behavior behaviour role
    paradigm alliance identity view opinion sentiment taste demographic demographics
    policy strategy pattern""".split())
# ... but not in a fixed phrase ("shifting cultivation patterns" are those of a way of
# farming, the "shifting baseline syndrome" a named bias; load, risk, profit shifting:
# an attack's)
_SHIFTED = frozenset({"cultivation", "baseline", "sand", "gear", "load", "risk", "profit",
                      "cost", "agriculture", "tax", "burden", "blame"})
_PARTICLES = _STOP | {"up", "out", "behind", "apart", "away", "back", "into", "from"}
# "Falling" is "declining" before what is measured ("falling birth rates", "falling
# prices"), not before what falls ("falling space debris").
_MEASURES = frozenset({"rate", "price", "cost", "number", "level", "demand", "sale", "revenue",
                       "income", "wage", "enrollment", "enrolment", "attendance", "trust",
                       "productivity", "value", "yield", "population", "membership",
                       "turnout", "readership", "viewership", "profit", "export", "import",
                       "traffic", "fertility", "spending", "investment", "confidence",
                       "rating", "ridership", "subscription", "circulation", "audience",
                       "footfall", "employment", "output", "consumption", "emission",
                       "rent", "fare", "premium", "fee", "tuition", "salary", "tax", "bill",
                       "unemployment", "inflation", "debt", "crime", "score", "expectancy",
                       "mortality", "poverty"})


# A fall, drop, plunge or slump in a measure is its decline ("fall in birth rates"); not
# in what else ("falls in older adults" are accidents, "drop-in clinics" open to all, to
# "fall in love" or "in line", "a drop in the ocean": an attack's false joins).
_FALLS = frozenset({"fall", "drop", "plunge", "slump"})
# What one declines as one refuses it: "declining job offers" may be turned down, so no
# words of decline read as that ("dwindling job offers": an attack's)
_REFUSED = frozenset("""offer invitation treatment request proposal bid nomination
    invite""".split())
# "Mounting" is "rising" before what piles up ("mounting household debt", "mounting
# pressure on hospitals"); not before what is mounted ("mounting wall brackets").
_MOUNTING = frozenset("""debt pressure concern tension cost loss evidence criticism
    frustration anxiety risk backlash opposition scrutiny casualty problem challenge
    fear toll deficit anger death claim complaint call""".split())
_CONCERNING = frozenset({"over", "about", "from", "among"})  # (also end its head)
# ... not what holds a thing mounted ("mounting hardware costs", "mounting bracket
# problems": an attack's)
_MOUNTED = frozenset("""hardware bracket system structure kit plate rail frame rack pole
    arm""".split())
# "Better" names a programme or a body too ("Better Business Bureau", "Better Care Fund",
# "Better Cotton Initiative"), and before a participle it is a degree ("better-paid jobs")
_PROGRAMMES = frozenset("""bureau initiative fund agenda index programme program alliance
    campaign company channel challenge guideline council partnership principle toolbox act
    plan scheme""".split())
# A gap that widens grows ("widening wealth gap" / "growing wealth gap"); not what else
# widens ("widening participation" opens university to more people).
_WIDENING = {"widening": "rising", "narrowing": "declining"}
_GAPS = frozenset("gap divide disparity inequality gulf rift deficit".split())


def _past_participle(word: str) -> bool:
    """Whether a word may be a verb's past participle ("informed", "paid", "known").

    >>> [_past_participle(w) for w in ("paid", "informed", "working", "health", "care")]
    [True, True, False, False, False]
    """
    if word.endswith("ed"):
        return True
    verbs = _lemmas(word, "VERB")
    return not word.endswith("ing") and bool(verbs) and verbs[0] != word


def _trend_word(words: list[str]) -> list[str]:
    """The words with a first word of growth or decline as "rising" or "declining",
    and "better" as "improved", when two words or more follow it ("falling" before a
    measure, `_MEASURES`; "booming" before an economy's measure, `_BOOMING`; "widening"
    and "narrowing" before a gap, `_GAPS`; "mounting" before what piles up, `_MOUNTING`);
    "shifting" as "changing" before what changes (`_SHIFTING_HEADS`).

    >>> " ".join(_trend_word("increasing middle manager burnout".split()))
    'rising middle manager burnout'
    >>> " ".join(_trend_word("increasing return".split()))
    'increasing return'
    >>> " ".join(_trend_word("growing up online".split()))
    'growing up online'
    >>> " ".join(_trend_word("booming creator economy".split()))
    'rising creator economy'
    >>> " ".join(_trend_word("shrinking of the middle class".split()))
    'decline of the middle class'
    >>> " ".join(_trend_word("widening gap in wealth".split()))
    'rising gap in wealth'
    >>> " ".join(_trend_word("shifting narrative on gender".split()))
    'changing narrative on gender'
    >>> " ".join(_trend_word("shifting cultivation practice".split()))
    'shifting cultivation practice'
    """
    at = 1 if words and words[0] in _ARTICLES else 0
    if len(words) - at >= 3 and words[at] in _FALLS and words[at + 1] == "in":
        rest = words[at + 2:]
        cut = _first_of(rest, _PREPOSITIONS, 1)
        if rest[cut - 1] in _MEASURES:  # ("fall in birth rates"; its head: before a preposition)
            return words[:at] + ["decline"] + words[at + 1:]
    if len(words) - at >= 3 and _TREND_WORDS.get(words[at]) == "declining" and \
            words[at + 1] in ("of", "in"):
        # (the word as a noun: "shrinking of the middle class" is its decline; not words
        # of growth: the "growing of vegetables" is no growth of vegetables)
        return words[:at] + ["decline"] + words[at + 1:]
    if len(words) - at >= 3 and words[at] == "booming" and words[-1] in _BOOMING:
        return words[:at] + ["rising"] + words[at + 1:]
    if len(words) - at >= 2 and words[at] == "falling" and words[-1] in _MEASURES:
        return words[:at] + ["declining"] + words[at + 1:]
    if len(words) - at >= 2 and words[at] in _WIDENING:  # (its head: before a preposition)
        rest = words[at + 1:]
        cut = _first_of(rest, _PREPOSITIONS, 1)
        if rest[cut - 1] in _GAPS:
            return words[:at] + [_WIDENING[words[at]]] + rest
    if len(words) - at >= 3 and words[at] == "better" and words[at + 1] not in _PARTICLES \
            and not _past_participle(words[at + 1]) and words[-1] not in _PROGRAMMES \
            and words[at + 1] != "regulation":  # (the EU's "better regulation" agenda)
        return words[:at] + ["improved"] + words[at + 1:]  # ("better customer service")
    if len(words) - at >= 2 and words[at] == "mounting" and words[at + 1] not in _MOUNTED:
        rest = words[at + 1:]  # (its head: before a preposition)
        cut = _first_of(rest, _PREPOSITIONS | _CONCERNING, 1)
        if rest[cut - 1] in _MOUNTING:
            return words[:at] + ["rising"] + rest
    if len(words) - at >= 2 and words[at] == "shifting" and \
            _SHIFTED.isdisjoint(words[at + 1:]):  # (its head: before a preposition)
        rest = words[at + 1:]
        cut = _first_of(rest, _PREPOSITIONS, 1)
        if rest[cut - 1] in _SHIFTING_HEADS:
            return words[:at] + ["changing"] + rest
    if len(words) - at == 2 and words[at] in _ONLY_TREND_WORDS:  # ("skyrocketing rents")
        return words[:at] + [_ONLY_TREND_WORDS[words[at]]] + words[at + 1:]
    if len(words) - at >= 3 and words[at] in _TREND_WORDS and words[at + 1] not in _PARTICLES:
        word = _TREND_WORDS[words[at]]
        if not {(words[at], words[at + 1]), (word, words[at + 1])} & _TREND_PHRASES and \
                not (word == "declining" and words[-1] in _REFUSED):
            return words[:at] + [word] + words[at + 1:]
    return words


# ---- what a rule reads and what it adds to ----

@dataclass
class _Name:
    """A key as the wording rules read it."""

    key: str
    words: list[str]  # after the lexicon's wordings, numbers and words of growth
    # (index, word) of each word between the first and the last, written once
    inner: list[tuple[int, str]]


@dataclass
class _Forms:
    """The forms the wording rules (`RULES`) give a key's words, by how each meets the
    forms of other keys (see `signatures`). A rule adds to `found` what any key's form
    meets; a "Y X" it makes of "X P Y" to `found` and to `reordered` too (marked ">",
    what a leading adjective's noun meets, unless also in `directed`); a leading
    adjective read as its nouns only to `derived` (marked "<"); to `dropped` what only
    a name written so meets (marked "="); and to `adjective_kept` an "ADJ Y X" whose
    adjective is X's (marked "~": met by a name written with that adjective first, not
    by "X of ADJ Y", whose adjective is Y's)."""

    found: set[str]  # met by any key's forms
    reordered: set[str] = field(default_factory=set)  # "Y X" of "X of Y"
    directed: set[str] = field(default_factory=set)  # ... for what is done to Y
    derived: set[str] = field(default_factory=set)  # a leading adjective as its nouns
    dropped: set[str] = field(default_factory=set)  # "X Y" of "X in Y": as written only
    # "ADJ Y X" of "ADJ X of Y": met by a name written so, not by "X of ADJ Y"
    adjective_kept: set[str] = field(default_factory=set)
    # forms of `found` whose own forms are not read (`signatures`' then_reordered)
    final: set[str] = field(default_factory=set)


# Prepositions that start a phrase inside a name (reorderings keep a second one last).
_PREPOSITIONS = frozenset({"in", "of", "for", "on", "to", "with", "at"})


def _first_of(words: list[str], among: frozenset[str], start: int,
              end: int | None = None) -> int:
    """The index of the first of `words[start:end]` in `among` (where a phrase ends), or
    len(words).

    >>> _first_of("impact of ai on job".split(), _PREPOSITIONS, 2)
    3
    """
    return next((at for at in range(start, len(words) if end is None else end)
                 if words[at] in among), len(words))


def _without_articles(words: list[str]) -> list[str]:
    """The words without the articles they start with (the last word stays)."""
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return words


# Marks of the "Y X" forms of "X of Y" and "X in Y" that a people's or place's adjective
# meets (`_PEOPLE_ENDINGS`), and of those of "X of Y" that a quality's meets
# (`_QUALITY_ADJECTIVES`).
_OF_PLACE = " (of a place)"
_OF_ONLY = " (of)"
# Endings of the adjectives of peoples and places, which meet a reordered name only
# when it was "X of Y" or "X in Y" ("Ukrainian National Guard" / "National Guard of
# Ukraine", "Indian elections" / "elections in India"): not "on", "to", nor after people
# who move or act and what a people does to others (`_MOVERS`: "Ukrainian refugees" are
# no refugees in Ukraine, "Russian cyberattacks" no cyberattacks on Russia, "Japanese
# investment" no investment in Japan, "Russian invasion" no invasion of Russia; two
# reviews' false joins).
_PEOPLE_ENDINGS = ("an", "ese", "ish")


# ---- the rules, each after the words only it reads ----

_ORDER_WORDS = frozenset({"in", "of", "for", "to", "on", "among", "about", "over", "around",
                          "by", "at"})
# ... but not "X at" these: "AI at scale" is not Scale AI, "life at sea" not sea life
_NOT_AFTER_AT = frozenset({"scale", "risk", "rest", "war", "night", "sea", "home", "large"})
# Attacks on someone or something that attacks ("attacks on drones" are no drone
# attacks; "attacks on hospitals" are hospital attacks).
_ASSAULTS = frozenset({"attack", "cyberattack", "strike", "airstrike", "raid", "assault"})
_WEAPONS = frozenset("""drone missile rocket robot bot ai ransomware malware virus shark dog
    bear wolf militia army troop terrorist""".split())
# Who acts, by name or ending: after "attacks on", an attacker (`_attacker`).
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant")
_AGENTS = frozenset("""government state company corporation firm business platform brand
    country nation people public student parent agent police military employee worker
    migrant refugee woman man child youth""".split())


def _attacker(word: str) -> bool:
    return word in _WEAPONS or word in _AGENTS or \
        len(word) > 4 and word.endswith(_AGENT_ENDINGS)


# What is done to someone or something, whose adjective names who does it: "presidential
# pressure" is no pressure on the president, "parliamentary scrutiny" no scrutiny of
# parliament (a review's false joins); met by no adjective, a people's neither.
_DIRECTED = frozenset("""
    pressure attack criticism support threat scrutiny oversight control influence demand
    pardon endorsement protest
""".split())
# Watching of people that those in charge of them do ("police surveillance" is by the
# police, so no surveillance of the police; "parental monitoring" no monitoring of
# parents; but "employee monitoring" is of employees, "bank oversight" of banks: a trap
# hunt's false joins, a review's), and who is in charge of people.
_WATCHING = frozenset("surveillance monitoring tracking supervision".split())
_IN_CHARGE = frozenset("""police employer government state parent teacher boss
    manager landlord military""".split())
# "X to Y" of one word each is "Y X" ("access to broadband", "exposure to heat",
# "resistance to antibiotics"; not "text to image", "business to consumer") for what
# opens the way to Y or what Y does to one (`_TOWARD_Y`), not of an actor, who may be
# reached or do X itself (`_actor`: "access to patients", "response to China", "AI
# threats"), nor of what the compound names another way (`_TOWARD_Y`'s sets: "media
# exposure" is publicity, "weed resistance" a weed's, a "game adaptation" a film). Not
# threats, risks, responses, challenges, damage, harm, contributions or commitments: an
# attack (475 pairs) found "Y X" names what Y poses, does or suffers in too many ("AI
# risks", "climate risk", "reading challenge", "water damage", "gambling harm").
_TOWARD_Y = {"access": frozenset({"power"}), "barrier": frozenset({"language"}),
             "obstacle": frozenset(),
             "exposure": frozenset({"media", "brand", "celebrity", "press", "bank",
                                    "startup", "fund"}),
             "resistance": frozenset("""weed mosquito pest bacteria bacterium fungus insect
                                     malaria cancer tumor tumour parasite vaccine
                                     industry""".split()),
             "adaptation": frozenset("""game book novel film movie comic manga play series
                                     show screen stage""".split())}
_REACHED = frozenset({"patient", "user", "consumer", "customer", "human", "people",
                      "journalist", "prisoner", "inmate"})
# ... and "X by Y" of one word each for what those in charge do (`_IN_CHARGE`,
# `_DONE_BY_THOSE_IN_CHARGE`: "surveillance by employers", "violence by police") and
# strikes, protests and boycotts by workers or buyers ("strikes by doctors", "boycotts by
# consumers"); not "strikes by Iran", "reviews by employers", "training by teachers",
# "shutdowns by government" (the attack's false joins).
_DONE_BY_THOSE_IN_CHARGE = frozenset("""violence brutality misconduct censorship
    repression intervention overreach raid shooting crackdown eviction""".split())
# (who those are: not teachers or parents, to whom violence is done as well)
_IN_FORCE = frozenset("police government state military landlord employer".split())
_WALKOUTS = frozenset({"strike", "walkout", "protest", "boycott"})
# (by workers or buyers, by role or ending: not bodies, "protests by government" are
# diplomatic, "government protests" against it; nor tourists or migrants, against whom
# "tourist protests" are: an attack's)
_BODIES = frozenset("""government state company corporation firm business platform brand
    country nation police military""".split())


# What people hold, whose "Y X" names what people Y hold ("Gen Z attitudes", "investor
# sentiment"), and what actors do, whose "Y X" names Y's own ("China's response", "AI
# risks"): "X to/about/toward/against Y" is no "Y X" for those Y (`_people`,
# `_actors_own`), in a name of any length ("attitudes about Gen Z", "response to the
# Chinese government"; a second attack, 431 pairs, found a guard on any actor, devices
# and technologies too, lost "skepticism about AI", "access to EV chargers", "response to
# COVID-19").
_HELD = frozenset("""attitude sentiment perception view opinion skepticism criticism
    opposition hostility distrust trust""".split())
_DONE_BY_ACTORS = frozenset("response reaction threat risk challenge".split())
_TO_OR_ABOUT = frozenset({"to", "about"})
# Machines that do things, whose name before another reads as a kind ("AI jobs", "AI
# content"): "X by AI" is no "AI X" ("content moderation by AI" / "moderation of AI
# content", "job creation by AI" / "creation of AI jobs": two attacks' false joins).
_MACHINES = frozenset({"ai", "robot", "bot", "chatbot", "algorithm", "llm", "machine"})
_PEOPLE_WORDS = frozenset("""z alpha millennial boomer zoomer teen teenager nurse doctor
    voter investor consumer resident citizen farmer artist creator influencer""".split())


def _people(word: str) -> bool:
    """Whether a word of a key names people: agents, generations and roles by lists
    (`_AGENTS`, `_PEOPLE_WORDS`, ...), not by an -er ending ("meter", "reactor",
    "charger" are none), and -ist, -ian ("scientist", "politician")."""
    return word in _AGENTS or word in _REACHED or word in _PEOPLE_WORDS or word in _IN_CHARGE or \
        len(word) > 4 and word.endswith(("ist", "ian"))


def _actors_own(head: str, preposition: str, last: str) -> bool:
    """Whether "... last head" would name what `last` holds or does, not what "head
    preposition ... last" names, so that the name is not reordered (see `_HELD`)."""
    if preposition not in _TO_OR_ABOUT:
        return False
    return head in _HELD and _people(last) or head in _DONE_BY_ACTORS and (
        _people(last) or last in _WEAPONS or last in _place_names() or
        last.isalpha() and _coined(last))


def _actor(word: str) -> bool:
    """Whether a word of a key may name who acts: an agent (`_AGENTS`, `_WEAPONS`, one who
    does a verb: "investor", "consumer"; not "water", "doctor"), a place, a name the
    lexicon does not know (Hamas, TikTok), or one who is reached (`_REACHED`).

    >>> [_actor(w) for w in ("investor", "china", "hamas", "water", "heat", "ai")]
    [True, True, True, False, False, True]
    """
    return word in _AGENTS or word in _WEAPONS or word in _REACHED or \
        len(word) > 3 and _coined(word) or \
        word in _place_names() or word.endswith(("er", "or")) and \
        any(_lemmas(base, "VERB") for base in (word[:-2], word[:-2] + "e", word[:-3]))


@functools.lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """The places of kg/lexicon/place-adjectives.csv ("china", "iran")."""
    return frozenset(place for places in lexicon().place_adjectives.values()
                     for place in places)


def _reordered_short(word: str, words: list[str]) -> bool:
    """Whether a name "X to Y" or "X by Y" of three words reorders (see above)."""
    first, last = words[0], words[-1]
    if word == "to":
        return first in _TOWARD_Y and last not in _TOWARD_Y[first] and not _actor(last)
    return first in _WATCHING and last in _IN_CHARGE or \
        first in _DONE_BY_THOSE_IN_CHARGE and last in _IN_FORCE or \
        first in _WALKOUTS and last not in _BODIES and (
            last in _PEOPLE_WORDS or last in _REACHED or
            len(last) > 4 and last.endswith(("er", "or", "ian")) and last not in _place_names())


# Heads of names of an institution or office ("Bank of America", "Secretary of State",
# "Museum of the Future", "Council of Europe" are no American banks, state secretary,
# future museums or European Council; a trap hunt's false joins). Not a department or
# ministry: the "Department of Justice" is the Justice Department.
_INSTITUTION_HEADS = frozenset("""museum bank university council board secretary bill court
    institute college commission commissioner chamber church league federation republic
    kingdom capital state""".split())
_MOVERS = frozenset("""
    refugee migrant immigrant emigrant expat expatriate exile student tourist visitor
    traveller traveler worker speaker investor investment company firm business
    diaspora interference cyberattack strike airstrike tariff sanction
    export import aid hacker spy espionage troop soldier buyer brand startup american
    invasion occupation bombing shelling colonization conquest boycott
    containment surveillance perception distrust fear propaganda disinformation
    force agent asset embassy base weapon hostage mercenary drone doctor car restaurant
    intervention presence blockade hacking colonialism imperialism
""".split())
# Views of a place held elsewhere: "views of China" are no Chinese views (a review's
# false joins); "X in the place" still meets it ("media coverage in India").
_VIEWPOINTS = frozenset("""opinion view coverage deterrence coercion condemnation
    recognition image perspective attitude portrayal sentiment stance narrative
    depiction""".split())


# Prepositions that start a second phrase kept last by reordering: `_PREPOSITIONS` and
# "into" ("expansion of AI into hardware" / "AI expansion into hardware"); not "from" or
# "by", which may belong to the phrase before ("ban on imports from Russia" is no import
# ban from Russia: a review's traps).
_SECOND_PHRASE = _PREPOSITIONS | {"into"}


# Terms of finance, law and war whose words reordered name another thing ("cost of
# capital" is a required return, "capital costs" spending; "standard of care" a duty,
# "care standards" a care home's rules: an attack's false joins).
_TERMS_OF = frozenset("""cost of capital|rate of return|return on equity|term of trade|theater of
    war|art of war|balance of payment|standard of care|duty of care|point of sale|proof of
    work|proof of stake|proof of concept|burden of proof|power of attorney|letter of
    credit|conflict of interest|cost of equity""".replace("\n    ", " ").split("|"))
# What is about people, whose "Y X" names what is theirs: "data sharing by patients" is
# no patient data sharing, the sharing of patients' data ("book reviews by children",
# "content moderation by users": an attack's false joins); "drug use by teens" is teen
# drug use, "data collection by governments" government data collection (a body's).
_ABOUT_PEOPLE = frozenset("""data record information content health safety credit book
    film privacy card image photo identity salary location genome performance background
    skill wellbeing mental""".split())


def reordered_around_preposition(name: _Name, forms: _Forms) -> None:
    """"X P Y" as "Y X" for P in `_ORDER_WORDS` (articles after P dropped, a second
    phrase kept last: "impact of AI on jobs" / "AI impact on jobs"); not "X to Y" / "X
    by Y" of one word each (text-to-image, business to consumer, privacy by design)
    but for what opens the way to Y or watching and strikes by Y
    (`_reordered_short`: "access to broadband", "surveillance by employers"),
    not "X at" what is no place (`_NOT_AFTER_AT`), nor attacks on what attacks
    (`_ASSAULTS`). The "Y X" of "X of Y" and "X in Y" meets a people's or place's
    adjective (marked " (of a place)") unless X moves or acts (`_MOVERS`), that of "X of
    Y" a quality's (" (of)"); that of what is done to Y (`_DIRECTED`) no adjective. And
    "ADJ X of Y" as "ADJ Y X" ("ethical use of AI" / "ethical AI use")."""
    words = name.words
    for at, word in name.inner:
        if word not in _ORDER_WORDS or \
                (word in ("to", "by") and len(words) == 3
                 and not _reordered_short(word, words)) or \
                (word == "at" and words[at + 1] in _NOT_AFTER_AT) or \
                (word == "on" and words[at - 1] in _ASSAULTS and _attacker(words[-1])) or \
                (word == "of" and at == 1 and words[0] in _INSTITUTION_HEADS) or \
                " ".join(words[at - 1:at + 2]) in _TERMS_OF and (
                    at + 2 == len(words) or words[at + 2] in ("rise", "decline")) or \
                (word == "of" and words[at - 1] in _WATCHING and words[-1] in _IN_CHARGE):
            continue
        after = _without_articles(words[at + 1:])
        then = next((i for i, w in enumerate(after) if i and w in _SECOND_PHRASE), None)
        tail = after[then:] if then and then < len(after) - 1 else []
        after = after[:len(after) - len(tail)]
        if word == "by" and after[-1] in _MACHINES and not words[at - 1].endswith(("ed", "en")):
            continue  # ("job creation by AI" is no "AI job creation"; "powered by AI" is)
        if word == "by" and at >= 2 and words[0] in _ABOUT_PEOPLE and len(after) == 1 and \
                after[0] not in _BODIES and (_people(after[0]) or after[0] in _BEINGS):
            continue  # ("data sharing by patients" is no sharing of patient data)
        if _actors_own(words[at - 1], word, after[-1]):
            continue  # ("response to the Chinese government" is no government response)
        form = " ".join(after + words[:at] + tail)
        forms.found.add(form)
        forms.reordered.add(form)
        if words[at - 1] in _DIRECTED:
            forms.directed.add(form)
        elif word in ("of", "in") and words[at - 1] not in _MOVERS and \
                not (word == "of" and words[at - 1] in _VIEWPOINTS):
            forms.reordered.add(form + _OF_PLACE)  # (what a people's adjective meets)
            if word == "of":
                forms.reordered.add(form + _OF_ONLY)  # (... and a quality's)
        if at >= 2 and word in ("of", "in", "for") and _lemmas(words[0], "ADJ"):
            forms.adjective_kept.add(" ".join(words[:1] + after + words[1:at] + tail))


def between(name: _Name, forms: _Forms) -> None:
    """"X between Y and Z" as "Y Z X", and as "X between Z and Y" met only by a name
    written so ("crossover between technology and creativity" / "... between creativity
    and technology"; not "Z Y X": "family-work conflict" is no work-family conflict, an
    attack's false joins)."""
    words = name.words
    for at, word in name.inner:
        if word == "between" and "and" in words[at + 1:-1]:
            cut = words.index("and", at + 1)
            first, second = words[at + 1:cut], words[cut + 1:]
            forms.found.add(" ".join(first + second + words[:at]))
            forms.dropped.add(" ".join(words[:at + 1] + second + ["and"] + first))


def driven_by(name: _Name, forms: _Forms) -> None:
    """"X driven by Y" / "X based on Y" as "Y driven X" / "Y based X"."""
    words = name.words
    for at, word in name.inner:
        if word == "by" and words[at - 1].endswith(("ed", "en")) or \
                word == "on" and words[at - 1] == "based":
            forms.found.add(" ".join(words[at + 1:] + words[at - 1:at] + words[:at - 1]))


def and_either_way(name: _Name, forms: _Forms) -> None:
    """"X and Y" as "Y and X", and the two words around "and" at the start of a name
    before a shared head ("energy and climate policy" / "climate and energy policy"; not
    "social media and justice", "rise and fall of X")."""
    words = name.words
    for at, word in name.inner:
        if word == "and":
            forms.found.add(" ".join(words[at + 1:] + ["and"] + words[:at]))
            if at == 1 and at + 2 < len(words) and words[at + 2] not in _STOP:
                forms.found.add(" ".join([words[2], "and", words[0]] + words[3:]))


def in_dropped(name: _Name, forms: _Forms) -> None:
    """"X in Y" as "X Y", met only by a name written so ("AI in education" / "AI
    education"; it is no education in AI)."""
    words = name.words
    for at, word in name.inner:
        if word == "in":
            forms.dropped.add(" ".join(words[:at] + words[at + 1:]))


# "X against Y" and "X from Y" as "Y X", met only by a name written so ("emissions from
# China" are China's emissions, never the "investment in China" that is China investment
# too), and only where "Y X" cannot make Y the one who acts or receives: a backlash
# against an idea an acronym names ("backlash against AI", "pushback against ESG"; not
# against people or institutions: "backlash against consumers", "... the media",
# "... Big Tech" are no consumer, media or Big Tech backlash; a "vaccination campaign"
# is no campaign against vaccination), what physically comes out of a source ("imports
# from China", "aid from Ukraine", "migration from the cloud", "energy from waste",
# "revenue from Facebook" are no China imports, Ukraine aid, cloud migration, waste
# energy or Facebook revenue): reviews' false joins.
_AGAINST_THINGS = frozenset({"backlash", "pushback"})
_INSTITUTIONS = frozenset("""eu un who nato fda imf ecb sec ftc epa nhs wef unesco iea us usa
    uk oecd ngo ipcc""".split())
_COMES_FROM = frozenset("""emission pollution smoke runoff noise dust fume fumes
    radiation methane waste heat""".split())


def _concept_acronym(words: list[str]) -> bool:
    """Whether `words` are one acronym of kg's table that names no institution."""
    return len(words) == 1 and words[0] in lexicon().acronyms and \
        words[0] not in _INSTITUTIONS


def against_from_with(name: _Name, forms: _Forms) -> None:
    """"X against Y", "X from Y" and "X with Y" as "Y X", as written only: a backlash
    against an idea an acronym names (`_AGAINST_THINGS`, `_concept_acronym`), what
    physically comes out of a source (`_COMES_FROM`), "X with Y" of one phrase
    ("dubbing with AI" / "AI dubbing", "patients with cancer" / "cancer patients").
    (Not "X using Y": "governance using AI" is no AI governance; nor "X into Y" as "X
    in Y": sewage into drinking water is no sewage in it; a review's false joins.)"""
    words = name.words
    for at, word in name.inner:
        if word not in ("against", "from", "with"):
            continue
        after = _without_articles(words[at + 1:])
        if word == "against" and words[at - 1] in _AGAINST_THINGS and _concept_acronym(after) or \
                word == "from" and words[at - 1] in _COMES_FROM or \
                word == "with" and not _PREPOSITIONS.intersection(after):
            forms.dropped.add(" ".join(after + words[:at]))


# Attitudes, which are about what they are toward ("skepticism toward health claims" /
# "... about health claims"); not trust ("trust toward the public" is no public trust).
_ATTITUDES = frozenset("""skepticism attitude sentiment hostility optimism pessimism
    distrust mistrust openness aversion hesitancy antipathy ambivalence enthusiasm
    cynicism suspicion apathy""".split())


def toward_as_to(name: _Name, forms: _Forms) -> None:
    """"X toward Y" as "X to Y", as written only ("violence toward the police" is no
    police violence); an attitude's (`_ATTITUDES`) as "X about Y", never "Y X" (its
    forms are not reordered: "toward" reorders nothing): "attitudes toward women" are no
    women's attitudes, and no list of people words covers who may hold one (immigrants,
    experts, founders, elites: two attacks' false joins)."""
    words = name.words
    for at, word in name.inner:
        if word == "toward":
            forms.dropped.add(" ".join(words[:at] + ["to"] + words[at + 1:]))
            if words[at - 1] in _ATTITUDES:
                forms.found.add(" ".join(words[:at] + ["about"] +
                                         _without_articles(words[at + 1:])))


# Words after which "on the rise" is what they are on ("betting on the rise").
_ON_WHAT = frozenset({"bet", "betting", "wager", "wagering", "focus", "report", "debate",
                      "emphasis", "comment", "commentary", "take", "spotlight"})


# What someone writes or makes, whom "by Z" may name ("removal of posts by politicians"
# is of politicians' posts: a review's trap).
_AUTHORED = frozenset("""post content video comment speech paper work statement tweet
    article book song art artwork image photo message publication research study report
    review letter""".split())


def of_what_by_whom(name: _Name, forms: _Forms) -> None:
    """"X of Y by Z" (one phrase each) as "Y X by Z", not reordered again ("sharing of
    data by apps" / "data sharing by apps", "use of generative AI by lawyers" /
    "generative AI use by lawyers"); not of what Z may have written (`_AUTHORED`). Never
    "Z Y X": an attack found "use of tools by AI" is no "use of AI tools", "monitoring of
    agents by AI" no monitoring of AI agents, "payment of bills by phone" no phone bill
    payment."""
    words = name.words
    if "of" not in words or "by" not in words:
        return
    at, by = words.index("of"), words.index("by")
    act, what, doer = words[:at], words[at + 1:by], words[by + 1:]
    if act and what and doer and not _STOP.intersection(act + what + doer) and \
            what[-1] not in _AUTHORED:
        done = " ".join(what + act + ["by"] + doer)
        forms.found.add(done)
        forms.final.add(done)


# "in-X" and "on-X" of a place where a thing is done (not "in-house teams", "in-depth
# analysis", "in-context learning")
_WHERE_IN = frozenset("""space store home car flight office school hospital vehicle cabin
    orbit field classroom clinic""".split())
_WHERE_ON = frozenset("device chip farm premises".split())


def where_first(name: _Name, forms: _Forms) -> None:
    """A leading "in-X" or "on-X" of a place (`_WHERE_IN`, `_WHERE_ON`) as "Y in X"
    ("in-space manufacturing" / "manufacturing in space", "on-device AI" / "AI on
    devices"), not reordered again; no other ("in-house", "on-demand", and an attack's:
    "in-context learning", "in-group bias", "in-migration", "in-service training")."""
    words = name.words
    if len(words) >= 3 and (words[0] == "in" and words[1] in _WHERE_IN or
                            words[0] == "on" and words[1] in _WHERE_ON) and \
            not _STOP.intersection(words[2:]):
        where = " ".join(words[2:] + words[:2])
        forms.found.add(where)
        forms.final.add(where)  # (not reordered again: "in-store" no "store X")


def on_the_rise(name: _Name, forms: _Forms) -> None:
    """"X on the rise" as "rise of X" and "X rise" ("synthetic research on the rise" /
    "rise of synthetic research"), "X on the decline" so as its decline; not after a
    word of what is on something (`_ON_WHAT`: "betting on the rise", "focus on the
    rise")."""
    words = name.words
    if len(words) >= 4 and words[-3:-1] == ["on", "the"] and words[-1] in ("rise", "decline") \
            and words[-4] not in _ON_WHAT:
        forms.found.add(" ".join([words[-1], "of"] + words[:-3]))
        forms.found.add(" ".join(words[:-3] + [words[-1]]))


def trend_of_a_phrase(name: _Name, forms: _Forms) -> None:
    """"rise of X P Y" and "decline in X P Y" as "X P Y rise" / "... decline", the
    whole phrase what rises, as "rising X P Y" is ("decline in trust in science" /
    "declining trust in science"): the reordering rule leaves names of one preposition
    written twice alone."""
    words = name.words
    if len(words) >= 5 and words[0] in ("rise", "decline") and words[1] in ("of", "in"):
        rest = _without_articles(words[2:])
        if _PREPOSITIONS.intersection(rest[1:-1]):
            forms.found.add(" ".join(rest + words[:1]))


# Prepositions one names for another ("decline of/in X", "funding for/of X"); not with,
# to, on, at: "work with AI" is no work on AI, "investment with AI" no investment in AI
# (a review's false joins; "X on Y" and "X in Y" still meet as "Y X").
_ONE_ANOTHER = frozenset({"of", "in", "for"})


def one_preposition_for_another(name: _Name, forms: _Forms) -> None:
    """"X of Y", "X in Y" and "X for Y" share "X * Y" (`_ONE_ANOTHER`)."""
    words = name.words
    for at, word in name.inner:
        if word in _ONE_ANOTHER:
            forms.found.add(" ".join(words[:at] + ["*"] + words[at + 1:]))


# Aspects of a thing named "the N of M" inside a longer name (`aspect_of_the`).
# (not what is a term of its own after M: oil futures, the greenhouse effect,
# unemployment benefit, AI roles; nor what M may do: government regulation, student use;
# "ethics", not after work: the work ethic; reviews' false joins)
_ASPECTS = frozenset("""ethics impact risk adoption rise growth decline security safety
    privacy transparency sustainability integration influence""".split())


def aspect_of_the(name: _Name, forms: _Forms) -> None:
    """"the N of M" closing a longer name as "M N" ("a tool for the ethics of AI" / "a
    tool for AI ethics"), where the whole name does not reorder, for an aspect of M
    (`_ASPECTS`; not "the cost of capital", "the duty of care", "the bill of rights")."""
    words = name.words
    if words.count("of") != 1:
        return
    at = words.index("of")
    if 3 <= at < len(words) - 1 and words[at - 2] in _ARTICLES and \
            words[at - 1] in _ASPECTS and words[-1] != "work" and \
            _PREPOSITIONS.intersection(words[:at - 2]):
        after = [word for word in words[at + 1:] if word not in _ARTICLES]
        if after and not _PREPOSITIONS.intersection(after):
            forms.found.add(" ".join(words[:at - 2] + after + [words[at - 1]]))


_CHANGES = frozenset("change shift difference variation evolution gap".split())


def in_context(name: _Name, forms: _Forms) -> None:
    """"X in (a) ADJ context" as "ADJ context of X" ("scientific discourse in historical
    context"), unless X changes there (`_CHANGES`); not as "ADJ X", which is often a
    term of its own ("trauma in historical context" is no historical trauma, "identity in
    digital context" no digital identity, "learning in social context" no social
    learning: an attack's)."""
    words = name.words
    if len(words) >= 4 and words[-1] == "context" and "in" in words[1:-2]:
        at = words.index("in", 1)
        setting = [word for word in words[at + 1:-1] if word not in _ARTICLES]
        if len(setting) == 1:
            if words[at - 1] not in _CHANGES:  # ("changes in economic context" are
                # changes of the context, no economic context of change)
                forms.found.add(" ".join(setting + ["context", "of"] + words[:at]))


# "cross-X" terms of their own: a cross-section, cross-country flights within a country.
_CROSS_TERMS = frozenset({"section", "country", "examination", "reference", "fire"})


def cross_as_across(name: _Name, forms: _Forms) -> None:
    """"cross-X Y" as "Y across X" ("cross-sector cooperation" / "cooperation across
    sectors", "cross-border data flows" / "data flows across borders"); not before one
    word only, which may be a name of its own ("cross-border"), nor a term of its own
    (`_CROSS_TERMS`), nor of those who cross ("cross-border workers" or commuters are
    none across borders), nor before a second phrase ("cross-border flows of data")."""
    words = name.words
    if len(words) >= 3 and words[0] == "cross" and words[1] not in _STOP and \
            words[1] not in _CROSS_TERMS and not _STOP.intersection(words[2:]) and \
            not _people(words[-1]) and not _actor(words[-1]):
        forms.found.add(" ".join(words[2:] + ["across", words[1]]))


# Last words that add nothing to a name: "blockchain technology" is blockchain; after
# one word only a coined one or an acronym (`_coined`: "health technology" is no health,
# "climate tech" no climate: a review's false joins).
# (Not a company's legal form: a review found "News Corp" / "news", "Visa Inc." / "visas",
# "National Grid plc" / "national grid".)
_GENERIC_LAST_WORDS = frozenset({"technology"})
# ... and these after two words or more ("thermal energy storage system"; not "solar
# system", which is not solar), and "effect" after a phenomenon's common words ("filter
# bubble effect", "crowding out effect"), not after a name ("Taylor Swift effect",
# "Dunning-Kruger effect", "El Nino effect": trap hunts'; "remote work effect" still
# joins remote work), as those of one word do not (greenhouse, network, placebo).
# ("gene editing techniques" / "gene editing"; not approach, process, practice, solution:
# a review found "climate change solutions", "Middle East peace process", "ethical AI
# practices", "public health approach" are other things than the name before them; nor
# tactics, an attack's: "Wagner Group tactics", "Big Tech tactics".)
_GENERIC_LAST_WORDS_AFTER_TWO = frozenset({"system", "service", "technique", "method",
                                           "concept", "phenomenon", "effect"})


def _coined(word: str) -> bool:
    """Whether a word is no common English noun or adjective (lemminflect's lexicon does
    not know it), or is short enough to be an acronym's key: "blockchain", "lidar", "ai".

    >>> [_coined(w) for w in ("blockchain", "ai", "health", "space")]
    [True, True, False, False]
    """
    return len(word) <= 3 or not (_lemmas(word, "NOUN") or _lemmas(word, "ADJ"))


# ... but a service named so is an organisation ("National Health Service", "Public
# Broadcasting Service"; a trap hunt's false joins).
_OFFICIAL = frozenset("""national public foreign secret civil postal federal royal
    diplomatic military emergency state armed""".split())


def generic_last_word(name: _Name, forms: _Forms) -> None:
    """A generic last word dropped (`_GENERIC_LAST_WORDS`, after one coined word or
    acronym; `_GENERIC_LAST_WORDS_AFTER_TWO`, not an official service: `_OFFICIAL`)."""
    words = name.words
    if words[-1] == "service" and words[0] in _OFFICIAL:
        return
    if words[-1] == "effect" and not all(_known_word(word) for word in words[:-1]):
        return  # (an effect named after someone or something: "Taylor Swift effect")
    if len(words) >= 3 and words[-1] in _GENERIC_LAST_WORDS | _GENERIC_LAST_WORDS_AFTER_TWO \
            or len(words) == 2 and words[-1] in _GENERIC_LAST_WORDS and _coined(words[0]):
        forms.found.add(" ".join(words[:-1]))


# Words of a tie between two parties, whose order says nothing ("US-China relations" /
# "China-US relations", "public-private partnership" / "private-public partnership").
_TIE_WORDS = frozenset({"relation", "relationship", "partnership", "collaboration",
                        "cooperation", "rivalry", "tension", "alliance", "dialogue"})


# Words of the medium a thing happens in, which names put before or after its first
# noun alike ("child online safety" / "online child safety", "patient remote
# monitoring" / "remote patient monitoring").
_MEDIUMS = frozenset({"online", "digital", "remote", "virtual", "mobile"})


def medium_either_place(name: _Name, forms: _Forms) -> None:
    """A medium's word (`_MEDIUMS`) second in a name of three words, first."""
    words = name.words
    if len(words) == 3 and words[1] in _MEDIUMS and words[0] != "public" and (
            words[0] in _RECIPIENTS or words[0] in _BEINGS):
        forms.found.add(" ".join([words[1], words[0], words[2]]))


def tie_either_way(name: _Name, forms: _Forms) -> None:
    """The two parties of a tie either way ("US-China relations", `_TIE_WORDS`)."""
    words = name.words
    if len(words) == 3 and words[2] in _TIE_WORDS:
        forms.found.add(" ".join([words[1], words[0], words[2]]))


# "Town of Viganella" is Viganella, when the place's name is no English word ("Village
# of Longevity", "Town of Books" are other things; the City of London is not London, the
# Municipality of Amsterdam is its government).
_PLACE_WORDS = frozenset({"town", "village", "hamlet"})


def town_of(name: _Name, forms: _Forms) -> None:
    """"Town of X" as X, when X is no English word (`_PLACE_WORDS`)."""
    words = name.words
    if len(words) >= 3 and words[0] in _PLACE_WORDS and words[1] == "of" and \
            words[2] not in _ARTICLES and not _known_word(words[2]):
        forms.found.add(" ".join(words[2:]))


# "Generated" adds nothing only after AI and before what is made to be seen or heard
# ("AI-generated art" is AI art; not "AI-generated research", "user-generated data",
# "computer-generated music", "AI-generated films": AI films are about AI; reviews'
# false joins).
_MEDIA = frozenset({"art", "artwork", "image", "imagery", "video", "music", "content", "text",
                    "audio", "voice", "photo", "picture", "slop"})


def ai_generated_media(name: _Name, forms: _Forms) -> None:
    """"AI-generated X" as "AI X" for what is made to be seen or heard (`_MEDIA`)."""
    words = name.words
    if len(words) >= 3 and words[:2] == ["ai", "generated"] and words[-1] in _MEDIA:
        forms.found.add(" ".join(words[:1] + words[2:]))


# Second words that add nothing (written after a hyphen): "heat-related deaths" are heat
# deaths, "AI-driven tools" AI tools.
_LINK_WORDS = frozenset({"related", "driven", "based", "powered", "enabled"})


# ... but -driven and -based not before a measure a cause drives ("export-driven growth"
# is no export growth, nor "AI-driven growth" AI growth), nor before what a basis
# grounds after a word that is no technology ("evidence-based policy" is no evidence
# policy, "consumer-driven healthcare" no consumer healthcare; "AI-driven healthcare" is
# AI healthcare): a trap hunt's false joins.
_DRIVEN_MEASURES = frozenset("growth decline recovery inflation demand".split())
_DRIVEN_PROCESSES = frozenset("""economy policy regulation governance policing healthcare
    medicine care management planning strategy approach decision""".split())


# Link words of who or what does an act ("AI-driven displacement", "government-led
# reform"): after one who may act (`_actor`, `_people`), who leads only people, a body or
# a place ("UV-LED disinfection", "micro-LED displays" are lights); not what "ACT by Y"
# breaks an act down by ("investment by sector", "engagement by platform": attacks').
_DONE_BY = frozenset({"driven", "led", "powered"})
_BREAKDOWNS = frozenset({"country", "platform", "state"})


def _act_noun(word: str) -> bool:
    """Whether a word of a key is the noun of an act: a verb's lemma ("reform", "use"), or
    made from a verb by its ending ("displacement", "creation", "reduction") or by
    kg/lexicon/verb-nouns.csv ("expansion")."""
    if _lemmas(word, "VERB")[:1] == (word,):  # ("design", "reform", "use")
        return True
    for ending, stems in (("ment", ("",)), ("ation", ("ate", "e", "")), ("ion", ("e", "")),
                          ("uction", ("uce",)), ("ision", ("ide",)), ("al", ("e",))):
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            if any(_lemmas(stem + end, "VERB")[:1] == (stem + end,) for end in stems):
                return True
    return word in _table_act_nouns()


@functools.lru_cache(maxsize=1)
def _table_act_nouns() -> frozenset[str]:
    """The nouns of kg/lexicon/verb-nouns.csv ("reduction", "expansion")."""
    table = lexicon()
    return frozenset(noun for nouns in (*table.verb_nouns.values(),
                                        *table.preposition_nouns.values()) for noun in nouns)


# Acts and fields that "Y X" says are of or about Y ("AI regulation", "AI audits", "AI
# safety", "AI development"), so that "AI-driven regulation" or "AI-driven development"
# (AI-assisted coding) is none of them (attacks' false joins; "AI-powered crop
# monitoring" is AI crop monitoring).
_DONE_TO_IT = frozenset("""regulation governance oversight audit evaluation assessment
    testing monitoring review inspection supervision security safety research development
    training detection compliance transparency accountability strategy ethics literacy
    education management""".split())
# ... and, after what is more often done to than doing ("AI scrutiny", "data privacy"
# are of AI, of data), these ("media-driven scrutiny" is still media scrutiny)
_OBJECTS = frozenset({"ai", "data", "algorithm", "algorithmic", "model", "machine"})
_DONE_TO_AN_OBJECT = frozenset("""scrutiny verification certification policy policymaking
    protection privacy quality""".split())


# Acts done to people: "citizen-driven surveillance" is by citizens, "citizen
# surveillance" of them (an attack's false joins), for who is watched rather than
# watches (`_RECIPIENTS`: "employer-driven surveillance" is employer surveillance).
_RECIPIENTS = frozenset("""citizen employee consumer patient user customer child student
    worker voter tenant resident passenger traveller traveler migrant refugee public
    people woman man youth teen teenager""".split())
_DONE_TO_PEOPLE_ACTS = frozenset("""surveillance tracking monitoring profiling screening
    recruitment hiring deportation detention vaccination protection abuse exploitation
    harassment manipulation targeting""".split())


def link_word_dropped(name: _Name, forms: _Forms) -> None:
    """A link word after the first word dropped (`_LINK_WORDS`), as written only:
    "AI-powered hacking" is AI hacking, not the hacking of AI; not before a measure a
    cause drives (`_DRIVEN_MEASURES`), after what is no technology, a process
    (`_DRIVEN_PROCESSES`), nor what is done to the first (`_DONE_TO_IT`); and "Y-driven
    ACT" as "ACT by Y"."""
    words = name.words
    driven = words[1:2] in (["driven"], ["based"]) and (
        words[-1] in _DRIVEN_MEASURES or words[-1] in _DRIVEN_PROCESSES and not _coined(words[0]))
    act = words[-2] if len(words) == 4 and words[-1] in _DOERS else words[-1]
    if len(words) >= 3 and words[1] in _LINK_WORDS and words[2] not in _STOP and \
            not driven and not ((act in _DONE_TO_IT or words[0] in _OBJECTS and
                                 act in _DONE_TO_AN_OBJECT) and
                                (len(words) == 3 or words[2] in _DOERS or act == words[2])) \
            and not (len(words) == 4 and words[0] in _OBJECTS and  # ("AI safety research")
                     (words[2] in _DONE_TO_IT or words[2] in _DONE_TO_AN_OBJECT) and
                     words[2] != "quality") \
            and not (words[0] in _RECIPIENTS and act in _DONE_TO_PEOPLE_ACTS):
        forms.dropped.add(" ".join(words[:1] + words[2:]))
    if len(words) < 3 or words[1] not in _DONE_BY or words[2] in _STOP or \
            words[0] in _BREAKDOWNS:
        return
    doer = words[0]
    if _people(doer) or (words[1] != "led" and _actor(doer)) or doer in _AGENTS or \
            doer in _place_names():
        # (what is done by: "AI-driven job displacement" / "job displacement by AI",
        # "... in manufacturing" / "job displacement by AI in manufacturing"; of an act
        # before any second phrase: "AI-driven dissemination of tacit knowledge")
        then = _first_of(words, _SECOND_PHRASE - {"of"}, 3)
        head = _first_of(words, _SECOND_PHRASE, 3) - 1
        if _act_noun(words[head]):
            by = " ".join(words[2:then] + ["by", doer] + words[then:])
            forms.found.add(by)
            forms.final.add(by)


# What grows as living things do: its growth is no rise of it ("indoor plant growth" is
# no rise of indoor plants; a review's false joins).
_LIVING = frozenset({"plant", "tree", "forest", "crop", "seedling", "root", "weed", "reef",
                     "coral", "algae", "alga", "fungus", "mold", "mould", "bacteria",
                     "bacterium", "microbe", "cell", "tissue", "tumor", "tumour", "bone",
                     "muscle", "hair", "nail", "skin", "tooth", "brain", "fetus", "foetus",
                     "child", "infant", "embryo", "organ", "body"})


# Last words of a measure's change ("electricity price increases" are rising electricity
# prices, "attendance drops" declining attendance; not "fall": a "trust fall" is a game).
_MEASURE_CHANGES = {"increase": "rise", "hike": "rise", "surge": "rise", "growth": "rise",
                    "decrease": "decline", "drop": "decline"}


# What expands as it grows (not a market: its listings or its building are no rise).
_EXPANDING = frozenset({"economy", "sector", "industry"})


def growth_as_rise(name: _Name, forms: _Forms) -> None:
    """A last word "growth" or "boom" after two words or more as "rise" ("brand
    publishing growth" / "rise of brand publishing", "sports betting boom"; not after
    one: "plant growth" is no rise of plants, "personal growth" no personal rise, a
    "baby boom" a generation; nor after a living thing, `_LIVING`), and so
    "expansion" of an economy (`_EXPANDING`: "gig economy expansion"; not a policy's,
    a project's or a market's: "state Medicaid expansion", "Heathrow airport
    expansion", "stock market expansion": reviews' false joins); and after a measure
    (`_MEASURES`), a last word of its change as its rise or decline (`_MEASURE_CHANGES`:
    "price increases" / "rising prices")."""
    words = name.words
    if len(words) >= 2 and words[-2] in _MEASURES and words[-1] in _MEASURE_CHANGES:
        forms.found.add(" ".join(words[:-1] + [_MEASURE_CHANGES[words[-1]]]))
    elif len(words) >= 3 and words[-2] not in _LIVING and (
            words[-1] in ("growth", "boom") or
            words[-1] == "expansion" and words[-2] in _EXPANDING):
        forms.found.add(" ".join(words[:-1] + ["rise"]))


# What shifts as a state changes ("regional demographic shifts"); not what is moved
# elsewhere ("cost shift", "green tax shift", "peak demand shift"), a regime shift, nor a
# period of work ("hospital nursing shifts": a review's false joins).
_SHIFTING_STATES = frozenset("""demographic cultural generational behavioral behavioural
    social societal political economic structural ideological attitudinal""".split()) | \
    _SHIFTING_HEADS


def shift_as_change(name: _Name, forms: _Forms) -> None:
    """A last word "shift" after two words or more, of a state (`_SHIFTING_STATES`), as
    "change" ("regional demographic shifts" / "... changes", as "shift in X" is "change
    in X" in synonyms.csv); not after one: a "vibe shift" or "paradigm shift" is a thing
    of its own."""
    words = name.words
    if len(words) >= 3 and words[-1] == "shift" and words[-2] in _SHIFTING_STATES:
        forms.found.add(" ".join(words[:-1] + ["change"]))


# Roman numerals written after a name or a word that numbers ("Artemis II", "World War
# II", "Type I Diabetes"); not "xi" (Xi Jinping), and "i", "v", "x" only after a word of
# `_NUMBERED` ("Generation X", "Vitamin D", "Planet X" are letters).
_ROMAN = {numeral: number for number, numeral in enumerate(
    """_ i ii iii iv v vi vii viii ix x _ xii xiii xiv xv xvi xvii xviii xix xx""".split())
    if numeral != "_"}
_NUMBERED = frozenset("""type phase stage class tier level grade category schedule title
    article chapter part act round""".split())


def cardinal_numbers(name: _Name, forms: _Forms) -> None:
    """A last Roman numeral, or a number word or numeral after a word that numbers
    (`_NUMBERED`), as its digits ("Artemis II" / "Artemis 2", "Level Four Autonomy" /
    "Level 4 Autonomy", "Type I Diabetes" / "Type 1 Diabetes"); never a name's first
    word ("One Health"), nor a last number word ("Air Force One" is no "Air Force 1")."""
    words = name.words
    found = list(words)
    for at in range(1, len(words)):
        word, numbered = words[at], words[at - 1] in _NUMBERED
        if word in _NUMBER_WORDS and numbered:
            found[at] = str(_NUMBER_WORDS[word])
        elif word in _ROMAN and (numbered or at == len(words) - 1 and len(word) > 1):
            found[at] = str(_ROMAN[word])
    if found != words:
        forms.found.add(" ".join(found))


def ordinal_numbers(name: _Name, forms: _Forms) -> None:
    """Ordinal words as numbers before a word ("fourth industrial revolution" / "4th
    industrial revolution")."""
    words = name.words
    if any(word in _ORDINALS for word in words[:-1]):
        forms.found.add(" ".join(_ordinal(_ORDINALS[word]) if word in _ORDINALS and
                                 at + 1 < len(words) and words[at + 1] not in _STOP else word
                                 for at, word in enumerate(words)))


# Last words of a worry that say the same of it: "data privacy risks" / "... concerns"
# (not "problem": a review found the named problems of maths and AI, "AI control
# problem", and addiction, "gambling problems").
_CONCERN_WORDS = frozenset({"risk", "concern", "issue"})


def concern_word(name: _Name, forms: _Forms) -> None:
    """A last word of a worry (`_CONCERN_WORDS`) as one mark, "(concern)": "data privacy
    risks" / "... concerns" (not "market risk"; not after "health": "mental health
    risks" are hazards, "mental health issues" conditions)."""
    words = name.words
    if len(words) >= 3 and words[-1] in _CONCERN_WORDS and words[-2] != "health":
        forms.found.add(" ".join(words[:-1] + ["(concern)"]))


# What does a coined -ing word's deed, named after it: "crowdfunding platforms" are no
# platform crowdfunding, "gatekeeping AI" no AI gatekeeping (a review's false joins).
_DOERS = frozenset("""technology platform tool content company startup firm app application
    model ai system solution culture workshop farm campaign regulation risk program
    programme network site market industry sector business provider employer initiative
    project organization charity movement community space hub device software robot
    algorithm website portal marketplace station operator scheme course bootcamp shop
    store school club reward video game coach policy investment""".split())
# -ing words that name a kind, not an action, before a noun: "developing countries" are
# not the development of countries, an "operating system" is not a system's operation;
# nor are people who expect, aspire, return or vote their expectations, aspirations,
# returns or votes ("expecting parents", "returning customers", "voting public": an
# attack's realistic false joins).
_PARTICIPLE_ADJECTIVES = frozenset("""developing operating leading emerging existing remaining
competing underlying living working following missing expecting aspiring returning
voting striking founding compelling promising pressing prevailing outstanding
surrounding corresponding""".split())
# ... and these before what they name a kind of ("mitigating factors", "controlling
# behavior", "polarizing issues", "racing drones", "moving trucks": an attack's false
# joins; "controlling costs" is still cost control)
_KINDS_OF = {"mitigating": {"factor", "circumstance"},
             "controlling": {"behavior", "shareholder", "interest", "stake", "parent",
                             "partner", "owner"},
             "polarizing": {"issue", "figure", "topic", "politician"},
             "challenging": {"behavior"}, "managing": {"director", "editor", "partner"},
             "prosecuting": {"attorney"}, "supporting": {"actor", "role", "cast"},
             "interviewing": {"officer"},
             "racing": {"drone", "car"}, "moving": {"truck", "company", "van"},
             "rewarding": {"career", "job", "experience", "work"},
             "contributing": {"factor", "author", "writer", "editor"},
             "conflicting": {"interest", "evidence", "report", "view", "priority",
                             "demand", "signal"},
             "conducting": {"polymer", "material"}, "trending": {"hashtag", "topic"}}
# Verbs of what people and animals do themselves: "protesting farmers" are no farmer
# protests, "migrating birds" no bird migration (people or beings against their act: an
# attack's and trap hunts' false joins); "reskilling workers" is still worker reskilling.
_DONE_BY_THEMSELVES = frozenset("""strike protest migrate struggle retire die emigrate
    immigrate commute travel vote resign quit graduate arrive participate export import
    produce pollute visit tour win move exit pivot transition escape consent compete lead
    emerge work live volunteer succeed perform return contribute default disrupt
    sanction organize organise donate invest""".split())
# ... and those done to people, the only ones read as their act before who does a job
# to others (`_PROFESSIONALS`: "supervising physicians", "investigating officers",
# "treating physicians" do it; "reskilling workers" is worker reskilling, "treating
# patients" patient treatment: two attacks)
_DONE_TO_PEOPLE = frozenset("""reskill upskill train retrain hire recruit employ educate
    teach deport detain vaccinate screen protect support empower engage onboard retain
    pay tax fine monitor surveil track target attract house feed serve regulate replace
    displace exploit include exclude mobilize mobilise radicalize radicalise reward
    compensate motivate manage lay fire evict resettle integrate rescue evacuate terrorize
    terrorise traumatize traumatise harass abuse bully groom traffic smuggle kidnap
    imprison torture stigmatize stigmatise marginalize marginalise silence censor
    manipulate mislead deceive scam defraud polarize polarise victimize victimise
    safeguard relocate expel shelter diagnose counsel mentor coach tutor punish profile
    nudge sanction dehumanize dehumanise assess evaluate test register survey welcome vet
    interview involve consult notify equip reach connect poach dismiss appoint nominate
    license licence certify accredit insure enrol enroll admit convict prosecute discipline
    incentivize incentivise persuade unionize unionise""".split())
_PROFESSIONALS = frozenset("""physician doctor officer attorney director manager investigator
    judge lawyer surgeon nurse teacher professor researcher official executive leader
    soldier police agent inspector examiner auditor supervisor actor author scholar
    musician politician""".split())
# People and animals a name may be about, beside `_people`'s lists: an -ing word before
# them may say what they do ("migrating birds", "visiting scholars").
_BEINGS = frozenset("""family household community bird animal species fish insect bee whale
    wildlife livestock cattle pet dog cat scholar officer author surgeon lawyer judge
    soldier athlete player team member delegate official leader manager executive
    employer owner landlord tenant driver rider passenger traveller traveler tourist adult
    teacher professor researcher shareholder mother father musician borrower lender
    startup fan supporter spectator""".split())
# -ing words that name an activity or a trade before what serves it: "boarding schools"
# are no school boards, "shipping containers" no container ships, "farming robots" no
# robot farms (the verb's bare noun is a thing of its own)
_ACTIVITY_NOUNS = frozenset("""shipping mining banking farming fishing trading gaming
    parking charging printing computing manufacturing cooling heating boarding coaching
    consulting plumbing lighting housing building clothing lending streaming publishing
    advertising marketing training testing hunting logging dining nursing catering
    welding drilling fracking camping sailing shopping cycling swimming running
    engineering programming accounting""".split())
# Nouns spelled as a verb's nominalisation that name another thing: "governing AI" is
# no AI government, "departing employees" no employee department (reviews' false joins).
_OTHER_NOUNS = frozenset({"government", "department"})


# -ing words of what happens to a thing, as the noun of that process (which
# `_gerund_nouns` does not give, the lexicon knowing most of them as nouns, or gives as
# the verb's bare noun: "melt"): "warming oceans" are ocean warming, "retreating glaciers"
# glacier retreat, "ageing workforce" workforce ageing (not an activity done by or for
# the thing: "learning machines", "marketing agencies", "boarding schools").
_PROCESSES = {"warming": ("warming",), "bleaching": ("bleaching",), "aging": ("aging",),
              "graying": ("graying",), "melting": ("melting",), "thawing": ("thawing",),
              "retreating": ("retreat",), "flooding": ("flooding",),
              "greening": ("greening",)}
# ... not before who or what serves it or causes it ("aging technology" is AgeTech, no
# technology's aging; "retreating executives" no executive retreat, "warming potential"
# a metric, "flooding rains" their cause: an attack's)
_NOT_UNDERGOING = frozenset("""technology tech research service care study science
    product solution potential gas rain storm executive leader""".split())
# The nominalisations of short verbs, which no ending guesses safely.
_SHORT_VERB_NOUNS = {"tax": ("taxation",), "form": ("formation",), "grow": ("growth",),
                     "move": ("movement",)}
# ... and of longer verbs, which neither an ending nor kg/lexicon/verb-nouns.csv gives
# (WordNet 3.0 derives "recognition" from "acknowledge", not from "recognize", so
# bench/make_verb_nouns.py never proposes it).
_OTHER_VERB_NOUNS = {"recognize": ("recognition",)}


def guessed_nouns(verb: str) -> tuple[str, ...]:
    """The nouns a verb's endings may make (which are words, the lexicon says; those
    no ending makes are kg/lexicon/verb-nouns.csv's).

    >>> guessed_nouns("regulate")[:3]
    ('regulate', 'regulation', 'regulatation')
    """
    stem = verb[:-1] if verb.endswith("e") else verb
    return (verb, stem + "ion", stem + "ation", stem + "tion", verb + "ment", verb + "th",
            verb[:-3] + "ization" if verb.endswith("ize") else "",
            verb[:-1] + "ication" if verb.endswith("fy") else "")


@functools.lru_cache(maxsize=4096)
def _gerund_nouns(word: str) -> tuple[str, ...]:
    """The nouns of a leading -ing word the lexicon knows: the verb's lemma when that is
    also a noun ("declining" -> "decline"), and its nominalisations ("regulating" ->
    "regulation", "combining" -> "combine", "combination"; of a verb of five letters or
    more: "rotting" is no rotation), and those of kg/lexicon/verb-nouns.csv, which no
    ending guesses ("sequestering" -> "sequestration"); none for an -ing word that is a
    noun of its own ("marketing" is not "market"), nor for one of five letters but
    "using" ("use").

    >>> [_gerund_nouns(w) for w in ("declining", "regulating", "combining", "marketing",
    ...                             "developing")]
    [('decline', 'declination'), ('regulation',), ('combine', 'combination'), (), ()]
    """
    if word == "using":  # (the one short -ing word of an act: "using AI" is AI use)
        return ("use",)
    if len(word) <= 5 or not word.endswith("ing") or word in _PARTICIPLE_ADJECTIVES or \
            word in _ACTIVITY_NOUNS:
        return ()
    verbs = _lemmas(word, "VERB")
    if not verbs and len(word) >= 8 and not _known_word(word):
        # a coined verb's: "reskilling workers" is worker reskilling, "decarbonising
        # steel" steel decarbonisation; only a verb made anew from another (re-, up-,
        # de-, -ise), not an activity's compound noun ("crowdfunding", "ridesharing")
        if word.endswith(("ising", "izing")):
            return word, word[:-5] + "ization"
        return (word,) if word.startswith(("re", "up", "de")) else ()
    if not verbs or verbs[0] == word or _lemmas(word, "NOUN"):
        return ()
    verb = verbs[0]
    irregular = lexicon().verb_nouns.get(verb, ()) + _OTHER_VERB_NOUNS.get(verb, ())
    if len(verb) < 5:  # (a short verb's guessed nouns are other words: "rotting" is no
        own = (verb,) if _lemmas(verb, "NOUN")[:1] == (verb,) else ()  # rotation)
        return tuple(dict.fromkeys(own + _SHORT_VERB_NOUNS.get(verb, ()) + irregular))
    nouns = [noun for noun in guessed_nouns(verb)
             if noun and noun not in _OTHER_NOUNS and _lemmas(noun, "NOUN")[:1] == (noun,)]
    if verb.endswith("ize") and not nouns and not irregular:
        # (the -ization of an -ize verb the lexicon knows without it:
        # "institutionalizing" -> "institutionalization")
        nouns = [verb[:-3] + "ization"]
    if not nouns and verb.startswith("re") and _lemmas(verb[2:], "VERB"):
        # (a verb made again, whose noun the lexicon knows without "re": "reevaluating"
        # -> "reevaluation", as "evaluation")
        nouns = ["re" + noun for noun in guessed_nouns(verb[2:])
                 if noun and noun != verb[2:] and _lemmas(noun, "NOUN")[:1] == (noun,)]
    return tuple(dict.fromkeys(nouns + list(irregular)))


# Prepositions after which a leading -ing word is its act, said in the noun's place:
# `_PREPOSITIONS` but "of" (the "growing of vegetables" is no growth of vegetables),
# with those of motion and topic.
_AFTER_AN_ACT = frozenset("""in for on to with at into onto about against over from
    toward towards through across among around""".split())
# ... as a nominalisation, or as the verb itself only where that names the act: an
# attack (289 pairs) found "trafficking in" is no traffic in, "prospecting for" no
# prospects for, "renting in London" no rent, "shelling" no Shell; nor nominalisations
# of another sense (as `_OTHER_NOUNS`, here before a preposition: "contracting in
# construction" is no contraction, "interning" no internment, "growing in cities",
# cultivating, no growth).
_ACTS = frozenset("""shift move return rise decline increase surge rebound pivot transfer
    transition protest strike campaign vote call search bid fight clash focus exit escape
    spread turn switch push race rush struggle debate change experiment""".split())
_NOT_ACTS = frozenset("""internment contraction recreation installment foundation location
    equipment compensation movement commutation audition station statement agreement
    information capitalization growth rental settlement organization collection
    containment affection""".split())
# ... nor in these idioms ("expanding on" is elaborating, "seizing on" exploiting,
# "filtering through" trickling down, "racing in America" no race in America: an
# attack's false joins)
_IDIOMS = frozenset({("expanding", "on"), ("seizing", "on"), ("filtering", "through"),
                     ("providing", "in"), ("racing", "in")})


# Verbs that are their act said with "of" too, beside `_ACTS` ("using X" is the use of
# X, "controlling X" its control; but "shaping the future" is no shape of the future,
# "sharing the vote" no share of it: an attack's).
_VERB_AS_ACT = frozenset({"use", "control"})
# Acts that "X ACT" says X does or has, met only as "ACT of X": "recognizing Israel"
# is no Israel's recognition (of Somaliland), "recognizing names" no name recognition,
# "recognizing governments" no recognition by them (two attacks').
_ONLY_OF = frozenset({"recognition"})


def gerund_as_noun(name: _Name, forms: _Forms) -> None:
    """A leading -ing word as its nouns (`_gerund_nouns`) at the end, or before a second
    phrase as reordering keeps it ("declining attendance at funerals": "attendance at
    funeral decline" and "attendance decline at funeral"); not a coined word before
    what does it (`_DOERS`: "crowdfunding platforms"). Before a preposition (not "of"),
    as its act in place instead ("adapting to new rules": "adaptation to new rule"):
    a nominalisation not of another sense (`_NOT_ACTS`), the verb itself only where it
    names the act (`_ACTS`, also of an -ing noun: "shifting to"), not in an idiom
    (`_IDIOMS`); and the nouns kg/lexicon/verb-nouns.csv gives before a preposition
    only ("relying on": "reliance on"), which are not reordered again.

    And as "ACT of" what follows, whatever comes after it, never reordered again
    ("integrating amenities into infrastructure": "integration of amenity into
    infrastructure"): of a nominalisation, or the verb itself where it names the act
    (`_ACTS`, `_VERB_AS_ACT`), not of watching those in charge ("supervising teachers"),
    nor after a verb of growth read as "rising". "Into" ends the object too, for the
    acts and the table's nouns before a preposition ("converting offices into
    housing"). An act of `_ONLY_OF` is said with "of" only.

    None before people or animals for a verb of what they do themselves
    (`_DONE_BY_THEMSELVES`: "protesting farmers"), nor before who does a job to others
    but for a verb done to people (`_PROFESSIONALS`, `_DONE_TO_PEOPLE`: "supervising
    physicians"), nor for a kind two words name (`_KINDS_OF`: "mitigating factors")."""
    words = name.words
    for at in range(1, len(words) - 1):  # (inside a name: "industry adapting to rules")
        if words[at].endswith("ing") and words[at + 1] in _AFTER_AN_ACT and \
                (words[at], words[at + 1]) not in _IDIOMS:
            _acts_in_place(words[:at], words[at:], _gerund_nouns(words[at]), forms)
    if len(words) > 2 and words[0] == "re" and words[1].endswith("ing") and \
            words[2] not in _STOP:
        # (a hyphened "re-": "re-evaluating norms" / "norm re-evaluation", spelled as one
        # word only when that is no word of its own: not "recreation" of "re-creating")
        for noun in _gerund_nouns(words[1]):
            forms.found.add(" ".join(words[2:] + ["re", noun]))
            if not _known_word("re" + noun):
                forms.found.add(" ".join(words[2:] + ["re" + noun]))
        return
    if len(words) < 2 or not words[0].endswith("ing"):
        return
    if words[1] == "of" or len(words) == 2 and words[1] in _KINDS_OF.get(words[0], ()):
        return  # (the "growing of vegetables"; "mitigating factors")
    verb, head = _lemmas(words[0], "VERB")[:1], words[_first_of(words, _PREPOSITIONS, 1) - 1]
    if verb and (verb[0] in _DONE_BY_THEMSELVES and (_people(head) or head in _BEINGS) or
                 head in _PROFESSIONALS and verb[0] not in _DONE_TO_PEOPLE):
        return
    nouns = _gerund_nouns(words[0])
    if words[-1] not in _NOT_UNDERGOING and not _people(words[-1]):
        nouns += _PROCESSES.get(words[0], ())
    if words[1] in _AFTER_AN_ACT:
        if (words[0], words[1]) not in _IDIOMS:
            _acts_in_place([], words, nouns, forms)
        return
    then = _first_of(words, _SECOND_PHRASE, 2, len(words) - 1)
    if words[then - 1] in _DOERS and not _known_word(words[0]):
        return
    acts = [noun for noun in nouns if noun not in verb or noun in _ACTS or noun in _VERB_AS_ACT]
    if words[0] in ("rising", "declining") and words[0] != name.key.split()[0]:
        # (a verb of growth read as "rising" may make a thing grow: "growing startups
        # into unicorns" is no rise of startups into unicorns)
        acts = []
        if words[then:then + 1] == ["into"]:
            then = len(words)
    elif words[then:then + 1] == ["into"]:
        nouns = list(acts)
        if verb:  # (into what it makes a thing: the table's nouns before a preposition
            # too, "converting offices into housing")
            acts += lexicon().preposition_nouns.get(verb[0], ())
    for noun in nouns:
        if noun not in _ONLY_OF:
            forms.found.add(" ".join(words[1:] + [noun]))
            if " ".join(words[1:4]) not in _TERMS_OF:  # ("rising cost of capital")
                forms.found.add(" ".join(words[1:then] + [noun] + words[then:]))
    for noun in acts:
        of_form = " ".join([noun, "of"] + words[1:])
        if noun not in _WATCHING or words[-1] not in _IN_CHARGE:
            forms.found.add(of_form)
            forms.final.add(of_form)


# Prepositions after which an -ing word names an act ("cost of installing heat pumps",
# "barriers to adopting AI").
_BEFORE_AN_ACT = frozenset({"of", "to", "for", "in", "on"})


def gerund_after_a_preposition(name: _Name, forms: _Forms) -> None:
    """An -ing word after a preposition, to the name's end, as `gerund_as_noun` reads it
    first, its phrase written as a compound ("cost of installing heat pumps": "cost of
    heat pump installation", read again as "heat pump installation cost"): only its
    nominalisations and acts, no -ing noun moved ("risks of washing machines" is no risk
    of machine washing), and no phrase of a preposition or "and" of its own; not before
    people, whom the -ing word may say what they do ("rights of striking workers" are
    none of worker strikes), nor in a fixed phrase ("threat of rising powers")."""
    words = name.words
    at = next((at for at in range(1, len(words) - 2)
               if words[at] in _BEFORE_AN_ACT and words[at + 1].endswith("ing")), None)
    if at is None or _STOP.intersection(words[at + 2:]) or _people(words[-1]) or \
            words[-1] in _BEINGS or tuple(words[at + 1:at + 3]) in _TREND_PHRASES:
        return
    act = words[at + 1:]
    found = _Forms(set())
    gerund_as_noun(_Name(" ".join(act), act, []), found)
    forms.found.update(" ".join(words[:at + 1] + form.split()) for form in found.found
                       if not _STOP.intersection(form.split()))


def doer_doing(name: _Name, forms: _Forms) -> None:
    """"S VERB-ing O" (who does what, S one noun or more, O up to a preposition) as "O
    ACT by S" and "ACT of O by S" ("warehouse robots displacing workers" / "worker
    displacement by warehouse robots", "AI replacing junior roles" / "replacement of
    junior roles by AI"; not "S O ACT": "police violence prevention" is no prevention
    by the police), of a nominalisation that is no verb itself but use
    (`_gerund_nouns`; not `_NOT_ACTS`): "self-driving cars" are no car drive, "data
    sharing" no share."""
    words = name.words
    for at in range(1, min(len(words) - 1, 4)):
        if not words[at].endswith("ing") or words[at + 1] in _PARTICLES:
            continue
        subject = words[:at]
        if _STOP.intersection(subject) or not _lemmas(subject[-1], "NOUN") or \
                subject[-1].endswith("ly") and _lemmas(subject[-1], "ADV"):
            return
        then = _first_of(words, _PREPOSITIONS, at + 1)
        acted_on, tail = words[at + 1:then], words[then:]
        verb = _lemmas(words[at], "VERB")[:1]
        for act in _gerund_nouns(words[at]):
            if (act not in verb or words[at] == "using") and act not in _NOT_ACTS:
                forms.found.add(" ".join(acted_on + [act, "by"] + subject + tail))
                forms.found.add(" ".join([act, "of"] + acted_on + ["by"] + subject + tail))
        return


def _acts_in_place(before: list[str], words: list[str], nouns: tuple[str, ...],
                   forms: _Forms) -> None:
    """The forms of "W VERB-ing P X" as "W ACT P X" (`gerund_as_noun`; `words` from the
    -ing word on, `before` the words before it). After a doer W, a nominalisation only,
    not reordered again: "industry adaptation to AI" is no "AI industry adaptation",
    "investors returning to China" no investor returns (an attack's false joins)."""
    verb = _lemmas(words[0], "VERB")[:1]
    acts = [noun for noun in nouns
            if noun not in _NOT_ACTS and (noun not in verb or noun in _ACTS and not before)] + \
        [act for act in verb if act in _ACTS and not before]
    forms.found.update(" ".join(before + [noun] + words[1:]) for noun in acts)
    if before:
        forms.final.update(" ".join(before + [noun] + words[1:]) for noun in acts)
    if verb and (nouns or not _lemmas(words[0], "NOUN")):
        # (not reordered again: "competition for talent" reordered is a "talent
        # competition", a contest, which "competing for talent" is not; a third name,
        # "competition for talent" itself, still meets both through that older rule)
        only = {" ".join(before + [noun] + words[1:])
                for noun in lexicon().preposition_nouns.get(verb[0], ())}
        forms.found.update(only)
        forms.final.update(only)


# Adjectives whose first meaning today is a quality, not "of the noun they come from",
# which meet only a name of "of" (marked " (of)"): "natural laws" are the laws of
# nature, but "physical AI" is no AI in physics, "natural experiments" no experiments in
# nature, "physical education" no education in physics (a review's traps).
_QUALITY_ADJECTIVES = frozenset("""physical natural classical critical original normal formal
    central digital general special typical radical practical technical logical vertical
    virtual actual total final rational functional conditional""".split())
# What algorithms have ("algorithmic bias" is bias in algorithms); not what they do:
# "algorithmic trading", "... ranking", "... management" are done by algorithms, not to
# them (reviews' false joins).
_ALGORITHMS_HAVE = frozenset("""bias fairness transparency accountability opacity literacy
    auditing audit explainability""".split())
# Adjective endings and the endings of the nouns they are made from, for "political
# polarization" / "polarization in politics": (adjective ending, noun endings).
# (Not -ive, -ent or -ic alone: executive order is no order of execution, current value
# no value of the currency, organic waste no waste of organs.)
_ADJECTIVE_NOUN_ENDINGS = (
    ("ical", ("ics", "y")), ("tic", ("cy", "ty")), ("thmic", ("thm",)), ("ic", ("y", "ia")),
    ("etal", ("ety",)),
    ("ial", ("y", "e", "")), ("al", ("", "e")), ("ant", ("ance",)), ("able", ("ability",)),
    ("ible", ("ibility",)), ("ian", ("ia", "e")), ("an", ("a", "", "as")), ("ese", ("",)),
)


def _adjective_nouns(word: str) -> list[str]:
    """The nouns an adjective may be made from, by its ending; which one, if any, is
    decided by the corpus (a name using it), so the list may hold non-words. (Not the
    noun of adjective-nouns.csv: against a reordered name a review found it reads who
    acts as who is acted on, "parliamentary scrutiny" / "scrutiny of parliament".)

    >>> _adjective_nouns("political"), _adjective_nouns("ukrainian")
    (['politics', 'polity'], ['ukrainia', 'ukraine'])
    >>> _adjective_nouns("academic"), _adjective_nouns("medic")
    (['academy', 'academia'], ['medy'])
    """
    for ending, nouns in _ADJECTIVE_NOUN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            # (-ic as -ia of an adjective only: a medic is no media)
            return [word[:-len(ending)] + noun for noun in nouns
                    if ending != "ic" or noun != "ia" or _lemmas(word, "ADJ")]
    return []


def _of_a_place(word: str) -> bool:
    """Whether a word reads as a people's or place's adjective: by its ending
    (`_PEOPLE_ENDINGS`) or in kg/lexicon/place-adjectives.csv ("thai", "swiss")."""
    return word.endswith(_PEOPLE_ENDINGS) or word in lexicon().place_adjectives


def _fixed_name(words: list[str]) -> bool:
    """Whether the words begin with a name of kg/lexicon/fixed-names.csv, a thing of its
    own whose first word reads like a people's adjective ("American football" is no
    football in America, "Siamese twins" no twins in Siam).

    >>> _fixed_name("american football league".split()), _fixed_name("indian election".split())
    (True, False)
    """
    names = lexicon().fixed_names
    return _of_a_place(words[0]) and \
        any(" ".join(words[:size]) in names for size in range(2, len(words) + 1))


# What a country has, named "X of the country" or with its adjective alike.
_WHAT_A_COUNTRY_HAS = frozenset("""government economy culture cuisine military army navy
    parliament president constitution currency language history society population
    industry sector infrastructure politics tourism agriculture heritage identity
    democracy monarchy budget healthcare workforce fund sovereignty territory
    coast fleet arsenal border ambition dominance strategy policy diplomacy leadership
    influence response election program programme stance presidency""".split())


# A place's adjective that names two places ("Georgian government": the US state's or
# the country's): read as neither.
_TWO_PLACES = frozenset({"georgian"})


def adjective_as_noun(name: _Name, forms: _Forms) -> None:
    """A leading adjective as each noun it may be made from (`_adjective_nouns`), in a
    name of no preposition that is no fixed name (`_fixed_name`). A people's or place's
    adjective, and "societal", "algorithmic", meet only "X of Y" and "X in Y" (marked
    `_OF_PLACE`: "societal views" are no views on society), a quality's only "X of Y"
    (`_OF_ONLY`); "algorithmic" only before what algorithms have (`_ALGORITHMS_HAVE`)."""
    words = name.words
    if len(words) < 2 or _PREPOSITIONS.intersection(words) or _fixed_name(name.key.split()) \
            or words[0] in _TWO_PLACES:
        return
    of_place = _OF_PLACE if words[0].endswith(_PEOPLE_ENDINGS + ("etal", "thmic")) \
        else _OF_ONLY if words[0] in _QUALITY_ADJECTIVES else ""
    if not words[0].endswith("thmic") or words[-1] in _ALGORITHMS_HAVE:
        forms.derived.update(" ".join([noun] + words[1:]) + of_place
                             for noun in _adjective_nouns(words[0]))
    # The places of place-adjectives.csv meet "X of the place" only, and only before what
    # a country has (`_WHAT_A_COUNTRY_HAS`): "Flu in Spain" is no Spanish flu, "Medicine
    # in China" no Chinese medicine, "victims of Israel" no Israeli victims, "takeover of
    # China" no Chinese takeover (reviews' traps), but "Government of Thailand" is the
    # Thai government.
    if words[-1] in _WHAT_A_COUNTRY_HAS:
        forms.derived.update(" ".join([place] + words[1:]) + _OF_ONLY
                             for place in lexicon().place_adjectives.get(words[0], ()))


# What a thing does to another, named "the ADJ impact of X" or "the impact of X on Y".
_IMPACTS = frozenset({"impact", "effect", "consequence", "implication"})
# Adjectives that name what an impact falls on, and that thing ("the economic impact of
# AI" is its impact on the economy). A list, not the adjectives' endings: an attack
# (514 pairs) found those name the kind of impact (financial, commercial: the cost, not
# the finance sector), its degree (marginal, transformational), a field of study
# (psychological impact is none on psychology) or another word (median / media).
_IMPACT_TARGETS = {
    "economic": "economy", "environmental": "environment", "political": "politics",
    "societal": "society", "social": "society", "cultural": "culture",
    "geopolitical": "geopolitics", "educational": "education", "behavioral": "behavior",
    "behavioural": "behavior", "emotional": "emotion", "democratic": "democracy",
    "diplomatic": "diplomacy", "institutional": "institution", "organizational":
    "organization", "organisational": "organization", "operational": "operation",
    "reputational": "reputation", "nutritional": "nutrition", "developmental":
    "development", "industrial": "industry", "agricultural": "agriculture",
    "ecological": "ecology", "demographic": "demography", "electoral": "election",
    "legal": "law", "urban": "city", "climatic": "climate",
    "psychological": "mental health", "technological": "technology",
    "regulatory": "regulation", "governmental": "government", "legislative": "legislation"}
# ... of which those that also name who acts, before "on": "regulatory impact on X" is
# the impact of regulation on X, but a "psychological impact on children" is no impact
# of psychology, an "economic impact on families" none of the economy.
_ACTING_ADJECTIVES = frozenset({"regulatory", "technological", "governmental", "legislative"})


def adjective_of_an_impact(name: _Name, forms: _Forms) -> None:
    """"ADJ impact of X" as "X impact on N" (or "for N"; the reordered form of "impact
    of X on N") for an adjective of what an impact falls on (`_IMPACT_TARGETS`), and
    "ADJ impact on Y" as "N impact on Y" for an adjective of who acts
    (`_ACTING_ADJECTIVES`), both met only by a reordered name ("economic impact of AI" /
    "impact of AI on the economy"; "regulatory impact on ad models" / "impact of
    regulation on ad models")."""
    words = name.words
    if len(words) < 4 or words[1] not in _IMPACTS or words[2] not in ("of", "on") or \
            _PREPOSITIONS.intersection(words[3:]):
        return
    if words[2] == "of" and words[0] in _IMPACT_TARGETS:
        rest, noun = _without_articles(words[3:]), _IMPACT_TARGETS[words[0]].split()
        for preposition in ("on", "for"):
            for target in (noun, ["the"] + noun):
                forms.derived.add(" ".join(rest + [words[1], preposition] + target))
    elif words[2] == "on" and words[0] in _ACTING_ADJECTIVES:
        for rest in {tuple(words[3:]), tuple(_without_articles(words[3:]))}:
            forms.derived.add(" ".join([_IMPACT_TARGETS[words[0]], words[1], "on", *rest]))


# Adjectives of a quality whose noun, last, names the same thing in any name of the
# genre ("resilient supply chains" / "supply chain resilience", "explainable AI" / "AI
# explainability"); not those that also name a kind of thing, a category or a fixed
# term, nor those whose noun names another thing or who has the quality otherwise
# ("sustainable debt" is ESG debt, "debt sustainability" whether a state can pay;
# "vacant hospitals" are empty, "hospital vacancies" open jobs; "transparent consumers"
# and "consumer transparency", "volatile organic compounds", "portable devices",
# "available credit", "relevant market", "fluent AI", variable pay, mobile data, latent
# space, durable goods, violent crime, urgent care, hostile takeovers, the habitable
# zone, accessible transport: two reviews' false joins, 986 pairs).
_QUALITIES = frozenset("""
    resilient stringent reluctant complacent turbulent sentient insolvent fragile
    affordable unaffordable explainable interpretable auditable traceable recyclable
    compostable repairable reusable reliable unreliable profitable unprofitable walkable
    predictable unpredictable reproducible irreversible susceptible scalable
    interoperable
""".split())
# Endings of those adjectives and of the nouns of their quality.
_QUALITY_ENDINGS = (("able", ("ability",)), ("ible", ("ibility",)), ("ile", ("ility",)),
                    ("ent", ("ence", "ency")), ("ant", ("ance", "ancy")))


def _quality_nouns(word: str) -> tuple[str, ...]:
    """The nouns that may name the quality of an adjective of `_QUALITIES`, by its
    ending (which one, the corpus decides: a name using it).

    >>> _quality_nouns("resilient"), _quality_nouns("affordable"), _quality_nouns("variable")
    (('resilience', 'resiliency'), ('affordability',), ())
    """
    if word in _QUALITIES:
        for ending, nouns in _QUALITY_ENDINGS:
            if word.endswith(ending):
                return tuple(word[:-len(ending)] + noun for noun in nouns)
    return ()


def quality_last(name: _Name, forms: _Forms) -> None:
    """A leading adjective of a quality as the noun of that quality, last ("resilient
    supply chains" / "supply chain resilience", "volatile energy prices" / "volatility
    in energy prices"), in a name of no preposition."""
    words = name.words
    if len(words) < 2 or _PREPOSITIONS.intersection(words):
        return
    forms.found.update(" ".join(words[1:] + [noun]) for noun in _quality_nouns(words[0]))


def _e_prefixed(word: str) -> str | None:
    """The noun after an "e-" prefix the lexicon does not know as one word ("ebike" ->
    "bike", "ewaste" -> "waste"); None for a word of its own ("event", "email").

    >>> _e_prefixed("ebike"), _e_prefixed("ewaste"), _e_prefixed("event"), _e_prefixed("energy")
    ('bike', 'waste', None, None)
    """
    if len(word) < 5 or word[0] != "e" or _known_word(word):
        return None
    return word[1:] if _lemmas(word[1:], "NOUN") else None


# Leading words written as another word of one meaning before a noun ("tourist taxes"
# are tourism taxes), with the nouns before which they are not (a tourist trap); not
# "technological" as "tech" (an attack: "tech unemployment" is the tech industry's,
# technological unemployment the jobs technology takes).
# "Childhood" is "child" before what children have or suffer ("childhood obesity" /
# "obesity in children"), also reordered; not a memory or a friend of one's childhood.
_MODIFIER_NOUNS = {"tourist": ("tourism", frozenset({"trap", "bubble", "class", "gaze",
                                                     "trophy"})),
                   "childhood": ("child", frozenset({"memory", "friend", "friendship", "home",
                                                     "hero", "dream", "nostalgia", "toy",
                                                     "sweetheart", "idol", "bedroom"}))}
_MODIFIERS_REORDERED = frozenset({"childhood"})


def modifier_as_noun(name: _Name, forms: _Forms) -> None:
    """A leading modifier as its noun (`_MODIFIER_NOUNS`), met only by a name written
    so, or by any form for a word of `_MODIFIERS_REORDERED`."""
    words = name.words
    if len(words) >= 2 and words[0] in _MODIFIER_NOUNS:
        noun, not_before = _MODIFIER_NOUNS[words[0]]
        if not_before.isdisjoint(words):
            found = forms.found if words[0] in _MODIFIERS_REORDERED else forms.dropped
            found.add(" ".join([noun] + words[1:]))


def place_possessive(name: _Name, forms: _Forms) -> None:
    """A people's or place's adjective as the place, before what a country has
    (`_WHAT_A_COUNTRY_HAS`: "Chinese economy" / "China's economy", whose key drops the
    possessive; not "Chinese imports", "Turkish refugees", "Indian reservations",
    "American Airlines": an attack's false joins), not in a fixed name, met only by a
    name written so."""
    words = name.words
    if len(words) >= 2 and words[-1] in _WHAT_A_COUNTRY_HAS and \
            words[0] not in _TWO_PLACES and not _fixed_name(name.key.split()):
        forms.dropped.update(" ".join([place] + words[1:])
                             for place in lexicon().place_adjectives.get(words[0], ()))


def e_prefix(name: _Name, forms: _Forms) -> None:
    """"e-X" as "electric X" and "electronic X" ("e-bikes" / "electric bikes", "e-waste"
    / "electronic waste")."""
    words = name.words
    for at, word in enumerate(words):
        rest = _e_prefixed(word)
        if rest:
            forms.found.update(" ".join(words[:at] + [long, rest] + words[at + 1:])
                               for long in ("electric", "electronic"))


# ---- the rules together ----

# The wording rules, by name: each adds the forms it reads in a key's words (to sets:
# their order does not matter). Each has an example in tests/test_resolve.py's
# RULE_EXAMPLES, which fails for a rule without one.
RULES: dict[str, Callable[[_Name, _Forms], None]] = {rule.__name__: rule for rule in (
    reordered_around_preposition, between, driven_by, and_either_way, in_dropped,
    against_from_with, toward_as_to, one_preposition_for_another, aspect_of_the, in_context,
    generic_last_word, tie_either_way, town_of, ai_generated_media, link_word_dropped,
    growth_as_rise, shift_as_change, cardinal_numbers, ordinal_numbers, concern_word,
    gerund_as_noun, adjective_as_noun, adjective_of_an_impact, quality_last, modifier_as_noun,
    place_possessive, e_prefix, on_the_rise, doer_doing, where_first, of_what_by_whom,
    cross_as_across, trend_of_a_phrase, gerund_after_a_preposition, medium_either_place)}
# Words a rule reorders a name around: `signatures` reads the forms of a name's
# other forms too ("then_reordered") only when it holds one (a new reordering rule adds
# its word here).
_REORDERING = _ORDER_WORDS | {"and", "between", "by", "on", "in"}
# (not every -ical: economical, historical, classical, political are other words)
# (nor "biological": biologicals are farm inputs, biologics drugs; a review's false joins)
_LEARNED_ICAL_RE = re.compile(r"\B(?<!bi)(olog|ograph|ometr)ical\b")


def _loose(key: str) -> str:
    """A key with every -ics word as its adjective, where that is one idea, and the
    learned adjectives in -ical as in -ic ("hydrological" / "hydrologic")."""
    if "ical" in key:
        key = _LEARNED_ICAL_RE.sub(r"\1ic", key)
    return " ".join(word[:-1] if _ics_adjective(word) else word for word in key.split())


def _in_order(some: list[str], words: list[str]) -> bool:
    """Whether `some` are words of `words` in their order (a form "as written", less
    some words: "ai filmmaking" of "ai driven filmmaking").

    >>> _in_order(["ai", "filmmaking"], ["ai", "driven", "filmmaking"])
    True
    >>> _in_order(["filmmaking", "ai"], ["ai", "driven", "filmmaking"])
    False
    """
    rest = iter(words)
    return all(word in rest for word in some)


# Words after which an article inside a name says nothing ("recovering from a hard year"
# / "recovery from hard year", "software as a service"): prepositions; not after a noun,
# where "a" is a letter ("vitamin a", "plan a"), nor after an -ing word, whose article
# says it is a verb ("increasing the number of graduates" is no rising number). "The"
# only before a phrase of two words or more ("withdrawal from the union" is no
# withdrawal from unions, "State of the Union" none of unions: keys are singular), "a"
# not before the words it is a letter of ("A shares", "upgrade to A"): an attack's.
_AFTER_LETTER_A = frozenset("""share level grade rating list class team side minus
    plus""".split())
_BEFORE_AN_ARTICLE = _AFTER_AN_ACT | _PREPOSITIONS | {"as", "of", "by", "via", "within",
                                                      "without", "under", "beyond", "than"}


def _inner_articles_dropped(words: list[str]) -> list[str] | None:
    """The words without an article after a preposition and before another word, or
    None when there is none.

    >>> _inner_articles_dropped("vampire as a biological entity".split())
    ['vampire', 'as', 'biological', 'entity']
    >>> _inner_articles_dropped("vitamin a deficiency".split()) is None
    True
    """
    kept = [word for at, word in enumerate(words)
            if not (0 < at and word in _ARTICLES and words[at - 1] in _BEFORE_AN_ARTICLE
                    and (len(_phrase(words[at + 1:])) >= 2 or word != "the" and
                         words[at + 1:at + 2] and words[at + 1] not in _AFTER_LETTER_A))]
    return kept if len(kept) < len(words) else None


def _phrase(words: list[str]) -> list[str]:
    """The words up to the next preposition."""
    return list(itertools.takewhile(lambda word: word not in _BEFORE_AN_ARTICLE, words))


# Modal verbs of a headline ("outcomes may shape policy"); not "can" or "will", which are
# nouns too ("free will debate"), nor "should": "governments should regulate AI" is a
# demand, not their regulating it (an attack's).
_MODALS = frozenset({"may", "might", "could", "would"})
# ... and auxiliaries, which no -ing word says ("is adapting", "has empowered")
_AUXILIARIES = frozenset({"is", "has", "was", "does"})


def _headline_as_phrase(words: list[str]) -> list[str] | None:
    """A headline's words, "S VERBs O" or "S may VERB O", as "S VERB-ing O" (the way
    names write it, which `doer_doing` reads: "AI disseminates tacit knowledge" / "AI
    disseminating tacit knowledge" / "dissemination of tacit knowledge by AI"), or None.
    Only a verb form that is no noun (a key's lemma keeps its -s: "reduces", not
    "launches", which is read as "launch"), after a subject of up to five words.

    >>> " ".join(_headline_as_phrase("ai reduces cost".split()))
    'ai reducing cost'
    >>> " ".join(_headline_as_phrase("outcome of exercise may shape policy".split()))
    'outcome of exercise shaping policy'
    >>> _headline_as_phrase("free will debate".split()) is None
    True
    """
    for at in range(1, min(len(words) - 1, 6)):
        word = words[at]
        if word in _MODALS:
            verb = words[at + 1]
            participle = _present_participle(verb)
            if at + 2 < len(words) and _lemmas(verb, "VERB")[:1] == (verb,) and participle:
                return words[:at] + [participle] + words[at + 2:]
            return None
        if word.endswith("s") and word not in _AUXILIARIES and not _lemmas(word, "NOUN"):
            base = _lemmas(word, "VERB")[:1]
            participle = _present_participle(base[0]) if base and base[0] != word else None
            if participle:
                return words[:at] + [participle] + words[at + 1:]
    return None


def _present_participle(verb: str) -> str | None:
    """A verb's -ing form, None when the lexicon reads none of the spellings tried back
    as the verb ("shape" -> "shaping", "commit" -> "committing", "panic" ->
    "panicking").

    >>> _present_participle("shape"), _present_participle("commit"), _present_participle("tie")
    ('shaping', 'committing', 'tying')
    >>> _present_participle("route"), _present_participle("panic")
    ('routing', 'panicking')
    """
    for form in (verb[:-2] + "ying" if verb.endswith("ie") else "",
                 verb[:-1] + "ing" if verb.endswith("e") else "", verb + "ing",
                 verb + verb[-1] + "ing", verb + "king" if verb.endswith("c") else ""):
        if form and verb in _lemmas(form, "VERB"):
            return form
    return None


def normal_words(key: str) -> list[str]:
    """A key's words as `signatures` reads them before its rules: the lexicon's way of
    writing each (`_lengthened`, `_NOUN_VARIANTS`), number words of time as digits, a
    first word of growth or decline as "rising" or "declining".

    >>> normal_words("effect on ai")
    ['impact', 'on', 'ai']
    """
    return _trend_word(_time_numbers(_lengthened(
        [_NOUN_VARIANTS.get(word, word) for word in key.split()])))


def signatures(key: str, then_reordered: bool = True, lengthen: bool = True) -> set[str]:
    """The forms a key shares with the keys it names the same thing as, beside itself:
    those of each of `RULES` read in its words, after the words the lexicon writes
    otherwise (a shortened word, a synonym: `_lengthened`; "usage" as "use", "working"
    as "work": `_NOUN_VARIANTS`), number words before a unit of time as digits
    (`_time_numbers`) and a first word of growth or decline as "rising" or "declining"
    (`_trend_word`); and, with `then_reordered`, the forms of each form that is not
    itself reordered ("bias detection in AI systems" -> "bias detection in AI" -> "AI
    bias detection"; not a generic word dropped after reordering: "technology in
    advertising" is not advertising); all in their loose form (an -ics word as its
    adjective, where that is one idea); and those of the key without the articles after
    its prepositions (`_inner_articles_dropped`) and of a headline read as a phrase
    (`_headline_as_phrase`). `join_keys` joins keys that share a form.

    Two marked forms meet only across: ">Y X" of "X of Y", and "<N X" for a leading
    adjective and each noun N it may be made from ("technological dependence" gives
    "<technology dependence", "dependence on technology" ">technology dependence"): an
    adjective meets its noun only in a reordered name, never another adjective guessed
    to the same noun (national / native) nor a plain name ("organ farming"). Forms
    marked "=" are the name as written, less some words: "X Y" of "X in Y" meets only
    them.

    >>> sorted(signatures("decline in birth rate"))  # doctest: +NORMALIZE_WHITESPACE
    ['=decline birth rate', '=decline in birth rate', '>birth rate decline',
     '>birth rate decline (of a place)', 'birth rate decline', 'decline * birth rate',
     'decline in birth rate']
    >>> sorted(signatures("declining birth rate"))  # doctest: +NORMALIZE_WHITESPACE
    ['=declining birth rate', 'birth rate declination', 'birth rate decline',
     'declination of birth rate', 'decline of birth rate', 'declining birth rate']
    >>> sorted(signatures("design driven by ai"))  # doctest: +NORMALIZE_WHITESPACE
    ['=design driven by ai', '>ai design driven', 'ai design driven', 'ai driven design',
     'design by ai', 'design driven by ai']
    """
    if key.count(" ") >= _LONGEST_NAME:  # (more words than that)
        return {_loose(key)}
    plain = [_NOUN_VARIANTS.get(word, word) for word in key.split()]
    lengthened = _lengthened(plain) if lengthen else plain
    # (and the forms of the words as written: "utilization of invisible creatures" read
    # as "use of ..." still meets "invisible creature utilization")
    written = signatures(key, then_reordered, False) if lengthen and lengthened != plain \
        else set()
    for other in (_inner_articles_dropped(key.split()), _headline_as_phrase(key.split())):
        if other:
            written |= signatures(" ".join(other), then_reordered, lengthen)
    # (after the lexicon, whose rows write "four-day week")
    words = _trend_word(_time_numbers(lengthened))
    forms = _Forms({key, " ".join(words), lexicon().whole_names.get(key, key),
                    # a name in s written as a possessive: "Jevon's paradox" is Jevons'
                    " ".join(w[:-1] if w[-1] == "s" and w in _noun_lemmas() else w
                             for w in words)})
    name = _Name(key, words, [(at, word) for at, word in enumerate(words)
                              if 0 < at < len(words) - 1 and words.count(word) == 1])
    for rule in RULES.values():
        rule(name, forms)
    found, reordered, dropped = forms.found, forms.reordered, forms.dropped
    loose = {form: _loose(form) for form in found | dropped | reordered}
    marked = {loose[form] for form in found} | \
        {">" + loose[form] for form in reordered - forms.directed} | \
        {"<" + _loose(form) for form in forms.derived} | \
        {"~" + _loose(form) for form in forms.adjective_kept} | \
        ({"~" + _loose(" ".join(words))} if len(words) > 2 and _lemmas(words[0], "ADJ")
         else set()) | \
        {"=" + loose[form] for form in found | dropped  # (the key is found; one word
         if " " in form and (form in dropped or form == key  # meets no "X Y" of "X in Y")
                             or _in_order(form.split(), words))}
    if then_reordered and _REORDERING.intersection(words):
        for form in found - reordered - forms.final - {key}:
            if "*" not in form and "(concern)" not in form:  # (not as written: no "=")
                marked |= {f for f in signatures(form, then_reordered=False) if f[0] != "="}
        for form in forms.adjective_kept:  # (the forms in which the lexicon wrote the
            # adjective otherwise, no longer Y's either: "insufficient research funding"
            # as "shortage of research funding"; not "organic retail growth" as "rise
            # of organic retail")
            marked |= {f for f in signatures(form, then_reordered=False)
                       if f[0] != "=" and words[0] not in f.lstrip("<>~").split()}
    return marked | written
