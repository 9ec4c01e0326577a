"""Export: write the graph to files, atomically.

The Turtle writer is ours because the libraries' writers escape characters in
prefixed names (`ex:a\\/b`, `ex:\\-x`) that older parsers in Virtuoso and raptor
reject. Ours uses a prefixed name only when the local part is plain
(letters, digits, `_`, `-`) and writes a full `<IRI>` otherwise, so the file is
valid for every Turtle 1.1 parser and for the strict ones too. Triples arrive
sorted, so grouping by subject and predicate is one pass.
"""

from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator

from . import vocab as V
from .graph import Literal, Triple, sort_key

_PLAIN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
            "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_UMASK = os.umask(0)
os.umask(_UMASK)


@contextmanager
def atomic_write(path: str | Path, mode: str = "w", durable: bool = True) -> Iterator[IO]:
    """Open a temporary file next to `path` and move it into place only on success.

    A crash or an exception leaves the old file (or no file) behind, never half of one.
    With durable=True the data also reaches the disk before the move (fsync), so
    a power cut cannot leave an empty file either.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; the output should be like any file
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8",
                                                           "newline": "\n"})) as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _escape(value: str) -> str:
    if not _NEEDS_ESCAPE.search(value):
        return value
    return _NEEDS_ESCAPE.sub(lambda m: _ESCAPES.get(m[0], f"\\u{ord(m[0]):04X}"), value)


class _Namer:
    """Writes IRIs as prefixed names where that is safe, else as <IRI>.

    The namespace is everything up to the IRI's last `/` or `#`, so finding
    the prefix is one dict look-up; nothing per IRI is kept, so memory stays
    flat however many IRIs pass through.
    """

    def __init__(self, prefixes: dict[str, str]):
        self.by_namespace = {namespace: prefix for prefix, namespace in prefixes.items()}

    def __call__(self, iri: str) -> str:
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = self.by_namespace.get(iri[:cut])
        if prefix is not None and _PLAIN_LOCAL.fullmatch(iri, cut):
            return f"{prefix}:{iri[cut:]}"
        return f"<{iri}>"


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
                obj = f'"{_escape(o.value)}"'
            elif o.datatype in _BARE_DATATYPES:
                obj = o.value
            else:
                obj = f'"{_escape(o.value)}"^^{name(o.datatype)}'
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


_BARE_DATATYPES = (V.XSD_INTEGER, V.XSD_BOOLEAN)


def graph_prefixes(base: str) -> dict[str, str]:
    """Standard prefixes plus one per data namespace, for readable Turtle."""
    from .graph import KINDS

    prefixes = dict(V.PREFIXES)
    prefixes["article"] = f"{base}article/"
    prefixes["page"] = f"{base}page/"
    prefixes["summary"] = f"{base}summary/"
    for kind in KINDS.values():
        prefixes[kind.segment.replace("-", "")] = f"{base}{kind.segment}/"
    return prefixes


# Formats of `kg export`: RDF ones written here, network ones through networkx.
RDF_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
NETWORK_FORMATS = ("graphml", "gexf")


def ntriples_lines(triples: Iterable[Triple]) -> list[str]:
    """Each triple as one N-Triples line (with its newline), sorted.

    >>> ntriples_lines([("http://a", "http://b", Literal('say "hi"'))])
    ['<http://a> <http://b> "say \\\\"hi\\\\"" .\\n']
    """
    from .store import to_oxigraph

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
        if p == V.IS_LOADED and isinstance(o, Literal) and o.value == "true":
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


def export_graph(graph_file: str | Path, fmt: str, output: IO[bytes],
                 base: str | None = None) -> int:
    """Write the graph in `graph_file` to `output` (binary) as `fmt`; returns the number
    of triples. nq and trig put each article in its own named graph (`named_graphs`)."""
    from .store import triples_from_file, to_oxigraph

    triples = triples_from_file(graph_file)
    if fmt in NETWORK_FORMATS:
        import networkx as nx

        from .network import to_networkx

        graph = to_networkx(triples)
        for _, data in graph.nodes(data=True):
            data.pop("mentions", None)  # lists: neither GraphML nor GEXF can hold them
        for node, data in graph.nodes(data=True):
            data["iri"] = node
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(graph, output)
        return len(triples)
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(RDF_FORMATS + NETWORK_FORMATS)}")
    import pyoxigraph as ox

    from .query import file_prefixes

    prefixes = {**V.PREFIXES, **file_prefixes(graph_file)}
    ordered = sorted(triples, key=sort_key)
    if fmt == "ttl":
        output.write((turtle_header(prefixes) + turtle_body(ordered, prefixes)).encode("utf-8"))
    elif fmt == "trig":
        output.write(turtle_header(prefixes).encode("utf-8"))
        for name, members in sorted(named_graphs(ordered, base).items()):
            output.write(f"<{name}> {{\n{turtle_body(members, prefixes)}}}\n\n".encode("utf-8"))
    elif fmt == "nt":
        output.write("".join(ntriples_lines(triples)).encode("utf-8"))
    elif fmt == "nq":
        for name, members in sorted(named_graphs(ordered, base).items()):
            output.write("".join(line[:-2] + f"<{name}> .\n"
                                 for line in ntriples_lines(members)).encode("utf-8"))
    else:  # jsonld
        ox.serialize((to_oxigraph(t) for t in ordered), output, ox.RdfFormat.JSON_LD)
    return len(triples)
