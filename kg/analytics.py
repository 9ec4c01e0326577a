"""Analytics: what the graph says across articles, as plain numbers.

Every function takes a `kg.facts.Facts` (`read_facts(path)`, fast on big graphs)
or the networkx graph of `kg.network.to_networkx` (articles and entities as nodes
with `type` and `label`, articles with a page `date`), and returns plain
dataclasses, so the report, the CLI, notebooks and tests share them.

* `emergence`: the keyword emergence map after Yoon (2012): per time window,
  visibility and diffusion of each keyword, theme or trend, their growth, and a
  quadrant (weak signal, strong signal, well known, latent);
* `driver_groups`, `influence`, `drivers_behind`: driving forces grouped by their
  related links and trends, what they drive, and behind which rising trends;
* `radar`: signals and technologies by category (sector) and relevancy (ring);
* `recurring`, `cooccurrence`, `rising`, `driving_forces`, `timeline`,
  `counts_by_type`; `central` and `communities` (graph algorithms on networkx).

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
from statistics import median

from typing import TYPE_CHECKING

from .facts import Facts
from .identity import identity_key

if TYPE_CHECKING:  # networkx is imported where a graph algorithm runs: `kg stats` needs none
    import networkx as nx

__all__ = ["as_facts", "counts_by_type", "central", "communities", "cooccurrence",
           "articles_over_paired", "MAX_PAIRED", "rising",
           "driving_forces", "recurring", "timeline", "windows", "emergence", "driver_groups",
           "influence", "drivers_behind", "driver_links", "radar", "Ranked", "Community", "Pair", "Rising",
           "ForceRank", "Recurring", "Windows", "Thresholds", "Emergence", "EmergenceMap",
           "DriverGroup", "Influence", "Blip", "Radar", "blip_place", "QUADRANTS",
           "CONTENT_TYPES"]

# Entity types that are what articles are about (not article metadata).
CONTENT_TYPES = ("Keyword", "Theme", "Signal", "Technology", "Concern", "Behavior", "Issue",
                 "DrivingForce")


def as_facts(source) -> Facts:
    """A Facts as is; a networkx graph (`to_networkx`) read into one."""
    return source if isinstance(source, Facts) else Facts.from_networkx(source)


# --- counts, recurrence, co-occurrence -----------------------------------------------------


def counts_by_type(source) -> dict[str, int]:
    """Nodes per type, most first (then by name)."""
    counts = Counter(as_facts(source).types.values())
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


@dataclass(frozen=True)
class Recurring:
    node: str
    label: str
    type: str
    articles: int  # articles naming it
    first: str | None  # earliest and latest page date of those articles
    last: str | None


def recurring(source, types: tuple[str, ...] = CONTENT_TYPES,
              min_articles: int = 2) -> list[Recurring]:
    """Entities named by at least `min_articles` articles, most first (then by label):
    what connects articles. An entity named by one article connects nothing, so it is
    never ranked.

    >>> corpus = Facts(types={"a": "Article", "b": "Article", "k": "Keyword", "j": "Keyword"},
    ...                 labels={"k": "K", "j": "J"}, articles=["a", "b"],
    ...                 dates={"a": "2024-01-02"}, named_by={"k": {"a", "b"}, "j": {"b"}})
    >>> recurring(corpus)
    [Recurring(node='k', label='K', type='Keyword', articles=2, first='2024-01-02', last='2024-01-02')]
    """
    corpus = as_facts(source)
    found = []
    for node, articles in corpus.named_by.items():
        kind = corpus.types.get(node)
        if kind in types and len(articles) >= min_articles:
            dates = [d for d in map(corpus.dates.get, articles) if d]
            found.append(Recurring(node, corpus.label(node), kind, len(articles),
                                   min(dates, default=None), max(dates, default=None)))
    found.sort(key=lambda r: (-r.articles, r.label.casefold(), r.type, r.node))
    return found


@dataclass(frozen=True)
class Pair:
    first: str
    first_label: str
    second: str
    second_label: str
    count: int  # articles naming both
    lift: float  # count * N / (count_first * count_second); > 1: together more than by chance
    pmi: float  # log2(lift)
    first_type: str = ""
    second_type: str = ""


# Entities of one article paired, at most: its most widely named (an article names 10 to
# 60 things; a crafted pair of files naming the same 4,000 keywords made 16 million
# pairs, 64 s and 3.7 GB).
MAX_PAIRED = 200


def _types_paired(first: str | None, second: str | None) -> tuple[set[str], set[str]]:
    """The types `cooccurrence` pairs on each side (None: any of CONTENT_TYPES)."""
    return ({first} if first else set(CONTENT_TYPES)), ({second} if second else set(CONTENT_TYPES))


def _named_by_article(corpus: "Facts", types: set[str],
                      min_count: int) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Entities of `types` named by at least `min_count` articles, with how many name
    each, and each article's such entities, the most widely named first."""
    count = {n: len(a) for n, a in corpus.named_by.items()
             if corpus.types.get(n) in types and len(a) >= min_count}
    named_by_article: dict[str, list[str]] = defaultdict(list)
    for node in sorted(count, key=lambda n: (-count[n], n)):
        for article in corpus.named_by[node]:
            named_by_article[article].append(node)
    return count, named_by_article


def articles_over_paired(source, first: str | None = None, second: str | None = None,
                         min_count: int = 2) -> int:
    """How many articles name more than `MAX_PAIRED` entities of the types `cooccurrence`
    pairs (`first`, `second`: None for any) that `min_count` articles name: of those,
    it pairs only the most widely named."""
    _, named_by_article = _named_by_article(as_facts(source), set().union(
        *_types_paired(first, second)), min_count)
    return sum(1 for nodes in named_by_article.values() if len(nodes) > MAX_PAIRED)


def cooccurrence(source, first: str | None = "Technology", second: str | None = "Concern",
                 min_count: int = 2, top: int = 20) -> list[Pair]:
    """Pairs of a `first`-type and a `second`-type entity (None: any of CONTENT_TYPES)
    named by the same articles, among pairs seen in at least `min_count` articles,
    ranked by lift, then count. Lift, not raw counts: two common entities meet often by
    chance alone. Two names of one idea (a keyword and a theme both "AI") are no pair.
    An article's `MAX_PAIRED` most widely named entities only are paired.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    corpus = as_facts(source)
    firsts, seconds = _types_paired(first, second)
    total = len(corpus.articles)
    # Only entities in >= min_count articles can be in a pair seen that often; an
    # article's most widely named only.
    count, named_by_article = _named_by_article(corpus, firsts | seconds, min_count)
    named_by_article = {article: sorted(nodes[:MAX_PAIRED])
                        for article, nodes in named_by_article.items()}
    nodes = sorted(count)
    index = {node: i for i, node in enumerate(nodes)}
    # Articles x entities, multiplied by itself: how many articles name each two (in
    # sparse matrices: a thousand articles pairing their 200 entities each took minutes
    # counted pair by pair, a review's)
    columns = [index[node] for present in named_by_article.values() for node in present]
    starts = np.cumsum([0] + [len(present) for present in named_by_article.values()])
    named = csr_matrix((np.ones(len(columns), np.int32), columns, starts),
                       shape=(len(named_by_article), len(nodes)))
    together = (named.T @ named).tocoo()
    keys: dict[str, int] = {}
    key_of = np.array([keys.setdefault(identity_key(corpus.label(n)), len(keys)) for n in nodes],
                      dtype=np.int64)
    is_first = np.array([corpus.types[n] in firsts for n in nodes], dtype=bool)
    is_second = np.array([corpus.types[n] in seconds for n in nodes], dtype=bool)
    a, b, n = together.row, together.col, together.data
    keep = (n >= min_count) & is_first[a] & is_second[b] & (key_of[a] != key_of[b])
    if not first and not second:
        keep &= a < b
    pairs = []
    for i, j, seen in zip(a[keep].tolist(), b[keep].tolist(), n[keep].tolist()):
        x, y = nodes[i], nodes[j]
        lift = seen * total / (count[x] * count[y])
        pairs.append(Pair(x, corpus.label(x), y, corpus.label(y), seen, lift, math.log2(lift),
                          corpus.types[x], corpus.types[y]))
    pairs.sort(key=lambda p: (-p.lift, -p.count, p.first_label, p.second_label))
    return pairs[:top]


# --- graph algorithms (networkx) -------------------------------------------------------------


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


def _type(graph: nx.MultiDiGraph, node: str) -> str:
    return graph.nodes[node]["type"]


def central(graph: nx.MultiDiGraph, top: int = 10) -> dict[str, list[Ranked]]:
    """The `top` entities of each type by degree, with their PageRank on the undirected
    article-entity graph (ties broken by label), articles included as their own type.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("a", "t1"), ("b", "t1"), ("b", "t2")])
    >>> for n, t in (("a", "Article"), ("b", "Article"), ("t1", "Technology"), ("t2", "Technology")):
    ...     g.nodes[n].update(type=t, label=n.upper())
    >>> [r.label for r in central(g)["Technology"]]
    ['T1', 'T2']
    """
    import networkx as nx

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

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("a", "k1"), ("b", "k1"), ("c", "k2"), ("d", "k2")])
    >>> for n in "abcd": g.nodes[n].update(type="Article", label=n)
    >>> for n in ("k1", "k2"): g.nodes[n].update(type="Keyword", label=n.upper())
    >>> [(c.size, c.top_labels) for c in communities(g)]
    [(3, ['K1']), (3, ['K2'])]
    """
    import networkx as nx

    simple = nx.Graph(graph.to_undirected(as_view=True))
    if simple.number_of_edges() == 0:
        return []
    # Louvain iterates over sets of nodes: with strings as nodes the split would follow
    # Python's hash seed, so it runs on integers in a fixed order and maps back.
    nodes = sorted(simple)
    number = {node: i for i, node in enumerate(nodes)}
    numbered = nx.Graph()
    numbered.add_nodes_from(range(len(nodes)))
    numbered.add_edges_from(sorted(sorted((number[u], number[v])) for u, v in simple.edges))
    found = [{nodes[i] for i in members}
             for members in nx.community.louvain_communities(numbered, seed=seed)]
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


# --- time ------------------------------------------------------------------------------------


def timeline(source) -> tuple[list[tuple[str, int]], int]:
    """Articles per month of page date, every month from the first to the last (months
    without articles are there, as 0), and the number of articles without a date.

    >>> corpus = Facts(articles=["a", "b", "c"], dates={"a": "2024-01-05", "b": "2024-03-01"})
    >>> timeline(corpus)
    ([('2024-01', 1), ('2024-02', 0), ('2024-03', 1)], 1)
    """
    corpus = as_facts(source)
    months = Counter(corpus.dates[a][:7] for a in corpus.articles if a in corpus.dates)
    undated = sum(1 for a in corpus.articles if a not in corpus.dates)
    if not months:
        return [], undated
    first, last = _month_number(min(months)), _month_number(max(months))
    return [(label, months.get(label, 0)) for label in
            (f"{n // 12:04d}-{n % 12 + 1:02d}" for n in range(first, last + 1))], undated


def _month_number(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


@dataclass(frozen=True)
class Windows:
    """The time windows of a corpus: months or quarters of page date that hold articles.
    Windows without articles are left out, never counted as zero."""

    size: str  # "month" or "quarter"
    labels: list[str]  # "2024-03" or "2024-Q1", in order
    positions: list[int]  # calendar index (months or quarters), for growth per window
    totals: list[int]  # dated articles in each
    of: dict[str, int]  # article -> its window's index in `labels`
    undated: int  # articles without a page date (in no window)

    def __len__(self) -> int:
        return len(self.labels)


# A month is a window when the median month holds this many articles; else quarters.
MIN_MONTHLY_ARTICLES = 20


def windows(source, size: str = "auto") -> Windows:
    """The windows of page dates: `size` "month", "quarter", or "auto" (months when the
    median month with articles holds at least MIN_MONTHLY_ARTICLES, else quarters, so
    each share rests on enough articles).

    >>> corpus = Facts(articles=["a", "b", "c"],
    ...                 dates={"a": "2024-01-05", "b": "2024-08-01", "c": "2024-09-30"})
    >>> w = windows(corpus)
    >>> w.size, w.labels, w.positions, w.totals
    ('quarter', ['2024-Q1', '2024-Q3'], [8096, 8098], [1, 2])
    """
    corpus = as_facts(source)
    dated = {a: corpus.dates[a] for a in corpus.articles if a in corpus.dates}
    if size == "auto":
        per_month = Counter(date[:7] for date in dated.values())
        size = "month" if per_month and median(per_month.values()) >= MIN_MONTHLY_ARTICLES \
            else "quarter"
    if size not in ("month", "quarter"):
        raise ValueError(f"window size {size!r} is not month, quarter or auto")

    def window(date: str) -> tuple[int, str]:
        month = _month_number(date[:7])
        if size == "month":
            return month, date[:7]
        return month // 3, f"{date[:4]}-Q{(month % 12) // 3 + 1}"

    of_article = {a: window(d) for a, d in dated.items()}
    totals = Counter(of_article.values())
    found = sorted(totals)
    index = {w: i for i, w in enumerate(found)}
    return Windows(size, [label for _, label in found], [position for position, _ in found],
                   [totals[w] for w in found], {a: index[w] for a, w in of_article.items()},
                   len(corpus.articles) - len(dated))


# --- the emergence map (after Yoon 2012) ------------------------------------------------------

QUADRANTS = ("weak signal", "strong signal", "well known", "latent")


@dataclass(frozen=True)
class Thresholds:
    """Where the emergence map is cut, and how windows are weighed.

    frequent: visibility (time-weighted share of a window's articles naming the item)
        at or above which an item is frequent, else rare (0.05: one article in twenty);
    growing: growth of visibility per window at or above which an item is growing
        (0.10: +10% per window), else not;
    time_weight: Yoon's tw: a window k windows before the latest weighs 1 - tw*k (never
        below tw), so recent windows count more in visibility and diffusion;
    min_articles: items named by fewer dated articles are left off the map.
    """

    frequent: float = 0.05
    growing: float = 0.10
    time_weight: float = 0.05
    min_articles: int = 2


@dataclass(frozen=True)
class Emergence:
    """One keyword, theme or trend on the emergence map."""

    node: str
    label: str
    type: str
    articles: int  # dated articles naming it
    categories: int  # distinct categories and sources of those articles
    sources: int
    counts: tuple[int, ...]  # articles naming it in each window
    visibility: float  # time-weighted share of the windows' articles naming it
    diffusion: float  # time-weighted share of the windows' articles, categories and sources
    growth: float  # visibility growth per window (0.25: +25% per window)
    diffusion_growth: float
    quadrant: str


@dataclass(frozen=True)
class EmergenceMap:
    windows: Windows
    thresholds: Thresholds
    items: list[Emergence]  # weak signals first, then strong, well known, latent; by growth
    left_out: int  # items named by fewer than thresholds.min_articles dated articles
    types: tuple[str, ...]

    def quadrant(self, name: str) -> list[Emergence]:
        return [item for item in self.items if item.quadrant == name]

    def counts(self) -> dict[str, int]:
        found = Counter(item.quadrant for item in self.items)
        return {name: found.get(name, 0) for name in QUADRANTS}


class _Fit:
    """Growth per window of many items over the same windows, each item's log values being
    a baseline (the same for every item) plus its own deviations in a few windows.

    Weighted least squares of y on x, windows weighted w: the slope is
    (W*Sxy - Sx*Sy) / (W*Sxx - Sx^2), where only Sy and Sxy depend on the item, and they
    are the baseline's sums plus the deviations' sums. Growth = exp(slope) - 1.

    >>> fit = _Fit([0, 1, 2], [1, 1, 1], [math.log(1)] * 3)
    >>> round(fit.growth({1: math.log(2), 2: math.log(4)}), 6)
    1.0
    """

    def __init__(self, x: list[int], w: list[float], baseline: list[float]):
        self.x, self.w = x, w
        self.W = sum(w)
        self.Sx = sum(wi * xi for wi, xi in zip(w, x))
        self.denominator = self.W * sum(wi * xi * xi for wi, xi in zip(w, x)) - self.Sx ** 2
        self.Sy = sum(wi * b for wi, b in zip(w, baseline))
        self.Sxy = sum(wi * xi * b for wi, xi, b in zip(w, x, baseline))

    def growth(self, deviations: dict[int, float]) -> float:
        if self.denominator <= 0:  # one window: nothing to grow from
            return 0.0
        sy = self.Sy + sum(self.w[j] * d for j, d in deviations.items())
        sxy = self.Sxy + sum(self.w[j] * self.x[j] * d for j, d in deviations.items())
        return math.exp((self.W * sxy - self.Sx * sy) / self.denominator) - 1


def _smoothed(found: int, total: int) -> float:
    # Half an article added to every window (Jeffreys): a window where the item is absent
    # has a small share, not zero, so growth from it is finite.
    return (found + 0.5) / (total + 1)


def _mean_share(found: list[int], totals: list[int]) -> float:
    """The mean of the smoothed shares found/total, over the totals that are not 0."""
    shares = [_smoothed(f, t) for f, t in zip(found, totals) if t]
    return sum(shares) / len(shares)


def emergence(source, types: tuple[str, ...] = ("Keyword", "Theme", "Trend"),
              thresholds: Thresholds | None = None, size: str = "auto") -> EmergenceMap:
    """The emergence map of the items of `types`, after Yoon (2012), "Detecting weak
    signals for long-term business opportunities using text mining of Web news",
    Expert Systems with Applications 39:12543.

    Per window j of page dates (see `windows`), with N_j dated articles, C_j distinct
    categories and S_j distinct sources among them, and an item named by a_j of those
    articles, in c_j categories and s_j sources; w_j = max(1 - tw * (windows from the
    latest), tw):

    * visibility_j = w_j * a_j / N_j;  diffusion_j = w_j * mean(a_j/N_j, c_j/C_j, s_j/S_j)
      (a share left out when its window has no categories or sources);
    * the item's visibility (diffusion) is the sum over windows divided by the sum of w_j:
      a time-weighted share;
    * growth: the weighted least-squares slope of log((a_j + 1/2) / (N_j + 1)) over the
      windows' calendar positions, each window weighted by N_j, as exp(slope) - 1 per
      window; diffusion growth likewise, of the log of the mean of the three smoothed
      shares. Windows without articles are not in the fit: no growth is made of them;
    * quadrant: frequent if visibility >= thresholds.frequent; growing if growth >=
      thresholds.growing: weak signal (rare, growing), strong signal (frequent, growing),
      well known (frequent, not growing), latent (rare, not growing).
    """
    corpus = as_facts(source)
    thresholds = thresholds or Thresholds()
    found = windows(corpus, size)
    latest = found.positions[-1] if found.positions else 0
    weights = [max(1 - thresholds.time_weight * (latest - p), thresholds.time_weight)
               for p in found.positions]
    weight_sum = sum(weights) or 1.0
    every_category: list[set[str]] = [set() for _ in found.labels]
    every_source: list[set[str]] = [set() for _ in found.labels]
    for article, index in found.of.items():
        every_category[index].update(corpus.categories.get(article, ()))
        if article in corpus.sources:
            every_source[index].add(corpus.sources[article])
    spreads = [(n, len(c), len(s)) for n, c, s in zip(found.totals, every_category, every_source)]
    absent = [math.log(_mean_share([0, 0, 0], list(spread))) for spread in spreads]
    seen_fit = _Fit(found.positions, [float(n) for n in found.totals],
                    [math.log(_smoothed(0, n)) for n in found.totals])
    spread_fit = _Fit(found.positions, [float(n) for n in found.totals], absent)
    items, left_out = [], 0
    for node in corpus.of_type(*types):
        dated = [a for a in corpus.named_by.get(node, ()) if a in found.of]
        if len(dated) < thresholds.min_articles:
            left_out += 1
            continue
        counts = [0] * len(found)
        categories: dict[int, set[str]] = defaultdict(set)
        sources: dict[int, set[str]] = defaultdict(set)
        for article in dated:
            j = found.of[article]
            counts[j] += 1
            categories[j].update(corpus.categories.get(article, ()))
            if article in corpus.sources:
                sources[j].add(corpus.sources[article])
        visibility = diffusion = 0.0
        seen, spread = {}, {}
        for j in {found.of[a] for a in dated}:
            mine = [counts[j], len(categories[j]), len(sources[j])]
            shares = [m / t for m, t in zip(mine, spreads[j]) if t]
            visibility += weights[j] * shares[0]
            diffusion += weights[j] * sum(shares) / len(shares)
            seen[j] = math.log(2 * counts[j] + 1)  # log(smoothed share) - the baseline's
            spread[j] = math.log(_mean_share(mine, list(spreads[j]))) - absent[j]
        # (rounded: a share of exactly the threshold is 0.049999999999999996 in floats)
        visibility, diffusion = round(visibility / weight_sum, 12), round(diffusion / weight_sum, 12)
        growth = round(seen_fit.growth(seen), 12)
        frequent, growing = visibility >= thresholds.frequent, growth >= thresholds.growing
        quadrant = QUADRANTS[0 if growing and not frequent else 1 if growing else
                             2 if frequent else 3]
        items.append(Emergence(node, corpus.label(node), corpus.types[node], len(dated),
                               len(set().union(*categories.values())),
                               len(set().union(*sources.values())), tuple(counts), visibility,
                               diffusion, growth, spread_fit.growth(spread), quadrant))
    items.sort(key=lambda e: (QUADRANTS.index(e.quadrant), -e.growth, -e.visibility,
                              e.label.casefold(), e.node))
    return EmergenceMap(found, thresholds, items, left_out, tuple(types))


# --- rising entities (share of each month's articles) ------------------------------------------


@dataclass(frozen=True)
class Rising:
    """An entity whose share of each month's articles rises (see `rising`)."""

    node: str
    label: str
    type: str
    articles: int
    months: list[str]
    shares: list[float]  # share of that month's articles naming the entity
    slope: float  # least-squares change in share per month


def _slope(values: list[float]) -> float:
    n = len(values)
    if n < 2:
        return 0.0
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    var = sum((x - mean_x) ** 2 for x in range(n))
    return sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values)) / var


def rising(source, kinds: tuple[str, ...] = ("Technology", "Concern", "Theme", "Keyword"),
           min_articles: int = 3, top: int = 10) -> list[Rising]:
    """Entities whose share of each month's articles rises most (least-squares slope
    over the months that have dated articles), among those in >= `min_articles`.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> for i, month in enumerate(["2024-01", "2024-01", "2024-02", "2024-02"]):
    ...     g.add_node(f"a{i}", type="Article", label=f"a{i}", date=month + "-01")
    >>> g.add_node("t", type="Technology", label="T")
    >>> _ = g.add_edge("a2", "t"), g.add_edge("a3", "t"), g.add_edge("a1", "t")
    >>> [(t.label, t.shares, t.slope) for t in rising(g)]
    [('T', [0.5, 1.0], 0.5)]
    """
    corpus = as_facts(source)
    month_of = {a: corpus.dates[a][:7] for a in corpus.articles if a in corpus.dates}
    months = sorted(set(month_of.values()))
    per_month = Counter(month_of.values())
    found = []
    for node in corpus.of_type(*kinds):
        dated = [month_of[a] for a in corpus.named_by.get(node, ()) if a in month_of]
        if len(dated) < min_articles:
            continue
        seen = Counter(dated)
        shares = [seen[m] / per_month[m] for m in months]
        found.append(Rising(node, corpus.label(node), corpus.types[node], len(dated), months,
                            shares, _slope(shares)))
    found.sort(key=lambda t: (-t.slope, -t.articles, t.label, t.node))
    return [t for t in found if t.slope > 0][:top]


# --- drivers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ForceRank:
    node: str
    label: str
    signals: int
    articles: int
    top_signals: list[str]


def _driven(corpus: Facts) -> dict[str, set[str]]:
    """Driving force -> the signals articles say it drives."""
    return {force: {signal for _, signal in pairs} for force, pairs in corpus.driven.items()}


def driving_forces(source, top: int = 20) -> list[ForceRank]:
    """Driving forces ranked by the signals they drive (then by articles reporting those)."""
    corpus = as_facts(source)
    driven = _driven(corpus)
    ranked = []
    for node in corpus.of_type("DrivingForce"):
        signals = driven.get(node, set())
        articles = corpus.named_by.get(node, set())
        labels = sorted(corpus.label(s) for s in signals)
        ranked.append(ForceRank(node, corpus.label(node), len(signals), len(articles), labels[:5]))
    ranked.sort(key=lambda f: (-f.signals, -f.articles, f.label, f.node))
    return ranked[:top]


@dataclass(frozen=True)
class DriverGroup:
    """Driving forces joined by related links or a shared trend, and what they drive."""

    name: str  # the label of its driver with the most signals
    drivers: tuple[str, ...]  # driving-force IRIs, most signals first
    driver_labels: tuple[str, ...]
    signals: tuple[str, ...]  # the signals they drive (IRIs, sorted)
    articles: frozenset[str]  # the articles reporting those signals
    trends: tuple[str, ...]  # trends they drive (see `influence`), most articles first
    categories: tuple[tuple[str, int], ...]  # (category, articles), most first
    uncategorised: int = 0  # its articles of no category


def _union_find(nodes: list[str], pairs) -> list[list[str]]:
    parent = {n: n for n in nodes}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in pairs:
        if a in parent and b in parent:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for n in nodes:
        groups[root(n)].append(n)
    return list(groups.values())


@dataclass(frozen=True)
class Influence:
    """Driver groups x trends: in how many of the trend's articles the group drives a
    signal, as that article says (a signal of the trend; for a trend without signals, any
    signal the article reports), and that count over the trend's articles."""

    groups: list[DriverGroup]
    trends: list[str]  # trend IRIs, columns
    trend_labels: list[str]
    counts: dict[tuple[int, str], int]  # (group index, trend) -> articles
    shares: dict[tuple[int, str], float]  # the count / the trend's articles


def _category_counter(corpus: Facts):
    """A function counting the categories of a set of articles: {category: articles}, ""
    for the articles of none.
    Driver groups of a big archive hold hundreds of thousands of articles between them,
    so the counting is done by numpy on category numbers."""
    import numpy as np

    names = sorted({c for found in corpus.categories.values() for c in found})
    number = {name: i for i, name in enumerate(names)}
    index = {a: i for i, a in enumerate(corpus.articles)}
    first = np.full(len(corpus.articles) + 1, len(names), dtype=np.int64)  # none: a spare bin
    more: dict[str, list[int]] = {}  # articles with several categories: the others
    for article, found in corpus.categories.items():
        ordered = sorted(number[c] for c in found)
        if ordered:
            first[index[article]] = ordered[0]
            if len(ordered) > 1:
                more[article] = ordered[1:]

    def count(articles) -> dict[str, int]:
        ids = np.fromiter(map(index.__getitem__, articles), np.int64, len(articles))
        counts = np.bincount(first[ids], minlength=len(names) + 1)
        for article in more.keys() & articles if more else ():
            for i in more[article]:
                counts[i] += 1
        return {(names + [""])[i]: int(n) for i, n in enumerate(counts) if n}
    return count


def driver_links(facts: Facts, min_score: float = 0.0) -> list[tuple[str, str]]:
    """Which driving forces go in one group: those a trend holds together, and two joined
    by a related link (score >= min_score) when each is the other's most related force.

    Related links are many and chain (A ~ B ~ C ... joins everything under a broad
    theme), so a link alone joins only mutual best matches; trends, already clusters,
    join all their forces.

    >>> facts = Facts(types={f: "DrivingForce" for f in "abcd"},
    ...               related={("a", "b"): 0.9, ("b", "c"): 0.5, ("c", "d"): 0.8})
    >>> driver_links(facts)
    [('a', 'b'), ('c', 'd')]
    """
    best: dict[str, tuple[float, str]] = {}
    for (a, b), score in sorted(facts.related.items()):
        if score >= min_score and facts.types.get(a) == facts.types.get(b) == "DrivingForce":
            for one, other in ((a, b), (b, a)):
                if (score, other) > best.get(one, (-1.0, "")):
                    best[one] = (score, other)
    links = sorted({tuple(sorted((a, b))) for a, (_, b) in best.items() if best[b][1] == a})
    for members in facts.members.values():
        inside = sorted(m for m in members if facts.types.get(m) == "DrivingForce")
        links += list(zip(inside, inside[1:]))
    return links


def driver_groups(source, min_score: float = 0.0) -> list[DriverGroup]:
    """Driving forces in groups (see `driver_links`). Groups whose signals most articles
    report come first (then most signals). Without related links or trends, every force
    is its own group."""
    return influence(source, min_score).groups


def influence(source, min_score: float = 0.0) -> Influence:
    """Driver groups (see `driver_groups`) and which trends each drives."""
    corpus = as_facts(source)
    driven = _driven(corpus)
    forces = corpus.of_type("DrivingForce")
    links = driver_links(corpus, min_score)
    trends = corpus.of_type("Trend")
    trend_signals = {t: {m for m in corpus.members.get(t, ()) if corpus.types.get(m) == "Signal"}
                     for t in trends}
    # Each article's trends, so a group meets only the trends its articles are in
    # (not every trend for every group: thousands of each at 3,000 documents).
    trends_of_article: dict[str, list[str]] = defaultdict(list)
    for trend in trends:
        for article in corpus.named_by.get(trend, ()):
            trends_of_article[article].append(trend)
    order = {trend: index for index, trend in enumerate(trends)}
    neighbours: dict[str, set[str]] = defaultdict(set)  # entity -> its related entities
    for (first, second), score in corpus.related.items():
        if score >= min_score:  # (as driver_links reads them)
            neighbours[first].add(second)
            neighbours[second].add(first)
    groups, counts = [], {}
    raw = []
    count_categories = _category_counter(corpus)
    for members in _union_find(forces, links):
        signals = set().union(*(driven.get(f, set()) for f in members))
        pairs = set().union(*(corpus.driven.get(f, set()) for f in members))
        articles = frozenset(a for a, _ in pairs)
        drivers = sorted(members, key=lambda f: (-len(driven.get(f, ())), corpus.label(f), f))
        hits: dict[str, set[str]] = defaultdict(set)
        for article, signal in pairs:
            for trend in trends_of_article.get(article, ()):
                # The group drives the trend in this article when the signal it drives
                # there is the trend's, or a force of the group is; in a trend without
                # signals, when that signal is related to one of its members (not any
                # signal of the article: a force behind heat pumps drives no AI-ethics
                # trend because one article names both).
                own, everyone = trend_signals[trend], corpus.members.get(trend, set())
                if signal in own or not everyone.isdisjoint(members) or \
                        not own and not neighbours[signal].isdisjoint(everyone):
                    hits[trend].add(article)
        per_trend = {trend: len(hits[trend]) for trend in sorted(hits, key=order.__getitem__)}
        categories = count_categories(articles)
        uncategorised = categories.pop("", 0)
        raw.append((DriverGroup(
            corpus.label(drivers[0]), tuple(drivers), tuple(corpus.label(f) for f in drivers),
            tuple(sorted(signals)), articles,
            tuple(sorted(per_trend, key=lambda t: (-per_trend[t], corpus.label(t), t))),
            tuple(sorted(categories.items(), key=lambda item: (-item[1], item[0]))),
            uncategorised), per_trend))
    raw.sort(key=lambda g: (-len(g[0].articles), -len(g[0].signals), g[0].name, g[0].drivers))
    for index, (group, per_trend) in enumerate(raw):
        groups.append(group)
        counts.update({(index, trend): n for trend, n in per_trend.items()})
    sizes = {t: len(corpus.named_by.get(t, ())) for t in trends}
    shares = {(g, t): n / sizes[t] for (g, t), n in counts.items() if sizes[t]}
    return Influence(groups, trends, [corpus.label(t) for t in trends], counts, shares)


def drivers_behind(table: Influence, trend_map: EmergenceMap, top: int = 5,
                   per_trend: int = 3) -> list[tuple[Emergence, list[tuple[DriverGroup, int, float]]]]:
    """The `top` fastest-rising trends of `trend_map` (growth > 0) with the driver groups
    behind each (most of the trend's articles first): [(trend, [(group, count, share)])]."""
    rising_trends = sorted((e for e in trend_map.items if e.type == "Trend" and e.growth > 0),
                           key=lambda e: (-e.growth, -e.articles, e.label))[:top]
    found = []
    for trend in rising_trends:
        behind = sorted(((table.groups[g], n, table.shares.get((g, t), 0.0))
                         for (g, t), n in table.counts.items() if t == trend.node),
                        key=lambda item: (-item[1], item[0].name))
        found.append((trend, behind[:per_trend]))
    return found


# --- the radar -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Blip:
    node: str
    label: str
    type: str
    category: str | None  # see `blip_place`
    relevancy: int | None
    articles: int
    trend: str | None  # label of a trend it is a member of (the largest)


@dataclass(frozen=True)
class Radar:
    blips: list[Blip]  # with a category and a relevancy; most relevant, then most articles
    sectors: list[str]  # categories, most blips first
    rings: list[int]  # relevancies, highest (inner) first
    no_category: list[Blip]  # shown apart, never dropped
    no_relevancy: list[Blip]


def blip_place(categories: list[str], relevancies: list[int]) -> tuple[str | None, int | None]:
    """Where an entity sits on the radar: `categories` has each category of each of its
    articles, `relevancies` what each article gives it. The sector is the most frequent
    category (ties: first by name); the ring the mean relevancy rounded half up. The
    explorer's radar (the page's `radarData`) places blips by the same rule.

    >>> blip_place(["science", "city", "city", "science"], [3, 4])
    ('city', 4)
    >>> blip_place([], [])
    (None, None)
    """
    counted = Counter(categories)
    category = min(counted, key=lambda c: (-counted[c], c)) if counted else None
    if not relevancies:
        return category, None
    return category, math.floor(sum(relevancies) / len(relevancies) + 0.5)


def radar(source, types: tuple[str, ...] = ("Signal", "Technology")) -> Radar:
    """Signals and technologies by the category of their articles (sectors) and the
    relevancy articles give them (rings, 5 inner); blips without either apart."""
    corpus = as_facts(source)
    trend_of: dict[str, str] = {}
    for trend in sorted(corpus.members, key=lambda t: (-len(corpus.named_by.get(t, ())), t)):
        for member in corpus.members[trend]:
            trend_of.setdefault(member, corpus.label(trend))
    placed, no_category, no_relevancy = [], [], []
    relevancy_of = corpus.relevancy
    for node in corpus.of_type(*types):
        articles = corpus.named_by.get(node, set())
        if len(articles) == 1:  # most entities: the article's own category and relevancy
            article = next(iter(articles))
            given = relevancy_of.get((article, node))
            category, relevancy = min(corpus.categories[article], default=None), given
        else:
            category, relevancy = blip_place(
                [c for a in articles for c in corpus.categories.get(a, ())],
                [relevancy_of[a, node] for a in articles if (a, node) in relevancy_of])
        blip = Blip(node, corpus.label(node), corpus.types[node], category, relevancy,
                    len(articles), trend_of.get(node))
        if category is None:
            no_category.append(blip)
        elif relevancy is None:
            no_relevancy.append(blip)
        else:
            placed.append(blip)
    placed.sort(key=lambda b: (-b.relevancy, -b.articles, b.label.casefold(), b.node))
    sectors = Counter(b.category for b in placed)
    return Radar(placed, sorted(sectors, key=lambda c: (-sectors[c], c)),
                 sorted({b.relevancy for b in placed}, reverse=True), no_category, no_relevancy)

