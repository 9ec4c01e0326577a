"""Other names a name carries: a maker's product ("OpenAI's ChatGPT" is ChatGPT), a
person after their office ("Mayor Eric Adams"), a law after its country's initials
("US Inflation Reduction Act"), a person's name written surname first ("Franklin,
Benjamin"); and a name before what kind of thing it names ("Calbee Inc.", "Grok chatbot"),
read as a sense in parentheses.
"""

from __future__ import annotations

import re

from .keys import _known_word, normal_form
from .wordings.words import _place

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
    |Chairwoman|Ambassador|Commissioner|Dr\.?|Professor|Prof\.|Sir|Dame)
    \s++(?P<name>.+)""", re.VERBOSE)
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
    ...  "Secretary General António Guterres", "Senator Beto O'Rourke", "CEO Pay Gap",
    ...  "Dr. John Dee", "Sir David Attenborough", "Doctor Who", "Dr Pepper Snapple Group")]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Narendra Modi', 'Eric Adams', None, None, None, None, None, 'Ursula von der Leyen',
     None, "Beto O'Rourke", None, 'John Dee', 'David Attenborough', None, None]
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


# "Surname, Given names" as a catalogue writes a person ("Franklin, Benjamin")
_INVERTED_RE = re.compile(r"(?P<last>[^\s,]++),\s++(?P<first>[^\s,]++(?:\s++[^\s,]++){0,2})")


def _inverted_person(label: str) -> str | None:
    """A person's name written surname first, as "Given names Surname": every word
    capitalised, the given names no English word and no place ("Paris, Texas" is a town,
    "Oil, Gas" and "Risk, Credit" lists: an attack's).

    >>> [_inverted_person(n) for n in ("Franklin, Benjamin", "Beer, Stafford",
    ...                                "Paris, Texas", "Dubai, UAE", "Oil, Gas")]
    ['Benjamin Franklin', 'Stafford Beer', None, None, None]
    """
    match = _INVERTED_RE.fullmatch(label.strip())
    if not match:
        return None
    words = match["first"].split() + [match["last"]]
    given = [normal_form(word) for word in words[:-1]]
    if all(_capitalised(word) for word in words) and not _place(given[0]) and \
            not any(_known_word(word) for word in given):
        return " ".join(words)
    return None



# Words after a name that say what kind of thing it names: a company's legal form
# ("Calbee, Inc.", "Spotify AB"), read as a company, after a name of one word ("Bjarke
# Ingels Group" is no architect); or a product, programme or group the name alone names
# as well ("Ariane 6 launcher", "Copernicus programme", "Emotet malware", "Rust
# language", "Azov Brigade"). Not "Company", which tells a company from what it makes
# ("The Pokémon Company"), nor a trade, which tells a company from its parent ("Siemens Energy", "Tata
# Motors"), nor holdings ("Bitcoin Holdings" are bitcoin held), nor a marketplace
# ("Facebook Marketplace"): earlier attacks' and the evaluation's. A bare name then
# joins the company only where the archive gives it no other sense ("Gemini LLC" /
# "Gemini (AI model)"), as a name in parentheses.
_COMPANY_WORDS = frozenset("""inc incorporated corp corporation plc llc ltd ag nv ab asa sa
    se gmbh spa group""".split())
_NAMED_KINDS = frozenset("""programme launcher rocket constellation chatbot llm app malware
    botnet ransomware brigade competition hotel scheme website language""".split())
# Legal forms that are also a state's or region's initials after a comma ("Las Vegas, NV")
_INITIALS_TOO = frozenset("ag nv ab asa sa se spa".split())
_KIND_NAMED_RE = re.compile(r"(?:[Tt]he\s++)?(?P<name>[^\s,]++(?:\s++[^\s,]++){0,2}?),?\s++"
                            r"(?P<kind>[A-Za-z.]++)")
# Endings of common words coined or compounded, which a title-cased label capitalises
# like a name ("Reshoring Pharmaceuticals" in an evaluation, "Agrivoltaic Group")
_WORD_ENDINGS = ("ing", "tion", "sion", "ment", "ness", "ity", "ism", "ist", "ship", "ics",
                 "ic", "al", "ive", "ous", "able", "ible", "ogy", "ance", "ence")


_SITE_RE = re.compile(r"(?P<name>[A-Za-z][A-Za-z0-9-]*+)\.(?:com|ai|io|tv)")


def _written_as_name(word: str) -> bool:
    """Whether a word is written as a name: capitalised, of mixed case or with digits,
    no word of the lexicon, without a common word's ending (`_WORD_ENDINGS`)."""
    if any(c.isdigit() for c in word):
        return True
    mixed = word[:1].islower() and any(c.isupper() for c in word[1:])
    return (_capitalised(word) or mixed) and not _known_word(normal_form(word)) and \
        not word.lower().endswith(_WORD_ENDINGS)


def _kind_named(label: str) -> tuple[str, str] | None:
    """(the name, the kind of thing it is) of a name before a word saying what kind of
    thing it names (`_COMPANY_WORDS`, read as "company", and `_NAMED_KINDS`), when the
    name is written as one: each word capitalised, of mixed case or with digits, none a
    word of the lexicon or with a common word's ending ("Visa Inc." is no visa, "Mars
    Inc." no planet, "Blue Zones LLC" no region: a review's), no acronym ("UBS Group" /
    "Universal Basic Services (UBS)", "5G SA": an evaluation's). As a sense in
    parentheses: "Vicuna chatbot" is no "Vicuna (animal)".

    >>> [_kind_named(n) for n in ("Calbee, Inc.", "Grok chatbot", "Ariane 6 launcher",
    ...     "Citymapper app", "Visa Inc.", "AI app", "UBS Group", "Live Nation Entertainment",
    ...     "blockchain app", "Japan Inc.", "Wayfair.com", "Booking.com")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Calbee', 'company'), ('Grok', 'chatbot'), ('Ariane 6', 'launcher'),
     ('Citymapper', 'app'), None, None, None, None, None, None, ('Wayfair', 'company'), None]
    """
    site = _SITE_RE.fullmatch(label.strip())  # ("Wayfair.com" is the company Wayfair)
    if site and _written_as_name(site["name"]):
        return site["name"], "company"
    match = _KIND_NAMED_RE.fullmatch(label.strip())
    if not match:
        return None
    kind = match["kind"].lower().replace(".", "")
    kind = "programme" if kind == "program" else kind
    if kind in _COMPANY_WORDS:
        if len(match["name"].split()) > 1 or kind in _INITIALS_TOO and "," in label or \
                match["kind"] == "PLC" or _place(normal_form(match["name"])):
            return None  # (a programmable logic controller; "Japan Inc." is Japan)
        kind = "company"
    elif kind not in _NAMED_KINDS:
        return None
    words = match["name"].split()
    named = words[0][:1].isalpha() and all(_written_as_name(word) for word in words)
    return (match["name"], kind) if named else None
