"""RDF terms as plain Python values, and the IRIs kg mints.

Triples are plain tuples `(subject, predicate, object)`: IRIs are `str`,
literals are `Literal` named tuples. Plain values pickle and sort fast and
need no library; `to_oxigraph` and `from_oxigraph` convert at the edges.

>>> sorted([("s", "p", Literal("b")), ("s", "p", "http://o")], key=sort_key)
[('s', 'p', 'http://o'), ('s', 'p', Literal(value='b', datatype='http://www.w3.org/2001/XMLSchema#string'))]
"""

from __future__ import annotations

import re
import urllib.parse
from typing import NamedTuple

import pyoxigraph as ox

from . import vocab as V
from .errors import InputError

__all__ = ["Literal", "Triple", "sort_key", "iri_segment", "key_of_iri", "safe_url",
           "check_base", "article_iri", "page_iri", "to_oxigraph", "from_oxigraph", "MAX_LITERAL"]

# pyoxigraph's parser refuses a literal longer than its 16 MiB buffer; kg keeps every
# literal it writes well under that, so every graph kg writes, kg can read.
MAX_LITERAL = 8 << 20


class Literal(NamedTuple):
    """An RDF literal; IRIs are plain `str`."""

    value: str
    datatype: str = V.XSD_STRING  # an IRI, or "@" and the language of a tagged string


def language_of(literal: Literal) -> str | None:
    """The language of a language-tagged string (a graph from elsewhere), else None.

    >>> language_of(Literal("hello", "@en")), language_of(Literal("hello"))
    ('en', None)
    """
    datatype = literal.datatype
    return datatype[1:] if datatype[:1] == "@" and _LANGUAGE.fullmatch(datatype, 1) else None


_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")


Triple = tuple[str, str, "str | Literal"]


def sort_key(triple: Triple):
    """Sort order of triples: subject, predicate, then IRIs before literals."""
    s, p, o = triple
    if o.__class__ is Literal:
        return (s, p, 1, o.value, o.datatype)
    return (s, p, 0, o, "")


_KEEP = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")
_ONLY_KEPT = re.compile(r"[A-Za-z0-9.\- ]*")  # _KEEP and spaces (ASCII only)


def iri_segment(text: str) -> str:
    """Encode text as one readable, portable IRI path segment.

    Letters, digits, `-` and `.` stay; a space becomes `_`; everything else,
    `_` included, is percent-encoded as UTF-8, so the mapping is one-to-one and
    the result is plain ASCII that every triple store accepts. A segment of
    dots only (`.`, `..`) is encoded whole, since IRI resolution would remove it.

    >>> iri_segment("a_b c/é")
    'a%5Fb_c%2F%C3%A9'
    """
    if text.strip(".") == "":
        return "".join(f"%{ord(char):02X}" for char in text) or "-"
    if _ONLY_KEPT.fullmatch(text):  # the common case, without a loop in Python
        return text.replace(" ", "_")
    out = []
    for char in text:
        if char in _KEEP:
            out.append(char)
        elif char == " ":
            out.append("_")
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8"))
    return "".join(out)



def check_base(base: str) -> str:
    """The base IRI of a graph's nodes, checked: absolute, valid, ending in `/` or `#`
    (so the IRIs minted under it are valid too); InputError otherwise.

    >>> check_base("https://w3id.org/hskg/id/")
    'https://w3id.org/hskg/id/'
    >>> check_base("http://x/a b/")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: base IRI 'http://x/a b/' is not a valid absolute IRI (Invalid IRI code point ' ')
    """
    try:
        ox.NamedNode(base + "x")
    except ValueError as err:
        raise InputError(f"base IRI {base!r} is not a valid absolute IRI ({err})") from None
    if not base.endswith(("/", "#")):
        raise InputError(f"base IRI {base!r} must end with / or #")
    return base


def article_iri(base: str, article_id: str) -> str:
    return f"{base}article/{iri_segment(article_id)}"


def page_iri(base: str, page: str) -> str:
    return f"{base}page/{iri_segment(page)}"


_URL_SCHEMES = ("http", "https", "ftp", "mailto")


def key_of_iri(iri: str) -> str:
    """The key an entity IRI was made from (the inverse of `iri_segment`).

    >>> key_of_iri("http://x/technology/large_language_model")
    'large language model'
    """
    segment = iri[iri.rfind("/") + 1:]
    return urllib.parse.unquote(segment.replace("_", " "))


def safe_url(url: str) -> str | None:
    """An untrusted URL as an absolute IRI, percent-encoding what IRIs forbid; or None
    when it is not an absolute http(s)/ftp/mailto URL every parser accepts.

    Never raises, whatever the text:

    >>> safe_url("https://en.wikipedia.org/wiki/Echopraxia_(novel)")
    'https://en.wikipedia.org/wiki/Echopraxia_(novel)'
    >>> safe_url("http://x.org/a b"), safe_url("(http://[::1)"), safe_url("javascript:alert(1)")
    ('http://x.org/a%20b', None, None)
    """
    url = url.strip()
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:  # e.g. "http://[::1": an unbalanced IPv6 host
        return None
    scheme = parts.scheme.lower()
    if scheme not in _URL_SCHEMES or not (parts.netloc or scheme == "mailto"):
        return None
    # Keep everything IRIs allow (reserved characters, existing %-escapes, non-ASCII).
    encoded = urllib.parse.quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
    try:
        ox.NamedNode(encoded)
    except ValueError:
        return None
    return encoded


def to_oxigraph(triple: Triple) -> ox.Triple:
    """A triple as pyoxigraph's (blank nodes, `_:id`, as `from_oxigraph` gives them)."""
    s, p, o = triple
    if o.__class__ is not Literal:
        obj = _node(o)
    elif language_of(o):
        obj = ox.Literal(o.value, language=language_of(o))
    else:
        obj = ox.Literal(o.value, datatype=ox.NamedNode(o.datatype))
    return ox.Triple(_node(s), ox.NamedNode(p), obj)


def _node(value: str) -> "ox.NamedNode | ox.BlankNode":
    return ox.BlankNode(value[2:]) if value.startswith("_:") else ox.NamedNode(value)


def from_oxigraph(term) -> "str | Literal":
    """A pyoxigraph term as kg's plain value (blank nodes keep their `_:` ids)."""
    if isinstance(term, ox.Literal):
        return Literal(term.value, "@" + term.language if term.language
                       else term.datatype.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value
