"""Plain dataclasses passed between the pipeline stages.

    parse.py    Markdown text      -> ParsedDocument   (structure: sections, lists, tables, lines)
    extract.py  ParsedDocument     -> ArticleRecord    (meaning: keywords, signals, technologies, ...)
    graph.py    [ArticleRecord]    -> KnowledgeGraph   (identity, IRIs, triples)

Every stage reports problems as Diagnostic values instead of raising, so one
bad file never stops the rest of the corpus from building.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from .errors import as_shown, clean_text


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in one input file, with the line it is on (1-based)."""

    level: str  # "warning" (something was repaired or skipped) or "error" (file not used)
    path: str
    line: int | None
    message: str

    def __post_init__(self):  # (a file name that is not UTF-8, as every output can hold it)
        for name in ("path", "message"):
            if isinstance(getattr(self, name), str):
                object.__setattr__(self, name, as_shown(getattr(self, name)))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        # Text from documents reaches terminals: control characters are shown, not sent.
        return clean_text(f"{where}: {self.level}: {self.message}")


# --- parse stage: document structure -------------------------------------------------


@dataclass
class TextLine:
    """A piece of source text and the line it starts on."""

    text: str
    line: int


@dataclass
class TableRow:
    cells: list[str]
    line: int


@dataclass
class Table:
    header: list[str]
    rows: list[TableRow]
    line: int


@dataclass
class Link:
    text: str
    target: str
    line: int


@dataclass
class Section:
    """One `## Heading` and what follows it up to the next heading."""

    heading: str
    line: int
    items: list[TextLine] = field(default_factory=list)  # bullet-list items
    links: list[Link] = field(default_factory=list)  # items that are a single [text](target)
    tables: list[Table] = field(default_factory=list)
    paragraphs: list[TextLine] = field(default_factory=list)
    source: str = ""  # the section's raw Markdown, kept for sections we do not understand


@dataclass
class ParsedDocument:
    path: str  # as shown to the user (relative to the source root's parent)
    stem: str  # file name without ".md"
    title: str | None = None
    page: str | None = None  # the newsletter page id, e.g. "20250323"
    page_url: str | None = None
    external_link: str | None = None
    external_link_line: int | None = None
    sections: list[Section] = field(default_factory=list)
    # what comes before the first section, its heading "": text that writes headings
    # (`**Keywords**`, `Themes: a, b`) where a summary has no `##` ones
    preamble: Section | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


# --- extract stage: meaning ----------------------------------------------------------


@dataclass
class EntityName:
    """An item naming an entity of a list or field kind (a keyword, a theme, the category)."""

    kind: str  # a name in kinds.KINDS
    text: str
    line: int


@dataclass
class Mention:
    """One table row: an article's statement about a signal, concern, technology, ..."""

    kind: str  # a table kind in kinds.KINDS
    name: str  # exact surface text of the name (or a name derived from the description)
    line: int
    description: str | None = None
    relevancy: int | None = None
    src: str | None = None  # the `src` column of name-less technology tables
    name_derived: bool = False  # True when the name was made from the description
    # The kind's own columns (kinds.Column.field -> cell text): a signal's change,
    # ten_year and driving_force.
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class ArticleRecord:
    """Everything one summary file says, in the order the graph stage needs it."""

    path: str
    stem: str  # file stem: identifies this summary (rendering)
    article_id: str  # the article's id: the stem up to its first dot
    rendering: str | None  # e.g. "legacy", "v2" for `<id>.legacy.md`; None for `<id>.md`
    title: str | None
    page: str | None
    page_url: str | None
    page_date: _dt.date | None
    external_link: str | None
    external_link_line: int | None = None
    summary: str | None = None
    names: list[EntityName] = field(default_factory=list)  # keywords, themes, category, type
    mentions: list[Mention] = field(default_factory=list)  # table rows
    closest: list[Link] = field(default_factory=list)
    notes: list[TextLine] = field(default_factory=list)  # unknown `Other` fields, kept verbatim
    extra_sections: list[TextLine] = field(default_factory=list)  # unknown sections, raw Markdown
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def names_of(self, kind: str) -> list[EntityName]:
        """The items naming entities of one list or field kind, in document order."""
        return [name for name in self.names if name.kind == kind]


# --- across articles: what the corpus as a whole says --------------------------------


@dataclass(frozen=True)
class RelatedLink:
    """Two entities of different articles about the same specific phenomenon (related,
    not the same: they stay two nodes), with how strongly and on what evidence."""

    first: str  # entity IRI (first < second)
    second: str
    score: float  # 0..1
    method: str  # the evidence, e.g. "names+descriptions"


@dataclass(frozen=True)
class Trend:
    """Related entities named by at least two articles, followed across the archive."""

    iri: str
    label: str  # a readable name from its most central members
    members: tuple[str, ...]  # entity IRIs, most central first
    articles: tuple[str, ...]  # article IRIs, sorted
    first_date: str | None  # ISO page dates of its articles
    last_date: str | None
    months: tuple[tuple[str, int], ...]  # (YYYY-MM, articles that month), in month order
    recent: int = 0  # articles in the archive's last twelve months (see kg.corpus.trends_of)
    prior: int = 0  # articles in the twelve months before those


def describe(name: str, description: str | None) -> str:
    """The text relatedness (kg.related) reads of a mention: its name, then on a line of
    its own what its article says of it (a line break, not ". ", ends the name: names
    hold full stops, as in "Dystopian vs. Utopian Narratives" or "U.S. Policy").

    >>> describe("Digital Twins", "Virtual replicas of physical things.")
    'Digital Twins\\nVirtual replicas of physical things.'
    >>> name_of(describe("Data Privacy vs. Political Marketing", "Laws and ads."))
    'Data Privacy vs. Political Marketing'
    """
    name = " ".join(name.splitlines())
    return f"{name}\n{description}" if description else name


def name_of(text: str) -> str:
    """The name at the start of a text made by `describe`."""
    return text.partition("\n")[0]


def as_sentence(text: str) -> str:
    """A text made by `describe` as encoders read it: "Name. Description"."""
    return text.replace("\n", ". ", 1)
