"""Related: link entities of different articles that are about the same specific
phenomenon, and group them into trends.

Machine-written summaries name one phenomenon differently in every article
("Technological Dependence" / "Reliance on Technology"), so after resolution
most entities are still named by one article only. Each entity's mention is
read as a short text (its name and what its article says of it,
kg.model.describe) and
compared with the mentions of other articles in three steps:

1. candidates: each mention's `per_mention` closest texts (at least
   `least_text` alike) in the `neighbours` articles most similar to its own, and
   mentions sharing a rare content word whatever their articles;
2. a score: the probability that the pair is related, from a logistic model
   over a few plain measures (`FEATURES`: static-embedding similarity of texts
   and of names, TF-IDF similarity of their words, similarity of the two
   articles, how specific the broader name is, whether one end is a tag). The
   weights are data (kg/models/related-weights.json), fitted by
   bench/related_train.py on the `tune` rows of the labelled pairs only;
3. links: once the corpus' joins are known (steps 1 and 2 need none: `scored_pairs`
   reads entity keys, and a build runs them meanwhile; `strongest_links` takes the
   joins), pairs of nodes scoring at least `min_score` (or their kinds'
   `related_score`, when higher: a link to a theme asks 0.6) that are among the `max_links`
   strongest of both their entities (hubness: a broad "AI ethics" cannot collect
   hundreds). Two tags (keywords, themes) are never related: a tag shared by
   articles is already one node, and tags that differ are mostly fields
   ("sustainability" / "environmental sustainability"). Nor are two nodes of one key
   (one concept in two types: skos:exactMatch already).

Related is weaker than same: related entities stay two nodes. Trends are
communities (igraph's Louvain, seeded) of the related links among signals,
concerns, technologies, behaviors, issues and driving forces, split (at a higher
resolution per depth) until each is at most `max_trend` entities, kept when it
has at least `min_trend` entities and `min_trend_articles` articles name them.

Deterministic: every score is rounded before it is compared, ties are broken by
IRI, Louvain runs with a seeded generator on a graph of integers built in sorted order.

>>> texts = [("a1", "t/deepfake", "Deepfake videos. AI-made videos that fake real people."),
...          ("a2", "c/fakes", "Deepfake misinformation. Realistic fake videos spread lies."),
...          ("a3", "t/solar", "Solar roof tiles. Roof tiles that make electricity."),
...          ("a4", "c/heat", "Urban heat islands. Cities grow hotter than the countryside."),
...          ("a5", "s/farms", "Vertical farms. Crops grown indoors in stacked trays.")]
>>> [(link.first, link.second) for link in related_links(texts)]
[('c/fakes', 't/deepfake')]
"""

from __future__ import annotations

import importlib.abc
import json
import os
import random
import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
import orjson

from .embed import BLOCK_ROWS, Encoder, count_matrix, encoder_for
from .errors import InputError
from .memory import release_free_memory
from .model import RelatedLink, as_sentence, name_of
from .resolve import lemma, lexicon

__all__ = ["Settings", "Weights", "MentionTable", "TextVectors", "embed_texts",
           "specific_texts", "FEATURES", "ScoredPairs", "scored_pairs", "strongest_links",
           "related_links",
           "candidate_pairs", "trend_groups", "words_of", "GENERIC_WORDS"]


@dataclass(frozen=True)
class Settings:
    """How related links and trends are chosen (measured on tests/data/related-pairs.csv
    and tests/data/related-links-sample.csv with bench/related_eval.py; see the README)."""

    min_score: float = 0.5  # the model's probability that a pair is related, at least
    max_links: int = 5  # strongest links kept per entity (mutual)
    neighbours: int = 20  # similar articles each article is compared with
    per_mention: int = 10  # closest texts of each mention in those articles, scored
    least_text: float = 0.25  # candidates from similar articles: texts at least this alike
    max_word_df: int = 50  # a word in more mentions than this proposes no candidates
    max_trend: int = 25  # entities in a trend, at most
    min_trend_articles: int = 2  # articles naming a trend's members, at least
    min_trend: int = 3  # entities in a trend, at least (two are a link, not a trend)
    # Texts linked in one build, at most (memory: about 2 KB each); a larger archive has
    # its most recent articles linked, and the build says so.
    max_mentions: int = 300_000
    # Texts of one article linked, at most (an article of summaries has 30 to 100; the
    # products with its neighbours' texts grow with the count).
    max_article_texts: int = 1_000
    enabled: bool = True
    encoder: str | None = None  # kg.embed.encoder_for: None for the shipped static one
    weights: str | None = None  # a weights file of bench/related_train.py; None: shipped


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
    content, adjective_nouns = _CONTENT, lexicon().adjective_nouns
    found = []
    for word in _WORD_RE.findall(text.lower()):
        kept = content.get(word)
        if kept is None:
            kept = "" if word in _STOP_WORDS or word in GENERIC_WORDS else lemma(word)
            kept = adjective_nouns.get(kept, kept)  # ("electoral" is "election")
            kept = content[word] = "" if kept in GENERIC_WORDS else kept
        if kept:
            found.append(kept)
    return found


_CONTENT: dict[str, str] = {}  # word -> its lemma, "" when it says nothing (a memo)


# The measures the model weighs, in the order of the weights file.
FEATURES = ("text", "name", "text_words", "name_words", "articles", "specific", "one_tag",
            "text_x_articles")


@dataclass(frozen=True)
class Weights:
    """A logistic model over FEATURES (data: read from JSON, never code)."""

    coefficients: tuple[float, ...]
    intercept: float
    note: str = ""

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Weights":
        if path is None:
            text = resources.files("kg").joinpath("models", "related-weights.json") \
                .read_text(encoding="utf-8")
        else:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except OSError as err:
                raise InputError(f"{path}: cannot read the related-links weights "
                                 f"({err.strerror})") from None
        try:
            data = orjson.loads(text)  # (a depth limit: no RecursionError)
            if list(data["features"]) != list(FEATURES):
                raise ValueError(f"features {data['features']} are not {list(FEATURES)}")
            weights = cls(tuple(float(c) for c in data["coefficients"]),
                          float(data["intercept"]), str(data.get("note", "")))
            if len(weights.coefficients) != len(FEATURES):
                raise ValueError("one coefficient per feature")
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(f"{path or 'related-weights.json'}: not a weights file of "
                             f"bench/related_train.py ({err})") from None
        return weights

    def to_json(self) -> str:
        return json.dumps({"features": list(FEATURES), "coefficients": list(self.coefficients),
                           "intercept": self.intercept, "note": self.note}, indent=2) + "\n"

    def score(self, features: np.ndarray) -> np.ndarray:
        """Probabilities, rounded to four places (so comparisons are stable)."""
        z = features @ np.array(self.coefficients) + self.intercept
        return np.round(1.0 / (1.0 + np.exp(-z)), 4)


@dataclass
class TextVectors:
    """Texts and their names as an encoder embeds them, each once, in sorted order: made
    before the corpus' joins are known (a build does it while they are computed), and
    the same whatever else is embedded beside them."""

    texts: list[str]  # distinct, sorted
    row_of: dict[str, int]
    text_vectors: np.ndarray  # the encoder's, a row per text (MentionTable centres them in place)
    names: list[str]
    name_of_text: np.ndarray  # each text's name, as its row in `names`
    name_vectors: np.ndarray


def embed_texts(texts: Iterable[str], encoder: Encoder) -> TextVectors:
    """The TextVectors of `texts` (repeats are embedded once).

    >>> vectors = embed_texts(["b\\nsecond", "a\\nfirst", "b\\nsecond"], encoder_for(None))
    >>> vectors.texts, vectors.names, vectors.text_vectors.shape[0]
    (['a\\nfirst', 'b\\nsecond'], ['a', 'b'], 2)
    """
    distinct = sorted(set(texts))
    names, name_of_text, _ = _distinct(name_of(text) for text in distinct)
    return TextVectors(distinct, {text: row for row, text in enumerate(distinct)},
                       encoder.encode([as_sentence(text) for text in distinct]), names,
                       name_of_text, encoder.encode(names))


def specific_texts(texts: Iterable[str]) -> set[str]:
    """The texts whose names hold a word that is not generic ("technology", "AI" and
    "innovation" name no specific phenomenon: linked, they would link to everything)."""
    return {text for text in set(texts) if words_of(name_of(text))}


class MentionTable:
    """The mentions of a corpus as vectors: each text and name embedded (centred on the
    corpus' mean: what every text shares says nothing) and as TF-IDF word vectors; each
    article as the mean of its texts; each name's specificity (its rarest word's IDF).
    Embeddings are kept once per distinct text (`text_vectors[text_row[i]]` is row i's)
    and name: a tag named by fifty articles, or an article kept in several renderings,
    repeats its texts. `vectors` are the texts' embeddings when made ahead (exactly the
    mentions' texts; used up: centred in place)."""

    def __init__(self, mentions: list[tuple[str, str, str]], tags: Iterable[bool],
                 encoder: Encoder | None, vectors: TextVectors | None = None):
        self.mentions = mentions
        self.tag = np.fromiter(tags, bool, len(mentions))
        if vectors is None:
            vectors = embed_texts((text for _, _, text in mentions), encoder)
        texts, row_of = vectors.texts, vectors.row_of
        self.text_row = np.fromiter((row_of[text] for _, _, text in mentions), np.int64,
                                    len(mentions))
        text_count = np.bincount(self.text_row, minlength=len(texts))
        self.name_row = vectors.name_of_text[self.text_row]
        text_row = self.text_row
        self.text_vectors = _centred(vectors.text_vectors, text_count)
        # (names only meet in features, a gather of float16 rows there is cheap)
        self.name_vectors = _centred(vectors.name_vectors,
                                     np.bincount(self.name_row, minlength=len(vectors.names)),
                                     float32_rows=0)
        # (used up: the encoder's float32 rows go now, not when the caller lets the
        # TextVectors go; at 100,000 documents, half a gigabyte through the stage)
        vectors.text_vectors, vectors.name_vectors = self.text_vectors, self.name_vectors
        text_words, name_words, idf = _tf_idf(texts, text_count)
        self.text_words, self.name_words = text_words[text_row], name_words[text_row]
        best = np.zeros(len(mentions))
        coo = self.name_words.tocoo()
        np.maximum.at(best, coo.row, idf[coo.col])
        self.specific = best / max(float(idf.max(initial=1.0)), 1.0)
        self.articles = sorted({article for article, _, _ in mentions})
        article_index = {article: i for i, article in enumerate(self.articles)}
        self.nodes = sorted({node for _, node, _ in mentions})
        node_index = {node: i for i, node in enumerate(self.nodes)}
        self.article_of = np.array([article_index[a] for a, _, _ in mentions], dtype=np.int64)
        self.node_of = np.array([node_index[n] for _, n, _ in mentions], dtype=np.int64)
        # two nodes of one key are one concept in two types (skos:exactMatch), which a
        # related link would only repeat
        self.key_of = _key_numbers(self.nodes)[self.node_of]
        order = np.argsort(self.article_of, kind="stable")
        bounds = np.searchsorted(self.article_of[order], np.arange(1, len(self.articles)))
        self.rows_of = np.split(order, bounds)  # each article's rows
        self.centres = _unit(np.array([self.text_vectors[text_row[rows]].mean(
            axis=0, dtype=np.float64) for rows in self.rows_of]))

    def features(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """FEATURES of the pairs of rows (x[i], y[i]), one row each."""
        def dot(vectors: np.ndarray, row: np.ndarray) -> np.ndarray:
            return np.einsum("ij,ij->i", vectors[row[x]].astype(np.float32, copy=False),
                             vectors[row[y]].astype(np.float32, copy=False), dtype=np.float64)

        text, name = dot(self.text_vectors, self.text_row), dot(self.name_vectors, self.name_row)
        text_words = np.asarray(self.text_words[x].multiply(self.text_words[y]).sum(axis=1))
        name_words = np.asarray(self.name_words[x].multiply(self.name_words[y]).sum(axis=1))
        # (each pair of articles once: a chunk's pairs come from few pairs of articles)
        count = len(self.articles)
        both, pair = np.unique(self.article_of[x] * count + self.article_of[y],
                               return_inverse=True)
        articles = np.einsum("ij,ij->i", self.centres[both // count],
                             self.centres[both % count])[pair.ravel()]
        specific = np.minimum(self.specific[x], self.specific[y])
        one_tag = (self.tag[x] != self.tag[y]).astype(np.float64)
        return np.column_stack([text, name, text_words.ravel(), name_words.ravel(), articles,
                                specific, one_tag, text * articles])


def _key_numbers(nodes: list[str]) -> np.ndarray:
    """A number per node IRI for its key (the IRI's last segment), one per key.

    >>> _key_numbers(["c/ai_ethics", "s/ai_ethics", "s/deepfake"]).tolist()
    [0, 0, 1]
    """
    keys: dict[str, int] = {}
    return np.array([keys.setdefault(node[node.rfind("/") + 1:], len(keys)) for node in nodes],
                    dtype=np.int64)


def _distinct(items: Iterable[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The distinct items in first-seen order, each item's index among them, and how
    often each occurs.

    >>> _distinct(["b", "a", "b"])
    (['b', 'a'], array([0, 1, 0]), array([2, 1]))
    """
    index: dict[str, int] = {}
    rows = np.fromiter((index.setdefault(item, len(index)) for item in items), np.int64)
    return list(index), rows, np.bincount(rows, minlength=len(index))


def _tf_idf(texts: list[str], counts: np.ndarray):
    """Word vectors of distinct texts and of their names (content words, sublinear
    counts, smoothed IDF over the mentions, each text counted `counts` times; unit
    length), as scikit-learn's TfidfVectorizer makes them; made here with scipy because
    importing scikit-learn takes longer than a small build. Each text starts with its
    name (kg.model.describe), so names are read once.

    >>> texts, names, idf = _tf_idf(["solar tiles\\ntiles on roofs", "solar farms"],
    ...                             np.array([1, 1]))
    >>> round(float(names[0].multiply(names[1]).sum()), 3)
    0.336
    """
    import scipy.sparse as sp

    vocabulary: dict[str, int] = {}
    number = vocabulary.setdefault
    name_ids, text_ids = [], []
    for text in texts:
        name = name_of(text)
        ids = [number(word, len(vocabulary)) for word in words_of(name)]
        name_ids.append(ids)
        text_ids.append(ids + [number(word, len(vocabulary))
                               for word in words_of(text[len(name):])])
    size = len(vocabulary)

    def sublinear(rows_ids: list[list[int]]):
        matrix, _ = count_matrix(rows_ids, size, np.float64)
        matrix.data = 1.0 + np.log(matrix.data)
        return matrix

    text_counts, name_counts = sublinear(text_ids), sublinear(name_ids)
    document_frequency = np.bincount(text_counts.indices, minlength=size,
                                     weights=np.repeat(counts, np.diff(text_counts.indptr)))
    idf = np.log((1 + int(counts.sum())) / (1 + document_frequency)) + 1.0

    def weighted(matrix):
        matrix = matrix.multiply(idf[None, :]).tocsr()
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        return (sp.diags(1.0 / np.maximum(norms, 1e-12)) @ matrix).tocsr()

    return weighted(text_counts), weighted(name_counts), idf


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, np.float64)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


# Up to this many texts, their vectors are kept as float32 (holding float16's values):
# converting float16 rows for every product took a third of the related stage. Above
# it, as float16: half the memory (the 100,000-document archives).
FLOAT32_ROWS = 150_000


def _centred(vectors: np.ndarray, counts: np.ndarray,
             float32_rows: int = FLOAT32_ROWS) -> np.ndarray:
    """Unit vectors centred on their mean (each row counted `counts` times), rounded to
    float16 (a quarter of the memory of float64; products are taken in float32 or
    more); stored as float32 for up to `float32_rows` rows, so the results are the same
    either way."""
    vectors = np.asarray(vectors, np.float32)
    # (einsum sums in float64 without a float64 copy of the vectors, which took 0.4 s)
    mean = np.einsum("i,ij->j", counts.astype(np.float32), vectors,
                     dtype=np.float64) / max(int(counts.sum()), 1)
    vectors -= mean.astype(np.float32)
    # Rounded in place while float32 is kept (memory first touched is slow to get).
    centred = vectors if len(vectors) <= float32_rows else np.empty(vectors.shape, np.float16)
    for start in range(0, len(vectors), BLOCK_ROWS):  # (the norms' squares of all at once: GBs)
        block = vectors[start:start + BLOCK_ROWS]
        norms = np.sqrt(np.einsum("ij,ij->i", block, block))[:, None]
        block /= np.maximum(norms, 1e-9)
        centred[start:start + BLOCK_ROWS] = block.astype(np.float16)
    return centred


@dataclass
class ScoredPairs:
    """The candidate pairs of a corpus' mentions (rows of `table`: `x[i]`, `y[i]`) and
    their scores, those at least their ends' least score: what needs no join of the
    corpus (`strongest_links` takes the joins)."""

    table: MentionTable
    x: np.ndarray
    y: np.ndarray
    score: np.ndarray


def scored_pairs(mentions: Iterable[tuple[str, str, str]], settings: Settings = Settings(),
                 encoder: Encoder | None = None,
                 is_tag: Callable[[str], bool] | None = None,
                 vectors: TextVectors | None = None,
                 least_score: Callable[[str], float] | None = None) -> ScoredPairs | None:
    """The ScoredPairs of `mentions`, (article id, entity IRI, text) triples (an entity
    named by several articles has a mention in each), or None when there is nothing to
    link; `is_tag` says which entity IRIs are tags (keywords, themes); `vectors` are the
    embeddings of the mentions' `specific_texts` when made ahead (`embed_texts`);
    `least_score` gives an entity IRI's least score of a link, where above
    `settings.min_score` (a kind's `related_score`). Both may only read an IRI's kind:
    the IRIs may be keys the corpus joins later.

    >>> texts = [("a1", "t/deepfake", "Deepfake videos. AI-made videos that fake real people."),
    ...          ("a2", "c/fakes", "Deepfake misinformation. Realistic fake videos spread lies."),
    ...          ("a3", "t/solar", "Solar roof tiles. Roof tiles that make electricity."),
    ...          ("a4", "c/heat", "Urban heat islands. Cities grow hotter than the countryside."),
    ...          ("a5", "s/farms", "Vertical farms. Crops grown indoors in stacked trays.")]
    >>> found = scored_pairs(texts)
    >>> [(found.table.mentions[x][1], found.table.mentions[y][1], float(score))
    ...  for x, y, score in zip(found.x, found.y, found.score)]
    [('t/deepfake', 'c/fakes', 0.6411)]
    """
    # A name of generic words only ("technology", "AI", "innovation") names no specific
    # phenomenon: such an entity is linked to nothing (it would link to everything).
    from threadpoolctl import threadpool_limits

    mentions = set(mentions)
    if vectors is None:  # (else the texts were chosen when they were embedded)
        specific = specific_texts(text for _, _, text in mentions)
        mentions = {m for m in mentions if m[2] in specific}
    # (by article, then text: in an article a text is one key's (in one kind or more),
    # so no join of the keys reorders the rows, whose order breaks ties between texts
    # scoring alike)
    mentions = sorted(mentions, key=lambda mention: (mention[0], mention[2], mention[1]))
    if len(mentions) < 2 or not settings.enabled:
        return None
    # One BLAS thread: the products here are many and small, and BLAS threads that spin
    # while the machine is busy made them fifty times slower (bench/run.py measures).
    with threadpool_limits(limits=1, user_api="blas"):
        if vectors is None:
            encoder = encoder or encoder_for(settings.encoder)
        table = MentionTable(mentions, (bool(is_tag and is_tag(node))
                                        for _, node, _ in mentions), encoder, vectors)
        # (what each step made and dropped, back to the system before the next: at
        # 100,000 documents 90 MB, then 140 MB, of the scores' peak)
        release_free_memory()
        x, y = candidate_pairs(table, settings)
        release_free_memory()
        weights = Weights.load(settings.weights)
        # each row's least score of a link (its entity's, or the build's)
        least = np.maximum(np.array([least_score(node) for node in table.nodes]),
                           settings.min_score)[table.node_of] if least_score is not None \
            else np.full(len(mentions), settings.min_score)

        def scored(start: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            cx, cy = x[start:start + _CHUNK], y[start:start + _CHUNK]
            score = weights.score(table.features(cx, cy))
            keep = score >= np.maximum(least[cx], least[cy])
            return cx[keep], cy[keep], score[keep]

        chosen: tuple[list, list, list] = ([], [], [])
        # features of a chunk of pairs at a time, in order
        for values in _in_threads(scored, range(0, len(x), _CHUNK)):
            for found, value in zip(chosen, values):
                found.append(value)
    empty = np.array([], np.int64)
    x, y, score = (np.concatenate(found) if found else empty for found in chosen)
    return ScoredPairs(table, x, y, score)


def strongest_links(scored: ScoredPairs | None, settings: Settings = Settings(),
                    node_of: Callable[[str], str] | None = None) -> list[RelatedLink]:
    """The related links of `scored`, each mention's entity IRI as `node_of` gives it
    (the node the corpus joined its key into; by default itself): the best score per
    pair of entities, then each entity's `max_links` strongest. Two mentions of one
    node, or of one key in two types (one concept: skos:exactMatch already), are no
    link.

    >>> texts = [("a1", "t/deepfake", "Deepfake videos. AI-made videos that fake real people."),
    ...          ("a2", "c/fakes", "Deepfake misinformation. Realistic fake videos spread lies."),
    ...          ("a3", "t/solar", "Solar roof tiles. Roof tiles that make electricity."),
    ...          ("a4", "c/heat", "Urban heat islands. Cities grow hotter than the countryside."),
    ...          ("a5", "s/farms", "Vertical farms. Crops grown indoors in stacked trays.")]
    >>> [(link.first, link.second) for link in strongest_links(scored_pairs(texts))]
    [('c/fakes', 't/deepfake')]
    >>> joined = {"t/deepfake": "c/fakes"}  # (the corpus joined the two: one node)
    >>> strongest_links(scored_pairs(texts), node_of=lambda iri: joined.get(iri, iri))
    []
    """
    if scored is None or not len(scored.x):
        return []
    table, x, y = scored.table, scored.x, scored.y
    if node_of is None:
        nodes, row_node = table.nodes, table.node_of
    else:
        joined = [node_of(node) for node in table.nodes]
        nodes = sorted(set(joined))
        index = {node: n for n, node in enumerate(nodes)}
        row_node = np.array([index[node] for node in joined], dtype=np.int64)[table.node_of]
    key_of = _key_numbers(nodes)[row_node]
    keep = key_of[x] != key_of[y]  # (one node, or one concept in two types, since scored)
    return _strongest(row_node[x[keep]], row_node[y[keep]], scored.score[keep], nodes,
                      settings)


def related_links(mentions: Iterable[tuple[str, str, str]], settings: Settings = Settings(),
                  encoder: Encoder | None = None,
                  is_tag: Callable[[str], bool] | None = None,
                  vectors: TextVectors | None = None,
                  least_score: Callable[[str], float] | None = None) -> list[RelatedLink]:
    """Related links between the entities of `mentions` (`scored_pairs`, then
    `strongest_links`: the entity IRIs are the nodes).

    >>> texts = [("a1", "t/deepfake", "Deepfake videos. AI-made videos that fake real people."),
    ...          ("a2", "c/fakes", "Deepfake misinformation. Realistic fake videos spread lies."),
    ...          ("a3", "t/solar", "Solar roof tiles. Roof tiles that make electricity."),
    ...          ("a4", "c/heat", "Urban heat islands. Cities grow hotter than the countryside."),
    ...          ("a5", "s/farms", "Vertical farms. Crops grown indoors in stacked trays.")]
    >>> [(link.first, link.second, link.score) for link in related_links(texts)]
    [('c/fakes', 't/deepfake', 0.6411)]
    >>> related_links(texts, least_score=lambda node: 0.7 if node.startswith("c/") else 0.0)
    []
    """
    return strongest_links(scored_pairs(mentions, settings, encoder, is_tag, vectors,
                                        least_score), settings)


_CHUNK = 1 << 14  # pairs whose features are computed together (memory: ~40 MB)
_BLOCK_SCORES = 1 << 20  # text similarities computed together in `candidate_pairs` (~12 MB)


def _in_threads(function: Callable, items: Iterable) -> list:
    """[function(item) for item in items], on a thread per core (up to two: numpy and
    scipy let go of the GIL in the products, which are most of the work)."""
    workers = min(2, os.cpu_count() or 1)
    if workers == 1:
        return [function(item) for item in items]
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(function, items))


def candidate_pairs(table: MentionTable, settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of rows (x < y) worth scoring: different articles, entities of different
    keys (one key in two types is one concept already), not two tags; for each
    mention, its `per_mention` closest texts (at least `least_text` alike) in the most
    similar articles, and mentions sharing a rare word. Never every pair: each article
    meets its `neighbours` most similar, words index the rest."""
    vectors, text_row = table.text_vectors, table.text_row
    take = settings.per_mention

    def closest(job: tuple[int, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        a, near = job
        rows_b = np.concatenate([table.rows_of[b] for b in near])
        theirs = vectors[text_row[rows_b]].astype(np.float32, copy=False).T
        rows_b = rows_b.astype(np.int32)  # (half the memory)
        found_x, found_y = [], []
        # (a block of rows at a time: each row's closest are its own, and the scores of a
        # large article against its neighbours' stay a few MB)
        step = max(1, _BLOCK_SCORES // max(len(rows_b), 1))
        for start in range(0, len(table.rows_of[a]), step):
            rows_a = table.rows_of[a][start:start + step]
            scores = vectors[text_row[rows_a]].astype(np.float32, copy=False) @ theirs
            if scores.shape[1] > take:  # each mention's closest, not all of them
                best = np.argpartition(-scores, take - 1, axis=1)[:, :take]
            else:
                best = np.broadcast_to(np.arange(scores.shape[1]), scores.shape)
            close = np.take_along_axis(scores, best, axis=1) >= settings.least_text
            found_x.append(np.repeat(rows_a.astype(np.int32), best.shape[1])
                           .reshape(best.shape)[close])
            found_y.append(rows_b[best[close]])
        return np.concatenate(found_x), np.concatenate(found_y)

    found = _in_threads(closest, _neighbours(table.centres, settings.neighbours))
    blocks_x, blocks_y = [bx for bx, _ in found], [by for _, by in found]
    x, y = _word_pairs(table, settings.max_word_df)
    blocks_x.append(x)
    blocks_y.append(y)
    x, y = np.concatenate(blocks_x), np.concatenate(blocks_y)
    x, y = np.minimum(x, y), np.maximum(x, y)
    keep = (table.article_of[x] != table.article_of[y]) & \
        (table.key_of[x] != table.key_of[y]) & ~(table.tag[x] & table.tag[y])
    pairs = np.unique(x[keep].astype(np.int64) * len(table.mentions) + y[keep])
    return pairs // len(table.mentions), pairs % len(table.mentions)


def _neighbours(centres: np.ndarray, neighbours: int):
    """(a, the indexes of its `neighbours` most similar articles) for every article,
    computed in blocks so memory stays bounded."""
    count = len(centres)
    take = min(neighbours, count - 1)
    if take <= 0:
        return
    for start in range(0, count, 256):
        block = centres[start:start + 256] @ centres.T
        rows = np.arange(len(block))
        block[rows, start + rows] = -2.0  # not itself
        nearest = np.sort(np.argpartition(-block, take - 1, axis=1)[:, :take], axis=1)
        yield from zip(range(start, start + len(block)), nearest)


def _word_pairs(table: MentionTable, max_df: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows of mentions whose names share a content word used by at most `max_df`
    mentions (an inverted index over the TF-IDF columns)."""
    by_word = table.name_words.tocsc()
    xs, ys = [np.array([], np.int32)], [np.array([], np.int32)]
    for word in range(by_word.shape[1]):
        rows = by_word.indices[by_word.indptr[word]:by_word.indptr[word + 1]]
        if 2 <= len(rows) <= max_df:
            i, j = np.triu_indices(len(rows), 1)
            xs.append(rows[i].astype(np.int32))
            ys.append(rows[j].astype(np.int32))
    return np.concatenate(xs), np.concatenate(ys)


def _strongest(a: np.ndarray, b: np.ndarray, score: np.ndarray, nodes: list[str],
               settings: Settings) -> list[RelatedLink]:
    """The best score per pair of entities (`a[i]`, `b[i]`: indexes in `nodes`, sorted
    IRIs), then each entity's `max_links` strongest links (a link stays when both ends
    keep it)."""
    first, second = np.minimum(a, b), np.maximum(a, b)
    order = np.lexsort((-score, second, first))  # best first within each pair
    first, second, score = first[order], second[order], score[order]
    unique = np.ones(len(first), bool)
    unique[1:] = (first[1:] != first[:-1]) | (second[1:] != second[:-1])
    first, second, score = first[unique], second[unique], score[unique]
    # Each entity's `max_links` strongest (ties by the other end's IRI, which node
    # numbers follow: they are sorted IRIs); a link is kept when both ends keep it.
    ends = np.concatenate([first, second])
    others = np.concatenate([second, first])
    pair = np.concatenate([np.arange(len(first))] * 2)
    order = np.lexsort((others, -np.concatenate([score, score]), ends))
    ends, pair = ends[order], pair[order]
    starts = np.flatnonzero(np.r_[True, ends[1:] != ends[:-1]])
    rank = np.arange(len(ends)) - np.repeat(starts, np.diff(np.r_[starts, len(ends)]))
    votes = np.bincount(pair[rank < settings.max_links], minlength=len(first))
    kept = np.flatnonzero(votes == 2)
    method = "logistic:" + (settings.encoder or "static-minilm")
    return [RelatedLink(nodes[p], nodes[q], min(max(float(s), 0.0), 1.0), method)
            for p, q, s in zip(first[kept].tolist(), second[kept].tolist(),
                               score[kept].tolist())]


class _NoDrawing(importlib.abc.MetaPathFinder):
    """Refuses matplotlib while igraph is imported: igraph imports matplotlib.pyplot for
    drawing, which kg never asks of it (0.7 s of every build); igraph carries on
    without it. Only installed while matplotlib is not loaded at all (igraph would
    fail on a half-refused matplotlib)."""

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "matplotlib":
            raise ImportError(f"{name} is not needed by kg's use of igraph")
        return None


_IGRAPH_LOCK = threading.Lock()


def _igraph():
    """The igraph module, imported without its drawing back-ends when matplotlib is not
    loaded yet (else as it is); one thread at a time."""
    with _IGRAPH_LOCK:
        if "igraph" not in sys.modules and "matplotlib" not in sys.modules:
            blocker = _NoDrawing()
            sys.meta_path.insert(0, blocker)
            try:
                import igraph  # noqa: F401
            except ImportError:  # a future igraph that needs matplotlib: import it plainly
                for name in [n for n in sys.modules if n.partition(".")[0] == "igraph"]:
                    del sys.modules[name]
            finally:
                sys.meta_path.remove(blocker)
        import igraph
    return igraph


def trend_groups(links: list[RelatedLink], articles_of: dict[str, set[str]],
                 settings: Settings = Settings(), members: Callable[[str], bool] | None = None,
                 seed: int = 7) -> list[list[str]]:
    """Groups of related entities named by at least `min_trend_articles` articles:
    Louvain communities of the related-links graph among the entities `members` accepts
    (signals, concerns, technologies...: keywords and themes are tags, not phenomena),
    split again while larger than `max_trend`, kept from `min_trend` entities; each
    group's members most central first (weighted degree, then IRI).

    >>> links = [RelatedLink("c/a", "c/b", 0.9, "m"), RelatedLink("c/b", "c/c", 0.8, "m")]
    >>> trend_groups(links, {"c/a": {"1"}, "c/b": {"2"}, "c/c": {"3"}})
    [['c/b', 'c/a', 'c/c']]
    """
    igraph = _igraph()
    chosen = sorted({link.first for link in links} | {link.second for link in links})
    number = {node: n for n, node in enumerate(chosen)}
    kept = [link for link in sorted(links, key=lambda found: (found.first, found.second))
            if members is None or (members(link.first) and members(link.second))]
    graph = igraph.Graph(n=len(chosen), edges=[(number[link.first], number[link.second])
                                               for link in kept])
    graph.es["weight"] = [link.score for link in kept]
    graph.vs["node"] = range(len(chosen))
    graph.delete_vertices([v.index for v in graph.vs if v.degree() == 0])
    groups: list[list[str]] = []
    # igraph's Louvain (C, fast at a million links) draws its vertex order from the
    # random number generator we give it: seeded, so every build splits alike.
    igraph.set_random_number_generator(random.Random(seed))
    try:
        # A community too large is split again at a higher resolution (a step per depth).
        pending = [(graph, 1.0)]
        while pending:
            sub, resolution = pending.pop(0)
            for community in sub.community_multilevel(weights="weight", resolution=resolution):
                if settings.max_trend < len(community) < sub.vcount():
                    pending.append((sub.induced_subgraph(community), resolution * 1.5))
                elif len(community) >= settings.min_trend:
                    part = sub.induced_subgraph(community)
                    strength = part.strength(weights="weight")
                    group = [chosen[n] for _, n in sorted(
                        zip(strength, part.vs["node"]), key=lambda s: (-round(s[0], 4), chosen[s[1]]))]
                    named_by = set().union(*(articles_of.get(m, set()) for m in group))
                    if len(named_by) >= settings.min_trend_articles:
                        groups.append(group)
    finally:
        igraph.set_random_number_generator(random)
    return sorted(groups, key=lambda g: (-len(g), g[0]))
