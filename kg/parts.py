"""Graph stage: the ArticleRecords of each article -> its part; all parts -> shared nodes.

The model, in one picture (ontology/kg.ttl has the full definitions):

    Article --hasKeyword/hasTheme/hasCategory/hasContentType--> Keyword/Theme/...
    Article --reportsSignal/mentionsTechnology/raisesConcern/...--> Signal/Technology/...
    Article --hasMention--> TechnologyMention --mentionOf--> Technology
                             (description, relevancy, sourceLine; for signals also
                              change, tenYearOutlook, drivenBy DrivingForce)
    Signal --drivenBy--> DrivingForce
    Article --publishedIn--> Page (dcterms:date)     Article --closestTo--> Article
    Article --hasSummary--> ArticleSummary (one per file: title, abstract, sourcePath)

Which entities there are, how they are typed and linked, comes from the kinds
table (kinds.py). Entities are one node per resolution key across the whole
corpus; what one article says about an entity lives on its own mention node,
so articles never overwrite each other. Several files of one article
(`<id>.md`, `<id>.legacy.md`) are one Article with several summaries.

The work is split so it can run in parallel and stream: `article_part` makes
everything an article owns (the article, its summaries, its mentions: triples
no other article touches) and lists what it says about shared nodes;
`SharedNodes` gathers those from all parts and makes the shared triples
(entities with their labels, pages, articles only known from links). Each
block is sorted, so the same input always gives the same output.

>>> from kg.parse import parse_text
>>> from kg.extract import extract
>>> rec = extract(parse_text("# __T__, (from page [20250323](https://x.org/p/1).)\\n\\n"
...                          "## Keywords\\n\\n* AI\\n", "a.md"))
>>> part = article_part([rec], base="http://ex.org/")
>>> part.refs  # pointing at an entity: written once the corpus' joins are known
[('http://ex.org/article/a', 'https://w3id.org/hskg/ontology#hasKeyword', 'http://ex.org/keyword/ai')]
"""

from __future__ import annotations

import datetime as _dt
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain
from typing import Callable, Iterable, Iterator

from . import vocab as V
from .dates import parse_page_date
from .kinds import KINDS, EntityKind, KindTable
from .model import ArticleRecord, Diagnostic, Mention, describe
from .rdf import (Literal, Triple, article_iri, iri_segment, key_of_iri, page_iri, safe_url,
                  sort_key)
from .resolve import AliasTable, alias_keys, name_key, resolution_key

__all__ = ["ArticlePart", "article_part", "article_head", "SharedNodes", "entity_iri", "count_classes",
           "group_by_article", "page_date_warnings", "most_common", "assemble", "BUCKETS"]


def count_classes(triples: Iterable[Triple]) -> Counter[str]:
    """Nodes per kg class (by local name) among the rdf:type triples."""
    return Counter(o[len(V.KG):] for s, p, o in triples
                   if p == V.TYPE and o.__class__ is str and o.startswith(V.KG))


def page_dates(triples: Iterable[Triple]) -> tuple[str, str] | None:
    """The first and last page date (ISO) among `triples`, or None.

    >>> page_dates([("p1", V.DATE, Literal("2025-03-01", V.XSD_DATE)),
    ...             ("p2", V.DATE, Literal("2024-11-30", V.XSD_DATE))])
    ('2024-11-30', '2025-03-01')
    """
    dates = [o.value for s, p, o in triples if p == V.DATE and o.__class__ is Literal]
    return (min(dates), max(dates)) if dates else None


def source_folder(path: str) -> str:
    """The source folder a summary file was read from (the first part of its
    `kg:sourcePath`, which is relative to the folder given to `kg build`'s parent).

    >>> source_folder("corpus/sub/0a1b.v2.md"), source_folder("note.md")
    ('corpus', '')
    """
    head, slash, _ = path.replace("\\", "/").partition("/")
    return head if slash else ""


def entity_iri(base: str, kind: EntityKind, label: str, aliases: AliasTable | None = None) -> str:
    """The IRI of an entity: `{base}{kind segment}/{encoded resolution key}`, so names
    that differ only in case, accents, punctuation or plural are one node.

    >>> entity_iri("http://ex.org/", KINDS["technology"], "Digital  Twins")
    'http://ex.org/technology/digital_twin'
    >>> entity_iri("http://ex.org/", KINDS["technology"], "Large Language Models (LLMs)")
    'http://ex.org/technology/large_language_model'
    """
    return f"{base}{kind.segment}/{iri_segment(resolution_key(label, aliases))}"


@dataclass
class ArticlePart:
    """What one article contributes: its own triples and what it says about shared nodes.

    Triples whose object is an entity (the article's links to its entities, its
    mentions' `mentionOf` and `drivenBy`) are not among `triples` but in `refs`, with
    the entity's key IRI: which node a key ends up as depends on the whole corpus
    (kg.resolve.join_keys), so they are written once that is known.
    """

    article_id: str
    triples: list[Triple]  # sorted; subjects: the article, its summaries, its mentions
    forms: list[tuple[str, str]] = field(default_factory=list)  # (entity IRI, surface form)
    refs: list[tuple[str, str, str]] = field(default_factory=list)  # (subject, property, entity)
    # What relatedness reads: (entity IRI, a text about it in this article)
    texts: list[tuple[str, str]] = field(default_factory=list)
    # (entity IRI, property IRI, other entity IRI): entity-level links named in table
    # columns, e.g. (signal, kg:drivenBy, driving force)
    entity_links: list[tuple[str, str, str]] = field(default_factory=list)
    pages: list[tuple[str, str, str | None]] = field(default_factory=list)  # (path, id, url)
    links: list[tuple[str, str]] = field(default_factory=list)  # (target id, link text)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # For the explorer page, which is drawn from parts without reading graph.ttl back:
    # (entity IRI, {"description": ..., "relevancy": ...}) per table row
    mentions: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    title: str = ""
    date: str | None = None  # earliest valid page date, ISO
    url: str | None = None  # external link
    summary: str = ""  # the first of its summaries (files in rendering order) that has one
    folder: str = ""  # the folder of its primary file (names the corpus in the page title)

    def without_triples(self) -> "ArticlePart":
        return ArticlePart(self.article_id, [], self.forms, self.refs, self.texts,
                           self.entity_links, self.pages, self.links, self.diagnostics,
                           self.mentions, self.title, self.date, self.url, self.summary,
                           self.folder)


def article_head(part: ArticlePart) -> tuple:
    """What the explorer's index reads of an article before its entities: id, title, page
    date, link, folder, and the ids its Closest list links to (a build takes them on a
    pass over the parts it makes anyway: kg.explore.start_index's `heads`).

    >>> article_head(ArticlePart("a1", [], title="T", links=[("b2", "B")]))
    ('a1', 'T', None, None, '', ['b2'])
    """
    return (part.article_id, part.title, part.date, part.url, part.folder,
            [target for target, _ in part.links])


class _ArticleBuilder:
    """Makes the ArticlePart of one article from the records of its summary files."""

    def __init__(self, records: list[ArticleRecord], base: str, aliases: AliasTable | None,
                 kinds: KindTable):
        self.base, self.aliases, self.kinds = base, aliases, kinds
        self.records = sorted(records, key=lambda r: (r.rendering is not None,
                                                      r.rendering or "", r.path))
        self.triples: set[Triple] = set()
        self.refs: set[tuple[str, str, str]] = set()
        self.part = ArticlePart(article_id=self.records[0].article_id, triples=[])

    def add(self, s: str, p: str, o: "str | Literal") -> None:
        self.triples.add((s, p, o))

    def refer(self, s: str, p: str, entity: str) -> None:
        """A triple whose object is an entity (see ArticlePart.refs)."""
        self.refs.add((s, p, entity))

    def entity(self, kind: EntityKind, label: str) -> str:
        iri = entity_iri(self.base, kind, label, self.aliases)
        self.part.forms.append((iri, label))
        return iri

    def build(self) -> ArticlePart:
        iri = article_iri(self.base, self.part.article_id)
        primary = self.records[0]  # `<id>.md` sorts before `<id>.<rendering>.md`
        self.add(iri, V.TYPE, V.ARTICLE)
        self.add(iri, V.IDENTIFIER, Literal(self.part.article_id))
        self.add(iri, V.IS_LOADED, Literal("true", V.XSD_BOOLEAN))
        self.add(iri, V.LABEL, Literal(primary.title or self.part.article_id))
        if primary.title:
            self.add(iri, V.TITLE, Literal(primary.title))
        for record in self.records:
            self.summary(iri, record)
        self.part.triples = sorted(self.triples, key=sort_key)
        self.part.refs = sorted(self.refs)
        self.part.title = primary.title or self.part.article_id
        dates = [r.page_date.isoformat() for r in self.records if r.page_date]
        self.part.date = min(dates) if dates else None
        if len(set(dates)) > 1:  # (each file's page is kept; the article takes one date)
            first = next(r for r in self.records if r.page_date and
                         r.page_date.isoformat() == self.part.date)
            for record in self.records:
                if record.page_date and record.page_date.isoformat() != self.part.date:
                    self.warn(record, 1, f"page date {record.page_date.isoformat()} is not "
                              f"that of {first.path}, {self.part.date}, a file of the same "
                              f"article; the article is dated {self.part.date}, the earliest")
        self.part.url = next(filter(None, (safe_url(r.external_link) for r in self.records
                                           if r.external_link)), None)
        self.part.summary = next((r.summary for r in self.records if r.summary), "")
        self.part.folder = source_folder(primary.path)
        return self.part

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
            url = safe_url(record.external_link)
            if url:
                add(article, V.URL, url)
            else:
                self.warn(record, record.external_link_line,
                          f"external link {record.external_link!r} is not an absolute "
                          "http(s) IRI; kept as text")
                add(article, V.EXTERNAL_LINK_TEXT, Literal(record.external_link))
        if record.page:
            add(article, V.PUBLISHED_IN, page_iri(self.base, record.page))
            self.part.pages.append((record.path, record.page, record.page_url))
            if record.page_url and not safe_url(record.page_url):
                self.warn(record, 1, f"page link {record.page_url!r} is not an absolute "
                          "http(s) IRI; kept as text")
        for name in record.names:
            kind = self.kinds[name.kind]
            entity = self.entity(kind, name.text)
            self.refer(article, kind.property_iri, entity)
            self.part.texts.append((entity, name.text))
        used: Counter[str] = Counter()
        for mention in record.mentions:
            self.mention(article, summary, record, mention, used)
        for link in record.closest:
            self.part.links.append((link.target, link.text))
            add(article, V.CLOSEST_TO, article_iri(self.base, link.target))

    def mention(self, article: str, summary: str, record: ArticleRecord, mention: Mention,
                used: Counter[str]) -> None:
        kind = self.kinds[mention.kind]
        entity = self.entity(kind, mention.name)
        local = f"{summary}/{kind.segment}/{iri_segment(resolution_key(mention.name))}"
        used[local] += 1
        if used[local] > 1:  # the same entity twice in one table: keep both rows
            self.warn(record, mention.line, f"{kind.label.lower()} {mention.name!r} appears "
                      "again in this file; kept as a second mention")
            local = f"{local}/{used[local]}"
        add = self.add
        self.refer(article, kind.property_iri, entity)
        add(article, V.HAS_MENTION, local)
        add(local, V.TYPE, kind.mention_class)
        add(local, V.TYPE, V.MENTION)  # stated, so queries and SHACL need no reasoner
        self.refer(local, V.MENTION_OF, entity)
        self.part.texts.append((entity, describe(mention.name, mention.description)))
        add(local, V.LABEL, Literal(mention.name))
        add(local, V.DERIVED_FROM, summary)
        add(local, V.SOURCE_LINE, Literal(str(mention.line), V.XSD_INTEGER))
        facts = {}
        if mention.description:
            add(local, V.DESCRIPTION, Literal(mention.description))
            facts["description"] = mention.description
        if mention.relevancy is not None:
            add(local, V.RELEVANCY, Literal(str(mention.relevancy), V.XSD_INTEGER))
            facts["relevancy"] = str(mention.relevancy)
        for column in kind.columns:
            value = mention.values.get(column.field)
            if not value:
                continue
            if column.names_kind:  # the cell names another entity: a link, on both levels
                other = self.entity(self.kinds[column.names_kind], value)
                self.refer(local, V.KG + column.property, other)
                self.part.entity_links.append((entity, V.KG + column.property, other))
                self.part.texts.append((other, value))
            else:
                add(local, V.KG + column.property, Literal(value))
                facts[column.property] = value
        if mention.src:
            add(local, V.SRC_ID, Literal(mention.src))
        self.part.mentions.append((entity, facts))
        if mention.name_derived:
            add(local, V.NAME_DERIVED, Literal("true", V.XSD_BOOLEAN))

    def warn(self, record: ArticleRecord, line: int | None, message: str) -> None:
        self.part.diagnostics.append(Diagnostic("warning", record.path, line, message))


def article_part(records: list[ArticleRecord], base: str = V.DEFAULT_BASE,
                 aliases: AliasTable | None = None, kinds: KindTable = KINDS) -> ArticlePart:
    """The ArticlePart of one article, from the records of all its summary files;
    `aliases` is the analyst's aliases file, if any (see kg.resolve)."""
    return _ArticleBuilder(records, base, aliases, kinds).build()


# Output buckets of the shared section: more means less to rewrite after a change,
# and a longer table of them in the cache.
BUCKETS = 4096


class SharedNodes:
    """Gathers what articles say about shared nodes and makes their triples.

    An entity's label is its most frequent surface form (ties: first in sort
    order); the other forms are kept as skos:altLabel, and its identity key as
    skos:hiddenLabel, which saved queries use to find an entity by name.

    Parts can be added and removed again, so a rebuild after a change updates
    the gathered state instead of starting over. Output comes in buckets (see
    `bucket`), so a rebuild only regenerates the buckets a change touched.
    """

    def __init__(self, base: str, today: _dt.date, aliases_used: bool = False,
                 kinds: KindTable = KINDS, canonical: Callable[[str], str] | None = None):
        self.base = base
        self.today = today
        self.kinds = kinds
        # The node an entity key IRI is part of (the corpus joins keys: kg.resolve.join_keys).
        self.canonical: Callable[[str], str] = canonical or _same
        # canonical IRI -> its keys, for the nodes the corpus joined keys into (the others
        # are their one key: a dict of every node was 160 MB at 100,000 articles)
        self._joined: dict[str, list[str]] | None = None
        self._by_segment = {kind.segment: kind for kind in kinds}
        # With an aliases file, an entity's key may differ from its names' own keys.
        self.aliases_used = aliases_used
        # An entity seen once keeps just that surface form (a str); one seen more often
        # has a dict of form -> count. (Plain dicts, not Counters: the build cache
        # stores them with marshal, which takes builtin types only.)
        self.forms: dict[str, "str | dict[str, int]"] = {}
        # entity IRI -> {(property IRI, other entity IRI): count}, e.g. a signal's drivers
        self.entity_links: dict[str, dict[tuple[str, str], int]] = {}
        self._same_iri: dict[str, str] = {}  # each IRI of them, as one string
        self.pages: dict[str, dict[str, int]] = {}  # page id -> its URLs ("" for none)
        self.page_paths: dict[str, dict[str, int]] = {}  # page id -> files published in it
        self.links: dict[str, dict[str, int]] = {}  # linked article id -> link texts
        self.loaded: set[str] = set()

    # --- gathering ----------------------------------------------------------------

    def set_canonical(self, canonical: Callable[[str], str]) -> None:
        """Use the corpus' joins (a function from key IRI to node IRI) from now on."""
        self.canonical = canonical
        self._joined = None

    def add(self, part: ArticlePart) -> None:
        self.add_names(part)
        self.add_facts(part)

    def remove(self, part: ArticlePart) -> None:
        """Undo add(part): for rebuilding after the article changed or went away."""
        self.remove_names(part)
        self._count_facts(part, -1)

    def add_names(self, part: ArticlePart) -> None:
        """The part's entity names only (what the corpus' joins and labels need): a full
        build adds the rest (`add_facts`) after the related stage, so as not to hold them
        while that stage needs its memory."""
        self._count_names(part, 1)

    def remove_names(self, part: ArticlePart) -> None:
        self._count_names(part, -1)

    def add_facts(self, part: ArticlePart) -> None:
        """What the part says about shared nodes beside their names."""
        self._count_facts(part, 1)

    def _count_names(self, part: ArticlePart, step: int) -> None:
        self._joined = None
        (self.loaded.add if step > 0 else self.loaded.discard)(part.article_id)
        for iri, form in part.forms:
            self._count_form(iri, form, step)

    def _count_facts(self, part: ArticlePart, step: int) -> None:
        # (each IRI once, not once per article: 100 MB at 100,000 articles; a table of
        # its own, not sys.intern, whose strings Python 3.12 keeps for ever)
        same = self._same_iri.setdefault
        for entity, prop, other in part.entity_links:
            _bump(self.entity_links, same(entity, entity),
                  (same(prop, prop), same(other, other)), step)
        for path, page, url in part.pages:
            _bump(self.pages, page, url or "", step)
            _bump(self.page_paths, page, path, step)
        for target, text in part.links:
            _bump(self.links, target, text, step)

    def _count_form(self, iri: str, form: str, step: int) -> None:
        known = self.forms.get(iri)
        if known is None:  # first seen (a removal always finds what was added)
            self.forms[iri] = form
        elif known.__class__ is str:
            if step > 0:
                self.forms[iri] = {known: 2} if known == form else {known: 1, form: 1}
            else:
                del self.forms[iri]
        else:
            _bump(self.forms, iri, form, step)

    # --- output -------------------------------------------------------------------

    def kind(self, iri: str) -> EntityKind:
        """The kind of a shared entity, from its IRI."""
        return self._by_segment[iri[len(self.base):].split("/", 1)[0]]

    @staticmethod
    def bucket(iri: str) -> int:
        """The output bucket of a subject: a hash of the last segment of its IRI, so
        buckets are even in size and entities of different types with the same key
        share a bucket (their skos:exactMatch links are made there). The shared
        section is written bucket by bucket, sorted within each."""
        return zlib.crc32(iri[iri.rfind("/") + 1:].encode("utf-8")) % BUCKETS

    def touched(self, part: ArticlePart) -> set[int]:
        """The buckets whose triples the part can change."""
        base = self.base
        subjects = [self.canonical(iri) for iri, _ in part.forms]
        subjects += [page_iri(base, page) for _, page, _ in part.pages]
        subjects += [article_iri(base, target) for target, _ in part.links]
        subjects.append(article_iri(base, part.article_id))
        return {self.bucket(iri) for iri in subjects}

    def _joined_keys(self) -> dict[str, list[str]]:
        """The nodes made of other keys than just their own, with their keys, sorted."""
        if self._joined is None:
            found: dict[str, list[str]] = defaultdict(list)
            canonical = self.canonical
            for iri in self.forms:
                node = canonical(iri)
                if node != iri:
                    found[node].append(iri)
            self._joined = {node: sorted(keys + [node] if node in self.forms else keys)
                            for node, keys in found.items()}
        return self._joined

    def nodes(self) -> Iterator[str]:
        """The entity nodes' canonical IRIs, each once, in the order of their first key."""
        joined, canonical = self._joined_keys(), self.canonical
        done: set[str] = set()
        for iri in self.forms:
            if iri not in joined and canonical(iri) == iri:
                yield iri
            else:
                node = canonical(iri)
                if node not in done:
                    done.add(node)
                    yield node

    def members(self, buckets: set[int] | None = None) -> dict[int, list[tuple[str, str]]]:
        """The shared subjects per output bucket (all buckets, or only `buckets`), as
        (what, key) pairs: ("entity", canonical IRI), ("page", page id), ("link",
        article id)."""
        found: dict[int, list[tuple[str, str]]] = defaultdict(list)
        bucket = self.bucket
        # (one subject at a time: a list of them all was 150 MB at 100,000 articles)
        subjects = chain((("entity", iri, iri) for iri in self.nodes()),
                         (("page", page, page_iri(self.base, page)) for page in self.pages),
                         # Links to loaded articles too: their triples are left out
                         # (bucket_triples), but the state is kept, for when the article
                         # goes away again.
                         (("link", target, article_iri(self.base, target))
                          for target in self.links))
        for what, key, iri in subjects:
            number = bucket(iri)
            if buckets is None or number in buckets:
                found[number].append((what, key))
        return found

    def bucket_triples(self, members: list[tuple[str, str]]) -> list[Triple]:
        """The sorted triples of one bucket's subjects (see `members`)."""
        out: list[Triple] = []
        same_key: dict[str, list[str]] = defaultdict(list)
        for what, key in members:
            if what == "entity":
                self._entity_triples(key, out)
                same_key[key[key.rfind("/") + 1:]].append(key)
            elif what == "page":
                self._page_triples(key, out)
            elif key not in self.loaded:  # an article known only from links to it
                self._link_triples(key, out)
        # A keyword and a technology (say) with the same key name one concept: linked,
        # not merged, as they are different kinds of thing in the model.
        for iris in same_key.values():
            out.extend((a, V.EXACT_MATCH, b) for a in iris for b in iris if a != b)
        out.sort(key=sort_key)
        return out

    def triples(self, buckets: set[int] | None = None) -> list[Triple]:
        """All shared triples (or those of `buckets`) in output order: by bucket, sorted
        within. For small graphs; builds write one bucket at a time."""
        members = self.members(buckets)
        return [t for number in sorted(members) for t in self.bucket_triples(members[number])]

    def keys_of(self, iri: str) -> list[str]:
        """The key IRIs a canonical entity IRI is made of (kept per key in the cache)."""
        return self._joined_keys().get(iri, [iri])

    def forms_of(self, iri: str) -> "str | dict[str, int]":
        """The surface forms of a canonical entity (all its keys'), as `forms` holds them."""
        keys = self.keys_of(iri)
        if len(keys) == 1:
            return self.forms[keys[0]]
        merged: dict[str, int] = {}
        for key in keys:
            forms = self.forms[key]
            for form, count in ({forms: 1} if forms.__class__ is str else forms).items():
                merged[form] = merged.get(form, 0) + count
        return merged

    def _entity_triples(self, iri: str, out: list[Triple]) -> None:
        add = out.append
        forms = self.forms_of(iri)
        kind = self.kind(iri)
        add((iri, V.TYPE, kind.cls))
        if kind.concept:
            add((iri, V.TYPE, V.CONCEPT))
        label = forms if forms.__class__ is str else most_common(forms)
        add((iri, V.LABEL, Literal(label)))
        add((iri, V.PREF_LABEL, Literal(label)))
        every = [forms] if forms.__class__ is str else list(forms)
        out.extend((iri, V.ALT_LABEL, Literal(form)) for form in every if form != label)
        # Search keys (kg.resolve.name_key of each name, and the key of its alias in
        # parentheses), for exact, indexed look-ups whatever the spelling variant.
        # Without an aliases file, a name's key is that of the key IRI it came under
        # (the corpus may have joined keys, or renamed one: "AI" as the "artificial
        # intelligence" the archive spells out); the node's own key is one too.
        if self.aliases_used:
            keys = {name_key(form) for form in every}
        else:
            keys = {key_of_iri(key) for key in self.keys_of(iri)}
        keys.add(key_of_iri(iri))
        keys.update(key for form in every if "(" in form for key in alias_keys(form))
        out.extend((iri, V.HIDDEN_LABEL, Literal(key)) for key in keys if key)
        canonical = self.canonical
        linked = {(prop, canonical(other)) for key in self.keys_of(iri)
                  for prop, other in self.entity_links.get(key, ())}
        out.extend((iri, prop, other) for prop, other in linked)

    def label(self, iri: str) -> str:
        """The label of a shared entity (its most frequent surface form)."""
        forms = self.forms_of(iri)
        return forms if forms.__class__ is str else most_common(forms)

    def labels(self, iris: Iterable[str]) -> dict[str, str]:
        """The labels of shared entities, by IRI."""
        return {iri: self.label(iri) for iri in iris}

    def _page_triples(self, page: str, out: list[Triple]) -> None:
        iri = page_iri(self.base, page)
        out.append((iri, V.TYPE, V.PAGE))
        out.append((iri, V.IDENTIFIER, Literal(page)))
        out.append((iri, V.LABEL, Literal(page)))
        date = parse_page_date(page, self.today)[0]
        if date:
            out.append((iri, V.DATE, Literal(date.isoformat(), V.XSD_DATE)))
        else:
            out.append((iri, V.UNPARSED_DATE, Literal(page)))
        found = set()
        for url in self.pages[page]:
            usable = safe_url(url) if url else None
            if usable:
                found.add((iri, V.URL, usable))
            elif url:
                found.add((iri, V.URL_TEXT, Literal(url)))
        out.extend(found)

    def _link_triples(self, target: str, out: list[Triple]) -> None:
        iri = article_iri(self.base, target)
        titles = self.links[target]
        out.append((iri, V.TYPE, V.ARTICLE))
        out.append((iri, V.IDENTIFIER, Literal(target)))
        out.append((iri, V.IS_LOADED, Literal("false", V.XSD_BOOLEAN)))
        label = most_common(titles)
        out.append((iri, V.LABEL, Literal(label)))
        out.extend((iri, V.ALT_LABEL, Literal(title)) for title in titles if title != label)

    def page_problem(self, page: str) -> str | None:
        """Why a page id is not a usable date, or None."""
        return parse_page_date(page, self.today)[1]

    def diagnostics(self) -> list[Diagnostic]:
        """A warning for every file published in a page whose id is not a usable date."""
        return page_date_warnings((page, paths, self.page_problem(page))
                                  for page, paths in self.page_paths.items())


def _same(iri: str) -> str:
    return iri


def page_date_warnings(pages: Iterable[tuple[str, Iterable[str], str | None]]
                       ) -> list[Diagnostic]:
    """Warnings for the files of pages whose id is not a usable date, in path order,
    from (page id, its files, the problem or None)."""
    found = [Diagnostic("warning", path, 1, f"page date {page!r} {problem}; kept as text")
             for page, paths, problem in pages if problem for path in paths]
    return sorted(found, key=lambda d: (d.path, d.message))


def _bump(table: dict, key: str, value, step: int) -> None:
    """Add `step` to table[key][value], dropping what reaches zero."""
    counts = table.get(key)
    if counts is None:
        counts = table[key] = {}
    count = counts.get(value, 0) + step
    if count:
        counts[value] = count
    else:
        del counts[value]
        if not counts:
            del table[key]


def most_common(forms: dict[str, int]) -> str:
    """The most frequent form; ties go to the first in sort order."""
    return min(forms, key=lambda form: (-forms[form], form))


def group_by_article(records: Iterable[ArticleRecord]) -> dict[str, list[ArticleRecord]]:
    """Records by article id, in id order."""
    groups: dict[str, list[ArticleRecord]] = defaultdict(list)
    for record in records:
        groups[record.article_id].append(record)
    return dict(sorted(groups.items()))


def assemble(records: Iterable[ArticleRecord], base: str, today: _dt.date,
             aliases: AliasTable | None = None, kinds: KindTable = KINDS, related=None
             ) -> tuple[list[Triple], list[Diagnostic]]:
    """All the triples of some records, sorted, and the diagnostics met, in memory (for
    small corpora and tests; `kg.build` streams the same triples to disk). `related`
    is a kg.related.Settings (None: the defaults)."""
    from .corpus import canonical_map, corpus_triples, link_triples
    from .related import Settings

    records = list(records)
    shared = SharedNodes(base, today, aliases is not None, kinds)
    triples: list[Triple] = []
    diagnostics = [d for record in records for d in record.diagnostics]
    parts = []
    for group in group_by_article(records).values():
        part = article_part(group, base, aliases, kinds)
        shared.add(part)
        parts.append(part)
        triples.extend(part.triples)
        diagnostics.extend(part.diagnostics)
    canonical = canonical_map(((iri, form) for part in parts for iri, form in part.forms),
                              base, kinds, aliases)
    shared.set_canonical(canonical)
    for part in parts:
        triples.extend(link_triples(part.refs, canonical))
    triples.extend(shared.triples())
    settings = related or Settings()
    if settings.enabled:
        corpus, _, _, notes = corpus_triples(lambda: iter(parts), canonical, base, kinds,
                                             settings, shared.labels)
        triples.extend(corpus)
        diagnostics.extend(Diagnostic("warning", "", None, note) for note in notes)
    triples.sort(key=sort_key)
    return triples, diagnostics + shared.diagnostics()
