"""kg: turn a folder of horizon-scanning article summaries into a knowledge graph.

The pipeline, one module per stage, data flowing one way through plain
dataclasses (model.py):

    parse.parse_file      Markdown file        -> ParsedDocument (structure)
    extract.extract       ParsedDocument       -> ArticleRecord  (meaning; readers by name)
    parts.article_part    an article's records -> ArticlePart    (its own triples)
    parts.SharedNodes     all ArticleParts     -> entities, pages, linked articles
    turtle.turtle_body    triples              -> Turtle text
    pipeline.build        all of it, in parallel, cached, written atomically -> Graph

The one public object is `Graph` (graph.py): `kg.build(sources, outdir)` returns
it and `kg.open_graph(path)` opens a built one; it answers SPARQL, gives the
networkx and rdflib views, exports, and runs the analytics. What kinds of
entity there are is one table, `kg.kinds.KINDS`. kg's own errors are
`KgError` and its subclasses (errors.py). The `kg` command is a thin layer on
top (cli.py).
"""

from .version import __version__
from .errors import (CacheError, GraphFileError, InputError, KgError, NothingToBuild, PushError,
                     QueryError)
from .files import find_sources
from .graph import BuildReport, Graph, build_graph, open_graph
from .kinds import KINDS, Column, EntityKind, KindTable
from .pipeline import build, read_records
from .query import saved_queries

__all__ = [
    "__version__", "build", "open_graph", "build_graph", "Graph", "BuildReport",
    "find_sources", "read_records", "saved_queries", "KINDS", "KindTable", "EntityKind",
    "Column", "KgError", "InputError", "NothingToBuild", "GraphFileError", "QueryError",
    "CacheError",
    "PushError",
]
