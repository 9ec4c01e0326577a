"""Facts: the graph as the analyses read it: articles with their dates and sources, and for
every entity and trend the articles that name it. One pass over a graph's triples.

`kg stats` and `kg diff` read graphs of a million triples; building the whole
networkx graph (`kg.network.to_networkx`) for them costs more than the analyses,
so `read_facts` streams the file once and keeps only what analytics use.
`Facts.from_networkx` gives the same from a networkx graph, for code that
already holds one.

>>> from kg.rdf import Literal
>>> from kg import vocab as V
>>> facts = facts_from_triples([
...     ("a", V.TYPE, V.ARTICLE), ("a", V.LABEL, Literal("A")),
...     ("a", V.PUBLISHED_IN, "p"), ("p", V.DATE, Literal("2024-05-02", V.XSD_DATE)),
...     ("t", V.TYPE, V.KG + "Technology"), ("t", V.LABEL, Literal("T")),
...     ("a", V.KG + "mentionsTechnology", "t")])
>>> facts.articles, facts.dates, facts.named_by
(['a'], {'a': '2024-05-02'}, {'t': {'a'}})
"""

from __future__ import annotations

import functools
import hmac
import multiprocessing
import os
import re
import threading
from sys import intern
import urllib.parse
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, NamedTuple

from . import vocab as V
from .dates import is_iso_date
from .kinds import KINDS, KindTable
from .seal import seal

__all__ = ["Facts", "read_facts", "read_many", "facts_from_triples", "facts_from_index",
           "save_facts", "saved_facts", "facts_file", "source_of"]

ARTICLE, TREND = "Article", "Trend"


@dataclass
class Facts:
    """What the analyses read of a graph. Nodes are IRIs; `types` holds every article,
    entity and trend (by class local name: "Article", "Technology", "Trend")."""

    types: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    other_names: dict[str, list[str]] = field(default_factory=dict)  # entity -> altLabels
    articles: list[str] = field(default_factory=list)  # loaded articles, sorted
    dates: dict[str, str] = field(default_factory=dict)  # loaded article -> ISO page date
    urls: dict[str, str] = field(default_factory=dict)  # article -> its external link
    titles: dict[str, str] = field(default_factory=dict)  # article -> title (its label)
    named_by: dict[str, set[str]] = field(default_factory=dict)  # entity/trend -> articles
    relevancy: dict[tuple[str, str], int] = field(default_factory=dict)  # (article, entity)
    drives: dict[str, set[str]] = field(default_factory=dict)  # signal -> driving forces
    # driving force -> (article, signal): the articles whose signal rows name the force
    driven: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    members: dict[str, set[str]] = field(default_factory=dict)  # trend -> entities
    related: dict[tuple[str, str], float] = field(default_factory=dict)  # (a, b), a < b
    folders: list[str] = field(default_factory=list)  # the summaries' folders, most first

    def label(self, node: str) -> str:
        return self.labels.get(node, node)

    def of_type(self, *types: str) -> list[str]:
        """Nodes of these types, sorted."""
        return sorted(n for kind in types for n in self._by_type.get(kind, ()))

    @functools.cached_property
    def _by_type(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for node, kind in self.types.items():
            found[kind].append(node)
        return found

    @functools.cached_property
    def names(self) -> dict[str, set[str]]:
        """Article -> the entities it names (trends left out)."""
        found: dict[str, set[str]] = {a: set() for a in self.articles}
        for node, articles in self.named_by.items():
            if self.types.get(node) != TREND:
                for article in articles:
                    found[article].add(node)
        return found

    @functools.cached_property
    def categories(self) -> dict[str, set[str]]:
        """Article -> the labels of its categories."""
        found: dict[str, set[str]] = {a: set() for a in self.articles}
        for category in self._by_type.get("Category", ()):
            for article in self.named_by.get(category, ()):
                found[article].add(self.label(category))
        return found

    @functools.cached_property
    def sources(self) -> dict[str, str]:
        """Article -> the host of its external link (`www.` dropped), for those that have one."""
        return {a: host for a in self.articles if (host := source_of(self.urls.get(a, "")))}

    @classmethod
    def from_networkx(cls, graph, kinds: KindTable = KINDS) -> "Facts":
        """The facts of a graph from `kg.network.to_networkx` (or one shaped like it)."""
        facts = cls()
        for node, data in graph.nodes(data=True):
            facts.types[node] = data["type"]
            facts.labels[node] = data.get("label", node)
            if data.get("altLabels") and data["type"] not in (ARTICLE, TREND):
                facts.other_names[node] = sorted(set(data["altLabels"]))
            if data["type"] == ARTICLE:
                if data.get("url"):
                    facts.urls[node] = data["url"]
                if data.get("loaded", True):
                    facts.articles.append(node)
                    if data.get("date"):
                        facts.dates[node] = data["date"]
        loaded = set(facts.articles)
        forces = {iri[len(V.KG):] for iri in kinds.row_link_properties()}
        for source, target, relation in graph.edges(data="relation"):
            kind = facts.types.get(source)
            if relation == "related":
                if source < target:
                    score = graph.edges[source, target, "related"].get("score", 0.0) \
                        if graph.has_edge(source, target, "related") else 0.0
                    facts.related[source, target] = score
            elif relation == "member":
                facts.members.setdefault(source, set()).add(target)
            elif relation == "trendArticle" or (kind == ARTICLE and relation != "closestTo"):
                if (source if kind == ARTICLE else target) in loaded:
                    article, node = (source, target) if kind == ARTICLE else (target, source)
                    facts.named_by.setdefault(node, set()).add(article)
            elif relation in forces and kind == "Signal":
                facts.drives.setdefault(source, set()).add(target)
        _name_forces(facts)  # (networkx keeps a signal's forces, not its rows' own)
        _keep_relevancies(facts.relevancy, (
            (mention.get("article"), node, mention.get("relevancy"))
            for node, data in graph.nodes(data=True) for mention in data.get("mentions", ())))
        facts.articles.sort()
        facts.titles = {a: facts.label(a) for a in facts.articles}
        return facts


def facts_from_index(index, kinds: KindTable = KINDS) -> Facts:
    """The facts of a build's explorer index (kg.explore.GraphIndex, made from the build's
    parts): what `read_facts` reads from the graph.ttl of that build, without parsing it.
    `kg build` saves them beside the graph (`save_facts`)."""
    ids, types, loaded = index.ids, index.types, index.loaded
    articles = range(index.articles)
    facts = Facts(types=dict(zip(ids, types)), labels=dict(zip(ids, index.labels)),
                  other_names={ids[n]: list(names) for n, names in index.other_names.items()})
    facts.articles = sorted(ids[a] for a in articles if loaded[a])
    facts.dates = {ids[a]: index.dates[a] for a in articles if loaded[a] and index.dates[a]}
    facts.urls = {ids[a]: index.urls[a] for a in articles if index.urls[a]}
    facts.titles = {a: facts.labels[a] for a in facts.articles}
    code = {name: number for number, name in enumerate(index.relations)}
    naming = {code[iri[len(V.KG):]] for iri in kinds.article_properties()
              if iri[len(V.KG):] in code}
    row_links = {code[iri[len(V.KG):]] for iri in kinds.row_link_properties()
                 if iri[len(V.KG):] in code}
    member, trend_article = code.get("member"), code.get("trendArticle")
    for s, t, r in zip(index.es.tolist(), index.et.tolist(), index.er.tolist()):
        if r in naming:
            if s < index.articles and loaded[s]:
                facts.named_by.setdefault(ids[t], set()).add(ids[s])
        elif r == trend_article:
            if t < index.articles and loaded[t]:
                facts.named_by.setdefault(ids[s], set()).add(ids[t])
        elif r == member:
            facts.members.setdefault(ids[s], set()).add(ids[t])
        elif r in row_links and types[s] == "Signal":
            facts.drives.setdefault(ids[s], set()).add(ids[t])
    for a, entity, value in index.relevancies.tolist():
        if loaded[a]:
            facts.relevancy[ids[a], ids[entity]] = value
    for a, signal, force in index.driven.tolist():
        if loaded[a] and types[signal] == "Signal":
            facts.driven.setdefault(ids[force], set()).add((ids[a], ids[signal]))
    _name_forces(facts)
    facts.related = dict(sorted((tuple(sorted((ids[a], ids[b]))), score)
                                for (a, b), score in index.scores.items()))
    folders = Counter(index.folders[a] for a in articles if loaded[a] and index.folders[a])
    facts.folders = sorted(folders, key=lambda f: (-folders[f], f))
    return facts


# --- the facts a build saves beside its graph -------------------------------------------

FACTS_FORMAT = 2


def facts_file(graph_path: str | Path) -> Path:
    """Where `kg build` saves the facts of `graph_path`: its cache folder."""
    from .cache import cache_dir

    return cache_dir(Path(graph_path).parent) / "facts.json"


def _sealed(graph: dict, body: bytes) -> str:
    """This user's seal (kg.seal) of facts saved for a graph: facts planted in a folder
    made elsewhere (a review set every relevancy to 1 beside an unchanged graph) are not
    read, the graph is."""
    import hashlib

    return seal("facts", graph["sha256"], hashlib.sha256(body).hexdigest())


def _graph_signature(path: Path) -> dict:
    import hashlib

    with open(path, "rb") as handle:
        return {"size": os.fstat(handle.fileno()).st_size,
                "sha256": hashlib.file_digest(handle, "sha256").hexdigest()}


def save_facts(facts: Facts, graph_path: str | Path, kinds: KindTable = KINDS) -> Path:
    """Save the facts of the graph file just written (`facts_from_index`), with its size
    and SHA-256 and kg's code digest: `read_many` uses them only for that very file,
    read by this code (a graph changed, replaced or copied without them is parsed)."""
    import orjson

    from .files import atomic_write, code_digest

    graph_path = Path(graph_path)
    # (other names by node: in the order of the nodes whatever order a build found them)
    body = {"types": facts.types, "labels": facts.labels,
            "other_names": dict(sorted(facts.other_names.items())),
            "articles": facts.articles,
            "dates": facts.dates, "urls": facts.urls, "titles": facts.titles,
            "named_by": {n: sorted(found) for n, found in facts.named_by.items()},
            "relevancy": [[a, e, v] for (a, e), v in facts.relevancy.items()],
            "drives": {n: sorted(found) for n, found in facts.drives.items()},
            "driven": {n: sorted(found) for n, found in facts.driven.items()},
            "members": {n: sorted(found) for n, found in facts.members.items()},
            "related": [[a, b, score] for (a, b), score in facts.related.items()],
            "folders": facts.folders}
    graph = _graph_signature(graph_path)
    saved = {"format": FACTS_FORMAT, "code": code_digest(), "kinds": kinds.digest,
             "graph": graph, "facts": body, "seal": _sealed(graph, orjson.dumps(body))}
    target = facts_file(graph_path)
    with atomic_write(target, "wb") as handle:
        handle.write(orjson.dumps(saved))
    return target


def saved_facts(graph_path: str | Path, kinds: KindTable = KINDS) -> Facts | None:
    """The facts `save_facts` saved for this graph file, or None: none saved, saved by
    other code or kinds, for another graph (size or SHA-256 differ), not sealed by this
    user (kg.seal), or not as `save_facts` writes them. Read as plain JSON data, every
    value checked."""
    import orjson

    from .files import code_digest, read_kept_file

    graph_path, path = Path(graph_path), facts_file(graph_path)
    try:
        # (at most what a build saves for a graph of this size: facts are a fraction of it)
        kept = read_kept_file(path, max(64 << 20, 2 * graph_path.stat().st_size))
        if kept is None:
            return None
        saved = orjson.loads(kept)
        if not (isinstance(saved, dict) and saved.get("format") == FACTS_FORMAT
                and saved.get("code") == code_digest() and saved.get("kinds") == kinds.digest
                and saved.get("graph", {}).get("size") == graph_path.stat().st_size
                and saved["graph"] == _graph_signature(graph_path)
                and hmac.compare_digest(str(saved.get("seal")),
                                        _sealed(saved["graph"], orjson.dumps(saved["facts"])))):
            return None
        return _facts_of(saved["facts"])
    except (OSError, orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
        return None


def _facts_of(body: dict) -> Facts:
    """Facts of saved JSON data; ValueError when a value is not what `save_facts` writes."""
    def text(value):
        if value.__class__ is not str:
            raise ValueError(value)
        return value

    def texts(values):
        return [text(v) for v in values]

    def mapping(values: dict, value=text) -> dict:
        return {text(k): value(v) for k, v in values.items()}

    def number(value, *kinds):
        if value.__class__ not in kinds:  # (a bool is not a number here)
            raise ValueError(value)
        return value

    return _consistent(Facts(
        types=mapping(body["types"]), labels=mapping(body["labels"]),
        other_names=mapping(body["other_names"], texts),
        articles=texts(body["articles"]), dates=mapping(body["dates"]),
        urls=mapping(body["urls"]), titles=mapping(body["titles"]),
        named_by=mapping(body["named_by"], lambda v: set(texts(v))),
        relevancy={(text(a), text(e)): number(v, int) for a, e, v in body["relevancy"]},
        drives=mapping(body["drives"], lambda v: set(texts(v))),
        driven=mapping(body["driven"], lambda v: {(text(a), text(s)) for a, s in v}),
        members=mapping(body["members"], lambda v: set(texts(v))),
        related={(text(a), text(b)): float(number(v, float, int)) for a, b, v in body["related"]},
        folders=texts(body["folders"])))


def _consistent(facts: Facts) -> Facts:
    """Saved facts as a graph gives them: articles are nodes of type Article, every
    article named, dated, scored or driving is one of them, dates are calendar dates
    (a crafted facts.json is otherwise free to say anything: the analyses divide by
    these counts and read these dates)."""
    facts.articles = sorted({a for a in facts.articles if facts.types.get(a) == ARTICLE})
    loaded = set(facts.articles)
    facts.dates = {a: d for a, d in facts.dates.items() if a in loaded and is_iso_date(d)}
    facts.named_by = {n: found for n, articles in facts.named_by.items()
                      if n in facts.types and (found := articles & loaded)}
    facts.relevancy = {(a, e): v for (a, e), v in facts.relevancy.items() if a in loaded}
    facts.driven = {f: found for f, pairs in facts.driven.items()
                    if (found := {(a, s) for a, s in pairs if a in loaded})}
    known = facts.types
    facts.related = {(a, b): v for (a, b), v in facts.related.items() if a in known and b in known}
    facts.members = {t: found for t, members in facts.members.items()
                     if t in known and (found := members & known.keys())}
    facts.drives = {s: found for s, forces in facts.drives.items()
                    if s in known and (found := forces & known.keys())}
    return facts


def _name_forces(facts: Facts) -> None:
    """A driving force is named by the articles whose signal rows name it. A graph
    without rows' own links (`driven` empty): every article of a signal it drives."""
    if not facts.driven:
        for signal, found in facts.drives.items():
            for force in found:
                facts.driven.setdefault(force, set()).update(
                    (a, signal) for a in facts.named_by.get(signal, ()))
    for force, pairs in facts.driven.items():
        facts.named_by[force] = {article for article, _ in pairs}


def source_of(url: str) -> str:
    """The host of a link, lower case, without `www.`: where an article came from.

    >>> source_of("https://www.Example.com/a?b"), source_of("not a link")
    ('example.com', '')
    """
    try:
        host = urllib.parse.urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _keep_relevancies(found: dict, rows: Iterable[tuple]) -> None:
    """(article, entity, relevancy) rows into `found`. An article read from several
    renderings may give two relevancies: the highest is kept, as the explorer does."""
    for article, entity, value in rows:
        try:
            number = int(value)
        except (TypeError, ValueError):
            continue
        key = (article, entity)
        if article is not None and (key not in found or number > found[key]):
            found[key] = number  # (relevancies below zero are kept, as written)


class _Text(str):
    """A plain triple's IRI or literal text, with `.value` as pyoxigraph's terms have."""

    @property
    def value(self) -> str:
        return str.__str__(self)


class _Quad(NamedTuple):
    """A plain triple shaped as pyoxigraph's quads are."""

    subject: _Text
    predicate: str
    object: _Text


def facts_from_triples(triples: Iterable[tuple], kinds: KindTable = KINDS) -> Facts:
    """The facts of plain triples (`kg.rdf`: IRIs as str, literals with `.value`)."""
    return _finish(_gather((_Quad(_Text(s), p, _Text(o if o.__class__ is str else o.value))
                            for s, p, o in triples), kinds))


def read_facts(path: str | Path, kinds: KindTable = KINDS, workers: int | None = None,
               saved: bool = True) -> Facts:
    """The facts of a graph file (GraphFileError, naming the file and line, when it
    cannot be parsed). See `read_many`."""
    return read_many([path], kinds, workers, saved)[0]


# Below this size a file is read in one piece: starting processes would cost more.
PARALLEL_BYTES = 8 << 20


def read_many(paths: list[str | Path], kinds: KindTable = KINDS,
              workers: int | None = None, saved: bool = True) -> list[Facts]:
    """The facts of graph files. A graph `kg build` wrote with its page has its facts
    saved beside it (`saved_facts`: used only if the file is unchanged; saved=False
    parses it anyway). Otherwise,
    reading a graph is mostly parsing it, one core per million triples a few seconds,
    so big Turtle and N-Triples files are cut at statement boundaries into pieces parsed
    on `workers` processes (default: one per core; this process parses its share too).

    A piece starts with the file's prefix lines. A file with a prefix or base declared
    anywhere else, or with a piece that does not parse (a cut that fell inside a long
    literal always leaves its piece unterminated), is read again whole, so the result is
    always the file's."""
    from .errors import GraphFileError
    from .store import rdf_format_of

    paths = [Path(p) for p in paths]
    for path in paths:
        if not path.is_file():
            raise GraphFileError("no such graph file", path=path)
        rdf_format_of(path)
    workers = workers or os.cpu_count() or 1
    known = [saved_facts(path, kinds) if saved else None for path in paths]
    jobs: list[tuple] = []
    owner: list[int] = []
    for number, path in enumerate(paths):
        if known[number] is not None:
            continue
        for piece in _pieces(path, workers):
            jobs.append((str(path), *piece, kinds))
            owner.append(number)
    gathered: list = [None] * len(jobs)
    # Forked workers: cheap to start, and the pieces need nothing sent to them. Forking a
    # process that runs threads (a notebook's kernel) is unsafe: there, one process reads.
    if workers > 1 and len(jobs) > 1 and threading.active_count() == 1 and \
            "fork" in multiprocessing.get_all_start_methods():
        mine = list(range(0, len(jobs), workers))  # this process takes every workers-th
        theirs = [i for i in range(len(jobs)) if i not in mine]
        with multiprocessing.get_context("fork").Pool(min(workers - 1, len(theirs))) as pool:
            pending = pool.map_async(_gather_piece, [jobs[i] for i in theirs], chunksize=1)
            for i in mine:
                gathered[i] = _gather_piece(jobs[i])
            for i, found in zip(theirs, pending.get()):
                gathered[i] = found
    else:
        gathered = [_gather_piece(job) for job in jobs]
    facts = []
    for number, path in enumerate(paths):
        if known[number] is not None:
            facts.append(known[number])
            continue
        mine = [g for g, o in zip(gathered, owner) if o == number]
        if any(g is None for g in mine):  # a cut went wrong: read the file whole
            mine = [_gather_file(path, kinds)]
        facts.append(_finish(_merge(mine)))
    return facts


_DECLARATION = re.compile(rb"(?i)[ \t]*(@prefix|@base|prefix[ \t]|base[ \t])")
_WINDOW = 1 << 20  # bytes read around a cut to find a statement boundary


def _pieces(path: Path, count: int) -> list[tuple[bytes, int, int]]:
    """(header, start, end) byte ranges of a file, cut at blank lines before a statement
    (Turtle) or at line ends (N-Triples); one range (the whole file, no header) when it is
    small, of another format, or its cuts cannot be found nearby."""
    size = path.stat().st_size
    whole = [(b"", 0, -1)]
    turtle = path.suffix.lower() == ".ttl"
    if count < 2 or size < PARALLEL_BYTES or path.suffix.lower() not in (".ttl", ".nt"):
        return whole
    with open(path, "rb") as handle:
        head = handle.read(_WINDOW)
        header_end = 0
        if turtle:
            for line in head.splitlines(keepends=True):
                if line.strip() and not _DECLARATION.match(line):
                    break
                header_end += len(line)
        boundary = b"\n\n" if turtle else b"\n"
        cuts = [header_end]
        for i in range(1, count):
            start = max(size * i // count, cuts[-1])
            handle.seek(start)
            at = handle.read(_WINDOW).find(boundary)
            if at < 0:
                return whole
            cuts.append(start + at + len(boundary))
    cuts.append(size)
    return [(head[:header_end], a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _declares(data: bytes) -> bool:
    """Whether a prefix or base is declared in `data` (a line starting with @prefix, PREFIX,
    @base or BASE, any case). Words in texts may make it say yes: then the file is just
    read whole."""
    lower = data.lower()
    for token in (b"prefix", b"base"):
        at = lower.find(token)
        while at >= 0:
            line = lower.rfind(b"\n", 0, at) + 1
            if lower[line:at].strip(b" \t") in (b"", b"@"):
                return True
            at = lower.find(token, at + 1)
    return False


def _gather_piece(job) -> dict | None:
    """What one piece of a file holds (see `_gather`); None when it does not parse or
    declares a prefix of its own (the other pieces would not know it)."""
    import pyoxigraph as ox

    from .errors import UNREADABLE_GRAPH
    from .store import rdf_format_of

    path, header, start, end, kinds = job
    if end < 0:
        return _gather_file(Path(path), kinds)
    with open(path, "rb") as handle:
        handle.seek(start)
        body = handle.read(end - start)
    if _declares(body):
        return None
    try:
        return _gather(ox.parse(header + body, format=rdf_format_of(path)), kinds)
    except UNREADABLE_GRAPH:  # (read whole, to say where)
        return None


def _gather_file(path: Path, kinds: KindTable) -> dict:
    import pyoxigraph as ox

    from .errors import UNREADABLE_GRAPH, GraphFileError
    from .store import rdf_format_of

    try:
        # (strict, as kg query reads it: lenient parsing was 2.5% faster on 4 million
        # triples, but a file one command refused another read without a word)
        return _gather(ox.parse(path=str(path), format=rdf_format_of(path)), kinds)
    except UNREADABLE_GRAPH as err:
        raise GraphFileError.from_syntax(err, path) from None
    except OSError as err:
        raise GraphFileError(f"cannot read: {err.strerror or err}", path=path) from None


# What each predicate is to the reader (one look-up per triple).
(_TYPE, _LABEL, _NAMES, _DRIVES, _HAS_MENTION, _MENTION_OF, _RELEVANCY, _PUBLISHED, _DATE,
 _URL, _LOADED, _MEMBER, _TREND_ARTICLE, _RELATED, _RELATES, _SCORE, _SOURCE_PATH,
 _ALT_LABEL) = range(18)


def _predicates(kinds: KindTable) -> dict[str, int]:
    table = {V.TYPE: _TYPE, V.LABEL: _LABEL, V.HAS_MENTION: _HAS_MENTION,
             V.MENTION_OF: _MENTION_OF, V.RELEVANCY: _RELEVANCY, V.PUBLISHED_IN: _PUBLISHED,
             V.DATE: _DATE, V.URL: _URL, V.IS_LOADED: _LOADED, V.MEMBER: _MEMBER,
             V.TREND_ARTICLE: _TREND_ARTICLE, V.RELATED: _RELATED, V.RELATES: _RELATES,
             V.SCORE: _SCORE, V.SOURCE_PATH: _SOURCE_PATH, V.ALT_LABEL: _ALT_LABEL}
    table.update({iri: _NAMES for iri in kinds.article_properties()})
    table.update({iri: _DRIVES for iri in kinds.row_link_properties()})
    return table


# The raw facts gathered from (a piece of) a graph: name -> dict, list or set.
_DICTS = ("types", "labels", "mention_article", "mention_entity", "mention_relevancy",
          "page_dates", "urls", "scores")
_LISTS = ("names", "drives", "pages", "members", "related", "relates", "unloaded", "paths",
          "rows", "row_drives", "other_names")


def _gather(quads: Iterable, kinds: KindTable) -> dict:
    """The raw facts of a graph's (or a piece's) quads (pyoxigraph's, or `_Quad`s): one
    pass, the predicate looked at first (most triples are texts the analyses do not
    read), nothing joined across pieces yet. Strings are interned: an IRI named a hundred
    times is one string, sent back from a worker once."""
    import pyoxigraph as ox

    # Keyed by pyoxigraph's IRIs (a look-up hashes the parser's term, no string is made)
    # and by plain strings (for `_Quad`s).
    classes = {V.ARTICLE: ARTICLE, V.TREND: TREND, **{k.cls: k.class_name for k in kinds}}
    classes.update({ox.NamedNode(iri): name for iri, name in classes.items()})
    predicates = _predicates(kinds)
    get = {**predicates, **{ox.NamedNode(iri): code for iri, code in predicates.items()}}.get
    raw = {name: {} for name in _DICTS} | {name: [] for name in _LISTS}
    types = raw["types"]
    # subject -> object, in a dict; (subject, object), in a list
    into_dict = {_LABEL: raw["labels"], _MENTION_OF: raw["mention_entity"],
                 _RELEVANCY: raw["mention_relevancy"], _DATE: raw["page_dates"],
                 _URL: raw["urls"], _SCORE: raw["scores"]}
    into_list = {_NAMES: raw["names"], _TREND_ARTICLE: raw["names"], _DRIVES: raw["drives"],
                 _PUBLISHED: raw["pages"], _MEMBER: raw["members"], _RELATES: raw["relates"],
                 _ALT_LABEL: raw["other_names"]}
    mention_article = raw["mention_article"]
    for quad in quads:
        code = get(quad.predicate)
        if code is None:
            continue
        if code == _TYPE:  # most are of mentions, summaries, pages: no subject needed
            kind = classes.get(quad.object)
            if kind is not None:
                types[intern(quad.subject.value)] = kind
            continue
        s, o = intern(quad.subject.value), intern(quad.object.value)
        target = into_dict.get(code)
        if target is not None:
            target[s] = o
        elif (pairs := into_list.get(code)) is not None:
            pairs.append((s, o))
        elif code == _HAS_MENTION:
            mention_article[o] = s
        elif code == _LOADED:
            if o == "false":
                raw["unloaded"].append(s)
        elif code == _RELATED:
            if s != o:
                raw["related"].append((s, o) if s < o else (o, s))
        elif code == _SOURCE_PATH:
            raw["paths"].append(o)
    _join_mentions(raw)
    return raw


def _join_mentions(raw: dict) -> None:
    """Each mention whose article and entity are known, as rows: (article, entity,
    relevancy) and (article, signal, driving force); mentions not yet joinable (their
    article's statement in another piece of the file) stay as they are."""
    article_of, entity_of = raw["mention_article"], raw["mention_entity"]
    relevancy_of = raw["mention_relevancy"]
    forces_of: dict[str, list[str]] = defaultdict(list)
    kept = []
    for subject, force in raw["drives"]:
        if subject in entity_of:
            forces_of[subject].append(force)
        else:  # a signal's own link (or a mention read in another piece)
            kept.append((subject, force))
    for mention in [m for m in entity_of if m in article_of]:
        article, entity = article_of.pop(mention), entity_of.pop(mention)
        relevancy = relevancy_of.pop(mention, None)
        if relevancy is not None:
            raw["rows"].append((article, entity, relevancy))
        raw["row_drives"] += [(article, entity, force) for force in forces_of.pop(mention, ())]
    raw["drives"] = kept + [(m, f) for m, found in forces_of.items() for f in found]


def _merge(pieces: list[dict]) -> dict:
    if len(pieces) == 1:
        return pieces[0]
    merged = {name: {} for name in _DICTS} | {name: [] for name in _LISTS}
    for piece in pieces:
        for name in _DICTS:
            merged[name].update(piece[name])
        for name in _LISTS:
            merged[name] += piece[name]
    return merged


def _finish(raw: dict) -> Facts:
    """The Facts of the raw facts gathered from a whole graph."""
    types = raw["types"]
    facts = Facts(types=types, labels={n: raw["labels"].get(n, n) for n in types})
    unloaded = set(raw["unloaded"])
    facts.articles = sorted(n for n, t in types.items() if t == ARTICLE and n not in unloaded)
    loaded = set(facts.articles)
    page_dates = raw["page_dates"]
    for article, page in raw["pages"]:
        if article in loaded and page in page_dates:
            date = page_dates[page]
            if is_iso_date(date) and date < facts.dates.get(article, "9999"):
                facts.dates[article] = date
    facts.urls = {a: u for a, u in raw["urls"].items() if types.get(a) == ARTICLE}
    facts.titles = {a: facts.labels[a] for a in facts.articles}
    for node, name in raw["other_names"]:
        if types.get(node, ARTICLE) not in (ARTICLE, TREND):  # (an entity's, as the index)
            facts.other_names.setdefault(node, []).append(name)
    for names in facts.other_names.values():
        names.sort()
    for source, target in raw["names"]:
        if source in loaded and target in types:
            facts.named_by.setdefault(target, set()).add(source)
        elif types.get(source) == TREND and target in loaded:
            facts.named_by.setdefault(source, set()).add(target)
    _join_mentions(raw)  # what the pieces could not join alone
    _keep_relevancies(facts.relevancy, (row for row in raw["rows"]
                                         if row[0] in loaded and row[1] in types))
    for signal, force in raw["drives"]:
        if types.get(signal) == "Signal" and force in types:
            facts.drives.setdefault(signal, set()).add(force)
    for article, signal, force in raw["row_drives"]:  # one article's signal row names a force
        if article in loaded and types.get(signal) == "Signal" and force in types:
            facts.driven.setdefault(force, set()).add((article, signal))
    _name_forces(facts)
    for trend, member in raw["members"]:
        if types.get(trend) == TREND and member in types:
            facts.members.setdefault(trend, set()).add(member)
    ends: dict[str, list[str]] = defaultdict(list)
    for node, end in raw["relates"]:
        ends[node].append(end)
    score_of: dict[tuple[str, str], float] = {}
    for node, pair in ends.items():
        if len(pair) == 2 and node in raw["scores"]:
            try:
                score_of[tuple(sorted(pair))] = float(raw["scores"][node])
            except ValueError:
                pass
    facts.related = {pair: score_of.get(pair, 0.0) for pair in sorted(set(raw["related"]))
                      if pair[0] in types and pair[1] in types}
    folders = Counter(path.split("/", 1)[0] for path in raw["paths"] if "/" in path)
    facts.folders = sorted(folders, key=lambda f: (-folders[f], f))
    return facts
