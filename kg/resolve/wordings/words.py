"""Words: what the wording rules read and write (`_Name`, a key's words; `_Forms`, the
forms they add), and the words several of them read: the lexicon's way of writing a
word (`_lengthened`), number words of time, a first word of growth or decline
(`_trend_word`), prepositions, and who acts and who is acted on (people, agents,
beings, places, what does a job).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..keys import _ARTICLES, _STOP, _known_word, _lemmas
from ..lexicon import lexicon

# Words written two ways: "water usage" is water use, "remote working" remote work,
# "commuting patterns" commute patterns. (Not "within" nor "during" as "in": an attack
# found "competition within species" no species competition, "tests during pregnancy"
# no pregnancy tests.)
_WORD_VARIANTS = {"usage": "use", "working": "work", "commuting": "commute",
                  "transplantation": "transplant", "xenotransplantation": "xenotransplant"}


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


# A warming limit's wordings after its number ("1.5°C target", "1.5C goal", "1.5 degrees
# Celsius limit"): degrees as "c", the limit as a target.
_DEGREES = frozenset({"c", "celsius", "centigrade"})
_LIMITS = frozenset({"goal", "limit", "threshold", "ceiling"})


def _temperatures(words: list[str]) -> list[str]:
    """The words with each temperature after a number written "N c", and a goal, limit
    or threshold after it as a target.

    >>> [" ".join(_temperatures(k.split())) for k in ("1 5c goal", "1 5 degree celsius limit",
    ...                                              "2 degree of warming", "degree program")]
    ['1 5 c target', '1 5 c target', '2 c of warming', 'degree program']
    >>> [" ".join(_temperatures(k.split())) for k in ("vitamin c limit", "45 degree limit")]
    ['vitamin c limit', '45 degree limit']
    """
    found: list[str] = []
    at = 0
    while at < len(words):
        word, warming = words[at], False
        number = word[:-1] if word[-1:] == "c" else word
        # (of warming: up to 6 degrees, its decimals after it as keys write "1.5": "1 5")
        warming = number.isdigit() and int(number) <= 6 and (
            at == 0 or not words[at - 1].isdigit() or int(words[at - 1]) <= 6)
        if word[:-1].isdigit() and word[-1] == "c":  # ("5c": how a key writes "5C")
            found += [word[:-1], "c"]
            at += 1
        elif word.isdigit() and at + 1 < len(words) and (
                words[at + 1] == "degree" and warming or words[at + 1] in _DEGREES):
            at += 1 + (words[at + 1] == "degree")
            at += at < len(words) and words[at] in _DEGREES
            found += [word, "c"]
        else:
            found.append(word)
            at += 1
            continue
        if warming and at < len(words) and words[at] in _LIMITS:
            found.append("target")
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
                "plummeting": "declining", "waning": "declining",
                "disappearing": "declining"}
# The words of growth and decline every one of `_TREND_WORDS` is read as, and their nouns
_TREND_NOUNS = {"rising": "rise", "declining": "decline"}
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
                            ("diminishing", "marginal"), ("shrinking", "violet"),
                            ("declining", "balance"), ("disappearing", "message"),
                            ("disappearing", "ink"), ("disappearing", "act"),
                            # (places that vanish, sinking or emptied, do not decline)
                            ("disappearing", "city"), ("disappearing", "town"),
                            ("disappearing", "island"), ("disappearing", "village"),
                            ("disappearing", "data"),
                            # (read after a headline's noun too: "stars falling")
                            ("rising", "sun"), ("falling", "star"), ("recovering", "cost"),
                            ("shrinking", "head")})
# What grows as living things do, or is grown: its growth is no rise of it ("indoor plant
# growth" is no rise of indoor plants; a review's false joins), and growing it is
# farming it ("growing cannabis" is no rise of cannabis).
_LIVING = frozenset("""plant tree forest crop seedling root weed reef coral algae alga fungus
    mold mould bacteria bacterium microbe cell tissue tumor tumour bone muscle hair nail
    skin tooth brain fetus foetus child infant embryo organ body cannabis marijuana hemp
    vegetable fruit food flower herb mushroom grape vine rice wheat corn maize tobacco
    cotton coffee cocoa tea seaweed kelp grass lawn beard produce grain opium poppy
    coca""".split())
# What "shifting" changes, not moves elsewhere ("shifting consumer preferences" are
# changing ones; "shifting costs", "shifting energy demand", "shifting cultivation" are
# moved or a practice of their own: a review's false joins).
_SHIFTING_HEADS = frozenset("""preference narrative attitude norm dynamic dynamics
    priority perception value expectation landscape trend habit behavior behaviour role
    paradigm alliance identity view opinion sentiment taste demographic demographics
    policy strategy pattern structure composition mindset belief relationship""".split())
# ... but not in a fixed phrase ("shifting cultivation patterns" are those of a way of
# farming, the "shifting baseline syndrome" a named bias; load, risk, profit shifting:
# an attack's)
_SHIFTED = frozenset({"cultivation", "baseline", "sand", "gear", "load", "risk", "profit",
                      "cost", "agriculture", "tax", "burden", "blame"})
_PARTICLES = _STOP | {"up", "out", "behind", "apart", "away", "back", "into", "from"}
# "Falling" is "declining" before what is measured ("falling birth rates", "falling
# prices"), not before what falls ("falling space debris").
# "Higher" and "lower" are "rising" and "declining", and "raising" and "lowering" (the)
# too, before a price, a pay or a charge (`_SET_LEVELS`), a rate of interest or tax, a
# retirement age ("higher interest rates", "lower launch costs", "raising the minimum
# wage" / "rising minimum wages"). Not before what a comparison or a policy names (an
# attack's: "higher poverty rates in rural areas" are no trend, "raising the birth rate"
# no rising birth rate), nor a debt or an investment, which one raises as one borrows,
# nor before a name or a class ("higher education", "Lower Manhattan", "Lower Saxony",
# "lower-middle-income countries": `_NOT_LEVELLED`).
_LEVELS = {"lower": "declining", "higher": "rising", "raising": "rising",
           "lowering": "declining"}
_SET_LEVELS = frozenset("""price cost wage salary tax premium fee rent fare tuition bill
    demand inflation""".split())
_SET_RATES = frozenset("interest mortgage borrowing lending tax policy bank".split())
_NOT_LEVELLED = frozenset("""education ed middle tier house court order class bound income
    east west north south level grade ground""".split())


def _set_level(words: list[str]) -> bool:
    """Whether `words` (after "higher", "raising the"...) name a level someone sets: the
    head (before a preposition) of `_SET_LEVELS`, a rate after `_SET_RATES`, a retirement
    or pension age; not after a name or a class.

    >>> _set_level("interest rate".split()), _set_level("poverty rate in rural area".split())
    (True, False)
    """
    if not words or words[0] in _NOT_LEVELLED or words[0] in _PARTICLES or \
            not _known_word(words[0]) or _place(words[0]):
        return False
    cut = _first_of(words, _PREPOSITIONS, 1)
    head, before = words[cut - 1], words[cut - 2] if cut >= 2 else ""
    return head in _SET_LEVELS or head == "rate" and before in _SET_RATES or \
        head == "age" and before in ("retirement", "pension")


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


# What erodes as it declines ("erosion of trust in institutions"); not land, soil or
# coasts, which erode as they wear away.
_ERODED = frozenset("""trust confidence democracy privacy right freedom norm support autonomy
    sovereignty credibility legitimacy authority independence margin wage standard
    value cohesion""".split())
# Qualities and states whose deterioration is their decline ("deterioration of water
# quality", "deteriorating relations"); not things, which decay while their number
# holds ("deterioration of concrete", "deteriorating housing stock": an attack's).
_WORSENING = _ERODED | frozenset("""quality relation relationship health security situation
    condition environment performance morale outlook cohesion""".split())
# What dwindles, whose loss is its decline ("loss of pollinators", "biodiversity loss");
# not what one loses at once or a body's condition ("loss of life", "loss of control",
# "loss of power", "hearing loss", "financial loss"), nor forests, whose loss is cleared
# land, their decline a dieback (an attack's).
_LOST = frozenset("""biodiversity habitat pollinator species insect bee bird wildlife
    wetland ice glacier coral reef mangrove place space""".split())


# Events counted, whose falling number is their decline ("falling overdose deaths",
# "falling road fatalities")
_COUNTED = frozenset("""death fatality casualty overdose suicide arrest infection
    hospitalisation hospitalization admission homicide murder shooting""".split())

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
    measure or a count of events, `_MEASURES`, `_COUNTED`; "higher", "lower", "raising
    (the)", "lowering (the)" before a level someone sets, `_set_level`; "booming" before
    an economy's measure, `_BOOMING`; "widening" and "narrowing" before a gap, `_GAPS`;
    "mounting" before what piles up, `_MOUNTING`); "shifting" as "changing" before what
    changes (`_SHIFTING_HEADS`).

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
        if rest[cut - 1] in _MEASURES | _COUNTED:  # ("fall in birth rates"; its head: before a preposition)
            return words[:at] + ["decline"] + words[at + 1:]
    if len(words) - at >= 3 and _TREND_WORDS.get(words[at]) == "declining" and \
            words[at + 1] in ("of", "in"):
        # (the word as a noun: "shrinking of the middle class" is its decline; not words
        # of growth: the "growing of vegetables" is no growth of vegetables)
        return words[:at] + ["decline"] + words[at + 1:]
    if len(words) - at >= 3 and words[at] == "booming" and words[-1] in _BOOMING:
        return words[:at] + ["rising"] + words[at + 1:]
    if len(words) - at >= 2 and words[at] == "falling":  # (its head: before a preposition)
        rest = words[at + 1:]
        if rest[_first_of(rest, _PREPOSITIONS, 1) - 1] in _MEASURES | _COUNTED:
            return words[:at] + ["declining"] + rest
    if len(words) - at >= 2 and words[at] in _LEVELS:
        rest = words[at + 2:] if words[at + 1] == "the" and words[at].endswith("ing") else \
            words[at + 1:]
        if _set_level(rest):
            return words[:at] + [_LEVELS[words[at]]] + rest
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


def _evolving_as_changing(words: list[str]) -> list[str] | None:
    """A first word "evolving" as "changing" before what changes (`_SHIFTING_HEADS`), or
    None; read beside the name as written, whose "evolving" another name may keep
    ("GenAI's evolving role in marketing").

    >>> _evolving_as_changing("evolving consumer expectation".split())
    ['changing', 'consumer', 'expectation']
    """
    if len(words) >= 2 and words[0] == "evolving":
        rest = words[1:]
        if rest[_first_of(rest, _PREPOSITIONS, 1) - 1] in _SHIFTING_HEADS:
            return ["changing"] + rest
    return None


def _erosion_as_decline(words: list[str]) -> list[str] | None:
    """"Erosion of X" as "decline of X" for what declines as it erodes (`_ERODED`: "erosion
    of trust in institutions"), and "loss of X" for that and what dwindles (`_LOST`:
    "loss of pollinators"), or None; read beside the name as written ("erosion of
    democracy" is democratic erosion too).

    >>> _erosion_as_decline("erosion of trust in science".split())
    ['decline', 'of', 'trust', 'in', 'science']
    >>> _erosion_as_decline("erosion of soil".split()) is None
    True
    >>> _erosion_as_decline("loss of life".split()) is None
    True
    """
    if len(words) >= 3 and words[0] in ("erosion", "loss") and words[1] == "of":
        rest = words[2:]
        head = rest[_first_of(rest, _PREPOSITIONS, 1) - 1]
        if head in _ERODED or words[0] == "loss" and head in _LOST:
            return ["decline"] + words[1:]
    if len(words) >= 3 and words[:2] == ["deterioration", "of"] and \
            words[-1] in _WORSENING:
        return ["decline"] + words[1:]  # ("deterioration of water quality")
    if len(words) >= 2 and words[0] in ("deteriorating", "weakening") and (
            words[-1] in _WORSENING or words[-1].endswith("ism")):
        return ["declining"] + words[1:]  # ("weakening multilateralism"; not storms)
    return None


# Measures aimed at what follows them, whose "against" is "on" ("embargo against Iran" /
# "embargo on Iran", "Iran embargo", "vaccines against malaria"); and, before what cannot
# act, cyberattacks and defences ("cyberattacks against satellites" / "satellite
# cyberattacks"; not "attacks against Israel", "sanctions against China", "lawsuit against
# Musk": Israel attacks, China sanctions; nor "defence against AI": an attack's).
_AIMED = frozenset("""embargo boycott fine penalty vaccine vaccination crackdown""".split())
_AIMED_AT_WHAT_CANNOT_ACT = frozenset("""cyberattack countermeasure protection defence defense
    safeguard""".split())  # (not lawsuits, attacks or sanctions, aimed at who acts)


def _against_as_on(words: list[str]) -> list[str] | None:
    """"X against Y" as "X on Y" for what is aimed at Y (`_AIMED`, and
    `_AIMED_AT_WHAT_CANNOT_ACT` before no place, actor, people or name), whose rules read
    it as "Y X", or None; read beside the name as written.

    >>> _against_as_on("cyberattack against satellite".split())
    ['cyberattack', 'on', 'satellite']
    >>> _against_as_on("sanction against russia".split()) is None
    True
    >>> _against_as_on("campaign against tourism".split()) is None
    True
    """
    if "against" in words[1:-1]:
        at = words.index("against")
        target = [word for word in words[at + 1:] if word not in _ARTICLES]
        if words[at - 1] in _AIMED or words[at - 1] in _AIMED_AT_WHAT_CANNOT_ACT and not any(
                _place(word) or _actor(word) or _people(word) or not _known_word(word)
                for word in target):
            return words[:at] + ["on"] + words[at + 1:]
    return None


def _use_in_as_in(words: list[str]) -> list[str] | None:
    """"Use of X in Y" or "using X in Y" as "X in Y" for a technology no dictionary knows
    ("use of AI in peer review" / "AI in peer review"), or None; read beside the name as
    written.

    >>> _use_in_as_in("use of ai in peer review".split())
    ['ai', 'in', 'peer', 'review']
    >>> _use_in_as_in("use of water in agriculture".split()) is None
    True
    """
    start = 2 if words[:2] == ["use", "of"] else 1 if words[:1] == ["using"] else 0
    if not start or "in" not in words[start + 1:start + 3] or len(words) < start + 3:
        return None
    at = words.index("in", start + 1)
    if _known_word(words[at - 1]) and words[at - 1] != "ai" or \
            any(_place(word) for word in words[at + 1:]):
        return None  # (not in a place: "Uber in Mexico" is its business there)
    return words[start:]


# What is used by going to it or drawing on it, whose use rises or falls while it does not
# ("growth in use of libraries", "surge in use of food banks", "decrease in use of
# water", "rising land use": an attack's false joins), and what is stockpiled.
_USED_NOT_GROWN = frozenset("""library hospital bank foodbank clinic school water groundwater
    weapon antibiotic penicillin force shelter court prison park road railway rail home
    service facility land space power electricity""".split())


def _use_as_itself(words: list[str]) -> list[str] | None:
    """"Rising use of X" as "rising X", "decline in the use of X" as "decline of X", or
    None: what rises or declines is X's use ("declining use of cash" / "decline of cash",
    "growing use of weight-loss drugs" / "rise of weight-loss drugs"); not of what one
    goes to or draws on (`_USED_NOT_GROWN`: "rising power use" is no rising power), nor
    "adoption" (of children, dogs: two attacks'); read beside the name as written.

    >>> _use_as_itself("growing use of ai in aec".split())
    ['rising', 'ai', 'in', 'aec']
    >>> _use_as_itself("decline in the use of cash".split())
    ['decline', 'of', 'cash']
    >>> _use_as_itself("declining cash use".split())
    ['declining', 'cash']
    >>> _use_as_itself("growth in use of library".split()) is None
    True
    """
    if len(words) < 3 or "use" not in words:
        return None
    words = _trend_word(list(words))
    if words[0] not in _TREND_NOUNS and words[0] not in _TREND_NOUNS.values():
        return None
    at = 2 if words[1:2] in (["in"], ["of"]) and words[0] in _TREND_NOUNS.values() else 1
    at += words[at:at + 1] == ["the"]
    if words[at:at + 2] == ["use", "of"] and len(words) > at + 2:
        rest = words[at + 2:]
        if rest[_first_of(rest, _PREPOSITIONS, 1) - 1] not in _USED_NOT_GROWN:
            return words[:1] + (["of"] if at > 1 else []) + rest
    if at == 1 and words[-1] == "use" and words[-2] not in _USED_NOT_GROWN and \
            not _PREPOSITIONS.intersection(words):
        return words[:-1]  # ("declining cash use")
    return None


# What is counted by its rate, whose rising or falling rate is its own rise or decline
# ("falling fertility rates" / "falling fertility"; not interest, exchange or tax rates,
# whose fall is no fall of interest).
_RATED = frozenset("""fertility birth marriage divorce mortality death crime suicide
    vaccination employment unemployment literacy smoking obesity homeownership turnout
    participation enrollment enrolment attendance volunteering""".split())


def _rate_as_itself(words: list[str]) -> list[str] | None:
    """A rising or declining rate of what `_RATED` counts as its rise or decline, and
    slowing growth as slowing, or None; read beside the name as written.

    >>> _rate_as_itself("falling fertility rate".split())
    ['declining', 'fertility']
    >>> _rate_as_itself("birth rate decline".split()), _rate_as_itself("falling interest rate".split())
    (['birth', 'decline'], None)
    """
    if len(words) < 2 or "rate" not in words and words[0] != "slowing":
        return None
    words = _trend_word(list(words))
    if words[0] in _TREND_NOUNS and words[-2] in _RATED and words[-1] == "rate":
        return words[:-1]
    if len(words) >= 3 and words[-1] in _TREND_NOUNS.values() and words[-3] in _RATED and \
            words[-2] == "rate":  # ("rate rises" alone: a blind universe's crash)
        return words[:-2] + words[-1:]
    if words[0] == "slowing" and words[-1] == "growth" and not _STOP.intersection(words):
        return words[1:-1] + ["slowdown"]  # ("slowing productivity growth")
    if words[0] == "slowing" and words[-1] in _SLOWING and not _STOP.intersection(words):
        return words[1:] + ["slowdown"]  # ("slowing EV sales"; not "slowing traffic")
    return None


# What a market measures, whose slowing is its slowdown ("slowing EV sales" / "EV sales
# slowdown"; not traffic, global warming: an attack's)
_SLOWING = frozenset("""sale market demand economy investment production hiring inflation
    growth""".split())


# Participles before what they changed, said as the act of changing it ("improved air
# quality" / "improving air quality" / "air quality improvement").
# (not reduced, enhanced, accelerated: "reduced mobility", "reduced fat", "enhanced
# interrogation", "accelerated approval" are things of their own, an attack's false joins)
_DONE_AS_DOING = {"improved": "improving", "optimized": "optimizing", "automated": "automating",
                  "contaminated": "contaminating", "polluted": "polluting",
                  "degraded": "degrading", "depleted": "depleting",
                  "congested": "congesting", "disrupted": "disrupting",
                  "delayed": "delaying", "diversified": "diversifying",
                  "saturated": "saturating", "electrified": "electrifying",
                  "digitized": "digitizing", "fragmented": "fragmenting",
                  "canceled": "canceling", "denied": "denying"}
# ... of which these only before what is so changed ("diversified supply chains" /
# "supply chain diversification"; not "Diversified Energy", a company, "saturated
# hydrocarbons", a chemist's kind, an "electrified crowd", thrilled: an attack's)
_DONE_ONLY_TO = {
    "electrified": frozenset("""rail railway railroad line train fleet vehicle transport car
        bus truck fence heating kitchen home building industry road highway""".split()),
    "diversified": frozenset("""chain portfolio economy export revenue income investment
        supplier sourcing mix""".split()),
    "saturated": frozenset("""market sector industry soil ground colour color labour
        labor""".split()),
    # (not "denied service" / "denial of service", "denied areas" / "area denial")
    "denied": frozenset("""claim coverage care treatment asylum visa bail parole boarding
        permit application loan benefit""".split())}


# ... but what is named so, not done so ("automated clearing house", "automated teller
# machine", "automated warehouse jobs", "automated market makers", "depleted uranium",
# "improved conventional munitions", "contaminated blood": two attacks')
_NAMED_SO = frozenset("""house machine job worker teller maker uranium munition
    blood cheque check""".split())


# ... and what is delayed by design, no delay of it ("delayed release" drugs, "delayed
# recall" tests, "delayed school start" times: an attack's)
_DELAYED_SO = frozenset("""release recall entry start gratification coker matching
    hypersensitivity""".split())


def _participle_as_act(words: list[str]) -> list[str] | None:
    """A first participle of `_DONE_AS_DOING` as its -ing word, whose rules make it the
    act ("improved air quality": "improving air quality", "air quality improvement"),
    or None; read beside the name as written.

    >>> _participle_as_act("polluted river".split())
    ['polluting', 'river']
    """
    if len(words) >= 2 and words[0] in _DONE_AS_DOING and words[1] not in _STOP and \
            words[-1] not in _NAMED_SO and not (words[0] == "delayed" and
                                                words[-1] in _DELAYED_SO) and \
            (words[0] not in _DONE_ONLY_TO or words[-1] in _DONE_ONLY_TO[words[0]]):
        return [_DONE_AS_DOING[words[0]]] + words[1:]
    return None


def _trend_word_before_one(words: list[str]) -> list[str] | None:
    """A name of two words, a word of growth or decline and what grows, with the word as
    "rising" or "declining" ("increasing tariffs": "rising tariffs"), or None; read
    beside the name as written, whose -ing word has its own forms ("tariff increase").
    Not before what one grows, nor people ("growing cannabis" is farmed, "growing
    children" grow up), nor in a fixed phrase (`_TREND_PHRASES`: "rising stars").

    >>> _trend_word_before_one(["increasing", "tariff"]), _trend_word_before_one(["growing", "cannabis"])
    (['rising', 'tariff'], None)
    """
    if len(words) != 2 or words[0] not in _TREND_WORDS or words[0] in _ONLY_TREND_WORDS:
        return None
    word, what = _TREND_WORDS[words[0]], words[1]
    if word == words[0] or what in _PARTICLES or what in _LIVING or what in _BEINGS or \
            _people(what) or {(words[0], what), (word, what)} & _TREND_PHRASES or \
            word == "declining" and what in _REFUSED:
        return None
    return [word, what]


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

# ---- who acts and who is acted on ----

# What attacks: weapons, machines, animals, armed groups ("attacks on drones" are no
# drone attacks).
_WEAPONS = frozenset("""drone missile rocket robot bot ai ransomware malware virus shark dog
    bear wolf militia army troop terrorist""".split())

# Who acts, by name (beside `_AGENT_ENDINGS` of kg.resolve.wordings.order).
_AGENTS = frozenset("""government state company corporation firm business platform brand
    country nation people public student parent agent police military employee worker
    migrant refugee woman man child youth""".split())

# Watching of people that those in charge of them do ("police surveillance" is by the
# police, so no surveillance of the police; "parental monitoring" no monitoring of
# parents; but "employee monitoring" is of employees, "bank oversight" of banks: a trap
# hunt's false joins, a review's), and who is in charge of people.
_WATCHING = frozenset("surveillance monitoring tracking supervision".split())
_IN_CHARGE = frozenset("""police employer government state parent teacher boss
    manager landlord military""".split())

# People a name may say are reached ("access to patients"), who may act too (`_actor`).
_REACHED = frozenset({"patient", "user", "consumer", "customer", "human", "people",
                      "journalist", "prisoner", "inmate"})

# Generations and roles that name people.
_PEOPLE_WORDS = frozenset("""z alpha millennial boomer zoomer teen teenager nurse doctor
    voter investor consumer resident citizen farmer artist creator influencer""".split())


def _people(word: str) -> bool:
    """Whether a word of a key names people: agents, generations and roles by lists
    (`_AGENTS`, `_PEOPLE_WORDS`, ...), not by an -er ending ("meter", "reactor",
    "charger" are none), and -ist, -ian ("scientist", "politician")."""
    return word in _AGENTS or word in _REACHED or word in _PEOPLE_WORDS or word in _IN_CHARGE or \
        len(word) > 4 and word.endswith(("ist", "ian"))


def _actor(word: str) -> bool:
    """Whether a word of a key may name who acts: an agent (`_AGENTS`, `_WEAPONS`, one who
    does a verb: "investor", "consumer"; not "water", "doctor"), a place, a name the
    lexicon does not know (Hamas, TikTok), or one who is reached (`_REACHED`).

    >>> [_actor(w) for w in ("investor", "china", "hamas", "water", "heat", "ai")]
    [True, True, True, False, False, True]
    """
    return word in _AGENTS or word in _WEAPONS or word in _REACHED or \
        len(word) > 3 and _coined(word) or \
        _place(word) or word.endswith(("er", "or")) and \
        any(_lemmas(base, "VERB") for base in (word[:-2], word[:-2] + "e", word[:-3]))


@functools.lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """The places of kg/lexicon/place-adjectives.csv ("china", "iran")."""
    return frozenset(place for places in lexicon().place_adjectives.values()
                     for place in places)


def _place(word: str) -> bool:
    """Whether a word names a place: one of `_place_names` or a union or continent
    whose adjective the table does not hold ("EU ban on neonicotinoids").

    >>> [_place(w) for w in ("eu", "china", "texas", "ai", "water")]
    [True, True, True, False, False]
    """
    return word in _place_names() or word in _UNIONS


_UNIONS = frozenset({"eu", "europe", "africa", "asia"})  # (no adjective of theirs there)


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

# Nouns written "X of Y" that a reordering moves whole ("crisis in the cost of living" /
# "cost-of-living crisis", not "cost crisis of living").
_NOUNS_OF = frozenset("""cost of living|quality of life|standard of living|rule of law|freedom
    of speech|freedom of expression|way of life|end of life|internet of things|freedom of
    movement|right of way|balance of power|quality of care|place of
    work|cost of care|chain of thought|theory of mind|chain of custody|state of the
    art|freedom of information|point of care|bill of material""".replace("\n    ", " ").split("|"))

# Words after which "on the rise" is what they are on ("betting on the rise").
_ON_WHAT = frozenset({"bet", "betting", "wager", "wagering", "focus", "report", "debate",
                      "emphasis", "comment", "commentary", "take", "spotlight"})


def _coined(word: str) -> bool:
    """Whether a word is no common English noun or adjective (lemminflect's lexicon does
    not know it), or is short enough to be an acronym's key: "blockchain", "lidar", "ai".

    >>> [_coined(w) for w in ("blockchain", "ai", "health", "space")]
    [True, True, False, False]
    """
    return len(word) <= 3 or not (_lemmas(word, "NOUN") or _lemmas(word, "ADJ"))


def _adjective(word: str) -> bool:
    """Whether a word is an adjective: one lemminflect knows, or a word it does not know
    at all with an adjective's ending ("dystopian", "generational", "agentic").

    >>> [_adjective(w) for w in ("positive", "dystopian", "generational", "cash", "ai")]
    [True, True, True, False, False]
    """
    return bool(_lemmas(word, "ADJ")) or (
        word.endswith(("al", "ian", "ic", "ive", "ous")) and len(word) > 5
        and not _lemmas(word, "NOUN"))


# What does a coined -ing word's deed, named after it: "crowdfunding platforms" are no
# platform crowdfunding, "gatekeeping AI" no AI gatekeeping (a review's false joins).
_DOERS = frozenset("""technology platform tool content company startup firm app application
    model ai system solution culture workshop farm campaign regulation risk program
    programme network site market industry sector business provider employer initiative
    project organization charity movement community space hub device software robot
    algorithm website portal marketplace station operator scheme course bootcamp shop
    store school club reward video game coach policy investment""".split())

# People and animals a name may be about, beside `_people`'s lists: an -ing word before
# them may say what they do ("migrating birds", "visiting scholars").
_BEINGS = frozenset("""family household community bird animal species fish insect bee whale
    wildlife livestock cattle pet dog cat scholar officer author surgeon lawyer judge
    soldier athlete player team member delegate official leader manager executive
    employer owner landlord tenant driver rider passenger traveller traveler tourist adult
    teacher professor researcher shareholder mother father musician borrower lender
    startup fan supporter spectator""".split())

# Prepositions after which a leading -ing word is its act, said in the noun's place:
# `_PREPOSITIONS` but "of" (the "growing of vegetables" is no growth of vegetables),
# with those of motion and topic.
_AFTER_AN_ACT = frozenset("""in for on to with at into onto about against over from
    toward towards through across among around""".split())
