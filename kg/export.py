"""Export writers: a graph's triples as RDF files and as networks for Gephi.

Each writer takes the graph's triples (sorted, as kg writes them), a binary
stream and the prefixes to use, and returns what it wrote ("553 triples"); the
format table (formats.py) says which writer goes with which name, extension
and media type.

Datasets (N-Quads, TriG) put each article in its own named graph, the way
`kg push --per-article-graphs` does (`named_graphs`).

>>> import io
>>> out = io.BytesIO()
>>> write_ntriples([("http://a", "http://b", Literal('say "hi"'))], out, {})
'1 triples'
>>> out.getvalue()
b'<http://a> <http://b> "say \\\\"hi\\\\"" .\\n'
"""

from __future__ import annotations

from typing import IO, Iterable

from . import vocab as V
from .rdf import Literal, Triple, to_oxigraph
from .turtle import turtle_body, turtle_header

__all__ = ["write_turtle", "write_ntriples", "write_nquads", "write_trig", "write_jsonld",
           "write_rdfxml", "write_graphml", "write_gexf", "ntriples_lines", "named_graphs"]


def ntriples_lines(triples: Iterable[Triple]) -> list[str]:
    """Each triple as one N-Triples line (with its newline), sorted.

    >>> ntriples_lines([("http://a", "http://b", Literal('x'))])
    ['<http://a> <http://b> "x" .\\n']
    """
    return sorted(f"{to_oxigraph(triple)} .\n" for triple in triples)


def named_graphs(triples: Iterable[Triple], base: str | None = None) -> dict[str, list[Triple]]:
    """The triples split into one named graph per article (the article, its summaries
    and its mentions: what no other article touches) and one for everything shared.

    Graph names: `<base>graph/article/<id>` and `<base>graph/shared`, where base
    defaults to the articles' own base.

    >>> t = [("http://x/article/a", V.IS_LOADED, Literal("true", V.XSD_BOOLEAN)),
    ...      ("http://x/article/a", V.HAS_MENTION, "http://x/summary/a/m"),
    ...      ("http://x/summary/a/m", V.LABEL, Literal("M")),
    ...      ("http://x/technology/m", V.LABEL, Literal("M"))]
    >>> {g: len(ts) for g, ts in named_graphs(t).items()}
    {'http://x/graph/article/a': 3, 'http://x/graph/shared': 1}
    """
    triples = list(triples)
    owner: dict[str, str] = {}
    for s, p, o in triples:
        if p == V.IS_LOADED and o.__class__ is Literal and o.value == "true":
            owner[s] = s
    for s, p, o in triples:
        if p in (V.HAS_SUMMARY, V.HAS_MENTION) and s in owner:
            owner[o] = s
    if base is None:
        article = next(iter(sorted(owner.values())), None)
        base = article[: article.rindex("article/")] if article else V.DEFAULT_BASE
    graphs: dict[str, list[Triple]] = {}
    shared = f"{base}graph/shared"
    for triple in triples:
        article = owner.get(triple[0])
        name = (f"{base}graph/article/{article[article.rindex('article/') + 8:]}"
                if article else shared)
        graphs.setdefault(name, []).append(triple)
    return graphs


def write_turtle(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
    out.write((turtle_header(prefixes) + turtle_body(triples, prefixes)).encode("utf-8"))
    return f"{len(triples)} triples"


def write_ntriples(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
    out.write("".join(ntriples_lines(triples)).encode("utf-8"))
    return f"{len(triples)} triples"


def write_nquads(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
    for name, members in sorted(named_graphs(triples).items()):
        out.write("".join(line[:-2] + f"<{name}> .\n"
                          for line in ntriples_lines(members)).encode("utf-8"))
    return f"{len(triples)} triples"


def write_trig(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
    out.write(turtle_header(prefixes).encode("utf-8"))
    for name, members in sorted(named_graphs(triples).items()):
        out.write(f"<{name}> {{\n{turtle_body(members, prefixes)}}}\n\n".encode("utf-8"))
    return f"{len(triples)} triples"


def _oxigraph_writer(format_name: str, use_prefixes: bool = True):
    def write(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
        import pyoxigraph as ox

        ox.serialize((to_oxigraph(t) for t in triples), out, getattr(ox.RdfFormat, format_name),
                     prefixes=prefixes)
        return f"{len(triples)} triples"
    write.__name__ = f"write_{format_name.lower()}"
    return write


write_jsonld = _oxigraph_writer("JSON_LD", use_prefixes=False)
write_rdfxml = _oxigraph_writer("RDF_XML")


def _network_writer(write_network):
    def write(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
        from .network import to_networkx

        graph = to_networkx(triples)
        for node, data in graph.nodes(data=True):
            data.pop("mentions", None)  # lists: neither GraphML nor GEXF can hold them
            data["iri"] = node
        write_network(graph, out)
        return f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
    return write


def write_graphml(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
    import networkx as nx

    return _network_writer(nx.write_graphml)(triples, out, prefixes)


def write_gexf(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
    import networkx as nx

    return _network_writer(nx.write_gexf)(triples, out, prefixes)
