"""Tables other pipelines write beside GitHub's pipe tables: pandoc's grid tables and
HTML tables, read as rows of cell texts for the parse stage (which makes them the same
`Table` a pipe table is, with a warning).

>>> grid_rows(["+---+---+", "| a | b |", "+===+===+", "| c | d |", "| e | f |", "+---+---+"])
[(['a', 'b'], 1), (['c e', 'd f'], 3)]
>>> html_rows("<table><tr><th>a</th><th>b</th></tr>\\n<tr><td>c &amp; <b>d</b></td><td>e</td></tr></table>")
[(['a', 'b'], 0), (['c & d', 'e'], 1)]
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

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


class _RowReader(HTMLParser):
    """Collects the cells of each `<tr>` (a `<th>` or `<td>`: its text, tags left out)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[list[str], int]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append(([], self.getpos()[0] - 1))
        elif tag in ("td", "th"):
            if not self.rows:  # (a cell with no row: a row of its own)
                self.rows.append(([], self.getpos()[0] - 1))
            self.close_cell()
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag):
        if tag in ("td", "th", "tr", "table"):
            self.close_cell()

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)

    def close_cell(self) -> None:
        if self.cell is not None and self.rows:
            self.rows[-1][0].append(" ".join("".join(self.cell).split()))
        self.cell = None


def html_rows(text: str) -> list[tuple[list[str], int]]:
    """The rows of an HTML table's text (each with the index of its `<tr>`'s line), as a
    reader sees them; empty if it has none."""
    reader = _RowReader()
    reader.feed(text)
    reader.close()
    reader.close_cell()
    return [(cells, line) for cells, line in reader.rows if cells]
