"""The graph as networkx: articles and entities as nodes, typed relations as edges.

Mentions, summaries and pages are folded away (they are details of an
article), which is the shape people browse and graph algorithms want.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Callable, Iterable, Iterator

import networkx as nx

from . import vocab as V
from .kinds import KINDS, KindTable
from .parts import ArticlePart, SharedNodes, most_common
from .rdf import Literal, Triple, article_iri

__all__ = ["edge_relations", "node_classes", "mention_facts", "to_networkx", "pick_overview",
           "overview_from_parts"]


def edge_relations(kinds: KindTable = KINDS) -> dict[str, str]:
    """Which relations become edges (property IRI -> the edge's `relation`): article ->
    entity, article -> article (closestTo), entity -> entity (a signal's drivenBy)."""
    relations = {kind.property_iri: kind.article_property for kind in kinds
                 if kind.article_property}
    relations[V.CLOSEST_TO] = "closestTo"
    relations[V.RELATED] = "related"  # entity -- entity, across articles (both directions)
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
    """Articles, entities and trends as nodes with `type` and `label`; articles also have
    `date` and `url`, entities named in tables `mentions` (see `mention_facts`), trends
    `articles`, `first`, `last` (ISO dates) and `months` ({YYYY-MM: articles}).
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
    # Qualified nodes (relatedness, monthly counts): their facts, folded into edges and trends.
    qualified: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        if p in _QUALIFIER_FACTS and s not in node_type:
            qualified[s][p].append(o)
        if s in node_type:
            if p == V.LABEL:
                graph.nodes[s]["label"] = o.value
            elif p == V.URL:
                graph.nodes[s]["url"] = o
            elif p == V.IS_LOADED:
                graph.nodes[s]["loaded"] = o.value == "true"
            elif p == V.PUBLISHED_IN:
                article_pages.append((s, o))
            elif p in relations and o.__class__ is str and o in node_type:
                graph.add_edge(s, o, key=relations[p], relation=relations[p])
            elif p in _TREND_FACTS and o.__class__ is Literal:
                name, convert = _TREND_FACTS[p]
                graph.nodes[s][name] = convert(o.value)
            elif p == V.MONTHLY_COUNT:
                graph.nodes[s].setdefault("monthly", []).append(o)
        elif p == V.DATE and isinstance(o, Literal):
            page_dates[s] = o.value
    for article, page in article_pages:
        if page in page_dates:
            graph.nodes[article]["date"] = min(page_dates[page],
                                               graph.nodes[article].get("date", "9999"))
    for node in [n for n, t in node_type.items() if t == "Trend"]:
        counts = (qualified.get(m, {}) for m in graph.nodes[node].pop("monthly", []))
        graph.nodes[node]["months"] = dict(sorted(
            (c[V.MONTH][0].value, int(c[V.ARTICLE_COUNT][0].value)) for c in counts
            if c.get(V.MONTH) and c.get(V.ARTICLE_COUNT)))
    for facts in qualified.values():
        ends, scores = facts.get(V.RELATES, []), facts.get(V.SCORE, [])
        if len(ends) == 2 and scores:
            for source, target in (ends, ends[::-1]):
                if graph.has_edge(source, target, "related"):
                    graph.edges[source, target, "related"]["score"] = float(scores[0].value)
    _attach_mentions(graph, mention_facts(triples))
    return graph


_QUALIFIER_FACTS = frozenset({V.RELATES, V.SCORE, V.MONTH, V.ARTICLE_COUNT})
# Facts of a trend kept as node attributes: predicate -> (attribute, conversion)
_TREND_FACTS = {V.ARTICLE_COUNT: ("articles", int), V.FIRST_DATE: ("first", str),
                V.LAST_DATE: ("last", str)}


def pick_overview(kind: dict[str, str], degree: dict[str, int], reach: dict[str, int],
                  links: Callable[[set[str]], dict[str, int]], max_nodes: int) -> list[str]:
    """At most `max_nodes` nodes that show how a big graph hangs together.

    Half the budget goes to the entities with the most `reach` (articles naming
    them; for driving forces, signals), if shared (reach >= 2), taken in turn from
    each type so every type shows; then the articles with most `links(chosen)` to
    those, up to three quarters of the budget; then other entities, in turn by type;
    then other articles. `kind` maps every node to its type, `degree` to its edge count.

    >>> kind = {"a": "Article", "b": "Article", "t": "Technology", "k": "Keyword"}
    >>> pick_overview(kind, {"a": 2, "b": 1, "t": 2, "k": 1}, {"t": 2, "k": 1},
    ...               lambda chosen: {"a": 1, "b": 1}, 3)
    ['t', 'a', 'k']
    """
    ranked = sorted(reach, key=lambda n: (-reach[n], -degree[n], n))
    chosen: dict[str, None] = {}  # an ordered set

    def take_in_turn(nodes: list[str], budget: int) -> None:
        queues: dict[str, list[str]] = {}
        for node in nodes:
            if node not in chosen:
                queues.setdefault(kind[node], []).append(node)
        turn = [queue[::-1] for queue in queues.values()]  # popped from the end
        while turn and len(chosen) < budget:
            for queue in turn:
                if len(chosen) < budget:
                    chosen[queue.pop()] = None
            turn = [queue for queue in turn if queue]

    take_in_turn([n for n in ranked if reach[n] >= 2], max_nodes // 2)
    linked = links(set(chosen))
    articles = sorted(linked, key=lambda a: (-linked[a], -degree.get(a, 0), a))
    for article in articles[: max(0, max_nodes * 3 // 4 - len(chosen))]:
        chosen[article] = None
    take_in_turn(ranked, max_nodes)
    for article in articles:
        if len(chosen) >= max_nodes:
            break
        chosen.setdefault(article, None)
    return list(chosen)


def overview_from_parts(parts: Callable[[], Iterator[ArticlePart]], shared: SharedNodes,
                        max_nodes: int = 600) -> nx.MultiDiGraph:
    """The `max_nodes` best-connected articles and entities and the edges among them,
    from a build's article parts and shared nodes, without reading graph.ttl back.

    `parts` is called three times (passes), so memory holds degrees, not edges.
    """
    # Memos: the passes meet the same entity and article IRIs over and over.
    relations: dict[str, str | None] = {}
    articles: dict[str, str] = {}

    def relation_of(iri: str) -> str | None:
        relation = relations.get(iri, 0)
        if relation == 0:
            relation = relations[iri] = shared.kind(iri).article_property
        return relation

    def iri_of(article_id: str) -> str:
        iri = articles.get(article_id)
        if iri is None:
            iri = articles[article_id] = article_iri(shared.base, article_id)
        return iri

    def edges(part: ArticlePart) -> set[tuple[str, str, str]]:
        article = iri_of(part.article_id)
        found = {(article, iri, relation) for iri, _ in part.forms
                 if (relation := relation_of(iri))}
        found.update((article, iri_of(target), "closestTo") for target, _ in part.links)
        return found

    degree: Counter[str] = Counter()
    reach: Counter[str] = Counter()
    kind: dict[str, str] = {}
    for part in parts():
        found = edges(part)
        kind[iri_of(part.article_id)] = "Article"
        for source, target, relation in found:
            degree[source] += 1
            degree[target] += 1
            if relation == "closestTo":
                kind[target] = "Article"
        reach.update({target for _, target, relation in found if relation != "closestTo"})
    for entity, links in shared.entity_links.items():
        for _, other in links:
            degree[entity] += 1
            degree[other] += 1
            reach[other] += 1
    for node in degree:
        if node not in kind:
            kind[node] = shared.kind(node).class_name
            reach.setdefault(node, 0)

    def links(chosen: set[str]) -> dict[str, int]:
        found: Counter[str] = Counter({n: 0 for n, k in kind.items() if k == "Article"})
        for part in parts():
            for source, target, _ in edges(part):
                if target in chosen:
                    found[source] += 1
                if source in chosen and kind[target] == "Article":
                    found[target] += 1
        return found

    chosen = set(pick_overview(kind, degree, reach, links, max_nodes))

    graph = nx.MultiDiGraph()
    loaded = len(shared.base + "article/")
    for node in chosen:
        if node in shared.forms:
            graph.add_node(node, type=shared.kind(node).class_name, label=shared.label(node))
    for part in parts():
        article = iri_of(part.article_id)
        if article in chosen:
            graph.add_node(article, type="Article", label=part.title, loaded=True,
                           **{k: v for k, v in (("date", part.date), ("url", part.url)) if v})
        for source, target, relation in edges(part):
            if source in chosen and target in chosen:
                graph.add_edge(source, target, key=relation, relation=relation)
        _attach_mentions(graph, ((article, entity, facts) for entity, facts in part.mentions))
    for entity, links in shared.entity_links.items():
        for prop, other in links:
            if entity in chosen and other in chosen:
                relation = prop[len(V.KG):]
                graph.add_edge(entity, other, key=relation, relation=relation)
    for node in chosen:
        if "type" not in graph.nodes.get(node, {}):  # an article only known from links
            titles = shared.links.get(node[loaded:])
            graph.add_node(node, type="Article", loaded=False,
                           label=most_common(titles) if titles else node[loaded:])
    return graph
