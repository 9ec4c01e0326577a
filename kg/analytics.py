"""Analytics: what the graph says across articles, as plain numbers.

Every function takes the networkx graph of `kg.network.to_networkx` (articles
and entities as nodes with `type` and `label`, articles with a page `date`) and
returns plain dataclasses, so the CLI report, notebooks and tests share them.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for a, month in (("a1", "2024-01"), ("a2", "2024-02")):
...     g.add_node(a, type="Article", label=a, date=month + "-10")
>>> g.add_node("t", type="Technology", label="T"); g.add_node("c", type="Concern", label="C")
>>> _ = g.add_edge("a1", "t"), g.add_edge("a2", "t"), g.add_edge("a2", "c")
>>> counts_by_type(g)
{'Article': 2, 'Concern': 1, 'Technology': 1}
>>> [(p.first_label, p.second_label, p.count) for p in cooccurrence(g, min_count=1)]
[('T', 'C', 1)]
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class Ranked:
    node: str
    label: str
    type: str
    degree: int
    pagerank: float


@dataclass(frozen=True)
class Community:
    size: int
    articles: int
    top_labels: list[str]  # best-connected entities first
    members: frozenset[str]


@dataclass(frozen=True)
class Pair:
    first: str
    first_label: str
    second: str
    second_label: str
    count: int  # articles naming both
    lift: float  # count * N / (count_first * count_second); > 1: together more than by chance
    pmi: float  # log2(lift)


@dataclass(frozen=True)
class Trend:
    node: str
    label: str
    type: str
    articles: int
    months: list[str]
    shares: list[float]  # share of that month's articles naming the entity
    slope: float  # least-squares change in share per month


@dataclass(frozen=True)
class ForceRank:
    node: str
    label: str
    signals: int
    articles: int
    top_signals: list[str]


def _type(graph: nx.MultiDiGraph, node: str) -> str:
    return graph.nodes[node]["type"]


def articles_of(graph: nx.MultiDiGraph) -> list[str]:
    """The articles that were read (not those only known from another's links)."""
    return sorted(n for n, d in graph.nodes(data=True)
                  if d["type"] == "Article" and d.get("loaded", True))


def counts_by_type(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Nodes per type, by type name."""
    return dict(sorted(Counter(t for _, t in graph.nodes(data="type")).items()))


def central(graph: nx.MultiDiGraph, top: int = 10) -> dict[str, list[Ranked]]:
    """The `top` entities of each type by degree, with their PageRank on the undirected
    article-entity graph (ties broken by label), articles included as their own type.

    >>> g = nx.MultiDiGraph([("a", "t1"), ("b", "t1"), ("b", "t2")])
    >>> for n, t in (("a", "Article"), ("b", "Article"), ("t1", "Technology"), ("t2", "Technology")):
    ...     g.nodes[n].update(type=t, label=n.upper())
    >>> [r.label for r in central(g)["Technology"]]
    ['T1', 'T2']
    """
    simple = nx.Graph(graph.to_undirected(as_view=True))
    rank = nx.pagerank(simple) if simple.number_of_edges() else {n: 0.0 for n in simple}
    by_type: dict[str, list[Ranked]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        by_type[data["type"]].append(Ranked(node, data["label"], data["type"],
                                            simple.degree(node), rank.get(node, 0.0)))
    return {kind: sorted(items, key=lambda r: (-r.degree, -r.pagerank, r.label, r.node))[:top]
            for kind, items in sorted(by_type.items())}


def communities(graph: nx.MultiDiGraph, seed: int = 7, top_labels: int = 5,
                min_size: int = 3) -> list[Community]:
    """Louvain communities of the undirected graph (fixed seed: the same split every
    run), largest first, each named by its best-connected entities.

    >>> g = nx.MultiDiGraph([("a", "k1"), ("b", "k1"), ("c", "k2"), ("d", "k2")])
    >>> for n in "abcd": g.nodes[n].update(type="Article", label=n)
    >>> for n in ("k1", "k2"): g.nodes[n].update(type="Keyword", label=n.upper())
    >>> [(c.size, c.top_labels) for c in communities(g)]
    [(3, ['K1']), (3, ['K2'])]
    """
    simple = nx.Graph(graph.to_undirected(as_view=True))
    if simple.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(simple, seed=seed)
    result = []
    for members in found:
        if len(members) < min_size:
            continue
        entities = sorted((n for n in members if _type(graph, n) != "Article"),
                          key=lambda n: (-simple.degree(n), graph.nodes[n]["label"], n))
        result.append(Community(len(members), sum(1 for n in members if _type(graph, n) == "Article"),
                                [graph.nodes[n]["label"] for n in entities[:top_labels]],
                                frozenset(members)))
    return sorted(result, key=lambda c: (-c.size, c.top_labels))


def _named_by(graph: nx.MultiDiGraph, kind: str) -> dict[str, set[str]]:
    """Article -> the entities of `kind` it names."""
    named: dict[str, set[str]] = {a: set() for a in articles_of(graph)}
    for article in named:
        named[article] = {n for n in graph.successors(article) if _type(graph, n) == kind}
    return named


def cooccurrence(graph: nx.MultiDiGraph, first: str = "Technology", second: str = "Concern",
                 min_count: int = 2, top: int = 20) -> list[Pair]:
    """Pairs of a `first`-type and a `second`-type entity named by the same articles,
    ranked by lift (then count), among pairs seen in at least `min_count` articles.
    Lift, not raw counts: a pair of two common entities meets often by chance alone.
    """
    firsts, seconds = _named_by(graph, first), _named_by(graph, second)
    total = len(firsts)
    count_first: Counter[str] = Counter()
    count_second: Counter[str] = Counter()
    together: Counter[tuple[str, str]] = Counter()
    for article in firsts:
        count_first.update(firsts[article])
        count_second.update(seconds[article])
        together.update((a, b) for a in firsts[article] for b in seconds[article] if a != b)
    pairs = []
    for (a, b), n in together.items():
        if n < min_count:
            continue
        lift = n * total / (count_first[a] * count_second[b])
        pairs.append(Pair(a, graph.nodes[a]["label"], b, graph.nodes[b]["label"], n,
                          lift, math.log2(lift)))
    pairs.sort(key=lambda p: (-p.lift, -p.count, p.first_label, p.second_label))
    return pairs[:top]


def _slope(values: list[float]) -> float:
    n = len(values)
    if n < 2:
        return 0.0
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    var = sum((x - mean_x) ** 2 for x in range(n))
    return sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values)) / var


def trends(graph: nx.MultiDiGraph, kinds: tuple[str, ...] = ("Technology", "Concern", "Theme",
                                                             "Keyword"),
           min_articles: int = 3, top: int = 10) -> list[Trend]:
    """Entities whose share of each month's articles rises most (least-squares slope
    over the months that have dated articles), among those in >= `min_articles`.

    >>> g = nx.MultiDiGraph()
    >>> for i, month in enumerate(["2024-01", "2024-01", "2024-02", "2024-02"]):
    ...     g.add_node(f"a{i}", type="Article", label=f"a{i}", date=month + "-01")
    >>> g.add_node("t", type="Technology", label="T")
    >>> _ = g.add_edge("a2", "t"), g.add_edge("a3", "t"), g.add_edge("a1", "t")
    >>> [(t.label, t.shares, t.slope) for t in trends(g)]
    [('T', [0.5, 1.0], 0.5)]
    """
    month_of = {a: graph.nodes[a]["date"][:7] for a in articles_of(graph)
                if graph.nodes[a].get("date")}
    months = sorted(set(month_of.values()))
    per_month = Counter(month_of.values())
    found = []
    for node, data in graph.nodes(data=True):
        if data["type"] not in kinds:
            continue
        dated = [month_of[a] for a in graph.predecessors(node) if a in month_of]
        if len(dated) < min_articles:
            continue
        seen = Counter(dated)
        shares = [seen[m] / per_month[m] for m in months]
        found.append(Trend(node, data["label"], data["type"], len(dated), months, shares,
                           _slope(shares)))
    found.sort(key=lambda t: (-t.slope, -t.articles, t.label, t.node))
    return [t for t in found if t.slope > 0][:top]


def driving_forces(graph: nx.MultiDiGraph, top: int = 20) -> list[ForceRank]:
    """Driving forces ranked by the signals they drive (then by articles reporting those)."""
    ranked = []
    for node, data in graph.nodes(data=True):
        if data["type"] != "DrivingForce":
            continue
        signals = sorted(s for s in graph.predecessors(node) if _type(graph, s) == "Signal")
        articles = {a for s in signals for a in graph.predecessors(s) if _type(graph, a) == "Article"}
        labels = sorted(graph.nodes[s]["label"] for s in signals)
        ranked.append(ForceRank(node, data["label"], len(signals), len(articles), labels[:5]))
    ranked.sort(key=lambda f: (-f.signals, -f.articles, f.label, f.node))
    return ranked[:top]
