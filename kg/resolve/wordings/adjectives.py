"""Adjectives: a leading adjective as its noun ("technological dependence" / "dependence
on technology"), of an impact ("regulatory impact" / "impact of regulation"), a
quality last, a modifier as its noun, a people's or place's adjective as the place,
"e-X" as "electric X".
"""

from __future__ import annotations

from ..keys import _known_word, _lemmas
from ..lexicon import lexicon
from .words import (_BEINGS, _MEASURES, _Forms, _Name, _OF_ONLY, _OF_PLACE,
                    _PEOPLE_ENDINGS, _PREPOSITIONS, _people, _without_articles)

__all__ = ["adjective_as_noun", "adjective_of_an_impact", "e_prefix",
            "modifier_as_noun", "place_possessive", "quality_last", "sex_as_people"]

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
# ... and those that name a kind of effect when alone before it ("legal effects" are
# effects in law, "political consequences" consequences in politics)
_KINDS_OF_EFFECT = frozenset({"legal", "political", "operational", "reputational"})


def adjective_of_an_impact(name: _Name, forms: _Forms) -> None:
    """"ADJ impact of X" as "X impact on N" (or "for N"; the reordered form of "impact
    of X on N") for an adjective of what an impact falls on (`_IMPACT_TARGETS`), and
    "ADJ impact on Y" as "N impact on Y" for an adjective of who acts
    (`_ACTING_ADJECTIVES`), both met only by a reordered name ("economic impact of AI" /
    "impact of AI on the economy"; "regulatory impact on ad models" / "impact of
    regulation on ad models"). "ADJ impact" alone as "impact on N" as written, for an
    adjective of what an impact falls on that names no actor nor a kind of effect
    ("societal impact" / "impact on society"; not "impact of society", nor "legal
    effects", which are no effects on law: an attack's)."""
    words = name.words
    if len(words) == 2 and words[1] in _IMPACTS and words[0] in _IMPACT_TARGETS and \
            words[0] not in _ACTING_ADJECTIVES and words[0] not in _KINDS_OF_EFFECT:
        for target in (_IMPACT_TARGETS[words[0]], "the " + _IMPACT_TARGETS[words[0]]):
            form = f"{words[1]} on {target}"
            forms.found.add(form)
            forms.final.add(form)  # (whose reordering would meet "impact of N")
        return
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
    interoperable deficient
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


# ... and those before what they name a kind of ("affordable housing" is housing let
# or sold below the market, no housing affordability: labelled traps of six universes)
_KINDS_OF_QUALITY = {"affordable": frozenset({"housing", "home", "rental"})}


def quality_last(name: _Name, forms: _Forms) -> None:
    """A leading adjective of a quality as the noun of that quality, last ("resilient
    supply chains" / "supply chain resilience", "volatile energy prices" / "volatility
    in energy prices"), in a name of no preposition; not of a kind
    (`_KINDS_OF_QUALITY`)."""
    words = name.words
    if len(words) < 2 or _PREPOSITIONS.intersection(words) or \
            words[-1] in _KINDS_OF_QUALITY.get(words[0], ()):
        return
    forms.found.update(" ".join(words[1:] + [noun]) for noun in _quality_nouns(words[0]))
    if words[0] == "volatile" and (words[-1] in _MEASURES or words[-1] in _TRADED):
        # (only before what is measured or traded: "volatile organic compounds" are a
        # kind of chemical)
        forms.found.add(" ".join(words[1:] + ["volatility"]))


# What is traded, whose volatility is its prices' ("volatile markets" / "market volatility")
_TRADED = frozenset({"market", "currency", "stock", "commodity", "crypto", "cryptocurrency"})


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

# "Female" and "male" of people, as women and men.
_SEXES = {"female": "woman", "male": "man"}


def sex_as_people(name: _Name, forms: _Forms) -> None:
    """"Female X" and "male X" as women's and men's X, for what people have or suffer
    ("female radicalisation" / "women's radicalisation", "male mental health" / "men's
    mental health"); before one word of who or what does something, as written only
    ("female entrepreneurs" / "women entrepreneurs": "killers of women" are no female
    killers), never before a compound of theirs, whose first word the possessive may take
    ("female sports fans" are no fans of women's sports); nor of animals and parts
    (female connectors, mosquitoes: an attack's)."""
    words = name.words
    if len(words) < 2 or words[0] not in _SEXES or words[1] in _NOT_SEXED:
        return
    people = " ".join([_SEXES[words[0]]] + words[1:])
    last = words[-1]
    if _people(last) or last in _BEINGS or last in _MADE_FOR or last in _DONE_BY or \
            last.endswith(("er", "or", "ist", "ant", "ent", "eur")) or last in _PEOPLE_TOO:
        if len(words) == 2:
            forms.dropped.add(people)
    else:
        forms.found.add(people)


# What is made for a sex, whose "women's" is no "female" (an attack's: "women's clothing
# brands", "women's magazines")
_MADE_FOR = frozenset("""brand label magazine publication product clothing wear apparel
    league team club staff company startup firm business organization charity network
    group""".split())
# Who does something, beside the endings of agents (an attack's: "female football
# coaches" are no coaches of women's football), and what one does, whose "among men" is
# no men's ("male violence" is by men, "violence among men" between them)
_PEOPLE_TOO = frozenset("""coach expert pundit advocate staff athlete player""".split())
_DONE_BY = frozenset("""violence crime aggression abuse bias gaze privilege dominance
    influence""".split())
# What is female or male and no woman or man (an attack's: "female mosquitoes")
_NOT_SEXED = frozenset("""connector plug port thread flower plant animal mosquito insect
    bird fish cat dog horse cattle""".split())


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
