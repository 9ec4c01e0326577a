"""Query: SPARQL over a built graph, a library of saved queries, and result formatting.

Saved queries live in `kg/queries/NAME.rq`. A header of `#` comments gives a
title (first line), a description (the comment lines after it) and declares
parameters, each on a line of its own (indented `#` lines continue it):

    # Concerns that co-occur with a technology
    # param technology (label): name of the technology
    # param since = "2024-01-01": a parameter with a default
    ...
    VALUES ?technology { "generative artificial intelligence" }

`# param NAME: description` declares a parameter that must be given
(`-p NAME=VALUE`); `# param NAME = "DEFAULT": ...` one with a default (a quoted
string, `\"` and `\\` escaped), bound when it is not given; `(label)` marks an
entity name, looked up by its search key. The VALUES line holds an example
value, so the file runs as it is in any SPARQL engine; kg replaces it with the
value given (or the default), as a properly escaped SPARQL literal: text from
users is never pasted into a query unencoded.
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
from .errors import QueryError, clean_text
from .formats import Format
from .kinds import KINDS, KindTable
from .querycheck import check_shape, default_graph_of, scan
from .resolve import name_key

__all__ = ["SavedQuery", "saved_queries", "sparql_literal", "run", "Table", "as_table",
           "format_table", "format_results", "with_prefixes", "missing_kinds", "saved_query"]

# `# param NAME [(label)] [= "DEFAULT"]: description`; `(label)` marks an entity name looked
# up by its search key (skos:hiddenLabel), so the value is normalised the way keys are.
_PARAM_RE = re.compile(r'^#\s*param\s+(\w+)\s*(\(label\))?\s*(?:=\s*"((?:[^"\\]|\\.)*)"\s*)?:\s*(.*)$')
_CONTINUED_RE = re.compile(r"^#\s{2,}(\S.*)$")
_KINDS_RE = re.compile(r"^#\s*kinds\s*:\s*all(?:\s+except\s+([\w ,]+?))?\s*(?:\(.*)?$")


@dataclass
class SavedQuery:
    name: str
    title: str
    text: str
    params: dict[str, str] = field(default_factory=dict)  # name -> description
    label_params: set[str] = field(default_factory=set)  # matched by identity key
    defaults: dict[str, str] = field(default_factory=dict)  # name -> default value
    description: str = ""
    # `# kinds: all [except ...]`: the kinds it must reach (None: not marked)
    kinds_excluded: frozenset[str] | None = None

    def bind(self, values: dict[str, str]) -> str:
        """The query text with parameter values bound, safely encoded; a parameter not
        given takes its default. QueryError naming a parameter that is unknown, or
        missing without a default."""
        unknown = set(values) - set(self.params)
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameter "
                             f"{', '.join(sorted(unknown))} (it has: "
                             f"{', '.join(self.params) or 'none'})")
        missing = [name for name in self.params if name not in values and name not in self.defaults]
        if missing:
            raise QueryError(f"query {self.name!r} needs "
                             + "; ".join(f"-p {name}=VALUE: {self.params[name]}"
                                         for name in missing))
        text = self.text
        for name, value in {**self.defaults, **values}.items():
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
        if entry.name.endswith(".rq"):
            name = entry.name.removesuffix(".rq")
            queries[name] = parse_saved_query(name, entry.read_text(encoding="utf-8"))
    return queries


def parse_saved_query(name: str, text: str) -> SavedQuery:
    """A saved query from its text: title, description and parameters from its header.

    >>> q = parse_saved_query("q", '# Things\\n# All of them.\\n# param kind = "a \\\\"b\\\\"": the'
    ...                         '\\n#   kind of thing\\nSELECT * WHERE { VALUES ?kind { "x" } }')
    >>> q.title, q.description, q.params, q.defaults
    ('Things', 'All of them.', {'kind': 'the kind of thing'}, {'kind': 'a "b"'})
    """
    lines = text.splitlines()
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    title = header[0].lstrip("# ").strip() if header else name
    description: list[str] = []
    params, label_params, defaults = {}, set(), {}
    current = None  # what a continued line adds to: a parameter, or the description
    for line in header[1:]:
        match = _PARAM_RE.match(line)
        continued = _CONTINUED_RE.match(line)
        if match:
            current = match[1]
            params[current] = match[4].strip()
            if match[2]:
                label_params.add(current)
            if match[3] is not None:
                defaults[current] = re.sub(r"\\(.)", r"\1", match[3])
        elif continued and current:
            params[current] = f"{params[current]} {continued[1].strip()}".strip()
        elif _KINDS_RE.match(line):
            current = None
        elif not params:
            description.append(line.lstrip("#").strip())
    marker = next(filter(None, map(_KINDS_RE.match, lines)), None)
    excluded = None if marker is None else frozenset(
        part.strip() for part in (marker[1] or "").split(",") if part.strip())
    return SavedQuery(name=name, title=title, text=text, params=params,
                      label_params=label_params, kinds_excluded=excluded, defaults=defaults,
                      description=" ".join(filter(None, description)))


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
    """One saved query by name; QueryError naming the closest and the known ones
    otherwise."""
    import difflib

    queries = saved_queries()
    if name not in queries:
        close = difflib.get_close_matches(name, list(queries), n=3)
        raise QueryError(f"no saved query {name!r}" +
                         (f" (did you mean {', '.join(close)}?)" if close else "") +
                         f"; known: {', '.join(queries)}")
    return queries[name]


def with_prefixes(sparql: str, prefixes: dict[str, str]) -> str:
    """Declare the graph's prefixes before the query, so `kg:` and friends need no
    PREFIX lines; the query's own declarations come later and win."""
    head = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items())
    return head + sparql


def run(store: ox.Store, sparql: str, prefixes: dict[str, str] | None = None):
    """Run a SPARQL query on a pyoxigraph Store; returns pyoxigraph's results object.

    The prefixes are given to the parser, not written before the query, so errors
    point at the query's own lines. Raises QueryError for a query that cannot be
    parsed or run, or that nests too deep for the engine to parse without crashing
    (kg.querycheck)."""
    shape = scan(sparql)
    check_shape(shape)
    prefixes = prefixes or {}
    try:
        return store.query(sparql, prefixes=prefixes, **default_graph_of(shape))
    except SyntaxError as err:
        raise syntax_error(err, sparql, prefixes) from None
    except (ValueError, OSError) as err:
        raise QueryError(f"query failed: {err}") from None


_POSITION_RE = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
# (possessive: no way back into a comment or a run of spaces, which made a refused
# query's check exponential, "#" * 26 took 9 s)
_PROLOGUE = r"(?:\s++|#[^\n]*+|PREFIX\s++[^\s:]*+:\s*+<[^>]*+>|BASE\s*+<[^>]*+>)*+"
_UPDATE_RE = re.compile(_PROLOGUE + r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
                        re.IGNORECASE)
_PREFIX_USE_RE = re.compile(r"(?<![\w\-.:?$])([^\W\d][\w\-.]*|):")
_DECLARED_RE = re.compile(r"PREFIX\s+([^\s:]*):", re.IGNORECASE)


def syntax_error(err: SyntaxError, sparql: str, prefixes: dict[str, str]) -> QueryError:
    """The QueryError for a query pyoxigraph could not parse: an update is refused as
    such, an unknown prefix is named, and every position is the query's own.

    >>> print(syntax_error(SyntaxError("error at 2:13: expected one of Prefix not found, ..."),
    ...                    "SELECT * WHERE {\\n  ?s foo:bar ?o }", {"k": "http://kg/"}))
    SPARQL syntax error at line 2, column 6: unknown prefix foo: (declare it with PREFIX foo: <IRI>; known: k)
    """
    update = _UPDATE_RE.match(sparql)
    if update:
        return QueryError(f"read-only: {update[1].upper()} is a SPARQL Update, and kg only "
                          "answers queries (SELECT, ASK, CONSTRUCT, DESCRIBE); to change the "
                          "graph, change the summaries and build again")
    message = str(err.msg if err.msg else err)
    found = _POSITION_RE.match(message)
    if not found:
        return QueryError(f"SPARQL syntax error: {message}")
    line, column, detail = int(found[1]), int(found[2]), found[3]
    lines = sparql.split("\n")
    if "Prefix not found" in detail and 0 < line <= len(lines):
        used = list(_PREFIX_USE_RE.finditer(lines[line - 1][: max(column - 1, 0)]))
        if used:
            prefix = used[-1][1]
            known = sorted(set(prefixes) | set(_DECLARED_RE.findall(sparql)))
            return QueryError(f"SPARQL syntax error at line {line}, column "
                              f"{used[-1].start() + 1}: unknown prefix "
                              f"{prefix}: (declare it with PREFIX {prefix}: <IRI>; known: "
                              f"{', '.join(known)})")
    return QueryError(f"SPARQL syntax error at line {line}, column {column}: {detail}")


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
    """Aligned text for a terminal; long cells are cut to `max_width` characters, control
    characters shown as escapes (names come from documents)."""
    def cut(text: str) -> str:
        text = clean_text(" ".join(text.split()))
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cut(_plain(term, prefixes)) for term in row] for row in table.rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(table.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(table.columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)


def format_results(results, fmt: Format, prefixes: dict[str, str] | None = None) -> bytes:
    """SELECT/ASK results in a SPARQL results format, or CONSTRUCT/DESCRIBE triples in
    an RDF format (Turtle and N-Triples by pyoxigraph, with the prefixes; JSON-LD
    compacted with kg's context)."""
    out = io.BytesIO()
    if isinstance(results, ox.QueryTriples):
        if fmt.rdf is None or fmt.family != "graph":
            raise QueryError(f"a CONSTRUCT or DESCRIBE result is triples: give --format ttl, nt "
                             f"or jsonld, not {fmt.name}")
        found = list(results)
        if fmt.name != "jsonld" and any(isinstance(term, ox.BlankNode)
                                        for t in found for term in (t.subject, t.object)):
            # kg's Turtle and N-Triples writers take IRIs and literals only.
            ox.serialize(found, out, fmt.rdf, prefixes=prefixes or {})
        else:
            from .rdf import from_oxigraph

            fmt.writer([(from_oxigraph(t.subject), t.predicate.value, from_oxigraph(t.object))
                        for t in found], out, prefixes or {})
    else:
        if fmt.results is None:
            raise QueryError(f"a SELECT or ASK result is a table: give --format table, csv, tsv, "
                             f"json or xml, not {fmt.name}")
        results.serialize(out, fmt.results)
    from .export import carried_answer

    return carried_answer(out.getvalue(), fmt.name)
