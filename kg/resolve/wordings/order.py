"""Word order: the rules that read a name's words around a preposition ("X in Y" /
"Y X", with the role each preposition gives), "between", "driven by", "and",
"against" / "from" / "with", "toward", "X of Y by Z", "in-X" places, one
preposition for another, "the N of M", "in ADJ context" and "cross-X".
"""

from __future__ import annotations

from ..keys import _ARTICLES, _STOP
from ..lexicon import lexicon
from .words import (_AGENTS, _BEINGS, _Forms, _IN_CHARGE, _Name, _OF_ONLY, _OF_PLACE,
                    _PEOPLE_WORDS, _PREPOSITIONS, _REACHED, _SECOND_PHRASE, _TERMS_OF, _place,
                    _NOUNS_OF, _WATCHING, _WEAPONS, _actor, _adjective, _coined, _people, _place_names,
                    _without_articles)

__all__ = ["against_from_with", "and_either_way", "aspect_of_the", "between",
            "cross_as_across", "driven_by", "in_context", "in_dropped", "in_kind_of_place",
            "of_what_by_whom", "one_preposition_for_another",
            "reordered_around_preposition", "toward_as_to", "under_as_to", "where_first"]

_ORDER_WORDS = frozenset({"in", "of", "for", "to", "on", "among", "about", "over", "around",
                          "by", "at"})
# ... but not "X at" these: "AI at scale" is not Scale AI, "life at sea" not sea life
_NOT_AFTER_AT = frozenset({"scale", "risk", "rest", "war", "night", "sea", "home", "large"})
# Attacks on someone or something that attacks ("attacks on drones" are no drone
# attacks; "attacks on hospitals" are hospital attacks).
_ASSAULTS = frozenset({"attack", "cyberattack", "strike", "airstrike", "raid", "assault"})

# Who acts, by name or ending: after "attacks on", an attacker (`_attacker`).
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant")


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
             "obstacle": frozenset(), "alternative": frozenset(),
             "exposure": frozenset({"media", "brand", "celebrity", "press", "bank",
                                    "startup", "fund"}),
             "resistance": frozenset("""weed mosquito pest bacteria bacterium fungus insect
                                     malaria cancer tumor tumour parasite vaccine
                                     industry""".split()),
             "adaptation": frozenset("""game book novel film movie comic manga play series
                                     show screen stage""".split())}

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


def _actors_own(head: str, preposition: str, last: str) -> bool:
    """Whether "... last head" would name what `last` holds or does, not what "head
    preposition ... last" names, so that the name is not reordered (see `_HELD`)."""
    if preposition not in _TO_OR_ABOUT:
        return False
    return head in _HELD and _people(last) or head in _DONE_BY_ACTORS and (
        _people(last) or last in _WEAPONS or last in _place_names() or
        last.isalpha() and _coined(last))


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

# What is about people, whose "Y X" names what is theirs: "data sharing by patients" is
# no patient data sharing, the sharing of patients' data ("book reviews by children",
# "content moderation by users": an attack's false joins); "drug use by teens" is teen
# drug use, "data collection by governments" government data collection (a body's).
_ABOUT_PEOPLE = frozenset("""data record information content health safety credit book
    film privacy card image photo identity salary location genome performance background
    skill wellbeing mental""".split())


# An adjective and a noun that name one thing, whose adjective a reordering of "ADJ X in Y"
# never leaves X's ("public investment in health" is no public health investment,
# "small loans for businesses" no small business loans: an attack's false joins).
_ADJECTIVE_COMPOUNDS = frozenset("""public health|public school|public transport|public
    housing|public sector|public service|private school|private sector|private
    equity|social media|social care|social security|social credit|social
    housing|higher education|further education|special education|small business|big
    tech|big pharma|deep tech|deep learning|heavy industry|heavy metal|heavy
    water|critical mineral|critical infrastructure|open banking|open science|open
    source|green hydrogen|green steel|primary care|primary school|basic income|new
    york|new england|new jersey|new delhi|new zealand|western europe|eastern
    europe|middle east|dead sea|red sea|plastic surgery|organic farming|fast
    fashion|soft drink|light rail|intensive care|intensive farming|early
    retirement|early voting|long covid|hard power|urban planning|toxic
    masculinity|religious education|classical music|alternative medicine|alternative
    energy|personal data|capital city|large farm|golden visa|big technology|deep
    technology|independent school|heavy oil|political science|environmental
    policy|economic policy|financial crisis|physical therapy|physical education|medical
    cannabis|critical care|strong beer|light beer|slow fashion|slow travel|active
    travel|new driver|new parent|new teacher|western china|relative poverty|absolute
    poverty""".replace("\n    ", " ").split("|"))


# Adjectives of a judgement, which "about" and "on" keep first too ("misleading claims
# about health" / "misleading health claims"); not others, whose "ADJ Y" may be a
# compound of its own ("high tax on income" is no high income tax, "private
# conversations about AI" no private AI's: an attack's)
_JUDGING = frozenset("""misleading false positive negative optimistic pessimistic harmful
    dystopian utopian conflicting inaccurate exaggerated unfounded alarmist unregulated
    unverified unsubstantiated deceptive""".split())


# Nouns the lexicon also lists as adjectives, whose "N Y" is a compound of its own more
# often than not ("home furniture for offices" is no home office furniture, "video tools
# for games" no video game tools, "quantum algorithms for chemistry", "seed funding for
# banks": an attack's false joins, older than the attack).
_NOUNS_FIRST = frozenset({"home", "video", "quantum", "seed"})


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
        then = next((i for i, w in enumerate(after) if i and w in _SECOND_PHRASE
                     and " ".join(after[i - 1:i + 2]) not in _NOUNS_OF), None)
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
        # (a place first as an adjective, "on" too: "EU ban on neonicotinoids" / "EU
        # neonicotinoid ban")
        if at >= 2 and (word in ("of", "in", "for") and _adjective(words[0]) or
                        word in ("about", "on") and words[0] in _JUDGING or
                        word in ("of", "in", "for", "on") and _place(words[0])) and \
                words[0] not in _NOUNS_FIRST and \
                f"{words[0]} {after[0]}" not in _ADJECTIVE_COMPOUNDS:
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
            # (articles dropped: "rivalry between the US and China" / "US-China rivalry")
            first = _without_articles(words[at + 1:cut])
            second = _without_articles(words[cut + 1:])
            forms.found.add(" ".join(first + second + words[:at]))
            forms.dropped.add(" ".join(words[:at + 1] + second + ["and"] + first))


# What a thing is done through, as what drives it ("personalisation through AI" /
# "AI-driven personalisation"): a technology that changes work and lives
# (`_TECHNOLOGIES`) and the means of change, of a process (`_PROCESS_ENDINGS`: not
# "grief through AI"); not a route, a place or a time ("travel through Europe", "economy
# through the war": an attack's)
_DRIVING_THROUGH = frozenset("""technology tech innovation data digitalisation
    digitalization digitisation digitization analytics collaboration""".split())
_PROCESS_ENDINGS = ("ing", "ment", "tion", "sion", "ance", "ence", "ity")


def driven_by(name: _Name, forms: _Forms) -> None:
    """"X driven by Y" / "X based on Y" / "X linked to Y" as "Y driven X" / "Y based X" /
    "Y linked X" ("teen suicides linked to chatbots" / "chatbot-linked teen suicides"),
    and "X through Y" as "Y driven X" of an act through a technology or a means of
    change (`_TECHNOLOGIES`, `_DRIVING_THROUGH`: "deskilling through AI" / "AI-driven
    deskilling")."""
    words = name.words
    for at, word in name.inner:
        if word == "by" and words[at - 1].endswith(("ed", "en")) or \
                word == "on" and words[at - 1] == "based" or \
                word == "to" and words[at - 1] in ("linked", "related", "tied", "attributed"):
            forms.found.add(" ".join(words[at + 1:] + words[at - 1:at] + words[:at - 1]))
        elif word == "through" and _PREPOSITIONS.isdisjoint(words[:at]) and \
                words[at - 1].endswith(_PROCESS_ENDINGS):
            through = _without_articles(words[at + 1:])
            if len(through) <= 2 and _PREPOSITIONS.isdisjoint(through) and (
                    _technology(through) or through[-1] in _DRIVING_THROUGH):
                forms.found.add(" ".join(through + ["driven"] + words[:at]))


# Heads of a name whose last two words, joined by "and" after a preposition, may come
# either way: what is done with, to or for both ("demand for coaching and development",
# "investment in wind and solar"); not institutions ("Ministry of Trade and Industry" is
# Singapore's, "of Industry and Trade" Vietnam's), titles, ratios or sequences ("Tale of
# Rise and Fall", "ratio of debt and equity"): attack 112's
_EITHER_ORDER_HEADS = frozenset("""demand focus integration intersection convergence
    combination blend fusion balance emphasis investment need role use importance impact
    substitution access collaboration partnership cooperation synergy interplay nexus
    growth rise decline adoption regulation spending funding effect influence risk threat
    ban tariff loss merger shortage supply production consumption trade price cost future
    governance""".split())


# Pairs joined by "and" whose order names a thing of its own: a function, a title, a
# power, a movement ("trust and safety" teams; "crime and punishment", the novel; "stop
# and search"); their other order is a plain pair of words: attack 113's
_FIXED_PAIRS = frozenset(tuple(pair.split("+")) for pair in """trust+safety crime+punishment
    war+peace pride+prejudice sense+sensibility mark+spencer click+collect stop+search
    search+rescue command+control check+balance trial+error art+craft""".split())


def and_either_way(name: _Name, forms: _Forms) -> None:
    """"X and Y" as "Y and X"; the two words around "and" before a shared head, at the
    start of a name or after a shared first word ("energy and climate policy" / "climate
    and energy policy", "data integrity and verification technology" / "data
    verification and integrity technology"; not "social media and justice", "rise and
    fall of X"); and the two words around "and" that end a name after a preposition,
    when the name's first word or the word before the preposition is a head of
    `_EITHER_ORDER_HEADS` ("demand for coaching and development" / "demand for
    development and coaching", "rapid growth of solar and wind")."""
    words = name.words
    for at, word in name.inner:
        if word == "and" and _FIXED_PAIRS.isdisjoint(((words[at - 1], words[at + 1]),
                                                      (words[at + 1], words[at - 1]))):
            forms.found.add(" ".join(words[at + 1:] + ["and"] + words[:at]))
            if at in (1, 2) and at + 2 < len(words) and words[at + 2] not in _STOP and \
                    _STOP.isdisjoint(words[:at]) and not (at == 2 and _adjective(words[0])):
                # (not after an adjective, which may be of either word: "central bank
                # and government debt", "public health and policy research": an attack's)
                forms.found.add(" ".join(words[:at - 1] + [words[at + 1], "and", words[at - 1]]
                                         + words[at + 2:]))
            elif at >= 3 and at + 2 == len(words) and words[at - 2] in _PREPOSITIONS and \
                    _EITHER_ORDER_HEADS.intersection((words[0], words[at - 3])) and \
                    words[at - 1] not in _STOP and words[at + 1] not in _STOP:
                # two words that end the name after a preposition ("demand for coaching and
                # development" / "demand for development and coaching")
                forms.found.add(" ".join(words[:at - 1] + [words[at + 1], "and", words[at - 1]]))


def in_dropped(name: _Name, forms: _Forms) -> None:
    """"X in Y" as "X Y", met only by a name written so ("AI in education" / "AI
    education"; it is no education in AI)."""
    words = name.words
    for at, word in name.inner:
        if word == "in":
            forms.dropped.add(" ".join(words[:at] + words[at + 1:]))


# Kinds of place a name says "in ADJ areas" ("hospital closures in rural areas" are rural
# hospital closures), and the words for the places; not remote ("remote work" is
# telework, not work in remote areas: an attack's false joins).
_PLACE_KINDS = frozenset({"rural", "urban", "coastal", "suburban"})
# ... nor what "urban" makes a genre or a theory of ("urban mining" recycles waste, "urban
# art" is street art, "urban bias" favours cities: two attacks')
_URBAN_GENRES = frozenset("""mining art sport village music fashion legend myth exploration
    dictionary dance radio slang culture bias flight""".split())
_AREAS = frozenset({"area", "region", "community", "setting"})
# What people suffer or are given at work, "at work" as the workplace's ("burnout at
# work"; not "evolution at work", "microbes at work": at work is at it, an attack's)
_HAD_AT_WORK = frozenset("""burnout stress bullying harassment safety wellbeing well being
    loneliness discrimination surveillance monitoring fatigue injury violence menopause
    support health wellness privacy diversity inclusion equality racism sexism ageism
    mentoring mentorship accident""".split())


def in_kind_of_place(name: _Name, forms: _Forms) -> None:
    """"X in ADJ areas" (or "of": what happens to them) as "ADJ X", for a kind of place
    (`_PLACE_KINDS`, `_AREAS`): "hospital closures in rural areas" / "rural hospital
    closures", "poverty in urban areas" / "urban poverty", "depopulation of rural areas"
    / "rural depopulation"; and "X in cities" as "urban X" ("mobility in cities" / "urban
    mobility"), "X at work" as "workplace X" ("stress at work" / "workplace stress")."""
    words = name.words
    if len(words) >= 4 and words[-3] in ("in", "of") and words[-2] in _PLACE_KINDS and \
            words[-1] in _AREAS and not {"in", "of"}.intersection(words[:-3]) and \
            not (words[-2] == "urban" and words[-4] in _URBAN_GENRES):
        forms.found.add(" ".join([words[-2]] + words[:-3]))
    if len(words) >= 3 and words[-2:] == ["at", "work"] and words[-3] in _HAD_AT_WORK and \
            not _STOP.intersection(words[:-2]):
        forms.found.add(" ".join(["workplace"] + words[:-2]))  # ("burnout at work")
    if len(words) >= 3 and words[-2:] == ["in", "city"] and words[-3] not in _URBAN_GENRES \
            and not {"in", "of"}.intersection(words[:-2]):
        forms.found.add(" ".join(["urban"] + words[:-2]))
        if len(words) >= 4 and _adjective(words[0]):  # ("sustainable urban mobility")
            forms.found.add(" ".join(words[:1] + ["urban"] + words[1:-2]))


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
# ... and what a hazard does to people or things ("deaths from heat" / "heat deaths",
# "overdoses from fentanyl", "damage from storms"): of hazards only, as who lives or acts
# suffers its "Y deaths" ("deaths from police", "harm from patients", "deaths from
# horses", "damage from satellites"); not loss ("income loss from retirement", "data
# loss from employees": an attack's)
_HARM_FROM = frozenset("death overdose injury damage harm casualty".split())
_HAZARDS = frozenset("""heat heatwave storm flood flooding wildfire fire smoke hurricane
    typhoon cyclone tornado drought earthquake tsunami landslide pandemic covid
    fentanyl opioid alcohol smoking tobacco vaping gambling pollution smog war conflict
    radiation""".split())
# ... and turning away from it ("divestment from fossil fuels" / "fossil fuel divestment",
# "fatigue from subscriptions" / "subscription fatigue")
# (not withdrawal or exit: "withdrawal from the Union" is no "withdrawal from unions";
# not fatigue or decoupling: "fatigue from vaccines" is a side effect, "decoupling from
# growth" degrowth: an attack's)
_AWAY_FROM = frozenset({"divestment"})
# ... and what a change brings ("job losses from AI" / "AI job losses", "productivity
# gains from automation", "learning loss from the pandemic"): of a technology that
# changes work and lives (`_TECHNOLOGIES`) anything of `_BROUGHT_FROM`; of an event
# (`_EVENTS`) its losses, displacement, savings and disruption only ("risks from war"
# are no war risk, a risk of war; "benefits from COVID" no COVID benefit, a payment:
# an attack's); of a natural hazard the losses, risks, failures and disruptions of
# something named ("health risks from heat", "crop failures from drought"; not "failure
# from heat", a heating failure, nor "loss from heat", which is heat lost)
_BROUGHT_FROM = frozenset("""loss displacement gain risk threat benefit saving failure
    disruption""".split())
_TECHNOLOGIES = frozenset("""ai genai automation robot robotics algorithm
    chatbot""".split())
_TECHNOLOGY_PHRASES = (["artificial", "intelligence"], ["machine", "learning"])
_EVENTS = frozenset("""pandemic covid lockdown war conflict tariff sanction inflation
    offshoring outsourcing""".split())
_EVENT_BRINGS = frozenset({"loss", "displacement", "saving", "disruption"})
_HAZARD_BRINGS = frozenset({"risk", "failure", "disruption"}) | _EVENT_BRINGS


def _technology(words: list[str]) -> bool:
    """Whether words end with a technology that changes work and lives (`_TECHNOLOGIES`)."""
    return bool(words) and (words[-1] in _TECHNOLOGIES or words[-2:] in _TECHNOLOGY_PHRASES)


def _brought_by(effect: str, cause: list[str], named: bool = True) -> bool:
    """Whether "EFFECT from CAUSE" is what the cause brings (`_BROUGHT_FROM`), a
    "CAUSE EFFECT" ("job losses from AI" / "AI job losses"); `named`: the effect is of
    something named before it ("crop failures", not "failures").

    >>> _brought_by("loss", ["generative", "ai"]), _brought_by("loss", ["heat"], named=False)
    (True, False)
    >>> _brought_by("risk", ["war"]), _brought_by("disruption", ["war"])
    (False, True)
    """
    return bool(cause) and not _PREPOSITIONS.intersection(cause) and (
        effect in _BROUGHT_FROM and _technology(cause) or
        effect in _EVENT_BRINGS and (cause[-1] in _EVENTS or cause[-2:] == ["climate", "change"])
        or named and effect in _HAZARD_BRINGS and _natural_hazard(cause))


def _natural_hazard(words: list[str]) -> bool:
    """Whether words end with a natural hazard (`_HAZARDS`, not an event of `_EVENTS`:
    "war risk" is a risk of war, "heat risk" one from heat)."""
    return bool(words) and words[-1] in _HAZARDS and words[-1] not in _EVENTS


def _concept_acronym(words: list[str]) -> bool:
    """Whether `words` are one acronym of kg's table that names no institution."""
    return len(words) == 1 and words[0] in lexicon().acronyms and \
        words[0] not in _INSTITUTIONS


def against_from_with(name: _Name, forms: _Forms) -> None:
    """"X against Y", "X from Y" and "X with Y" as "Y X", as written only: a backlash
    against an idea an acronym names (`_AGAINST_THINGS`, `_concept_acronym`), what
    physically comes out of a source (`_COMES_FROM`), a harm a hazard does
    (`_HAZARDS`) or what a change brings (`_brought_by`), "X with Y" of one phrase
    ("dubbing with AI" / "AI dubbing", "patients with cancer" / "cancer patients").
    (Not "X using Y": "governance using AI" is no AI governance; nor "X into Y" as "X
    in Y": sewage into drinking water is no sewage in it; a review's false joins.)"""
    words = name.words
    for at, word in name.inner:
        if word not in ("against", "from", "with"):
            continue
        after = _without_articles(words[at + 1:])
        if word == "against" and words[at - 1] in _AGAINST_THINGS and _concept_acronym(after) or \
                word == "from" and (words[at - 1] in _COMES_FROM or words[at - 1] in _AWAY_FROM
                                    or words[at - 1] in _HARM_FROM and after[-1] in _HAZARDS
                                    or _brought_by(words[at - 1], after, at >= 2)) or \
                word == "with" and not _PREPOSITIONS.intersection(after):
            forms.dropped.add(" ".join(after + words[:at]))


# Attitudes, which are about what they are toward ("skepticism toward health claims" /
# "... about health claims"); not trust ("trust toward the public" is no public trust).
_ATTITUDES = frozenset("""skepticism attitude sentiment hostility optimism pessimism
    distrust mistrust openness aversion hesitancy antipathy ambivalence enthusiasm
    cynicism suspicion apathy""".split())


# Who may hold an attitude, beside those `_actor` and `_people` read and the endings of
# people (-ant, -ent: immigrants, students): "skepticism toward experts" is no expert
# skepticism.
_HOLDERS = frozenset("""expert elite official adult minority authority establishment
    institution media press celebrity union retail market industry business sector labor
    labour""".split())


# What one faces, said "for" or "to" alike ("challenges facing farmers" / "... for
# farmers"); not competition or demand ("competition for students" is among others,
# "competition facing students" among them; "demands facing nurses" no demand for
# them: an attack's).
_FACED = frozenset("""challenge threat risk uncertainty pressure problem issue barrier
    obstacle hurdle difficulty headwind crisis""".split())


def facing_as_for(name: _Name, forms: _Forms) -> None:
    """"X facing Y" as "X for Y" and "X to Y" for what one faces (`_FACED`: "challenges
    facing farmers" / "challenges for farmers", "threats facing democracy" / "threats
    to democracy")."""
    words = name.words
    for at, word in name.inner:
        if word == "facing" and words[at - 1] in _FACED:
            forms.found.update(" ".join(words[:at] + [preposition] + words[at + 1:])
                               for preposition in ("for", "to"))


# What a thing is under, as what is done to it ("judicial independence under threat" /
# "threats to judicial independence", "NHS under pressure" / "pressure on the NHS")
_UNDER = {"threat": "to", "challenge": "to", "attack": "on", "pressure": "on",
          "strain": "on", "scrutiny": "of"}


def under_as_to(name: _Name, forms: _Forms) -> None:
    """A last "under T" of what is done to the words before it (`_UNDER`) as "T to X" ("T
    on X", "T of X"), never reordered: "feminism under challenge" / "challenges to
    feminism"; "investors under pressure" are no "investor pressure", from them."""
    words = name.words
    if len(words) >= 3 and words[-2] == "under" and words[-1] in _UNDER and \
            _PREPOSITIONS.isdisjoint(words[:-2]):
        for article in ([], ["the"]):  # ("NHS under pressure" / "pressure on the NHS")
            form = " ".join([words[-1], _UNDER[words[-1]]] + article + words[:-2])
            forms.found.add(form)
            forms.final.add(form)  # (never "X pressure", pressure from X: attack 83's)


def toward_as_to(name: _Name, forms: _Forms) -> None:
    """"X toward Y" as "X to Y", as written only ("violence toward the police" is no
    police violence); an attitude's (`_ATTITUDES`) as "X about Y", and as "Y X" only for
    one word Y that names no one who may hold it ("hesitancy toward vaccines" / "vaccine
    hesitancy"; not `_actor`, `_people`, `_HOLDERS`: "attitudes toward women" are no
    women's attitudes, nor immigrants, experts, founders, elites: two attacks' false
    joins). Its forms are not reordered again."""
    words = name.words
    for at, word in name.inner:
        if word == "toward":
            forms.dropped.add(" ".join(words[:at] + ["to"] + words[at + 1:]))
            if words[at - 1] in _ATTITUDES:
                target = _without_articles(words[at + 1:])
                forms.found.add(" ".join(words[:at] + ["about"] + target))
                if len(target) == 1 and not (
                        _actor(target[0]) or _people(target[0]) or target[0] in _HOLDERS
                        or target[0] in _BEINGS or target[0].endswith(("ant", "ent"))):
                    reordered = " ".join(target + words[:at])
                    forms.found.add(reordered)
                    forms.reordered.add(reordered)
                    forms.final.add(reordered)


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


# Prepositions one names for another ("decline of/in X", "funding for/of X"); not with,
# to, on, at: "work with AI" is no work on AI, "investment with AI" no investment in AI
# (a review's false joins; "X on Y" and "X in Y" still meet as "Y X").
_ONE_ANOTHER = frozenset({"of", "in", "for"})
# Acts of putting a thing in another, said with "into" or "in" alike.
_PUT_INTO = frozenset({"integration", "incorporation", "investment", "embedding"})


def one_preposition_for_another(name: _Name, forms: _Forms) -> None:
    """"X of Y", "X in Y" and "X for Y" share "X * Y" (`_ONE_ANOTHER`); "ACT into Y" is
    "ACT in Y" for an act of putting in (`_PUT_INTO`: "integration of AI into search" /
    "... in search"; not what goes somewhere: "sewage into drinking water" is no sewage
    in it, nor "X * Y": the "conversion of housing" is no conversion into housing)."""
    words = name.words
    for at, word in name.inner:
        if word in _ONE_ANOTHER:
            forms.found.add(" ".join(words[:at] + ["*"] + words[at + 1:]))
        elif word == "into" and _PUT_INTO.intersection(words[:at]):
            forms.found.add(" ".join(words[:at] + ["in"] + words[at + 1:]))


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
