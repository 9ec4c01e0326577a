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

import csv
import io
import re
from typing import IO, Iterable, Iterator

from . import vocab as V
from .errors import InputError
from .rdf import Literal, Triple, to_oxigraph
from .turtle import turtle_body, turtle_header

__all__ = ["write_turtle", "write_ntriples", "write_nquads", "write_trig", "write_jsonld",
           "write_rdfxml", "write_graphml", "write_gexf", "ntriples_lines", "named_graphs",
           "carried_text", "REPLACEMENT", "write_csv", "csv_rows", "export_network",
           "spreadsheet_text", "from_spreadsheet_text", "spreadsheet_results", "carried_answer"]

REPLACEMENT = "\ufffd"
# What no format carries reliably: lone surrogates (not encodable as UTF-8) and the 66
# noncharacters (raptor refuses U+FFFE and U+FFFF). XML 1.0 also forbids the C0 controls
# other than tab, newline and carriage return, even as character references.
_NOT_CHARACTERS = "\ud800-\udfff\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xfffe)}{chr(plane << 16 | 0xffff)}" for plane in range(17))
_UNCARRIED = re.compile(f"[{_NOT_CHARACTERS}]")
_UNCARRIED_IN_XML = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_NOT_CHARACTERS}]")


def carried_text(text: str, xml: bool = False) -> str:
    """The text with what the format cannot carry replaced by U+FFFD: noncharacters and
    lone surrogates in every format, and in XML formats the controls XML 1.0 forbids.

    >>> carried_text("a\\x01b\\uffffc"), carried_text("a\\x01b\\uffffc", xml=True)
    ('a\\x01b\\ufffdc', 'a\\ufffdb\\ufffdc')
    """
    return (_UNCARRIED_IN_XML if xml else _UNCARRIED).sub(REPLACEMENT, text)


def carried_answer(data: bytes, name: str) -> bytes:
    """An answer pyoxigraph wrote in the format `name` (kg.formats), as that format can
    carry it and its readers take it: SPARQL CSV and TSV values that would start a
    formula as text (`spreadsheet_results`); in XML (SPARQL results XML, RDF/XML) the
    controls XML 1.0 forbids as U+FFFD, which pyoxigraph writes as they are.

    >>> carried_answer('<literal>a\x1b[31m</literal>'.encode(), "xml").decode()
    '<literal>a\ufffd[31m</literal>'
    """
    if name in ("xml", "rdfxml"):
        text = data.decode("utf-8")
        return _UNCARRIED_IN_XML.sub(REPLACEMENT, text).encode("utf-8") \
            if _UNCARRIED_IN_XML.search(text) else data
    return spreadsheet_results(data, name)


def _carried(triples: list[Triple], xml: bool) -> tuple[list[Triple], int]:
    """The triples with every IRI and literal as the format can carry it, and how many
    terms had characters replaced."""
    pattern = _UNCARRIED_IN_XML if xml else _UNCARRIED
    changed = 0
    out = triples
    for index, triple in enumerate(triples):
        s, p, o = triple
        text = o.value if o.__class__ is Literal else o
        if pattern.search(text) or pattern.search(s) or pattern.search(p):
            if out is triples:
                out = list(triples)
            s, p = pattern.sub(REPLACEMENT, s), pattern.sub(REPLACEMENT, p)
            o = (Literal(pattern.sub(REPLACEMENT, o.value), o.datatype)
                 if o.__class__ is Literal else pattern.sub(REPLACEMENT, o))
            out[index] = (s, p, o)
            changed += 1
    return out, changed


def _written(what: str, replaced: int, xml: bool) -> str:
    """What a writer reports: "553 triples", and the triples whose text it had to change."""
    if not replaced:
        return what
    cannot = "characters XML cannot hold" if xml else "noncharacters or lone surrogates"
    return f"{what}; {replaced} texts had {cannot}, written as U+FFFD"


def _text_formats(write):
    """A writer of triples whose text is first made what the format can carry."""
    xml = write.__name__ in ("write_rdfxml", "write_graphml", "write_gexf")

    def carrying(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
        carried, replaced = _carried(triples, xml)
        return _written(write(carried, out, prefixes), replaced, xml)
    carrying.__name__ = write.__name__
    carrying.__doc__ = write.__doc__
    return carrying


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
        if p == V.IS_LOADED and o.__class__ is Literal and o.value == "true" and \
                "article/" in s:  # (an article IRI; anything else is shared)
            owner[s] = s
    for s, p, o in triples:
        if p in (V.HAS_SUMMARY, V.HAS_MENTION) and s in owner:
            owner.setdefault(o, owner[s])  # (the article; a mention's mention: a graph
            # from elsewhere)
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


@_text_formats
def write_turtle(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
    out.write((turtle_header(prefixes) + turtle_body(triples, prefixes)).encode("utf-8"))
    return f"{len(triples)} triples"


@_text_formats
def write_ntriples(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
    out.write("".join(ntriples_lines(triples)).encode("utf-8"))
    return f"{len(triples)} triples"


@_text_formats
def write_nquads(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
    for name, members in sorted(named_graphs(triples).items()):
        out.write("".join(line[:-2] + f"<{name}> .\n"
                          for line in ntriples_lines(members)).encode("utf-8"))
    return f"{len(triples)} triples"


@_text_formats
def write_trig(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
    out.write(turtle_header(prefixes).encode("utf-8"))
    for name, members in sorted(named_graphs(triples).items()):
        out.write(f"<{name}> {{\n{turtle_body(members, prefixes)}}}\n\n".encode("utf-8"))
    return f"{len(triples)} triples"


def _oxigraph_writer(format_name: str, name: str):
    def write(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
        import pyoxigraph as ox

        ox.serialize((to_oxigraph(t) for t in triples), out, getattr(ox.RdfFormat, format_name),
                     prefixes=prefixes)
        return f"{len(triples)} triples"
    write.__name__ = name
    return _text_formats(write)


@_text_formats
def write_jsonld(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
    """JSON-LD compacted with kg's published context (see kg.jsonld)."""
    import json

    from .jsonld import compact

    text = json.dumps(compact(triples, prefixes), indent=1, ensure_ascii=False)
    out.write(text.encode("utf-8") + b"\n")
    return f"{len(triples)} triples"


write_rdfxml = _oxigraph_writer("RDF_XML", "write_rdfxml")


def export_network(triples: Iterable[Triple]):
    """The graph as networkx for GraphML, GEXF and CSV: articles, entities and trends
    as nodes with `type`, `label` and `iri` (articles also `date`, `url`), edges with
    their `relation`; attributes that are not plain values (a trend's months) as JSON
    text, an entity's mentions left out (they are in the RDF formats).

    >>> g = export_network([("http://x/a", V.TYPE, V.ARTICLE), ("http://x/a", V.LABEL, Literal("A"))])
    >>> dict(g.nodes(data=True))
    {'http://x/a': {'type': 'Article', 'label': 'A', 'iri': 'http://x/a'}}
    """
    import json

    from .network import to_networkx

    graph = to_networkx(triples)
    for node, data in graph.nodes(data=True):
        data.pop("mentions", None)
        data["iri"] = node
        for key, value in data.items():
            if not isinstance(value, (str, int, float, bool)):
                data[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return graph


def _network_writer(write_network, name: str):
    def write(triples: list[Triple], out: IO[bytes], prefixes: dict[str, str]) -> str:
        graph = export_network(triples)
        write_network(graph, out)
        return f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
    write.__name__ = name
    return _text_formats(write)


def _write_graphml(graph, out) -> None:
    import networkx as nx

    nx.write_graphml(graph, out)


def _write_gexf(graph, out) -> None:
    import networkx as nx

    nx.write_gexf(graph, out)


write_graphml = _network_writer(_write_graphml, "write_graphml")
write_gexf = _network_writer(_write_gexf, "write_gexf")

NODE_COLUMNS = ("id", "label", "type", "articles", "date", "url")
EDGE_COLUMNS = ("source", "target", "type", "label", "weight")
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text: str) -> str:
    """Text a spreadsheet shows as text: one that would start a formula (after any
    apostrophes) gets a leading apostrophe (the usual defence against CSV injection);
    `from_spreadsheet_text` takes it off again.

    >>> spreadsheet_text("=HYPERLINK(1)"), spreadsheet_text("Digital Twins")
    ("'=HYPERLINK(1)", 'Digital Twins')
    >>> from_spreadsheet_text(spreadsheet_text("'=x")), from_spreadsheet_text("'quoted'")
    ("'=x", "'quoted'")
    """
    return "'" + text if text.lstrip("'").startswith(_FORMULA_START) else text


_NUMBER_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_results(data: bytes, name: str) -> bytes:
    """SPARQL CSV or TSV results (`name`) whose values a spreadsheet shows as text: a
    value that would start a formula gets a leading apostrophe (`spreadsheet_text`;
    numbers stay numbers); other formats as they are.

    >>> spreadsheet_results(b'name,n\\r\\n=HYPERLINK(1),-2\\r\\n', "csv")
    b"name,n\\r\\n'=HYPERLINK(1),-2\\r\\n"
    >>> spreadsheet_results(b'?name\\n"@SUM(1)"\\n', "tsv")
    b'?name\\n"\\'@SUM(1)"\\n'
    """
    if name not in ("csv", "tsv") or not data:
        return data
    text = data.decode("utf-8")
    header, newline, rest = text.partition("\r\n" if name == "csv" else "\n")

    def safe(value: str) -> str:
        return value if _NUMBER_RE.fullmatch(value) else spreadsheet_text(value)

    if name == "csv":
        rows = list(csv.reader(io.StringIO(rest, newline="")))
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n").writerows([[safe(v) for v in row] for row in rows])
        return (header + newline + out.getvalue()).encode("utf-8")
    # TSV: literals in Turtle syntax ("text", "text"@en, "1"^^xsd:integer) and bare numbers
    lines = [[('"' + safe(cell[1:]) if cell[:1] == '"' else safe(cell))
              for cell in line.split("\t")] if line else [] for line in rest.split("\n")]
    return (header + newline + "\n".join("\t".join(line) for line in lines)).encode("utf-8")


def from_spreadsheet_text(text: str) -> str:
    """The text `spreadsheet_text` was given."""
    return text[1:] if text[:1] == "'" and text.lstrip("'").startswith(_FORMULA_START) \
        else text


def csv_rows(graph) -> tuple[Iterator[tuple], Iterator[tuple]]:
    """The rows (after a header) of nodes.csv and edges.csv for a network from
    `export_network`: a node's `articles` is the number of articles linking to it (for
    a trend, the articles it counts); edges are directed, `label` is the relation and
    `weight` the relatedness score (1 for other edges).

    >>> g = export_network([("a", V.TYPE, V.ARTICLE), ("a", V.LABEL, Literal("A")),
    ...                     ("t", V.TYPE, V.KG + "Technology"), ("t", V.LABEL, Literal("=T")),
    ...                     ("a", V.KG + "mentionsTechnology", "t")])
    >>> nodes, edges = csv_rows(g)
    >>> list(nodes), list(edges)
    ([('id', 'label', 'type', 'articles', 'date', 'url'), ('a', 'A', 'Article', '', '', ''), \
('t', "'=T", 'Technology', 1, '', '')], [('source', 'target', 'type', 'label', 'weight'), \
('a', 't', 'Directed', 'mentionsTechnology', 1)])
    """
    def nodes():
        yield NODE_COLUMNS
        for node, data in sorted(graph.nodes(data=True)):
            if data.get("type") == "Article":
                articles = ""
            elif "articles" in data:
                articles = data["articles"]
            else:
                articles = len({s for s in graph.predecessors(node)
                                if graph.nodes[s].get("type") == "Article"})
            yield _defused((node, str(data.get("label", "")), data.get("type", ""),
                            articles, data.get("date", ""), data.get("url", "")))

    def edges():
        yield EDGE_COLUMNS
        for source, target, data in sorted(graph.edges(data=True),
                                           key=lambda e: (e[0], e[1], e[2]["relation"])):
            yield _defused((source, target, "Directed", data["relation"], data.get("score", 1)))
    return nodes(), edges()


def _defused(row: tuple) -> tuple:
    """Every text of a row as a spreadsheet shows it as text (a graph from elsewhere may
    hold a formula in any of them: a date, an address, a relation's name)."""
    return tuple(spreadsheet_text(cell) if isinstance(cell, str) else cell for cell in row)


@_text_formats
def write_csv(triples: list[Triple], outs: dict[str, IO[bytes]], prefixes: dict[str, str]) -> str:
    """nodes.csv and edges.csv (UTF-8, RFC 4180), for spreadsheets and Gephi's import."""
    import csv

    graph = export_network(triples)
    for name, rows in zip(("nodes.csv", "edges.csv"), csv_rows(graph)):
        text = io.TextIOWrapper(outs[name], encoding="utf-8", newline="", write_through=True)
        csv.writer(text, lineterminator="\r\n").writerows(rows)
        text.detach()
    return f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"


def write_files(fmt, triples: list[Triple], prefixes: dict[str, str], folder) -> str:
    """Write a format of several files (`fmt.files`) into a folder, each atomically and
    none unless all are written."""
    from contextlib import ExitStack
    from pathlib import Path

    from .files import atomic_write

    if not isinstance(folder, (str, Path)) or str(folder) == "-":
        raise InputError(f"{fmt.name} writes {' and '.join(fmt.files)}: give a folder")
    with ExitStack() as stack:
        outs = {name: stack.enter_context(atomic_write(Path(folder) / name, "wb"))
                for name in fmt.files}
        return fmt.writer(triples, outs, prefixes)
