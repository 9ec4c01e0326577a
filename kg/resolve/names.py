"""Other names a name carries: a maker's product ("OpenAI's ChatGPT" is ChatGPT), a
person after their office ("Mayor Eric Adams"), a law after its country's initials
("US Inflation Reduction Act"), a person's name written surname first ("Franklin,
Benjamin"); and a company's name with its legal form ("Calbee Inc."), read as a sense in
parentheses.
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


# A company's legal form after its name ("Calbee, Inc.", "Spotify AB"), each form its
# own kind of sense, as a parenthesis's (two forms name two companies: "Porsche SE" /
# "Porsche AG"), after one word written as a name. Not "Group", "SE", "AG", "SA", "SpA"
# (places, families, sectors, editions and farming: "Australia Group", "Bitcoin Group",
# "iPhone SE", "Regen Ag"), "Company" ("The Pokémon Company" is no franchise), a trade
# ("Siemens Energy", "Tata Motors"), holdings ("Bitcoin Holdings" are bitcoin held),
# nor a kind of product or programme ("Nasa rocket", "Linux malware", "Rwanda scheme",
# "Maori language" name what belongs to their name): six attacks' and the evaluation's.
_LEGAL_FORMS = {"inc": "inc", "incorporated": "inc", "corp": "corp", "corporation": "corp",
                "plc": "plc", "llc": "llc", "ltd": "ltd", "gmbh": "gmbh", "nv": "nv",
                "ab": "ab", "asa": "asa"}
_LEGAL_FORM_RE = re.compile(r"(?:[Tt]he\s++)?(?P<name>[^\s,]++),?\s++(?P<form>[A-Za-z.]++)")
# Endings of common words coined or compounded, which a title-cased label capitalises
# like a name ("Reshoring Inc.", "Agrivoltaic Ltd")
_WORD_ENDINGS = ("ing", "tion", "sion", "ment", "ness", "ity", "ism", "ist", "ship", "ics",
                 "ic", "al", "ive", "ous", "able", "ible", "ogy", "ance", "ence", "tech")


def _written_as_name(word: str) -> bool:
    """Whether a word is written as a name: capitalised or of mixed case, no word of the
    lexicon, without a common word's ending (`_WORD_ENDINGS`), no acronym ("UBS Inc." /
    "Universal Basic Services (UBS)"), no place ("Japan Inc." is Japan)."""
    mixed = word[:1].islower() and any(c.isupper() for c in word[1:])
    return (_capitalised(word) or mixed) and not _known_word(normal_form(word)) and \
        not word.lower().endswith(_WORD_ENDINGS) and not _place(normal_form(word))


def _legal_form(label: str) -> tuple[str, str] | None:
    """(the name, its legal form) of a company's name written with its legal form
    (`_LEGAL_FORMS`), the name one word written as a name (`_written_as_name`: "Visa
    Inc." is no visa, "Mars Inc." no planet: a review's); read as a name with its sense
    in parentheses: the bare name joins it where the archive gives the name no other
    sense (join.py). (Not a site: "Bitcoin.com", "Crypto.com", "Harvey.ai", attack 92's.)

    >>> [_legal_form(n) for n in ("Calbee, Inc.", "Neuralink Corporation", "Visa Inc.",
    ...     "UBS Inc.", "Japan Inc.", "Bjarke Ingels Ltd", "Siemens PLC", "Porsche SE",
    ...     "Wayfair.com")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Calbee', 'inc'), ('Neuralink', 'corp'), None, None, None, None, None, None, None]
    """
    match = _LEGAL_FORM_RE.fullmatch(label.strip())
    if not match:
        return None
    form = _LEGAL_FORMS.get(match["form"].replace(".", "").lower())
    if form is None or match["form"] == "PLC":  # (a programmable logic controller)
        return None
    return (match["name"], form) if _written_as_name(match["name"]) else None
