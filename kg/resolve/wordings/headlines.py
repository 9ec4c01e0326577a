"""Names written as sentences: articles after a preposition inside a name, and a
headline ("AI reduces costs", "outcomes may shape policy") read as a phrase
("AI reducing costs"), which the rules then read as any name.
"""

from __future__ import annotations

import itertools

from ..keys import _ARTICLES, _STOP, _lemmas
from .trends import _revived_thing
from .words import (_AFTER_AN_ACT, _GAPS, _LIVING, _MEASURES, _PREPOSITIONS, _TREND_NOUNS,
                    _TREND_PHRASES, _TREND_WORDS, _actor, _people)

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
    after a leading -ing word of an act (`_act_of_a_nominalisation`: "avoiding the
    news"), or None when there is none.

    >>> _inner_articles_dropped("vampire as a biological entity".split())
    ['vampire', 'as', 'biological', 'entity']
    >>> _inner_articles_dropped("vitamin a deficiency".split()) is None
    True
    """
    kept = [word for at, word in enumerate(words)
            if not (0 < at and word in _ARTICLES and words[at - 1] in _BEFORE_AN_ARTICLE
                    and (len(_phrase(words[at + 1:])) >= 2 or word != "the" and
                         words[at + 1:at + 2] and words[at + 1] not in _AFTER_LETTER_A)
                    or at == 1 and word == "the" and len(words) > 2 and
                    _act_of_a_nominalisation(words[0]) and not _actor(words[-1]) and
                    words[-1] not in _MAY_ACT)]
    return kept if len(kept) < len(words) else None


# What may do the act itself, so that "ACT-ing the X" is no "X ACT" ("educating the
# public" is no public education, "correcting the market" no market correction: an
# attack's), beside people and actors (`_actor`)
_MAY_ACT = frozenset({"public", "market", "media", "police", "press", "teacher", "student",
                      "journalist"})
# Progressive verbs of growth, decline or a process, whose "S are VERB-ing" is "VERB-ing
# S" ("birth rates are falling"); not of a kind ("economies are developing", "markets are
# emerging", "plants are flowering": an attack's)
_CHANGING = frozenset("""rising falling declining growing increasing decreasing dropping
    slowing improving worsening converging merging consolidating accelerating expanding
    shrinking recovering""".split())


# Verbs of growth and decline a headline ends with ("Heat Pump Sales Fall"), as keys
# write them, and the words of growth they are read as
# (not "drops", a release of a product in fashion and music: "limited-edition sneaker
# drops"; nor "shrink", retail's losses)
_GROWS = {**dict.fromkeys("""rise rises climb climbs soar soars surge surges grow
    grows escalate escalates widen widens""".split(), "rising"),
          **dict.fromkeys("""fall falls plunge plunges slump slumps tumble tumbles decline
    declines narrow narrows""".split(), "declining")}
_FALLEN = frozenset("""free mic water rain snow night land wind rock stair air sun dew
    storm power""".split())
# What a headline's last verb (of `_GROWS` and `_CHANGE_NOUNS`) is read after, where it is
# not read after anything: a fall, a plunge or a tumble is a decline of a measure only
# ("care home falls" are injuries, "Assad regime falls" a collapse, "ice bath plunges" a
# dip); only a gap widens and narrows ("adaptation finance gap widens"); what is no one
# event escalates as it rises ("tensions escalate"; a "rail strike escalates" is no rise
# in rail strikes); what rebounds recovers ("oil recovers" is no oil recovery, "assets
# recover" no asset recovery); places that close for good are closing ("libraries
# closing"; not a market's end of day, a loan's or a fund's completion): attacks'.
_ESCALATING = frozenset("""tension conflict violence rhetoric cost price crisis war
    hostility rivalry competition""".split())
_RECOVERING = frozenset("""economy market sector industry tourism demand sale traffic
    travel species population ecosystem ozone stock""".split())
_CLOSING = frozenset("""store shop plant factory mine school hospital branch clinic border
    road airport office pub library venue centre center club restaurant theatre theater
    cinema church station college university campus nightclub bar""".split())
_READ_ONLY_AFTER = {**dict.fromkeys("fall falls plunge plunges tumble tumbles".split(), _MEASURES),
                    **dict.fromkeys("widen widens narrow narrows".split(), _GAPS),
                    **dict.fromkeys(("escalate", "escalates"), _ESCALATING),
                    **dict.fromkeys(("recover", "recovers"), _RECOVERING),
                    "closing": _CLOSING}


def _read_after(verb: str, subject_head: str) -> bool:
    """Whether a headline's last verb is read after this last word of its subject
    (`_READ_ONLY_AFTER`)."""
    return subject_head in _READ_ONLY_AFTER.get(verb, (subject_head,))
# Verbs of "S make a comeback", as keys write them
_MAKES = frozenset({"make", "makes", "making", "made", "stage", "stages", "staging"})


def _act_of_a_nominalisation(word: str) -> bool:
    """Whether a leading -ing word names an act whose noun is a nominalisation, which
    says the same without the article after it ("avoiding the news" / "news avoidance");
    not a word of growth ("increasing the number of graduates" is done, no rising
    number), nor a bare verb's noun ("shaping the future" is no shape of the future)."""
    from .gerunds import _gerund_nouns  # (gerunds.py reads this module's neighbours)

    return len(word) > 5 and word.endswith("ing") and word not in _TREND_WORDS and \
        word not in _TREND_NOUNS and any(
            noun.endswith(("tion", "sion", "ment", "ance", "ence", "al", "ure"))
            for noun in _gerund_nouns(word))


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
    """A headline's words, "S VERBs O", "S may VERB O" or "S are (is) VERB-ing O", as "S
    VERB-ing O", the way names write it, which `doer_doing` reads ("AI disseminates
    tacit knowledge" / "AI disseminating tacit knowledge" / "dissemination of tacit
    knowledge by AI"); "S are VERB-ing" alone, of growth, decline or a process
    (`_CHANGING`), as "VERB-ing S" ("tariffs are escalating"); a last verb of growth
    or decline (`_GROWS`) as its word of growth ("heat pump sales fall"); or None.
    Only a verb form that is no noun (a key's lemma keeps its -s: "reduces", not
    "launches", which is read as "launch"), after a subject of up to five words.

    >>> " ".join(_headline_as_phrase("ai reduces cost".split()))
    'ai reducing cost'
    >>> " ".join(_headline_as_phrase("outcome of exercise may shape policy".split()))
    'outcome of exercise shaping policy'
    >>> _headline_as_phrase("free will debate".split()) is None
    True
    >>> " ".join(_headline_as_phrase("birth rate are falling".split()))
    'falling birth rate'
    >>> " ".join(_headline_as_phrase("autism diagnosis rising".split()))
    'rising autism diagnosis'
    >>> " ".join(_headline_as_phrase("home becoming uninsurable".split()))
    'uninsurable home'
    >>> " ".join(_headline_as_phrase("heat pump sale fall".split()))
    'declining heat pump sale'
    >>> _headline_as_phrase("care home fall".split()) is None
    True
    >>> " ".join(_headline_as_phrase("vinyl is making a comeback".split()))
    'comeback of vinyl'
    """
    if len(words) >= 3 and words[-2:] == ["a", "comeback"] and words[-3] in _MAKES:
        # ("vinyl is making a comeback" / "comeback of vinyl", which synonyms.csv reads
        # as its revival)
        subject = words[:-3]
        if subject and subject[-1] in ("is", "are"):
            subject = subject[:-1]
        if not subject or subject[0] in _STOP or not _revived_thing(subject):
            return None  # ("Broadway is making a comeback", "Liverpool ...": an attack's)
        return ["comeback", "of"] + subject
    if len(words) >= 3 and words[-2] == "becoming" and not _lemmas(words[-1], "NOUN") and \
            words[-1].startswith(("un", "in", "im", "ir", "il", "non")) and \
            words[-1].endswith(("able", "ible", "ed")):
        # ("homes becoming uninsurable", a state lost; not "banks becoming digital", no
        # digital banks, "drugs becoming legal": an attack's)
        return words[-1:] + words[:-2]
    if len(words) >= 2 and (words[-1] in _TREND_WORDS or words[-1] in _CHANGING) and \
            words[-1] != "dropping" and words[-2] not in _STOP and \
            words[-2] not in _AUXILIARIES and words[-2] != "are" and \
            _lemmas(words[-2], "NOUN") and (words[-1], words[0]) not in _TREND_PHRASES:
        # (a headline with no auxiliary, "S VERB-ing", of growth, decline or a process:
        # "autism diagnoses rising" / "rising autism diagnoses"; not who drops whom,
        # "brands dropping", nor a fixed phrase: "returns increasing", "pains growing")
        return words[-1:] + words[:-1]
    if len(words) >= 3 and words[-1] in _GROWS and words[-2] not in _STOP and \
            words[-2] not in _FALLEN and _lemmas(words[-2], "NOUN") and \
            _read_after(words[-1], words[-2]):
        # (a headline's last verb of growth or decline, "S climb", "S fall": "AI
        # inference costs climb" / "rising AI inference costs"; after two words or more,
        # not what falls or drops itself: "free fall", "mic drop", "water drop")
        return [_GROWS[words[-1]]] + words[:-1]
    for at in range(1, min(len(words) - 1, 6)):
        word = words[at]
        if word in ("are", "is") and len(words[at + 1]) > 5 and words[at + 1].endswith("ing"):
            # (progressive: "companies are diversifying suppliers" / "... diversifying
            # ..."; alone, of growth, decline or a process only: "birth rates are falling"
            # / "falling birth rates", "concern is rising"; not "economies are
            # developing", "markets are emerging", "water is running": an attack's)
            if at + 2 < len(words):  # ("AI is compressing the time lawyers spend")
                return words[:at] + words[at + 1:]
            if at + 2 == len(words) and (words[at + 1] in _TREND_WORDS or
                                         words[at + 1] in _CHANGING):
                return words[at + 1:] + words[:at]
            return None
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
        if at + 1 < len(words) and _actor(words[at - 1]) and word not in _STOP and \
                _lemmas(word, "VERB")[:1] == (word,) and not _lemmas(word, "NOUN"):
            # (a verb after its doer, as keys write "retailers adopt robots": "retailer
            # adopt robot"; no verb that is a noun too: "AI model behaviour", "investor
            # returns to China" are no headlines, labelled traps)
            participle = _present_participle(word)
            if participle:
                return words[:at] + [participle] + words[at + 1:]
    return None


# Prepositions of where a change happens, after a headline's verb of growth or decline
# ("extreme poverty rising in sub-Saharan Africa")
_WHERE_IT_CHANGES = frozenset({"in", "across", "among", "around"})
# Verbs of spreading, whose "S spreads in Y" is the "spread of S in Y" (not of a
# spread of prices or food: "sovereign debt spreads", "chocolate spreads"); and what
# one holds in Y, whose "rising in Y" is no change in Y
_SPREADS = frozenset({"spread", "spreads", "spreading"})
_SPREAD_NOUNS = frozenset("""credit bond yield debt rate swap bid price chocolate cheese
    butter nut vegan cattle""".split())
_HELD_IN = frozenset("trust confidence faith interest belief investment".split())


def _headline_before_where(words: list[str]) -> list[str] | None:
    """A headline of growth, decline or spreading followed by where it happens, "S
    VERB(-ing) in Y", as `_headline_as_phrase` reads "S VERB(-ing)" with "in Y" after
    ("extreme poverty rising in Africa" / "rise in extreme poverty in Africa"); "S
    spreads in Y" as "spread of S in Y"; or None.

    >>> " ".join(_headline_before_where("extreme poverty rising in africa".split()))
    'rising extreme poverty in africa'
    >>> " ".join(_headline_before_where("mobility hub spread across city".split()))
    'spread of mobility hub across city'
    >>> _headline_before_where("interest in ai".split()) is None
    True
    """
    at = next((at for at in range(2, len(words) - 1) if words[at] in _WHERE_IT_CHANGES), 0)
    if not at:
        return None
    subject, verb = words[:at - 1], words[at - 1]
    if verb in _SPREADS:
        if subject[-1] in _STOP or subject[-1] in _AUXILIARIES or subject[0] in _STOP or \
                subject[-1] in _SPREAD_NOUNS:
            return None
        return ["spread", "of"] + subject + words[at:]
    if verb not in _TREND_WORDS and verb not in _CHANGING and verb not in _GROWS or \
            words[at] == "in" and subject[-1] in _HELD_IN or subject[-1] in _LIVING or \
            _people(subject[-1]):
        return None  # ("trust rising in science" is trust in it, crops grow, "students
        # rising in protest" rise up: an attack's)
    head = _headline_as_phrase(words[:at])
    return head + words[at:] if head else None


# A headline's last verbs of a change, by the noun that names it ("parcel locker networks
# expand" / "expansion of parcel locker networks"), and those of going mainstream
_CHANGE_NOUNS = {**dict.fromkeys(("emerge", "emerges", "emerging"), ["emergence"]),
                 **dict.fromkeys(("expand", "expands", "expanding"), ["expansion"]),
                 **dict.fromkeys(("erode", "erodes"), ["erosion"]),
                 **dict.fromkeys(("recover", "recovers"), ["recovery"]),
                 **dict.fromkeys(("rearm", "rearms"), ["rearmament"]),
                 **dict.fromkeys(("diversify", "diversifies"), ["diversification"]),
                 "closing": ["closure"]}  # (some only after some words: `_READ_ONLY_AFTER`)
_MAINSTREAM = frozenset({("go", "mainstream"), ("goes", "mainstream"),
                         ("going", "mainstream"), ("becoming", "mainstream"),
                         ("becomes", "mainstream"), ("becoming", "commonplace"),
                         ("becomes", "commonplace")})
_ENTERS = frozenset({"enter", "enters", "entering"})  # ("S enters the mainstream")
# ... and of taking off, a rise ("recommerce takes off"), but of what flies ("electric
# plane takes off": an attack's; not "gains popularity", also said of people and clubs)
_TAKES_OFF = frozenset({("take", "off"), ("takes", "off"), ("taking", "off"),
                        ("took", "off")})
_FLIES = frozenset("""plane airplane aeroplane jet aircraft airliner rocket starship drone
    taxi evtol helicopter balloon flight spacecraft airship glider""".split())


def _change_headline(words: list[str]) -> list[str] | None:
    """A headline "S emerges", "S expand" (`_CHANGE_NOUNS`: erodes, recovers...), "S
    goes mainstream" (becoming commonplace, enters the mainstream) or "S takes off" as
    "emergence of S", "expansion of S", "mainstreaming of S" (which `emergence_as_rise`
    reads as its rise), "rise of S", or None.

    >>> " ".join(_change_headline("parcel locker network expand".split()))
    'expansion of parcel locker network'
    >>> " ".join(_change_headline("cosplay go mainstream".split()))
    'mainstreaming of cosplay'
    >>> _change_headline("the universe expand".split()) is None
    True
    """
    if len(words) >= 3 and tuple(words[-2:]) in _MAINSTREAM:
        subject, noun = words[:-2], ["mainstreaming"]
    elif len(words) >= 4 and words[-2:] == ["the", "mainstream"] and words[-3] in _ENTERS:
        subject, noun = words[:-3], ["mainstreaming"]
    elif len(words) >= 3 and tuple(words[-2:]) in _TAKES_OFF and words[-3] not in _FLIES:
        subject, noun = words[:-2], ["rise"]
    elif len(words) >= 2 and words[-1] in _CHANGE_NOUNS and _read_after(words[-1], words[-2]):
        subject, noun = words[:-1], _CHANGE_NOUNS[words[-1]]
    else:
        return None
    if subject[0] in _STOP or subject[-1] in _STOP or subject[-1] in _AUXILIARIES:
        return None
    return noun + ["of"] + subject


# Filing for bankruptcy, declaring it or going bankrupt is the bankruptcy ("Northvolt
# files for bankruptcy" / "Northvolt bankruptcy"; Chapter 11 is the US's)
_FILES = frozenset({"file", "files", "filing", "filed"})
_DECLARES = frozenset({"declare", "declares", "declaring", "declared"})
_GOES = frozenset({"go", "goes", "going", "went", "gone"})
_INSOLVENCIES = {"bankruptcy": "bankruptcy", "insolvency": "insolvency",
                 "bankrupt": "bankruptcy", "insolvent": "insolvency"}


def _bankruptcy_filed(words: list[str]) -> list[str] | None:
    """"S files for bankruptcy" (for Chapter 11, for insolvency, with "protection"
    after), "S declares bankruptcy" and "S goes bankrupt" as "S bankruptcy", or None.
    (Not "S bankruptcy filings", a count of a place's: "US goes bankrupt" is no "US
    bankruptcy filings", an attack's.)

    >>> [" ".join(_bankruptcy_filed(k.split()) or "-") for k in (
    ...     "northvolt file for bankruptcy", "aerofarm file for chapter 11",
    ...     "council going bankrupt", "us bankruptcy filing", "file for bankruptcy")]
    ['northvolt bankruptcy', 'aerofarm bankruptcy', 'council bankruptcy', '-', '-']
    """
    words = words[:-1] if words[-1:] == ["protection"] else words
    if words[-2:] == ["chapter", "11"]:
        words = words[:-2] + ["bankruptcy"]
    if len(words) >= 4 and words[-3] in _FILES and words[-2] == "for":
        subject, noun = words[:-3], words[-1]
    elif len(words) >= 3 and (words[-2] in _DECLARES or words[-2] in _GOES):
        subject, noun = words[:-2], words[-1]
    else:
        return None
    if noun not in _INSOLVENCIES or subject[0] in _STOP or subject[-1] in _STOP or \
            (noun in ("bankrupt", "insolvent")) != (words[-2] in _GOES):
        return None
    return subject + [_INSOLVENCIES[noun]]


def _passive_as_active(words: list[str]) -> list[str] | None:
    """"O VERB-ed by S", the passive, as the active "S VERB-ing O" ("underwriting
    transformed by AI" / "AI transforming underwriting", "charts shaped by TikTok"), or
    None; a past participle only, directly before "by", after what it is done to.

    >>> " ".join(_passive_as_active("underwriting transformed by ai".split()))
    'ai transforming underwriting'
    >>> _passive_as_active("death by a thousand cut".split()) is None
    True
    """
    at = next((at for at in range(1, len(words) - 2) if words[at + 1] == "by"), 0)
    if not at or words[0] in _STOP or words[at - 1] in _STOP or words[at + 2] in _STOP or \
            not words[at].endswith(("ed", "en", "wn", "ught")) or words[at + 2][0].isdigit():
        return None
    bases = [base for base in _lemmas(words[at], "VERB") if base != words[at]]
    participle = _present_participle(bases[0]) if bases else None
    if not participle:
        return None
    return words[at + 2:] + [participle] + words[:at]


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


def _progressive_as_simple(words: list[str]) -> list[str] | None:
    """A headline "S are VERB-ing O" (or "is") of seven words or more as "S VERB O", the
    way a key writes "S VERB O" and "S VERBs O" when the verb is a noun too ("targets are
    shifting attention to embodied carbon" / "targets shift attention to ..."), or None.

    >>> " ".join(_progressive_as_simple("target are shifting attention to embodied carbon".split()))
    'target shift attention to embodied carbon'
    >>> _progressive_as_simple("ai is modelling behaviour".split()) is None
    True
    """
    if len(words) < 7:
        return None  # (shorter, "S VERB O" keys a compound: "AI is modelling behaviour"
        # is no "AI model behaviour", "airlines are piloting AI tools" no airline pilot's)
    for at in range(1, min(len(words) - 2, 6)):
        if words[at] in ("are", "is") and len(words[at + 1]) > 5 and \
                words[at + 1].endswith("ing"):
            base = _lemmas(words[at + 1], "VERB")[:1]
            if base and _lemmas(base[0], "NOUN"):
                return words[:at] + [base[0]] + words[at + 2:]
            return None
    return None


# Words a sentence may drop or add without saying another thing (articles, prepositions,
# auxiliaries and modals, "increasingly"), and the words of a relation whose two sides
# the order tells apart ("demand is outpacing supply", "shift from X to Y"; reviews'
# false joins of a sentence's words in any order).
_SENTENCE_FILLERS = frozenset("""a an the of in on for to and or by with from at as is are
    be been being was were has have had will would can could may might its their it this
    that these those into vs via now increasingly more also than how there which who
    what""".split())
_ONE_WAY = frozenset("""outpacing outpace outpaces than over replacing replace replaces
    versus vs instead""".split())
_SENTENCE = 6  # words from which a name is a sentence (a driving force, a headline)


def sentence_words(words: list[str]) -> str | None:
    """A sentence's content words in their order (two short phrases joined by "and" in
    sorted order), each verb of -ing or -s as its lemma
    ("growth in e-commerce raises demand for faster logistics" / "growth in e-commerce is
    raising demand for faster logistics"; the rules' other forms of a name reorder its
    phrases: "e-commerce growth"), of four content words or more with a finite
    verb, seven without. None for a name of fewer than six words, or one whose order says
    who does what to whom (`_ONE_WAY`, "from ... to"). Past participles are kept
    ("developed" / "developing countries").

    >>> sentence_words("growth in e commerce is raising demand for faster logistics".split())
    'growth e commerce raise demand faster logistics'
    >>> sentence_words("shift of power from employer to worker".split()) is None
    True
    """
    if len(words) < _SENTENCE or _ONE_WAY.intersection(words) or \
            "from" in words and "to" in words:
        return None
    content = [_sentence_lemma(word) for word in _coordinated_in_order(words)
               if word not in _SENTENCE_FILLERS]
    if len(content) < (4 if _finite(words) else 7):
        return None
    # (in their order: in any other, who does what to whom, where and when moves; an
    # attack of 250 traps joined 165 with a bag of words)
    return " ".join(content)


# Words that end a phrase a coordination may swap within
_PHRASE_ENDS = frozenset("""during across among amid after before through against near
    under within without between while but not no""".split())


def _coordinated_in_order(words: list[str]) -> list[str]:
    """The words with two phrases of one or two plain words joined by "and" in sorted
    order ("advances in AI and genomics" / "advances in genomics and AI").

    >>> " ".join(_coordinated_in_order("advance in genomics and ai for diagnosis".split()))
    'advance in ai and genomics for diagnosis'
    """
    def plain(word: str) -> bool:
        return word not in _SENTENCE_FILLERS and word not in _PHRASE_ENDS and \
            _sentence_lemma(word) == word

    def edge(at: int) -> bool:
        return at < 0 or at >= len(words) or words[at] in _SENTENCE_FILLERS or \
            words[at] in _PHRASE_ENDS

    words = list(words)
    for at, word in enumerate(words):
        if word != "and":
            continue
        for size in (2, 1):
            left, right = words[at - size:at], words[at + 1:at + 1 + size]
            if at - size >= 0 and len(right) == size and all(map(plain, left + right)) and \
                    edge(at + 1 + size) and edge(at - size - 1):
                first, second = sorted([left, right])
                words[at - size:at + 1 + size] = first + ["and"] + second
                break
    return words


# Verbs of growth and decline, one word each in a sentence when inflected ("demand for
# batteries is surging" / "... is rising"); not bare, a noun as often ("surge pricing",
# "the fall of Assad"), nor verbs that take an object ("companies drop diversity
# programmes", "prosecutors decline charges", "customers escalate complaints", "mount
# attacks", "retail shrink": an attack's), nor "higher", "lower" ("higher education")
_SENTENCE_TRENDS = {**dict.fromkeys("rise increase grow surge soar climb".split(), "rise"),
                    **dict.fromkeys("fall decrease dwindle plummet".split(), "fall")}


def _sentence_lemma(word: str) -> str:
    if word.endswith("ing") or word.endswith("s") and not word.endswith("ss"):
        verbs = _lemmas(word, "VERB")
        if verbs:
            return _SENTENCE_TRENDS.get(verbs[0], verbs[0])
    return word


_FINITE = frozenset("is are was were has have had will can could may might must".split())


def _finite(words: list[str]) -> bool:
    """Whether a name is a sentence: it has an auxiliary or a verb of the third person
    ("raises"; a key keeps a verb's -s), not a noun phrase ("impact of X on Y", whose
    words in another order say another thing: reviews' traps)."""
    return not _FINITE.isdisjoint(words) or any(
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and
        _lemmas(word, "VERB")[:1] not in ((), (word,)) for word in words)
