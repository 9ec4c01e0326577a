"""Formats: one table of every format kg reads or writes, looked up by name,
file extension or media type (as rdflib's plugin registry does).

`kg export`, `kg query --format` and `kg serve`'s content negotiation all look
formats up here. Media types and extensions of RDF and SPARQL-results formats
come from pyoxigraph (`RdfFormat`, `QueryResultsFormat`), which also writes
the SPARQL results.

    family     what it holds                       used by
    graph      the graph's triples                 kg export, CONSTRUCT/DESCRIBE results
    dataset    triples in named graphs (articles)  kg export
    network    nodes and edges for Gephi           kg export
    results    SELECT/ASK results                  kg query, kg serve

>>> find("ttl").media_type, find("graph.nq").name, find("application/ld+json").name
('text/turtle', 'nq', 'jsonld')
>>> find("xml", family="results").media_type
'application/sparql-results+xml'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pyoxigraph as ox

from . import export
from .errors import InputError

__all__ = ["Format", "FORMATS", "register", "find", "of_family", "export_format"]


@dataclass(frozen=True)
class Format:
    name: str  # what users type: `--format ttl`
    family: str  # "graph", "dataset", "network" or "results"
    extensions: tuple[str, ...]  # without the dot; the first is written
    media_type: str
    description: str
    writer: Callable | None = None  # export formats: writer(triples, out, prefixes) -> str
    rdf: ox.RdfFormat | None = None  # pyoxigraph's format, where it has one
    results: ox.QueryResultsFormat | None = None
    aliases: tuple[str, ...] = ()  # other names clients use (`turtle`, `json-ld`, `n3`)
    other_media_types: tuple[str, ...] = ()  # others clients ask for it by (`text/n3`)
    # Formats written as several files into a folder: their names; the writer then takes
    # {name: binary stream} instead of one stream.
    files: tuple[str, ...] = ()

    @property
    def extension(self) -> str:
        return self.extensions[0]


FORMATS: list[Format] = []


def register(fmt: Format) -> Format:
    """Add a format to the table (a name may be registered once per family)."""
    if any(f.name == fmt.name and f.family == fmt.family for f in FORMATS):
        raise ValueError(f"format {fmt.name!r} ({fmt.family}) is already registered")
    FORMATS.append(fmt)
    return fmt


def _rdf(name: str, rdf: ox.RdfFormat, family: str, description: str, writer,
         aliases: tuple[str, ...] = (), media: tuple[str, ...] = (),
         extensions: tuple[str, ...] = ()) -> Format:
    return register(Format(name, family, (rdf.file_extension, *extensions), rdf.media_type,
                           description, writer, rdf=rdf, aliases=aliases,
                           other_media_types=media))


def _results(name: str, results: ox.QueryResultsFormat, description: str,
             aliases: tuple[str, ...] = (), media: tuple[str, ...] = ()) -> Format:
    return register(Format(name, "results", (results.file_extension, name),
                           results.media_type.split(";")[0], description, results=results,
                           aliases=aliases, other_media_types=media))


# Aliases and other media types: the names SPARQL clients send for them (SPARQLWrapper's
# format=, Fuseki's output=, Virtuoso's format=; Turtle is the N3 a client can read).
_rdf("ttl", ox.RdfFormat.TURTLE, "graph", "Turtle", export.write_turtle, ("turtle", "n3"),
     ("application/turtle", "application/x-turtle", "text/n3", "text/rdf+n3", "application/n3"))
_rdf("nt", ox.RdfFormat.N_TRIPLES, "graph", "N-Triples", export.write_ntriples,
     ("ntriples", "n-triples"), ("text/plain",))
_rdf("jsonld", ox.RdfFormat.JSON_LD, "graph",
     "JSON-LD compacted with kg's context (ontology/context.jsonld)", export.write_jsonld,
     ("json-ld", "json"), ("application/json", "application/x-json+ld"))
_rdf("rdfxml", ox.RdfFormat.RDF_XML, "graph", "RDF/XML", export.write_rdfxml,
     ("rdf", "xml", "rdf+xml", "rdf/xml"), ("application/xml", "text/xml"),
     ("rdfxml", "owl"))
_rdf("nq", ox.RdfFormat.N_QUADS, "dataset", "N-Quads, a named graph per article",
     export.write_nquads, ("nquads", "n-quads"))
_rdf("trig", ox.RdfFormat.TRIG, "dataset", "TriG, a named graph per article",
     export.write_trig)
register(Format("graphml", "network", ("graphml",), "application/graphml+xml",
                "GraphML (Gephi, Cytoscape, yEd)", export.write_graphml))
register(Format("gexf", "network", ("gexf",), "application/gexf+xml", "GEXF (Gephi)",
                export.write_gexf))
register(Format("csv", "network", ("csv",), "text/csv",
                "nodes.csv and edges.csv in a folder (spreadsheets, Gephi)", export.write_csv,
                files=("nodes.csv", "edges.csv")))
_results("json", ox.QueryResultsFormat.JSON, "SPARQL 1.1 Query Results JSON",
         ("srj", "sparql-results+json"), ("application/json",))
_results("xml", ox.QueryResultsFormat.XML, "SPARQL Query Results XML",
         ("srx", "sparql-results+xml"), ("application/xml", "text/xml"))
_results("csv", ox.QueryResultsFormat.CSV, "SPARQL 1.1 Query Results CSV")
_results("tsv", ox.QueryResultsFormat.TSV, "SPARQL 1.1 Query Results TSV")


def of_family(*families: str) -> list[Format]:
    return [fmt for fmt in FORMATS if fmt.family in families]


def find(text: str, family: str | None = None) -> Format | None:
    """The format named `text` (a name, an alias, a file name or extension, or a media
    type), among one family or all; None when there is none."""
    text = text.strip().lower()
    candidates = of_family(family) if family else FORMATS
    media = text.split(";")[0].strip()
    extension = text.rsplit(".", 1)[-1]
    for matches in (lambda f: text == f.name or text in f.aliases,
                    lambda f: media == f.media_type or media in f.other_media_types,
                    lambda f: extension in f.extensions):
        found = next((f for f in candidates if matches(f)), None)
        if found is not None:
            return found
    return None


EXPORT_FAMILIES = ("graph", "dataset", "network")


def export_format(name: str | None, output: str | None) -> Format:
    """The export format asked for by `--format`, or else by the output file's extension.

    Raises InputError naming the formats there are.
    """
    known = ", ".join(f.name for f in of_family(*EXPORT_FAMILIES))
    if name:
        fmt = next((f for f in of_family(*EXPORT_FAMILIES)
                    if name.lower() == f.name or name.lower() in f.aliases), None)
        if fmt is None:
            raise InputError(f"unknown export format {name!r}; known: {known}")
        return fmt
    if output and output != "-" and "." in output:
        extension = output.rsplit(".", 1)[-1].lower()
        fmt = next((f for f in of_family(*EXPORT_FAMILIES) if extension in f.extensions), None)
        if fmt is not None:
            return fmt
        raise InputError(f"cannot tell the format from the extension .{extension}; "
                         f"give --format ({known})")
    raise InputError(f"give --format ({known}) or an output file with one of their "
                     "extensions")
