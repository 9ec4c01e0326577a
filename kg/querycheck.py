"""Query check: what a SPARQL text asks for, read lexically before any engine parses it.

pyoxigraph parses and evaluates queries recursively, and a deep enough query
overflows its stack and ends the process (a segfault at about 3,000 nested
`{`, 50,000 chained `+`, 10,000 `!` before one term, 5,000 items of a collection,
3,000 `(x AS ?v)` or 10,000 groups side by side). `scan` reads the text the ways a SPARQL lexer may
(strings, IRIs and comments skipped; `\\u` escapes decoded first, as SPARQL 1.1
says, and left in place, as pyoxigraph does outside strings and IRIs, which hold them:
`"a\\u005c"` is a whole string to it, an escaped quote to the first reading; `<x\\u0041'>`
an IRI) and reports, of both readings,
the deepest nesting of brackets, the most operators chaining parts of it, and every
endpoint a SERVICE clause names, so that `kg query` and `kg serve` refuse what no
engine should be handed.

>>> shape = scan('SELECT * { SERVICE <http://x/sparql> { ?s ?p "}}{{" } } # {{{')
>>> shape.depth, shape.services
(2, ['http://x/sparql'])
>>> scan("ASK { \\\\u0053ERVICE ?e {} }").services
[None]
>>> scan("ASK { ?s ?p 4.SERVICE<http://x/sparql> {} }").services
['http://x/sparql']
>>> scan("ASK { SERVICEex:x {} }").services, scan("ASK { ?s ex:customerService ?o }").services
([None], [])
>>> shape = scan('ASK { BIND("a\\\\u005c" AS ?x) SERVICE <http://x/> {} BIND("b" AS ?y) }')
>>> shape.depth, shape.services
(2, ['http://x/'])
>>> scan("ASK FROM <http://x/g> {}").names_dataset, scan("ASK { ?s ?p 'FROM' }").names_dataset
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import QueryError

__all__ = ["QueryShape", "scan", "check_shape", "default_graph_of", "MAX_DEPTH", "MAX_OPERATORS"]

# Far below where pyoxigraph's stack runs out (measured: 3,000 nested brackets, 50,000
# chained operators, 10,000 `!`: an attack's), far above what people and query builders
# write.
MAX_DEPTH = 256
MAX_OPERATORS = 4000

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<long>'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)|\"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|$))
  | (?P<string>'(?:[^'\\\n\r]|\\.)*'?|"(?:[^"\\\n\r]|\\.)*"?)
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<var>[?$][\w\u00B7\u00C0-\U000EFFFF]+)
  | (?P<word>(?:[\w\u00B7\u00C0-\U000EFFFF:%]|\\[_~.\-!$&'()*+,;=/?\#@%])
             (?:[\w\u00B7\u00C0-\U000EFFFF:%.\-]|\\[_~.\-!$&'()*+,;=/?\#@%])*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<not>!(?!=))
  | (?P<op>&&|\|\||[-+*/|,;.])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_TERMS = frozenset({"var", "iri", "string", "long", "word"})
# Keywords that add a level to the query's algebra each time they are repeated.
_CHAINING_WORDS = frozenset({"UNION", "OPTIONAL", "MINUS", "FILTER", "BIND", "SERVICE", "GRAPH",
                             "VALUES"})


@dataclass
class QueryShape:
    """What a query's text shows: nesting depth, chaining operators, SERVICE targets
    (the IRI, or None for a variable, a prefixed name or a relative IRI), and whether it
    names its own dataset (FROM, FROM NAMED)."""

    depth: int = 0
    operators: int = 0
    services: list[str | None] = field(default_factory=list)
    names_dataset: bool = False


def _unescape(text: str) -> str:
    """SPARQL's codepoint escapes, replaced before tokenising as the grammar says."""
    def replace(match: re.Match) -> str:
        code = int(match[1] or match[2], 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return _ESCAPE.sub(replace, text)


def scan(text: str) -> QueryShape:
    """The shape of a query (or anything else: nothing here raises): of its two
    readings, with escapes decoded first and as written, the larger."""
    decoded, written = _scan_tokens(_unescape(text)), _scan_tokens(text)
    return QueryShape(max(decoded.depth, written.depth),
                      max(decoded.operators, written.operators),
                      decoded.services + [target for target in written.services
                                          if target not in decoded.services],
                      decoded.names_dataset or written.names_dataset)


def _scan_tokens(text: str) -> QueryShape:
    """The shape of a text read as it is written."""
    shape = QueryShape()
    stack: list[str] = []
    awaiting_service = False  # after SERVICE [SILENT]: the next term is its target
    previous = last = None  # the kind and text of the last token (not space nor comment)
    values_at: int | None = None  # the depth of a VALUES block's data, while in it
    for match in _TOKEN.finditer(text):
        kind, token = match.lastgroup, match[0]
        if kind in ("space", "comment"):
            continue
        # a "!" of "!!!x" nests once more (a chain of 20,000: an attack), one before a
        # term ("!BOUND(?x) && !sameTerm(...)") does not
        shape.operators += kind == "not" and previous == "not"
        # Items side by side in parentheses (terms, `[]`, `()`) are an RDF collection's
        # (two triples each) or a projection's `(x AS ?v)`, and a group after a term or
        # a group `{ } { }` is joined: each chains one more level (an attack's 5,000
        # items, 3,000 `AS` or 10,000 groups ended pyoxigraph); a VALUES row does not.
        after_item = previous in _TERMS or previous == "close"
        # (an item: a term, `[ ]` or `( )`, not the `(` of a call: `sameTerm(`, `IN (`)
        if after_item and stack and stack[-1] == "(" and values_at is None and (
                kind in _TERMS or kind == "open" and token != "{" and previous != "word"):
            shape.operators += 2
        # (a group after a keyword, WHERE { or OPTIONAL {, is no join)
        shape.operators += token == "{" and after_item and not (
            previous == "word" and last.isalpha())
        previous, last = kind, token
        if awaiting_service:
            if kind == "word" and token.upper() == "SILENT":
                continue
            awaiting_service = False
            target = token[1:-1] if kind == "iri" else None
            shape.services.append(target if target and re.match(r"[A-Za-z][\w+.-]*:", target)
                                  else None)
        if kind == "open":
            stack.append(token)
            shape.depth = max(shape.depth, len(stack))
            if token == "{" and values_at == -1:
                values_at = len(stack)
        elif kind == "close":
            if stack:
                stack.pop()
            if values_at is not None and values_at > len(stack):
                values_at = None
        elif kind == "op":
            # commas between a function's arguments or IN's values make no deeper tree
            if token != "," or (stack and stack[-1] != "("):
                shape.operators += 1
        elif kind == "word":
            word = token.rstrip(".").upper()
            # a word's trailing "." is the separator after a triple (`?s ex:p ex:o.`)
            shape.operators += (word in _CHAINING_WORDS) + token.endswith(".")
            if word == "VALUES":
                values_at = -1  # (its data block is the next group)
            shape.names_dataset |= word == "FROM"
            # A word may hold a keyword the engine reads apart from it: "4.SERVICE" is
            # the number 4, ".", then SERVICE; "SERVICEex:x" is SERVICE and the name
            # ex:x. So any word holding SERVICE before its first ":" counts (after it,
            # SERVICE is inside a name: ex:customerService): followed by nothing (or
            # SILENT), its target is the next term; else one this check cannot name,
            # refused. (A prefix spelt so is refused too: rare, and safe.)
            at = word.partition(":")[0].rfind("SERVICE")
            if at >= 0:
                if word[at + len("SERVICE"):] in ("", "SILENT"):
                    awaiting_service = True
                else:
                    shape.services.append(None)
    if awaiting_service:
        shape.services.append(None)
    return shape


def default_graph_of(shape: QueryShape) -> dict:
    """The engine's option for a query's default graph: the one its FROM names (none:
    empty), else the union of the file's graphs (a TriG file is queried as one)."""
    return {} if shape.names_dataset else {"use_default_graph_as_union": True}


def check_shape(shape: QueryShape, max_depth: int = MAX_DEPTH,
                max_operators: int = MAX_OPERATORS) -> None:
    """QueryError when a query nests deeper or chains more than the engine can take.

    >>> check_shape(scan("ASK " + "{" * 300 + "}" * 300))
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: the query nests 300 levels deep; at most 256 are allowed
    """
    if shape.depth > max_depth:
        raise QueryError(f"the query nests {shape.depth} levels deep; at most {max_depth} "
                         "are allowed")
    if shape.operators > max_operators:
        raise QueryError(f"the query chains {shape.operators:,} operators and clauses; at most "
                         f"{max_operators:,} are allowed")
