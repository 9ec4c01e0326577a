"""kg's own errors: what a user can cause and fix, as opposed to bugs.

Like click's `ClickException` <- `UsageError` <- `BadParameter`, a small tree:
the command line catches `KgError` only, prints it as one line (the file and
line where known) and exits 1; anything else is a bug and shows its traceback.

    KgError
    ├── InputError       a source, an aliases file, an option value that cannot be used
    │   └── NothingToBuild   no summary among the sources (the old graph is kept)
    ├── GraphFileError   a graph file that cannot be read (with the parser's line)
    ├── QueryError       a query that cannot run (syntax, unknown saved query or parameter)
    ├── CacheError       a damaged build cache (a build then starts over without it)
    └── PushError        a triple store refused or failed a push

Problems inside documents are not errors: they are `Diagnostic` values, and
the rest of the corpus still builds.

>>> str(GraphFileError("Unexpected end", path="out/graph.ttl", line=321))
'out/graph.ttl:321: Unexpected end'
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["KgError", "InputError", "NothingToBuild", "GraphFileError", "QueryError",
           "CacheError", "PushError", "clean_text"]


class KgError(Exception):
    """An error the user can act on; `str()` is the one line the CLI prints."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | Path | None = None,
                 line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return clean_text(where + self.message)


class InputError(KgError):
    """Input that cannot be used: a missing source, a malformed aliases file, a bad value."""


class NothingToBuild(InputError):
    """No file of the sources is a summary: the build stops before replacing anything;
    `diagnostics` say why each file was not one."""

    def __init__(self, message: str, diagnostics: list | None = None):
        super().__init__(message)
        self.diagnostics = list(diagnostics or [])


class GraphFileError(KgError):
    """A graph file that cannot be read (what the parser raises then: `UNREADABLE_GRAPH`)."""

    @classmethod
    def from_syntax(cls, err: SyntaxError | MemoryError, path: str | Path) -> "GraphFileError":
        """From a parser's SyntaxError (pyoxigraph's carry the line), or the MemoryError
        of a term longer than its buffer (16 MiB), naming the file.

        >>> str(GraphFileError.from_syntax(SyntaxError(
        ...     "Parser error at line 321 column 4: Unexpected end", ("g.ttl", 321, 4, None)),
        ...     "out/g.ttl"))
        'out/g.ttl:321: not a readable graph file (column 4): Unexpected end'
        """
        message = str(getattr(err, "msg", None) or err)
        # pyoxigraph says "Parser error at line 321 column 4: ..."; the line goes in front.
        found = re.search(r"at line (\d+) ((?:between )?columns? [\d and]+): (.*)", message,
                          re.DOTALL)
        if found:
            return cls(f"not a readable graph file ({found[2]}): {found[3]}",
                       path=path, line=int(found[1]))
        return cls(f"not a readable graph file: {message}", path=path,
                   line=getattr(err, "lineno", None))


# What pyoxigraph's parser raises on a graph file it cannot read: a SyntaxError, or a
# MemoryError for a term over its 16 MiB buffer.
UNREADABLE_GRAPH = (SyntaxError, MemoryError)


class QueryError(KgError):
    """A SPARQL query that cannot run, or a saved query asked for wrongly."""


class CacheError(KgError):
    """The build cache is damaged or does not match what it describes."""


class PushError(KgError):
    """A triple store refused or failed a request, or holds other than what was sent;
    `status` is the store's HTTP status, or None when it gave no answer."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


_CONTROL = {code: f"\\x{code:02x}" for code in (*range(0x00, 0x09), *range(0x0b, 0x20), 0x7f,
                                                 *range(0x80, 0xa0))}
_CONTROL.update({0x2028: "\\u2028", 0x2029: "\\u2029", 0x202e: "\\u202e", 0x202d: "\\u202d",
                 0x2066: "\\u2066", 0x2067: "\\u2067", 0x2068: "\\u2068", 0x2069: "\\u2069",
                 0x200e: "\\u200e", 0x200f: "\\u200f", 0x061c: "\\u061c",
                 0x202a: "\\u202a", 0x202b: "\\u202b", 0x202c: "\\u202c",
                 0x200b: "\\u200b", 0xfeff: "\\ufeff"})
_CONTROL[0x0a] = "\\n"


def clean_text(text: str) -> str:
    """Text safe to print on a terminal: control characters (ESC of ANSI/OSC sequences,
    bidirectional overrides, line separators) shown as escapes, never sent raw.

    >>> clean_text("title\\x1b]8;;http://evil\\x07 ok\\u202e")
    'title\\\\x1b]8;;http://evil\\\\x07 ok\\\\u202e'
    """
    return text.translate(_CONTROL)


def as_shown(text: str) -> str:
    """Text kg can write anywhere: the bytes of a file name that is not UTF-8 (read by
    Python as lone surrogates) written \\xNN, a Latin-1 "café.md" as "caf\\xe9.md".

    >>> as_shown("caf\\udce9.md"), as_shown("café.md")
    ('caf\\\\xe9.md', 'café.md')
    """
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # (a surrogate no byte made)
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def for_terminal(text: str) -> str:
    """Text shown, not obeyed: every line through `clean_text` (a terminal would run the
    escape sequences documents hold; standard output that is a pipe or a file gets the
    data as it is)."""
    return "\n".join(clean_text(line) for line in text.replace("\r\n", "\n").split("\n"))
