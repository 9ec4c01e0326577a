"""Store: graph files into pyoxigraph (queries) and back into kg's plain triples.

pyoxigraph is the query engine (fast, SPARQL 1.1); rdflib is offered for
interoperability with the many tools built on it. Every reader here turns a
file that cannot be parsed into a GraphFileError naming the file and line.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from .cache import cache_dir, file_identity, prepare_cache_dir
from .errors import UNREADABLE_GRAPH, GraphFileError
from .files import read_kept_file
from .rdf import Literal, Triple, from_oxigraph, language_of, to_oxigraph
from .seal import seal
from .vocab import XSD_STRING

__all__ = ["rdf_format_of", "store_from_triples", "rdflib_from_triples", "load_store",
           "open_store", "triples_from_file", "file_prefixes"]


def rdf_format_of(path: str | Path) -> ox.RdfFormat:
    """The RDF format of a file, from its extension (pyoxigraph knows them); RDF/XML is
    checked for entity bombs first (`check_xml_entities`)."""
    suffix = Path(path).suffix.lstrip(".")
    fmt = ox.RdfFormat.from_extension(suffix) if suffix else None
    if fmt is None:
        raise GraphFileError("cannot tell the RDF format from the file extension "
                             "(.ttl, .nt, .nq, .trig, .jsonld, .rdf)", path=path)
    if fmt == ox.RdfFormat.RDF_XML:
        check_xml_entities(path)
    return fmt


# The entities a DOCTYPE declares: a parameter entity (%), and the name, then the value
# in quotes or SYSTEM / PUBLIC for an external one. Looked for in the whole file, any
# case (the parser takes `<!doctype`, and a comment may come first).
_ENTITY_RE = re.compile(rb"<!ENTITY\s+(%\s*)?[^\s>]+\s*(?:\"([^\"]*)\"|'([^']*)'|(\w+))",
                        re.IGNORECASE)
_LONGEST_ENTITY = 200  # characters (namespaces, as ontology editors declare them)


def check_xml_entities(path: str | Path) -> None:
    """GraphFileError for RDF/XML that declares an entity made of other entities, a
    parameter or external entity, or one longer than `_LONGEST_ENTITY`: the parser
    expands them all (723 bytes of nested entities took 3-4 GB; a review's finding).
    Plain short entities, as ontology editors write for namespaces, pass."""
    import mmap

    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size == 0:
                return
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
                if data.find(b"<!") < 0:
                    return
                for parameter, double, single, external in _ENTITY_RE.findall(data):
                    value = double or single
                    if parameter or external or b"&" in value or b"%" in value or \
                            len(value) > _LONGEST_ENTITY:
                        raise GraphFileError(
                            "RDF/XML that declares an entity made of other entities is "
                            "refused (and parameter, external or long entities: an "
                            "entity-expansion bomb)", path=path)
    except (OSError, ValueError):
        return  # (the parser reports what cannot be read)


def _readable(path: str | Path) -> Path:
    path = Path(path)
    if not path.is_file():
        raise GraphFileError("no such graph file", path=path)
    return path


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
        if o.__class__ is not Literal:
            obj = rdflib.URIRef(o)
        elif o.datatype == XSD_STRING:  # RDF 1.1: "x" and "x"^^xsd:string are one term;
            obj = rdflib.Literal(o.value)  # rdflib only equates them without the datatype
        elif o.datatype[:1] == "@":
            obj = rdflib.Literal(o.value, lang=language_of(o))
        else:
            obj = rdflib.Literal(o.value, datatype=rdflib.URIRef(o.datatype))
        graph.add((rdflib.URIRef(s), rdflib.URIRef(p), obj))
    return graph


def load_store(*paths: str | Path) -> ox.Store:
    """Load graph files (Turtle, N-Triples, TriG, ...) into an in-memory pyoxigraph Store."""
    store = ox.Store()
    for path in map(_readable, paths):
        try:
            store.bulk_load(path=path, format=rdf_format_of(path))
        except UNREADABLE_GRAPH as err:
            raise GraphFileError.from_syntax(err, path) from None
    return store


def triples_from_file(path: str | Path) -> list[Triple]:
    """Read a graph file back into kg's plain triples (blank nodes keep their `_:` ids)."""
    path = _readable(path)
    try:
        return [(from_oxigraph(q.subject), from_oxigraph(q.predicate), from_oxigraph(q.object))
                for q in ox.parse(path=str(path), format=rdf_format_of(path))]
    except UNREADABLE_GRAPH as err:
        raise GraphFileError.from_syntax(err, path) from None


def open_store(path: str | Path, persist: bool = True) -> ox.Store:
    """A pyoxigraph Store for a graph file, indexed on disk once so later opens are instant.

    The index lives in `.kg-cache/oxigraph-<file name>/` next to the file and is
    rebuilt when the file changes (size or mtime), and when this user's seal does not
    vouch for it (kg.seal: an index made elsewhere) or it is a symbolic link. Where that folder cannot be
    written, the graph is loaded in memory instead. A file that cannot be
    parsed raises GraphFileError and leaves nothing behind.
    """
    path = _readable(path).resolve()
    # (sealed, and naming this very file: an index made elsewhere, handed over with its
    # folder, or one whose stamp was kept for this path, is never read)
    identity = " ".join(map(str, file_identity(path)))
    stamp = f"{identity} {seal('query index', str(path), identity)}\n"
    folder = cache_dir(path.parent) / f"oxigraph-{path.name}"
    try:
        if not folder.is_symlink() and not folder.parent.is_symlink() and \
                read_kept_file(folder / "SOURCE", 4096) == stamp.encode():
            return ox.Store.read_only(str(folder))
    except OSError:
        pass
    if not persist:
        return load_store(path)
    fmt = rdf_format_of(path)
    made_cache = not folder.parent.exists()
    try:
        prepare_cache_dir(path.parent)  # (never built through a symbolic link)
        building = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    except OSError:
        return load_store(path)
    try:
        store = ox.Store(str(building))
        store.bulk_load(path=path, format=fmt)
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
    except UNREADABLE_GRAPH as err:
        raise GraphFileError.from_syntax(err, path) from None
    except OSError:
        return load_store(path)
    finally:
        if building.exists():
            shutil.rmtree(building, ignore_errors=True)
        if made_cache and not folder.exists():
            try:
                folder.parent.rmdir()  # the cache folder made for nothing: leave nothing
            except OSError:
                pass


def file_prefixes(path: str | Path) -> dict[str, str]:
    """The @prefix declarations at the top of a Turtle file (empty for other formats)."""
    import re

    line_re = re.compile(r"@prefix\s+([\w-]*):\s*<([^>]*)>\s*\.", re.IGNORECASE)
    prefixes = {}
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                match = line_re.match(line.strip())
                if match:
                    prefixes[match[1]] = match[2]
                elif line.strip():
                    break
    except OSError as err:
        raise GraphFileError(f"cannot read: {err.strerror or err}", path=path) from None
    return prefixes
