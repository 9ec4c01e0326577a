"""The graph as networkx: articles and entities as nodes, typed relations as edges.

Mentions, summaries and pages are folded away (they are details of an
article), which is the shape people browse and graph algorithms want.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

import networkx as nx

from . import vocab as V
from .graph import KINDS, Literal, Triple

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


def count_types(graph: nx.MultiDiGraph) -> Counter[str]:
    return Counter(type_ for _, type_ in graph.nodes(data="type"))
