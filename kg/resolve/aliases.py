"""The analyst's aliases file (layer 3 of kg.resolve): `same,NAME,NAME` rows join two
keys, `never,NAME,NAME` rows keep names apart even when their keys agree.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..identity import identity_key
from .keys import name_key

_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass
class AliasTable:
    """An analyst's decisions: keys joined ("same") and names kept apart ("never")."""

    joined: dict[str, str] = field(default_factory=dict)  # key -> canonical key
    never: set[str] = field(default_factory=set)  # identity keys of names kept apart
    digest: str = ""  # of the file, so a changed file rebuilds what it affects
    path: str = ""  # the file, as given
    names: list[tuple[int, str]] = field(default_factory=list)  # (line, name) of each row
    # (line, what is wrong) of each row left out: the other rows still count
    problems: list[tuple[int, str]] = field(default_factory=list)

    def unused(self, names: Iterable[str]) -> list[tuple[int, str]]:
        """(line, name) of the rows' names that are none of `names` (every name of an
        archive) by their key or as written: rows that change nothing for them."""
        keys = {key for name in names for key in (name_key(name), identity_key(name))}
        return [(line, name) for line, name in self.names
                if name_key(name) not in keys and identity_key(name) not in keys]

    def canonical(self, key: str) -> str:
        return self.joined.get(key, key)

    def kept_apart(self, label: str) -> str | None:
        """A name in a "never" pair keeps its exact identity key (no lenient merging)."""
        key = identity_key(label)
        return "=" + key if key in self.never else None

    @classmethod
    def read(cls, path: str | Path) -> "AliasTable":
        """Read a CSV of `same,NAME,NAME[,...]` / `never,NAME,NAME` rows (# comments);
        a row of neither form is left out and named in `problems`."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as err:
            raise InputError(f"cannot read the aliases file: {err.strerror or err}",
                             path=path) from None
        table = cls(digest=hashlib.blake2b(data, digest_size=12).hexdigest(), path=str(path))
        parent: dict[str, str] = {}

        def find(key: str) -> str:
            while parent.get(key, key) != key:  # (halving the path: a crafted chain of
                parent[key] = parent.get(parent[key], parent[key])  # rows was quadratic)
                key = parent[key]
            return key

        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise InputError(f"the aliases file is not UTF-8 (byte {err.start})",
                             path=path) from None
        from ..export import from_spreadsheet_text  # (kg resolve --accept writes them so)

        # (a row a line: an unclosed quote would make the csv reader take every line
        # after it into one cell, those rows lost; a review's. Lines end at line ends
        # only: a name may hold U+2028, and a cell's tail is no row, an attack's)
        rows = (next(csv.reader([line]), []) for line in _LINE_END.split(text))
        for number, row in enumerate(rows, 1):
            cells = [from_spreadsheet_text(cell.strip()) for cell in row]
            if not cells or not cells[0] or cells[0].startswith("#"):
                continue
            if cells[0].lower() not in ("same", "never") or len([c for c in cells[1:] if c]) < 2:
                table.problems.append((number, "expected `same,NAME,NAME` or "
                                               f"`never,NAME,NAME`, got {','.join(row)!r}; "
                                               "the row is left out"))
                continue
            names = [c for c in cells[1:] if c]
            table.names.extend((number, name) for name in names)
            if cells[0].lower() == "never":
                table.never.update(identity_key(name) for name in names)
                continue
            keys = sorted({name_key(name) for name in names})
            roots = sorted({find(key) for key in keys})
            for root in roots[1:]:
                parent[root] = roots[0]  # the smallest key names the group: deterministic
            for key in keys:
                parent.setdefault(key, key)
        table.joined = {key: find(key) for key in parent if find(key) != key}
        return table
