"""-ing words: a leading -ing word as its nouns and its acts ("regulating AI" / "AI
regulation" / "regulation of AI"), an -ing word after a preposition, "S VERB-ing O" as
who does what; and the words that keep who does from who is done to ("striking
workers" are no strikes on workers).
"""

from __future__ import annotations

import functools

from ..keys import _STOP, _known_word, _lemmas
from ..lexicon import lexicon
from .words import (_AFTER_AN_ACT, _BEINGS, _DOERS, _LIVING, _Forms, _IN_CHARGE, _Name,
                    _PARTICLES, _PREPOSITIONS, _SECOND_PHRASE, _TERMS_OF, _TREND_NOUNS,
                    _TREND_PHRASES, _TREND_WORDS, _WATCHING, _first_of, _people, _place,
                    _place_names)

__all__ = ["act_last", "activity_first", "doer_doing", "gerund_after_a_preposition",
           "gerund_as_noun", "guessed_nouns"]

# -ing words that name a kind, not an action, before a noun: "developing countries" are
# not the development of countries, an "operating system" is not a system's operation;
# nor are people who expect, aspire, return or vote their expectations, aspirations,
# returns or votes ("expecting parents", "returning customers", "voting public": an
# attack's realistic false joins); nor is "drinking water" water's drinking, "flying
# cars" car flights, nor "breaking news" or "cutting edge" a breaking or cutting.
_PARTICIPLE_ADJECTIVES = frozenset("""developing operating leading emerging existing remaining
competing underlying living working following missing expecting aspiring returning
voting striking founding compelling promising pressing prevailing outstanding
surrounding corresponding drinking flying sleeping walking cutting breaking
boiling""".split())
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
# -ing words the lexicon knows as nouns that still name the act ("designing games" is
# game design)
_ACTS_AS_NOUNS = frozenset({"designing"})


# -ing words of what happens to a thing, as the noun of that process (which
# `_gerund_nouns` does not give, the lexicon knowing most of them as nouns, or gives as
# the verb's bare noun: "melt"): "warming oceans" are ocean warming, "retreating glaciers"
# glacier retreat, "ageing workforce" workforce ageing, "tightening monetary policy"
# monetary policy tightening (not an activity done by or for the thing: "learning
# machines", "marketing agencies", "boarding schools").
_PROCESSES = {"warming": ("warming",), "bleaching": ("bleaching",), "aging": ("aging",),
              "graying": ("graying",), "melting": ("melting",), "thawing": ("thawing",),
              "retreating": ("retreat",), "flooding": ("flooding",),
              "greening": ("greening",), "tightening": ("tightening",),
              "loosening": ("loosening",), "easing": ("easing",),
              "softening": ("softening",), "hardening": ("hardening",),
              "strengthening": ("strengthening",), "weakening": ("weakening",),
              "deepening": ("deepening",), "flattening": ("flattening",),
              "thinning": ("thinning",)}
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
_OTHER_VERB_NOUNS = {"recognize": ("recognition",), "analyze": ("analysis",),
                     "analyse": ("analysis",), "prescribe": ("prescription",),
                     "avoid": ("avoidance",), "prefer": ("preference",)}


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
        for verb in (word[:-3] + "e", word[:-3]):  # (kg/lexicon/verb-nouns.csv's verbs
            # lemminflect does not know: "reintroducing" -> "reintroduction")
            if verb in lexicon().verb_nouns:
                return (word,) + lexicon().verb_nouns[verb]
        return (word,) if word.startswith(("re", "up", "de")) else ()
    if word in _ACTS_AS_NOUNS:
        return verbs[:1]  # (its verb only: "designing" is no designation)
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


# What "developing" before names a kind of, still growing, not its development
# ("developing countries", "developing technologies", "a developing story").
_DEVELOPING_KINDS = frozenset("""country nation world economy market region state area island
    society city technology story situation crisis democracy power brain embryo lung
    baby mind member partner business professional field industry sector village
    neighbourhood neighborhood community consumer trend threat tech megacity finance
    film storm asia africa europe america""".split())


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
    if words[0] == "developing" and head not in _DEVELOPING_KINDS and \
            head not in _place_names() and not _people(head) and head not in _BEINGS:
        nouns = ("development",)  # ("developing policies" / "policy development")
    if words[-1] not in _NOT_UNDERGOING and not _people(words[-1]) and \
            not (words[0] == "thinning" and words[-1] in _LIVING):  # (forests are thinned)
        nouns += _PROCESSES.get(words[0], ())
    if words[1] in _AFTER_AN_ACT:
        if (words[0], words[1]) not in _IDIOMS:
            _acts_in_place([], words, nouns, forms)
        return
    then = _first_of(words, _SECOND_PHRASE, 2, len(words) - 1)
    if words[then - 1] in _DOERS and not _known_word(words[0]):
        return
    acts = [noun for noun in nouns if noun not in verb or noun in _ACTS or noun in _VERB_AS_ACT]
    if words[0] in _TREND_NOUNS and words[0] != name.key.split()[0]:
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
                inserted = " ".join(words[1:then] + [noun] + words[then:])
                forms.found.add(inserted)
                if words[0] in _TREND_NOUNS:
                    # (its phrase's own reorderings say what rises, `signatures`' last
                    # step, with their guards: "rising attacks on drones" are no
                    # rising drone attacks)
                    forms.final.add(inserted)
    into_as_in = words[then:then + 1] == ["into"]  # (as one_preposition_for_another reads)
    for noun in acts:
        of_form = " ".join([noun, "of"] + words[1:])
        if noun not in _WATCHING or words[-1] not in _IN_CHARGE:
            forms.found.add(of_form)
            forms.final.add(of_form)
            if into_as_in:
                in_form = " ".join([noun, "of"] + words[1:then] + ["in"] + words[then + 1:])
                forms.found.add(in_form)
                forms.final.add(in_form)


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


# Nominalisations that name a body, a place or a state as often as the act ("nuclear
# commissioning" is no nuclear commission, "global positioning" no global position,
# "habit forming" no habit formation, "stage directing" no stage direction: an attack's)
_NOT_ACTS_LAST = frozenset("""commission position formation direction station section
    institution constitution convention portion nation""".split())


# Verbs whose bare noun is their act or event, as a last -ing word is ("book banning" /
# "book bans", "flooding" / "floods", "cold plunging" / "cold plunges", "stress testing"
# / "stress tests", "land grabbing" / "land grabs"); not a bare noun of a thing or a
# place ("seed banking" is no seed bank, "vertical farming" no vertical farm, "battery
# charging" no battery charge, "life hacking" no hack), nor of a deal ("household
# bargaining" is no household bargains: an attack's).
_EVENT_VERBS = frozenset("""ban flood plunge detox boycott leak protest strike audit recall
    purge raid crash surge rebound search test grab""".split())


# What an activity's -ing noun before a noun names a kind of, not its object: "learning
# machines" are no machine learning, "training data" no data training, "farming
# communities" no community farming, "recycling bins" no bin recycling (with `_DOERS`,
# which serve or do it: "monitoring systems", "forecasting models").
_KINDS_OF_AN_ACTIVITY = frozenset("""machine data community bin plant equipment facility
    center centre kit rate outcome style material skill process practice standard method
    technique strategy target goal budget cost revenue capability capacity infrastructure
    framework guideline requirement permission session habit pattern behavior behaviour
    environment experience opportunity challenge issue power partner agency service
    disability difficulty hospital school university college clinic home hotel kitchen
    room lab laboratory gap vehicle council body bottle tube well test satellite label
    film pressure error chip group surge spike boom pixel tag code number poll cookie
    collar""".split())
# Words that start a phrase after what an activity is done to ("filmmaking about AI"),
# or say where it goes ("coming online")
_PHRASE_WORDS = _PARTICLES | _PREPOSITIONS | frozenset("""about over against among around
    by across through within without between toward towards under via amid during after
    before beyond versus vs online offline home abroad overseas together forward""".split())


# Who does an act, after it as a job title ("monitoring officers", "screening staff",
# "supporting players": an attack's)
_ROLES_OF_AN_ACT = frozenset("""officer staff official pharmacist player artist member body
    power""".split())


def _described(words: list[str]) -> bool:
    """Whether a name's last word follows an adjective that is no noun, which the
    activity's -ing noun cannot name a kind of ("handling unstructured data" is no
    unstructured data of handling, as "training data" is data for training)."""
    return len(words) >= 3 and bool(_lemmas(words[-2], "ADJ")) and \
        not _lemmas(words[-2], "NOUN")


def activity_first(name: _Name, forms: _Forms) -> None:
    """A leading -ing word of a verb, an activity, before what it is done to, last
    ("monitoring air quality" / "air quality monitoring", "benchmarking AI performance"
    / "AI performance benchmarking", "tracking sleep"); not a trade's, a material's or a
    participle's (`_ACTIVITY_NOUNS`: "shipping containers", "heating oil"; "packaging
    waste"; `_PARTICIPLE_ADJECTIVES`: "drinking water"), nor growth's or decline's
    (`_TREND_WORDS`: "growing pains"), nor forests thinning; not before a field's
    -ics word ("pricing dynamics"), a place ("hacking China": who acts turns), or an
    adjective alone ("selling short"),
    nor before a kind of it, what serves it or causes it (`_KINDS_OF_AN_ACTIVITY`,
    `_DOERS`, `_NOT_UNDERGOING`: "flooding rains"), people but for what is done to them
    (`_DONE_TO_PEOPLE`: "monitoring employees"), or a phrase of a preposition."""
    words = name.words
    if len(words) < 2 or not words[0].endswith("ing") or words[0] in _ACTIVITY_NOUNS or \
            words[0] == "packaging" or words[0] in _TREND_NOUNS or \
            words[0] in _TREND_WORDS or words[0] == "thinning" and words[-1] in _LIVING or \
            words[0] in _PARTICIPLE_ADJECTIVES or words[0] in _KINDS_OF or \
            not _lemmas(words[0], "VERB") or \
            _PHRASE_WORDS.intersection(words[1:]) or words[-1] in _DOERS or \
            words[-1] in _KINDS_OF_AN_ACTIVITY and not _described(words) or \
            words[-1] in _NOT_UNDERGOING or \
            words[-1].endswith("ics") or _place(words[-1]) or \
            len(words) == 2 and not _lemmas(words[1], "NOUN") and (
                _lemmas(words[1], "ADJ") or _lemmas(words[1], "ADV")) or \
            (_people(words[-1]) or words[-1] in _BEINGS) and (
                _lemmas(words[0], "VERB")[0] not in _DONE_TO_PEOPLE and not (
                    words[-1] in _BEINGS and _lemmas(words[0], "VERB")[0] in _DONE_TO_ANIMALS)
                or words[-1] in _PROFESSIONALS or words[-1] in _ROLES_OF_AN_ACT):
        return
    forms.found.add(" ".join(words[1:] + words[:1]))


# What is done to animals, which a leading -ing word of it names with them after ("farming
# insects" / "insect farming", "poaching rhinos"); not what they do ("hunting dogs",
# "breeding birds": an attack's).
_DONE_TO_ANIMALS = frozenset("""farm rear raise cull poach trade clone tag track
    rescue""".split())


def act_last(name: _Name, forms: _Forms) -> None:
    """A last -ing word, after a word or more, as its nominalisation in -ment, -tion or
    -sion (not of another sense: `_NOT_ACTS`, `_NOT_ACTS_LAST`): "ESG investing" / "ESG
    investment", "gender transitioning" / "gender transition". Not as a bare verb's noun,
    which names a thing or a product as often as the act ("community gardening" is no
    community garden, "dynamic pricing" no dynamic price), but for a verb whose noun is
    the act (`_EVENT_VERBS`, alone too: "flooding" / "floods"); nor "organizing" as
    "organization"."""
    words = name.words
    if words[-1].endswith("ing") and (len(words) == 1 or words[-2] not in _STOP):
        verb = _lemmas(words[-1], "VERB")[:1]
        if verb and verb[0] in _EVENT_VERBS:
            forms.found.add(" ".join(words[:-1] + [verb[0]]))
    if len(words) >= 2 and words[-1].endswith("ing") and words[-2] not in _STOP:
        for noun in _gerund_nouns(words[-1]):
            if noun.endswith(("ment", "tion", "sion")) and noun not in _NOT_ACTS and \
                    noun not in _NOT_ACTS_LAST:
                forms.found.add(" ".join(words[:-1] + [noun]))


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
