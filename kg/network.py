"""The graph as networkx: articles and entities as nodes, typed relations as edges.

Mentions, summaries and pages are folded away (they are details of an
article), which is the shape people browse and graph algorithms want.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Callable, Iterable, Iterator

import networkx as nx

from . import vocab as V
from .kinds import KINDS, KindTable
from .model import RelatedLink, Trend
from .parts import ArticlePart, SharedNodes, source_folder
from .rdf import Literal, Triple

__all__ = ["edge_relations", "node_classes", "mention_facts", "to_networkx",
           "overview_from_parts", "count_of", "score_of"]


def edge_relations(kinds: KindTable = KINDS) -> dict[str, str]:
    """Which relations become edges (property IRI -> the edge's `relation`): article ->
    entity, article -> article (closestTo), entity -> entity (a signal's drivenBy)."""
    relations = {kind.property_iri: kind.article_property for kind in kinds
                 if kind.article_property}
    relations[V.CLOSEST_TO] = "closestTo"
    relations[V.RELATED] = "related"  # entity -- entity, across articles (both directions)
    relations[V.EXACT_MATCH] = "exactMatch"  # entities of two types with one key (both ways)
    relations[V.MEMBER] = "member"  # trend -> entity
    relations[V.TREND_ARTICLE] = "trendArticle"  # trend -> article
    for kind in kinds:
        for column in kind.columns:
            if column.names_kind:
                relations[V.KG + column.property] = column.property
    return relations


def node_classes(kinds: KindTable = KINDS) -> dict[str, str]:
    """Which classes become nodes (class IRI -> the node's `type`)."""
    return {V.ARTICLE: "Article", V.TREND: "Trend",
            **{kind.cls: kind.class_name for kind in kinds}}
# What an article says about an entity, kept for the explorer's details panel.
MENTION_FACTS = {V.DESCRIPTION: "description", V.RELEVANCY: "relevancy", V.CHANGE: "change",
                 V.TEN_YEAR: "tenYearOutlook"}


def mention_facts(triples: Iterable[Triple]) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(article, entity, facts) for every mention node among `triples`, where facts has
    the article's own description, relevancy, change and 10-year outlook (those present).

    >>> from kg.rdf import Literal
    >>> list(mention_facts([("a", V.HAS_MENTION, "m"), ("m", V.MENTION_OF, "t"),
    ...                     ("m", V.RELEVANCY, Literal("4", V.XSD_INTEGER))]))
    [('a', 't', {'relevancy': '4'})]
    """
    article_of: dict[str, str] = {}
    entity_of: dict[str, str] = {}
    facts: dict[str, dict[str, str]] = {}
    for s, p, o in triples:
        if p == V.HAS_MENTION:
            article_of[o] = s
        elif p == V.MENTION_OF:
            entity_of[s] = o
        elif p in MENTION_FACTS:
            facts.setdefault(s, {})[MENTION_FACTS[p]] = o.value
    for mention in sorted(entity_of):
        if mention in article_of:
            yield article_of[mention], entity_of[mention], facts.get(mention, {})


def _attach_mentions(graph: nx.MultiDiGraph, found: Iterable[tuple[str, str, dict]]) -> None:
    for article, entity, facts in found:
        if entity in graph:
            graph.nodes[entity].setdefault("mentions", []).append({"article": article, **facts})


def to_networkx(triples: Iterable[Triple], kinds: KindTable = KINDS) -> nx.MultiDiGraph:
    """Articles, entities and trends as nodes with `type` and `label` (entities joined from
    several names also `altLabels`, the others); articles also have
    `date`, `url`, `summary` and `folder` (of their first summary file), entities named
    in tables `mentions` (see `mention_facts`), trends `articles`, `first`, `last` (ISO
    dates) and `months` ({YYYY-MM: articles}).
    Edges carry their `relation`; `related` edges (both directions) also their `score`.

    >>> from kg.rdf import Literal
    >>> g = to_networkx([("a", V.TYPE, V.ARTICLE), ("a", V.LABEL, Literal("A")),
    ...                  ("t", V.TYPE, V.KG + "Technology"), ("t", V.LABEL, Literal("T")),
    ...                  ("a", V.KG + "mentionsTechnology", "t")])
    >>> list(g.edges(data="relation"))
    [('a', 't', 'mentionsTechnology')]
    """
    triples = list(triples)
    classes, relations = node_classes(kinds), edge_relations(kinds)
    graph = nx.MultiDiGraph()
    node_type: dict[str, str] = {}
    for s, p, o in triples:
        if p == V.TYPE and o in classes:
            node_type[s] = classes[o]
    for node, kind in sorted(node_type.items()):
        graph.add_node(node, type=kind, label=node)
    page_dates: dict[str, str] = {}
    article_pages: list[tuple[str, str]] = []
    article_summaries: dict[str, list[str]] = defaultdict(list)
    summary_facts: dict[str, dict[str, str]] = defaultdict(dict)
    # Qualified nodes (relatedness, monthly counts): their facts, folded into edges and trends.
    qualified: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        if p in _QUALIFIER_FACTS and s not in node_type:
            qualified[s][p].append(o)
        if s in node_type:
            if p == V.LABEL and o.__class__ is Literal:
                graph.nodes[s]["label"] = o.value
            elif p == V.ALT_LABEL and o.__class__ is Literal:
                graph.nodes[s].setdefault("altLabels", []).append(o.value)
            elif p == V.URL:
                graph.nodes[s]["url"] = o
            elif p == V.IS_LOADED:
                graph.nodes[s]["loaded"] = o.value == "true"
            elif p == V.PUBLISHED_IN:
                article_pages.append((s, o))
            elif p == V.HAS_SUMMARY:
                article_summaries[s].append(o)
            elif p in relations and o.__class__ is str and o in node_type:
                graph.add_edge(s, o, key=relations[p], relation=relations[p])
            elif p in _TREND_FACTS and o.__class__ is Literal:
                name, convert = _TREND_FACTS[p]
                if convert(o.value) is not None:
                    graph.nodes[s][name] = convert(o.value)
            elif p == V.MONTHLY_COUNT:
                graph.nodes[s].setdefault("monthly", []).append(o)
        elif p == V.DATE and isinstance(o, Literal):
            page_dates[s] = o.value
        elif p in _SUMMARY_FACTS and o.__class__ is Literal:
            summary_facts[s][p] = o.value
    for _, names in graph.nodes(data="altLabels"):
        if names:
            names.sort()
    for article, page in article_pages:
        if page in page_dates:
            graph.nodes[article]["date"] = min(page_dates[page],
                                               graph.nodes[article].get("date", "9999"))
    for article, summaries in article_summaries.items():
        # As the build's parts: the summary text of the first file (in rendering order,
        # which is their IRIs' order) that has one, and the folder of the first.
        facts = [summary_facts.get(s, {}) for s in sorted(summaries)]
        graph.nodes[article]["summary"] = next((f[V.ABSTRACT] for f in facts if V.ABSTRACT in f), "")
        graph.nodes[article]["folder"] = source_folder(facts[0].get(V.SOURCE_PATH, ""))
    for node in [n for n, t in node_type.items() if t == "Trend"]:
        counts = (qualified.get(m, {}) for m in graph.nodes[node].pop("monthly", []))
        months = ((c[V.MONTH][0], count_of(c[V.ARTICLE_COUNT][0])) for c in counts
                  if c.get(V.MONTH) and c.get(V.ARTICLE_COUNT))
        graph.nodes[node]["months"] = dict(sorted(
            (month.value, count) for month, count in months
            if month.__class__ is Literal and count is not None))
    for facts in qualified.values():
        ends, scores = facts.get(V.RELATES, []), facts.get(V.SCORE, [])
        score = score_of(scores[0]) if scores else None
        if len(ends) == 2 and score is not None:
            for source, target in (ends, ends[::-1]):
                if graph.has_edge(source, target, "related"):
                    graph.edges[source, target, "related"]["score"] = score
    _attach_mentions(graph, mention_facts(triples))
    return graph


_SUMMARY_FACTS = frozenset({V.ABSTRACT, V.SOURCE_PATH})
_QUALIFIER_FACTS = frozenset({V.RELATES, V.SCORE, V.MONTH, V.ARTICLE_COUNT})
# Facts of a trend kept as node attributes: predicate -> (attribute, conversion)
def count_of(value) -> int | None:
    """A count written in a graph (a Literal or its text), or None when it is none (a
    graph from elsewhere: "many", or 5,000 digits).

    >>> count_of("12"), count_of("many"), count_of("9" * 5000)
    (12, None, None)
    """
    text = value.value if value.__class__ is Literal else value
    return int(text) if isinstance(text, str) and _COUNT_RE.fullmatch(text) else None


def score_of(value) -> float | None:
    """A relatedness score written in a graph (a Literal or its text), or None when it
    is no finite number.

    >>> score_of("0.5"), score_of("abc"), score_of("nan"), score_of(None)
    (0.5, None, None, None)
    """
    text = value.value if value.__class__ is Literal else value
    try:
        score = float(text) if isinstance(text, str) else math.nan
    except ValueError:
        return None
    return score if math.isfinite(score) else None


_COUNT_RE = re.compile(r"\+?[0-9]{1,15}")
_TREND_FACTS = {V.ARTICLE_COUNT: ("articles", count_of), V.FIRST_DATE: ("first", str),
                V.LAST_DATE: ("last", str)}


def overview_from_parts(parts: Callable[[], Iterator[ArticlePart]], shared: SharedNodes,
                        related: Iterable[RelatedLink] = (), trends: Iterable[Trend] = ()):
    """The explorer's index of a build (kg.explore.GraphIndex: every node and link, and
    the articles' texts), from its article parts and shared nodes, without reading
    graph.ttl back; `related` and `trends` are the build's cross-article links.
    `kg.view.write_html` draws the page from it."""
    from .explore import index_from_parts

    return index_from_parts(parts, shared, related, trends)
