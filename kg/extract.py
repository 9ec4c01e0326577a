"""Extract stage: ParsedDocument -> ArticleRecord (what the summary says).

Each section is read by one small function chosen by its heading, the way
markdown-it-py chains rules. The format has eras; the differences handled here:

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
import os
import re

from .model import (
    ArticleRecord,
    Diagnostic,
    Link,
    Mention,
    ParsedDocument,
    Section,
    Table,
    TableRow,
    TextLine,
)

# The earliest page date we believe; older ones are typos.
EARLIEST_PAGE_DATE = _dt.date(1990, 1, 1)

_PAGE_DATE_RE = re.compile(r"(\d{4})(\d{2})(\d{2})[a-z]?")
_ARTICLE_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.~-]*")


def build_date() -> _dt.date:
    """Today, or the reproducible-builds SOURCE_DATE_EPOCH when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date()
    return _dt.date.today()


def split_stem(stem: str) -> tuple[str, str | None]:
    """The article id and rendering of a file stem: other renderings are `<id>.<tag>.md`.

    >>> split_stem("001b195b.legacy"), split_stem("coca-cola")
    (('001b195b', 'legacy'), ('coca-cola', None))
    """
    article_id, _, rendering = stem.partition(".")
    return article_id, (rendering or None)


def parse_page_date(page: str, today: _dt.date) -> tuple[_dt.date | None, str | None]:
    """A page id's date, or None and the reason it is not one.

    >>> parse_page_date("20250511d", _dt.date(2026, 1, 1))
    (datetime.date(2025, 5, 11), None)
    >>> parse_page_date("20290911", _dt.date(2026, 1, 1))[1]
    'is after the build date 2026-01-01'
    """
    match = _PAGE_DATE_RE.fullmatch(page.strip())
    if not match:
        return None, "is not a YYYYMMDD date"
    try:
        date = _dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None, "is not a calendar date"
    if date > today:
        return None, f"is after the build date {today.isoformat()}"
    if date < EARLIEST_PAGE_DATE:
        return None, f"is before {EARLIEST_PAGE_DATE.isoformat()}"
    return date, None


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


# --- table columns -------------------------------------------------------------------

# Header text (lower case, letters and digits only) -> the Mention field it fills.
_COLUMNS = {
    "name": "name", "signal": "name", "signals": "name", "concern": "name",
    "behavior": "name", "behaviour": "name", "technology": "name", "issue": "name",
    "title": "name",
    "description": "description",
    "change": "change",
    "10year": "ten_year", "10yhorizon": "ten_year", "10yearhorizon": "ten_year",
    "10yearoutlook": "ten_year", "tenyear": "ten_year", "horizon": "ten_year",
    "drivingforce": "driving_force", "drivingforces": "driving_force",
    "relevancy": "relevancy", "relevance": "relevancy",
    "src": "src", "source": "src",
}
_SIGNAL_ONLY = {"change", "ten_year", "driving_force"}


def _column_key(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


class _Extractor:
    """Reads one ParsedDocument; holds the record being filled and its diagnostics."""

    def __init__(self, doc: ParsedDocument, today: _dt.date):
        article_id, rendering = split_stem(doc.stem)
        self.doc = doc
        self.record = ArticleRecord(
            path=doc.path, stem=doc.stem, article_id=article_id, rendering=rendering,
            title=doc.title, page=doc.page, page_url=doc.page_url, page_date=None,
            external_link=doc.external_link, diagnostics=list(doc.diagnostics),
        )
        self.today = today
        self.seen_sections: set[str] = set()

    def warn(self, line: int | None, message: str) -> None:
        self.record.diagnostics.append(Diagnostic("warning", self.doc.path, line, message))

    def run(self) -> ArticleRecord:
        record = self.record
        if not _ARTICLE_ID_RE.fullmatch(record.article_id):
            self.warn(None, f"file name {self.doc.stem!r} is not a usable article id; "
                      "it is percent-encoded in IRIs")
        if record.page is not None:  # a bad date is reported once per page by the graph stage
            record.page_date = parse_page_date(record.page, self.today)[0]
        if record.external_link is None and self.doc.sections:
            self.warn(None, "no `__[External link](URL)__` line")
        for section in self.doc.sections:
            self.read_section(section)
        return record

    def read_section(self, section: Section) -> None:
        name = re.sub(r"[^a-z]", "", section.heading.lower())
        name = {"behaviours": "behaviors", "keyword": "keywords", "theme": "themes",
                "signal": "signals", "concern": "concerns", "behavior": "behaviors",
                "technology": "technologies", "issue": "issues"}.get(name, name)
        reader = _SECTION_READERS.get(name)
        if reader is None:
            self.warn(section.line, f"unknown section `{section.heading}`; kept verbatim")
            self.record.extra_sections.append(TextLine(section.source, section.line))
            return
        if name in self.seen_sections:
            self.warn(section.line, f"second `{section.heading}` section; its content is added")
        self.seen_sections.add(name)
        reader(self, section)

    # --- lists --------------------------------------------------------------------

    def terms(self, section: Section) -> list[TextLine]:
        """The items of a Keywords or Themes section, repaired where the archive is broken."""
        self.no_tables(section)
        items = list(section.items)
        if not items and section.paragraphs:
            self.warn(section.line, f"`{section.heading}` is a paragraph, not a list; "
                      "split on commas")
            items = [TextLine(part.strip(), p.line) for p in section.paragraphs
                     for part in p.text.split(",")]
        elif section.paragraphs:
            for paragraph in section.paragraphs:
                self.warn(paragraph.line, f"text in `{section.heading}` outside the list; "
                          f"ignored: {paragraph.text[:60]!r}")
        if _looks_exploded(items):
            joined = "".join(item.text or " " for item in items)
            self.warn(items[0].line, f"`{section.heading}` list has one character per item; "
                      f"joined back into {len([p for p in joined.split(',') if p.strip()])} items")
            items = _split_joined(items)
        kept = []
        for item in items:
            if item.text.strip():
                kept.append(TextLine(item.text.strip(), item.line))
            else:
                self.warn(item.line, f"empty item in `{section.heading}`; ignored")
        return kept

    def read_keywords(self, section: Section) -> None:
        self.record.keywords.extend(self.terms(section))

    def read_themes(self, section: Section) -> None:
        self.record.themes.extend(self.terms(section))

    def read_other(self, section: Section) -> None:
        self.no_tables(section)
        for item in section.items + section.paragraphs:
            key, sep, value = item.text.partition(":")
            field = {"category": "category", "type": "content_type"}.get(key.strip().lower())
            if sep and field and value.strip():
                if getattr(self.record, field) is not None:
                    self.warn(item.line, f"second `{key.strip()}` in `Other`; kept as a note")
                    self.record.notes.append(item)
                else:
                    setattr(self.record, field, TextLine(value.strip(), item.line))
            elif item.text.strip():
                self.warn(item.line, f"`Other` item {item.text[:60]!r} is not `Category:` "
                          "or `Type:`; kept as a note")
                self.record.notes.append(item)

    def read_summary(self, section: Section) -> None:
        self.no_tables(section)
        parts = [p.text.strip() for p in section.paragraphs] + [
            f"* {item.text}" for item in section.items]
        text = "\n\n".join(part for part in parts if part)
        if self.record.summary:
            text = f"{self.record.summary}\n\n{text}"
        self.record.summary = text or None

    def read_closest(self, section: Section) -> None:
        self.no_tables(section)
        linked_lines = {link.line for link in section.links}
        for item in section.items:
            if item.line not in linked_lines:
                self.warn(item.line, f"`Closest` item is not a `[Title](ARTICLE_ID)` link; "
                          f"ignored: {item.text[:60]!r}")
        seen: set[str] = set()
        for link in section.links:
            target = link.target.strip().removesuffix(".md")
            if not target:
                self.warn(link.line, "`Closest` link has no article id; ignored")
            elif target == self.record.article_id:
                self.warn(link.line, "`Closest` link to the article itself; ignored")
            elif target in seen:
                self.warn(link.line, f"`Closest` link to {target} repeated; kept once")
            else:
                seen.add(target)
                self.record.closest.append(Link(link.text, target, link.line))

    # --- tables -------------------------------------------------------------------

    def mentions(self, section: Section, kind: str) -> None:
        if section.items or section.paragraphs:
            first = (section.items + section.paragraphs)[0]
            self.warn(first.line, f"`{section.heading}` has text outside its table; "
                      "kept verbatim as an extra section")
            self.record.extra_sections.append(TextLine(section.source, section.line))
        if not section.tables:
            self.warn(section.line, f"`{section.heading}` has no table")
        for table in section.tables:
            self.read_table(table, kind, section.heading)

    def read_table(self, table: Table, kind: str, heading: str) -> None:
        fields: list[str | None] = []
        for header in table.header:
            field = _COLUMNS.get(_column_key(header))
            if field in _SIGNAL_ONLY and kind != "signal":
                field = None
            if field is None:
                self.warn(table.line, f"column `{header}` of `{heading}` is not understood; "
                          "its cells are added to the description")
            fields.append(field)
        if "name" not in fields and "description" not in fields:
            self.warn(table.line, f"`{heading}` table has neither a name nor a description "
                      "column; the first column is used as the name")
            fields[0] = "name"
        for row in table.rows:
            mention = self.read_row(row, fields, table.header, kind, heading)
            if mention is not None:
                self.record.mentions.append(mention)

    def read_row(self, row: TableRow, fields: list[str | None], header: list[str],
                 kind: str, heading: str) -> Mention | None:
        cells = self.fit_row(row, fields, header, heading)
        values: dict[str, str] = {}
        extras: list[str] = []
        for field, title, cell in zip(fields, header, cells):
            if field is None:
                if cell:
                    extras.append(f"{title}: {cell}")
            elif cell:
                values[field] = cell
        if extras:
            values["description"] = " ".join([values.get("description", ""), *extras]).strip()
        mention = Mention(kind=kind, name=values.get("name", ""), line=row.line,
                          description=values.get("description"), change=values.get("change"),
                          ten_year=values.get("ten_year"),
                          driving_force=values.get("driving_force"), src=values.get("src"))
        if "relevancy" in values:
            mention.relevancy = self.relevancy(values["relevancy"], row.line)
        if not mention.name:
            if not mention.description:
                self.warn(row.line, f"`{heading}` row has no name and no description; skipped")
                return None
            mention.name = name_from_description(mention.description)
            mention.name_derived = True
            if "name" in fields:
                self.warn(row.line, f"`{heading}` row has an empty name; named "
                          f"{mention.name!r} from its description")
        return mention

    def fit_row(self, row: TableRow, fields: list[str | None], header: list[str],
                heading: str) -> list[str]:
        """Make a row as wide as its header; a ragged row is repaired with a warning.

        Extra cells almost always come from an unescaped `|` inside a text cell, so
        they are joined back into the description (or the last text column).
        """
        cells = list(row.cells)
        width = len(header)
        if len(cells) > width:
            target = fields.index("description") if "description" in fields else width - 1
            if fields[-1] == "relevancy" and target == width - 1:
                target = width - 2
            overflow = len(cells) - width
            joined = " | ".join(cells[target : target + overflow + 1])
            cells[target : target + overflow + 1] = [joined]
            self.warn(row.line, f"`{heading}` row has {len(row.cells)} cells but the header "
                      f"has {width}; cells joined into `{header[target]}`")
        elif len(cells) < width:
            self.warn(row.line, f"`{heading}` row has {len(cells)} cells but the header has "
                      f"{width}; missing cells left empty")
            cells += [""] * (width - len(cells))
        return cells

    def relevancy(self, text: str, line: int) -> int | None:
        try:
            value = float(text)
        except ValueError:
            value = None
        if value is None or not value.is_integer():
            self.warn(line, f"relevancy {text!r} is not a whole number; left out")
            return None
        return int(value)

    def no_tables(self, section: Section) -> None:
        for table in section.tables:
            self.warn(table.line, f"table in `{section.heading}` is not expected there; "
                      "kept verbatim as an extra section")
        if section.tables:
            self.record.extra_sections.append(TextLine(section.source, section.line))


def _looks_exploded(items: list[TextLine]) -> bool:
    """True for a list that is one string spread over one item per character."""
    if len(items) < 4:
        return False
    short = sum(1 for item in items if len(item.text) <= 1)
    return short == len(items) and any(item.text == "," for item in items)


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


def _mention_reader(kind: str):
    def read(extractor: _Extractor, section: Section) -> None:
        extractor.mentions(section, kind)
    return read


_SECTION_READERS = {
    "keywords": _Extractor.read_keywords,
    "themes": _Extractor.read_themes,
    "other": _Extractor.read_other,
    "summary": _Extractor.read_summary,
    "closest": _Extractor.read_closest,
    "signals": _mention_reader("signal"),
    "concerns": _mention_reader("concern"),
    "behaviors": _mention_reader("behavior"),
    "technologies": _mention_reader("technology"),
    "issues": _mention_reader("issue"),
}


def extract(doc: ParsedDocument, today: _dt.date | None = None) -> ArticleRecord:
    """Read what a parsed summary says.

    >>> from kg.parse import parse_text
    >>> rec = extract(parse_text("# __T__, from ([4320.0](https://x.org/p/4320.0).)\\n", "a.v2.md"))
    >>> rec.article_id, rec.rendering, rec.page_date
    ('a', 'v2', None)
    """
    return _Extractor(doc, today or build_date()).run()
