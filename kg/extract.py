"""Extract stage: ParsedDocument -> ArticleRecord (what the summary says).

Each section is read by one small reader chosen by its heading. Readers are
registered in a `Readers` list the way markdown-it-py registers rules: each
has a name, the headings it reads and a function `reader(state, section)`;
`Readers` looks them up by name, fails loudly on a name it does not know, and
can disable, replace or add readers. The default list comes from the kinds
table (kinds.py: one reader per list and table kind) plus the readers of the
sections that are not entities (`Other`, `Summary`, `Closest`).

The format has eras; the differences handled here:

* signal tables with six columns (name | description | change | 10-year |
  driving-force | relevancy) and the legacy four (Signal | Change | 10y horizon |
  Driving force): columns are found by header name, never by position;
* concern/behavior/technology/issue tables with or without `relevancy`;
* technology tables with no name column (description | relevancy | src): a
  readable name is derived from the description, which is kept verbatim;
* keyword and theme lists that an old pipeline bug exploded into one list item
  per character (`* s`, `* i`, `* l`, `* k`, ...): joined back and split on commas;
* page ids that are dates (20250323, 20250511d), not dates (4320.0) or
  impossible dates (20290911): a date only when it is a real, past one.

Nothing is dropped without a Diagnostic naming the file and line.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Callable, Iterable

from .dates import build_date, parse_page_date
from .files import summary_stem
from .kinds import KINDS, Column, EntityKind, KindTable, column_key, heading_key
from .model import (ArticleRecord, Diagnostic, EntityName, Link, Mention, ParsedDocument,
                    Section, Table, TableRow, TextLine)
from .parse import BREAK_TAG_RE, LIST_LINE_RE, MarkBudget, plain_text

__all__ = ["Reader", "Readers", "ExtractState", "default_readers", "extract", "split_stem",
           "name_from_description"]

_ARTICLE_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.~-]*")

# The longest texts kept: a name (it becomes an IRI and a search key), a title, and any
# other text. Longer ones are cut with a warning, so every literal kg writes stays far
# below what triple stores read (pyoxigraph refuses literals over 16 MiB).
MAX_NAME = 500
MAX_TITLE = 2_000
MAX_TEXT = 1 << 20


def split_stem(stem: str) -> tuple[str, str | None]:
    """The article id and rendering of a file stem: other renderings are `<id>.<tag>.md`.

    >>> split_stem("001b195b.legacy"), split_stem("coca-cola")
    (('001b195b', 'legacy'), ('coca-cola', None))
    """
    article_id, _, rendering = stem.partition(".")
    return article_id, (rendering or None)


# Stop deriving a name at these words once it has a few words already.
_NAME_BREAK_WORDS = {
    "that", "which", "who", "to", "for", "through", "by", "using", "with", "in", "on",
    "from", "while", "where", "when", "allowing", "enabling", "as", "into", "such", "like",
    "including", "designed", "aimed", "aiming", "capable", "utilizing", "combining",
}
_TRAILING_WORDS = {"of", "the", "a", "an", "and", "or", "in", "on", "for", "to", "with", "by"}
_MAX_NAME_WORDS = 8


def name_from_description(description: str) -> str:
    """A short readable name for a row that has only a description.

    The name is always a prefix of the description's words, so it is honest
    about where it came from.

    >>> name_from_description("Creating a drug to make flatulence inoffensive or pleasant.")
    'Creating a drug'
    >>> name_from_description("Technologies and methodologies aimed at improving mental health.")
    'Technologies and methodologies'
    """
    words = description.split()
    name: list[str] = []
    for word in words:
        bare = word.strip("\"'“”‘’").lower()
        if len(name) >= 3 and bare in _NAME_BREAK_WORDS:
            break
        name.append(word)
        if word[-1] in ",;:.!?" or len(name) >= _MAX_NAME_WORDS:
            break
    while len(name) > 1 and name[-1].lower().strip(",;:.!?") in _TRAILING_WORDS:
        name.pop()
    if name:
        name[-1] = name[-1].rstrip(",;:.!?") or name[-1]
    return " ".join(name)


# --- the state readers share -----------------------------------------------------------


class ExtractState:
    """What readers share while one ParsedDocument is read: the record being filled."""

    def __init__(self, doc: ParsedDocument, today: _dt.date, kinds: KindTable):
        article_id, rendering = split_stem(doc.stem)
        self.doc, self.today, self.kinds = doc, today, kinds
        self.record = ArticleRecord(
            path=doc.path, stem=doc.stem, article_id=article_id, rendering=rendering,
            title=doc.title, page=doc.page, page_url=doc.page_url, page_date=None,
            external_link=doc.external_link, external_link_line=doc.external_link_line,
            diagnostics=list(doc.diagnostics),
        )
        self.seen_sections: set[str] = set()
        self.summary_line: int | None = None  # for messages about the summary
        # (what this stage reads as Markdown itself, beside what kg.parse read: bounded)
        self.marks = MarkBudget(self.warn)

    def warn(self, line: int | None, message: str) -> None:
        self.record.diagnostics.append(Diagnostic("warning", self.doc.path, line, message))

    def keep_verbatim(self, section: Section) -> None:
        self.record.extra_sections.append(TextLine(section.source, section.line))

    def no_tables(self, section: Section) -> None:
        for table in section.tables:
            self.warn(table.line, f"table in `{section.heading}` is not expected there; "
                      "kept verbatim as an extra section")
        if section.tables:
            self.keep_verbatim(section)


ReaderFunction = Callable[[ExtractState, Section], None]


@dataclass(frozen=True)
class Reader:
    """A section reader: its name, the headings it reads (as kinds.heading_key gives
    them) and the function that reads such a section into the record."""

    name: str
    headings: tuple[str, ...]
    read: ReaderFunction
    enabled: bool = True


class Readers:
    """Section readers in order, looked up by name (like markdown-it-py's Ruler).

    >>> readers = default_readers()  # doctest: +ELLIPSIS
    >>> readers["summary"].headings
    ('summary', 'abstract')
    >>> readers.disable("closest").for_heading("Closest") is None
    True
    >>> readers["opportunities"]
    Traceback (most recent call last):
    ...
    KeyError: "no section reader 'opportunities'; known: keywords, themes, other, summary, ...
    """

    def __init__(self, readers: Iterable[Reader] = ()):
        self._readers: list[Reader] = []
        for reader in readers:
            self.push(reader)

    def __getitem__(self, name: str) -> Reader:
        for reader in self._readers:
            if reader.name == name:
                return reader
        raise KeyError(f"no section reader {name!r}; known: "
                       f"{', '.join(r.name for r in self._readers)}")

    def names(self) -> list[str]:
        return [reader.name for reader in self._readers]

    def push(self, reader: Reader) -> "Readers":
        """Add a reader at the end (a name may be registered once)."""
        if reader.name in self.names():
            raise ValueError(f"a section reader {reader.name!r} is already registered")
        self._readers.append(reader)
        return self

    def before(self, name: str, reader: Reader) -> "Readers":
        self._readers.insert(self._readers.index(self[name]), reader)
        return self

    def replace(self, name: str, read: ReaderFunction) -> "Readers":
        """Read the sections of reader `name` with another function."""
        at = self._readers.index(self[name])
        self._readers[at] = replace(self._readers[at], read=read)
        return self

    def disable(self, *names: str) -> "Readers":
        """Leave the sections of these readers unread (kept verbatim, with a warning)."""
        for name in names:
            at = self._readers.index(self[name])
            self._readers[at] = replace(self._readers[at], enabled=False)
        return self

    def enable(self, *names: str) -> "Readers":
        for name in names:
            at = self._readers.index(self[name])
            self._readers[at] = replace(self._readers[at], enabled=True)
        return self

    def for_heading(self, heading: str) -> Reader | None:
        """The enabled reader of sections with this heading, or None."""
        key = heading_key(heading)
        return next((r for r in self._readers if r.enabled and key in r.headings), None)


# --- readers of lists ----------------------------------------------------------------


def _items_after_text(state: ExtractState, section: Section) -> tuple[list[TextLine], Section]:
    """A list written right under a line of text, no blank line between (to CommonMark,
    the text's paragraph goes on): its items, and the section with the text alone."""
    items: list[TextLine] = []
    paragraphs: list[TextLine] = []
    for paragraph in section.paragraphs:
        lines = paragraph.text.split("\n")
        first = next((at for at, line in enumerate(lines) if LIST_LINE_RE.match(line.strip())),
                     None)
        if first is None or first == 0 or not all(  # (0: no text before it)
                LIST_LINE_RE.match(line.strip()) for line in lines[first:] if line.strip()):
            paragraphs.append(paragraph)
            continue
        state.warn(paragraph.line + first, f"`{section.heading}` list goes on from a line "
                   "of text (no blank line between); read as a list")
        paragraphs.append(replace(paragraph, text="\n".join(lines[:first])))
        items.extend(TextLine(plain_text(LIST_LINE_RE.match(line.strip())["text"],
                                         state.marks, paragraph.line + at),
                              paragraph.line + at)
                     for at, line in enumerate(lines[first:], start=first) if line.strip())
    return items, replace(section, paragraphs=paragraphs)


def without_comments(text: str) -> str:
    """`text` without its `<!-- ... -->` comments; one never closed is kept, and so is
    one inside a code span (in linear time: a pattern's search from each of 100,000
    openers took minutes).

    >>> without_comments("a <!-- b --> c <!-- d"), without_comments("<!---->x")
    ('a  c <!-- d', 'x')
    >>> without_comments("write `<!-- x -->` to hide")
    'write `<!-- x -->` to hide'
    """
    if "<!--" not in text:
        return text
    kept, at = [], 0
    for code, after in _code_spans(text) + [(len(text), len(text))]:
        while (start := text.find("<!--", at, code)) >= 0 and \
                (end := text.find("-->", start + 4, code)) >= 0:
            kept.append(text[at:start])
            at = end + 3
        kept.append(text[at:after])
        at = after
    return "".join(kept)


_BACKTICKS_RE = re.compile(r"`++")


def _code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each code span of `text`, as CommonMark reads them: a run of
    backticks up to the next run of as many (one pass; a pattern took seconds on runs of
    every length).

    >>> _code_spans("a `b` ``c`d`` `e")
    [(2, 5), (6, 13)]
    """
    runs = [(run.start(), run.end()) for run in _BACKTICKS_RE.finditer(text)]
    later: dict[int, list[int]] = {}  # run length -> the indexes of such runs, last first
    for index in range(len(runs) - 1, -1, -1):
        later.setdefault(runs[index][1] - runs[index][0], []).append(index)
    spans, index = [], 0
    while index < len(runs):
        start, end = runs[index]
        same = later[end - start]
        while same and same[-1] <= index:  # (drop the runs passed already)
            same.pop()
        if same:
            close = same.pop()
            spans.append((start, runs[close][1]))
            index = close + 1
        else:
            index += 1
    return spans


def list_items(state: ExtractState, section: Section) -> list[TextLine]:
    """The items of a list section (Keywords, Themes), repaired where the archive is broken."""
    state.no_tables(section)
    items = []
    for item in section.items:  # an item that runs on to a line without its marker
        lines = [line for line in item.text.split("\n") if line.strip()]
        if len(lines) > 1:
            state.warn(item.line, f"`{section.heading}` item runs on to {len(lines)} lines; "
                       f"read as {len(lines)} items")
            items.extend(TextLine(line, item.line + n) for n, line in enumerate(lines))
        else:
            items.append(item)
    if not items and section.paragraphs:
        items, section = _items_after_text(state, section)
    if not items and section.paragraphs:
        # separated by the first of `_LIST_SEPARATORS` the writer used (semicolons: commas
        # are then inside items), or by hashtags; and by line ends (`<br>` one)
        texts = [BREAK_TAG_RE.sub("\n", p.text) for p in section.paragraphs]
        separator, said = next(((mark, said) for mark, said in _LIST_SEPARATORS
                                if any(mark in _ENTITY_RE.sub("", text) for text in texts)),
                               (",", "line ends"))  # (none written: one item a line)
        if all(_HASHTAGS_RE.fullmatch(line) for text in texts
               for line in text.split("\n") if line.strip()):
            separator, said = "#", "hashtags"
        state.warn(section.line, f"`{section.heading}` is a paragraph, not a list; split on "
                   f"{said}")
        items = [TextLine(plain_text(part.strip(), state.marks, p.line + n), p.line + n)
                 for p, text in zip(section.paragraphs, texts)
                 for n, line in enumerate(text.split("\n"))
                 for part in line.split(separator) if separator != "#" or part.strip()]
    elif section.paragraphs:
        for paragraph in section.paragraphs:
            state.warn(paragraph.line, f"text in `{section.heading}` outside the list; "
                       f"ignored: {paragraph.text[:60]!r}")
    if _looks_exploded(items):
        joined = "".join(item.text or " " for item in items)
        state.warn(items[0].line, f"`{section.heading}` list has one character per item; "
                   f"joined back into {len([p for p in joined.split(',') if p.strip()])} items")
        items = _split_joined(items)
    kept = []
    labelled: TextLine | None = None  # (the first label dropped)
    unlabelled = []
    own = state.kinds.by_heading(section.heading)
    for item in items:
        text = item.text.strip()
        label = _LABELLED_LINE_RE.fullmatch(text)
        if label and own is not None and state.kinds.by_heading(label["label"]) is own:
            labelled = labelled or TextLine(text[:label.start("value")].strip(), item.line)
            listed = inline_heading(text)  # ("**Keywords:** a, b": a list of names)
            unlabelled.extend(TextLine(part, item.line) for part in (
                _list_parts(listed[1]) if listed else [label["value"]]))
        else:
            unlabelled.append(item)
    marked = None  # (the first mark an item began with, said once)
    for item in unlabelled:
        text = item.text.strip()
        text = text.rstrip(",;").strip()  # ("* menswear,": a list written as one)
        mark = _ITEM_MARK_RE.match(text)  # (a mark is never the whole item: text follows)
        if mark:
            marked = marked or TextLine(mark[0].strip(), item.line)
            text = text[mark.end():]
        if len(text) > 2 and text[0] + text[-1] in _QUOTE_PAIRS and \
                text[0] not in text[1:-1]:  # (a quoted item: not '"Fart Proudly" essay')
            text = text[1:-1].strip()
        if text:
            kept.append(TextLine(text, item.line))
        else:
            state.warn(item.line, f"empty item in `{section.heading}`; ignored")
    if labelled:
        state.warn(labelled.line, f"`{section.heading}` items begin with a label naming the "
                   f"section (`{labelled.text}`); read without it")
    if marked:
        state.warn(marked.line, f"`{section.heading}` items begin with a mark (`{marked.text}`: "
                   "a bullet, task box or hashtag); read without it")
    return kept


# How lists written as one paragraph separate their items (the first found is used), and
# what else an item may carry that is no part of its name.
_LIST_SEPARATORS = ((";", "semicolons"), (",", "commas"), (" | ", "bars"),
                    (" · ", "middle dots"), (" • ", "bullets"))
_HASHTAGS_RE = re.compile(r"\s*+(?:#[^\s#]++\s*+)++")
# What an item of Keywords or Themes may begin with that is no part of its name: a bullet
# written as a character (`• x`, `– x`), a task box (`[ ] x`), a hashtag's `#` (attack 116)
_ITEM_MARK_RE = re.compile(r"[\u2022\u25e6\u25aa\u25cf\u2023\u2043\u2013\u2014\u00b7][ \t]++|"
                           r"\[[ xX]\][ \t]++|#(?=[^\s#]++$)")
# A line or item that gives its text a label: "**Category:** x", "Summary: ...",
# "**Keyword:** x", "10-year: x" (a field of `Other` or the summary before any section; in
# a list, a label naming its own section is dropped; under a listed row, its column)
_LABELLED_LINE_RE = re.compile(r"(?:\*\*|__)?(?P<label>[A-Za-z0-9][A-Za-z0-9 -]{0,29}?)[ \t]*+"
                               r"(?::(?:\*\*|__)?|(?:\*\*|__)[ \t]*+:)[ \t]++(?P<value>\S.*)",
                               re.DOTALL)
_QUOTE_PAIRS = frozenset({'""', "''", "\u201c\u201d", "\u2018\u2019"})


def _looks_exploded(items: list[TextLine]) -> bool:
    """True for a list that is one string spread over one item per character."""
    if len(items) < 4:
        return False
    short = sum(1 for item in items if len(item.text) <= 1)
    # (with a `,` among them, or six or more: one word spelt out, not a list of letters)
    return short == len(items) and (any(item.text == "," for item in items) or
                                    len(items) >= 6)


def _split_joined(items: list[TextLine]) -> list[TextLine]:
    result, current, start = [], [], items[0].line
    for item in items:
        char = item.text or " "
        if char == ",":
            result.append(TextLine("".join(current).strip(), start))
            current, start = [], None
            continue
        if start is None:
            start = item.line
        current.append(char)
    result.append(TextLine("".join(current).strip(), start or items[-1].line))
    return result


def list_reader(kind: EntityKind) -> ReaderFunction:
    """The reader of a list kind's section: each item names an entity of that kind."""
    def read(state: ExtractState, section: Section) -> None:
        state.record.names.extend(EntityName(kind.name, item.text, item.line)
                                  for item in list_items(state, section))
    return read


# --- readers of the sections that are not entities ------------------------------------


def read_other(state: ExtractState, section: Section) -> None:
    """`Other`: `Category:` and `Type:` (field kinds) name entities; the rest are notes."""
    record = state.record
    named = {name.kind: name.text for name in record.names}  # (not a scan of them per line)
    fields = _table_fields(state, section)
    for item in _one_field_each(state, section.items + _field_lines(state, section.paragraphs)
                                + fields):
        key, sep, value = _dashed_field(state, item.text) or item.text.partition(":")
        kind = state.kinds.by_field(key) if sep else None
        value = plain_text(_LEFT_MARK_RE.sub("", value.strip()), state.marks, item.line)
        if kind is not None and value.strip():
            if named.get(kind.name) == value.strip():
                pass  # (the same again, as front matter and `Other` both say: one)
            elif kind.name in named:
                state.warn(item.line, f"second `{key.strip()}` in `Other`; kept as a note")
                record.notes.append(item)
            else:
                record.names.append(EntityName(kind.name, value.strip(), item.line))
                named[kind.name] = value.strip()
        elif kind is not None:  # ("Category:" and nothing after it)
            state.warn(item.line, f"`{key.strip()}:` in `Other` names nothing; ignored")
        elif item.text.strip():
            fields = " or ".join(f"`{k.headings[0].capitalize()}:`"
                                 for k in state.kinds.of_source("field"))
            state.warn(item.line, f"`Other` item {item.text[:60]!r} is not {fields}; "
                       "kept as a note")
            record.notes.append(item)


_DASHED_FIELD_RE = re.compile(r"[ \t]*+([A-Za-z][A-Za-z ]{0,29}?)[ \t]++([-\u2013\u2014])[ \t]++\S")


def _dashed_field(state: ExtractState, text: str) -> tuple[str, str, str] | None:
    """(field, separator, value) of "Category - x" ("Type \u2014 y"), or None: a field
    of kg's written with a dash for its colon."""
    dashed = _DASHED_FIELD_RE.match(text)
    if dashed is None or state.kinds.by_field(dashed[1]) is None:
        return None
    return dashed[1], dashed[2], text[dashed.end(2):]


# Headers of a table's second column that name a column, not a field's value
# (`| Type | Description |` is a table of types, not "Type: Description")
_COLUMN_WORDS = frozenset({"description", "descriptions", "notes", "note", "details",
                           "comment", "comments", "explanation", "value", "values"})


# A cell that is a figure: a count, a share, an amount, a range ("40%", "$1,200",
# "~3.5 bn", "5-10%", "USD 5", "12 MW")
_FIGURE_RE = re.compile(r"[~\u2248<>\u00b1]?[ \t]*+[-+\u2212]?[ \t]*+(?:[$\u20ac\u00a3\u00a5]|USD|EUR|GBP)?"
                        r"[ \t]*+\d[\d,. \t]*+(?:[-\u2013\u2014][ \t]*+[-+\u2212]?\d[\d,. \t]*+)?"
                        r"(?:%|[A-Za-z\u00d7]{1,8})?\.?", re.IGNORECASE)
# Headers of a table's second column that name a column of figures
# (`| Category | Share |` over `| Energy | 40% |` is a table of shares, not a field)
_FIGURE_COLUMNS = frozenset({"share", "shares", "count", "counts", "percent", "percentage",
                             "number", "total", "amount", "frequency", "proportion", "rate",
                             "ratio", "score", "weight", "size", "value", "values"})


def _table_fields(state: ExtractState, section: Section) -> list[TextLine]:
    """The fields the tables of `Other` give, as "Field: value" lines: a table of fields
    as columns (| Category | Type |) or of field and value pairs (| Category | x |). A
    table of two columns of figures (| Category | Share | over | Energy | 40% |) names
    its columns in its header: no field, kept verbatim."""
    found: list[TextLine] = []
    for table in section.tables:
        is_field = [state.kinds.by_field(header) is not None for header in table.header]
        if len(table.header) == 2 and column_key(table.header[1]) in _FIGURE_COLUMNS and \
                table.rows and all(len(row.cells) >= 2 and
                                   _FIGURE_RE.fullmatch(row.cells[1].strip())
                                   for row in table.rows):
            state.no_tables(replace(section, tables=[table]))
            continue
        if len(table.header) == 2 and is_field[0] and not is_field[1] and \
                column_key(table.header[1]) not in _COLUMN_WORDS:  # (| Category | x |)
            pairs = [TableRow(table.header, table.line)] + table.rows
        elif any(is_field):
            pairs = [TableRow([header, cell], row.line) for row in table.rows
                     for header, cell in zip(table.header, row.cells)]
        elif len(table.header) == 2:  # (| Field | Value |: the pairs are its rows)
            pairs = ([] if column_key(table.header[1]) in _COLUMN_WORDS
                     else [TableRow(table.header, table.line)]) + table.rows
        else:
            state.no_tables(replace(section, tables=[table]))
            continue
        state.warn(table.line, "a table in `Other`; read as its fields")
        found.extend(TextLine(f"{pair.cells[0]}: {pair.cells[1]}", pair.line)
                     for pair in pairs if len(pair.cells) >= 2 and pair.cells[1].strip())
    return found


_FIELD_SEPARATOR_RE = re.compile(r"\s*+[|;]\s*+")
_LEFT_MARK_RE = re.compile(r"^(?:\*\*|__)[ \t]++")  # (of "**Category:** x")
_ANY_FIELD_RE = re.compile(r"[*_]{0,2}[A-Za-z][A-Za-z -]{0,29}:[*_]{0,2}[ \t]*+\S")


def _one_field_each(state: ExtractState, items: list[TextLine]) -> list[TextLine]:
    """Items of `Other`, one field each: "Category: x | Type: y" (or `;`) is two, and
    "Source: s | Category: x" too (each part a field, one at least kg's: the others
    are notes)."""
    found = []
    for item in items:
        parts = _FIELD_SEPARATOR_RE.split(item.text)
        if len(parts) > 1 and all(_ANY_FIELD_RE.match(part) for part in parts) and \
                any(state.kinds.by_field(part.partition(":")[0]) for part in parts):
            found.extend(TextLine(part, item.line) for part in parts)
        else:
            found.append(item)
    return found


def _field_lines(state: ExtractState, paragraphs: list[TextLine]) -> list[TextLine]:
    """Paragraphs of `Other`, a line apart where a line starts with a field
    (`Category: x` and `Type: y` on two lines); other lines stay with theirs (a note)."""
    def is_field(text: str) -> bool:
        key, sep, _ = text.partition(":")
        return bool(sep) and state.kinds.by_field(key) is not None or \
            _dashed_field(state, text) is not None

    # (each item's lines gathered, then joined once: a note of 100,000 lines was copied
    # and searched again for each line)
    found: list[tuple[list[str], int, bool]] = []  # (lines, first line, is a field)
    for paragraph in paragraphs:
        for number, text in enumerate(paragraph.text.split("\n")):
            field = is_field(text)
            if number == 0 or field or found[-1][2]:
                found.append(([text], paragraph.line + number, field))
            else:
                found[-1][0].append(text)
    return [TextLine("\n".join(lines), line) for lines, line, _ in found]


def read_summary(state: ExtractState, section: Section) -> None:
    state.no_tables(section)
    texts = section.paragraphs + section.items  # (its first text's line, not the heading's)
    state.summary_line = state.summary_line or min((t.line for t in texts), default=section.line)
    parts = [p.text.strip() for p in section.paragraphs] + [
        f"* {item.text}" for item in section.items]
    shown = [without_comments(part).strip() for part in parts]
    if shown != parts:  # (a pipeline's note to itself: a reader never sees it)
        line = next(text.line for text, part, seen in zip(
            section.paragraphs + section.items, parts, shown) if part != seen)
        state.warn(line, f"a comment in `{section.heading}`; left out")
        parts = shown
    text = "\n\n".join(part for part in parts if part)
    if state.record.summary:
        text = f"{state.record.summary}\n\n{text}"
    state.record.summary = text or None


def read_closest(state: ExtractState, section: Section) -> None:
    """`Closest`: `* [Title](ARTICLE_ID)` links to the articles most like this one."""
    state.no_tables(section)
    record = state.record
    linked_lines = {link.line for link in section.links}
    for item in section.items:
        if item.line not in linked_lines:
            state.warn(item.line, f"`Closest` item is not a `[Title](ARTICLE_ID)` link; "
                       f"ignored: {item.text[:60]!r}")
    seen: set[str] = set()
    for link in section.links:
        target = summary_stem(link.target.strip())
        if not target:
            state.warn(link.line, "`Closest` link has no article id; ignored")
        elif _WEB_ADDRESS_RE.match(target):
            state.warn(link.line, "`Closest` link to a web address, not an article id; "
                       f"ignored: {target[:80]}")
        elif target == record.article_id:
            state.warn(link.line, "`Closest` link to the article itself; ignored")
        elif target in seen:
            state.warn(link.line, f"`Closest` link to {target} repeated; kept once")
        else:
            seen.add(target)
            record.closest.append(Link(link.text, target, link.line))


_ENTITY_RE = re.compile(r"&#?\w+;")  # (an entity's `;` separates nothing)
_WEB_ADDRESS_RE = re.compile(r"[a-z][a-z0-9+.-]*://|www\.", re.IGNORECASE)


# --- readers of tables ---------------------------------------------------------------


def table_reader(kind: EntityKind) -> ReaderFunction:
    """The reader of a table kind's section: each row is a Mention of that kind."""
    def read(state: ExtractState, section: Section) -> None:
        if section.items and not section.tables:  # (a list of them: its items are rows)
            state.warn(section.items[0].line, f"`{section.heading}` is a list, not a table; "
                       "each item read as a row (its name in bold or before a colon, its "
                       "sub-items `Label: value` as columns)")
            section = replace(section, items=[], tables=[list_rows(state, section)])
        if section.items or section.paragraphs:
            texts = section.items + section.paragraphs
            first = min(text.line for text in texts)
            last = max(text.line + text.text.count("\n") for text in texts)
            lines = f"line {first}" if first == last else f"lines {first}-{last}"
            state.warn(first, f"`{section.heading}` has text outside its table ({lines}); "
                       "kept verbatim as an extra section")
            state.keep_verbatim(section)
        if not section.tables:
            state.warn(section.line, f"`{section.heading}` has no table")
        for table in section.tables:
            read_table(state, table, kind, section.heading)
    return read


# A table kind's section written as a list (other pipelines'), one entity per item: its
# name in bold or before a colon or dash ("**Name**: description", "**Name** — text
# (relevancy 5)", "Name: description"), or alone; sub-items "Change: ..." its columns.
_BOLD_NAME_RE = re.compile(r"(\*\*|__)(?P<name>[^*_\s](?:(?!\1).){0,200}?)\1[ \t]*+"
                           r"(?:[:\u2014\u2013-][ \t]*+)?(?P<rest>.*)", re.DOTALL)
_PLAIN_NAME_RE = re.compile(r"(?P<name>[^:.!?\u2014\u2013]{1,80}?)"
                            r"(?:[ \t]*+:|[ \t]++[\u2014\u2013-])[ \t]++(?P<rest>\S.*)", re.DOTALL)
_RELEVANCY_SAID_RE = re.compile(r"(?:\(|[-\u2013\u2014|,;][ \t]*+)(?:relevancy|relevance|score)"
                                r"[ \t]*+:?[ \t]*+(?P<value>[^()]{1,12}?)\)?[ \t.]*+$",
                                re.IGNORECASE)  # ("(relevancy 5)", "- Relevancy: 3")


def list_rows(state: ExtractState, section: Section) -> Table:
    """A table kind's section written as a list, as the table it stands for: a row per
    item, its sub-items' labels as columns (read by read_table as any table's)."""
    source = section.source.split("\n")

    def indent(item: TextLine) -> int:
        at = item.line - section.line
        line = source[at] if 0 <= at < len(source) else ""
        return len(line) - len(line.lstrip())

    header = ["name", "description"]
    keys = {"name": "name", "description": "description"}  # (column_key -> its header)
    rows: list[dict[str, str]] = []  # (each row's cells by header)
    lines: list[int] = []  # (each row's line)

    def column(label: str) -> str:  # ("Relevancy" and "(relevancy 3)": one column)
        if column_key(label) not in keys:
            keys[column_key(label)] = label
            header.append(label)
        return keys[column_key(label)]

    def add_to_row(text: str) -> None:  # ("Change: x" a column; other text described)
        labelled = _LABELLED_LINE_RE.fullmatch(text)
        row = rows[-1]
        if labelled and len(labelled["label"].split()) <= 4:
            label = column(labelled["label"].strip())
            if label == "name" and row.get("name"):  # ("- Signal 1" / "Name: x": the
                row["description"] = " ".join(filter(None, (row.pop("name"),  # name is x)
                                                            row.get("description"))))
            row[label] = " ".join(filter(None, (row.get(label), labelled["value"])))
        elif text:
            row["description"] = " ".join(filter(None, (row.get("description"), text)))

    top = min(indent(item) for item in section.items)
    for item in section.items:
        text = item.text.strip()
        if indent(item) > top and rows:  # (a sub-item: a column of the item above)
            for line in text.split("\n"):
                add_to_row(line.strip())
            continue
        text, *more = text.split("\n")  # (columns on lines of their own, unmarked)
        said = _RELEVANCY_SAID_RE.search(text, max(0, len(text) - 40))  # (at its end)
        row = {column("relevancy"): said["value"]} if said else {}
        text = text[:said.start()].rstrip() if said else text
        plain = _PLAIN_NAME_RE.fullmatch(text)  # (not "AI: the next decade", a title)
        named = _BOLD_NAME_RE.fullmatch(text) or (
            plain if plain and len(plain["rest"].split()) >= 4 else None)
        if named and len(named["name"].split()) <= 12:
            row["name"], row["description"] = named["name"].strip(" :"), named["rest"].strip()
        elif _is_sentence(text):
            row["description"] = text
        else:
            row["name"], row["description"] = text, ""
        rows.append(row)
        lines.append(item.line)
        for line in more:
            add_to_row(line.strip())
    # (cells as they are: the parse stage read each item's Markdown already)
    return Table(header, [TableRow([row.get(column, "") for column in header], line)
                          for row, line in zip(rows, lines)], section.line)


def read_table(state: ExtractState, table: Table, kind: EntityKind, heading: str) -> None:
    name_headers = state.kinds.name_headers()
    own = state.kinds.columns_of(kind)
    columns: list[str | Column | None] = []  # "name", a Column, or None (not understood)
    first_of: dict[str, str] = {}  # field -> the header of its first column
    for header in table.header:
        key = column_key(header)
        column: str | Column | None = "name" if key in name_headers else own.get(key)
        field = column if isinstance(column, str) or column is None else column.field
        if column is None:
            state.warn(table.line, f"column `{header}` of `{heading}` is not understood; "
                       "its cells are added to the description")
        elif field in first_of:  # (a second column would overwrite the first's cells)
            state.warn(table.line, f"column `{header}` of `{heading}` means the same as "
                       f"`{first_of[field]}`; its cells are added to the description")
            column = None
        else:
            first_of[field] = header
        columns.append(column)
    fields = [c if isinstance(c, str) or c is None else c.field for c in columns]
    if "name" not in fields and "description" not in fields:
        state.warn(table.line, f"`{heading}` table has neither a name nor a description "
                   "column; the first column is used as the name")
        columns[0] = "name"
        fields[0] = "name"
    for row in table.rows:
        mention = _read_row(state, row, columns, fields, table.header, kind, heading)
        if mention is not None:
            state.record.mentions.append(mention)


def _read_row(state: ExtractState, row: TableRow, columns: list, fields: list[str | None],
              header: list[str], kind: EntityKind, heading: str) -> Mention | None:
    # ("nan" is how pandas writes an empty cell: the archive's tables hold it; a name
    # stays as written)
    fitted, past = _fit_row(state, row, fields, header, heading)
    cells = ["" if cell == "nan" and field != "name" else cell
             for field, cell in zip(fields, fitted)]
    values: dict[str, str] = {}
    extras: list[str] = [cell for cell in past if cell]
    for field, title, cell in zip(fields, header, cells):
        if field is None:
            if cell:
                extras.append(f"{title}: {cell}")
        elif cell:
            values[field] = cell
    if extras:
        values["description"] = " ".join([values.get("description", ""), *extras]).strip()
    mention = Mention(kind=kind.name, name=values.pop("name", ""), line=row.line,
                      description=values.pop("description", None), src=values.pop("src", None))
    relevancy = values.pop("relevancy", None)
    if relevancy is not None:
        mention.relevancy = _relevancy(state, relevancy, row.line)
    mention.values = values
    if not mention.name:
        if not mention.description:
            state.warn(row.line, f"`{heading}` row has no name and no description; skipped")
            return None
        mention.name = name_from_description(mention.description)
        mention.name_derived = True
        if "name" in fields:
            state.warn(row.line, f"`{heading}` row has an empty name; named "
                       f"{mention.name!r} from its description")
    return mention


def _fit_row(state: ExtractState, row: TableRow, fields: list[str | None], header: list[str],
             heading: str) -> tuple[list[str], list[str]]:
    """Make a row as wide as its header (a ragged row is repaired with a warning): its
    cells, and those past the header's last column that belong to no column.

    Extra cells almost always come from an unescaped `|` inside a text cell, so
    they are joined back into the description (or the last text column), less the
    empty ones at either end of them (nothing to join; an empty one between two texts is
    a `||` of the text); empty ones past the header's width are a stray `|` at the
    row's end (`| a | b | |`), left out.
    Where the header ends in `relevancy` and the row has one in that place, the cells
    after it are a column the header does not name (`| ... | 4 | 5 |`: a score).
    """
    cells = list(row.cells)
    width = len(header)
    if len(cells) > width and not any(cells[width:]):
        state.warn(row.line, f"`{heading}` row has {len(cells)} cells but the header has "
                   f"{width}; the empty ones at its end left out")
        cells = cells[:width]
    if len(cells) > width and fields[-1] == "relevancy" and _reads_as_relevancy(cells[width - 1]):
        state.warn(row.line, f"`{heading}` row has {len(cells)} cells but the header has "
                   f"{width}; the {len(cells) - width} after its relevancy added to the "
                   "description")
        return cells[:width], cells[width:]
    if len(cells) > width:
        target = fields.index("description") if "description" in fields else width - 1
        if fields[-1] == "relevancy" and target == width - 1:
            target = width - 2
        overflow = len(cells) - width
        joined = cells[target : target + overflow + 1]  # (less its empty cells at either
        # end: an inner one is a `||` of the text)
        while len(joined) > 1 and not joined[-1]:
            joined.pop()
        while len(joined) > 1 and not joined[0]:
            joined.pop(0)
        cells[target : target + overflow + 1] = [" | ".join(joined)]
        state.warn(row.line, f"`{heading}` row has {len(row.cells)} cells but the header "
                   f"has {width}; " + (f"cells joined into `{header[target]}`" if len(joined) > 1
                                       else f"its empty cells by `{header[target]}` left out"))
    elif len(cells) < width:
        state.warn(row.line, f"`{heading}` row has {len(cells)} cells but the header has "
                   f"{width}; missing cells left empty")
        cells += [""] * (width - len(cells))
    return cells, []


RELEVANCY_SCALE = (1, 5)  # what the archive's summaries give


# Relevancies other pipelines write: "4/5", "3 (medium)", "★★★★☆"
_RELEVANCY_WRITTEN_RE = re.compile(
    rf"(?P<of>\d)\s*+/\s*+{RELEVANCY_SCALE[1]}|(?P<said>\d)\s*+\([^()]{{1,30}}\)|"
    rf"(?P<stars>★{{{RELEVANCY_SCALE[0]},{RELEVANCY_SCALE[1]}}})☆*+")


_WHOLE_NUMBER_RE = re.compile(r"[+-]?\d++(?:\.0*+)?")


def _reads_as_relevancy(text: str) -> bool:
    """Whether a cell gives a relevancy (as a number or in a written form).

    >>> _reads_as_relevancy("4"), _reads_as_relevancy("4/5"), _reads_as_relevancy("extra")
    (True, True, False)
    """
    text = text.strip()
    return bool(_WHOLE_NUMBER_RE.fullmatch(text) or _RELEVANCY_WRITTEN_RE.fullmatch(text))


def _relevancy(state: ExtractState, text: str, line: int) -> int | None:
    """The relevancy a cell gives, or None (with a warning)."""
    written = _RELEVANCY_WRITTEN_RE.fullmatch(text.strip())
    if written:
        value = int(written["of"] or written["said"] or len(written["stars"]))
        state.warn(line, f"relevancy {text!r} read as {value}")
        text = str(value)
    try:
        value = float(text)
    except ValueError:
        value = None
    if value is None or not value.is_integer():
        state.warn(line, f"relevancy {text!r} is not a whole number; left out")
        return None
    if abs(value) >= 2 ** 53:  # beyond what every tool that reads it counts exactly
        state.warn(line, f"relevancy {text!r} is out of range; left out")
        return None
    if not RELEVANCY_SCALE[0] <= value <= RELEVANCY_SCALE[1]:  # another scale, or a typo
        state.warn(line, f"relevancy {int(value)} is outside the archive's "
                   f"{RELEVANCY_SCALE[0]}-{RELEVANCY_SCALE[1]}; kept")
    return int(value)



# --- the default readers, and extract() ------------------------------------------------


def default_readers(kinds: KindTable = KINDS) -> Readers:
    """The readers of a summary: one per list and table kind, plus Other, Summary, Closest."""
    readers = Readers(Reader(kind.headings[0], kind.headings, list_reader(kind))
                      for kind in kinds.of_source("list"))
    readers.push(Reader("other", ("other", "metadata"), read_other))
    readers.push(Reader("summary", ("summary", "abstract"), read_summary))
    readers.push(Reader("closest", ("closest",), read_closest))
    for kind in kinds.of_source("table"):
        readers.push(Reader(kind.headings[0], kind.headings, table_reader(kind)))
    return readers


@functools.lru_cache(maxsize=8)
def _readers_for(kinds: KindTable) -> Readers:
    """The default readers of a kinds table, made once (never handed out: they are mutable)."""
    return default_readers(kinds)


# A section heading written as a line of text: "**Keywords**", "Keywords:", "##Keywords"
# (no space), "＃＃ Keywords", "* **Themes:**". Marked so (by ## or more, emphasis or a
# colon; in a list item, emphasis), never a plain word nor a hashtag: "Signals" alone,
# "#Technology" or "* Technology:" may be keywords.
_WRITTEN_HEADING_RE = re.compile(
    r"[ \t]*+(?:(?P<hashes>#{2,6}|＃{1,6})[ \t\u00a0]*+|(?P<bullet>[*+-])[ \t]++)?"
    r"(?P<open>\*\*|__|\*|_)?(?P<name>[A-Za-z][A-Za-z -]{0,39}?)[ \t]*+(?P<colon>:)?"
    r"(?P<close>\*\*|__|\*|_)?[ \t]*+(?P<after>:)?[ \t\u00a0]*+")


def written_heading(line: str) -> str | None:
    """The section name a line of text writes as a heading, or None.

    >>> [written_heading(t) for t in ("**Keywords**", "Themes:", "##Signals", "* Signals")]
    ['Keywords', 'Themes', 'Signals', None]
    >>> [written_heading(t) for t in ("#Technology", "* Technology:", "* **Other:**")]
    [None, None, 'Other']
    """
    match = _WRITTEN_HEADING_RE.fullmatch(line)
    if match is None or (match["open"] or "") != (match["close"] or "") or \
            not (match["hashes"] or match["open"] or match["colon"] or match["after"]) or \
            match["bullet"] and not match["open"]:
        return None
    return match["name"].strip()


# ... and with its values after it on its line: "**Keywords:** a, b", "Keywords: a; b":
# a list of short names (not "Themes: these matter.", nor "**Theme:** The central theme is
# that cities, not states, act", which are sentences).
_INLINE_HEADING_RE = re.compile(
    r" {0,3}+(?:(?P<open>\*\*|__)(?P<marked>[A-Za-z][A-Za-z -]{0,39}?)[ \t]*+"
    r"(?:(?P=open)[ \t]*+:|:[ \t]*+(?P=open))|(?P<name>[A-Z][A-Za-z -]{0,39}?)[ \t]*+:)"
    r"[ \t]++(?P<values>\S.*)")
_INLINE_ITEM_WORDS = 5  # (words in a name of such a list at most)
_FOOTNOTE_RE = re.compile(r"\[\d{1,3}\]$")
# Texts a reader shows as written: fenced or indented code, HTML blocks (not an autolink
# <https://...>)
_VERBATIM_RE = re.compile(r"(?: {4}|\t)|\s*+(?:```|~~~|<(?:pre|div|table|details|script|"
                          r"style|code|section|blockquote|!--)\b)", re.IGNORECASE)


def inline_heading(line: str) -> tuple[str, str] | None:
    """(section name, values) of a line that writes a heading and a list of names after
    it, or None.

    >>> inline_heading("**Keywords:** AI, ads"), inline_heading("Themes: a; b")
    (('Keywords', 'AI, ads'), ('Themes', 'a; b'))
    >>> inline_heading("Themes: these matter."), inline_heading("**Keywords**")
    (None, None)
    """
    match = _INLINE_HEADING_RE.fullmatch(line)
    if match is None:
        return None
    values = match["values"].strip()
    parts = _list_parts(values)
    if len(parts) < 2 or _FOOTNOTE_RE.sub("", values).rstrip("*_\"'\u201d\u2019) ").endswith(
            (".", ":")) or any(
            len(part.split()) > _INLINE_ITEM_WORDS or part.count("(") != part.count(")") or
            part.split()[:1] in (["and"], ["or"]) for part in parts):
        return None  # (a sentence: "cities, not states, act.", "AI, jobs, and work")
    return (match["marked"] or match["name"]).strip(), values


def _list_parts(values: str) -> list[str]:
    """A list written on one line, split on the first of `_LIST_SEPARATORS` it holds.

    >>> _list_parts("AI; jobs, work"), _list_parts("AI")
    (['AI', ' jobs, work'], ['AI'])
    """
    return next((values.split(mark) for mark, _ in _LIST_SEPARATORS if mark in values),
                [values])


def sections_at_written_headings(state: ExtractState, sections: list[Section],
                                 readers: Readers) -> list[Section]:
    """The sections, each split where a line of its text writes another section's heading
    (`written_heading`, a reader's): what follows is that section's, with a warning. A
    list section's heading with its names on its line (`inline_heading`) is a section of
    that line alone; the rest stays its section's."""
    found: list[Section] = []
    for whole in sections:
        parts: list[Section] = []
        section, lists = _inline_lists_out(state, whole, readers)
        own = readers.for_heading(section.heading)
        marks = _written_headings(section, readers)
        in_order = _Lines(section)
        cuts: list[tuple[int, str]] = []
        at = next((i for i, mark in enumerate(marks) if mark[2] is not own), None)
        while at is not None:
            line, name, reader = marks[at]
            following = next((i for i in range(at + 1, len(marks))  # (what is its own)
                              if marks[i][2] is not reader), None)
            end = marks[following][0] if following is not None else None
            if not _holds_its_kind(state, in_order.part_between(line, end, name), reader):
                break  # (a subheading of the summary, a group label: as before)
            _say_written_heading(state, line, in_order.source_line(line), name)
            cuts.append((line, name))
            at, own = following, reader
        parts = _split_at(section, cuts)
        section = parts[-1]
        # (each list after the part it was written in: in the file's order)
        found.extend(sorted(parts + lists, key=lambda part: part.line))
        for item in section.items:  # (a plain "* Themes" may be a keyword: said, kept)
            named = readers.for_heading(item.text) if len(item.text) < 40 else None
            if named not in (None, own) and heading_key(item.text) == heading_key(named.name):
                state.warn(item.line, f"item `{item.text}` of `{section.heading}` names a "
                           f"section; read as an item (`## {item.text}` if it is a heading)")
    return found


def _say_written_heading(state: ExtractState, line: int, written: str, name: str) -> None:
    state.warn(line, f"`{written}` is no Markdown heading; read as the "
               f"heading of a `## {name}` section")


def _inline_lists_out(state: ExtractState, section: Section, readers: Readers
                      ) -> tuple[Section, list[Section]]:
    """`section` without the lines that write a list section's heading and its names
    (`inline_heading`), and those lines, each a section of its own (one pass)."""
    own = readers.for_heading(section.heading)
    lists = {kind.headings[0] for kind in state.kinds.of_source("list")}
    kept = replace(section, items=[], paragraphs=[])
    taken: list[Section] = []
    for field_name in ("items", "paragraphs"):
        for text in getattr(section, field_name):
            lines, rest = text.text.split("\n"), []
            verbatim = _VERBATIM_RE.match(text.text)  # (code, HTML)
            for offset, line in enumerate(lines):
                heading = None if verbatim else inline_heading(line)
                reader = readers.for_heading(heading[0]) if heading else None
                if reader is None or reader is own or reader.name not in lists:
                    rest.append((offset, line))
                    continue
                taken.append(Section(heading[0], text.line + offset,
                                     paragraphs=[TextLine(heading[1], text.line + offset)],
                                     source=line.strip()))
            if len(rest) == len(lines):
                getattr(kept, field_name).append(text)
            elif any(line.strip() for _, line in rest):  # (the lines left: still one text)
                getattr(kept, field_name).append(
                    replace(text, text="\n".join(line for _, line in rest).strip(),
                            line=text.line + rest[0][0]))
    taken.sort(key=lambda list_section: list_section.line)  # (items, then paragraphs)
    for list_section in taken:
        _say_written_heading(state, list_section.line, list_section.source,
                             list_section.heading)
    return kept, taken


def _holds_its_kind(state: ExtractState, section: Section, reader: Reader) -> bool:
    """Whether what follows a heading written as text is what its section holds: a
    table, a list, fields, text or links."""
    if reader.name in {kind.headings[0] for kind in state.kinds.of_source("table")}:
        # (not a table of another kind's columns: "**Technology**" above a signals table
        # in `Signals` labels a group of signals, attack 111's)
        own = {header for column in state.kinds.by_heading(reader.name).columns
               for header in column.headers}
        others = {header for kind in state.kinds.of_source("table")
                  for column in kind.columns for header in column.headers} - own
        return bool(section.tables) and not any(
            column_key(cell) in others for table in section.tables for cell in table.header)
    if reader.name in {kind.headings[0] for kind in state.kinds.of_source("list")}:
        # (not a list of sentences: "**Themes**" above the summary's points, attack 111's)
        sentences = sum(_is_sentence(item.text) for item in section.items)
        return bool(section.items) and not section.tables and 2 * sentences <= len(section.items)
    if reader.name == "other":
        return any(":" in text.text and state.kinds.by_field(text.text.partition(":")[0])
                   for text in section.items + section.paragraphs)
    if reader.name == "closest":
        return bool(section.links)
    return bool(section.paragraphs) and not section.tables


def _is_sentence(text: str) -> bool:
    """Whether a list item is a sentence, no name: six words or more and a full stop.

    >>> _is_sentence("The article's first point is about ports."), _is_sentence("AI ethics.")
    (True, False)
    """
    return text.rstrip().endswith(".") and len(text.split()) >= 6


def _written_headings(section: Section, readers: Readers) -> list[tuple[int, str, Reader]]:
    """(line, name, reader) of each line of the section's text that writes the heading of
    a section a reader reads, in the file's order."""
    found = []
    for text in sorted(section.paragraphs + section.items, key=lambda t: t.line):
        for offset, line in enumerate(text.text.split("\n")):
            name = written_heading(line)
            reader = readers.for_heading(name) if name is not None else None
            if reader is not None:
                found.append((text.line + offset, name, reader))
    return found


def _split_at(section: Section, cuts: list[tuple[int, str]]) -> list[Section]:
    """`section` cut at each (line, name) of `cuts` (in line order): its part before the
    first cut, then for each cut a section headed `name` of what follows its line. One
    pass: a section may be cut thousands of times (a hostile file's)."""
    starts = [line for line, _ in cuts]
    parts = [Section(section.heading, section.line)] + [Section(name, line)
                                                        for line, name in cuts]
    for field_name in ("items", "paragraphs"):
        for text in getattr(section, field_name):
            lines = text.text.split("\n")
            first = bisect_left(starts, text.line)
            last = bisect_left(starts, text.line + len(lines))
            if first == last:  # (no cut in it)
                getattr(parts[first], field_name).append(text)
                continue
            head = "\n".join(lines[:starts[first] - text.line]).strip()
            if head:  # (its text before the first cut in it, then each piece after a cut)
                getattr(parts[first], field_name).append(replace(text, text=head))
            for at in range(first, last):
                end = starts[at + 1] if at + 1 < last else text.line + len(lines)
                piece = "\n".join(lines[starts[at] + 1 - text.line:end - text.line]).strip()
                if piece:
                    parts[at + 1].paragraphs.append(replace(text, text=piece,
                                                            line=starts[at] + 1))
    for field_name in ("links", "tables"):  # (on a cut's own line: neither side's)
        for thing in getattr(section, field_name):
            at = bisect_left(starts, thing.line)
            if at == len(starts) or starts[at] != thing.line:
                getattr(parts[at], field_name).append(thing)
    source = section.source.split("\n")
    bounds = [0] + [line - section.line for line in starts] + [len(source)]
    for part, (start, end) in zip(parts, zip(bounds, bounds[1:])):
        part.source = "\n".join(source[max(start, 0):max(end, 0)]).strip()
    return parts


class _Lines:
    """A section's texts, links and tables in line order, to take the part between two
    lines in time that grows with the part, not the section (thousands of headings
    written as text in one hostile section took minutes)."""

    _FIELDS = ("items", "paragraphs", "links", "tables")

    def __init__(self, section: Section):
        self.section = section
        self.things = {name: sorted(getattr(section, name), key=lambda thing: thing.line)
                       for name in self._FIELDS}
        self.lines = {name: [thing.line for thing in things]
                      for name, things in self.things.items()}
        self.source = section.source.split("\n")

    def source_line(self, line: int) -> str:
        """Line `line` of the file as the section's source has it."""
        at = line - self.section.line
        return self.source[at].strip() if 0 <= at < len(self.source) else ""

    def part_between(self, line: int, end: int | None, name: str) -> Section:
        """What the section holds from the line after `line` to line `end` (None: its
        end), as a section headed `name`."""
        view = Section(self.section.heading, self.section.line)
        for field_name in self._FIELDS:  # (one text may begin before `line`)
            lines = self.lines[field_name]
            start = max(bisect_left(lines, line) - 1, 0)
            stop = bisect_left(lines, end) if end is not None else len(lines)
            setattr(view, field_name, self.things[field_name][start:stop])
        cuts = [(line, name)] + ([(end, "")] if end is not None else [])
        return _split_at(view, cuts)[1]


def read_section(state: ExtractState, section: Section, readers: Readers) -> None:
    reader = readers.for_heading(section.heading)
    if reader is None:
        state.warn(section.line, f"unknown section `{section.heading}`; kept verbatim")
        state.keep_verbatim(section)
        return
    if reader.name in state.seen_sections:
        state.warn(section.line, f"second `{section.heading}` section; its content is added")
    state.seen_sections.add(reader.name)
    reader.read(state, section)


def read_preamble(state: ExtractState, preamble: Section, readers: Readers) -> None:
    """What comes before the first `#` section: the sections it writes as text
    (`**Keywords**` and a list, `Themes: a, b`) are read; the rest is not the summary's."""
    for part in sections_at_written_headings(state, [preamble], readers):
        if part.heading:
            read_section(state, part, readers)
            continue
        fields: list[TextLine] = []  # ("**Category:** x" lines, as in `Other`)
        for text in part.paragraphs:
            rest: list[TextLine] = []
            for offset, line in enumerate(text.text.split("\n")):
                labelled = _LABELLED_LINE_RE.fullmatch(line.strip())
                label = labelled["label"] if labelled else ""
                if state.kinds.by_field(label):
                    fields.append(TextLine(line.strip(), text.line + offset))
                elif labelled and readers.for_heading(label) is readers["summary"]:
                    read_section(state, Section(label, text.line + offset, paragraphs=[
                        TextLine(labelled["value"], text.line + offset)]), readers)
                elif line.strip():
                    rest.append(TextLine(line.strip(), text.line + offset))
            if rest:
                state.warn(rest[0].line, "text before the first section is not the external "
                           f"link; ignored: {' '.join(t.text for t in rest)[:60]!r}")
        if fields:
            read_section(state, Section("Other", fields[0].line, items=fields), readers)
        for item in part.items:
            state.warn(item.line, f"list item before the first section; ignored: "
                       f"{item.text[:60]!r}")
        for table in part.tables:
            state.warn(table.line, "table before the first section; ignored")


def extract(doc: ParsedDocument, today: _dt.date | None = None, kinds: KindTable = KINDS,
            readers: Readers | None = None) -> ArticleRecord:
    """Read what a parsed summary says.

    >>> from kg.parse import parse_text
    >>> rec = extract(parse_text("# __T__, from ([4320.0](https://x.org/p/4320.0).)\\n", "a.v2.md"))
    >>> rec.article_id, rec.rendering, rec.page_date
    ('a', 'v2', None)
    """
    state = ExtractState(doc, today or build_date(), kinds)
    record = state.record
    if not _ARTICLE_ID_RE.fullmatch(record.article_id):
        state.warn(None, f"file name {doc.stem!r} is not a usable article id; "
                   "it is percent-encoded in IRIs")
    if record.page is not None:  # a bad date is reported once per page by the graph stage
        record.page_date = parse_page_date(record.page, state.today)[0]
    if record.external_link is None and doc.external_link_line is None and doc.sections:
        state.warn(None, "no `__[External link](URL)__` line")
    readers = readers or _readers_for(kinds)
    if doc.preamble is not None:
        read_preamble(state, doc.preamble, readers)
    for section in sections_at_written_headings(state, doc.sections, readers):
        read_section(state, section, readers)
    _bound_texts(state)
    return record


def _bound_texts(state: ExtractState) -> None:
    """Cut every text longer than its limit (MAX_NAME, MAX_TITLE, MAX_TEXT), with a warning."""
    record = state.record

    def bound(text: str | None, limit: int, line: int | None, what: str) -> str | None:
        if text is None or len(text) <= limit:
            return text
        state.warn(line, f"{what} is {len(text):,} characters long; cut to {limit:,}")
        return text[: limit - 1] + "…"

    def bound_name(text: str | None, line: int | None, what: str) -> str | None:
        # A name's key is its NFKC form, in which one character may be eighteen (U+FDFA):
        # the limit holds for that form too (keys of 9,000 characters made IRIs that
        # took seconds each to read back).
        cut = bound(text, MAX_NAME, line, what)
        if cut is None or cut.isascii():
            return cut
        mark = int(cut is not text)  # (the "…" bound added, three characters in NFKC, is one)
        size = len(unicodedata.normalize("NFKC", cut[:len(cut) - mark])) + mark
        if size <= MAX_NAME:
            return cut
        text = cut[:len(cut) - mark]
        state.warn(line, f"{what} is {size:,} characters long in Unicode's compatibility "
                   f"form (NFKC); cut to {MAX_NAME:,}")
        while len(unicodedata.normalize("NFKC", text)) >= MAX_NAME:
            text = text[: max(1, len(text) * MAX_NAME // size) - 1]
            size = len(unicodedata.normalize("NFKC", text)) + 1
        return text + "…"

    record.title = bound(record.title, MAX_TITLE, 1, "the title")
    record.summary = bound(record.summary, MAX_TEXT, state.summary_line, "the summary")
    for item in record.notes + record.extra_sections:
        item.text = bound(item.text, MAX_TEXT, item.line, "a section")
    for name in record.names:
        name.text = bound_name(name.text, name.line, f"a {name.kind.replace('_', ' ')} name")
    for link in record.closest:
        link.text = bound(link.text, MAX_TITLE, link.line, "a link text")
    for mention in record.mentions:
        line = mention.line
        mention.name = bound_name(mention.name, line, f"a {mention.kind} name")
        mention.description = bound(mention.description, MAX_TEXT, line, "a description")
        mention.src = bound(mention.src, MAX_NAME, line, "a src cell")
        naming = {c.field for c in state.kinds[mention.kind].columns if c.names_kind}
        for field, value in mention.values.items():
            what = f"a {field.replace('_', ' ')} cell"
            mention.values[field] = bound_name(value, line, what) if field in naming \
                else bound(value, MAX_TEXT, line, what)  # (cells naming an entity: as names)
