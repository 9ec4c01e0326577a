"""Content negotiation over the format table: which format answers a client, and the
answer written in it within a size limit.

A client names what it wants by the Accept header, or by a format name in the
URL (`?format=json`, `?output=xml`, `?results=csv`, as SPARQLWrapper, Fuseki,
Virtuoso and YASGUI users send them). A name is looked up in the family the
answer belongs to (`xml` is SPARQL results XML for SELECT, RDF/XML for
CONSTRUCT); a name that fits no format of that family falls back to the
Accept header, so an unknown name is never the reason a client gets nothing.

>>> choose(["xml"], None, GRAPH)[0], choose(["xml"], None, RESULTS)[0]
('application/rdf+xml', 'application/sparql-results+xml')
>>> choose(["text"], "text/csv", RESULTS)[0]
'text/csv'
"""

from __future__ import annotations

import pyoxigraph as ox

from . import formats
from .formats import Format

__all__ = ["offers", "RESULTS", "GRAPH", "HTML", "negotiate", "choose", "content_type",
           "serialize"]

Offer = tuple[str, "Format | None"]  # (media type, format); None: an HTML page


def offers(family: str) -> list[Offer]:
    """(media type, Format) pairs of a family, in order of preference for `*/*`, each
    format's main media type first and then the others clients use for it."""
    return [(media, fmt) for fmt in formats.of_family(family)
            for media in (fmt.media_type, *fmt.other_media_types)]


RESULTS = offers("results")
GRAPH = offers("graph")
HTML: Offer = ("text/html", None)


def negotiate(accept: str | None, offered: list[Offer]) -> Offer | None:
    """The offer the Accept header likes best (the first offer for none); None if none.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULTS)[0]
    'application/sparql-results+xml'
    >>> negotiate("*/*", GRAPH)[0], negotiate("image/png", GRAPH)
    ('text/turtle', None)
    """
    if not accept or not accept.strip():
        return offered[0]
    best, best_score = None, 0.0
    for rank, item in enumerate(accept.split(",")):
        media, *params = [part.strip() for part in item.split(";")]
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        media = media.lower()
        for offer in offered:
            kind = offer[0].split("/")[0]
            if media in (offer[0], "*/*", f"{kind}/*"):
                # exact types beat wildcards at equal q; earlier Accept items beat later
                score = q - (0.001 if "*" in media else 0) - rank * 1e-6
                if q > 0 and score > best_score:
                    best, best_score = offer, score
                break
    return best


def choose(names: list[str], accept: str | None, offered: list[Offer]) -> Offer | None:
    """The offer for the first format name that fits the offered family, else by Accept."""
    families = {fmt.family for _, fmt in offered if fmt is not None}
    for name in names:
        for family in families:
            fmt = formats.find(name, family)
            if fmt is not None:
                return fmt.media_type, fmt
        if name.strip().lower() in ("html", "text/html") and HTML in offered:
            return HTML
    return negotiate(accept, offered)


def content_type(media_type: str) -> str:
    """The Content-Type header of an answer: text types say their charset; the others
    (SPARQL results, JSON-LD, RDF/XML) are UTF-8 by definition and say nothing more,
    as strict protocol clients compare the header exactly.

    >>> content_type("text/turtle"), content_type("application/sparql-results+json")
    ('text/turtle; charset=utf-8', 'application/sparql-results+json')
    """
    return media_type + "; charset=utf-8" if media_type.startswith("text/") else media_type


class _Limited:
    """A write-only buffer that raises once more than `limit` bytes are written."""

    def __init__(self, limit: int):
        self.limit, self.parts, self.size = limit, [], 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise OverflowError
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def serialize(results, fmt: Format, limit: int, prefixes: dict[str, str] | None = None
              ) -> bytes | None:
    """Query results, or triples (pyoxigraph's or a list), written by pyoxigraph in a
    format; None when that takes more than `limit` bytes (never a cut-short answer)."""
    from .export import carried_answer

    out = _Limited(limit)
    try:
        if isinstance(results, ox.QueryTriples):
            results.serialize(out, fmt.rdf)
        elif isinstance(results, (ox.QuerySolutions, ox.QueryBoolean)):
            results.serialize(out, fmt.results)
        else:
            ox.serialize(results, out, fmt.rdf, prefixes=prefixes)
    except OverflowError:
        return None
    # (names never run as formulas in a spreadsheet, XML holds only what it may: at
    # most a few bytes more a value)
    return carried_answer(b"".join(out.parts), fmt.name)
