"""Related: link entities of different articles that are about the same specific
phenomenon, and group them into trends.

Machine-written summaries name one phenomenon differently in every article
("Technological Dependence" / "Reliance on Technology"), so after resolution
most entities are still named by one article only. Each entity's mention is
read as a short text (its name and what its article says of it), embedded
(kg.embed: static token vectors, offline), and compared with the mentions of
other articles:

* vectors are centred on the corpus' mean (what all texts share says nothing);
  an article is the mean of its mentions; each article is compared with its
  `neighbours` most similar articles, and two mentions are related when their
  texts are close (`text_score`) or fairly close in two closely related articles
  (text similarity + `article_weight` x article similarity >= `combined_score`);
* mentions sharing a rare word are compared too, whatever their articles, and
  related when their texts are close (`text_score`) — the same phenomenon in
  articles about different things ("social isolation" in winter and in grief);
* each entity keeps its `max_links` strongest links (hubness control: "AI" cannot
  collect hundreds), and the link's evidence and score are kept (kg:Relatedness).

Related is weaker than same: related entities stay two nodes. Trends are
communities (Louvain, fixed seed) of the related-links graph, split until each
is at most `max_trend` entities, kept when at least two articles name them.

Deterministic: every score is rounded before it is compared, ties are broken by
IRI, Louvain runs with a fixed seed on a graph built in sorted order.

>>> texts = [("a1", "t/deepfake", "Deepfake videos. AI-made videos that fake real people."),
...          ("a2", "c/fakes", "Fake video misinformation. Realistic fake videos spread lies."),
...          ("a3", "t/solar", "Solar roof tiles. Roof tiles that make electricity."),
...          ("a4", "c/heat", "Urban heat islands. Cities grow hotter than the countryside."),
...          ("a5", "s/farms", "Vertical farms. Crops grown indoors in stacked trays.")]
>>> [(link.first, link.second, link.method) for link in related_links(texts)]
[('c/fakes', 't/deepfake', 'texts')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable

import numpy as np

from .embed import Encoder, encoder_for
from .model import RelatedLink
from .resolve import lemma

__all__ = ["Settings", "related_links", "trend_groups", "words_of", "GENERIC_WORDS"]


@dataclass(frozen=True)
class Settings:
    """How related links and trends are chosen (measured on tests/data/related-pairs.csv
    with bench/related_eval.py; see the README for the figures)."""

    text_score: float = 0.45  # texts this close are related, whatever their articles
    combined_score: float = 0.70  # text + article_weight x article similarity
    article_weight: float = 1.25
    neighbours: int = 20  # similar articles each article is compared with
    max_links: int = 20  # strongest links kept per entity
    max_word_df: int = 50  # a word in more mentions than this blocks nothing
    max_trend: int = 25  # entities in a trend, at most
    min_trend_articles: int = 3  # articles naming a trend's members, at least
    enabled: bool = True
    encoder: str | None = None  # kg.embed.encoder_for: None for the shipped static one


# Words this genre uses everywhere: they say nothing about which phenomenon a name is.
GENERIC_WORDS = frozenset("""
ai artificial intelligence technology technological tech digital new emerging growing rising
increase increasing increased growth rise trend trending impact impacts effect effects role
use usage using used need needs focus approach approaches solution solutions system systems
development developments integration innovation innovative evolution change changes future
potential implication implications issue issues concern concerns challenge challenges risk
risks opportunity opportunities shift shifts adoption demand influence importance
significance way ways level levels area areas various key greater better more less
""".split())
_STOP_WORDS = frozenset("""
a an the and or of in on for to with by at from as into over under about between through
that which who whom whose this these those it its their there here than then is are was were
be been being has have had do does did can could may might will would should such also not
no nor so very much many most more other others some any each every all both own same
""".split())
_WORD_RE = re.compile(r"[a-z][a-z0-9]+")


def words_of(text: str) -> list[str]:
    """The content words of a text, lemmatised as resolution's keys are.

    >>> words_of("Growing reliance on AI tools for creative work")
    ['reliance', 'tool', 'creative', 'work']
    """
    found = []
    for word in _WORD_RE.findall(text.lower()):
        if word in _STOP_WORDS or word in GENERIC_WORDS:
            continue
        word = lemma(word)
        if word not in GENERIC_WORDS:
            found.append(word)
    return found


def related_links(mentions: Iterable[tuple[str, str, str]], settings: Settings = Settings(),
                  encoder: Encoder | None = None) -> list[RelatedLink]:
    """Related links between the entities of `mentions`, (article id, entity IRI, text)
    triples (an entity named by several articles has a mention in each)."""
    # A name of generic words only ("technology", "AI", "innovation") names no specific
    # phenomenon: such an entity is linked to nothing (it would link to everything).
    mentions = sorted(m for m in set(mentions) if words_of(m[2].split(". ", 1)[0]))
    if len(mentions) < 2 or not settings.enabled:
        return []
    encoder = encoder or encoder_for(settings.encoder)
    vectors = encoder.encode([text for _, _, text in mentions]).astype(np.float64)
    # Centred on the corpus' mean: what every text of the archive shares says nothing
    # about which phenomenon one is (static vectors of any two texts are fairly close).
    vectors -= vectors.mean(axis=0)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    articles = sorted({article for article, _, _ in mentions})
    nodes = sorted({node for _, node, _ in mentions})
    article_index = {article: i for i, article in enumerate(articles)}
    node_index = {node: i for i, node in enumerate(nodes)}
    article_of = np.array([article_index[a] for a, _, _ in mentions])
    node_of = np.array([node_index[n] for _, n, _ in mentions])
    rows_of = [np.flatnonzero(article_of == i) for i in range(len(articles))]
    centres = np.array([vectors[rows].mean(axis=0) for rows in rows_of])
    centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-9)
    found: list[tuple[np.ndarray, ...]] = []  # (x, y, text score) blocks of candidate rows

    def keep(x: np.ndarray, y: np.ndarray, text: np.ndarray, together: np.ndarray) -> None:
        rank = np.round(text + settings.article_weight * together, 4)
        text = np.round(text, 4)
        chosen = ((text >= settings.text_score) | (rank >= settings.combined_score)) & \
            (node_of[x] != node_of[y]) & (article_of[x] != article_of[y])
        found.append((x[chosen], y[chosen], text[chosen], rank[chosen]))

    # Mentions of each article against those of its most similar articles.
    for a, near in _neighbours(centres, settings.neighbours):
        rows_a = rows_of[a]
        rows_b = np.concatenate([rows_of[b] for b in near])
        scores = vectors[rows_a] @ vectors[rows_b].T
        together = centres[article_of[rows_b]] @ centres[a]  # per column
        least = np.minimum(settings.text_score,
                           settings.combined_score - settings.article_weight * together)
        i, j = np.nonzero(scores >= least - 1e-6)
        keep(rows_a[i], rows_b[j], scores[i, j], together[j])
    # Mentions sharing a rare word, whatever their articles.
    x, y = _word_pairs(mentions, settings.max_word_df)
    if len(x):
        text = np.einsum("ij,ij->i", vectors[x], vectors[y])
        close = text >= settings.text_score - 1e-6
        x, y, text = x[close], y[close], text[close]
        keep(x, y, text, np.einsum("ij,ij->i", centres[article_of[x]], centres[article_of[y]]))
    return _strongest(found, nodes, node_of, settings)


def _neighbours(centres: np.ndarray, neighbours: int):
    """(a, the indexes of its `neighbours` most similar articles) for every article,
    computed in blocks so memory stays bounded."""
    count = len(centres)
    take = min(neighbours, count - 1)
    if take <= 0:
        return
    for start in range(0, count, 1024):
        block = centres[start:start + 1024] @ centres.T
        for offset, row in enumerate(block):
            row[start + offset] = -2.0
            yield start + offset, np.sort(np.argpartition(-row, take - 1)[:take])


def _word_pairs(mentions: list[tuple[str, str, str]], max_df: int
                ) -> tuple[np.ndarray, np.ndarray]:
    """Rows of mentions whose names share a content word used by at most `max_df`
    mentions (an inverted index: never every pair)."""
    index: dict[str, list[int]] = defaultdict(list)
    for row, (_, _, text) in enumerate(mentions):
        name = text.split(". ", 1)[0]
        for word in set(words_of(name)):
            index[word].append(row)
    xs, ys = [], []
    for rows in index.values():
        if 2 <= len(rows) <= max_df:
            rows = np.array(rows)
            i, j = np.triu_indices(len(rows), 1)
            xs.append(rows[i])
            ys.append(rows[j])
    if not xs:
        return np.array([], int), np.array([], int)
    return np.concatenate(xs), np.concatenate(ys)


def _strongest(found, nodes: list[str], node_of: np.ndarray, settings: Settings
               ) -> list[RelatedLink]:
    """The best evidence per pair of entities, then each entity's `max_links` strongest
    links (a link stays when either end keeps it)."""
    if not found:
        return []
    x = np.concatenate([f[0] for f in found])
    y = np.concatenate([f[1] for f in found])
    text = np.concatenate([f[2] for f in found])
    rank = np.concatenate([f[3] for f in found])
    a, b = node_of[x], node_of[y]
    first, second = np.minimum(a, b), np.maximum(a, b)
    # Best first: highest rank, then highest text score; one row per pair of entities.
    order = np.lexsort((-text, -rank, second, first))
    first, second, text, rank = first[order], second[order], text[order], rank[order]
    unique = np.ones(len(first), bool)
    unique[1:] = (first[1:] != first[:-1]) | (second[1:] != second[:-1])
    pairs = list(zip(first[unique].tolist(), second[unique].tolist(), text[unique].tolist(),
                     rank[unique].tolist()))
    by_node: dict[int, list[tuple[float, str, int]]] = defaultdict(list)
    for n, (p, q, _, r) in enumerate(pairs):
        by_node[p].append((-r, nodes[q], n))
        by_node[q].append((-r, nodes[p], n))
    kept: set[int] = set()
    for candidates in by_node.values():
        kept.update(n for _, _, n in sorted(candidates)[:settings.max_links])
    links = []
    for n in kept:
        p, q, score, _ = pairs[n]
        method = "texts" if score >= settings.text_score else "texts+articles"
        links.append(RelatedLink(nodes[p], nodes[q], min(max(score, 0.0), 1.0), method))
    return sorted(links, key=lambda link: (link.first, link.second))


def trend_groups(links: list[RelatedLink], articles_of: dict[str, set[str]],
                 settings: Settings = Settings(), members: Callable[[str], bool] | None = None,
                 seed: int = 7) -> list[list[str]]:
    """Groups of related entities named by at least `min_trend_articles` articles:
    Louvain communities of the graph of close texts (links of method "texts") among
    the entities `members` accepts (signals, concerns, technologies...: keywords and
    themes are tags, not phenomena), split again while larger than `max_trend`; each
    group's members most central first (weighted degree, then IRI)."""
    import networkx as nx

    # Louvain keeps communities in sets: with string nodes their order (and so the
    # result) would change with Python's hash seed; integer nodes hash to themselves.
    chosen = sorted({link.first for link in links} | {link.second for link in links})
    number = {node: n for n, node in enumerate(chosen)}
    graph = nx.Graph()
    for link in sorted(links, key=lambda found: (found.first, found.second)):
        if link.method == "texts" and (members is None or (members(link.first)
                                                           and members(link.second))):
            graph.add_edge(number[link.first], number[link.second], weight=link.score)
    max_trend = settings.max_trend
    groups: list[list[str]] = []
    pending = [sorted(graph.nodes)]
    resolution = 1.0
    while pending:
        nodes = pending.pop(0)
        sub = graph.subgraph(nodes)
        for community in nx.community.louvain_communities(sub, weight="weight",
                                                          resolution=resolution, seed=seed):
            members_of = sorted(community)
            if len(members_of) > max_trend and len(members_of) < len(nodes):
                pending.append(members_of)
            elif len(members_of) >= 2:
                degree = dict(sub.subgraph(members_of).degree(weight="weight"))
                group = sorted(members_of, key=lambda n: (-round(degree[n], 4), chosen[n]))
                group = [chosen[n] for n in group]
                named_by = set().union(*(articles_of.get(m, set()) for m in group))
                if len(named_by) >= settings.min_trend_articles:
                    groups.append(group)
        resolution *= 1.5
    return sorted(groups, key=lambda g: (-len(g), g[0]))
