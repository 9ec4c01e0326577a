"""Compounds: words a name may drop or write either way and still name the same thing:
a generic last word ("technology", "system"), the parties of a tie ("US-China
relations"), a medium ("online"), "town of", "AI-generated" media, a link word
("AI-driven"), numbers and numerals, a last word of a worry ("risks", "concerns").
"""

from __future__ import annotations

import functools
from typing import Callable

from ..keys import _ARTICLES, _ORDINALS, _STOP, _known_word, _lemmas, _ordinal
from ..lexicon import lexicon
from .words import (_AGENTS, _BEINGS, _DOERS, _Forms, _NUMBER_WORDS, _Name, _PREPOSITIONS,
                    _SECOND_PHRASE, _WORD_VARIANTS, _actor, _coined, _first_of, _people,
                    _place, _place_names)

__all__ = ["adverb_after_an_act", "ai_generated_media", "anti_backlash", "cardinal_numbers",
           "city_as_urban", "concern_word", "farm_as_agricultural", "healthcare_as_health",
           "digital_as_online", "european_as_eu", "gaming_as_games", "scam_as_fraud",
           "sector_as_industry",
           "induced_as_from", "v_as_versus",
           "generic_last_word", "last_word_variant", "link_word_dropped",
           "medium_either_place", "online_last", "ordinal_numbers", "tie_either_way",
           "town_of"]

# The acts `normal_words` writes as their nouns ("working" as "work")
_ACTS_WRITTEN_AS_NOUNS = frozenset(noun for word, noun in _WORD_VARIANTS.items()
                                   if word.endswith("ing"))

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
# ("gene editing techniques" / "gene editing"; not platforms, which host what they name:
# "short-term rental platforms", "user-generated game platforms", labelled traps; nor
# schemes, which name a programme: "job retention scheme", an attack's; nor approach,
# process, practice, solution:
# a review found "climate change solutions", "Middle East peace process", "ethical AI
# practices", "public health approach" are other things than the name before them; nor
# tactics, an attack's: "Wagner Group tactics", "Big Tech tactics".)
_GENERIC_LAST_WORDS_AFTER_TWO = frozenset({"system", "service", "technique", "method",
                                           "concept", "phenomenon", "effect"})
# ... and these after the words of the things they say nothing more of: ways of working
# or of AI ("hybrid work models", "open-source AI models"), the media and mobile
# generations a network carries ("retail media networks", "private 5G networks"),
# weather and natural hazards ("extreme weather events"). Not after others: an attack
# (586 traps) found "X models" a model of X ("disease transmission models", "sea level
# rise models"), "X network" an organisation or an infrastructure ("Climate Action
# Network", "Content Delivery Network"), "X events" incidents ("patient safety
# events"); nor
# "alternatives" ("oil-derivative product alternatives" replace those products),
# "products" (remedies and devices: "hair loss products", "smart home products"),
# "initiative" (a named programme: "Sustainable Highway Initiative", "Global Reporting
# Initiative"): labelled traps and the attack's.
_GENERIC_AFTER = {
    "model": frozenset("""work working economy expert ownership subscription
        delivery""".split()),
    "network": frozenset({"5g", "6g", "4g", "lte", "media", "heating"}),
    "event": frozenset("""weather heat bleaching flood flooding drought rainfall wildfire
        fire storm heatwave swan rhino""".split()),  # (black swan, gray rhino events)
    "condition": frozenset({"drought", "heatwave"}),
    "scheme": frozenset({"visa", "share", "sharing", "prescribing", "street", "hire"}),
}
# (not Georgian: Georgia's language and people, an attack's)
_ERAS = frozenset("""paleolithic palaeolithic mesolithic neolithic chalcolithic victorian
    edwardian elizabethan jacobean tudor medieval jurassic triassic cretaceous cambrian
    holocene pleistocene anthropocene""".split())
# ... and after one word: "networks" of a mobile generation ("5G networks" / "5G"),
# "conditions" of a drought ("drought conditions" / "droughts"), the period of an era
# named by its adjective ("Mesolithic period" / "Mesolithic")
_GENERIC_AFTER_ONE = {"network": frozenset({"5g", "6g", "4g"}),
                      "condition": frozenset({"drought", "heatwave"}),
                      "period": _ERAS, "era": _ERAS, "epoch": _ERAS, "age": _ERAS}
# ... and "models" of AI only after how it is made or read, or a preposition
# ("open-source AI models", "hallucination in AI models"; not "Chinese AI models" or
# "sovereign AI models", an attack's: the AI of a country).
_AI_MADE_SO = frozenset({"source", "weight", "multimodal", "modal"}) | _PREPOSITIONS


# Causes and ways of living a movement is named after, last before "movement" ("slow
# food movement" / "slow food", "Quantified Self movement", "sober-curious movement"):
# an allow-list, with words of a doctrine or a quality (-ism, -ity) and a stance (anti-,
# pro-). Not any words: most things move ("ice shelf movement", "yen movements"), and
# movements are named after what is there without them ("Tea Party movement", "charter
# school movement", "Civil Rights Movement"): attacks' traps (the forty-eighth
# session's, 128; an earlier one's, 586).
_CAUSES = frozenset("""living life lifestyle protest curious sober self food fashion beauty
    justice science repair productivity altruism dating drinking medicine dignity
    wellness childhood parenting eating growth""".split())


# (-ism and -ity words of no doctrine or quality: "Garden City movement", "organism
# movement")
_NO_DOCTRINE = frozenset({"city", "organism", "mechanism", "prism", "tourism"})


def _named_movement(words: list[str]) -> bool:
    """Whether the words before "movement" name the cause or way of living a movement
    is named after (`_CAUSES`; the blind universes label 110 such pairs one thing, 3
    apart). Never one word: a people, a brand, a ticker ("Maori", "Rolex", "BTC").

    >>> [_named_movement(n.split()) for n in ("slow food", "body positivity", "anti woke",
    ...     "maga", "yen", "ice shelf", "tea party", "civil right", "garden city")]
    [True, True, True, False, False, False, False, False, False]
    """
    last = words[-1]
    return len(words) >= 2 and (last in _CAUSES or words[0] in ("anti", "pro") or
                                last.endswith(("ism", "ity")) and last not in _NO_DOCTRINE)


# Deeds whose "practice" is a firm or its practice group, a drill, a thing, or the
# conduct of a field or an industry ("financial planning practice", "emergency landing
# practice", "building practices", "machine learning practices", "music streaming
# practices": attack 95's)
_NOT_PRACTISED = frozenset("""planning accounting restructuring banking consulting coaching
    counselling counseling nursing bookkeeping landing shooting braking refuelling
    refueling dispensing building housing clothing wedding morning evening spring
    advertising marketing learning computing printing streaming broadcasting publishing
    gaming shipping training""".split())


def _practised(words: list[str]) -> bool:
    """Whether the words before "practice" name a deed of two words or more, its last
    word a verb's -ing ("carbon farming practices" / "carbon farming", "skills-based
    hiring practices", "forest bathing practice": the blind universes label 54 "X
    practices" / "X" pairs one thing, 3 apart); not of a firm, a drill or a thing
    (`_NOT_PRACTISED`), a discipline ("ancient engineering practices", a labelled trap),
    nor an institution's or a field's ("police department practices",
    "wealth management practice", "commercial litigation practice", "ethical AI
    practices": attack 95's, 38 realistic false joins of a first form that took any
    -tion, -ment or -ness), nor one word ("banking practices").

    >>> [_practised(n.split()) for n in ("carbon farming", "predatory lending",
    ...     "ethical ai", "financial planning", "ancient engineering", "banking")]
    [True, True, False, False, False, False]
    """
    last = words[-1]
    return len(words) >= 2 and last.endswith("ing") and bool(_lemmas(last, "VERB")) and \
        last not in _NOT_PRACTISED and not _discipline(last)


def _named_trend(words: list[str]) -> bool:
    """Whether the words before "trend" are a fad's coined name, as the trend ("sleepmaxxing
    trend" / "sleepmaxxing", "underconsumption core trend"): an -xxing or -core word, or
    "core" last. Not any other words: the universes label 104 "X trend" / X pairs one
    thing and 9 apart, but attack 96 found 99 of 134 traps joined by a rule of fields,
    quantities and bearings kept out: a trend is most often one within a field or of a
    quantity ("cybersecurity trends", "cloud computing trends", "screen time trends",
    "heat pump trends"), and a fad ("vibe coding", "sleep divorce") has no form of its own.

    >>> [_named_trend(n.split()) for n in ("sleepmaxxing", "underconsumption core",
    ...     "cottagecore", "vibe coding", "cybersecurity")]
    [True, True, True, False, False]
    """
    last = words[-1]
    return last == "core" and len(words) >= 2 or \
        last.endswith(("maxxing", "core")) and not _known_word(last)


# Acts whose noun names their outcome or a one-time event, which efforts aim at and are
# not ("job creation", "measles elimination", "EU accession", "fusion ignition",
# "dark matter detection": attack 97's)
_OUTCOMES = frozenset("""creation inclusion penetration ignition detection containment
    elimination eradication accession election selection ratification""".split())


def _effort_of(words: list[str]) -> bool:
    """Whether the words before "effort" name the act the efforts are, so that "X
    efforts" are X ("waste reduction efforts", "fossil fuel reduction efforts": the
    universes label 23 "X efforts" / X pairs one thing, none apart): two words or more,
    the last the noun of an act by its ending (-tion, -ment, -sion), not of an outcome
    (`_OUTCOMES`). Not one word, an -ing or a verb's own form: attack 97 found 73 of 91
    traps joined by a rule that took them ("government efforts", "election efforts",
    "publishing efforts", "adaptation efforts", "recovery efforts").

    >>> [_effort_of(n.split()) for n in ("waste reduction", "fossil fuel reduction",
    ...     "reforestation", "war", "government", "publishing", "economic recovery")]
    [True, True, False, False, False, False, False]
    """
    last = words[-1]
    return len(words) >= 2 and last.endswith(("tion", "ment", "sion")) and \
        last not in _OUTCOMES and _act_noun(last)


# Last words of a doctrine named by its way of thinking or its priority, whose
# "approach" is the doctrine ("systems thinking approach", "Housing First approach").
# Not others: attack 97 found 63 of 102 traps joined by a rule of any act's noun, as
# an actor's approach to an activity is no activity ("risk management approach",
# "content moderation approach") and an approach is also a path ("lunar landing
# approach").
_DOCTRINE_LAST = frozenset({"thinking", "first"})


def _method_of(words: list[str]) -> bool:
    """Whether the words before "approach" name a doctrine (`_DOCTRINE_LAST`), so that
    "X approach" is X (the universes label 22 "X approach" / X pairs one thing, none
    apart).

    >>> [_method_of(n.split()) for n in ("systems thinking", "housing first",
    ...     "risk management", "public health", "thinking")]
    [True, True, False, False, False]
    """
    return len(words) >= 2 and words[-1] in _DOCTRINE_LAST


def _says_nothing_more(words: list[str]) -> bool:
    """Whether a name's last word says nothing more after the words before it
    (`_GENERIC_AFTER`, `_GENERIC_AFTER_ONE`, `_named_movement`, `_practised`,
    `_named_trend`, `_effort_of`, `_method_of`, `_AI_MADE_SO`).

    >>> [_says_nothing_more(n.split()) for n in ("hybrid work model", "5g network",
    ...                                          "chinese ai model", "climate risk model")]
    [True, True, False, False]
    """
    last, before = words[-1], words[-2]
    if before in _GENERIC_AFTER_ONE.get(last, ()) or \
            last == "movement" and _named_movement(words[:-1]) or \
            last == "practice" and _practised(words[:-1]) or \
            last == "trend" and _named_trend(words[:-1]) or \
            last == "effort" and _effort_of(words[:-1]) or \
            last == "approach" and _method_of(words[:-1]):
        return True
    return len(words) >= 3 and (before in _GENERIC_AFTER.get(last, ()) or
                                (before, last) == ("ai", "model") and words[-3] in _AI_MADE_SO)
# ... and never the technology of health care, which is no health ("female health
# technology", femtech, is no women's health: a labelled trap; "mental health tech").
_TECHNOLOGY_OF_CARE = frozenset({"health", "healthcare", "care"})

# ... but a service named so is an organisation ("National Health Service", "Public
# Broadcasting Service"; a trap hunt's false joins).
_OFFICIAL = frozenset("""national public foreign secret civil postal federal royal
    diplomatic military emergency state armed""".split())


# Sources of energy after which "energy" (and "power", which synonyms.csv writes as
# energy after them) or "farm" says nothing more, after how they are deployed ("offshore wind
# energy" is offshore wind, "rooftop solar power" rooftop solar; not "wind energy", wind
# alone being weather, nor "solar wind energy" or "ocean wave energy": an attack's).
_ENERGY_SOURCES = frozenset({"wind", "solar", "geothermal"})
_DEPLOYED = frozenset("""offshore onshore floating rooftop community residential utility
    distributed airborne concentrated based enhanced deep loop""".split())


# Kinds of attack or fraud named by their technique, after which "attack" or "scam" says
# nothing more ("phishing attacks" are phishing; not "drone attacks", "shark attacks").
_ATTACK_KINDS = frozenset("""phishing smishing vishing ransomware malware spyware ddos
    spoofing sextortion""".split())
_ATTACKS = frozenset({"attack", "scam", "campaign", "threat", "crime"})
# ... and injections of code, not of medicine ("weight-loss injection scams" are no
# weight-loss injections: an attack's)
_INJECTED = frozenset({"prompt", "sql", "code"})


def generic_last_word(name: _Name, forms: _Forms) -> None:
    """A generic last word dropped (`_GENERIC_LAST_WORDS`, after one coined word or
    acronym; `_GENERIC_LAST_WORDS_AFTER_TWO`, not an official service: `_OFFICIAL`;
    those of `_GENERIC_AFTER` after the words they say nothing more of;
    "energy" after two words, a source of it last: `_ENERGY_SOURCES`; an attack after
    its technique, `_ATTACK_KINDS`; never a company's legal form: "Mars Inc." is no
    planet, "Blue Zones LLC" no region)."""
    words = name.words
    if len(words) >= 3 and words[-1] in ("energy", "farm") and words[-2] in _ENERGY_SOURCES \
            and words[-3] in _DEPLOYED:
        forms.found.add(" ".join(words[:-1]))
    if len(words) >= 2 and words[-1] in _ATTACKS and "anti" not in words and (
            words[-2] in _ATTACK_KINDS or words[-2] == "injection" and words[-3:-2] and
            words[-3] in _INJECTED):
        forms.found.add(" ".join(words[:-1]))
    if words[-1] == "service" and words[0] in _OFFICIAL:
        return
    if words[-1] == "effect" and not all(_known_word(word) for word in words[:-1]):
        return  # (an effect named after someone or something: "Taylor Swift effect")
    if len(words) >= 2 and _says_nothing_more(words):
        forms.found.add(" ".join(words[:-1]))
    if len(words) == 2 and words[1] == "drug" and _drug_class(words[0]):
        forms.found.add(words[0])
    if len(words) >= 2 and words[-1] == "technology" and words[-2] in _TECHNOLOGY_OF_CARE:
        return
    if len(words) < 2:
        return  # ("method", "system" alone: nothing to drop; a sweep's crash)
    if words[-1] in ("technique", "method") and (
            _discipline(words[-2]) and words[-3:-1] != ["social", "engineering"] or
            words[-2] in _PRACTISED or _named_after(words[-2])):
        return  # ("underwater archaeology techniques" are the field's, no archaeology)
    if words[-1] == "system" and (words[-2] in _TECHNOLOGY_OF_CARE or words[-2] == "name"):
        return  # (a health or care system is its institutions: "public health system";
        # the domain name system is no domain name: a blind universe's trap)
    if len(words) >= 3 and words[-1] in _GENERIC_LAST_WORDS | _GENERIC_LAST_WORDS_AFTER_TWO \
            or len(words) == 2 and words[-1] in _GENERIC_LAST_WORDS and _coined(words[0]):
        forms.found.add(" ".join(words[:-1]))


# Disciplines, whose techniques and methods are theirs, not the discipline ("ancient
# engineering techniques" / "ancient engineering", "underwater archaeology techniques":
# labelled traps of two universes; not a practice: "carbon accounting methods").
_DISCIPLINES = frozenset("""engineering medicine surgery architecture science chemistry
    physics economics mathematics""".split())
# ... nor of an art, a sport, a craft or a punishment ("classical guitar technique", "long
# jump technique", "Roman concrete techniques", "capital punishment methods"), nor a
# method named after someone or somewhere, a word no dictionary knows ("Wim Hof method",
# "Monte Carlo methods"): an attack's
_PRACTISED = frozenset("""guitar piano violin jump throw painting building concrete
    punishment""".split())


def _named_after(word: str) -> bool:
    """Whether a word is a name's, no word of the dictionary's ("hof", "kondo"; not
    "editing", "ai").

    >>> [_named_after(w) for w in ("kondo", "carlo", "editing", "ai", "storytelling")]
    [True, True, False, False, False]
    """
    return len(word) > 3 and word.isalpha() and not (
        _lemmas(word, "NOUN") or _lemmas(word, "ADJ") or _lemmas(word, "VERB") or
        word.endswith(("ing", "tion", "ment", "ness", "ity", "ics", "ism")))


def _discipline(word: str) -> bool:
    """Whether a word names a discipline (`_DISCIPLINES`, -ology, -ography...).

    >>> [_discipline(w) for w in ("archaeology", "engineering", "editing", "breathing")]
    [True, True, False, False]
    """
    return word in _DISCIPLINES or word.endswith(("ology", "ography", "onomy", "ometry"))


# Classes of drug whose adjective, as a noun, names the drugs ("senolytic drugs" /
# "senolytics", "psychedelic drugs" / "psychedelics"): a word no dictionary knows with an
# adjective's ending, or one of these; not synthetics (fabrics), designers, smarts.
_DRUG_CLASSES = frozenset("""psychedelic antiviral antibiotic antidepressant
    antipsychotic generic biosimilar opioid stimulant sedative""".split())


def _drug_class(word: str) -> bool:
    """Whether a word before "drugs" names them alone (`_DRUG_CLASSES`).

    >>> [_drug_class(w) for w in ("senolytic", "psychedelic", "synthetic", "alzheimer", "hiv")]
    [True, True, False, False, False]
    """
    return word in _DRUG_CLASSES or (
        len(word) > 5 and word.isalpha() and word.endswith(("ic", "ar", "al", "oid"))
        and not _lemmas(word, "NOUN") and not _lemmas(word, "ADJ"))


# Words of a tie between two parties, whose order says nothing ("US-China relations" /
# "China-US relations", "public-private partnership" / "private-public partnership").
_TIE_WORDS = frozenset({"relation", "relationship", "partnership", "collaboration",
                        "cooperation", "rivalry", "tension", "alliance", "dialogue"})
# ... and, between two places, of a conflict or a deal ("US-China trade war" / "China-US
# trade war"; not what goes one way: "China-US exports", "US-Mexico migration")
_PLACES_TIE_WORDS = frozenset("""war conflict competition summit deal agreement talk
    decoupling standoff dispute détente detente""".split()) | _TIE_WORDS


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


# What goes online or is brought online, no medium of it ("going online", "coming
# online" is starting to run).
_BROUGHT_ONLINE = frozenset({"go", "going", "come", "coming", "bring", "bringing", "put",
                             "putting", "move", "moving"})


# Fields of law, after which "legislation" is no laws ("space law", "international law",
# "case law" are no legislation; an attack's).
_FIELDS_OF_LAW = frozenset("""space international case constitutional criminal civil common
    martial sharia soft administrative natural customary maritime""".split())


# What one depends on, whose dependency is that dependence ("AI dependency" / "dependence
# on AI"); not the others: software's packages ("software dependencies", a labelled
# trap), a crown's or overseas territory, a database's functional dependency, the
# old-age dependency ratio (an attack's).
_DEPENDED_UPON = frozenset("""ai car oil gas energy fuel import drug alcohol opioid nicotine
    technology tech smartphone phone screen internet welfare aid platform cloud supplier
    china russia chinese russian foreign fossil coal path government funding support
    sponsorship subsidy donor grant tourism remittance""".split())
# Measures named "utilization", a ratio of what is used ("GPU utilization", "credit card
# utilization", "carbon capture and utilization": an attack's), not its use.
_UTILIZED = frozenset("""chip gpu cpu capacity credit card capture bed server bandwidth
    network memory hardware asset fleet spectrum storage""".split())


# Instruments named last after what they measure or find, as the act they do, which
# names the same technology ("smart meters" / "smart metering", "quantum sensors" /
# "quantum sensing"; not monitors, who may be people: "election monitors", nor
# generators, which may be companies: "electricity generators", nor trackers: "sleep
# tracking" is a habit, labelled apart from "sleep trackers", nor radar detectors).
_INSTRUMENTS = {"meter": "metering", "sensor": "sensing", "detector": "detection",
                "scanner": "scanning"}

# Last words written two ways after what they name: {last word: (its other wording, the
# fewest words of the name, whether the word before allows it)}. "Right-to-repair
# legislation" is its laws, not a field of law's; "humanoid robotics" its robots (not
# robotics alone: the field); "AI dependency" dependence on AI; "knowledge graph
# utilisation" its use (not "drug utilization", a measure of prescribing); "weight loss
# medications" drugs (not "smart medications"); "wealth taxation" a wealth tax; "prayer
# applications" apps (only after what consumer apps are for: "AI applications" and
# "machine learning applications" are uses, "visa applications" forms, "payment
# applications" a builder's requests). (Not initiatives as programmes: "Global Reporting
# Initiative", "Sports Betting Initiative" are a body and a ballot measure; nor problems
# as issues: a bond issue, "The Big Issue", "voting issues": attack 90's.)
_APPS_FOR = frozenset("""dating banking fitness meditation prayer messaging shopping mobile
    smartphone phone mindfulness budgeting""".split())
_LAST_WORD_VARIANTS: dict[str, tuple[str, int, Callable[[str], bool]]] = {
    "legislation": ("law", 1, lambda before: before not in _FIELDS_OF_LAW),
    "robotics": ("robot", 2, lambda before: True),
    "dependency": ("dependence", 2, lambda before: before in _DEPENDED_UPON),
    "utilization": ("use", 3, lambda before: before not in _UTILIZED),
    "medication": ("drug", 3, lambda before: True),
    "taxation": ("tax", 2, lambda before: True),
    "application": ("app", 2, lambda before: before in _APPS_FOR),
    **{word: (act, 2, lambda before: before != "radar") for word, act in _INSTRUMENTS.items()},
}


def last_word_variant(name: _Name, forms: _Forms) -> None:
    """A last word as its other wording (`_LAST_WORD_VARIANTS`), never after a
    preposition ("enforcement of legislation" is no law enforcement)."""
    words = name.words
    variant = _LAST_WORD_VARIANTS.get(words[-1])
    if variant is None or len(words) >= 2 and words[-2] in _STOP:
        return
    other, fewest, allowed = variant
    if len(words) >= fewest and (len(words) == 1 or allowed(words[-2])):
        forms.found.add(" ".join(words[:-1] + [other]))


# Endings of the nouns of an act or a state, which "online" follows as where it happens
# ("harassment online"); not a product or a paper's name ("Mail Online", "Office
# Online", "Exchange Online": an attack's)
_ACT_ENDINGS = ("ing", "ment", "tion", "sion", "ism", "ity", "ance", "ence", "cy", "ship",
                "ics", "age", "dynamic")


_DONE_ONLINE = frozenset({"speech", "abuse", "fraud", "content", "safety", "thought",
                          "misogyny"})


def anti_backlash(name: _Name, forms: _Forms) -> None:
    """"Anti-X backlash" as "X backlash", the backlash already against it ("anti-AI
    backlash" / "backlash against AI"); not "anti-X sentiment", which is about who."""
    words = name.words
    if len(words) >= 3 and words[0] == "anti" and words[-1] == "backlash":
        forms.found.add(" ".join(words[1:]))


# What is done or found on the internet after "digital" or "virtual", which names say
# "online" as well ("digital misogyny", "virtual worship"): harms and social acts, and
# the few services whose digital form is their online one; an allow-list, as attack 82
# found a head of every other kind false ("digital printing", "virtual influencers",
# "virtual water", "digital piano" / "virtual piano")
_DONE_DIGITALLY = frozenset("""misogyny harassment abuse hate activism feminism
    antifeminism privacy right banking advertising subscription creator nostalgia
    subculture deliberation presenteeism community platform""".split())
_DONE_VIRTUALLY = frozenset("""worship church event meeting community funeral hearing
    presenteeism""".split())  # (not school: England's virtual schools are council teams)
# ... and the places and things of a city that are urban ("city trees" / "urban trees");
# an allow-list, as a city's staff, status, networks and firms are no urban ones ("city
# employees", "city status", "City firms": attack 82)
_URBAN_THINGS = frozenset("""tree forest park garden greening rewilding heat cooling street
    planning plan masterplan design farming agriculture infrastructure mobility transport
    flooding resilience adaptation regeneration sprawl density space living
    platform""".split())


def digital_as_online(name: _Name, forms: _Forms) -> None:
    """A first "digital" or "virtual" as "online" before what is done or found on the
    internet (`_DONE_DIGITALLY`, `_DONE_VIRTUALLY`: "digital misogyny" / "online
    misogyny", "virtual worship" / "online worship", "virtual support networks")."""
    words = name.words
    if len(words) >= 2 and (words[0] == "digital" and words[-1] in _DONE_DIGITALLY or
                            words[0] == "virtual" and (words[-1] in _DONE_VIRTUALLY or
                                                       words[-2:] == ["support", "network"])):
        forms.found.add(" ".join(["online"] + words[1:]))


# What the European Union enacts or runs, named "European X" and "EU X" alike ("European
# Chips Act" / "EU Chips Act"); not its institutions and others', which differ ("European
# Council" is no Council of the EU, the European Space Agency no EU agency, the European
# Court of Human Rights the Council of Europe's).
_EU_MEASURES = frozenset("""act directive regulation deal pact package mandate ban taxonomy
    wallet guarantee""".split())


def european_as_eu(name: _Name, forms: _Forms) -> None:
    """A first "European" as "EU" before a measure of the union (`_EU_MEASURES`:
    "European Digital Identity Wallet" / "EU Digital Identity Wallet")."""
    words = name.words
    if len(words) >= 2 and words[0] == "european" and words[-1] in _EU_MEASURES:
        forms.found.add(" ".join(["eu"] + words[1:]))


def city_as_urban(name: _Name, forms: _Forms) -> None:
    """A first "city" as "urban" before a place or thing of the city (`_URBAN_THINGS`), as
    synonyms.csv writes "city planning" ("city trees" / "urban trees")."""
    words = name.words
    if len(words) >= 2 and words[0] == "city" and words[-1] in _URBAN_THINGS:
        forms.found.add(" ".join(["urban"] + words[1:]))


# What health care has and spends, which names say of "health" as well ("healthcare
# workforce" / "health workforce", "health care data"); an allow-list, as the health of
# people is no care ("health costs" of pollution are harms, "public health data" no
# data of the public's health care). Not "services": "mental health services" is met by
# "mental health", a state, which "mental healthcare" is not.
_CARE_THINGS = frozenset("""workforce worker staff professional personnel system sector
    industry provider data record ai technology innovation startup spending
    expenditure budget funding financing insurance insurer reform infrastructure facility
    cybersecurity chatbot""".split())


def healthcare_as_health(name: _Name, forms: _Forms) -> None:
    """"healthcare" or "health care" as "health" before what health care has or spends
    (`_CARE_THINGS`: "healthcare workforce" / "health workforce"); not after "public" or
    "global", fields of their own ("global health financing")."""
    words = name.words
    for at, word in enumerate(words):
        care = 1 if word == "healthcare" else \
            2 if word == "health" and words[at + 1:at + 2] == ["care"] else 0
        if care and at + care < len(words) and words[at + care] in _CARE_THINGS and \
                (at == 0 or words[at - 1] not in ("public", "global")):
            forms.found.add(" ".join(words[:at] + ["health"] + words[at + care:]))
            return


# What a farm has or needs that names say of agriculture ("farm labour shortages" /
# "agricultural labour shortages", "farm drones"); an allow-list, as a farm is also a
# place and a kind ("farm animals" are livestock, "wind farm", "server farm", "troll
# farm" no agriculture)
_FARM_THINGS = frozenset("""labour labor worker workforce data automation drone robot robotics
    subsidy policy sector machinery equipment technology emission productivity
    output""".split())  # (not income: "agricultural income" is a tax category)


def farm_as_agricultural(name: _Name, forms: _Forms) -> None:
    """A first "farm" as "agricultural" before what a farm has or needs (`_FARM_THINGS`:
    "farm automation" / "agricultural automation")."""
    words = name.words
    if len(words) >= 2 and words[0] == "farm" and words[1] in _FARM_THINGS:
        forms.found.add(" ".join(["agricultural"] + words[1:]))


# Sectors that are no industry: who owns or runs them ("public sector", "voluntary
# sector", "third sector"), services a state answers for ("health sector", "security
# sector" reform is of police and armies, the "security industry" private guards), the
# sectors of energy and statistics ("buildings sector", "household sector") and those of
# no firms ("development sector" is aid, "culture industry" Adorno's: attack 82)
_NO_INDUSTRY = frozenset("""public private voluntary third informal formal nonprofit profit
    charitable charity community state government social health healthcare care
    education security military defence defense banking building residential domestic
    household commercial land forest external corporate business service unorganised
    unorganized development research culture cultural university academic justice
    prison housing disability youth municipal migration humanitarian ngo aid refugee
    intelligence""".split())


def sector_as_industry(name: _Name, forms: _Forms) -> None:
    """A last word "sector" as "industry" ("hospitality sector" / "hospitality industry",
    "hard-to-abate sectors"); not of a sector no industry is (`_NO_INDUSTRY`)."""
    words = name.words
    if len(words) >= 2 and words[-1] == "sector" and words[-2] not in _NO_INDUSTRY and \
            words[-2] not in _STOP:
        forms.found.add(" ".join(words[:-1] + ["industry"]))


# Lures and channels of a scam, whose fraud is the same ("romance scams" / "romance
# fraud", "tech support scams"); an allow-list, as a scam done to the public is no fraud
# done by the claimant or the customer against what it names ("pension scams" /
# "pension fraud", "visa scams", "benefit fraud": attack 82; "financial fraud" is
# broader: labelled traps)
_LURES = frozenset("""romance lottery ticket phishing phone sms text job employment
    rental impersonation investment crypto cryptocurrency online deepfake cloning
    butchering app push shopping marketplace gift prize inheritance fee email call""".split())
# ... and the support one poses as ("tech support scams"; not "income support", "child
# support": a claimant's fraud, attack 83), and cards sold ("gift card scams")
_POSED_AS = (["tech", "support"], ["customer", "support"], ["it", "support"],
             ["gift", "card"], ["push", "payment"])


def scam_as_fraud(name: _Name, forms: _Forms) -> None:
    """A last word "scam" after its lure or channel (`_LURES`) as "fraud" ("romance scams"
    / "romance fraud", "tech support scams"); not alone (a scam is one kind of fraud)."""
    words = name.words
    if len(words) >= 2 and words[-1] == "scam" and (words[-2] in _LURES or
                                                     words[-3:-1] in _POSED_AS):
        forms.found.add(" ".join(words[:-1] + ["fraud"]))


# Kinds of game, whose gaming is their games ("cozy gaming" / "cozy games"); an
# allow-list, as gaming is gambling or gaming a system too ("tribal gaming", "sports
# gaming", "benchmark gaming", "Asian gaming" / "Asian Games": attack 83)
_GAME_KINDS = frozenset("""cozy cosy tabletop board retro cloud console pc mobile handheld
    indie casual video computer arcade vr multiplayer narrative educational serious
    esports""".split())


def gaming_as_games(name: _Name, forms: _Forms) -> None:
    """A last word "gaming" after a kind of game (`_GAME_KINDS`) as "games" ("cozy
    gaming" / "cozy games", "tabletop gaming")."""
    words = name.words
    if len(words) >= 2 and words[-1] == "gaming" and words[-2] in _GAME_KINDS:
        forms.found.add(" ".join(words[:-1] + ["game"]))


def online_last(name: _Name, forms: _Forms) -> None:
    """A last "online" first after the noun of an act or a state (`_ACT_ENDINGS`,
    `_DONE_ONLINE`: "gender dynamics online" / "online gender dynamics", "hate speech
    online"); not after what goes online (`_BROUGHT_ONLINE`)."""
    words = name.words
    if len(words) >= 2 and words[-1] == "online" and words[-2] not in _BROUGHT_ONLINE and \
            (words[-2].endswith(_ACT_ENDINGS) or words[-2] in _DONE_ONLINE) and \
            not _STOP.intersection(words[:-1]):
        forms.found.add(" ".join(["online"] + words[:-1]))


# Adjectives of how an act is done, whose adverb after it says the same ("working
# remotely"); not those of fixed terms ("learning deeply" is no deep learning, "selling
# shortly" no short selling, "trading fairly" no fair trading: an attack's).
_MANNERS = frozenset("""remote sustainable critical healthy responsible ethical mindful
    conscious flexible strategic tactical independent""".split())


def _adverb_adjective(word: str) -> str | None:
    """The adjective of an -ly adverb of manner (`_MANNERS`), or None.

    >>> [_adverb_adjective(w) for w in ("remotely", "sustainably", "healthily", "deeply")]
    ['remote', 'sustainable', 'healthy', None]
    """
    if not word.endswith("ly") or len(word) < 6:
        return None
    for adjective in (word[:-2], word[:-3] + "y", word[:-1] + "e"):
        if adjective in _MANNERS:
            return adjective
    return None


def adverb_after_an_act(name: _Name, forms: _Forms) -> None:
    """An act and how, "X-ing ADV-ly", as "ADJ X-ing" ("working remotely" / "remote
    work", "living sustainably"; "thinking critically" / "critical thinking", whose key
    already writes the adverb as its adjective), and "ADV-ly X-ing" so ("sustainably
    living")."""
    words = name.words
    if len(words) == 2 and (words[0].endswith("ing") or words[0] in _ACTS_WRITTEN_AS_NOUNS):
        adjective = _adverb_adjective(words[1]) or next(  # (as the key writes
            (form for form in (words[1], words[1][:-2]) if form in _MANNERS), None)  # -ally)
        if adjective:
            forms.found.add(" ".join([adjective, words[0]]))
    if len(words) == 2 and words[1].endswith("ing") and _adverb_adjective(words[0]) and \
            words[0] != "independently":
        # (the adverb first: "working remotely" / "remotely working"; not "independently
        # publishing", no independent publishing: an attack's)
        forms.found.add(" ".join([_adverb_adjective(words[0]), words[1]]))


def tie_either_way(name: _Name, forms: _Forms) -> None:
    """The two parties of a tie either way ("US-China relations", `_TIE_WORDS`), and two
    places before a tie of theirs (`_PLACES_TIE_WORDS`: "US-China trade war")."""
    words = name.words
    if len(words) == 3 and words[2] in _TIE_WORDS or \
            len(words) >= 3 and words[-1] in _PLACES_TIE_WORDS and _place(words[0]) and \
            _place(words[1]) and _STOP.isdisjoint(words):
        forms.found.add(" ".join([words[1], words[0]] + words[2:]))


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


# The "v." of a lawsuit ("Epic Games v. Apple" / "Epic Games vs. Apple"). (Not a
# company's legal form dropped here: tried five times, each attack found namesakes,
# places, parent companies and franchises: "Amazon Inc.", "Pokemon Co.", "Gemini LLC",
# "Siemens Energy", "Qatar Airways"; names._legal_form reads it as a sense instead.)
def v_as_versus(name: _Name, forms: _Forms) -> None:
    """An inner "v" as "vs" ("Epic Games v. Apple"; the parties keep their order)."""
    words = name.words
    if "v" in words[1:-1]:
        forms.found.add(" ".join("vs" if word == "v" else word for word in words))


# "Generated" adds nothing only after AI and before what is made to be seen or heard
# ("AI-generated art" is AI art; not "AI-generated research", "user-generated data",
# "computer-generated music", "AI-generated films": AI films are about AI; reviews'
# false joins).
_MEDIA = frozenset({"art", "artwork", "image", "imagery", "video", "music", "content", "text",
                    "audio", "voice", "photo", "picture", "slop"})


def ai_generated_media(name: _Name, forms: _Forms) -> None:
    """"AI-generated X" as "AI X" for what is made to be seen or heard (`_MEDIA`), first
    or after a preposition ("payment systems for AI-generated content")."""
    words = name.words
    if len(words) >= 3 and words[:2] == ["ai", "generated"] and words[-1] in _MEDIA:
        forms.found.add(" ".join(words[:1] + words[2:]))
    for at in range(1, len(words) - 2):
        if words[at - 1] in _PREPOSITIONS and words[at:at + 2] == ["ai", "generated"] and \
                words[-1] in _MEDIA and _PREPOSITIONS.isdisjoint(words[at:]):
            forms.found.add(" ".join(words[:at + 1] + words[at + 2:]))


# Second words that add nothing (written after a hyphen): "heat-related deaths" are heat
# deaths, "AI-driven tools" AI tools.
_LINK_WORDS = frozenset({"related", "driven", "based", "powered", "enabled"})
# (Not "assisted": "AI-assisted writing" is a person's, "AI writing" the AI's.)


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


# What comes "from" a thing that it guards against or is taken from ("immunity from
# infection" is no infection-induced immunity: an attack's)
_FROM_NOT_CAUSED = frozenset({"immunity", "withdrawal", "protection", "relief"})


def induced_as_from(name: _Name, forms: _Forms) -> None:
    """"X-induced Y" as "Y from X" ("digital media-induced attention deficits" /
    "attention deficits from digital media"), for a cause of up to two words; not as "X
    Y" ("tech layoffs" are at tech firms, "student stress" students'; an attack's)."""
    words = name.words
    for at in (1, 2):
        if len(words) > at + 1 and words[at] == "induced" and _STOP.isdisjoint(words) and \
                words[-1] not in _FROM_NOT_CAUSED:
            forms.found.add(" ".join(words[at + 1:] + ["from"] + words[:at]))


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
# (Not "problem": "the AI control problem" is a named one, as the alignment problem.)


def concern_word(name: _Name, forms: _Forms) -> None:
    """A last word of a worry (`_CONCERN_WORDS`) as one mark, "(concern)": "data privacy
    risks" / "... concerns" (not "market risk"; not after "health": "mental health
    risks" are hazards, "mental health issues" conditions)."""
    words = name.words
    if len(words) >= 3 and words[-1] in _CONCERN_WORDS and words[-2] != "health":
        forms.found.add(" ".join(words[:-1] + ["(concern)"]))
