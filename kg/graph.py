"""The graph as one object: what `kg.build` returns and `kg.open_graph` opens.

A Graph is a built graph file (or triples in memory) with everything people do
with it one call away; each view of it is made once, when first asked for:

>>> import kg, shutil, tempfile
>>> out = tempfile.mkdtemp()
>>> graph = kg.build(["examples"], out, html=False)
>>> graph.count_by_class()["Article"], len(graph)
(1, 643)
>>> graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?t a kg:Technology }").values()
[{'n': '6'}]
>>> graph.to_networkx().number_of_nodes() > 10
True
>>> shutil.rmtree(out)
"""

from __future__ import annotations

import datetime as _dt
import functools
from pathlib import Path
from typing import IO, Iterable

from . import vocab as V
from .dates import build_date
from .errors import GraphFileError
from .formats import Format, export_format
from .kinds import KINDS, KindTable
from .model import ArticleRecord, Diagnostic
from .parts import assemble, count_classes
from .query import Table, as_table, run, saved_query
from .rdf import Triple
from .resolve import AliasTable
from .store import (file_prefixes, open_store, rdf_format_of, store_from_triples,
                    triples_from_file)
from .turtle import graph_prefixes

__all__ = ["Graph", "open_graph", "build_graph", "BuildReport"]


class BuildReport:
    """What a build did: files read, counts, diagnostics, outputs written."""

    def __init__(self, files: list, base: str):
        self.files = files  # the SourceFiles found
        self.base = base
        self.documents: list[str] = []  # stems of the summaries read
        self.counts: dict[str, int] = {}  # nodes by class
        self.triple_count = 0
        self.diagnostics: list[Diagnostic] = []
        self.outputs: dict[str, Path] = {}
        self.reused = 0  # articles taken from the cache
        self.records: list[ArticleRecord] | None = None  # only with keep_records=True


class Graph:
    """A knowledge graph built by kg: a graph file, or triples in memory.

    `path`: the graph file (Turtle, or any RDF format pyoxigraph reads);
    `triples`: or the triples themselves; `report`: what the build did, when the
    graph comes from `kg.build`.
    """

    def __init__(self, path: str | Path | None = None, *, triples: list[Triple] | None = None,
                 base: str | None = None, report: BuildReport | None = None,
                 kinds: KindTable = KINDS):
        if (path is None) == (triples is None):
            raise ValueError("give a graph file or triples")
        self.path = None if path is None else Path(path)
        self._triples = triples
        self._base = base
        self.report = report
        self.kinds = kinds

    def __repr__(self) -> str:
        where = self.path if self.path else f"{len(self._triples)} triples in memory"
        return f"<kg.Graph {where}>"

    # --- views, each made once --------------------------------------------------------

    @property
    def triples(self) -> list[Triple]:
        """The graph's triples (read from the file on first use)."""
        if self._triples is None:
            self._triples = triples_from_file(self.path)
        return self._triples

    def __len__(self) -> int:
        return len(self.triples)

    @functools.cached_property
    def prefixes(self) -> dict[str, str]:
        """Prefixes for queries and writing: the standard ones and the graph's own."""
        if self.path is not None:
            return {**V.PREFIXES, **file_prefixes(self.path)}
        return graph_prefixes(self.base, self.kinds)

    @property
    def base(self) -> str:
        """The base IRI of the graph's nodes."""
        if self._base is None:
            article = self.prefixes.get("article", V.DEFAULT_BASE + "article/")
            self._base = article.removesuffix("article/")
        return self._base

    @functools.cached_property
    def store(self):
        """A pyoxigraph Store of the graph (a file's on-disk index, opened read-only)."""
        if self.path is not None:
            return open_store(self.path)
        return store_from_triples(self.triples)

    def to_networkx(self):
        """Articles and entities as a networkx MultiDiGraph (see kg.network.to_networkx)."""
        return self._networkx

    @functools.cached_property
    def _networkx(self):
        from .network import to_networkx

        return to_networkx(self.triples, self.kinds)

    def to_rdflib(self):
        """The graph as an rdflib.Graph (a new one on each call: rdflib graphs are mutable)."""
        from .store import rdflib_from_triples

        return rdflib_from_triples(self.triples)

    # --- asking -----------------------------------------------------------------------

    def query(self, sparql: str) -> Table:
        """Run a SPARQL query (kg:, rdfs:, skos:, ... need no PREFIX lines); SELECT rows,
        an ASK answer or CONSTRUCT triples as a Table. Raises QueryError."""
        return as_table(self.results(sparql))

    def results(self, sparql: str):
        """The raw pyoxigraph results of a query (for serialising them)."""
        return run(self.store, sparql, self.prefixes)

    def saved_query(self, query: str, /, **params: str) -> Table:
        """Run a saved query (`kg query --list`) with its parameters (any names, `name`
        too: the query's own name is positional)."""
        return self.query(saved_query(query).bind(params))

    def count_by_class(self) -> dict[str, int]:
        """Number of nodes per kg class, by the class's local name."""
        return dict(sorted(count_classes(self.triples).items()))

    def entity_names(self) -> list[tuple[str, str]]:
        """(type, name) of every entity name (label and other names), sorted."""
        classes = ", ".join(f"<{cls}>" for cls in self.kinds.classes())
        table = self.query("SELECT ?type ?name WHERE { ?e a ?class ; rdfs:label|skos:altLabel "
                           f"?name . FILTER(?class IN ({classes})) "
                           "BIND(STRAFTER(STR(?class), '#') AS ?type) }")
        return sorted((row["type"], row["name"]) for row in table.values())

    def entity_nodes(self) -> list[tuple[str, str]]:
        """(IRI, name) of every entity name (label and other names), sorted."""
        classes = ", ".join(f"<{cls}>" for cls in self.kinds.classes())
        table = self.query("SELECT ?e ?name WHERE { ?e a ?class ; rdfs:label|skos:altLabel "
                           f"?name . FILTER(?class IN ({classes})) }}")
        return sorted((row["e"], row["name"]) for row in table.values())

    def merged_entities(self) -> list[tuple[str, list[str]]]:
        """Entities the build made of several differently written names."""
        # (each name once: not a row per pair of names, quadratic in one node's names)
        table = self.query("SELECT DISTINCT ?e ?name WHERE { ?e rdfs:label|skos:altLabel "
                           "?name FILTER EXISTS { ?e skos:altLabel [] } }")
        names: dict[str, set[str]] = {}
        for row in table.values():
            names.setdefault(row["e"], set()).add(row["name"])
        return [(iri, sorted(found)) for iri, found in sorted(names.items())]

    # --- writing ----------------------------------------------------------------------

    def export(self, output: "IO[bytes] | str | Path", fmt: str | Format) -> str:
        """Write the graph to a binary stream in an export format (a Format or its name),
        or, for a format of several files (csv: nodes.csv, edges.csv), into a folder;
        returns what was written ("553 triples")."""
        if not isinstance(fmt, Format):
            fmt = export_format(fmt, None)
        if fmt.files:
            from .export import write_files

            return write_files(fmt, self.triples, self.prefixes, output)
        return fmt.writer(self.triples, output, self.prefixes)

    def stats(self, top: int = 10, **options):
        """The analytics report (kg.report.Report) of the graph; `options` as
        kg.report.make_report takes them."""
        from .report import make_report

        return make_report(self.facts(), top=top, **options)

    def facts(self):
        """What analytics read of the graph (kg.facts.Facts), streamed from the file
        unless the triples are already in memory."""
        from .facts import facts_from_triples, read_facts

        if self._triples is None:
            return read_facts(self.path, self.kinds)
        return facts_from_triples(self._triples, self.kinds)


def open_graph(path: str | Path, kinds: KindTable = KINDS) -> Graph:
    """Open a graph file written by `kg build` (or any RDF file kg can read); it is read
    when first used. GraphFileError, naming the file (and the line, for a file that
    cannot be parsed), when it cannot be read."""
    if not Path(path).is_file():
        raise GraphFileError("no such graph file", path=path)
    rdf_format_of(path)  # an unknown extension fails now
    return Graph(path, kinds=kinds)


def build_graph(records: Iterable[ArticleRecord], base: str = V.DEFAULT_BASE,
                today: _dt.date | None = None, aliases: AliasTable | None = None,
                kinds: KindTable = KINDS, related=None) -> Graph:
    """The Graph of extracted records, in memory (for small corpora and tests; `kg.build`
    streams the same triples to disk). Deterministic for the same records."""
    records = list(records)
    triples, diagnostics = assemble(records, base, today or build_date(), aliases, kinds,
                                    related)
    report = BuildReport([], base)
    report.records, report.diagnostics = records, diagnostics
    report.triple_count = len(triples)
    report.counts = dict(sorted(count_classes(triples).items()))
    return Graph(triples=triples, base=base, report=report, kinds=kinds)
