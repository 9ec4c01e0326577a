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

>>> sparql_literal('say "hi"\\n')
'"say \\\\"hi\\\\"\\\\n"'
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from . import vocab as V
from .resolve import name_key

# `# param NAME: description`; `# param NAME (label): ...` marks an entity name looked up
# by its search key (skos:hiddenLabel), so the value is normalised the way keys are.
_PARAM_RE = re.compile(r"^#\s*param\s+(\w+)\s*(\(label\))?\s*:\s*(.*)$")


@dataclass
class SavedQuery:
    name: str
    title: str
    text: str
    params: dict[str, str] = field(default_factory=dict)  # name -> description
    label_params: set[str] = field(default_factory=set)  # matched by identity key

    def bind(self, values: dict[str, str]) -> str:
        """The query text with parameter values bound, safely encoded."""
        unknown = set(values) - set(self.params)
        if unknown:
            raise KeyError(f"query {self.name!r} has no parameter {', '.join(sorted(unknown))}"
                           f" (it has: {', '.join(self.params) or 'none'})")
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
        queries[name] = SavedQuery(name=name, title=title, text=text, params=params,
                                   label_params=label_params)
    return queries


def run(store: ox.Store, sparql: str):
    """Run a SPARQL query on a pyoxigraph Store; returns pyoxigraph's results object."""
    return store.query(sparql, use_default_graph_as_union=True)


@dataclass
class Table:
    """SELECT results as plain rows of pyoxigraph terms (None for unbound)."""

    columns: list[str]
    rows: list[list[ox.NamedNode | ox.Literal | ox.BlankNode | None]]


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


def format_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_plain(term) for term in row])
    return out.getvalue()


def format_json(table: Table) -> str:
    """SPARQL 1.1 Query Results JSON."""
    def binding(term):
        if isinstance(term, ox.NamedNode):
            return {"type": "uri", "value": term.value}
        if isinstance(term, ox.BlankNode):
            return {"type": "bnode", "value": term.value}
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != V.XSD_STRING:
            out["datatype"] = term.datatype.value
        return out

    bindings = [{c: binding(t) for c, t in zip(table.columns, row) if t is not None}
                for row in table.rows]
    return json.dumps({"head": {"vars": table.columns}, "results": {"bindings": bindings}},
                      indent=1, ensure_ascii=False)


_PREFIX_LINE_RE = re.compile(r"@prefix\s+([\w-]*):\s*<([^>]*)>\s*\.", re.IGNORECASE)


def file_prefixes(path: str | Path) -> dict[str, str]:
    """The @prefix declarations at the top of a Turtle file (empty for other formats)."""
    prefixes = {}
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            match = _PREFIX_LINE_RE.match(line.strip())
            if match:
                prefixes[match[1]] = match[2]
            elif line.strip():
                break
    return prefixes


def with_prefixes(sparql: str, prefixes: dict[str, str]) -> str:
    """Declare the graph's prefixes before the query, so `kg:` and friends need no
    PREFIX lines; the query's own declarations come later and win."""
    head = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items())
    return head + sparql


def query_files(paths: list[str | Path], sparql: str, fmt: str = "table",
                max_width: int = 60) -> str:
    """Load graph files, run one query, return formatted results (the `kg query` command)."""
    from .store import load_store, open_graph

    prefixes = dict(V.PREFIXES)
    for path in paths:
        prefixes.update(file_prefixes(path))
    store = open_graph(paths[0]) if len(paths) == 1 else load_store(*paths)
    table = as_table(run(store, with_prefixes(sparql, prefixes)))
    if fmt == "csv":
        return format_csv(table)
    if fmt == "json":
        return format_json(table)
    return format_table(table, max_width=max_width, prefixes=prefixes)
