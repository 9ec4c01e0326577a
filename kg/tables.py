"""Tables other pipelines write beside GitHub's pipe tables: pandoc's grid tables and
HTML tables, read as rows of cell texts for the parse stage (which makes them the same
`Table` a pipe table is, with a warning).

>>> grid_rows(["+---+---+", "| a | b |", "+===+===+", "| c | d |", "| e | f |", "+---+---+"])
[(['a', 'b'], 1), (['c e', 'd f'], 3)]
>>> html_rows("<table><tr><th>a</th><th>b</th></tr>\\n<tr><td>c &amp; <b>d</b></td><td>e</td></tr></table>")
[(['a', 'b'], 0), (['c & d', 'e'], 1)]
"""

from __future__ import annotations

import html
import re

__all__ = ["GRID_BORDER_RE", "grid_rows", "html_rows"]

# A grid table's border (`+---+---+`, under its header `+===+===+`)
GRID_BORDER_RE = re.compile(r"[ \t]*+\+(?:[-=:]++\+)++[ \t]*+")
_UNESCAPED_PIPE_RE = re.compile(r"(?<!\\)\|")


def grid_rows(lines: list[str]) -> list[tuple[list[str], int]] | None:
    """The rows of a grid table's lines (each with its first line's index in `lines`):
    a row's lines between two borders are joined cell by cell (a cell's text may run on
    over several lines); None if the lines are no grid table."""
    if not lines or not GRID_BORDER_RE.fullmatch(lines[0]):
        return None
    rows: list[tuple[list[str], int]] = []
    pieces: list[list[str]] = []
    first = 0
    for at, line in enumerate(lines[1:], start=1):
        if GRID_BORDER_RE.fullmatch(line):
            if pieces:
                width = max(len(cells) for cells in pieces)
                rows.append(([" ".join(filter(None, (cells[column].strip() for cells in pieces
                                                      if column < len(cells))))
                              for column in range(width)], first))
            pieces = []
            continue
        body = line.strip()
        if not (body.startswith("|") and body.endswith("|")):
            return None
        if not pieces:
            first = at
        pieces.append(_UNESCAPED_PIPE_RE.split(body[1:-1]))
    return rows if rows and not pieces else None


def html_rows(text: str) -> list[tuple[list[str], int]]:
    """The rows of an HTML table's text (each with the index of its `<tr>`'s line), as a
    reader sees them (tags left out, entities read); empty if it has none. Read by one
    pass over its tags: the standard library's HTMLParser takes quadratic time on an
    attribute's quote or a comment never closed."""
    rows: list[tuple[list[str], int]] = []
    cell: list[str] | None = None
    at = line = 0  # (line: of `at`, counted as the tags go)
    depth = 0  # (tables open: a table in a cell is that cell's text)

    def close_cell() -> None:
        if cell is not None and rows:
            shown = html.unescape(_ANY_TAG_RE.sub(" ", "".join(cell)))
            rows[-1][0].append(" ".join(shown.split()))

    for tag in _ROW_TAG_RE.finditer(text):
        if cell is not None:
            cell.append(text[at:tag.start()])
        line += text.count("\n", at, tag.start())
        tag_line, at = line, tag.end()
        line += text.count("\n", tag.start(), at)
        closing, name = tag["closing"], tag["name"].lower()
        if name == "table":
            depth = max(depth - 1, 0) if closing else depth + 1
        if name == "br" or depth > 1 or name == "table" and closing and depth == 1:
            if cell is not None:  # (a line break, or a table's tag inside a cell)
                cell.append(" ")
            continue
        close_cell()
        cell = None
        if not closing and (name == "tr" or name in ("td", "th") and not rows):
            rows.append(([], tag_line))
        if not closing and name in ("td", "th"):
            cell = []
    if cell is not None:
        cell.append(text[at:])
    close_cell()
    return [(cells, line) for cells, line in rows if cells]


_ROW_TAG_RE = re.compile(r"<(?P<closing>/?)(?P<name>tr|td|th|table|br)\b[^<>]*+>?",
                         re.IGNORECASE)
_ANY_TAG_RE = re.compile(r"<[^<>]*+>")
