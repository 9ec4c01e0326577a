"""The graph as networkx: articles and entities as nodes, typed relations as edges.

Mentions, summaries and pages are folded away (they are details of an
article), which is the shape people browse and graph algorithms want.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable, Iterator

import networkx as nx

from . import vocab as V
from .graph import KINDS, ArticlePart, Literal, SharedNodes, Triple, article_iri, most_common

# Which relations become edges, and what they are called on the edge.
EDGE_RELATIONS = {kind.article_property: kind.article_property[len(V.KG):]
                  for kind in KINDS.values() if kind.article_property}
EDGE_RELATIONS[V.CLOSEST_TO] = "closestTo"
EDGE_RELATIONS[V.DRIVEN_BY] = "drivenBy"
NODE_CLASSES = {kind.cls: kind.cls[len(V.KG):] for kind in KINDS.values()}
NODE_CLASSES[V.ARTICLE] = "Article"


def to_networkx(triples: Iterable[Triple]) -> nx.MultiDiGraph:
    """Articles and entities with `type`, `label` and (articles) `date`, `url` attributes.

    >>> from kg.graph import Literal
    >>> g = to_networkx([("a", V.TYPE, V.ARTICLE), ("a", V.LABEL, Literal("A")),
    ...                  ("t", V.TYPE, V.KG + "Technology"), ("t", V.LABEL, Literal("T")),
    ...                  ("a", V.KG + "mentionsTechnology", "t")])
    >>> list(g.edges(data="relation"))
    [('a', 't', 'mentionsTechnology')]
    """
    triples = list(triples)
    graph = nx.MultiDiGraph()
    node_type: dict[str, str] = {}
    for s, p, o in triples:
        if p == V.TYPE and o in NODE_CLASSES:
            node_type[s] = NODE_CLASSES[o]
    for node, kind in sorted(node_type.items()):
        graph.add_node(node, type=kind, label=node)
    page_dates: dict[str, str] = {}
    article_pages: list[tuple[str, str]] = []
    for s, p, o in triples:
        if s in node_type:
            if p == V.LABEL:
                graph.nodes[s]["label"] = o.value
            elif p == V.URL:
                graph.nodes[s]["url"] = o
            elif p == V.IS_LOADED:
                graph.nodes[s]["loaded"] = o.value == "true"
            elif p == V.PUBLISHED_IN:
                article_pages.append((s, o))
            elif p in EDGE_RELATIONS and isinstance(o, str) and o in node_type:
                graph.add_edge(s, o, key=EDGE_RELATIONS[p], relation=EDGE_RELATIONS[p])
        elif p == V.DATE and isinstance(o, Literal):
            page_dates[s] = o.value
    for article, page in article_pages:
        if page in page_dates:
            graph.nodes[article]["date"] = min(page_dates[page],
                                               graph.nodes[article].get("date", "9999"))
    return graph


def overview_from_parts(parts: Callable[[], Iterator[ArticlePart]], shared: SharedNodes,
                        max_nodes: int = 600) -> nx.MultiDiGraph:
    """The `max_nodes` best-connected articles and entities and the edges among them,
    from a build's article parts and shared nodes, without reading graph.ttl back.

    `parts` is called twice (two passes), so memory holds degrees, not edges.
    """
    def edges(part: ArticlePart) -> set[tuple[str, str, str]]:
        article = article_iri(shared.base, part.article_id)
        found = {(article, iri, EDGE_RELATIONS[shared.kind(iri).article_property])
                 for iri, _ in part.forms if shared.kind(iri).article_property}
        found |= {(article, article_iri(shared.base, target), "closestTo")
                  for target, _ in part.links}
        return found

    degree: Counter[str] = Counter()
    for part in parts():
        for source, target, _ in edges(part):
            degree[source] += 1
            degree[target] += 1
    for signal, forces in shared.drives.items():
        for force in forces:
            degree[signal] += 1
            degree[force] += 1
    chosen = {node for node, _ in sorted(degree.items(), key=lambda i: (-i[1], i[0]))[:max_nodes]}
    del degree

    graph = nx.MultiDiGraph()
    loaded = len(shared.base + "article/")
    for part in parts():
        article = article_iri(shared.base, part.article_id)
        if article in chosen:
            graph.add_node(article, type="Article", label=part.title, loaded=True,
                           **{k: v for k, v in (("date", part.date), ("url", part.url)) if v})
        for source, target, relation in edges(part):
            if source in chosen and target in chosen:
                graph.add_edge(source, target, key=relation, relation=relation)
    for signal, forces in shared.drives.items():
        for force in forces:
            if signal in chosen and force in chosen:
                graph.add_edge(signal, force, key="drivenBy", relation="drivenBy")
    for node in chosen:
        if node in shared.forms:
            graph.add_node(node, type=NODE_CLASSES[shared.kind(node).cls], label=shared.label(node))
        elif "type" not in graph.nodes.get(node, {}):  # an article only known from links
            titles = shared.links.get(node[loaded:])
            graph.add_node(node, type="Article", loaded=False,
                           label=most_common(titles) if titles else node[loaded:])
    return graph
