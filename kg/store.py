"""Store: move triples between our plain tuples, pyoxigraph and rdflib, and load graph files.

pyoxigraph is the query engine (fast, SPARQL 1.1); rdflib is offered for
interoperability with the many tools built on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from .graph import Literal, Triple
from .vocab import XSD_STRING


def to_oxigraph(triple: Triple) -> ox.Triple:
    s, p, o = triple
    obj = ox.Literal(o.value, datatype=ox.NamedNode(o.datatype)) if isinstance(o, Literal) \
        else ox.NamedNode(o)
    return ox.Triple(ox.NamedNode(s), ox.NamedNode(p), obj)


def store_from_triples(triples: Iterable[Triple]) -> ox.Store:
    """An in-memory pyoxigraph Store holding the triples in its default graph."""
    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                      for t in map(to_oxigraph, triples))
    return store


def rdflib_from_triples(triples: Iterable[Triple]):
    """An rdflib.Graph holding the triples."""
    import rdflib

    graph = rdflib.Graph()
    for s, p, o in triples:
        if not isinstance(o, Literal):
            obj = rdflib.URIRef(o)
        elif o.datatype == XSD_STRING:  # RDF 1.1: "x" and "x"^^xsd:string are one term;
            obj = rdflib.Literal(o.value)  # rdflib only equates them without the datatype
        else:
            obj = rdflib.Literal(o.value, datatype=rdflib.URIRef(o.datatype))
        graph.add((rdflib.URIRef(s), rdflib.URIRef(p), obj))
    return graph


def _format_of(path: Path) -> ox.RdfFormat:
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) if path.suffix else None
    if fmt is None:
        raise ValueError(f"{path}: cannot tell the RDF format from the file extension")
    return fmt


def load_store(*paths: str | Path) -> ox.Store:
    """Load graph files (Turtle, N-Triples, TriG, ...) into an in-memory pyoxigraph Store."""
    store = ox.Store()
    for path in map(Path, paths):
        fmt = _format_of(path)
        store.bulk_load(path=path, format=fmt)
    return store


def load_rdflib(path: str | Path):
    """Load a graph file into an rdflib.Graph (slower than load_store; for rdflib users)."""
    import rdflib

    graph = rdflib.Graph()
    graph.parse(str(path))
    return graph


def triples_from_file(path: str | Path) -> list[Triple]:
    """Read a graph file back into kg's plain triples (blank nodes keep their `_:` ids)."""
    triples: list[Triple] = []

    def plain(term):
        if isinstance(term, ox.Literal):
            return Literal(term.value, term.datatype.value)
        if isinstance(term, ox.BlankNode):
            return f"_:{term.value}"
        return term.value

    for quad in ox.parse(path=str(path), format=_format_of(Path(path))):
        triples.append((plain(quad.subject), plain(quad.predicate), plain(quad.object)))
    return triples
