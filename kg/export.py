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
from .graph import Literal, Triple

_PLAIN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
            "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')


@contextmanager
def atomic_write(path: str | Path, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file next to `path` and move it into place only on success.

    A crash or an exception leaves the old file (or no file) behind, never half of one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8",
                                                           "newline": "\n"})) as handle:
            yield handle
            handle.flush()
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
    """Writes IRIs as prefixed names where that is safe, else as <IRI>."""

    def __init__(self, prefixes: dict[str, str]):
        # Longest namespace first, so `kg:` never shadows a longer data namespace.
        self.prefixes = sorted(prefixes.items(), key=lambda item: -len(item[1]))
        self.cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        name = self.cache.get(iri)
        if name is None:
            name = f"<{iri}>"
            for prefix, namespace in self.prefixes:
                if iri.startswith(namespace) and _PLAIN_LOCAL.fullmatch(iri[len(namespace):]):
                    name = f"{prefix}:{iri[len(namespace):]}"
                    break
            self.cache[iri] = name
        return name


def turtle_lines(triples: Iterable[Triple], prefixes: dict[str, str]) -> Iterator[str]:
    """Turtle text for triples sorted by subject then predicate, line by line."""
    name = _Namer(prefixes)

    def term(o) -> str:
        if not isinstance(o, Literal):
            return "a" if o == V.TYPE else name(o)
        if o.datatype == V.XSD_STRING:
            return f'"{_escape(o.value)}"'
        if o.datatype in (V.XSD_INTEGER, V.XSD_BOOLEAN):
            return o.value
        return f'"{_escape(o.value)}"^^{name(o.datatype)}'

    for prefix, namespace in prefixes.items():
        yield f"@prefix {prefix}: <{namespace}> .\n"
    subject = predicate = None
    for s, p, o in triples:
        if s != subject:
            if subject is not None:
                yield " .\n"
            yield f"\n{name(s)}\n    {'a' if p == V.TYPE else name(p)} {term(o)}"
            subject, predicate = s, p
        elif p != predicate:
            yield f" ;\n    {'a' if p == V.TYPE else name(p)} {term(o)}"
            predicate = p
        else:
            yield f" ,\n        {term(o)}"
    if subject is not None:
        yield " .\n"


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


def write_turtle(triples: Iterable[Triple], path: str | Path, base: str = V.DEFAULT_BASE) -> None:
    """Write sorted triples as Turtle, atomically."""
    with atomic_write(path) as handle:
        handle.writelines(turtle_lines(triples, graph_prefixes(base)))
