"""Resolve: when differently written names are the same thing.

Four layers, from safe to reviewed:

1. `resolution_key` (every build, one name at a time): the identity key made
   lenient to the ways machine-written summaries vary a name: accents,
   punctuation, hyphens, `&`/and, possessives, British spellings, leading
   articles, "X (Y)" (X, with Y kept as an alias), and inflection: each word is
   lemmatised as a noun by lemminflect's lexicon (cellular automata -> cellular
   automaton, crises -> crisis), words the lexicon knows only as verbs or
   adjectives stay as written ("creates"), and an -ics word before another word
   is its adjective (electronics warfare -> electronic warfare). Names with the
   same key, in one entity kind, are one node.
2. `join_keys` (every build, over the whole corpus): keys the corpus gives
   evidence for, joined into one: an acronym and its long form when some name
   writes "Long Form (ACR)" or, for three letters or more, when the initials of
   exactly one long name's content words spell it (two-letter initials never
   join on their own); "X in/of/for Y" and "Y X"; "X and Y" and "Y and X"; "X
   technology" and "X". Only when both names occur; never two long forms through
   one acronym.
3. An analyst's aliases file (`kg build --aliases FILE`, a CSV of
   `same,NAME,NAME` and `never,NAME,NAME` rows), honoured by the build: "same"
   joins two keys, "never" keeps two names apart even when their keys agree.
4. `candidates` (used by `kg resolve`): pairs the build does not join on its own
   (near-identical spellings, spacing, initials it has no evidence for), each with
   a score and its evidence, for a person to review into the aliases file.

>>> resolution_key("Large Language Models (LLMs)") == resolution_key("large language model")
True
>>> resolution_key("El Niño") == resolution_key("El Nino")
True
>>> resolution_key("AI ethics") == resolution_key("AI")
False
>>> join_keys([("technology", "LLMs"), ("keyword", "Large Language Models")])
{'llm': 'large language model'}
"""

from __future__ import annotations

import csv
import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import InputError
from .identity import identity_key

__all__ = ["normal_form", "split_alias", "name_key", "alias_keys", "resolution_key",
           "join_keys", "is_acronym", "AliasTable", "Candidate", "candidates"]

_PAREN_RE = re.compile(r"^(?P<before>[^()]*?)\s*+\((?P<inside>[^()]+)\)\s*+(?P<after>[^()]*)$")
# A name's other name declared in its parenthesis: "X (formerly Twitter)", "Bard (now
# Gemini)", "Cultivated Meat (also known as Lab-Grown Meat)", "(formerly known as X)".
_RENAMED_RE = re.compile(
    r"(?P<marker>(?:(?:formerly|previously|now|originally|also)\s++)?(?:known\s++as|called"
    r"|named|renamed|rebranded\s++as)|formerly|previously|now|aka|a\.k\.a\.)\s++"
    r"(?P<other>\S.*+)", re.IGNORECASE)
# ... a name, not a description: "(known as a chatbot)", "(called The New Oil)",
# "(previously announced)" name nothing (a review's false joins)
_DESCRIPTION_WORDS = frozenset({"a", "an", "the", "one", "part", "new", "some", "its", "their"})
_POSSESSIVE_RE = re.compile(r"['\u2019]s\b")
_SEPARATORS_RE = re.compile(r"[-_/\u2010-\u2015.,:;!?'\"`*+]+")
_OTHER_RE = re.compile(r"[^\w\s]+")
_ACRONYM_PLURAL_RE = re.compile(r"\b([A-Z]{2,})s\b")  # EVs, LLMs, NPCs
_CAPITALS_RE = re.compile(r"\b[A-Z]{2,}S\b")
_VERSUS_RE = re.compile(r"\b(?:versus|vs)\b\.?")
_VERSION_RE = re.compile(r"(?<![\d.])(\d+)\.0(?![\d.])")  # Web 3.0 is Web 3, as Industry 4.0 is Industry 4
# A lone letter or digit joined to the next word: e-commerce, 3-D, I/O, X-ray, l'oeil;
# not one inside a compound ("software-as-a-service": the article a).
_LONE_LETTER_RE = re.compile(r"(?<![-/'\u2019])\b([a-z0-9])[-/'\u2019](?=[a-z0-9])")
# Initials written with full stops: A.I., U.S, e.g. (the letters are the acronym).
_DOTTED_RE = re.compile(r"(?<![\w.])(?:[^\W\d_]\.)+[^\W\d_](?!\w)\.?")
# British spellings, as American (both sides of a comparison get the same key), in one
# pass: -isation, -iour, -our in a few words, -tre. (Not -ise/-ising: "advertising",
# "promise" would change too, and keys show in IRIs; not -elling/-elled, which breame's
# table gives word by word: "travelling" is "traveling", "selling" and "compelling" stay.)
_OUR_WORDS = "lab|col|fav|hon|harb|neighb|rum|hum|flav|vap|vig|od|arm|endeav"
_SPELLING_RE = re.compile(
    r"(?<=\w{3})is(?=ation)"
    r"|(?<=\w)iou(?=r)"
    rf"|\b(?:{_OUR_WORDS})ou(?=r)"
    r"|\b(?:cent|theat|met|fib|lit|calib)re(?=s?\b)")


def _american(match: re.Match) -> str:
    text = match.group(0)
    if text == "is":
        return "iz"
    if text.endswith("ou"):
        return text[:-1] if text == "iou" else text[:-2] + "o"
    return text[:-2] + "er"  # (-tre)


_SPACES_RE = re.compile(r"\s+")
_ARTICLES = frozenset({"the", "a", "an"})
# Words whose final s is not a plural, for words the lexicon does not know, and plurals
# with a meaning of their own in names ("securities law" is no security law, "digital
# humanities" no digital humanity; not "futures", which foresight writes for "future").
_KEEP_S = frozenset("""news series species means analytics bias gas lens atlas canvas chaos
status campus virus census consensus corpus focus bonus nexus plus minus radius stimulus
apparatus always perhaps afterwards whereas this its his hers ours yours glasses
securities humanities goods savings earnings manners premises headquarters proceeds
belongings surroundings outskirts
devops mlops secops finops aiops dataops llmops macos ipados watchos tvos visionos chromeos""".split())


@functools.lru_cache(maxsize=1 << 16)
def _lemmas(word: str, pos: str) -> tuple[str, ...]:
    """The lemmas lemminflect's lexicon gives a word as one part of speech ("NOUN",
    "VERB", "ADJ", "ADV"); () for a word it does not know so.

    >>> _lemmas("crises", "NOUN"), _lemmas("creates", "NOUN"), _lemmas("creates", "VERB")
    (('crisis',), (), ('create',))
    """
    import lemminflect

    return lemminflect.getAllLemmas(word, pos).get(pos, ())


def load_lexicons() -> None:
    """Load the lexicons now: called before worker processes fork, they share one copy
    instead of each loading its own (a quarter of a second each)."""
    _lemmas("lexicons", "NOUN")
    american("colour")


def _known_word(word: str) -> bool:
    return any(_lemmas(word, pos) for pos in ("NOUN", "VERB", "ADJ", "ADV"))


@functools.lru_cache(maxsize=4096)
def _ics_adjective(word: str) -> bool:
    """Whether an -ics word has an adjective -ic that is not a noun of its own: robotics
    and robotic, dynamics and dynamic are one idea; ethics and an ethic, physics and
    physic are not."""
    if len(word) <= 5 or not word.endswith("ics"):
        return False
    return bool(_lemmas(word[:-1], "ADJ")) and not _lemmas(word[:-1], "NOUN")


# Function words written two ways.
_VARIANTS = {"towards": "toward", "amongst": "among", "whilst": "while", "upon": "on",
             "versus": "vs"}
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d"})


@functools.lru_cache(maxsize=1 << 15)
def american(word: str) -> str:
    """A word in American spelling (breame's table of British and American spellings).

    >>> [american(w) for w in ("defence", "programme", "grey", "analysis")]
    ['defense', 'program', 'gray', 'analysis']
    """
    from breame.spelling import BRITISH_ENGLISH_SPELLINGS as spellings

    found = spellings.get(word) or _MORE_BRITISH.get(word)
    if found is None and word.endswith(("elling", "elled", "eller", "ellers")):
        # the table's word after a prefix: mislabelled, relabelling, biofuelled
        found = next((prefix + spellings.get(rest, _MORE_BRITISH.get(rest, rest))
                      for prefix in _PREFIXES if word.startswith(prefix)
                      for rest in (word[len(prefix):],)
                      if rest in spellings or rest in _MORE_BRITISH), None)
    return found or word


# British spellings breame's table lacks, common in the genre ("AI-fuelled growth")
_MORE_BRITISH = {"fuelled": "fueled", "fuelling": "fueling", "enrolment": "enrollment",
                 "skilful": "skillful", "wilful": "willful", "totalled": "totaled",
                 "totalling": "totaling"}
_PREFIXES = ("un", "mis", "re", "eco", "geo", "bio", "pre", "over", "under", "de", "non",
             "co", "auto", "self")


@functools.lru_cache(maxsize=1 << 15)
def lemma(word: str, last: bool = True) -> str:
    """A word of a name as its key has it: the noun lemma the lexicon (lemminflect) gives;
    a verb form only when its lemma is also a noun ("designs", "researches"), else the
    word as written ("creates", "generated"); a conservative plural rule for words the
    lexicon does not know; before another word, an -ics noun becomes its adjective.

    >>> [lemma(w) for w in ("automata", "crises", "data", "media", "creates", "llms")]
    ['automaton', 'crisis', 'data', 'media', 'creates', 'llm']
    >>> [lemma(w) for w in ("designs", "researches", "means", "towards")]
    ['design', 'research', 'means', 'toward']
    >>> lemma("electronics", last=False), lemma("electronics"), lemma("physics")
    ('electronic', 'electronics', 'physics')
    >>> lemma("algorithmically"), lemma("digitally"), lemma("rally")
    ('algorithmic', 'digital', 'rally')
    """
    if word in _VARIANTS:
        return _VARIANTS[word]
    if not word.isalpha() or len(word) <= 2 or word in _KEEP_S:
        return word
    if not last and _ics_adjective(word):
        return word[:-1]  # electronics warfare -> electronic warfare
    nouns = _lemmas(word, "NOUN")
    if nouns:
        # data, media: nouns that are their own lemma; designs: the singular first.
        return word if word in nouns and not word.endswith("s") else nouns[0]
    if len(word) > 6 and word.endswith("ally"):  # an adverb as its adjective (no noun)
        for adjective in (word[:-2], word[:-4] if word.endswith("ically") else ""):
            if adjective and _lemmas(adjective, "ADJ"):
                return adjective  # digitally -> digital, algorithmically -> algorithmic
    for pos in ("VERB", "ADJ", "ADV"):
        lemmas = _lemmas(word, pos)
        if lemmas:  # "researches" is the noun "research"; "creates" stays a verb
            base = lemmas[0]
            return base if pos == "VERB" and word.endswith("s") and _lemmas(base, "NOUN") \
                else word
    # a word WordNet knows (kg/lexicon/noun-lemmas.csv) the plural rule would misread
    known = _noun_lemmas()
    if word in known:
        return word  # christmas, siemens
    if word.endswith("ies") and word[:-3] + "ie" in known:
        return word[:-3] + "ie"  # calories
    if word.endswith("oes") and word[:-2] in known:
        return word[:-2]  # superheroes
    if word.endswith("is") and word[:-1] in known:
        return word[:-1]  # emojis (the rule keeps -is: crisis)
    return plural_rule(word)


def plural_rule(word: str) -> str:
    """The singular of a word the lexicon does not know, by its ending (conservative).

    >>> [plural_rule(w) for w in ("chatbots", "cryptocurrencies", "boxes", "saas", "bus")]
    ['chatbot', 'cryptocurrency', 'box', 'saas', 'bus']
    """
    # (SaaS, PaaS: "as a service" names are no plurals)
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "aas")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    return word[:-1]  # chatbots, deepfakes, nfts


@functools.lru_cache(maxsize=1)
def _noun_lemmas() -> frozenset[str]:
    """kg/lexicon/noun-lemmas.csv's nouns (read as written: `lemma` reads them, so they
    are not normalised by it)."""
    return frozenset(noun for noun, in _lexicon_rows("noun-lemmas.csv"))


@functools.lru_cache(maxsize=1 << 16)  # names recur across articles; workers keep their own
def normal_form(label: str) -> str:
    """The lenient form of a name: identity key, accents and punctuation dropped, `&`
    as "and", possessive 's and leading articles dropped, every word lemmatised.

    >>> normal_form("Coca-Cola’s  AR/VR Headsets & Tools")
    'coca cola ar vr headset and tool'
    >>> normal_form("EVs"), normal_form("Decarbonisation"), normal_form("The Data centres")
    ('ev', 'decarbonization', 'data center')
    >>> normal_form("AIDS"), normal_form("BRICS nations"), normal_form("NEW TOOLS FOR CHIPS")
    ('aids', 'brics nation', 'new tool for chip')
    >>> normal_form("HIV/AIDS"), normal_form("GENERATIVE AI AND LLMS")
    ('hiv aids', 'generative ai and llm')
    >>> normal_form("A technique that creates garments")
    'technique that creates garment'
    """
    if "." in label:
        label = _DOTTED_RE.sub(lambda dotted: dotted.group(0).replace(".", ""), label)
    # (the plural of an acronym: "EVs", and in capitals "EVS" of the table's EV)
    label = _CAPITALS_RE.sub(_acronym_plural, _ACRONYM_PLURAL_RE.sub(r"\1", label))
    # (an acronym written in capitals is no plural: "AIDS", "SARS", "BRICS nations", when
    # the table lists it or the lexicon does not know the word: "Digital TWINS" are twins)
    acronyms = {word.lower() for word in _CAPITALS_RE.findall(label)
                if word.lower() in _table_acronyms() or not _lemmas(word.lower(), "NOUN")}
    text = identity_key(label)
    if not text.isascii():  # drop accents and ligatures: El Niño -> el nino, œil -> oeil
        text = "".join(c for c in unicodedata.normalize("NFKD", text.translate(_LIGATURES))
                       if not unicodedata.combining(c))
    text = _SPELLING_RE.sub(_american, _LONE_LETTER_RE.sub(r"\1", _VERSION_RE.sub(r"\1", text)))
    text = _VERSUS_RE.sub(" vs ", _POSSESSIVE_RE.sub("", text).replace("&", " and "))
    text = _OTHER_RE.sub(" ", _SEPARATORS_RE.sub(" ", text))
    words = [word for word in _SPACES_RE.sub(" ", text).strip().split(" ") if word]
    while len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    words = _century_numbers(words)
    return " ".join(word if word in acronyms else american(lemma(word, i == len(words) - 1))
                    for i, word in enumerate(words))


def _acronym_plural(match: re.Match) -> str:
    word = match[0]
    table = _table_acronyms()
    return word[:-1] if word[:-1].lower() in table and word.lower() not in table else word


@functools.cache
def _table_acronyms() -> frozenset[str]:
    """The acronyms of abbreviations.csv as written, lower-cased (read without keying
    them, which needs `normal_form`)."""
    return frozenset(short.lower() for short, _ in _lexicon_rows("abbreviations.csv")
                     if is_acronym(short))


def _ordinal(number: int) -> str:
    teen = 10 <= number % 100 <= 13
    return f"{number}{'th' if teen else {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


_ORDINALS = {word: number for number, word in enumerate("""first second third fourth fifth
    sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth
    sixteenth seventeenth eighteenth nineteenth twentieth""".split(), 1)}


def _century_numbers(words: list[str]) -> list[str]:
    """A century spelled out as its number, as names also write it: "nineteenth century"
    and "twenty first century" as "19th century", "21st century".

    >>> _century_numbers("revival of twenty first century craft".split())
    ['revival', 'of', '21st', 'century', 'craft']
    >>> " ".join(_century_numbers("nineteenth centuries and first person".split()))
    '19th centuries and first person'
    """
    found: list[str] = []
    for i, word in enumerate(words):
        if word not in _ORDINALS or i + 1 == len(words) or \
                words[i + 1] not in ("century", "centuries"):
            found.append(word)
        elif found[-1:] == ["twenty"] and _ORDINALS[word] < 10:
            found[-1] = _ordinal(20 + _ORDINALS[word])
        else:
            found.append(_ordinal(_ORDINALS[word]))
    return found


@functools.lru_cache(maxsize=1 << 16)
def split_alias(label: str) -> tuple[str, str | None]:
    """("X Z", "Y Z") for "X (Y) Z": the name and the alias in parentheses (its other
    name after "formerly", "now", "also known as"...); (label, None) when there is no
    single parenthesis.

    >>> split_alias("First-Person View (FPV) Drones")
    ('First-Person View Drones', 'FPV Drones')
    >>> split_alias("Artificial Intelligence (AI)")
    ('Artificial Intelligence', 'AI')
    >>> split_alias("X (formerly Twitter)")
    ('X', 'Twitter')
    """
    match = _PAREN_RE.match(label.strip())
    if not match or not match["before"].strip():
        return label, None
    after = match["after"].strip()
    name = f"{match['before'].strip()} {after}".strip()
    inside = match["inside"].strip()
    renamed = _RENAMED_RE.fullmatch(inside)
    alias = f"{renamed['other'] if renamed else inside} {after}".strip()
    return name, alias


def _renamed(label: str) -> bool:
    """Whether a name declares its other name in its parenthesis ("X (formerly Twitter)"),
    which is the same thing: a name written with a capital, not an acronym (those join
    on their letters), not a description ("(known as a chatbot)").

    >>> [_renamed(n) for n in ("X (formerly Twitter)", "Cloud Gaming (now mainstream)",
    ...                        "ChatGPT (known as a Chatbot)", "Generative AI (also called AI)")]
    [True, False, False, False]
    """
    match = _PAREN_RE.match(label.strip())
    if not match or not match["before"].strip() or match["after"].strip():
        return False
    renamed = _RENAMED_RE.fullmatch(match["inside"].strip())
    if not renamed:
        return False
    other = renamed["other"]
    first = other.split()[0]
    # (a word in lower case too, "Mpox (formerly monkeypox)", but no participle or adverb,
    # and never after "now" alone: "(now mainstream)")
    named = first[0].isupper() or first[0].isdigit() or \
        " " not in other and not other.endswith(("ed", "ing", "ly")) and \
        renamed["marker"].lower() != "now"
    return named and not is_acronym(other) and first.lower() not in _DESCRIPTION_WORDS


def name_key(label: str) -> str:
    """The normal form of a name without its alias in parentheses: what entities are
    looked up by (skos:hiddenLabel) and, unless an aliases file says otherwise, keyed by.

    >>> name_key("  Large Language Models (LLMs) ")
    'large language model'
    """
    return normal_form(split_alias(label)[0])


def resolution_key(label: str, aliases: "AliasTable | None" = None) -> str:
    """The key under which names are one entity (within one kind), one name at a time;
    the corpus may then join keys (`join_keys`)."""
    if aliases is not None and aliases.never:
        kept = aliases.kept_apart(label)
        if kept is not None:
            return kept
    key = name_key(label) or identity_key(label) or label
    return aliases.canonical(key) if aliases is not None else key


def _aliases(label: str) -> list[str]:
    _, alias = split_alias(label)
    return [alias] if alias else []


def alias_keys(label: str) -> list[str]:
    """Other keys a name can be looked up by: its alias in parentheses, if any.

    >>> alias_keys("Generative AI (Gen AI)")
    ['gen ai']
    """
    _, alias = split_alias(label)
    key = normal_form(alias) if alias else ""
    return [key] if key else []


# ---- evidence across the corpus --------------------------------------------------------

_STOP = frozenset({"of", "and", "the", "for", "in", "on", "to", "with", "a", "an", "by", "at"})
_ORDER_WORDS = frozenset({"in", "of", "for", "to", "on", "among", "about", "over", "around",
                          "by", "at"})
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
    radiation""".split())
# ... but not "X at" these: "AI at scale" is not Scale AI, "life at sea" not sea life
_NOT_AFTER_AT = frozenset({"scale", "risk", "rest", "war", "night", "sea", "home", "large"})
# Who acts, by name or ending: after "attacks on", an attacker (`_attacker`).
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant")
_AGENTS = frozenset("""government state company corporation firm business platform brand
    country nation people public student parent agent police military employee worker
    migrant refugee woman man child youth""".split())


def _concept_acronym(words: list[str]) -> bool:
    """Whether `words` are one acronym of kg's table that names no institution."""
    return len(words) == 1 and words[0] in lexicon().acronyms and \
        words[0] not in _INSTITUTIONS


# Attacks on someone or something that attacks ("attacks on drones" are no drone
# attacks; "attacks on hospitals" are hospital attacks).
_ASSAULTS = frozenset({"attack", "cyberattack", "strike", "airstrike", "raid", "assault"})
_WEAPONS = frozenset("""drone missile rocket robot bot ai ransomware malware virus shark dog
    bear wolf militia army troop terrorist""".split())


def _attacker(word: str) -> bool:
    return word in _WEAPONS or word in _AGENTS or \
        len(word) > 4 and word.endswith(_AGENT_ENDINGS)


def _without_articles(words: list[str]) -> list[str]:
    """The words without the articles they start with (the last word stays)."""
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return words


_PREPOSITIONS = frozenset({"in", "of", "for", "on", "to", "with", "at"})
# Names of more words than this are sentences (driving forces run to about 30): they
# join other names by their keys only, never by variants or acronyms spelled out inside
# them (whose forms grow with the square of a name's length: a crafted name of thousands
# of words took gigabytes).
_LONGEST_NAME = 40
_LONGEST_TYPO_NAME = 16  # ... and names of more words than this are not searched for typos


def _acronym_token(word: str) -> bool:
    """Whether a word is ASCII letters with two capitals or more ("LLMs", "IoT", "GenAI").
    (Not a regular expression: `[A-Za-z]*[A-Z][A-Za-z]*[A-Z]...$` backtracked cubically on a
    long word of capitals that does not end in a letter.)

    >>> [_acronym_token(w) for w in ("LLMs", "IoT", "Meta", "A" * 500 + "1")]
    [True, True, False, False]
    """
    return word.isascii() and word.isalpha() and sum(1 for c in word if c.isupper()) >= 2


def is_acronym(label: str) -> bool:
    """Whether a name is an acronym, or acronyms joined ("LLMs", "IoT", "GenAI", "AR/VR"):
    at most two short words, each with two capitals or more. (A short form like "Gen AI"
    counts as one where the corpus declares it: "Generative AI (Gen AI)".)

    >>> [is_acronym(n) for n in ("LLMs", "AR/VR", "Gen AI", "AI Bias", "Meta", "NASA", "U.S.")]
    [True, True, False, False, False, True, True]
    """
    # (initials written with full stops, "U.S.", read as the acronym)
    short = _DOTTED_RE.sub(lambda m: m.group(0).replace(".", ""), split_alias(label)[0])
    words = [w for w in re.split(r"[\s/&-]+", short.strip()) if w]
    return 1 <= len(words) <= 2 and sum(len(w) for w in words) <= 8 and \
        all(_acronym_token(w) for w in words)


def initials_of(key: str) -> str:
    """The first letters of a key's content words.

    >>> initials_of("internet of thing")
    'it'
    """
    return "".join(word[0] for word in key.split() if word not in _STOP)


def abbreviation_spans(short: str, long: str) -> list[tuple[str, str]] | None:
    """How `short` (a key) abbreviates `long`: each of its words with the run of long
    words it stands for, reading its letters, in order, as prefixes of each of `long`'s
    content words (small words may give letters too); None when it does not.

    >>> abbreviation_spans("gen ai", "generative artificial intelligence")
    [('gen', 'generative'), ('ai', 'artificial intelligence')]
    >>> abbreviation_spans("llm", "large language model"), abbreviation_spans("tv", "adolescence")
    ([('llm', 'large language model')], None)
    """
    letters = short.replace(" ", "")
    words = long.split()
    if not letters or not words or len(letters) > 3 * len(long) or \
            len(words) > _LONGEST_NAME:  # (match recurses once per word)
        return None
    # Where each of short's words ends, in its letters.
    ends, at = set(), 0
    for word in short.split():
        at += len(word)
        ends.add(at)

    @functools.lru_cache(maxsize=None)
    def match(i: int, j: int) -> tuple | None:
        """The long-word index where each letter run starts, from letter i and word j."""
        if j == len(words):
            return () if i == len(letters) else None
        word = words[j]
        if word in _STOP:
            rest = match(i, j + 1)
            if rest is not None:
                return rest
        k = 0
        while i + k < len(letters) and k < len(word) and letters[i + k] == word[k]:
            k += 1
            rest = match(i + k, j + 1)
            if rest is not None:
                return ((i, j),) + rest
        return None

    starts = match(0, 0)
    if starts is None:
        return None
    spans, first_word, letter = [], 0, 0
    for word in short.split():  # the long words whose letters fall in this short word
        end = letter + len(word)
        covering = [j for i, j in starts if letter <= i < end]
        if not covering:
            return None
        last = max(covering)
        spans.append((word, " ".join(words[first_word:last + 1])))
        first_word, letter = last + 1, end
    return spans


def abbreviates(short: str, long: str) -> bool:
    """Whether `short` (a key) can be read as an abbreviation of `long`.

    >>> abbreviates("gen ai", "generative ai"), abbreviates("ar vr", "augmented reality virtual reality")
    (True, True)
    >>> abbreviates("tv series", "adolescence")
    False
    """
    return abbreviation_spans(short, long) is not None


# -ing words that name a kind, not an action, before a noun: "developing countries" are
# not the development of countries, an "operating system" is not a system's operation.
_PARTICIPLE_ADJECTIVES = frozenset("""developing operating leading emerging existing remaining
competing underlying living working following missing""".split())
# -ing words that name an activity or a trade before what serves it: "boarding schools"
# are no school boards, "shipping containers" no container ships, "farming robots" no
# robot farms (the verb's bare noun is a thing of its own)
_ACTIVITY_NOUNS = frozenset("""shipping mining banking farming fishing trading gaming
    parking charging printing computing manufacturing cooling heating boarding coaching
    consulting plumbing lighting housing building clothing lending streaming publishing
    advertising marketing training testing hunting logging dining nursing catering
    welding drilling fracking camping sailing shopping cycling swimming running
    engineering programming accounting""".split())


@functools.lru_cache(maxsize=4096)
def _gerund_nouns(word: str) -> tuple[str, ...]:
    """The nouns of a leading -ing word the lexicon knows: the verb's lemma when that is
    also a noun ("declining" -> "decline"), and its nominalisations ("regulating" ->
    "regulation", "combining" -> "combine", "combination"); none for an -ing word that
    is a noun of its own ("marketing" is not "market").

    >>> [_gerund_nouns(w) for w in ("declining", "regulating", "combining", "marketing",
    ...                             "developing")]
    [('decline', 'declination'), ('regulation',), ('combine', 'combination'), (), ()]
    """
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
    stem = verb[:-1] if verb.endswith("e") else verb
    forms = (verb, stem + "ion", stem + "ation", stem + "tion", verb + "ment", verb + "th",
             verb[:-3] + "ization" if verb.endswith("ize") else "",
             verb[:-1] + "ication" if verb.endswith("fy") else "")
    return tuple(dict.fromkeys(
        noun for noun in forms
        if noun and noun not in _OTHER_NOUNS and _lemmas(noun, "NOUN")[:1] == (noun,)))


# Nouns spelled as a verb's nominalisation that name another thing: "governing AI" is
# AI governance, not an AI government (a review's false join).
_OTHER_NOUNS = frozenset({"government"})


def _e_prefixed(word: str) -> str | None:
    """The noun after an "e-" prefix the lexicon does not know as one word ("ebike" ->
    "bike", "ewaste" -> "waste"); None for a word of its own ("event", "email").

    >>> _e_prefixed("ebike"), _e_prefixed("ewaste"), _e_prefixed("event"), _e_prefixed("energy")
    ('bike', 'waste', None, None)
    """
    if len(word) < 5 or word[0] != "e" or _known_word(word):
        return None
    return word[1:] if _lemmas(word[1:], "NOUN") else None


# Adjective endings and the endings of the nouns they are made from, for "political
# polarization" / "polarization in politics": (adjective ending, noun endings).
# (Not -ive, -ent or -ic alone: executive order is no order of execution, current value
# no value of the currency, organic waste no waste of organs.)
_ADJECTIVE_NOUN_ENDINGS = (
    ("ical", ("ics", "y")), ("tic", ("cy", "ty")), ("thmic", ("thm",)), ("ic", ("y",)),
    ("etal", ("ety",)),
    ("ial", ("y", "e", "")), ("al", ("", "e")), ("ant", ("ance",)), ("able", ("ability",)),
    ("ible", ("ibility",)), ("ian", ("ia", "e")), ("an", ("a", "", "as")), ("ese", ("",)),
)


# Endings of the adjectives of peoples and places, which meet a reordered name only
# when it was "X of Y" or "X in Y" ("Ukrainian National Guard" / "National Guard of
# Ukraine", "Indian elections" / "elections in India"): not "on", "to", nor after people
# who move or act and what a people does to others (`_MOVERS`: "Ukrainian refugees" are
# no refugees in Ukraine, "Russian cyberattacks" no cyberattacks on Russia, "Japanese
# investment" no investment in Japan, "Russian invasion" no invasion of Russia; two
# reviews' false joins).
_PEOPLE_ENDINGS = ("an", "ese", "ish")
_OF_PLACE = " (of a place)"
# What is done to someone or something, whose adjective names who does it: "presidential
# pressure" is no pressure on the president, "parliamentary scrutiny" no scrutiny of
# parliament (a review's false joins); met by no adjective, a people's neither.
_DIRECTED = frozenset("""
    pressure attack criticism support threat scrutiny oversight control influence demand
    pardon endorsement protest
""".split())
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


# Adjectives whose first meaning today is a quality, not "of the noun they come from",
# which meet only a name of "of" (marked " (of)"): "natural laws" are the laws of
# nature, but "physical AI" is no AI in physics, "natural experiments" no experiments in
# nature, "physical education" no education in physics (a review's traps).
_OF_ONLY = " (of)"
_QUALITY_ADJECTIVES = frozenset("""physical natural classical critical original normal formal
    central digital general special typical radical practical technical logical vertical
    virtual actual total final rational functional conditional""".split())


def _adjective_nouns(word: str) -> list[str]:
    """The nouns an adjective may be made from, by its ending; which one, if any, is
    decided by the corpus (a name using it), so the list may hold non-words. (Not the
    noun of adjective-nouns.csv: against a reordered name a review found it reads who
    acts as who is acted on, "parliamentary scrutiny" / "scrutiny of parliament".)

    >>> _adjective_nouns("political"), _adjective_nouns("ukrainian")
    (['politics', 'polity'], ['ukrainia', 'ukraine'])
    """
    for ending, nouns in _ADJECTIVE_NOUN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return [word[:-len(ending)] + noun for noun in nouns]
    return []


_MAKER_PRODUCT_RE = re.compile(r"([A-Z][A-Za-z0-9]*+)['\u2019]s\s++([A-Za-z0-9]++)")


def _maker_product(label: str) -> str | None:
    """The product of "Maker's Product" when the product is a name of mixed case, as
    products write themselves ("OpenAI's ChatGPT", "Apple's iPhone", "Google's DeepMind"):
    the maker adds nothing. (Not "Apple's Struggles", nor a product of a common word:
    "Apple's Watch".)

    >>> [_maker_product(n) for n in ("OpenAI's ChatGPT", "Apple's iPhone", "Apple's Watch",
    ...                              "Google's AI Search", "NASA's JWST")]
    ['ChatGPT', 'iPhone', None, None, None]
    """
    match = _MAKER_PRODUCT_RE.fullmatch(label.strip())
    if not match:
        return None
    product = match[2]
    mixed = any(c.isupper() for c in product[1:]) and any(c.islower() for c in product)
    return product if mixed else None


# A person's office before their name: "Prime Minister Narendra Modi" is Narendra Modi.
# (Not kings, queens, princes or saints, whose titles name places and ships: "Prince
# Edward Island", "Queen Mary University"; nor "General": "General Electric Company";
# nor doctors and professors, namesakes of the famous: "Professor Brian Cox".)
_TITLE_RE = re.compile(r"""(?:(?:Deputy|Vice|Former|Acting|U\.?S\.?|US|UK)\s++)?
    (?:President|Prime\s++Minister|Chancellor|Senator|Sen\.|Governor|Gov\.|Mayor|Minister
    |Secretary|Premier|Congressman|Congresswoman|Representative|Rep\.|CEO|Chairman
    |Chairwoman|Ambassador|Commissioner)\s++(?P<name>.+)""", re.VERBOSE)
_NAME_PARTICLES = frozenset("von van der den de da di du del la le bin al".split())
_NAME_PART_RE = re.compile(r"[^\W\d_]++(?:-[^\W\d_]++)?")


def _capitalised(word: str) -> bool:  # ("O'Rourke", "Jean-Luc"; not "Scholz's", "US")
    bare = word.replace("'", "")
    return bare[:1].isupper() and bare[1:].lower() != bare[1:].upper() and \
        not bare[1:].isupper() and not word.endswith("'s") and \
        _NAME_PART_RE.fullmatch(bare) is not None


def _titled_person(label: str) -> str | None:
    """The name after a person's office, of two words or more, each capitalised (or a
    particle: von, de, bin...), none after the first a word of the lexicon ("CEO Pay
    Gap", "Premier League Football", "Governor Nelson State Park" are no people).

    >>> [_titled_person(n) for n in ("Prime Minister Narendra Modi", "Mayor Eric Adams",
    ...  "President Biden", "President of France", "Ursula von der Leyen", "Dr. Martens",
    ...  "Chancellor Olaf Scholz's Coalition", "Commissioner Ursula von der Leyen",
    ...  "Secretary General António Guterres", "Senator Beto O'Rourke", "CEO Pay Gap")]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Narendra Modi', 'Eric Adams', None, None, None, None, None, 'Ursula von der Leyen',
     None, "Beto O'Rourke", None]
    """
    match = _TITLE_RE.fullmatch(label.strip())
    if not match:
        return None
    words = match["name"].split()
    named = len(words) >= 2 and words[0] != "General" and words[-1] not in _NAME_PARTICLES and all(
        word in _NAME_PARTICLES or _capitalised(word.replace("\u2019", "'")) and
        (at == 0 or not _known_word(normal_form(word))) for at, word in enumerate(words))
    return match["name"] if named else None


# A law's name after the initials of its country or union: "US Inflation Reduction Act"
# is the Inflation Reduction Act.
_LAW_RE = re.compile(r"(?:[Tt]he\s++)?(?:US|U\.S\.|UK|U\.K\.|EU|E\.U\.)\s++(?P<law>"
                     r"(?:[A-Z][\w-]*+\s++){1,6}(?:Act|Directive|Regulation))")


def _law(label: str) -> str | None:
    """The name of a law after its country's or union's initials.

    >>> _law("US Inflation Reduction Act"), _law("EU AI Act"), _law("EU Act")
    ('Inflation Reduction Act', 'AI Act', None)
    """
    match = _LAW_RE.fullmatch(label.strip())
    return match["law"] if match else None


def _mostly_same_words(first: str, second: str) -> bool:
    """Whether at least half the content words of the shorter of two keys are in the
    other (a word meets another it begins, or that shares its first five letters:
    "math" / "mathematics", "geographical" / "geographic").

    >>> _mostly_same_words("small and medium enterprise", "small and medium sized enterprise")
    True
    >>> _mostly_same_words("enterprise value", "electric vehicle")
    False
    """
    def meets(word: str, other: str) -> bool:
        return word.startswith(other) or other.startswith(word) or word[:5] == other[:5]

    words, others = ([w for w in key.split() if w not in _STOP] for key in (first, second))
    shorter, longer = sorted((words, others), key=len)
    shared = sum(1 for word in shorter if any(meets(word, other) for other in longer))
    return bool(shorter) and 2 * shared >= len(shorter)


def _coined(word: str) -> bool:
    """Whether a word is no common English noun or adjective (lemminflect's lexicon does
    not know it), or is short enough to be an acronym's key: "blockchain", "lidar", "ai".

    >>> [_coined(w) for w in ("blockchain", "ai", "health", "space")]
    [True, True, False, False]
    """
    return len(word) <= 3 or not (_lemmas(word, "NOUN") or _lemmas(word, "ADJ"))


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


def _fixed_name(words: list[str]) -> bool:
    """Whether the words begin with a name of kg/lexicon/fixed-names.csv, a thing of its
    own whose first word reads like a people's adjective ("American football" is no
    football in America, "Siamese twins" no twins in Siam).

    >>> _fixed_name("american football league".split()), _fixed_name("indian election".split())
    (True, False)
    """
    names = lexicon().fixed_names
    return words[0].endswith(_PEOPLE_ENDINGS) and \
        any(" ".join(words[:size]) in names for size in range(2, len(words) + 1))


def _loose(key: str) -> str:
    """A key with every -ics word as its adjective, where that is one idea, and the
    learned adjectives in -ical as in -ic ("hydrological" / "hydrologic")."""
    if "ical" in key:
        key = _LEARNED_ICAL_RE.sub(r"\1ic", key)
    return " ".join(word[:-1] if _ics_adjective(word) else word for word in key.split())


# (not every -ical: economical, historical, classical, political are other words)
# (nor "biological": biologicals are farm inputs, biologics drugs; a review's false joins)
_LEARNED_ICAL_RE = re.compile(r"\B(?<!bi)(olog|ograph|ometr)ical\b")


# Last words that add nothing to a name: "blockchain technology" is blockchain; after
# one word only a coined one or an acronym (`_coined`: "health technology" is no health,
# "climate tech" no climate: a review's false joins).
# (Not a company's legal form: a review found "News Corp" / "news", "Visa Inc." / "visas",
# "National Grid plc" / "national grid".)
_GENERIC_LAST_WORDS = frozenset({"technology"})
# ... and these after two words or more ("thermal energy storage system", "urban heat
# island effect"; not "solar system", which is not solar, nor the named effects of one
# word, greenhouse, network, placebo, ripple).
# ("gene editing techniques" / "gene editing"; not approach, process, practice, solution:
# a review found "climate change solutions", "Middle East peace process", "ethical AI
# practices", "public health approach" are other things than the name before them.)
_GENERIC_LAST_WORDS_AFTER_TWO = frozenset({"system", "service", "technique", "method",
                                           "concept", "phenomenon", "effect"})
# Last words of a worry that say the same of it: "data privacy risks" / "... concerns"
# (not "problem": a review found the named problems of maths and AI, "AI control
# problem", and addiction, "gambling problems").
_CONCERN_WORDS = frozenset({"risk", "concern", "issue"})
# Second words that add nothing (written after a hyphen): "heat-related deaths" are heat
# deaths, "AI-driven tools" AI tools; "generated" only after AI and before what is made
# to be seen or heard ("AI-generated art" is AI art; not "AI-generated research",
# "user-generated data", "computer-generated music", "AI-generated films": AI films are
# about AI; reviews' false joins).
_LINK_WORDS = frozenset({"related", "driven", "based", "powered", "enabled"})
_PLURAL_RE = re.compile(r"[a-z]+s\b")
_MEDIA = frozenset({"art", "artwork", "image", "imagery", "video", "music", "content", "text",
                    "audio", "voice", "photo", "picture"})
# Numbers written as words, read as digits before a unit of time ("Twenty-Minute City" /
# "20-Minute City"); not elsewhere: "Air Force One", "Apple One", "Three-Body Problem".
_NUMBER_WORDS = {word: number for number, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())} | \
    {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100}
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
# Words of a tie between two parties, whose order says nothing ("US-China relations" /
# "China-US relations", "public-private partnership" / "private-public partnership").
_TIE_WORDS = frozenset({"relation", "relationship", "partnership", "collaboration",
                        "cooperation", "rivalry", "tension", "alliance", "dialogue"})


# A first word saying a thing grows or shrinks, before a phrase of two words or more
# ("Increasing Middle Manager Burnout" / "Rising ..."): one wording each. Not before one
# word ("rising powers", "increasing returns", "growing cannabis" are other things), nor
# before a preposition or particle ("growing up online", "falling in older adults"), nor
# in the fixed phrases of `_TREND_PHRASES`; not "falling" nor "mounting" (a review found
# "falling space debris" is no decline).
_TREND_WORDS = {"increasing": "rising", "increased": "rising", "growing": "rising",
                "surging": "rising", "escalating": "rising", "soaring": "rising",
                "skyrocketing": "rising", "declining": "declining", "shrinking": "declining",
                "diminishing": "declining"}
# "Booming" before what an economy measures only ("booming creator economy"; not rising
# stars, booming artillery or bird calls: a review's false joins)
_BOOMING = frozenset("""market sector industry economy demand sale export import investment
    price stock installation business trade tourism""".split())
# ... and the words of growth with no other sense, also before one word
_ONLY_TREND_WORDS = {"skyrocketing": "rising"}
_TREND_PHRASES = frozenset({("growing", "degree"), ("growing", "season"), ("growing", "pain"),
                            ("growing", "medium"), ("growing", "media"), ("rising", "damp"),
                            ("increasing", "return"), ("rising", "star"),
                            ("rising", "power"), ("increased", "power"),
                            ("soaring", "bird"), ("soaring", "flight"), ("soaring", "eagle"),
                            ("escalating", "commitment"), ("diminishing", "return"),
                            ("diminishing", "marginal")})
_PARTICLES = _STOP | {"up", "out", "behind", "apart", "away", "back", "into", "from"}
# "Town of Viganella" is Viganella, when the place's name is no English word ("Village
# of Longevity", "Town of Books" are other things; the City of London is not London, the
# Municipality of Amsterdam is its government).
_PLACE_WORDS = frozenset({"town", "village", "hamlet"})


# "Falling" is "declining" before what is measured ("falling birth rates", "falling
# prices"), not before what falls ("falling space debris").
_MEASURES = frozenset({"rate", "price", "cost", "number", "level", "demand", "sale", "revenue",
                       "income", "wage", "enrollment", "enrolment", "attendance", "trust",
                       "productivity", "value", "yield", "population", "membership",
                       "turnout", "readership", "viewership", "profit", "export", "import"})


def _trend_word(words: list[str]) -> list[str]:
    """The words with a first word of growth or decline as "rising" or "declining",
    when two words or more follow it ("falling" before a measure, `_MEASURES`; "booming"
    before an economy's measure, `_BOOMING`).

    >>> " ".join(_trend_word("increasing middle manager burnout".split()))
    'rising middle manager burnout'
    >>> " ".join(_trend_word("increasing return".split()))
    'increasing return'
    >>> " ".join(_trend_word("growing up online".split()))
    'growing up online'
    >>> " ".join(_trend_word("booming creator economy".split()))
    'rising creator economy'
    """
    at = 1 if words and words[0] in _ARTICLES else 0
    if len(words) - at >= 3 and words[at] == "booming" and words[-1] in _BOOMING:
        return words[:at] + ["rising"] + words[at + 1:]
    if len(words) - at >= 2 and words[at] == "falling" and words[-1] in _MEASURES:
        return words[:at] + ["declining"] + words[at + 1:]
    if len(words) - at == 2 and words[at] in _ONLY_TREND_WORDS:  # ("skyrocketing rents")
        return words[:at] + [_ONLY_TREND_WORDS[words[at]]] + words[at + 1:]
    if len(words) - at >= 3 and words[at] in _TREND_WORDS and words[at + 1] not in _PARTICLES:
        word = _TREND_WORDS[words[at]]
        if not {(words[at], words[at + 1]), (word, words[at + 1])} & _TREND_PHRASES:
            return words[:at] + [word] + words[at + 1:]
    return words


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


def _declared_acronym(label: str) -> tuple[str, str] | None:
    """(acronym, the words before it) for "Words Before (ACR) More words", where the
    words before are two or more and the parenthesis holds one acronym.

    >>> _declared_acronym("Emotional Intelligence (EQ) Enhancement Technologies")
    ('EQ', 'Emotional Intelligence')
    >>> _declared_acronym("Food Export Certification (Thai Select)") is None
    True
    """
    match = _PAREN_RE.match(label.strip())
    if not match or not match["after"].strip():
        return None
    before, inside = match["before"].strip(), match["inside"].strip()
    if len(before.split()) >= 2 and " " not in inside and is_acronym(inside):
        return inside, before
    return None


@dataclass(frozen=True)
class Lexicon:
    """What kg/lexicon says, as keys: each acronym's meanings (abbreviations.csv), each
    other wording of a thing, a word or run of words, with its preferred wording: the
    shortened words of abbreviations.csv ("sci fi": "science fiction") and the synonyms
    of synonyms.csv ("driverless car": "autonomous vehicle"); and the noun each
    adjective of adjective-nouns.csv is made from ("electoral": "election"); the names
    of fixed-names.csv a people's adjective begins ("american football")."""

    acronyms: dict[str, tuple[str, ...]]
    variants: dict[tuple[str, ...], tuple[str, ...]]
    longest: int  # words in the longest variant
    adjective_nouns: dict[str, str]
    fixed_names: frozenset[str]
    whole_names: dict[str, str]  # a whole name's other wording ("burma": "myanmar")


def _lexicon_rows(name: str):
    from importlib import resources

    text = resources.files("kg").joinpath("lexicon", name).read_text("utf-8")
    rows = csv.reader(line for line in text.splitlines() if not line.startswith("#"))
    next(rows)  # (the header)
    return (row for row in rows if row)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped tables of abbreviations and synonyms (see their headers).

    >>> lexicon().acronyms["ev"], lexicon().variants[("sci", "fi")]
    (('electric vehicle',), ('science', 'fiction'))
    >>> lexicon().variants[("driverless", "car")]
    ('autonomous', 'vehicle')
    """
    acronyms: dict[str, list[str]] = defaultdict(list)
    variants: dict[tuple[str, ...], tuple[str, ...]] = {}
    for short, long in _lexicon_rows("abbreviations.csv"):
        if is_acronym(short):
            acronyms[name_key(short)].append(name_key(long))
        else:
            variants[tuple(name_key(short).split())] = tuple(name_key(long).split())
    whole_names: dict[str, str] = {}
    for variant, preferred in _lexicon_rows("synonyms.csv"):
        if variant.startswith("="):  # (a whole name only: "=burma,myanmar")
            whole_names[name_key(variant[1:])] = name_key(preferred)
        else:
            variants[tuple(name_key(variant).split())] = tuple(name_key(preferred).split())
    adjective_nouns = {name_key(adjective): name_key(noun)  # (as names' keys write them)
                       for adjective, noun in _lexicon_rows("adjective-nouns.csv")}
    fixed_names = frozenset(name for name, in _lexicon_rows("fixed-names.csv"))  # (keys)
    return Lexicon({short: tuple(longs) for short, longs in acronyms.items()}, variants,
                   max(len(variant) for variant in variants), adjective_nouns, fixed_names,
                   whole_names)


def _lengthened(words: list[str]) -> list[str]:
    """The words with each variant of the lexicon (a shortened word, a synonym; the
    longest run first) as its preferred wording.

    >>> _lengthened("hard sci fi movie".split())
    ['hard', 'science', 'fiction', 'film']
    """
    table = lexicon()
    found, at = [], 0
    while at < len(words):
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


# Prepositions one names for another ("decline of/in X", "funding for/of X"); not with,
# to, on, at: "work with AI" is no work on AI, "investment with AI" no investment in AI
# (a review's false joins; "X on Y" and "X in Y" still meet as "Y X").
_ONE_ANOTHER = frozenset({"of", "in", "for"})
# Words around which `signatures` reorders a name.
_REORDERING = _ORDER_WORDS | {"and", "between", "by", "on", "in"}
# Nouns written two ways: "water usage" is water use, "remote working" remote work.
_NOUN_VARIANTS = {"usage": "use", "working": "work"}
# Aspects of a thing named "the N of M" inside a longer name (`signatures`).
# (not what is a term of its own after M: oil futures, the greenhouse effect,
# unemployment benefit, AI roles; nor what M may do: government regulation, student use;
# "ethics", not after work: the work ethic; reviews' false joins)
_ASPECTS = frozenset("""ethics impact risk adoption rise growth decline security safety
    privacy transparency sustainability integration influence""".split())
# What algorithms have ("algorithmic bias" is bias in algorithms); not what they do:
# "algorithmic trading", "... ranking", "... management" are done by algorithms, not to
# them (reviews' false joins).
_ALGORITHMS_HAVE = frozenset("""bias fairness transparency accountability opacity literacy
    auditing audit explainability""".split())
# What does a coined -ing word's deed, named after it: "crowdfunding platforms" are no
# platform crowdfunding, "gatekeeping AI" no AI gatekeeping (a review's false joins).
_DOERS = frozenset("""technology platform tool content company startup firm app application
    model ai system solution culture workshop farm campaign regulation risk program
    programme network site market industry sector business provider employer initiative
    project organization charity movement community space hub device software robot
    algorithm website portal marketplace station operator scheme course bootcamp shop
    store school club reward video game coach policy investment""".split())


def signatures(key: str, then_reordered: bool = True, lengthen: bool = True) -> set[str]:
    """The forms a key shares with the keys it names the same thing as, beside itself:
    "X P Y" and "Y X" for P in `_ORDER_WORDS` (articles after P dropped, a second
    phrase kept last, not "X to Y" / "X by Y" of one word each), "ADJ X of Y" and "ADJ Y
    X", "X and Y" and "Y and X" (also two words before a shared head), "X between Y and
    Z" and "Y Z X", "X driven by Y" / "X based on Y" and "Y driven X" / "Y based X", one
    preposition for another ("X of Y", "X in Y" and "X for Y" share "X * Y":
    `_ONE_ANOTHER`), "X in Y" and "X Y" (only a name written so, marked "=": "AI in
    education" is no "education in AI"), and so "X toward Y" and "X to Y", "X against
    Y" and "X from Y" and "Y X" (`_AGAINST_THINGS`, `_COMES_FROM`; not "X on Y" for
    attacks on what attacks: `_ASSAULTS`), the two parties of a tie either way
    ("US-China relations", `_TIE_WORDS`), a number word before a unit of time as
    digits ("twenty minute city"), a first word of growth or decline as "rising" or
    "declining" (`_TREND_WORDS`), "town of X" as X, a generic last word or concern
    word dropped, a link word too (`_LINK_WORDS`; as written only), ordinal words as
    numbers ("fourth" as "4th"), a leading -ing word as its nouns at the
    end or before a second phrase ("declining birth rate" and "decline in birth rate"
    share "birth rate decline"), "e-X" as "electric X" and "electronic X", "X in ADJ context" as "ADJ X",
    "usage" as "use" and "working" as "work" (`_NOUN_VARIANTS`), a shortened word as
    its long form ("sci-fi", "biotech": `abbreviations`); and, with
    `then_reordered`, each variant that is not itself reordered given its own forms
    ("bias detection in AI systems" -> "bias detection in AI" -> "AI bias detection"; not
    a generic word dropped after reordering: "technology in advertising" is not
    advertising); all in their loose form (an
    -ics word as its adjective, where that is one idea). Two forms meet only across:
    ">Y X" of "X of Y", and "<N X" for a leading adjective and each noun N it may be
    made from ("technological dependence" gives "<technology dependence", "dependence
    on technology" ">technology dependence"): an adjective meets its noun only in a
    reordered name, never another adjective guessed to the same noun (national /
    native) nor a plain name ("organ farming"); an adjective of a people or place only
    a name of "of" or "in" (marked " (of a place)": `_PEOPLE_ENDINGS`). See `join_keys`.

    >>> sorted(signatures("decline in birth rate"))  # doctest: +NORMALIZE_WHITESPACE
    ['=decline birth rate', '=decline in birth rate', '>birth rate decline',
     '>birth rate decline (of a place)', 'birth rate decline', 'decline * birth rate',
     'decline in birth rate']
    >>> sorted(signatures("declining birth rate"))
    ['=declining birth rate', 'birth rate declination', 'birth rate decline', 'declining birth rate']
    >>> sorted(signatures("design driven by ai"))  # doctest: +NORMALIZE_WHITESPACE
    ['=design driven by ai', '>ai design driven', 'ai design driven', 'ai driven design',
     'design driven by ai']
    """
    if key.count(" ") >= _LONGEST_NAME:  # (more words than that)
        return {_loose(key)}
    plain = [_NOUN_VARIANTS.get(word, word) for word in key.split()]
    lengthened = _lengthened(plain) if lengthen else plain
    # (and the forms of the words as written: "utilization of invisible creatures" read
    # as "use of ..." still meets "invisible creature utilization")
    written = signatures(key, then_reordered, False) if lengthen and lengthened != plain \
        else set()
    # (after the lexicon, whose rows write "four-day week")
    words = _trend_word(_time_numbers(lengthened))
    found = {key, " ".join(words), lexicon().whole_names.get(key, key),
             # a name in s written as a possessive: "Jevon's paradox" is Jevons'
             " ".join(w[:-1] if w[-1] == "s" and w in _noun_lemmas() else w for w in words)}
    reordered: set[str] = set()  # "Y X" of "X of Y"
    directed: set[str] = set()  # ... of "X on Y" for what is done to Y: met by no adjective
    derived: set[str] = set()  # a leading adjective as the nouns it may come from
    dropped: set[str] = set()  # "X Y" of "X in Y", which meets a name written so only
    for at, word in enumerate(words):
        if not 0 < at < len(words) - 1 or words.count(word) != 1:
            continue
        # (not "X to Y" / "X by Y" of one word each: text-to-image, business to
        # consumer, privacy by design are not image text, consumer business, design privacy)
        if word in _ORDER_WORDS and not (word in ("to", "by") and len(words) == 3) and \
                not (word == "at" and words[at + 1] in _NOT_AFTER_AT) and \
                not (word == "on" and words[at - 1] in _ASSAULTS and _attacker(words[-1])):
            after = _without_articles(words[at + 1:])
            # "impact of AI on jobs" / "AI impact on jobs": a second phrase stays last
            then = next((i for i, w in enumerate(after) if i and w in _PREPOSITIONS), None)
            tail = after[then:] if then and then < len(after) - 1 else []
            after = after[:len(after) - len(tail)]
            form = " ".join(after + words[:at] + tail)
            found.add(form)
            reordered.add(form)
            if words[at - 1] in _DIRECTED:
                directed.add(form)
            elif word in ("of", "in") and words[at - 1] not in _MOVERS:
                reordered.add(form + _OF_PLACE)  # (what a people's adjective meets)
                if word == "of":
                    reordered.add(form + _OF_ONLY)  # (... and a quality's)
            if at >= 2 and word in ("of", "in", "for") and _lemmas(words[0], "ADJ"):
                # "ethical use of AI" / "ethical AI use": the adjective stays first
                found.add(" ".join(words[:1] + after + words[1:at] + tail))
        if word == "between" and "and" in words[at + 1:-1]:  # X between Y and Z
            found.add(" ".join([w for w in words[at + 1:] if w != "and"] + words[:at]))
        if word == "by" and words[at - 1].endswith(("ed", "en")) or \
                word == "on" and words[at - 1] == "based":  # X driven by Y, X based on Y
            found.add(" ".join(words[at + 1:] + words[at - 1:at] + words[:at - 1]))
        if word == "and":
            found.add(" ".join(words[at + 1:] + ["and"] + words[:at]))
            # and the two words around it, the first of the name, before a shared head
            # ("energy and climate policy" / "climate and energy policy"; not "social
            # media and justice", "rise and fall of X")
            if at == 1 and at + 2 < len(words) and words[at + 2] not in _STOP:
                found.add(" ".join([words[2], "and", words[0]] + words[3:]))
        if word == "in":  # (met only as written: "AI in education" is no education in AI)
            dropped.add(" ".join(words[:at] + words[at + 1:]))
        if word in ("against", "from", "with"):  # "Y X" as written only
            after = _without_articles(words[at + 1:])
            if word == "against" and words[at - 1] in _AGAINST_THINGS and \
                    _concept_acronym(after) or \
                    word == "from" and words[at - 1] in _COMES_FROM or \
                    word == "with" and not _PREPOSITIONS.intersection(after):
                # ("dubbing with AI" / "AI dubbing", "patients with cancer" / "cancer
                # patients")
                dropped.add(" ".join(after + words[:at]))
        if word == "toward":  # (as written only: "violence toward the police" is no
            dropped.add(" ".join(words[:at] + ["to"] + words[at + 1:]))  # police violence)
        if word in _ONE_ANOTHER:
            found.add(" ".join(words[:at] + ["*"] + words[at + 1:]))
    if words.count("of") == 1 and 3 <= words.index("of") < len(words) - 1 and \
            words[words.index("of") - 2] in _ARTICLES and \
            words[words.index("of") - 1] in _ASPECTS and words[-1] != "work" and \
            _PREPOSITIONS.intersection(words[:words.index("of") - 2]):
        # "the N of M" closing a longer name as "M N" ("a tool for the ethics of AI" /
        # "a tool for AI ethics"), where the whole name does not reorder, for an aspect
        # of M (not "the cost of capital", "the duty of care", "the bill of rights")
        at = words.index("of")
        after = [word for word in words[at + 1:] if word not in _ARTICLES]
        if after and not _PREPOSITIONS.intersection(after):
            found.add(" ".join(words[:at - 2] + after + [words[at - 1]]))
    if len(words) >= 4 and words[-1] == "context" and "in" in words[1:-2]:
        # "cryptography in (a) historical context" is historical cryptography
        at = words.index("in", 1)
        setting = [word for word in words[at + 1:-1] if word not in _ARTICLES]
        if len(setting) == 1:
            found.add(" ".join(setting + words[:at]))
    if len(words) >= 3 and words[-1] in _GENERIC_LAST_WORDS | _GENERIC_LAST_WORDS_AFTER_TWO \
            or len(words) == 2 and words[-1] in _GENERIC_LAST_WORDS and _coined(words[0]):
        found.add(" ".join(words[:-1]))
    if len(words) == 3 and words[2] in _TIE_WORDS:  # the two parties either way
        found.add(" ".join([words[1], words[0], words[2]]))
    if len(words) >= 3 and words[0] in _PLACE_WORDS and words[1] == "of" and \
            words[2] not in _ARTICLES and not _known_word(words[2]):
        found.add(" ".join(words[2:]))
    if len(words) >= 3 and words[:2] == ["ai", "generated"] and words[-1] in _MEDIA:
        found.add(" ".join(words[:1] + words[2:]))
    if len(words) >= 3 and words[1] in _LINK_WORDS and words[2] not in _STOP:
        # (as written only: "AI-powered hacking" is AI hacking, not the hacking of AI)
        dropped.add(" ".join(words[:1] + words[2:]))
    if any(word in _ORDINALS for word in words[:-1]):  # "fourth industrial revolution"
        found.add(" ".join(_ordinal(_ORDINALS[word]) if word in _ORDINALS and
                           at + 1 < len(words) and words[at + 1] not in _STOP else word
                           for at, word in enumerate(words)))
    # (not "market risk" / "... concern"; not after "health": "mental health risks" are
    # hazards, "mental health issues" conditions)
    if len(words) >= 3 and words[-1] in _CONCERN_WORDS and words[-2] != "health":
        found.add(" ".join(words[:-1] + ["(concern)"]))
    if len(words) >= 2:
        # "declining attendance at funerals": "attendance at funeral decline", and, the
        # noun before a second phrase as reordering keeps it, "attendance decline at funeral"
        then = next((i for i in range(2, len(words) - 1) if words[i] in _PREPOSITIONS),
                    len(words))
        # (a coined word before what does it is its kind: "crowdfunding platforms")
        nouns = () if words[then - 1] in _DOERS and not _known_word(words[0]) else \
            _gerund_nouns(words[0])
        for noun in nouns:
            found.add(" ".join(words[1:] + [noun]))
            found.add(" ".join(words[1:then] + [noun] + words[then:]))
    if len(words) >= 2 and not _PREPOSITIONS.intersection(words) and \
            not _fixed_name(key.split()):
        # (an adjective of a people or place, and "societal", "algorithmic", meet only "X
        # of Y" and "X in Y": "societal views" are no views on society)
        of_place = _OF_PLACE if words[0].endswith(_PEOPLE_ENDINGS + ("etal", "thmic")) \
            else _OF_ONLY if words[0] in _QUALITY_ADJECTIVES else ""
        if not words[0].endswith("thmic") or words[-1] in _ALGORITHMS_HAVE:
            derived.update(" ".join([noun] + words[1:]) + of_place
                           for noun in _adjective_nouns(words[0]))
    for at, word in enumerate(words):  # "e-bikes" / "electric bikes", "e-waste" / "electronic waste"
        rest = _e_prefixed(word)
        if rest:
            found.update(" ".join(words[:at] + [long, rest] + words[at + 1:])
                         for long in ("electric", "electronic"))
    loose = {form: _loose(form) for form in found | dropped | reordered}
    forms = {loose[form] for form in found} | \
        {">" + loose[form] for form in reordered - directed} | \
        {"<" + _loose(form) for form in derived} | \
        {"=" + loose[form] for form in found | dropped  # (the key is found; one word
         if " " in form and (form in dropped or form == key  # meets no "X Y" of "X in Y")
                             or _in_order(form.split(), words))}
    if then_reordered and _REORDERING.intersection(words):
        for form in found - reordered - {key}:
            if "*" not in form and "(concern)" not in form:  # (not as written: no "=")
                forms |= {f for f in signatures(form, then_reordered=False) if f[0] != "="}
    return forms | written


def _spelled_forms(key: str, meanings_of: dict[str, set[str]]
                   ) -> Iterator[tuple[str, str, str]]:
    """(acronym, long form, the key with it spelled out) for each run of one or two words
    of the key that `meanings_of` (acronym -> long forms) spells out.

    >>> list(_spelled_forms("ev adoption", {"ev": {"electric vehicle"}}))
    [('ev', 'electric vehicle', 'electric vehicle adoption')]
    """
    for short, spelled_as in _short_runs(key):
        for long in sorted(meanings_of.get(short, ())):
            yield short, long, spelled_as(long)


def _short_runs(key: str) -> Iterator[tuple[str, Callable[[str], str]]]:
    """Each run of one or two words of a longer key that may be an acronym, with the
    key with that run written otherwise (names of more than `_LONGEST_NAME` words: none).

    >>> [(short, spelled_as("x")) for short, spelled_as in _short_runs("ml model")]
    [('ml', 'x model'), ('model', 'ml x')]
    """
    words = key.split()
    if len(words) > _LONGEST_NAME:
        return
    for size in (1, 2):
        for at in range(len(words) - size + 1):
            if len(words) > size:
                before, after = words[:at], words[at + size:]
                yield " ".join(words[at:at + size]), \
                    lambda long, before=before, after=after: " ".join(before + [long] + after)


def _meet(key: str, other: str) -> bool:
    """Whether two keys share a form (`signatures`, the marked ones aside)."""
    forms = {s for s in signatures(key) if s[0] not in "<>"}
    return any(s[0] not in "<>" and s in forms for s in signatures(other))


def join_keys(names: Iterable[tuple[str, str]],
              key_of: Callable[[str], str] = name_key) -> dict[str, str]:
    """Keys the corpus gives evidence for joining, as {key: the key it joins}, from
    (kind, name) of every entity name in the corpus (any kind: evidence is shared);
    `key_of` gives a name's key (the build passes its aliases file's).

    The key a group keeps is its long form (not an acronym, no shortened word: "science
    fiction", not "sci fi"), then the one with the fewest letters ("lidar" of "lidar
    technology"), then the most spaced ("machine learning" of "machinelearning"), then
    the first in sort order, so the same names always give the same keys.

    >>> join_keys([("theme", "Cybernetics in Management"), ("keyword", "management cybernetics"),
    ...            ("technology", "Generative AI (Gen AI)"), ("keyword", "Gen AI"),
    ...            ("keyword", "AI"), ("theme", "architectural innovation")])
    {'cybernetic in management': 'management cybernetics', 'gen ai': 'generative ai'}
    """
    acronym_keys: set[str] = set()
    keys: set[str] = set()
    noun_plurals: set[str] = set()  # keys of names writing a table adjective as a noun
    declared: dict[str, set[str]] = defaultdict(set)  # alias key -> long keys naming it
    renamed: dict[str, set[str]] = defaultdict(set)  # other name's key -> keys declaring it
    names = list(names)
    table = lexicon()
    for _, label in names:
        key = key_of(label)
        if not key or key.startswith("="):  # kept apart by the analyst: never joined
            continue
        keys.add(key)
        if any(word[:-1] in table.adjective_nouns for word in _PLURAL_RE.findall(label.lower())):
            noun_plurals.add(key)  # ("company financials" are no company finance)
        if is_acronym(label) and (key,) not in table.variants:  # (not FinTech)
            acronym_keys.add(key)
        product = _maker_product(label) or _titled_person(label) or _law(label)
        if product:  # ("OpenAI's ChatGPT" is ChatGPT, "Mayor Sadiq Khan" Sadiq Khan)
            renamed[key_of(product)].add(key)
        for alias in (key_of(a) for a in _aliases(label)):
            spans = abbreviation_spans(alias, key) if alias != key else None
            if alias and alias != key and not spans and _renamed(label):
                renamed[alias].add(key)
            elif spans:
                declared[alias].add(key)
                # and each acronym inside it: "Gen AI" of "Generative Artificial
                # Intelligence" spells out "AI" as "artificial intelligence"
                for word, run in spans:
                    if len(run.split()) >= 2 and word != alias:
                        declared[word].add(run)
            elif alias != key and _declared_acronym(label):
                # An acronym the writer declared mid-name though its letters are not the
                # words' initials ("Emotional Intelligence (EQ) Enhancement"): the whole
                # short name is taken as written (the acronym alone is not: "AI" may be
                # declared so for something else).
                declared[alias].add(key)
    # An acronym the corpus does not spell out, alone as a name: the one of its meanings
    # (kg/lexicon/abbreviations.csv) that the corpus names ("EVs" / "electric vehicles").
    # Only a name written as an acronym ("IT", not "It"; "WHO", not "The Who"), and only
    # an acronym of one meaning (AI may be artificial insemination: two are left to
    # `kg resolve`'s review, even when the archive names one of them).
    # (each meaning as the archive spaces it: "take off" is the archive's "takeoff")
    spaced = {key.replace(" ", ""): key for key in sorted(keys, reverse=True)}
    known = {short: spaced.get(longs[0].replace(" ", ""), longs[0])
             for short, longs in table.acronyms.items() if len(longs) == 1}
    # An acronym alone that the corpus spells out as none of the table's meanings has
    # two meanings: a bare acronym is read in its usual meaning ("EVs" are no
    # "Enterprise Value (EV)"; left to `kg resolve`'s review). Spelled out as one of them
    # (in other words too: "Small and Medium Enterprises (SMEs)"), the corpus decides,
    # unless it also names another ("IP": intellectual property and internet protocol).
    for short in sorted(acronym_keys & table.acronyms.keys()):
        meanings = [spaced.get(m.replace(" ", ""), m) for m in table.acronyms[short]]
        if short in declared:
            spelled = list(declared[short])
            others = [m for m in meanings
                      if not any(_mostly_same_words(m, long) for long in spelled)]
            spelled_as_table = len(others) < len(meanings)
            declared[short].update(m for m in others if m in keys or not spelled_as_table)
        elif short in known and known[short] in keys:
            declared[short].add(known[short])
    acronym_keys |= declared.keys() & keys  # short forms the corpus spells out: "Gen AI"
    acronym_tokens: set[str] = set()  # acronyms of 3 letters or more used inside names
    written_in: dict[str, set[str]] = defaultdict(set)  # key -> acronyms its names write
    for _, label in names:
        shorts = [word for word in re.split(r"[\s/&-]+", split_alias(label)[0])
                  if _acronym_token(word)]
        if shorts:
            written = written_in[key_of(label)]
            for word in shorts:
                form = normal_form(word)
                written.add(form)
                if len(word) >= 3:
                    acronym_tokens.add(form)
    written_short = set().union(*written_in.values())  # ... of any length ("ML models")
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.get(key, key) != key:
            parent[key] = parent.get(parent[key], parent[key])
            key = parent[key]
        return key

    def preferred(key: str) -> tuple:  # written out, then fewest letters, the most spaced
        words = key.split()
        return (key in acronym_keys, _lengthened(words) != words or key in table.whole_names,
                len(key.replace(" ", "")), -len(words), key)

    def join(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            keep, other = sorted((ra, rb), key=preferred)
            parent[other] = keep

    # Long forms among themselves: keys that share a signature (their loose form, or
    # one of their variants: see `signatures`) are one; so are keys that differ only in
    # spacing ("girl boss" / "girlboss").
    # (Each signature keeps its first key only, and joins the next to it: the groups
    # are the same, the memory a dict of strings, not of lists, at a million names.)
    long_keys = keys - acronym_keys
    shorts_of: dict[str, list[str]] = defaultdict(list)  # signature -> its acronym keys
    for key in sorted(acronym_keys & keys):
        for signature in signatures(key):
            if signature[0] not in "<>":  # (marked forms never meet an acronym's)
                shorts_of[signature].append(key)
    first_of: dict[str, str] = {}
    longs_of: dict[str, list[str]] = defaultdict(list)  # of the signatures with shorts
    # "<" forms (a leading adjective as a noun) meet ">" forms (reordered names) only:
    # adjective keys wait for a reordered key of their form, then join it.
    waiting: dict[str, str | list[str]] = {}
    for key in sorted(long_keys):
        for signature in signatures(key):
            mark, form = signature[0], signature[1:]
            if mark == ">":
                first_of.setdefault(signature, key)
                found = waiting.pop(form, ())
                for other in ([found] if isinstance(found, str) else found):
                    join(other, key)
                continue
            if mark == "<":
                reordered = first_of.get(">" + form)
                if reordered is not None:
                    join(reordered, key)
                else:
                    found = waiting.get(form)
                    waiting[form] = key if found is None else \
                        [found, key] if isinstance(found, str) else found + [key]
                continue
            first = first_of.setdefault(signature, key)
            if first != key:
                join(first, key)
            if signature in shorts_of:
                longs_of[signature].append(key)
    # An adjective of adjective-nouns.csv as its noun, against names as written
    # ("electoral interference" / "election interference", "statistical literacy" /
    # "statistics literacy"); not against reordered names ("parliamentary scrutiny" is
    # no scrutiny of parliament), nor after a generic word is dropped ("EU strategic
    # technology" is no EU strategy), nor where a name writes the adjective as a noun
    # ("financials", "orbitals"): reviews' false joins.
    as_nouns: dict[str, str] = {}
    for key in sorted(long_keys - noun_plurals):
        words = key.split()
        if any(word in table.adjective_nouns for word in words):
            form = " ".join(table.adjective_nouns.get(word, word) for word in words)
            join(as_nouns.setdefault(form, key), key)
            if form in long_keys:
                join(form, key)
    # An acronym spelled out inside a name whose words another name orders otherwise
    # ("EV adoption" / "adoption of electric vehicles"): the spelled-out name's forms, met
    # among the long keys' (joined below, once the acronym's meaning is settled).
    meanings_of = {short: set(longs) for short, longs in declared.items()}
    for short in written_short & known.keys() - declared.keys():
        meanings_of[short] = {known[short]}
    # The other name must meet this one with the acronym written back into it, too: "by
    # artificial intelligence" reorders as a phrase, "by AI" does not ("AI governance" is
    # no governance by AI).
    spelled_reordered: dict[tuple[str, str], str] = {}  # (key, its spelled-out form) -> key
    for key in sorted(keys):
        for short, long, longer in _spelled_forms(key, meanings_of):
            if longer not in keys:
                other = next((first_of[s] for s in signatures(longer)
                              if s[0] not in "<>" and s in first_of), None)
                if other is not None and other != key and \
                        _meet(key, f" {other} ".replace(f" {long} ", f" {short} ").strip()):
                    spelled_reordered[key, longer] = other
    del first_of, waiting
    first_squashed: dict[str, str] = {}
    for key in sorted(keys):  # "girl boss" / "girlboss", "Chat GPT" / "ChatGPT"
        first = first_squashed.setdefault(key.replace(" ", ""), key)
        if first != key:
            join(first, key)
    del first_squashed
    for signature, longs in longs_of.items():  # "LiDAR technology" / "LiDAR"
        for short in shorts_of[signature]:
            if any(k.startswith(short + " ") for k in longs):
                join(longs[0], short)
    # Acronyms spelled out inside longer names: "LLM agents" / "large language model
    # agents", and so "generative AI" / "generative artificial intelligence" when the
    # corpus writes "Artificial Intelligence (AI)".
    def spelled_out() -> dict[str, str]:
        found = {}
        for acronym in declared:
            groups = {find(k) for k in declared[acronym]}
            if len(groups) == 1:
                found[acronym] = min(declared[acronym])
        return found

    expansions = spelled_out()
    # (and, for acronyms of three letters or more inside a name, a run of words whose
    # initials spell them: "CoT reasoning" / "chain of thought reasoning")
    windows: dict[tuple[str, str], set[str]] = defaultdict(set)
    if acronym_tokens:
        for key in long_keys:
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
                            windows[letters, rest].add(key)
    for key in sorted(keys):
        for short, spelled_as in _short_runs(key):
            longer = None
            if short in expansions:
                longer = spelled_as(expansions[short])
            elif short in known and short in written_in.get(key, ()) and short not in declared:
                # "ML models" / "machine learning models" (the corpus' own spelling
                # out, even an ambiguous one, decides first)
                longer = spelled_as(known[short])
            if longer in keys:
                join(key, longer)
            elif (key, longer) in spelled_reordered:
                join(key, spelled_reordered[key, longer])
            elif longer is None and " " not in short and short in acronym_tokens and \
                    short in written_in.get(key, ()):  # (as this name writes it: "ART
                # clinics" say nothing of the art market)
                found = {find(k) for k in windows.get((short, spelled_as("*")), ())}
                if len(found) == 1:
                    join(key, found.pop())
    # Acronyms alone: to the one long-form group the corpus spells them out as, or, for
    # three letters or more, whose content words' initials spell them.
    expansions = spelled_out()
    spelled = {acronym.replace(" ", "") for acronym in acronym_keys}
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key in long_keys:
        if len(key.split()) >= 2:
            for letters in {initials_of(key), "".join(w[0] for w in key.split())}:
                if len(letters) >= 3 and letters in spelled:
                    by_initials[letters].add(key)
    spaced_keys = None  # (every key between spaces, for named_within)

    def named_within(words: str) -> bool:
        nonlocal spaced_keys
        if spaced_keys is None:
            spaced_keys = "".join(f" {key} \n" for key in keys)  # (only searched)
        return f" {words} " in spaced_keys

    for acronym in sorted(acronym_keys):
        if acronym in expansions:
            join(acronym, expansions[acronym])
            continue
        if acronym in declared:
            continue  # spelled out two ways (ambiguous)
        squashed = acronym.replace(" ", "")
        if len(squashed) < 3:
            continue  # (two-letter initials never join on their own)
        meanings = table.acronyms.get(acronym)
        if meanings is not None:
            # The table's meaning (one: joined above); of several, the first (the
            # genre's usual one), when the archive names it and no other anywhere
            # ("NLP" / "natural language processing", not when "search and rescue
            # drones" say SAR may be rescue)
            if len(meanings) == 1 or any(named_within(m) for m in meanings[1:]):
                continue
        long_forms = {find(k) for k in by_initials.get(squashed, ())
                      if meanings is None or k == meanings[0]}
        if len(long_forms) == 1:
            join(acronym, long_forms.pop())
    # A name's declared other name ("X (formerly Twitter)" / "Twitter"), when no other
    # group declares it too
    for other in sorted(renamed.keys() & keys):
        if len({find(key) for key in renamed[other]}) == 1:
            join(other, min(renamed[other]))
    return {key: find(key) for key in sorted(parent) if find(key) != key}


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
        from .export import from_spreadsheet_text  # (kg resolve --accept writes them so)

        rows = csv.reader(text.splitlines())
        for number, row in enumerate(rows, 1):
            cells = [from_spreadsheet_text(cell.strip()) for cell in row]
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
    reason: str  # "spacing", "spelling", "initials", "abbreviation", "alias"


CONCEPT_TYPES = frozenset({"Keyword", "Theme", "Technology"})
# What `kg resolve --accept` takes on its own: evidence as strong as the build's rules.
# (Not spellings: "personalization" / "depersonalization" differ by two letters.)
STRONG = {"spacing": 98.0}


def compatible(a: str, b: str) -> bool:
    """Types whose entities may name the same concept."""
    return a == b or (a in CONCEPT_TYPES and b in CONCEPT_TYPES)


def candidates(labels: Iterable[tuple[str, str]], threshold: float = 90.0,
               joined: dict[str, str] | None = None) -> list[Candidate]:
    """Pairs of (type, label) that may be the same thing but that the build keeps apart
    (`joined`: what join_keys joined; computed from `labels` when not given).

    Candidates come from indexes, never from comparing every pair: the same letters
    spaced differently ("spacing"), an acronym and the initials of a longer name that
    the corpus does not spell out or spells out ambiguously ("initials"), an acronym and
    each of its meanings in kg's table of abbreviations when the archive names more than
    one ("abbreviation"), an alias in
    parentheses that is not an abbreviation of its name ("alias"), and names whose
    keys share a word and differ by a few characters ("spelling", rapidfuzz ratio >=
    `threshold`). Each pair once, in the first of its type pairs.

    >>> found = candidates([("Keyword", "open AI"), ("Theme", "OpenAI"),
    ...                     ("Keyword", "QPUs"), ("Technology", "quantum processing units")],
    ...                    joined={})  # a graph that kept them all apart
    >>> [(c.first, c.second, c.reason, c.score) for c in found]
    [('open AI', 'OpenAI', 'spacing', 98.0), ('QPUs', 'quantum processing units', 'initials', 80.0)]
    """
    from rapidfuzz import fuzz

    entries = sorted({(kind, label) for kind, label in labels})
    joined = join_keys(entries) if joined is None else joined
    key_of = {}
    for entry in entries:
        key = resolution_key(entry[1])
        key_of[entry] = joined.get(key, key)
    by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entry, key in key_of.items():
        by_key[key].append(entry)
    found: dict[tuple, Candidate] = {}

    def suggest(a: tuple[str, str], b: tuple[str, str], score: float, reason: str) -> None:
        if key_of[a] == key_of[b] or not compatible(a[0], b[0]):
            return
        first, second = sorted((a, b), key=lambda e: (e[1].casefold(), e))
        pair = (first[1].casefold(), second[1].casefold())  # each pair of names once
        if pair not in found or found[pair].score < score:
            found[pair] = Candidate(first[1], first[0], second[1], second[0], score, reason)

    for entry in entries:
        for alias in alias_keys(entry[1]):
            for other in by_key.get(joined.get(alias, alias), ()):
                suggest(entry, other, 90.0, "alias")
    acronyms = {key: group for key, group in by_key.items()
                if any(is_acronym(label) for _, label in group)}
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        if len(key.split()) >= 2 and key not in acronyms:
            by_initials[initials_of(key)].append(key)
    known = lexicon().acronyms
    for key, group in acronyms.items():
        for long in by_initials.get(key.replace(" ", ""), ()):
            for entry in by_key[long]:
                for other in group:
                    suggest(entry, other, 80.0, "initials")
        # the archive names two meanings the table knows ("IP": intellectual property,
        # internet protocol): which one is for a person to say
        for long in known.get(key, ()):
            for entry in by_key.get(joined.get(long, long), ()):
                for other in group:
                    suggest(entry, other, 85.0, "abbreviation")
    squashed: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        squashed[key.replace(" ", "")].append(key)
    for keys in squashed.values():  # "e commerce" / "ecommerce", "open ai" / "openai"
        for a in keys:
            for b in keys:
                if a < b:
                    for x in by_key[a]:
                        for y in by_key[b]:
                            suggest(x, y, 98.0, "spacing")
    words: dict[str, set[str]] = defaultdict(set)
    blocks: dict[str, set[str]] = {}
    for key in by_key:
        if key.count(" ") >= _LONGEST_TYPO_NAME:
            continue  # a sentence, not a name with a typo (and many shared words are slow)
        blocks[key] = set(key.split()) | {"^" + key[:4]}  # shared word, or same beginning
        for word in blocks[key]:
            words[word].add(key)
    # A very common word blocks nothing; rarer shared words will.
    usable = {word for word, keys in words.items() if len(keys) <= 200}
    for word in sorted(usable):
        keys = sorted(words[word])
        for i, a in enumerate(keys):
            block = blocks[a]
            for b in keys[i + 1:]:
                shared = block & blocks[b]
                if len(shared) > 1 and min(shared & usable) != word:
                    continue  # (compared under the first word they share: once, not per word)
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


def accepted_candidates(labels: Iterable[tuple[str, str]],
                        joined: dict[str, str] | None = None) -> list[Candidate]:
    """The candidates `kg resolve --accept` appends to the aliases file: only those with
    evidence as strong as the build's own rules (STRONG: the same letters spaced
    differently); acronyms on initials alone and near spellings, which can mean
    other things (misinformation / disinformation, personalization /
    depersonalization), are left for a person to judge."""
    return [c for c in candidates(labels, min(STRONG.values()), joined)
            if c.reason in STRONG and c.score >= STRONG[c.reason]]
