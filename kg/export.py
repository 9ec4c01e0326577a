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


def turtle_body(triples: Iterable[Triple], prefixes: dict[str, str]) -> str:
    """Turtle statements for triples sorted by subject then predicate (no @prefix lines)."""
    key = tuple(prefixes.items())
    name = _NAMERS.get(key) or _NAMERS.setdefault(key, _Namer(prefixes))
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
        else:
            obj = name(o)
        if s != subject:
            if subject is not None:
                write(" .\n")
            write(f"\n{name(s)}\n    {'a' if p == V.TYPE else name(p)} {obj}")
            subject, predicate = s, p
        elif p != predicate:
            write(f" ;\n    {'a' if p == V.TYPE else name(p)} {obj}")
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
