"""Query: SPARQL over a built graph, a library of saved queries, and result formatting.

Saved queries live in `kg/queries/NAME.rq`. A header of `#` comments gives a
title (first line) and declares parameters:

    # Concerns that co-occur with a technology
    # param technology: label of the technology (any case)
    ...
    VALUES ?technology { "Generative AI" }

The VALUES line holds a default, so the file runs as it is in any SPARQL
engine; `--param technology=...` replaces the value with a properly escaped
SPARQL literal (text from users is never pasted into a query unencoded).
A query that should cover every entity kind says so with `# kinds: all` (or
`# kinds: all except category, ...`), and `missing_kinds` (run by the tests)
says which kinds it does not reach, so a new kind cannot be forgotten there.

>>> sparql_literal('say "hi"\\n')
'"say \\\\"hi\\\\"\\\\n"'
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from importlib import resources

import pyoxigraph as ox

from . import vocab as V
from .errors import QueryError
from .formats import Format
from .kinds import KINDS, KindTable
from .querycheck import check_shape, scan
from .resolve import name_key

__all__ = ["SavedQuery", "saved_queries", "sparql_literal", "run", "Table", "as_table",
           "format_table", "format_results", "with_prefixes", "missing_kinds", "saved_query"]

# `# param NAME: description`; `# param NAME (label): ...` marks an entity name looked up
# by its search key (skos:hiddenLabel), so the value is normalised the way keys are.
_PARAM_RE = re.compile(r"^#\s*param\s+(\w+)\s*(\(label\))?\s*:\s*(.*)$")
_KINDS_RE = re.compile(r"^#\s*kinds\s*:\s*all(?:\s+except\s+([\w ,]+?))?\s*(?:\(.*)?$")


@dataclass
class SavedQuery:
    name: str
    title: str
    text: str
    params: dict[str, str] = field(default_factory=dict)  # name -> description
    label_params: set[str] = field(default_factory=set)  # matched by identity key
    # `# kinds: all [except ...]`: the kinds it must reach (None: not marked)
    kinds_excluded: frozenset[str] | None = None

    def bind(self, values: dict[str, str]) -> str:
        """The query text with parameter values bound, safely encoded."""
        unknown = set(values) - set(self.params)
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameter "
                             f"{', '.join(sorted(unknown))} (it has: "
                             f"{', '.join(self.params) or 'none'})")
        text = self.text
        for name, value in values.items():
            if name in self.label_params:
                value = name_key(value)
            pattern = re.compile(r"VALUES\s+\?" + name + r"\s*\{[^}]*\}")
            replacement = f"VALUES ?{name} {{ {sparql_literal(value)} }}"
            text = pattern.sub(lambda _, bound=replacement: bound, text, count=1)
        return text


def sparql_literal(value: str) -> str:
    """A SPARQL string literal for any text."""
    escaped = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"'


def saved_queries() -> dict[str, SavedQuery]:
    """The saved queries shipped with kg, by name.

    >>> "top-technologies" in saved_queries()
    True
    """
    queries = {}
    for entry in sorted(resources.files("kg").joinpath("queries").iterdir(),
                        key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        lines = text.splitlines()
        title = lines[0].lstrip("# ").strip() if lines and lines[0].startswith("#") else entry.name
        params, label_params = {}, set()
        for line in lines:
            match = _PARAM_RE.match(line)
            if match:
                params[match[1]] = match[3].strip()
                if match[2]:
                    label_params.add(match[1])
        name = entry.name.removesuffix(".rq")
        marker = next(filter(None, map(_KINDS_RE.match, lines)), None)
        excluded = None if marker is None else frozenset(
            part.strip() for part in (marker[1] or "").split(",") if part.strip())
        queries[name] = SavedQuery(name=name, title=title, text=text, params=params,
                                   label_params=label_params, kinds_excluded=excluded)
    return queries


def missing_kinds(saved: SavedQuery, kinds: KindTable = KINDS) -> list[str]:
    """The kinds a query marked `# kinds: all` does not reach: a list or field kind
    whose article property it does not name, a table kind when it neither names the
    property nor goes through mentions (`kg:hasMention` and `kg:mentionOf`), a column
    kind whose property it does not name. Empty for unmarked queries.

    >>> missing_kinds(saved_queries()["articles-mentioning"])
    []
    """
    if saved.kinds_excluded is None:
        return []
    text = saved.text

    def names(local: str) -> bool:
        return re.search(rf"kg:{re.escape(local)}\b", text) is not None

    through_mentions = names("hasMention") and names("mentionOf")
    missing = []
    for kind in kinds:
        if kind.name in saved.kinds_excluded:
            continue
        if kind.source == "column":
            linking = [c.property for k in kinds for c in k.columns if c.names_kind == kind.name]
            reached = any(map(names, linking))
        else:
            reached = names(kind.article_property) or (kind.is_table and through_mentions)
        if not reached:
            missing.append(kind.name)
    return missing


def saved_query(name: str) -> SavedQuery:
    """One saved query by name; QueryError naming the known ones otherwise."""
    queries = saved_queries()
    if name not in queries:
        raise QueryError(f"no saved query {name!r}; known: {', '.join(queries)}")
    return queries[name]


def with_prefixes(sparql: str, prefixes: dict[str, str]) -> str:
    """Declare the graph's prefixes before the query, so `kg:` and friends need no
    PREFIX lines; the query's own declarations come later and win."""
    head = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items())
    return head + sparql


def run(store: ox.Store, sparql: str, prefixes: dict[str, str] | None = None):
    """Run a SPARQL query on a pyoxigraph Store; returns pyoxigraph's results object.

    Raises QueryError for a query that cannot be parsed or run, or that nests too deep
    for the engine to parse without crashing (kg.querycheck)."""
    check_shape(scan(sparql))
    try:
        return store.query(sparql, prefixes=prefixes or {}, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise QueryError(f"SPARQL syntax error: {err.msg if err.msg else err}") from None
    except (ValueError, OSError) as err:
        raise QueryError(f"query failed: {err}") from None


@dataclass
class Table:
    """SELECT results as plain rows of pyoxigraph terms (None for unbound)."""

    columns: list[str]
    rows: list[list[ox.NamedNode | ox.Literal | ox.BlankNode | None]]

    def __str__(self) -> str:
        return format_table(self)

    def values(self) -> list[dict[str, str | None]]:
        """The rows as dicts of plain strings (IRIs and literal values)."""
        return [{c: (None if t is None else t.value) for c, t in zip(self.columns, row)}
                for row in self.rows]


def as_table(results) -> Table:
    if isinstance(results, ox.QuerySolutions):
        columns = [v.value for v in results.variables]
        return Table(columns, [[solution[c] for c in columns] for solution in results])
    if isinstance(results, ox.QueryBoolean):
        return Table(["result"], [[ox.Literal(str(bool(results)).lower(),
                                              datatype=ox.NamedNode(V.XSD_BOOLEAN))]])
    # CONSTRUCT / DESCRIBE: triples
    return Table(["subject", "predicate", "object"],
                 [[t.subject, t.predicate, t.object] for t in results])


def _plain(term, prefixes: dict[str, str] | None = None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        if prefixes:
            for prefix, namespace in prefixes.items():
                if term.value.startswith(namespace):
                    return f"{prefix}:{term.value[len(namespace):]}"
        return term.value
    return term.value


def format_table(table: Table, max_width: int = 60, prefixes: dict[str, str] | None = None
                 ) -> str:
    """Aligned text for a terminal; long cells are cut to `max_width` characters."""
    def cut(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cut(_plain(term, prefixes)) for term in row] for row in table.rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(table.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(table.columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)


def format_results(results, fmt: Format) -> bytes:
    """SELECT/ASK results in a SPARQL results format, or CONSTRUCT/DESCRIBE triples in
    an RDF format, written by pyoxigraph."""
    out = io.BytesIO()
    if isinstance(results, ox.QueryTriples):
        if fmt.rdf is None:
            raise QueryError(f"a CONSTRUCT or DESCRIBE result cannot be written as {fmt.name}")
        results.serialize(out, fmt.rdf)
    else:
        if fmt.results is None:
            raise QueryError(f"a SELECT or ASK result cannot be written as {fmt.name}")
        results.serialize(out, fmt.results)
    return out.getvalue()
