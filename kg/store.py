"""Store: move triples between our plain tuples, pyoxigraph and rdflib, and load graph files.

pyoxigraph is the query engine (fast, SPARQL 1.1); rdflib is offered for
interoperability with the many tools built on it.
"""

from __future__ import annotations

import shutil
import tempfile
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


def open_graph(path: str | Path, persist: bool = True) -> ox.Store:
    """A pyoxigraph Store for a graph file, indexed on disk once so later opens are instant.

    The index lives in `.kg-cache/oxigraph-<file name>/` next to the file and is
    rebuilt when the file changes (size or mtime). Where that folder cannot be
    written, the graph is loaded in memory instead.
    """
    path = Path(path).resolve()
    stat = path.stat()
    stamp = f"{stat.st_size} {stat.st_mtime_ns}\n"
    folder = path.parent / ".kg-cache" / f"oxigraph-{path.name}"
    try:
        if (folder / "SOURCE").read_text() == stamp:
            return ox.Store.read_only(str(folder))
    except OSError:
        pass
    if not persist:
        return load_store(path)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
        store = ox.Store(str(building))
        store.bulk_load(path=path, format=_format_of(path))
        store.flush()
        del store
        (building / "SOURCE").write_text(stamp)
        # Swap the new index in; a reader of the old one keeps its open files.
        old = folder.with_name(f".{folder.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        building.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
        return ox.Store.read_only(str(folder))
    except OSError:
        return load_store(path)
