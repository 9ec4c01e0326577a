"""Growth, decline and change: "X on the rise", the rise of a whole phrase, growth and a
measure's change as a rise, a shift as a change.
"""

from __future__ import annotations

from ..keys import _known_word
from .words import (_LIVING, _LOST, _Forms, _MEASURES, _Name, _ON_WHAT,
                    _PREPOSITIONS, _SHIFTING_HEADS, _first_of, _people, _place_names,
                    _without_articles)

__all__ = ["emergence_as_rise", "growing_attention", "growth_as_rise", "on_the_rise",
           "popularity_as_rise", "return_as_revival", "shift_as_change", "trend_of_a_phrase"]

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


# What one may favour or oppose, whose popularity is support, not a rise of it ("growing
# popularity of tariffs" is no increase in tariffs: a labelled trap), and currencies
# and places, whose rise is their power ("growing popularity of China": an attack's).
_SUPPORTED = frozenset("""tariff tax sanction ban policy regulation law mandate subsidy
    measure reform proposal idea view opinion belief party candidate leader politician
    president government dollar euro yen yuan renminbi pound rupee ruble rouble franc
    currency gold africa asia europe america power energy""".split()) | _MEASURES


def popularity_as_rise(name: _Name, forms: _Forms) -> None:
    """"Rising popularity of X" (as the lexicon writes growing, increasing popularity)
    as "rise of X" ("growing popularity of padel" / "rise of padel"); not of what one
    supports (`_SUPPORTED`), people or places."""
    words = name.words
    if len(words) >= 4 and words[:3] == ["rising", "popularity", "of"]:
        rest = _without_articles(words[3:])
        head = rest[_first_of(rest, _PREPOSITIONS, 1) - 1]
        if head not in _SUPPORTED and head not in _place_names() and not _people(head) \
                and not head.endswith(("ism", "cracy", "archy")):  # (autocracy, monarchy)
            forms.found.add(" ".join(["rise", "of"] + rest))


# What forms or arises of itself, whose emergence is its formation or first appearance,
# no rise ("emergence of supermassive black holes", "emergence of complexity",
# "emergence of COVID-19": labelled traps), and so anything named with a number (strains,
# variants: "H5N1")
_FORMED = frozenset("""hole galaxy star planet universe life complexity consciousness
    species order pattern property structure particle mind language covid virus variant
    disease pathogen strain pandemic epidemic outbreak infection bacteria bacterium fungus
    superbug mutation clade coronavirus flu influenza sars mpox zika prion omicron candida
    cancer tumour tumor symptom cicada insect mosquito nino storm hurricane sentience
    intelligence cooperation reasoning behaviour behavior ability capability""".split())
# ... and what policy "mainstreams", built into every decision, no rise ("gender
# mainstreaming", "mainstreaming of climate adaptation", "HIV mainstreaming"), pupils
# schools "mainstream" into ordinary classes ("mainstreaming of autism"), and what is
# normalised, not grown ("mainstreaming of hate", of obesity: an attack's)
_MAINSTREAMED = frozenset("""gender climate adaptation mitigation biodiversity nature
    disability disabled equality equity right inclusion nutrition resilience
    sustainability risk environment environmental student pupil child children
    learner migration hiv aids autism sen special need obesity hate extremism extremist
    racism antisemitism misogyny conspiracy islamophobia xenophobia homophobia
    transphobia nationalism torture ageing aging peacebuilding indigenous""".split())


def emergence_as_rise(name: _Name, forms: _Forms) -> None:
    """"Emergence of X" and "mainstreaming of X" as "rise of X" ("emergence of
    open-source chatbots" / "rise of open-source chatbots", "mainstreaming of anime"); not
    of what forms or first appears of itself (`_FORMED`, a name with a number), people or
    places, nor of what policy mainstreams (`_MAINSTREAMED`)."""
    words = name.words
    if len(words) >= 3 and words[0] in ("emergence", "mainstreaming") and words[1] == "of":
        rest = _without_articles(words[2:])
        head = rest[_first_of(rest, _PREPOSITIONS, 1) - 1]
        risen = _MAINSTREAMED.isdisjoint(rest) if words[0] == "mainstreaming" else \
            _FORMED.isdisjoint(rest) and not any(char.isdigit() for char in "".join(rest))
        if risen and head not in _place_names() and not _people(head):
            forms.found.add(" ".join(["rise", "of"] + rest))


# Attention, whose growth names no other thing ("growing focus on critical minerals" /
# "focus on critical minerals"; not concerns, demand or adoption, which labelled pairs
# keep apart from their rise: "rising EV adoption" is no EV adoption)
_ATTENTION = frozenset({"focus", "emphasis", "attention"})


def growing_attention(name: _Name, forms: _Forms) -> None:
    """"Growing focus on X" (emphasis, attention; growing, increasing, rising, greater) as
    "focus on X"."""
    words = name.words
    if len(words) >= 4 and words[0] in ("growing", "increasing", "rising", "increased",
                                        "greater") and words[1] in _ATTENTION and \
            words[2] in ("on", "to", "upon") and words[3] != "the":
        forms.found.add(" ".join(words[1:]))  # (not "on the family": an organisation)


# What is sent, given or paid back, whose return is no revival ("return of capital",
# "return of cultural artefacts", "return of hostages": an attack's).
_GIVEN_BACK = frozenset("""capital cash money gold power land artefact artifact artwork bronze
    refugee hostage prisoner migrant astronaut sample child remains body property fund
    investment deposit good product item loan tax species heritage office fighter
    soldier""".split())


# What has revivals of its own, no resurgence: styles whose revival is a period's
# movement ("Gothic Revival"), and stagings, a play's new production ("Broadway
# revival")
_REVIVED = frozenset("""gothic greek classical colonial celtic gaelic romanesque tudor
    egyptian baroque byzantine moorish georgian renaissance mission pueblo mayan welsh
    irish broadway west end theatre theater play musical opera stage ballet dance tent
    gospel evangelical""".split())


# Teams, whose comeback is a win from behind ("Liverpool comeback", "Red Sox comeback":
# an attack's)
_TEAMS = frozenset("""team club fc united city sox athletic rovers wanderers squad side
    player""".split())


# Endings of English words a lexicon may lack ("protectionist"), which no name has
_WORD_ENDINGS = ("ist", "ism", "ive", "al", "ic", "ion", "ous", "ary", "able", "ed", "ing")


def _revived_thing(words: list[str]) -> bool:
    """Whether a comeback of these words may be their revival: no style or staging
    (`_REVIVED`), common words only (no name: "Liverpool", "Biden"), no place, people or
    team (`_TEAMS`), whose comeback is a win or a return to office."""
    return _REVIVED.isdisjoint(words) and _TEAMS.isdisjoint(words) and \
        not _place_names().intersection(words) and not _people(words[-1]) and \
        all(_known_word(word) or word.endswith(_WORD_ENDINGS) for word in words)


def return_as_revival(name: _Name, forms: _Forms) -> None:
    """"Return of X" as "revival of X" ("return of vinyl" / "vinyl revival", "return of
    measles"); not of what is given back or back to (`_GIVEN_BACK`: heritage, the
    office), people or places. And a last word "resurgence" or "comeback" as "revival"
    ("vinyl resurgence" / "vinyl revival", as synonyms.csv reads "resurgence of"); not of
    a style or a staging (`_REVIVED`: "Gothic Revival" is a movement, a "Broadway
    revival" a production), nor of a place, people or a team (`_revived_thing`:
    "Liverpool comeback" is a win)."""
    words = name.words
    if len(words) >= 2 and (words[-1] == "resurgence" and _REVIVED.isdisjoint(words[:-1]) or
                            words[-1] == "comeback" and _revived_thing(words[:-1])):
        forms.found.add(" ".join(words[:-1] + ["revival"]))
    if len(words) >= 3 and words[:2] == ["return", "of"]:
        rest = _without_articles(words[2:])
        head = rest[_first_of(rest, _PREPOSITIONS, 1) - 1]
        if head not in _GIVEN_BACK and head not in _place_names() and not _people(head):
            forms.found.add(" ".join(["revival", "of"] + rest))


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



# Last words of a measure's change ("electricity price increases" are rising electricity
# prices, "attendance drops" declining attendance; not "fall": a "trust fall" is a game).
_MEASURE_CHANGES = {"increase": "rise", "hike": "rise", "surge": "rise", "growth": "rise",
                    "spike": "rise", "jump": "rise", "decrease": "decline", "drop": "decline",
                    "plunge": "decline", "slump": "decline", "dip": "decline"}
# ... and "inflation" after what is paid ("food price inflation" / "rising food prices";
# not "grade inflation", "token inflation")
_PAID = frozenset({"price", "cost", "wage", "rent", "fee", "salary"})
# (not after a word of its rate: "low food price inflation" is no rise; nor stock price
# inflation, a fraud: an attack's)
_RATES = frozenset("""low high moderate lower higher zero subdued negative slowing easing
    falling declining""".split())


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
    "price increases" / "rising prices"); and "loss" as "decline" after what dwindles
    (`_LOST`: "biodiversity loss"; not "wage loss", wages lost, an attack's); and
    "inflation" as "rise" after what is paid (`_PAID`: "food price inflation")."""
    words = name.words
    if len(words) >= 2 and words[-2] in _MEASURES and words[-1] in _MEASURE_CHANGES:
        forms.found.add(" ".join(words[:-1] + [_MEASURE_CHANGES[words[-1]]]))
    elif len(words) >= 2 and words[-2] in _PAID and words[-1] == "inflation" and \
            words[0] not in _RATES and words[-3:-2] not in (["stock"], ["share"]):
        forms.found.add(" ".join(words[:-1] + ["rise"]))
    elif len(words) >= 2 and words[-1] == "loss" and words[-2] in _LOST:
        forms.found.add(" ".join(words[:-1] + ["decline"]))  # ("biodiversity loss")
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
