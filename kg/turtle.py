"""Turtle: kg's own writer, for triples that arrive sorted.

The writer is ours because the libraries' writers escape characters in
prefixed names (`ex:a\\/b`, `ex:\\-x`) that older parsers in Virtuoso and raptor
reject. Ours uses a prefixed name only when the local part is plain
(letters, digits, `_`, `-`) and writes a full `<IRI>` otherwise, so the file is
valid for every Turtle 1.1 parser and for the strict ones too. Triples arrive
sorted, so grouping by subject and predicate is one pass.

>>> print(turtle_body([("http://x/a", V.LABEL, Literal('say "hi"'))], {"x": "http://x/"}), end="")
<BLANKLINE>
x:a
    <http://www.w3.org/2000/01/rdf-schema#label> "say \\"hi\\"" .
"""

from __future__ import annotations

import re
import urllib.parse
from typing import Iterable

import pyoxigraph as ox

from . import vocab as V
from .kinds import KINDS, KindTable
from .rdf import Literal, Triple, language_of

__all__ = ["turtle_header", "turtle_body", "graph_prefixes", "escape_literal"]

_PLAIN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
            "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')


def escape_literal(value: str) -> str:
    """The text of a Turtle/N-Triples string literal (without its quotes)."""
    if not _NEEDS_ESCAPE.search(value):
        return value
    return _NEEDS_ESCAPE.sub(lambda m: _ESCAPES.get(m[0], f"\\u{ord(m[0]):04X}"), value)


class _Namer:
    """Writes IRIs as prefixed names where that is safe, else as <IRI>.

    The namespace is everything up to the IRI's last `/` or `#`, so finding
    the prefix is one dict look-up; nothing per IRI is kept, so memory stays
    flat however many IRIs pass through.

    >>> _Namer({})('http://x/a> . <http://x/b> <http://x/c> <http://x/d')
    '<http://x/a%3E%20.%20%3Chttp://x/b%3E%20%3Chttp://x/c%3E%20%3Chttp://x/d>'
    >>> _Namer({})('http://x/é'), _Namer({})('x y')
    ('<http://x/é>', '<urn:kg:not-an-iri:x%20y>')
    """

    def __init__(self, prefixes: dict[str, str]):
        self.by_namespace = {namespace: prefix for prefix, namespace in prefixes.items()}

    def __call__(self, iri: str) -> str:
        if iri.startswith("_:"):  # a blank node (of a graph kg did not build)
            return _blank_node(iri[2:])
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = self.by_namespace.get(iri[:cut])
        if prefix is not None and _PLAIN_LOCAL.fullmatch(iri, cut):
            return f"{prefix}:{iri[cut:]}"
        return f"<{_written_iri(iri)}>"


def _written_iri(iri: str) -> str:
    """An IRI as written between < and >: as it is when valid, which every IRI kg mints
    is; else percent-encoded (one read from a tampered cache: no text may end the <IRI>
    early and add triples of its own, nor make the file unreadable)."""
    try:
        ox.NamedNode(iri)
        return iri
    except ValueError:
        pass
    encoded = urllib.parse.quote(_LONE_PERCENT.sub("%25", iri), errors="surrogatepass",
                                 safe=":/?#@!$&'()*+,;=%~-._")
    try:
        ox.NamedNode(encoded)
        return encoded
    except ValueError:
        return "urn:kg:not-an-iri:" + urllib.parse.quote(iri, safe="", errors="surrogatepass")


_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_PLAIN_LABEL = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_-]*)")


def _blank_node(label: str) -> str:
    """A blank node's label as written: as it is when plain, else its bytes in hex
    (distinct labels stay distinct; none ends the label early).

    >>> _blank_node("b0"), _blank_node("a> . <x")
    ('_:b0', '_:x613e202e203c78')
    """
    if _PLAIN_LABEL.fullmatch(label) and not label.startswith("x"):
        return f"_:{label}"
    return "_:x" + label.encode("utf-8", "surrogatepass").hex()


def turtle_header(prefixes: dict[str, str]) -> str:
    return "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in prefixes.items())


_NAMERS: dict[tuple, _Namer] = {}
_VOCABULARY_NAMES: dict[tuple, tuple[dict[str, str], dict[str, str]]] = {}


def _remember(names: dict[str, str], iri: str, name: str) -> str:
    if len(names) < 1000:  # a vocabulary, not data: memory stays flat whatever comes
        names[iri] = name
    return name


def turtle_body(triples: Iterable[Triple], prefixes: dict[str, str]) -> str:
    """Turtle statements for triples sorted by subject then predicate (no @prefix lines)."""
    key = tuple(prefixes.items())
    name = _NAMERS.get(key) or _NAMERS.setdefault(key, _Namer(prefixes))
    # Predicates and classes come from a small vocabulary: name each once.
    predicates, classes = _VOCABULARY_NAMES.setdefault(key, ({V.TYPE: "a"}, {}))
    out: list[str] = []
    write = out.append
    subject = predicate = None
    for s, p, o in triples:
        if o.__class__ is Literal:
            if o.datatype == V.XSD_STRING:
                obj = f'"{escape_literal(o.value)}"'
            elif o.datatype[:1] == "@":  # (a language; checked, else a plain string)
                language = language_of(o)
                obj = f'"{escape_literal(o.value)}"' + (f"@{language}" if language else "")
            elif o.datatype in _BARE_DATATYPES and _BARE_DATATYPES[o.datatype].fullmatch(
                    o.value):
                obj = o.value
            else:
                obj = f'"{escape_literal(o.value)}"^^{name(o.datatype)}'
        elif p == V.TYPE:
            obj = classes.get(o) or _remember(classes, o, name(o))
        else:
            obj = name(o)
        if s != subject:
            if subject is not None:
                write(" .\n")
            write(f"\n{name(s)}\n    {predicates.get(p) or _remember(predicates, p, name(p))} "
                  f"{obj}")
            subject, predicate = s, p
        elif p != predicate:
            write(f" ;\n    {predicates.get(p) or _remember(predicates, p, name(p))} {obj}")
            predicate = p
        else:
            write(f" ,\n        {obj}")
    if subject is not None:
        write(" .\n")
    return "".join(out)


# Datatypes written bare when their text is what Turtle reads as them (a graph from
# elsewhere may hold an ill-typed "1 . ex:a ex:b ex:c"^^xsd:integer: quoted then).
_BARE_DATATYPES = {V.XSD_INTEGER: re.compile(r"[+-]?[0-9]+"),
                   V.XSD_BOOLEAN: re.compile(r"true|false")}


def graph_prefixes(base: str, kinds: KindTable = KINDS) -> dict[str, str]:
    """Standard prefixes plus one per data namespace, for readable Turtle.

    >>> graph_prefixes("http://ex.org/")["drivingforce"]
    'http://ex.org/driving-force/'
    """
    prefixes = dict(V.PREFIXES)
    prefixes["article"] = f"{base}article/"
    prefixes["page"] = f"{base}page/"
    prefixes["summary"] = f"{base}summary/"
    for kind in kinds:
        prefixes[kind.prefix] = f"{base}{kind.segment}/"
    return prefixes
