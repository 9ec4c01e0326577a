"""kg: turn a folder of horizon-scanning article summaries into a knowledge graph.

The pipeline, one module per stage, data flowing one way:

    parse.parse_file      Markdown file   -> ParsedDocument
    extract.extract       ParsedDocument  -> ArticleRecord
    graph.article_part    ArticleRecords of one article -> ArticlePart (its own triples)
    graph.SharedNodes     ArticleParts    -> entities, pages, linked articles
    export.turtle_body    triples         -> Turtle text
    view.write_html       networkx graph  -> graph.html
    query.run             SPARQL over a pyoxigraph Store

`kg.build(sources, outdir)` runs all of it and writes the files (pipeline.py);
`kg.build_graph(records)` gives the same triples in memory for small corpora.
The `kg` command is a thin layer on top.
"""

__version__ = "0.1.0"

from .graph import KnowledgeGraph, build_graph  # noqa: E402  (after __version__: cache uses it)
from .pipeline import BuildResult, build, find_sources, read_records  # noqa: E402
from .query import saved_queries  # noqa: E402
from .store import load_rdflib, load_store  # noqa: E402

__all__ = [
    "BuildResult", "KnowledgeGraph", "build", "build_graph", "find_sources", "load_rdflib",
    "load_store", "read_records", "saved_queries",
]
