"""The explorer's data: an index of every node and link of a graph, the view the page
opens on (chosen and laid out here, with a fixed seed), and each article's details.

Two sources give the same index, so `kg build`'s page equals `kg view` of its
graph.ttl: a networkx graph (`index_from_networkx`, from `Graph.to_networkx()`) and a
build's article parts (`index_from_parts`, which never reads graph.ttl back and holds
one chunk of article texts at a time).

Nodes are numbered articles first, then entities, then trends, each in IRI order;
edges are arrays of numbers (source, target, relation, relevancy). The page carries
the index compressed (labels, types, dates, links: ~1 MB for 3,000 articles) and the
articles' texts (summary; each mention's description, change, 10-year outlook and
relevancy) in compressed chunks of `CHUNK` articles that it opens on demand.

`select` narrows the index the way `kg view`'s options say (date range, types, focus
and depth, minimum links, at most `max_nodes`); `layout` places the chosen nodes
(networkx spring layout started from Louvain communities, fixed seed). The page's
script mirrors `select` for the views a person picks there.
"""

from __future__ import annotations

import base64
import bz2
import json
import math
import os
import random
import tempfile
import zlib
from array import array
from collections import defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import networkx as nx
import numpy as np

from . import vocab as V
from .errors import InputError
from .identity import identity_key
from .kinds import KINDS, EntityKind, KindTable
from .parts import ArticlePart, SharedNodes, article_head, most_common
from .rdf import article_iri, iri_segment
from .resolve import resolution_key

__all__ = ["GraphIndex", "index_from_networkx", "index_from_parts", "select", "layout",
           "find_nodes", "node_types", "CHUNK", "decode_blob", "encode_blob"]

CHUNK = 128  # articles per compressed chunk of texts (bigger chunks compress better)
# Relations that are not an entity's own link to another entity named in its row
# (a signal's driving force): they do not carry a date range over.
_NOT_ROW_LINKS = frozenset({"closestTo", "related", "exactMatch", "member", "trendArticle"})


def encode_blob(value) -> str:
    """JSON, deflated (zlib), in base64: how the page carries its index and texts.

    >>> decode_blob(encode_blob({"a": [1, "é"]}))
    {'a': [1, 'é']}
    """
    return _deflate(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _deflate(data: bytes) -> str:
    # level 6: within 1% of 9's size, in half the time
    return base64.b64encode(zlib.compress(data, 6)).decode("ascii")


def _bzip2(data: bytes) -> str:
    """How the page carries articles' texts: bzip2 is a quarter (real summaries) to two
    fifths (the synthetic corpus) smaller than deflate on prose; the page opens it with
    the seek-bzip it embeds (30 ms a chunk), the index stays deflated for a fast load."""
    return base64.b64encode(bz2.compress(data, 9)).decode("ascii")


def decode_blob(blob: str):
    """The value of `encode_blob` or of a chunk of texts (bzip2 starts with "BZh").

    >>> decode_blob(_bzip2(b'["x"]'))
    ['x']
    """
    data = base64.b64decode(blob)
    data = bz2.decompress(data) if data[:3] == b"BZh" else zlib.decompress(data)
    return json.loads(data.decode("utf-8"))


class Chunks:
    """The encoded chunks of article texts, kept in a temporary file (an archive's texts
    can be hundreds of MB): appended in order, read back one at a time."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()
        self.spans: list[tuple[int, int]] = []

    def append(self, chunk: str) -> None:
        data = chunk.encode("ascii")
        self.file.seek(0, os.SEEK_END)
        self.spans.append((self.file.tell(), len(data)))
        self.file.write(data)

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, number: int) -> str:
        start, size = self.spans[number]
        self.file.seek(start)
        return self.file.read(size).decode("ascii")

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other) -> bool:
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))


@dataclass
class GraphIndex:
    """Every node and link of a graph, numbered; what the explorer page carries."""

    ids: list[str]  # IRIs (not in the page)
    types: list[str]
    labels: list[str]
    dates: list[str]  # per article ("" when it has none); articles are nodes 0..len-1
    urls: list[str]
    loaded: list[bool]
    folders: list[str]
    relations: list[str]
    es: np.ndarray  # edge sources, sorted by (source, target, relation)
    et: np.ndarray
    er: np.ndarray  # index into relations
    ev: np.ndarray  # relevancy an article gives the entity (0: none)
    scores: dict[tuple[int, int], float]  # related pairs (low, high) -> score
    trends: dict[int, tuple[int, str, str, list]]  # node -> (articles, first, last, months)
    chunks: Chunks  # per CHUNK articles, `pack_texts` of their texts, encoded
    # (article, signal, driving force) per signal row that names a force: which articles
    # name a force (kg.facts), not drawn; empty when the source cannot tell (networkx)
    driven: np.ndarray = field(default_factory=lambda: np.zeros((0, 3), dtype=np.int32))
    # (article, entity, relevancy) as the rows give it (`ev` keeps 1..99 for the page)
    relevancies: np.ndarray = field(default_factory=lambda: np.zeros((0, 3), dtype=np.int64))
    # node -> its other names (skos:altLabel: what resolution joined), for finding it by any
    other_names: dict[int, list[str]] = field(default_factory=dict)
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def articles(self) -> int:
        return len(self.dates)

    def __len__(self) -> int:
        return len(self.ids)

    # --- derived arrays ---------------------------------------------------------------

    def degree(self) -> np.ndarray:
        """Links of each node (each relation and direction counted, as networkx's
        MultiDiGraph degree)."""
        if "degree" not in self._cache:
            n = len(self)
            self._cache["degree"] = (np.bincount(self.es, minlength=n)
                                     + np.bincount(self.et, minlength=n))
        return self._cache["degree"]

    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """Undirected neighbour pairs, each once per direction, sorted: (u, v)."""
        if "pairs" not in self._cache:
            u = np.concatenate([self.es, self.et])
            v = np.concatenate([self.et, self.es])
            keep = u != v
            key = np.unique(u[keep].astype(np.int64) * len(self) + v[keep])
            self._cache["pairs"] = ((key // len(self)).astype(np.int32),
                                    (key % len(self)).astype(np.int32))
        return self._cache["pairs"]

    def neighbours(self) -> tuple[np.ndarray, np.ndarray]:
        """CSR of `pairs`: node i's neighbours are v[start[i]:start[i + 1]]."""
        if "csr" not in self._cache:
            u, v = self.pairs()
            start = np.zeros(len(self) + 1, dtype=np.int64)
            np.cumsum(np.bincount(u, minlength=len(self)), out=start[1:])
            self._cache["csr"] = (start, v)
        return self._cache["csr"]

    def number_of(self, iri: str) -> int:
        """The number of the node with this IRI."""
        if "numbers" not in self._cache:
            self._cache["numbers"] = {node: i for i, node in enumerate(self.ids)}
        return self._cache["numbers"][iri]

    def is_article(self) -> np.ndarray:
        mask = np.zeros(len(self), dtype=bool)
        mask[: self.articles] = True
        return mask

    def type_mask(self, wanted: set[str]) -> np.ndarray:
        return np.fromiter((t in wanted for t in self.types), dtype=bool, count=len(self))

    def details(self, article: int) -> list:
        """[summary, [[entity, description, change, outlook], ...]] of one article."""
        chunk = article // CHUNK
        if self._cache.get("chunk", (None,))[0] != chunk:
            self._cache["chunk"] = (chunk, unpack_texts(decode_blob(self.chunks[chunk])))
        return self._cache["chunk"][1][article % CHUNK]

    # --- what the page carries --------------------------------------------------------

    def encoded(self, type_order: list[str]) -> str:
        """`encode_blob(self.page_index(type_order))`, written piece by piece: the lists
        of numbers never become Python lists (millions of links at 100,000 articles)."""
        pack = zlib.compressobj(6)
        out = [b"", ]

        def put(text: str) -> None:
            out.append(pack.compress(text.encode("utf-8")))

        def numbers(values: np.ndarray) -> None:
            put("[")
            for start in range(0, len(values), 1 << 16):
                put(("," if start else "") + ",".join(map(str, values[start:start + (1 << 16)].tolist())))
            put("]")

        fields = self.page_index(type_order, numbers_too=False)
        put("{")
        for number, (name, value) in enumerate(fields.items()):
            put(("," if number else "") + json.dumps(name) + ":")
            if isinstance(value, np.ndarray):
                numbers(value)
            else:
                put(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
        put("}")
        out.append(pack.flush())
        return base64.b64encode(b"".join(out)).decode("ascii")

    def page_index(self, type_order: list[str], numbers_too: bool = True) -> dict:
        """The index as the page reads it (before `encode_blob`)."""
        code = {t: i for i, t in enumerate(type_order)}
        sources = np.diff(self.es, prepend=0)  # sorted: small steps compress well
        # targets of one source ascend: also as steps, from 0 at each new source
        step = np.diff(self.et, prepend=0)
        targets = np.where(sources == 0, step, self.et)
        if len(targets):
            targets[0] = self.et[0]
        types = np.array([code[t] for t in self.types], dtype=np.int32)
        found = {"t": types, "l": self.labels, "d": self.dates,
                 "u": self.urls, "nl": [i for i, ok in enumerate(self.loaded) if not ok],
                 "r": self.relations, "es": sources, "et": targets, "er": self.er, "ev": self.ev,
                 "sc": [[a, b, s] for (a, b), s in sorted(self.scores.items())],
                 "tr": [[n, *info] for n, info in sorted(self.trends.items())],
                 "on": [[n, names] for n, names in sorted(self.other_names.items())]}
        if numbers_too:
            found = {k: v.tolist() if isinstance(v, np.ndarray) else v for k, v in found.items()}
        return found


class _IndexBuilder:
    """Gathers nodes, then (numbered) edges and article texts, into a GraphIndex."""

    def __init__(self, relations: Iterable[str]):
        self.relations = list(dict.fromkeys(relations))
        self.code = {r: i for i, r in enumerate(self.relations)}
        self.columns = [array("i") for _ in range(4)]
        self.scores: dict[tuple[int, int], float] = {}
        self.trends: dict[int, tuple] = {}
        self.driven: set[tuple[int, int, int]] = set()
        self.relevancies = [array("q") for _ in range(3)]  # article, entity, value
        self.other_names: dict[int, list[str]] = {}

    def number(self, articles: dict[str, tuple], entities: Iterable[tuple[str, str, str]],
               trends: dict[str, str]) -> None:
        """articles: IRI -> (label, date, url, loaded, folder); entities: (IRI, type,
        label) in IRI order; trends: IRI -> label (or none yet: `number_trends` later)."""
        self.ids = sorted(articles)
        arts = [articles[a] for a in self.ids]
        self.labels = [a[0] for a in arts]
        self.types = ["Article"] * len(arts)
        for iri, kind, label in entities:  # one at a time: an archive has a million
            self.ids.append(iri)
            self.types.append(kind)
            self.labels.append(label)
        self.number_of = {iri: i for i, iri in enumerate(self.ids)}
        self.number_trends(trends)
        self.dates = [a[1] or "" for a in arts]
        self.urls = [a[2] or "" for a in arts]
        self.loaded = [bool(a[3]) for a in arts]
        self.folders = [a[4] or "" for a in arts]
        self.texts: dict[int, list] = {}
        self.chunks = Chunks()
        self.pending: deque = deque()  # futures of encoded chunks: zlib works on other threads
        self.workers = max(1, min(4, os.cpu_count() or 1))
        self.pool = ThreadPoolExecutor(self.workers)

    def names(self, iri: str, names: Iterable[str]) -> None:
        """An entity's other names (beside its label), sorted."""
        n = self.number_of.get(iri)
        others = sorted(set(names) - {self.labels[n]}) if n is not None else []
        if others:
            self.other_names[n] = others

    def edge(self, source: str, target: str, relation: str, relevancy: int = 0) -> None:
        number = self.number_of
        if source in number and target in number:
            for column, value in zip(self.columns, (number[source], number[target],
                                                    self.code[relation], relevancy)):
                column.append(value)

    def article_texts(self, article: str, summary: str,
                      mentions: Iterable[tuple[str, dict]]) -> None:
        number = self.number_of
        rows = sorted({(number[e], f.get("description", ""), f.get("change", ""),
                        f.get("tenYearOutlook", "")) for e, f in mentions if e in number})
        self.texts[number[article]] = [summary, [list(row) for row in rows if any(row[1:])]]
        self._flush(False)

    def _flush(self, last: bool) -> None:
        articles = len(self.dates)
        while (len(self.chunks) + len(self.pending)) * CHUNK < articles:
            start = (len(self.chunks) + len(self.pending)) * CHUNK
            end = min(start + CHUNK, articles)
            missing = [i for i in range(start, end) if i not in self.texts]
            if missing and not last and any(self.loaded[i] for i in missing):
                return  # wait for the rest of this chunk
            text = json.dumps(pack_texts([self.texts.pop(i, ["", []]) for i in range(start, end)]),
                              ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            self.pending.append(self.pool.submit(_bzip2, text))
            while len(self.pending) > 2 * self.workers:  # bounded: what waits is in memory
                self.chunks.append(self.pending.popleft().result())

    def number_trends(self, trends: dict[str, str]) -> None:
        """Number trends (IRI -> label) after every other node: they are known last."""
        for iri in sorted(trends):
            self.number_of[iri] = len(self.ids)
            self.ids.append(iri)
            self.types.append("Trend")
            self.labels.append(trends[iri])

    def finish(self) -> GraphIndex:
        self._flush(True)
        while self.pending:
            self.chunks.append(self.pending.popleft().result())
        self.pool.shutdown()
        es, et, er, ev = (np.frombuffer(c, dtype=np.int32) if len(c) else
                          np.zeros(0, dtype=np.int32) for c in self.columns)
        order = np.lexsort((-ev, er, et, es))
        es, et, er, ev = es[order], et[order], er[order], ev[order]
        # One edge per (source, target, relation), with the highest relevancy.
        keep = np.ones(len(es), dtype=bool)
        keep[1:] = (es[1:] != es[:-1]) | (et[1:] != et[:-1]) | (er[1:] != er[:-1])
        driven = np.array(sorted(self.driven), dtype=np.int32).reshape(-1, 3)
        rows = np.array(self.relevancies, dtype=np.int64).T.reshape(-1, 3)
        rows = rows[np.lexsort((-rows[:, 2], rows[:, 1], rows[:, 0]))]
        first = np.ones(len(rows), dtype=bool)  # the highest of each (article, entity)
        first[1:] = (rows[1:, 0] != rows[:-1, 0]) | (rows[1:, 1] != rows[:-1, 1])
        relevancies = rows[first]
        return GraphIndex(self.ids, self.types, self.labels, self.dates, self.urls, self.loaded,
                          self.folders, self.relations, es[keep].copy(), et[keep].copy(),
                          er[keep].copy(), ev[keep].copy(), self.scores, self.trends, self.chunks,
                          driven, relevancies, self.other_names)

    def relevancy(self, article: str, entity: str, value: int) -> None:
        """A row's relevancy of an entity (an article read from several renderings may
        give two: `finish` keeps the highest, as kg.facts does)."""
        for column, number in zip(self.relevancies, (self.number_of[article],
                                                     self.number_of[entity], value)):
            column.append(number)

    def drives(self, article: str, signal: str, force: str) -> None:
        """One article's signal row names this driving force."""
        number = self.number_of
        if article in number and signal in number and force in number:
            self.driven.add((number[article], number[signal], number[force]))

    def score(self, first: str, second: str, score: float) -> None:
        a, b = sorted((self.number_of.get(first, -1), self.number_of.get(second, -1)))
        if a >= 0:
            self.scores[(a, b)] = round(float(score), 3)

    def trend(self, iri: str, articles: int, first: str | None, last: str | None,
              months: Iterable[tuple[str, int]]) -> None:
        self.trends[self.number_of[iri]] = (int(articles), first or "", last or "",
                                            [[m, int(c)] for m, c in sorted(months)])


def pack_texts(rows: list) -> list:
    """Articles' texts ([summary, [[entity, description, change, outlook], ...]] each) as
    columns, which compress a tenth better than rows: [summaries, entities,
    descriptions, changes, outlooks], the last four a list per article.

    >>> pack_texts([["S", [[7, "d", "", "o"]]], ["", []]])
    [['S', ''], [[7], []], [['d'], []], [[''], []], [['o'], []]]
    >>> unpack_texts(_) == [["S", [[7, "d", "", "o"]]], ["", []]]
    True
    """
    return [[summary for summary, _ in rows],
            *([[row[k] for row in mentions] for _, mentions in rows] for k in range(4))]


def unpack_texts(columns: list) -> list:
    summaries, *rest = columns
    return [[summary, [list(row) for row in zip(*(column[i] for column in rest))]]
            for i, summary in enumerate(summaries)]


def _relevancy(facts: dict) -> int:
    try:
        return max(0, min(int(facts.get("relevancy", 0)), 99))
    except ValueError:
        return 0


def _same_key_nodes(nodes: Iterable[str]) -> list[list[str]]:
    """Groups of entity nodes of different types with one key (their IRIs' last
    segment), which the graph links by skos:exactMatch (kg.parts).

    >>> _same_key_nodes(["b/keyword/ai", "b/theme/ai", "b/theme/art"])
    [['b/keyword/ai', 'b/theme/ai']]
    """
    by_key: dict[str, list[str]] = defaultdict(list)
    for iri in nodes:
        by_key[iri[iri.rfind("/") + 1:]].append(iri)
    return [same for same in by_key.values() if len(same) > 1]


def _relations(kinds: KindTable) -> list[str]:
    from .network import edge_relations

    return list(edge_relations(kinds).values())


def index_from_networkx(graph: nx.MultiDiGraph, kinds: KindTable = KINDS) -> GraphIndex:
    """The index of a graph from `to_networkx` (see kg.network)."""
    builder = _IndexBuilder(_relations(kinds))
    articles, entities, trends = {}, {}, {}
    for node, data in graph.nodes(data=True):
        kind = data["type"]
        if kind == "Article":
            articles[node] = (data.get("label", node), data.get("date"), data.get("url"),
                              data.get("loaded", False), data.get("folder"))
        elif kind == "Trend":
            trends[node] = data.get("label", node)
        else:
            entities[node] = (kind, data.get("label", node))
    builder.number(articles, sorted((iri, kind, label) for iri, (kind, label) in entities.items()),
                   trends)
    del entities
    for node, data in graph.nodes(data=True):
        if data.get("altLabels") and data["type"] not in ("Article", "Trend"):
            builder.names(node, data["altLabels"])  # (as a build's parts: entities' names)
    said: dict[str, list] = {a: [] for a in articles}  # article -> [(entity, facts)]
    best: dict[tuple[str, str], int] = {}  # (article, entity) -> highest relevancy
    for node, found in graph.nodes(data="mentions"):
        for mention in found or ():
            article = mention["article"]
            if article in said:
                said[article].append((node, mention))
                best[article, node] = max(best.get((article, node), 0), _relevancy(mention))
    for source, target, relation in graph.edges(data="relation"):
        builder.edge(source, target, relation, best.get((source, target), 0))
    for source, target, score in graph.edges(data="score"):
        if score is not None and source < target:
            builder.score(source, target, score)
    for node in sorted(trends):
        data = graph.nodes[node]
        builder.trend(node, data.get("articles", 0), data.get("first"), data.get("last"),
                      (data.get("months") or {}).items())
    for article in sorted(articles):
        if articles[article][3]:
            builder.article_texts(article, graph.nodes[article].get("summary", ""),
                                  said[article])
    return builder.finish()


def index_from_parts(parts: Callable[[], Iterator[ArticlePart]], shared: SharedNodes,
                     related: Iterable = (), trends: Iterable = ()) -> GraphIndex:
    """The index of a build, from its article parts (called twice: nodes, then links and
    texts) and its shared nodes; `related` are model.RelatedLink, `trends` model.Trend."""
    return finish_index(start_index(parts, shared), related, trends)


def start_index(parts: Callable[[], Iterator[ArticlePart]], shared: SharedNodes,
                heads: Iterable[tuple] | None = None):
    """The index of a build but its related links and trends (`finish_index` adds them:
    a build makes this while another process finds them); `heads` are the parts'
    `article_head`s, in the parts' order, when already taken (else a pass reads them)."""
    builder = _IndexBuilder(_relations(shared.kinds))
    articles: dict[str, tuple] = {}
    iri_of: dict[str, str] = {}

    def article(article_id: str) -> str:
        iri = iri_of.get(article_id)
        if iri is None:
            iri = iri_of[article_id] = article_iri(shared.base, article_id)
        return iri

    if heads is None:
        heads = map(article_head, parts())
    for article_id, title, date, url, folder, targets in heads:
        articles[article(article_id)] = (title, date, url, True, folder)
        for target in targets:
            articles.setdefault(article(target), None)
    for iri, value in articles.items():
        if value is None:  # an article known only from Closest lists
            titles = shared.links.get(iri[len(shared.base + "article/"):])
            articles[iri] = (most_common(titles) if titles else iri[len(shared.base + "article/"):],
                             None, None, False, None)
    base = len(shared.base)
    kind_of: dict[str, EntityKind] = {}  # by IRI segment

    def kind(iri: str) -> EntityKind:
        segment = iri[base:iri.index("/", base)]
        found = kind_of.get(segment)
        if found is None:
            found = kind_of[segment] = shared.kind(iri)
        return found

    # Parts name entities by their keys; the corpus may have joined keys into one node.
    canonical = shared.canonical
    driving = shared.kinds.row_link_properties()
    builder.number(articles, ((iri, kind(iri).class_name, shared.label(iri))
                              for iri in sorted(shared.nodes())), {})
    for iri in shared.nodes():
        forms = shared.forms_of(iri)
        if forms.__class__ is not str:  # (a node of one name has none other)
            builder.names(iri, forms)
    for part in parts():
        source = article(part.article_id)
        mentions = [(canonical(entity), facts) for entity, facts in part.mentions]
        best: dict[str, int] = {}
        for entity, facts in mentions:
            best[entity] = max(best.get(entity, 0), _relevancy(facts))
            if facts.get("relevancy") is not None and entity in builder.number_of:
                builder.relevancy(source, entity, int(facts["relevancy"]))
        for iri in dict.fromkeys(canonical(iri) for iri, _ in part.forms):
            relation = kind(iri).article_property
            if relation:
                builder.edge(source, iri, relation, best.get(iri, 0))
        for target, _ in part.links:
            builder.edge(source, article(target), "closestTo")
        builder.article_texts(source, part.summary, mentions)
        mentioned = {s: canonical(e) for s, p, e in part.refs if p == V.MENTION_OF}
        for subject, prop, force in part.refs:
            if prop in driving and subject in mentioned:  # a row's own force
                builder.drives(source, mentioned[subject], canonical(force))
    linked = {(canonical(entity), canonical(other), prop[len(V.KG):])
              for entity, links in shared.entity_links.items() for prop, other in links}
    for entity, other, relation in sorted(linked):
        builder.edge(entity, other, relation)
    for same in _same_key_nodes(shared.nodes()):  # as the Turtle's skos:exactMatch
        for a in same:
            for b in same:
                if a != b:
                    builder.edge(a, b, "exactMatch")
    return builder


def finish_index(builder, related: Iterable = (), trends: Iterable = ()) -> GraphIndex:
    """The index `start_index` began, with the build's related links and trends."""
    related, trends = list(related), list(trends)
    builder.number_trends({t.iri: t.label for t in trends})
    for link in related:
        builder.edge(link.first, link.second, "related")
        builder.edge(link.second, link.first, "related")
        builder.score(link.first, link.second, link.score)
    for trend in trends:
        for member in trend.members:
            builder.edge(trend.iri, member, "member")
        for item in trend.articles:
            builder.edge(trend.iri, item, "trendArticle")
        builder.trend(trend.iri, len(trend.articles), trend.first_date, trend.last_date,
                      trend.months)
    return builder.finish()


# --- narrowing ------------------------------------------------------------------------

def node_types(names: Iterable[str], kinds: KindTable = KINDS) -> set[str]:
    """Node types as users write them (any case, class or kind name: "technology",
    "DrivingForce", "driving_force") as the types nodes carry; InputError naming the
    known ones for a name that is none of them.

    >>> sorted(node_types(["technology", "driving force", "Article"]))
    ['Article', 'DrivingForce', 'Technology']
    """
    known = {_type_key(name): name for name in ("Article", "Trend")}
    for kind in kinds:
        for alias in (kind.class_name, kind.name, kind.label):
            known[_type_key(alias)] = kind.class_name
    found, unknown = set(), []
    for name in names:
        if _type_key(name) in known:
            found.add(known[_type_key(name)])
        else:
            unknown.append(name)
    if unknown:
        names = ["Article", *(k.class_name for k in kinds), "Trend"]
        raise InputError(f"unknown node type(s) {', '.join(unknown)}; known: {', '.join(names)}")
    return found


def _type_key(name: str) -> str:
    return "".join(c for c in name.lower() if "a" <= c <= "z")


def find_nodes(index: GraphIndex, label: str, kinds: KindTable = KINDS) -> list[int]:
    """Nodes labelled `label` (any case, spacing, quotes), most linked first; failing
    that, nodes with that name among their others (skos:altLabel), or whose IRI ends in
    its key; failing that, nodes whose label contains it. `Type:label` (e.g. `Technology:generative AI`)
    looks in that type only."""
    wanted = None
    head, colon, rest = label.partition(":")
    if colon:
        try:
            wanted = node_types([head], kinds)
            label = rest
        except InputError:
            pass
    key = identity_key(label)
    degree = index.degree()
    keys = [(i, identity_key(text)) for i, text in enumerate(index.labels)
            if wanted is None or index.types[i] in wanted]
    found = [i for i, k in keys if k == key]
    if not found and key:  # another of its names ("autonomous vehicles" of "driverless cars")
        found = [i for i, names in sorted(index.other_names.items())
                 if (wanted is None or index.types[i] in wanted)
                 and any(identity_key(name) == key for name in names)]
    if not found and key:  # another name of the node ("science fiction" of "sci-fi"):
        segment = "/" + iri_segment(resolution_key(label))  # its key ends the node's IRI
        found = [i for i, _ in keys if index.ids[i].endswith(segment)]
    found = found or [i for i, k in keys if key and key in k]
    return sorted(found, key=lambda i: (-degree[i], i))


def select(index: GraphIndex, *, focus: str | None = None, depth: int = 1,
           types: Iterable[str] | None = None, min_degree: int = 0,
           since: str | None = None, until: str | None = None,
           max_nodes: int | None = 600, kinds: KindTable = KINDS) -> list[int]:
    """The nodes to draw, narrowed in this order (the page's script does the same):

    * `since`/`until` (ISO dates): only articles whose page date is in range, the
      entities they name, those entities' own links (a signal's driving force) and the
      trends that count them;
    * `types`: only nodes of these types; articles stay, as the links between them
      (only those that link a node kept, unless `Article` is among the types);
    * `focus`/`depth`: the node labelled `focus` (see `find_nodes`: the most linked
      when several have that label) and what is within `depth` links of it, nearest
      and most linked first when more than `max_nodes`;
    * `min_degree`: only nodes with at least this many links (in the whole graph);
    * otherwise at most `max_nodes`, chosen by `pick`.

    Raises InputError when `focus` names no node or `types` an unknown type.
    """
    active = active_nodes(index, types=types, since=since, until=until, kinds=kinds)
    degree = index.degree()
    budget = len(index) if max_nodes is None else max_nodes
    if focus is not None:
        starts = [n for n in find_nodes(index, focus, kinds) if active[n]] or \
            find_nodes(index, focus, kinds)
        if not starts:
            raise InputError(f"no node labelled {focus!r} in the graph")
        active[starts[0]] = True
        near = neighbourhood(index, starts[0], depth, active)
        return sorted(n for n in near[:budget] if n == starts[0] or degree[n] >= min_degree)
    active &= degree >= min_degree
    return pick(index, active, budget)


def active_nodes(index: GraphIndex, *, types: Iterable[str] | None = None,
                 since: str | None = None, until: str | None = None,
                 kinds: KindTable = KINDS) -> np.ndarray:
    """The nodes a date range and type filter keep, as a mask."""
    active = np.ones(len(index), dtype=bool)
    if since or until:
        low, high = since or "0000", (until or "9999") + "\uffff"
        in_range = np.zeros(len(index), dtype=bool)
        in_range[: index.articles] = [bool(d) and low <= d <= high for d in index.dates]
        from_article = in_range[index.es] & ~index.is_article()[index.et]
        named = np.zeros(len(index), dtype=bool)
        named[index.et[from_article]] = True
        row_links = np.array([r not in _NOT_ROW_LINKS for r in index.relations], dtype=bool)
        named[index.et[named[index.es] & row_links[index.er] & ~index.is_article()[index.et]]] = True
        trend_article = np.array([r == "trendArticle" for r in index.relations], dtype=bool)
        named[index.es[trend_article[index.er] & in_range[index.et]]] = True
        active = in_range | named
    if types:
        wanted = node_types(types, kinds)
        articles = index.is_article()
        active &= index.type_mask(wanted) | articles
        if "Article" not in wanted:
            u, v = index.pairs()
            links = np.bincount(u, weights=(active & ~articles)[v], minlength=len(index))
            active &= ~articles | (links > 0)
    return active


def neighbourhood(index: GraphIndex, start: int, depth: int, active: np.ndarray) -> list[int]:
    """`start` and the active nodes within `depth` links of it, nearest first, then most
    linked, then by number."""
    start_of, targets = index.neighbours()
    degree = index.degree()
    seen = {start: 0}
    frontier = [start]
    for step in range(1, depth + 1):
        found = set()
        for node in frontier:
            for other in targets[start_of[node]:start_of[node + 1]].tolist():
                if other not in seen and active[other]:
                    found.add(other)
        for other in found:
            seen[other] = step
        frontier = list(found)
    return sorted(seen, key=lambda n: (seen[n], -degree[n], n))


def pick(index: GraphIndex, active: np.ndarray, budget: int) -> list[int]:
    """At most `budget` active nodes that show how the graph hangs together, none
    drawn alone unless it has no active neighbour at all.

    Half the budget goes to the entities named by most active articles (for entities
    no article names, such as driving forces: by most active neighbours), if named
    by two or more, taken in turn from each type so every type shows; then the
    articles linking most of those, up to three quarters of the budget; then other
    entities in turn by type, then other articles. Last, a node left without a drawn
    neighbour gives its place to the nodes linked most to the drawn ones. Ties go to
    more links, then to the lower node number.
    """
    nodes = np.flatnonzero(active)
    if len(nodes) <= budget:
        return nodes.tolist()
    n = len(index)
    u, v = index.pairs()
    degree = index.degree()
    articles = index.is_article()
    article_nb = np.bincount(u, weights=(active & articles)[v], minlength=n)
    active_nb = np.bincount(u, weights=active[v], minlength=n)
    reach = np.where(article_nb > 0, article_nb, active_nb)
    entities = nodes[~articles[nodes]]
    ranked = entities[np.lexsort((entities, -degree[entities], -reach[entities]))].tolist()
    chosen: dict[int, None] = {}

    def take_in_turn(candidates: list[int], limit: int) -> None:
        queues: dict[str, list[int]] = {}
        for node in candidates:
            if node not in chosen:
                queues.setdefault(index.types[node], []).append(node)
        turn = [queue[::-1] for queue in queues.values()]  # popped from the end
        while turn and len(chosen) < limit:
            for queue in turn:
                if len(chosen) < limit:
                    chosen[queue.pop()] = None
            turn = [queue for queue in turn if queue]

    def links_to_chosen() -> np.ndarray:
        mask = np.zeros(n, dtype=bool)
        mask[list(chosen)] = True
        return np.bincount(u, weights=mask[v], minlength=n)

    take_in_turn([e for e in ranked if reach[e] >= 2], budget // 2)
    linked = links_to_chosen()
    arts = nodes[articles[nodes]]
    arts = arts[np.lexsort((arts, -degree[arts], -linked[arts]))].tolist()
    for node in arts[: max(0, budget * 3 // 4 - len(chosen))]:
        chosen[node] = None
    take_in_turn(ranked, budget)
    for node in arts:
        if len(chosen) >= budget:
            break
        chosen.setdefault(node, None)
    # No node drawn alone: drop those without a drawn neighbour, and the pieces that hold
    # no article (two driving forces joined by a related link, their signals not drawn,
    # float apart at the map's edge); fill from the frontier.
    linked = links_to_chosen()
    for node in [c for c in chosen if linked[c] == 0 and active_nb[c] > 0]:
        del chosen[node]
    for node in _detached(chosen, u, v, articles, n):
        del chosen[node]
    while len(chosen) < budget:
        linked = links_to_chosen()
        mask = np.zeros(n, dtype=bool)
        mask[list(chosen)] = True
        frontier = np.flatnonzero(active & ~mask & (linked > 0))
        if not len(frontier):
            break
        frontier = frontier[np.lexsort((frontier, -degree[frontier], -linked[frontier]))]
        for node in frontier[: budget - len(chosen)].tolist():
            chosen[node] = None
    return sorted(chosen)


def _detached(chosen: dict[int, None], u: np.ndarray, v: np.ndarray, articles: np.ndarray,
              n: int) -> list[int]:
    """The chosen nodes in pieces of the drawn graph that hold no article, when some piece
    holds one (a view of entities only keeps them all)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    member = np.zeros(n, dtype=bool)
    member[list(chosen)] = True
    inside = member[u] & member[v]
    graph = coo_matrix((np.ones(int(inside.sum()), dtype=np.int8), (u[inside], v[inside])),
                       shape=(n, n))
    _, piece = connected_components(graph, directed=False)
    with_article = set(piece[member & articles].tolist())
    if not with_article:
        return []
    return [node for node in chosen if piece[node] not in with_article]


# --- layout ---------------------------------------------------------------------------

def spring(graph: nx.Graph, start: dict, iterations: int = 80, gravity: float = 1.0) -> dict:
    """Fruchterman-Reingold on all pairs (numpy; networkx's spring_layout switches to a
    slow sparse loop above 500 nodes): nodes repel, links pull, steps cool down."""
    nodes = list(start)
    at = {n: i for i, n in enumerate(nodes)}
    pos = np.array([start[n] for n in nodes], dtype=np.float32)
    if len(nodes) < 2:
        return {n: tuple(p) for n, p in zip(nodes, pos)}
    ends = np.array([(at[a], at[b]) for a, b in graph.edges()], dtype=int).reshape(-1, 2)
    k = 1.0 / math.sqrt(len(nodes))
    step = 0.1
    for _ in range(iterations):
        dx = pos[:, 0, None] - pos[None, :, 0]
        dy = pos[:, 1, None] - pos[None, :, 1]
        weight = k * k / np.maximum(dx * dx + dy * dy, 1e-4)
        force = np.stack([(dx * weight).sum(axis=1), (dy * weight).sum(axis=1)], axis=1)
        pull = pos[ends[:, 0]] - pos[ends[:, 1]]
        length = np.maximum(np.hypot(pull[:, 0], pull[:, 1]), 0.01)[:, None]
        pull = pull * length / k
        np.subtract.at(force, ends[:, 0], pull)
        np.add.at(force, ends[:, 1], pull)
        # gravity (constant pull to the middle) keeps separate groups in the picture
        reach = np.maximum(np.hypot(pos[:, 0], pos[:, 1]), 0.01)[:, None]
        force -= pos / reach * gravity
        size = np.maximum(np.hypot(force[:, 0], force[:, 1]), 0.01)[:, None]
        pos += force / size * np.minimum(size, step)
        step *= 0.95
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, pos)}


def layout(index: GraphIndex, nodes: list[int], seed: int = 7) -> dict[int, tuple[int, int]]:
    """Positions (page units) of `nodes`: communities (Louvain) started apart on a
    sunflower spiral, then a spring layout of the links among them; nodes with no
    link among them in a row below. Same input, same picture."""
    drawn = set(nodes)
    graph = nx.Graph()
    graph.add_nodes_from(sorted(nodes))
    u, v = index.pairs()
    member = np.zeros(len(index), dtype=bool)
    member[list(drawn)] = True
    keep = member[u] & member[v] & (u < v)
    graph.add_edges_from(zip(u[keep].tolist(), v[keep].tolist()))
    alone = sorted(n for n in graph if graph.degree(n) == 0)
    graph.remove_nodes_from(alone)
    spread = 36 * math.sqrt(max(len(graph), 1))  # page units per layout unit
    positions: dict[int, tuple[int, int]] = {}
    if len(graph):
        groups = sorted(nx.community.louvain_communities(graph, seed=seed),
                        key=lambda g: (-len(g), min(g)))
        rng = random.Random(seed)
        start, placed = {}, 0
        for number, group in enumerate(groups):
            # centres on a sunflower spiral, far enough apart for the group's size
            radius = math.sqrt(placed + len(group) / 2) / math.sqrt(len(graph))
            angle = number * 2.399963
            cx, cy = radius * math.cos(angle), radius * math.sin(angle)
            size = math.sqrt(len(group) / len(graph)) * 0.5
            for node in sorted(group):
                start[node] = (cx + rng.uniform(-size, size), cy + rng.uniform(-size, size))
            placed += len(group)
        found = spring(graph, start, iterations=60)
        xs = [p[0] for p in found.values()]
        ys = [p[1] for p in found.values()]
        scale = spread / max(max(xs) - min(xs), max(ys) - min(ys), 1e-9) * 2
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        # a little wider than high: screens are
        positions = {n: (round((x - cx) * scale * 1.3), round((y - cy) * scale))
                     for n, (x, y) in found.items()}
    bottom = max((y for _, y in positions.values()), default=0) + 120
    row = max(1, int(math.sqrt(len(alone)) * 2))
    for i, node in enumerate(alone):
        positions[node] = ((i % row - row // 2) * 60, bottom + (i // row) * 60)
    return _apart(positions)


def _apart(positions: dict[int, tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """The positions with no two nodes on one spot (rounding can put two there): the
    first node (by number) keeps a shared spot, the others move right to the nearest
    free one.

    >>> _apart({2: (0, 0), 1: (0, 0), 3: (1, 0)})
    {1: (0, 0), 2: (2, 0), 3: (1, 0)}
    """
    taken = set(positions.values())
    found, seen = {}, set()
    for node in sorted(positions):
        x, y = positions[node]
        if (x, y) in seen:  # a second node on this spot
            while (x, y) in taken:
                x += 1
            taken.add((x, y))
        seen.add(positions[node])
        found[node] = (x, y)
    return found
