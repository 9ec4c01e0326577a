"""Graph stage: ArticleRecords -> KnowledgeGraph (identity, IRIs, triples).

The model, in one picture (ontology/kg.ttl has the full definitions):

    Article --hasKeyword/hasTheme/hasCategory/hasContentType--> Keyword/Theme/...
    Article --reportsSignal/mentionsTechnology/raisesConcern/...--> Signal/Technology/...
    Article --hasMention--> TechnologyMention --mentionOf--> Technology
                             (description, relevancy, sourceLine; for signals also
                              change, tenYearOutlook, drivenBy DrivingForce)
    Signal --drivenBy--> DrivingForce
    Article --publishedIn--> Page (dcterms:date)     Article --closestTo--> Article
    Article --hasSummary--> ArticleSummary (one per file: title, abstract, sourcePath)

Entities (keywords, themes, signals, driving forces, technologies, concerns,
behaviors, issues, categories, types) are one node per identity key across the
whole corpus; what one article says about an entity lives on its own mention
node, so articles never overwrite each other. Several files of one article
(`<id>.md`, `<id>.legacy.md`) are one Article with several summaries.

Triples are kept sorted and unique, so the same input always gives the same output.
"""

from __future__ import annotations

import urllib.parse
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple

from . import vocab as V
from .identity import identity_key, iri_segment
from .model import ArticleRecord, Diagnostic, Mention


class Literal(NamedTuple):
    """An RDF literal; IRIs are plain `str`."""

    value: str
    datatype: str = V.XSD_STRING


Term = "str | Literal"
Triple = tuple[str, str, "str | Literal"]


@dataclass(frozen=True)
class EntityKind:
    """How one kind of entity is typed, named and linked from its article."""

    name: str
    cls: str
    segment: str  # IRI path segment under the base
    article_property: str | None
    mention_class: str | None = None
    extra_types: tuple[str, ...] = ()


KINDS = {
    kind.name: kind
    for kind in (
        EntityKind("keyword", V.KG + "Keyword", "keyword", V.KG + "hasKeyword",
                   extra_types=(V.CONCEPT,)),
        EntityKind("theme", V.KG + "Theme", "theme", V.KG + "hasTheme", extra_types=(V.CONCEPT,)),
        EntityKind("category", V.KG + "Category", "category", V.KG + "hasCategory",
                   extra_types=(V.CONCEPT,)),
        EntityKind("content_type", V.KG + "ContentType", "type", V.KG + "hasContentType",
                   extra_types=(V.CONCEPT,)),
        EntityKind("signal", V.KG + "Signal", "signal", V.KG + "reportsSignal",
                   V.KG + "SignalMention"),
        EntityKind("concern", V.KG + "Concern", "concern", V.KG + "raisesConcern",
                   V.KG + "ConcernMention"),
        EntityKind("behavior", V.KG + "Behavior", "behavior", V.KG + "describesBehavior",
                   V.KG + "BehaviorMention"),
        EntityKind("technology", V.KG + "Technology", "technology", V.KG + "mentionsTechnology",
                   V.KG + "TechnologyMention"),
        EntityKind("issue", V.KG + "Issue", "issue", V.KG + "discussesIssue",
                   V.KG + "IssueMention"),
        EntityKind("driving_force", V.DRIVING_FORCE, "driving-force", None),
    )
}


@dataclass
class KnowledgeGraph:
    """The built graph: sorted unique triples plus what went into them.

    >>> from kg.parse import parse_text
    >>> from kg.extract import extract
    >>> rec = extract(parse_text("# __T__, (from page [20250323](https://x.org/p/1).)\\n\\n"
    ...                          "## Keywords\\n\\n* AI\\n", "a.md"))
    >>> g = build_graph([rec], base="http://ex.org/")
    >>> ("http://ex.org/article/a", V.KG + "hasKeyword", "http://ex.org/keyword/ai") in g.triples
    True
    """

    triples: list[Triple]
    base: str
    records: list[ArticleRecord] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def iri(self, kind: str, label: str) -> str:
        """The IRI an entity of `kind` with this label has in this graph."""
        return entity_iri(self.base, kind, label)

    def count_by_class(self) -> dict[str, int]:
        """Number of nodes per rdf:type, by the class's local name."""
        counts: Counter[str] = Counter()
        for s, p, o in self.triples:
            if p == V.TYPE and isinstance(o, str) and o.startswith(V.KG):
                counts[o[len(V.KG):]] += 1
        return dict(sorted(counts.items()))

    def to_store(self):
        """The graph in a pyoxigraph Store (fast SPARQL)."""
        from .store import store_from_triples

        return store_from_triples(self.triples)

    def to_rdflib(self):
        """The graph as an rdflib.Graph (for rdflib-based tools)."""
        from .store import rdflib_from_triples

        return rdflib_from_triples(self.triples)


def entity_iri(base: str, kind: str, label: str) -> str:
    """The IRI of an entity: `{base}{kind segment}/{encoded identity key}`.

    >>> entity_iri("http://ex.org/", "technology", "Digital  Twins")
    'http://ex.org/technology/digital_twins'
    """
    return f"{base}{KINDS[kind].segment}/{iri_segment(identity_key(label))}"


def article_iri(base: str, article_id: str) -> str:
    return f"{base}article/{iri_segment(article_id)}"


def _safe_url(url: str) -> str | None:
    """An untrusted URL as an absolute IRI, percent-encoding what IRIs forbid; or None."""
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https", "ftp", "mailto") or not (
        parts.netloc or parts.scheme.lower() == "mailto"
    ):
        return None
    # Keep everything IRIs allow (reserved characters, existing %-escapes, non-ASCII).
    encoded = urllib.parse.quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
    try:
        from pyoxigraph import NamedNode

        NamedNode(encoded)
    except ValueError:
        return None
    return encoded


class _GraphBuilder:
    def __init__(self, records: list[ArticleRecord], base: str):
        self.base = base
        self.records = sorted(records, key=lambda r: (r.article_id, r.rendering is not None,
                                                      r.rendering or "", r.path))
        self.triples: set[Triple] = set()
        self.diagnostics: list[Diagnostic] = []
        self.surface_forms: dict[str, Counter[str]] = defaultdict(Counter)  # iri -> label counts
        self.entity_kind: dict[str, str] = {}
        self.loaded_ids = {record.article_id for record in self.records}
        self.link_titles: dict[str, Counter[str]] = defaultdict(Counter)  # unloaded article ids

    def add(self, s: str, p: str, o: "str | Literal") -> None:
        self.triples.add((s, p, o))

    def entity(self, kind: str, label: str) -> str:
        iri = entity_iri(self.base, kind, label)
        self.surface_forms[iri][label] += 1
        self.entity_kind[iri] = kind
        return iri

    def build(self) -> list[Triple]:
        by_article: dict[str, list[ArticleRecord]] = defaultdict(list)
        for record in self.records:
            by_article[record.article_id].append(record)
        for article_id, records in by_article.items():
            self.article(article_id, records)
        self.entity_labels()
        self.unloaded_articles()
        return sorted(self.triples, key=_sort_key)

    def article(self, article_id: str, records: list[ArticleRecord]) -> None:
        iri = article_iri(self.base, article_id)
        primary = records[0]  # `<id>.md` sorts before `<id>.<rendering>.md`
        self.add(iri, V.TYPE, V.ARTICLE)
        self.add(iri, V.IDENTIFIER, Literal(article_id))
        self.add(iri, V.IS_LOADED, Literal("true", V.XSD_BOOLEAN))
        self.add(iri, V.LABEL, Literal(primary.title or article_id))
        if primary.title:
            self.add(iri, V.TITLE, Literal(primary.title))
        for record in records:
            self.summary(iri, record)

    def summary(self, article: str, record: ArticleRecord) -> None:
        summary = f"{self.base}summary/{iri_segment(record.stem)}"
        add = self.add
        add(article, V.HAS_SUMMARY, summary)
        add(summary, V.TYPE, V.SUMMARY)
        add(summary, V.TYPE, V.PROV_ENTITY)
        add(summary, V.LABEL, Literal(record.title or record.stem))
        add(summary, V.SOURCE_PATH, Literal(record.path))
        if record.title:
            add(summary, V.TITLE, Literal(record.title))
        if record.rendering:
            add(summary, V.RENDERING, Literal(record.rendering))
        if record.summary:
            add(summary, V.ABSTRACT, Literal(record.summary))
        for note in record.notes:
            add(summary, V.NOTE, Literal(note.text))
        for extra in record.extra_sections:
            add(summary, V.EXTRA_SECTION, Literal(extra.text))
        if record.external_link:
            url = _safe_url(record.external_link)
            if url:
                add(article, V.URL, url)
            else:
                self.warn(record, None, f"external link {record.external_link!r} is not an "
                          "absolute http(s) IRI; kept as text")
                add(article, V.EXTERNAL_LINK_TEXT, Literal(record.external_link))
        if record.page:
            add(article, V.PUBLISHED_IN, self.page(record))
        for kind, terms in (("keyword", record.keywords), ("theme", record.themes),
                            ("category", [record.category] if record.category else []),
                            ("content_type", [record.content_type] if record.content_type else [])):
            for term in terms:
                add(article, KINDS[kind].article_property, self.entity(kind, term.text))
        used: Counter[str] = Counter()
        for mention in record.mentions:
            self.mention(article, summary, record, mention, used)
        for link in record.closest:
            if link.target not in self.loaded_ids:
                self.link_titles[link.target][link.text] += 1
            add(article, V.CLOSEST_TO, article_iri(self.base, link.target))

    def page(self, record: ArticleRecord) -> str:
        page = f"{self.base}page/{iri_segment(record.page)}"
        self.add(page, V.TYPE, V.PAGE)
        self.add(page, V.IDENTIFIER, Literal(record.page))
        self.add(page, V.LABEL, Literal(record.page))
        if record.page_date:
            self.add(page, V.DATE, Literal(record.page_date.isoformat(), V.XSD_DATE))
        else:
            self.add(page, V.UNPARSED_DATE, Literal(record.page))
        if record.page_url and (url := _safe_url(record.page_url)):
            self.add(page, V.URL, url)
        return page

    def mention(self, article: str, summary: str, record: ArticleRecord, mention: Mention,
                used: Counter[str]) -> None:
        kind = KINDS[mention.kind]
        entity = self.entity(mention.kind, mention.name)
        local = f"{summary}/{kind.segment}/{iri_segment(identity_key(mention.name))}"
        used[local] += 1
        if used[local] > 1:  # the same entity twice in one table: keep both rows
            self.warn(record, mention.line, f"{mention.kind} {mention.name!r} appears again "
                      "in this file; kept as a second mention")
            local = f"{local}/{used[local]}"
        add = self.add
        add(article, kind.article_property, entity)
        add(article, V.HAS_MENTION, local)
        add(local, V.TYPE, kind.mention_class)
        add(local, V.TYPE, V.MENTION)  # stated, so queries and SHACL need no reasoner
        add(local, V.MENTION_OF, entity)
        add(local, V.LABEL, Literal(mention.name))
        add(local, V.DERIVED_FROM, summary)
        add(local, V.SOURCE_LINE, Literal(str(mention.line), V.XSD_INTEGER))
        if mention.description:
            add(local, V.DESCRIPTION, Literal(mention.description))
        if mention.relevancy is not None:
            add(local, V.RELEVANCY, Literal(str(mention.relevancy), V.XSD_INTEGER))
        if mention.change:
            add(local, V.CHANGE, Literal(mention.change))
        if mention.ten_year:
            add(local, V.TEN_YEAR, Literal(mention.ten_year))
        if mention.driving_force:
            force = self.entity("driving_force", mention.driving_force)
            add(local, V.DRIVEN_BY, force)
            add(entity, V.DRIVEN_BY, force)
        if mention.src:
            add(local, V.SRC_ID, Literal(mention.src))
        if mention.name_derived:
            add(local, V.NAME_DERIVED, Literal("true", V.XSD_BOOLEAN))

    def entity_labels(self) -> None:
        """Type every entity; its label is its most frequent surface form (ties: first in
        sort order), and the other forms are kept as skos:altLabel."""
        for iri, forms in self.surface_forms.items():
            kind = KINDS[self.entity_kind[iri]]
            label = _most_common(forms)
            self.add(iri, V.TYPE, kind.cls)
            for extra in kind.extra_types:
                self.add(iri, V.TYPE, extra)
            self.add(iri, V.LABEL, Literal(label))
            for form in forms:
                if form != label:
                    self.add(iri, V.ALT_LABEL, Literal(form))

    def unloaded_articles(self) -> None:
        for article_id, titles in self.link_titles.items():
            iri = article_iri(self.base, article_id)
            self.add(iri, V.TYPE, V.ARTICLE)
            self.add(iri, V.IDENTIFIER, Literal(article_id))
            self.add(iri, V.IS_LOADED, Literal("false", V.XSD_BOOLEAN))
            label = _most_common(titles)
            self.add(iri, V.LABEL, Literal(label))
            for title in titles:
                if title != label:
                    self.add(iri, V.ALT_LABEL, Literal(title))

    def warn(self, record: ArticleRecord, line: int | None, message: str) -> None:
        diagnostic = Diagnostic("warning", record.path, line, message)
        record.diagnostics.append(diagnostic)
        self.diagnostics.append(diagnostic)


def _most_common(forms: Counter[str]) -> str:
    return min(forms, key=lambda form: (-forms[form], form))


def _sort_key(triple: Triple):
    s, p, o = triple
    if isinstance(o, Literal):
        return (s, p, 1, o.value, o.datatype)
    return (s, p, 0, o, "")


def build_graph(records: Iterable[ArticleRecord], base: str = V.DEFAULT_BASE) -> KnowledgeGraph:
    """Turn extracted records into a KnowledgeGraph. Deterministic for the same records."""
    records = list(records)
    builder = _GraphBuilder(records, base)
    triples = builder.build()
    diagnostics = [d for record in builder.records for d in record.diagnostics]
    return KnowledgeGraph(triples=triples, base=base, records=builder.records,
                          diagnostics=diagnostics)
