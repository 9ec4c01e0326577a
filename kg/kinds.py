"""The kinds of entity kg knows: one table, read top to bottom.

Each row says everything about one kind: where in a summary it is read from
(section headings, `Other` fields, table columns), its class and IRI segment,
the property linking an article to it, its mention class (for table rows),
its look in the explorer, and whether entity resolution merges its names.
Extraction, the graph, the explorer, resolution, analytics and the saved
queries all derive from this table; adding a table section to the format is
one row here plus its class in `ontology/kg.ttl` and `ontology/shapes.ttl`
(tests fail when one is missing).

Like markdown-it-py's `Ruler`, the table is a list looked up by name that
fails loudly on a name it does not know, and can be extended (`with_kind`)
or narrowed (`without`) into a new table for a test or a plugin.

>>> KINDS["technology"].class_name, KINDS["technology"].mention_class_name
('Technology', 'TechnologyMention')
>>> KINDS.by_heading("Behaviours").name
'behavior'
>>> KINDS["opportunity"]  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
KeyError: "unknown entity kind 'opportunity'; known: keyword, theme, category, ...
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

from . import vocab as V

__all__ = ["Column", "EntityKind", "KindTable", "KINDS", "heading_key", "column_key",
           "ARTICLE_STYLE", "TREND_STYLE"]


def heading_key(heading: str) -> str:
    """A section heading as looked up: lower-case letters only, without a leading word
    that ranks what follows ("Key Themes", "Main Signals": other pipelines').

    >>> heading_key("## Behaviours:"), heading_key("Key Themes"), heading_key("Keywords")
    ('behaviours', 'themes', 'keywords')
    """
    return re.sub(r"[^a-z]", "", _RANKING_WORD_RE.sub("", heading.lower(), count=1))


_RANKING_WORD_RE = re.compile(r"^[^a-z]*+(?:key|main|major|top|notable)\s++(?=[a-z])")


def column_key(header: str) -> str:
    """A table header as looked up: lower-case letters and digits only, without what it
    says in parentheses (a scale, a unit: "Relevance (1-5)").

    >>> column_key("10-year"), column_key("Driving Force"), column_key("Relevance (1-5)")
    ('10year', 'drivingforce', 'relevance')
    """
    return re.sub(r"[^a-z0-9]", "", re.sub(r"\([^)]*\)", "", header.lower()))


@dataclass(frozen=True)
class Column:
    """A table column beyond name, description and relevancy, and where its cells go."""

    field: str  # the key of the cell's value in Mention.values
    headers: tuple[str, ...]  # header texts it is found by (as column_key gives them)
    property: str  # local name (in kg:) of the mention's property
    names_kind: str | None = None  # the cells name an entity of this kind (a link, not text)


# Columns every table has (found by header; each is optional).
NAME_HEADERS = ("name", "title")
DESCRIPTION = Column("description", ("description", "details"), "description")
RELEVANCY = Column("relevancy", ("relevancy", "relevance", "score", "relevancescore",
                                 "relevancyscore"), "relevancy")
SRC = Column("src", ("src", "source"), "srcId")
COMMON_COLUMNS = (DESCRIPTION, RELEVANCY, SRC)


@dataclass(frozen=True)
class EntityKind:
    """One kind of entity: how it is read, typed, named, linked and drawn."""

    name: str  # lower case, used in code and options: "technology"
    class_name: str  # local name of its class in kg: "Technology"
    label: str  # for people: "Technology"
    segment: str  # IRI path segment under the base: {base}technology/...
    source: str  # "list" (a bulleted section), "field" (in `Other`), "table", "column"
    headings: tuple[str, ...] = ()  # section headings (list, table) or `Other` fields (field)
    article_property: str | None = None  # local name: Article --hasKeyword--> Keyword
    columns: tuple[Column, ...] = ()  # table kinds: columns of their own (signals' change...)
    concept: bool = False  # also a skos:Concept (keywords, themes, categories, types)
    color: str = "#999999"  # explorer: fill colour
    shape: str = "dot"  # explorer: vis-network shape
    merge: bool = True  # resolution joins differently written names of this kind
    # Related links to an entity of this kind: their least score, when above the build's
    # (kg.related.Settings.min_score). Themes name broad fields ("climate change"; a
    # link to one was the least often right on the real corpus, blind-54 and blind-55;
    # on blind-56, written after, about as often as the rest: bench/RESULTS.md).
    related_score: float = 0.0
    comment: str = ""

    @property
    def cls(self) -> str:
        return V.KG + self.class_name

    @property
    def is_table(self) -> bool:
        return self.source == "table"

    @property
    def mention_class_name(self) -> str | None:
        """Table rows get a qualified node per article: `TechnologyMention`."""
        return f"{self.class_name}Mention" if self.is_table else None

    @property
    def mention_class(self) -> str | None:
        return V.KG + self.mention_class_name if self.is_table else None

    @property
    def property_iri(self) -> str | None:
        return V.KG + self.article_property if self.article_property else None

    @property
    def prefix(self) -> str:
        """The Turtle prefix of its IRIs: `technology:`, `drivingforce:`."""
        return self.segment.replace("-", "")


@dataclass(frozen=True)
class KindTable:
    """The entity kinds, in order, looked up by name, class, segment or heading."""

    kinds: tuple[EntityKind, ...]
    _by_name: dict = field(init=False, repr=False, compare=False, hash=False)
    digest: str = field(init=False, repr=False, compare=False, hash=False)  # of the rows

    def __post_init__(self) -> None:
        by_name = {}
        for kind in self.kinds:
            if kind.name in by_name:
                raise ValueError(f"entity kind {kind.name!r} is in the table twice")
            by_name[kind.name] = kind
        object.__setattr__(self, "_by_name", by_name)
        # The rows are plain frozen values, so their repr says all they are.
        object.__setattr__(self, "digest", hashlib.blake2b(repr(self.kinds).encode(),
                                                           digest_size=12).hexdigest())

    def __getitem__(self, name: str) -> EntityKind:
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"unknown entity kind {name!r}; known: "
                           f"{', '.join(self._by_name)}") from None

    def __contains__(self, name: str) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[EntityKind]:
        return iter(self.kinds)

    def __len__(self) -> int:
        return len(self.kinds)

    def names(self) -> list[str]:
        return [kind.name for kind in self.kinds]

    def with_kind(self, kind: EntityKind, after: str | None = None) -> "KindTable":
        """A new table with `kind` added (at the end, or after the kind named `after`)."""
        kinds = list(self.kinds)
        at = len(kinds) if after is None else kinds.index(self[after]) + 1
        kinds.insert(at, kind)
        return KindTable(tuple(kinds))

    def without(self, *names: str) -> "KindTable":
        """A new table without the named kinds (which must exist)."""
        dropped = {self[name].name for name in names}
        return KindTable(tuple(k for k in self.kinds if k.name not in dropped))

    def replaced(self, name: str, **changes) -> "KindTable":
        """A new table with one kind changed, e.g. `KINDS.replaced("theme", merge=False)`."""
        return KindTable(tuple(replace(k, **changes) if k.name == self[name].name else k
                               for k in self.kinds))

    # --- derived look-ups --------------------------------------------------------------

    def of_source(self, *sources: str) -> list[EntityKind]:
        return [kind for kind in self.kinds if kind.source in sources]

    def by_heading(self, heading: str) -> EntityKind | None:
        """The list or table kind read from a section with this heading, if any."""
        key = heading_key(heading)
        return next((kind for kind in self.of_source("list", "table") if key in kind.headings),
                    None)

    def by_field(self, name: str) -> EntityKind | None:
        """The kind read from an `Other` field (`Category: ...`), if any."""
        key = heading_key(name)
        return next((kind for kind in self.of_source("field") if key in kind.headings), None)

    def by_class(self, cls: str) -> EntityKind | None:
        """The kind whose class IRI is `cls`."""
        return next((kind for kind in self.kinds if kind.cls == cls), None)

    def by_segment(self, segment: str) -> EntityKind:
        found = next((kind for kind in self.kinds if kind.segment == segment), None)
        if found is None:
            raise KeyError(f"no entity kind has the IRI segment {segment!r}")
        return found

    def name_headers(self) -> frozenset[str]:
        """Headers of a table's name column: "name", "title", or a table kind's heading,
        also before "name" ("Signal name")."""
        headings = {heading for kind in self.of_source("table") for heading in kind.headings}
        return frozenset(NAME_HEADERS) | headings | {heading + "name" for heading in headings}

    def columns_of(self, kind: EntityKind) -> dict[str, Column]:
        """A table kind's columns by header key (the name column is not among them)."""
        return {header: column for column in (*COMMON_COLUMNS, *kind.columns)
                for header in column.headers}

    def classes(self) -> list[str]:
        return [kind.cls for kind in self.kinds]

    def article_properties(self) -> list[str]:
        return [kind.property_iri for kind in self.kinds if kind.article_property]

    def row_link_properties(self) -> set[str]:
        """IRIs of the links from an entity to another named in one of its table's
        columns (a signal's `kg:drivenBy` driving force)."""
        return {V.KG + column.property for kind in self.kinds for column in kind.columns
                if column.names_kind}


def _kinds(rows: Iterable[EntityKind]) -> KindTable:
    return KindTable(tuple(rows))


# The format's kinds. Headings and headers are as `heading_key`/`column_key` give them.
KINDS = _kinds([
    EntityKind("keyword", "Keyword", "Keyword", "keyword", "list",
               ("keywords", "keyword", "tags", "tag"),
               "hasKeyword", concept=True, color="#bab0ac", shape="dot",
               comment="An item of an article's `Keywords` list."),
    EntityKind("theme", "Theme", "Theme", "theme", "list", ("themes", "theme"), "hasTheme",
               concept=True, color="#9c755f", shape="dot", related_score=0.6,
               comment="An item of an article's `Themes` list."),
    EntityKind("category", "Category", "Category", "category", "field", ("category",),
               "hasCategory", concept=True, color="#ff9da7", shape="hexagon",
               comment="The `Category:` of an article (technology, science, city, ...)."),
    EntityKind("content_type", "ContentType", "Content type", "type", "field", ("type",),
               "hasContentType", concept=True, color="#d4a6c8", shape="hexagon",
               comment="The `Type:` of an article (blog post, news, research article, ...)."),
    EntityKind("signal", "Signal", "Signal", "signal", "table", ("signals", "signal"),
               "reportsSignal", color="#f28e2b", shape="triangle",
               columns=(Column("change", ("change",), "change"),
                        Column("ten_year", ("10year", "10yhorizon", "10yearhorizon",
                                            "10yearoutlook", "tenyear", "tenyearhorizon",
                                            "tenyearoutlook", "horizon", "outlook"),
                               "tenYearOutlook"),
                        Column("driving_force", ("drivingforce", "drivingforces", "driver",
                                                 "drivers"), "drivenBy",
                               names_kind="driving_force")),
               comment="A signal of change, a row of a `Signals` table."),
    EntityKind("concern", "Concern", "Concern", "concern", "table",
               ("concerns", "concern", "risks", "risk"),
               "raisesConcern", color="#b07aa1", shape="star",
               comment="A row of a `Concerns` table."),
    EntityKind("behavior", "Behavior", "Behavior", "behavior", "table",
               ("behaviors", "behaviours", "behavior", "behaviour"), "describesBehavior",
               color="#76b7b2", shape="diamond", comment="A row of a `Behaviors` table."),
    EntityKind("technology", "Technology", "Technology", "technology", "table",
               ("technologies", "technology"), "mentionsTechnology", color="#59a14f",
               shape="square", comment="A row of a `Technologies` table."),
    EntityKind("issue", "Issue", "Issue", "issue", "table", ("issues", "issue"),
               "discussesIssue", color="#edc948", shape="triangleDown",
               comment="A row of an `Issues` table."),
    EntityKind("driving_force", "DrivingForce", "Driving force", "driving-force", "column",
               color="#e15759", shape="diamond",
               comment="What drives a signal: the driving-force column of a `Signals` table."),
])

# Nodes that are not entities, drawn in the explorer too. Shapes are vis-network's that
# draw the label below the node (not "box" or "ellipse", which put it inside).
ARTICLE_STYLE = ("#4e79a7", "dot")
TREND_STYLE = ("#1f3b73", "hexagon")
