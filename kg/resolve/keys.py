"""Keys: the lenient key of one name, under which differently written names are one
entity (layer 1 of kg.resolve; every build, one name at a time).

The identity key made lenient to the ways machine-written summaries vary a name:
accents, punctuation, hyphens, `&`/and, possessives, British spellings, leading
articles, "X (Y)" (X, with Y kept as an alias), and inflection: each word is
lemmatised as a noun by lemminflect's lexicon (cellular automata -> cellular
automaton, crises -> crisis), words the lexicon knows only as verbs or adjectives
stay as written ("creates"), and an -ics word before another word is its adjective
(electronics warfare -> electronic warfare). Also whether a name is an acronym (a
plural in capitals is none: "AIDS"), a name's alias or declared other name in
parentheses ("X (formerly Twitter)"), and what the other modules share: stop words,
the longest name read word by word, reading kg/lexicon's tables.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from ..identity import identity_key

if TYPE_CHECKING:  # (an annotation only: aliases imports keys)
    from .aliases import AliasTable

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
# "+" and "#" closing a word name something else than the word: C++, C# and C are three
# languages, Disney+ is no Disney (a review found C++ and C# one node).
# (after a word with a letter, not after a number: "18+" and "Windows 10+" are no names
# of their own, "Galaxy S23+" is; a version may follow: C++17)
# (a word from its start only: from every letter of a long word, quadratic)
_PLUS_SHARP_RE = re.compile(r"(?<![^\W_])([^\W_]++)(\+\+|\+|#)(?![^\W\d_]|[+#])")
# (written onto the word: "A+" is no article before "plus")
_PLUS_SHARP = {"++": "plusplus", "+": "plus", "#": "sharp"}


def _plus_sharp(mark: re.Match) -> str:
    word = mark[1]
    return word + _PLUS_SHARP[mark[2]] if not word.isdigit() else word
_OTHER_RE = re.compile(r"[^\w\s]+")
_ACRONYM_PLURAL_RE = re.compile(r"\b([A-Z]{2,})s\b")  # EVs, LLMs, NPCs
_CAPITALS_RE = re.compile(r"\b[A-Z]{2,}S\b")
_SERVICE_S_RE = re.compile(r"\b[A-Z]+[a-z]+S\b")  # DDoS, QoS
_VERSUS_RE = re.compile(r"\b(?:versus|vs)\b\.?")
_VERSION_RE = re.compile(r"(?<![\d.])(\d+)\.0(?![\d.])")  # Web 3.0 is Web 3, as Industry 4.0 is Industry 4
# A lone letter or digit joined to the next word: e-commerce, 3-D, I/O, X-ray, l'oeil
# (also after a hyphen: trompe-l'oeil); not one inside a compound
# ("software-as-a-service": the article a), nor a letter's possessive ("Gen Z's habits"
# are Gen Z's, no "Gen Zs").
# (A lone digit joins a letter only: "1-2 years" are no 12 years, "9/11" no 911.)
_LONE_LETTER_RE = re.compile(r"(?<![-/'\u2019])\b(?:([a-z])[-/](?=[a-z0-9])|([0-9])[-/](?=[a-z]))|"
                             r"(?<![/'\u2019])\b([a-z])['\u2019](?!s\b)(?=[a-z])")
# Marks written for others: a trade mark sign (NFKC would make "ChatGPT™" "chatgpttm"), a
# multiplication sign for "x" ("10× engineer"), an acute accent or a modifier letter for
# an apostrophe ("Moore´s Law").
_WRITTEN_AS = str.maketrans({"\u2122": "", "\u2120": "", "\u00d7": "x", "\u00b4": "'",
                             "\u02bb": "'", "\u02bc": "'"})
# Numbers, before their punctuation is dropped: a decade's apostrophe ("1990's", "80's":
# the 1990s, no possessive), a thousands separator ("10,000 steps" are 10000), a
# percent sign as the word ("2% inflation" / "2 per cent inflation"; "top 10%" is no
# "top 10"), a minus sign ("-5°C" is no 5°C).
_DECADE_RE = re.compile(r"\b((?:1\d)?\d0)'s\b")
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
# (a number said digit by digit, 9-1-1: no range)
_DIGIT_BY_DIGIT_RE = re.compile(r"(?<![\d.-])\d(?:-\d){2,}(?![\d.-])")
_PERCENT_RE = re.compile(r"\s*+%|\s*+\bper cent\b")
_MINUS_RE = re.compile(r"(?<![\w.,])-(?=\d)")
_DIGIT_OR_PERCENT_RE = re.compile(r"[\d%]|per cent")
# Initials written with full stops: A.I., U.S, e.g. (the letters are the acronym).
_DOTTED_RE = re.compile(r"(?<![\w.])(?:[^\W\d_]\.)+[^\W\d_](?!\w)\.?")
# British spellings, as American (both sides of a comparison get the same key), in one
# pass: -isation, -iour, -our in a few words, -tre, -lyser (breame's table has -lyse,
# -lysed, -lysing but not the device: "electrolysers"). (Not -ise/-ising: "advertising",
# "promise" would change too, and keys show in IRIs; not -elling/-elled, which breame's
# table gives word by word: "travelling" is "traveling", "selling" and "compelling" stay.)
_OUR_WORDS = "lab|col|fav|hon|harb|neighb|rum|hum|flav|vap|vig|od|arm|endeav"
_SPELLING_RE = re.compile(
    r"(?<=\w{3})is(?=ation)"
    r"|(?<=\w)iou(?=r)"
    rf"|\b(?:{_OUR_WORDS})ou(?=r)"
    r"|\b(?:cent|theat|met|fib|lit|calib)re(?=s?\b)"
    r"|(?<=\wl)ys(?=ers?\b)")


def _american(match: re.Match) -> str:
    text = match.group(0)
    if text in ("is", "ys"):
        return text[0] + "z"
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
securities humanities commons goods savings earnings manners premises headquarters proceeds
belongings surroundings outskirts devs afrobeats
devops mlops secops finops aiops dataops llmops macos ipados watchos tvos visionos chromeos""".split())
# ... and as the first word before another ("logistics regression" is no logistic
# regression, "classics department" no classic's)
_KEEP_S_BEFORE = frozenset({"logistics", "classics"})
# (arms wherever they stand, but for limbs: "space arms race" keeps them as "arms race in
# space" does, "nuclear arms" as "nuclear arms talks", "robotic arms market" is about
# limbs; customs before another word: "digital customs platform" is no custom platform,
# "local customs" are traditions: an attack's)
_LIMBS_OF = frozenset({"robotic", "robot", "prosthetic", "bionic", "mechanical"})
# Plurals that name another thing than their singular after these words: states with
# nuclear weapons are no nuclear power (energy), a state's emergency or war powers no
# backup electricity or strength, the armed forces no armed force (its use), oil
# futures (contracts) no future of oil, political rights no political right (a camp);
# attack 113's
_PLURAL_AFTER = {
    "powers": frozenset("nuclear atomic emergency war spending space industrial".split()),
    "forces": frozenset("armed military nuclear allied".split()),
    "futures": frozenset("""oil gas bitcoin btc ether ethereum crypto commodity wheat corn
        soybean gold silver copper index stock equity treasury bond carbon electricity
        coffee cocoa cattle""".split()),
    "rights": frozenset("""religious christian political far alt new populist radical hard
        evangelical""".split()),
    "operations": frozenset({"special"}),
    "interests": frozenset({"special"}),
}
# ... and before these ("futures market" trades contracts; "futures thinking" is
# foresight's, the future's)
_PLURAL_BEFORE = {"futures": frozenset("market contract trading exchange price trader".split())}
# ... and alone, a name of one word ("Customs" are duties, "Utilities" companies,
# "Spirits" liquor, "Damages" a court's award)
_PLURAL_ALONE = frozenset("customs utilities spirits damages interests bonds stocks".split())


def _keeps_s(words: list[str], at: int) -> bool:
    """Whether the word at `at` keeps its plural s in a key (see `_KEEP_S_BEFORE`,
    `_PLURAL_AFTER`, `_PLURAL_BEFORE`, `_PLURAL_ALONE`; "customs" before another word:
    the duties, not traditions).

    >>> [_keeps_s(n.split(), 1) for n in ("nuclear arms", "robotic arms", "eu customs union")]
    [True, False, True]
    >>> [_keeps_s(n.split(), 1) for n in ("nuclear powers", "great powers", "armed forces")]
    [True, False, True]
    """
    word, before = words[at], at < len(words) - 1
    return word == "arms" and (at == 0 or words[at - 1] not in _LIMBS_OF) or \
        word == "customs" and before or len(words) == 1 and word in _PLURAL_ALONE or \
        at == 0 and before and word in _KEEP_S_BEFORE or \
        at > 0 and words[at - 1] in _PLURAL_AFTER.get(word, ()) or \
        before and words[at + 1] in _PLURAL_BEFORE.get(word, ())


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
    if len(word) <= 5 or not word.endswith("ics") or word in _KEEP_S_BEFORE:
        return False
    return bool(_lemmas(word[:-1], "ADJ")) and not _lemmas(word[:-1], "NOUN")


# Function words written two ways.
_VARIANTS = {"towards": "toward", "amongst": "among", "whilst": "while", "upon": "on",
             "versus": "vs"}
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d"})


@functools.lru_cache(maxsize=1 << 15)
def american(word: str) -> str:
    """A word in American spelling (breame's table of British and American spellings).

    >>> [american(w) for w in ("defence", "programme", "grey", "analysis", "biofertiliser")]
    ['defense', 'program', 'gray', 'analysis', 'biofertilizer']
    >>> [american(w) for w in ("tokenised", "weaponisation", "advertised", "supervised")]
    ['tokenized', 'weaponization', 'advertised', 'supervised']
    >>> american("microfibres"), american("nanocolours")
    ('microfibers', 'nanocolors')
    """
    from breame.spelling import BRITISH_ENGLISH_SPELLINGS as spellings

    found = spellings.get(word) or _MORE_BRITISH.get(word)
    if found is None and len(word) > 6 and _ISE_RE.search(word):
        # an -ise verb the table lacks and no dictionary knows ("tokenised",
        # "weaponisation"); the -ise words of American English are all known ("advertised",
        # "supervised", "expertise"), as are spellings of either kind lemminflect lists
        if not _known_word(word):
            found = _ISE_RE.sub(r"iz\1", word)
    if found is None and len(word) > 6:
        # the table's word after a prefix: mislabelled, relabelling, biofuelled,
        # biofertiliser
        found = next((prefix + spellings.get(rest, _MORE_BRITISH.get(rest, rest))
                      for prefix in _PREFIXES if word.startswith(prefix)
                      for rest in (word[len(prefix):],)
                      if rest in spellings or rest in _MORE_BRITISH), None)
    return found or word


_ISE_RE = re.compile(r"is(e|ed|es|ing|ation|ations|er|ers|able|ability)$")
# British spellings breame's table lacks, common in the genre ("AI-fuelled growth")
_MORE_BRITISH = {"fuelled": "fueled", "fuelling": "fueling", "enrolment": "enrollment",
                 "skilful": "skillful", "wilful": "willful", "totalled": "totaled",
                 "totalling": "totaling", "kerbside": "curbside",
                 "monetise": "monetize", "monetised": "monetized", "monetising": "monetizing",
                 "monetisation": "monetization", "acknowledgement": "acknowledgment",
                 "cheque": "check", "doughnut": "donut", "mum": "mom",
                 "dependant": "dependent", "focussed": "focused", "focussing": "focusing"}
_PREFIXES = ("un", "mis", "re", "eco", "geo", "bio", "pre", "over", "under", "de", "non",
             "co", "auto", "self", "micro", "nano", "macro", "multi", "inter", "cyber",
             "tele", "hyper", "post", "anti", "semi", "mega", "super", "hydro", "agro",
             "neuro", "thermo", "electro")  # (microfibres: a blind set's)


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
        if lemmas:  # "researches" is the noun "research"; "creates" stays a verb; the
            # plural of a noun WordNet knows at the end of a phrase only ("climate acts";
            # before another word a verb: "synthetic biology lowers barriers")
            base = lemmas[0]
            return base if pos == "VERB" and word.endswith("s") and (
                _lemmas(base, "NOUN") or last and base in _noun_lemmas() and
                word in (base + "s", base + "es")) else word
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

    >>> [plural_rule(w) for w in ("chatbots", "cryptocurrencies", "boxes", "saas", "bus",
    ...                           "tradwives")]
    ['chatbot', 'cryptocurrency', 'box', 'saas', 'bus', 'tradwife']
    """
    # (SaaS, PaaS: "as a service" names are no plurals)
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "aas")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("wives"):  # (tradwives, as wives)
        return word[:-3] + "fe"
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
    >>> normal_form("Electrolysers"), normal_form("geysers")
    ('electrolyzer', 'geyser')
    >>> normal_form("AIDS"), normal_form("BRICS nations"), normal_form("NEW TOOLS FOR CHIPS")
    ('aids', 'brics nation', 'new tool for chip')
    >>> normal_form("LAWS"), normal_form("laws"), normal_form("DDoS attacks")
    ('laws', 'law', 'ddos attack')
    >>> normal_form("HIV/AIDS"), normal_form("GENERATIVE AI AND LLMS")
    ('hiv aids', 'generative ai and llm')
    >>> normal_form("A technique that creates garments")
    'technique that creates garment'
    >>> normal_form("C++"), normal_form("C#"), normal_form("Disney+ shows"), normal_form("#MeToo")
    ('cplusplus', 'csharp', 'disneyplus show', 'metoo')
    """
    label = label.translate(_WRITTEN_AS)
    if "." in label:
        label = _DOTTED_RE.sub(lambda dotted: dotted.group(0).replace(".", ""), label)
    # (the plural of an acronym: "EVs", and in a name written all in capitals "LLMS" of
    # the table's LLM; not otherwise: "CMBS" are mortgage-backed securities, no cosmic
    # microwave backgrounds, "ACLS" cardiac life support: attack 110's false joins)
    label = _ACRONYM_PLURAL_RE.sub(r"\1", label)
    if " " in label.strip() and label.isupper():
        label = _CAPITALS_RE.sub(_acronym_plural, label)
    # (an acronym written in capitals is no plural: "AIDS", "SARS", "BRICS nations", when
    # the table lists it, the lexicon does not know the word or it is the whole name
    # ("LAWS", lethal autonomous weapons systems, is no law: a blind test's false join);
    # "Digital TWINS" are twins)
    acronyms = {word.lower() for word in _CAPITALS_RE.findall(label)
                if word.lower() in _table_acronyms() or not _lemmas(word.lower(), "NOUN")
                or word == label.strip()}
    # (nor one whose capital S ends a word: "DDoS" is denial of service, not "DDo"s)
    acronyms.update(word.lower() for word in _SERVICE_S_RE.findall(label))
    text = identity_key(label)
    if not text.isascii():  # drop accents and ligatures: El Niño -> el nino, œil -> oeil
        text = "".join(c for c in unicodedata.normalize("NFKD", text.translate(_LIGATURES))
                       if not unicodedata.combining(c))
    if _DIGIT_OR_PERCENT_RE.search(text):
        text = _numbers_written(text)
    text = _SPELLING_RE.sub(_american, _LONE_LETTER_RE.sub(_lone_letter, _VERSION_RE.sub(r"\1", text)))
    text = _VERSUS_RE.sub(" vs ", _POSSESSIVE_RE.sub("", text).replace("&", " and "))
    if "+" in text or "#" in text:
        text = _PLUS_SHARP_RE.sub(_plus_sharp, text)
    text = _OTHER_RE.sub(" ", _SEPARATORS_RE.sub(" ", text))
    words = [word for word in _SPACES_RE.sub(" ", text).strip().split(" ") if word]
    while len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    words = _century_numbers(words)
    # (a word before "and", "of", ... ends its phrase as the last word does: "electronics
    # and maker culture" keeps its electronics, "electronics warfare" is electronic)
    ends = [i == len(words) - 1 or words[i + 1] in _STOP for i in range(len(words))]
    return " ".join(word if word in acronyms or _keeps_s(words, i)
                    else american(lemma(word, ends[i]))
                    for i, word in enumerate(words))


def _lone_letter(match: re.Match) -> str:
    return match[1] or match[2] or match[3]


def _numbers_written(text: str) -> str:
    """A name's numbers as `_DECADE_RE` ... `_MINUS_RE` read them (case folded).

    >>> _numbers_written("1990's fads, 10,000 steps, top 10%, -5°c, 2 per cent, 9-1-1")
    '1990s fads, 10000 steps, top 10 percent, minus 5°c, 2 percent, 911'
    """
    text = _THOUSANDS_RE.sub("", _DECADE_RE.sub(r"\1s", text))
    text = _DIGIT_BY_DIGIT_RE.sub(lambda number: number[0].replace("-", ""), text)
    return _MINUS_RE.sub("minus ", _PERCENT_RE.sub(" percent", text))


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

    A parenthesis saying which sense a name has is part of it (`_sense`):

    >>> split_alias("Java (programming language)")
    ('Java programming language', None)

    An acronym before its long form is named by the long form, as the other way round
    (a bare "VSM" then joins it only if nothing else in the archive is VSM):

    >>> split_alias("VSM (Value Stream Mapping)")
    ('Value Stream Mapping', 'VSM')
    >>> split_alias("Use of GenAI (Generative AI)")
    ('Use of Generative AI', 'Use of GenAI')
    """
    match = _PAREN_RE.match(label.strip())
    if not match or not match["before"].strip():
        return label, None
    before, after = match["before"].strip(), match["after"].strip()
    name = f"{before} {after}".strip()
    inside = match["inside"].strip()
    if _sense(match):  # (the sense is part of the name: no alias)
        return f"{before} {inside}", None
    renamed = _RENAMED_RE.fullmatch(inside)
    alias = renamed["other"] if renamed else _not_abbreviated(before, inside) + inside
    alias = f"{alias} {after}".strip()
    if not renamed and not is_acronym(inside) and _spelled_out(before, inside):
        return alias, name
    return name, alias


# The kinds of thing a parenthesis names to say which sense a name has: "Blindsight
# (novel)", "blindsight (neurology)", "Java (programming language)", "The Who (band)".
_SENSE_KINDS = frozenset("""novel book novella film movie series show documentary band album
    song game play musical opera painting poem magazine newspaper podcast festival company
    firm brand startup airline agency body organisation organization association federation
    regulator university island country state province city town
    region river lake mountain rainforest planet moon element mineral animal species bird
    fish plant language condition disorder disease syndrome virus variant drug stage
    concept author writer novelist artist musician singer actor philosopher scientist
    economist politician character app chatbot model neurology psychology psychiatry
    biology physics chemistry medicine economics mathematics philosophy sociology
    linguistics""".split())


# ... of which a body's only in lower case: a capitalised one is its name ("WHO (World
# Health Organization)", and "APA (American Psychological Association)" is no sense
# "APA (American Psychiatric Association)" shares: an attack's)
_BODIES = frozenset("body organisation organization association federation regulator".split())


def _sense(match: re.Match) -> bool:
    """Whether a name's last parenthesis says which of its senses it names, as a kind of
    thing (`_SENSE_KINDS`, in at most four words): then it is part of the name, and two
    senses keep their names apart ("Blindsight (novel)" / "blindsight (neurology)"); the
    name alone joins the one sense an archive gives it (`join_keys`).

    >>> [_sense(_PAREN_RE.match(n)) for n in ("Java (programming language)",
    ...     "Adolescence (Netflix series)", "Food Export Certification (Thai Select)",
    ...     "collaborative robots (cobots)", "Delta (COVID variant)")]
    [True, True, False, False, True]
    """
    inside, after = match["inside"].strip(), match["after"].strip()
    words = inside.lower().split()
    return not after and 0 < len(words) <= 4 and words[-1] in _SENSE_KINDS and \
        not is_acronym(inside) and not _RENAMED_RE.fullmatch(inside) and \
        (words[-1] not in _BODIES or inside.islower())


def sense_of(label: str) -> tuple[str, str] | None:
    """(the name without it, the kind of thing it is) for a name written with its sense
    in parentheses, None for any other name.

    >>> sense_of("Echopraxia (Peter Watts novel)"), sense_of("Generative AI (Gen AI)")
    (('Echopraxia', 'novel'), None)
    """
    match = _PAREN_RE.match(label.strip())
    if not match or not match["before"].strip() or not _sense(match):
        return None
    return match["before"].strip(), match["inside"].lower().split()[-1]


def _spelled_out(before: str, inside: str) -> bool:
    """Whether `inside` is the long form of an acronym that ends `before`: its letters
    spell it, or, of an acronym alone, begin its words as the corpus writes a declared
    one ("AMR (Antimicrobial Resistance)", "CBD (Cannabidiol)").

    >>> _spelled_out("CBD", "Cannabidiol"), _spelled_out("AI", "Gen AI")
    (True, False)
    """
    from .acronyms import abbreviation_spans, initials_within  # (they read this module)

    words, long = before.split(), _plain(inside)
    short = _plain(before, plural=True)
    if len(words) == 1 and is_acronym(before) and len(long) > len(short) and \
            (initials_within(short, long) or short[:1] == long[:1] and " " not in long):
        return True
    return any(any(is_acronym(word) for word in words[-size:]) and
               abbreviation_spans(_plain(" ".join(words[-size:]), plural=True), long)
               for size in range(1, min(3, len(words)) + 1))


def _not_abbreviated(before: str, inside: str) -> str:
    """The first words of `before` that what is in parentheses after it does not stand
    for, so that the alias keeps them ("Rise of AI" of "Rise of Artificial Intelligence
    (AI)", not "AI": a review's false join). For an acronym: those before the last
    words whose initials it is, else before the last words its letters abbreviate
    ("Generative AI" of "GenAI"), else up to the last preposition ("Decline of " of
    "Decline of Augmented and Virtual Reality (AR/VR)"); for a long form after an
    acronym, those before the acronym ("Use of " of "Use of GenAI (Generative AI)"); ""
    when it stands for all of them.

    >>> _not_abbreviated("Rise of the Internet of Things", "IoT")
    'Rise of the '
    >>> _not_abbreviated("Large Language Models", "LLMs"), _not_abbreviated("Gen AI", "GenAI")
    ('', '')
    >>> _not_abbreviated("Bans on Generative AI", "GenAI")
    'Bans on '
    >>> _not_abbreviated("Rise of Self-Driving Cars", "AVs")
    'Rise of '
    >>> _not_abbreviated("Use of GenAI", "Generative AI"), _not_abbreviated("Emotional Intelligence", "EQ")
    ('Use of ', '')
    """
    from .acronyms import abbreviation_spans  # (acronyms.py reads this module)

    words = before.split()
    if not is_acronym(inside):
        long = _plain(inside)
        for size in range(1, min(3, len(words) - 1) + 1):
            short = words[-size:]
            if any(is_acronym(word) for word in short) and \
                    abbreviation_spans(_plain(" ".join(short), plural=True), long):
                return " ".join(words[:-size]) + " "
        return ""
    letters = _plain(inside, plural=True).replace(" ", "")
    every, content = "", ""  # initials of words[start:], with and without small words
    initials = spans = None  # where the run the acronym stands for starts, either way
    for start in range(len(words) - 1, -1, -1):  # (from the end: linear in the letters)
        parts = [part.lower() for part in words[start].split("-") if part]
        every = "".join(part[0] for part in parts) + every
        content = "".join(part[0] for part in parts if part not in _STOP) + content
        if len(content) > len(letters):
            break
        if words[start].lower() in _STOP:  # (the run starts with a word)
            continue
        if letters in (every, content):
            initials = start
        elif abbreviation_spans(letters, _plain(" ".join(words[start:]))):
            spans = start
    found = initials if initials is not None else spans
    if found is None:  # (no run of last words: those after the last preposition)
        found = next((at + 1 for at in range(len(words) - 2, 0, -1)
                      if words[at].lower() in _ALIAS_PREPOSITIONS), 0)
    return " ".join(words[:found]) + " " if found else ""


_ALIAS_PREPOSITIONS = frozenset({"of", "in", "on", "for", "to", "with", "by", "at", "from",
                                 "about", "against", "among", "over", "toward", "towards"})


def _plain(text: str, plural: bool = False) -> str:
    """Words of letters and digits, lower case (an acronym's plural "s" dropped, and a
    possessive's: "National People's Congress" spells NPC)."""
    words = re.findall(r"[^\W_]+", re.sub(r"['\u2019]s\b", "", text))
    if plural and words and len(words[-1]) > 1 and words[-1].endswith("s") and \
            words[-1][:-1].isupper():
        words[-1] = words[-1][:-1]
    return " ".join(words).lower()


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
    name = split_alias(label)[0]
    key = normal_form(name)
    return _word_in_capitals(name, key) or key


def _word_in_capitals(name: str, key: str) -> str:
    """The key in capitals of a name that is one word of three capitals or more that is
    also an English word the table knows no acronym of: "ICE", "SWIFT", "SNAP", "VETs"
    name an agency, a bank network, a benefit, vocational training, not ice, the swift,
    a snap or vets (older attacks' false joins; no other key is in capitals, and
    `join_keys` joins it to the word written in lower case only, "ice", when the archive
    writes that word nowhere with a capital, "Ice"); else "".

    >>> [name_key(n) for n in ("ICE", "SWIFT", "Swift", "VETs", "NATO", "STEM", "ICE raids")]
    ['ICE', 'SWIFT', 'swift', 'VET', 'nato', 'stem', 'ice raid']
    >>> name_key("MUM"), name_key("MOM")  # (no British spelling of an acronym: "MUM" is no mom)
    ('MUM', 'MOM')
    """
    word = name.strip()
    if word.endswith("s") and word[:-1].isupper():
        word = word[:-1]  # (an acronym's plural: "VETs")
    in_capitals = len(word) >= 3 and word.isascii() and word.isalpha() and word.isupper() and \
        " " not in key and key.lower() not in _table_acronyms() and _known_word(key)
    if not in_capitals:
        return ""
    # (as the lexicon reads it, "MICE" as "MOUSE", but in no other spelling: "MUM")
    return key.upper() if american(word.lower()) == word.lower() else word


def resolution_key(label: str, aliases: "AliasTable | None" = None) -> str:
    """The key under which names are one entity (within one kind), one name at a time;
    the corpus may then join keys (`join_keys`)."""
    if aliases is not None and aliases.never:
        kept = aliases.kept_apart(label)
        if kept is not None:
            return kept
    key = name_key(label) or identity_key(label) or label
    return aliases.canonical(key) if aliases is not None else key


def alias_keys(label: str) -> list[str]:
    """Other keys a name can be looked up by: its alias in parentheses, if any.

    >>> alias_keys("Generative AI (Gen AI)")
    ['gen ai']
    """
    _, alias = split_alias(label)
    key = normal_form(alias) if alias else ""
    return [key] if key else []


# Words between a name's content words (initials skip them; wordings reorder around
# some of them).
_STOP = frozenset({"of", "and", "the", "for", "in", "on", "to", "with", "a", "an", "by", "at"})
# Names of more words than this are sentences (driving forces run to about 30): they
# join other names by their keys only, never by variants or acronyms spelled out inside
# them (whose forms grow with the square of a name's length: a crafted name of thousands
# of words took gigabytes).
_LONGEST_NAME = 40


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


# (Here, not in lexicon.py, which keys its tables with `name_key`: keys read two of them
# raw, the noun lemmas and the acronyms.)
def _lexicon_rows(name: str):
    from importlib import resources

    text = resources.files("kg").joinpath("lexicon", name).read_text("utf-8")
    rows = csv.reader(line for line in text.splitlines() if not line.startswith("#"))
    next(rows)  # (the header)
    return (row for row in rows if row)
