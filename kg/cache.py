"""Build cache: what a rebuild can reuse from the previous build in the same folder.

It lives in `OUTDIR/.kg-cache/`:

* `state.sqlite` records, for every article, its files' signatures (path, size,
  mtime, content hash) and where its block of Turtle sits in graph.ttl; where
  each output bucket of the shared section sits; and the gathered shared nodes
  (SharedNodes: entity names, entity links, pages, linked articles) as rows
  tagged with their output bucket.
* `parts.bin` holds every article's part (what it says about shared nodes),
  pickled. Incremental builds append the parts they make; full builds (and
  an incremental one that finds most of the file stale) write it anew.

An article whose files have the same content is not parsed again: its Turtle
block is copied byte for byte. For a changed article, only the buckets its old
and new parts touch are read from the database (`load_shared`), updated, written
to graph.ttl anew and written back, so the cost of a rebuild follows the size of
the change more than the size of the corpus. The output is the same as a clean
build's.

The cache is only trusted when graph.ttl is exactly the file it describes (same
size and mtime) and kg's code, the base IRI, the aliases file and the kinds
table are the same; anything unreadable means a clean build.
"""

from __future__ import annotations

import marshal
import os
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .errors import CacheError
from .files import code_digest, content_digest
from .model import Diagnostic

CACHE_FORMAT = 7
STATE_FILE = "state.sqlite"

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB);
-- Rows are read and replaced a bucket at a time, so they are stored by bucket.
-- forms: the one surface form (text) or a marshalled {form: count};
-- links: marshalled {(property IRI, other entity IRI): count} (a signal's drivers), else NULL
CREATE TABLE entity (bucket INTEGER, iri TEXT, forms, links BLOB,
                     PRIMARY KEY (bucket, iri)) WITHOUT ROWID;
-- problem: why the page id is not a usable date, else NULL
CREATE TABLE page (bucket INTEGER, page TEXT, urls BLOB, paths BLOB, problem TEXT,
                   PRIMARY KEY (bucket, page)) WITHOUT ROWID;
CREATE TABLE link (bucket INTEGER, target TEXT, texts BLOB,
                   PRIMARY KEY (bucket, target)) WITHOUT ROWID;
"""


# What a damaged database or a damaged marshalled value raises.
_UNREADABLE = (sqlite3.Error, ValueError, EOFError, TypeError)


# Named tuples, not dataclasses: the table of every article is read and written on
# every build, and tuples go to and from marshal several times faster.
class FileSignature(NamedTuple):
    shown_as: str
    size: int
    mtime_ns: int
    digest: str


class CachedArticle(NamedTuple):
    files: tuple[FileSignature, ...]
    offset: int  # of the article's Turtle block in graph.ttl
    length: int
    part_offset: int  # of the pickled ArticlePart in parts.bin
    part_length: int
    documents: list[str]
    diagnostics: list  # of Diagnostic
    counts: dict[str, int]
    triple_count: int


@dataclass
class CachedBucket:
    offset: int  # of the bucket's Turtle in graph.ttl
    length: int
    counts: dict[str, int] = field(default_factory=dict)
    triple_count: int = 0


@dataclass
class BuildCache:
    key: tuple  # cache_key(): format, code digest, base IRI, aliases, kinds, Python
    graph_signature: tuple[int, int] | None = None  # graph.ttl (size, mtime_ns)
    articles: dict[str, CachedArticle] = field(default_factory=dict)
    buckets: dict[int, CachedBucket] = field(default_factory=dict)
    today: str | None = None  # build date the shared rows were made with (ISO)
    connection: sqlite3.Connection | None = None  # the open state database, if any

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def cache_dir(outdir: Path) -> Path:
    return outdir / ".kg-cache"


def cache_key(base: str, aliases_digest: str | None, kinds_digest: str = "") -> tuple:
    """What must be unchanged for a cache to be used: kg's own code and ontology (an
    upgraded or edited kg never serves output made by other code), the base IRI, the
    aliases file, the kinds table, and Python (marshal's format is Python's)."""
    return (CACHE_FORMAT, code_digest(), base, aliases_digest, kinds_digest,
            sys.version_info[:2])


# --- reading ----------------------------------------------------------------------------


def load_cache(outdir: Path, key: tuple) -> BuildCache:
    """The cache for this output folder, or an empty one when it cannot be trusted.

    The returned cache keeps its database open (for `load_shared` and
    `SharedRows`); `close()` it when done.
    """
    path = cache_dir(outdir) / STATE_FILE
    if not path.exists():
        return BuildCache(key)
    connection = None
    try:
        connection = sqlite3.connect(path, isolation_level=None)
        meta = dict(connection.execute("SELECT name, value FROM meta"))
        stat = (outdir / "graph.ttl").stat()
        if marshal.loads(meta["key"]) != key or \
                tuple(marshal.loads(meta["graph"])) != (stat.st_size, stat.st_mtime_ns):
            connection.close()
            return BuildCache(key)
        cache = BuildCache(key, (stat.st_size, stat.st_mtime_ns),
                           _decode_articles(marshal.loads(meta["articles"])),
                           {number: CachedBucket(*row)
                            for number, row in marshal.loads(meta["buckets"]).items()},
                           marshal.loads(meta["today"]), connection)
    except (OSError, KeyError) + _UNREADABLE:
        if connection is not None:
            connection.close()
        return BuildCache(key)
    return cache


def load_shared(cache: BuildCache, shared, buckets: set[int] | None) -> None:
    """Fill an empty SharedNodes with the rows of `buckets` (None: all of them)."""
    if cache.connection is None:
        raise CacheError("no state database to read shared nodes from")
    where, values = _in_buckets(buckets)
    try:
        for iri, forms, links in cache.connection.execute(
                f"SELECT iri, forms, links FROM entity {where}", values):
            shared.forms[iri] = forms if forms.__class__ is str else marshal.loads(forms)
            if links is not None:
                shared.entity_links[iri] = marshal.loads(links)
        for page, urls, paths in cache.connection.execute(
                f"SELECT page, urls, paths FROM page {where}", values):
            shared.pages[page] = marshal.loads(urls)
            shared.page_paths[page] = marshal.loads(paths)
        for target, texts in cache.connection.execute(
                f"SELECT target, texts FROM link {where}", values):
            shared.links[target] = marshal.loads(texts)
    except _UNREADABLE as err:
        raise CacheError(f"unreadable shared nodes in the cache: {err}") from err


def page_problems(cache: BuildCache) -> list[tuple[str, dict[str, int], str]]:
    """(page, its files, why its id is not a usable date) for every such page."""
    try:
        return [(page, marshal.loads(paths), problem) for page, paths, problem in
                cache.connection.execute(
                    "SELECT page, paths, problem FROM page WHERE problem IS NOT NULL")]
    except _UNREADABLE as err:
        raise CacheError(f"unreadable pages in the cache: {err}") from err


def _in_buckets(buckets: set[int] | None) -> tuple[str, list[int]]:
    if buckets is None:
        return "", []
    values = sorted(buckets)
    return f"WHERE bucket IN ({','.join('?' * len(values))})", values


# --- writing ----------------------------------------------------------------------------


class SharedRows:
    """Writes the shared nodes' rows, bucket by bucket, then the build's records.

    Without `old`, into a new database that replaces the old one on `commit`
    (a full build). With `old` (an incremental build), over the rows of the
    buckets written, in the old database, in one transaction: a build that
    fails leaves the previous state as it was.
    """

    def __init__(self, outdir: Path, old: BuildCache | None = None):
        self.outdir = outdir
        self.path = cache_dir(outdir) / STATE_FILE
        if old is not None and old.connection is not None:
            self.connection, self.replacing = old.connection, False
            self.connection.execute("BEGIN")
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.new_path = self.path.with_name(f".{STATE_FILE}.{os.getpid()}.tmp")
            self.new_path.unlink(missing_ok=True)
            self.connection, self.replacing = sqlite3.connect(self.new_path,
                                                               isolation_level=None), True
            # A new file moved into place when complete: no journal needed while writing.
            self.connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                                          + _SCHEMA)
            self.connection.execute("BEGIN")

    def add_bucket(self, number: int, members: list[tuple[str, str]], shared) -> None:
        """Store the rows of one bucket (its members, as SharedNodes.members gives them)."""
        entities, pages, links = [], [], []
        for what, key in members:
            if what == "entity":
                forms = shared.forms[key]
                linked = shared.entity_links.get(key)
                entities.append((number, key, forms if forms.__class__ is str
                                 else marshal.dumps(forms),
                                 None if linked is None else marshal.dumps(linked)))
            elif what == "page":
                pages.append((number, key, marshal.dumps(shared.pages[key]),
                              marshal.dumps(shared.page_paths[key]), shared.page_problem(key)))
            else:
                links.append((number, key, marshal.dumps(shared.links[key])))
        execute = self.connection.executemany
        execute("INSERT INTO entity VALUES (?, ?, ?, ?)", entities)
        execute("INSERT INTO page VALUES (?, ?, ?, ?, ?)", pages)
        execute("INSERT INTO link VALUES (?, ?, ?)", links)

    def clear(self, buckets: set[int]) -> None:
        """Delete the rows of `buckets` (before writing them again)."""
        where, values = _in_buckets(buckets)
        for table in ("entity", "page", "link"):
            self.connection.execute(f"DELETE FROM {table} {where}", values)

    def store_articles(self, cache: BuildCache) -> None:
        """Store the build's articles, buckets and date (before graph.ttl is complete)."""
        meta = {"key": cache.key, "articles": _encode_articles(cache.articles),
                "buckets": {number: (b.offset, b.length, b.counts, b.triple_count)
                            for number, b in cache.buckets.items()},
                "today": cache.today}
        self.connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                    [(name, marshal.dumps(value)) for name, value in meta.items()])

    def commit(self, cache: BuildCache) -> None:
        """Record the signature of graph.ttl as it is now, and commit."""
        stat = (self.outdir / "graph.ttl").stat()
        cache.graph_signature = (stat.st_size, stat.st_mtime_ns)
        self.connection.execute("INSERT OR REPLACE INTO meta VALUES ('graph', ?)",
                                (marshal.dumps(cache.graph_signature),))
        self.connection.execute("COMMIT")
        if self.replacing:
            self.connection.close()
            # A journal left by a crash belongs to the old file, never to this one.
            for leftover in ("-journal", "-wal", "-shm"):
                Path(f"{self.path}{leftover}").unlink(missing_ok=True)
            os.replace(self.new_path, self.path)
            (self.path.parent / "state.pickle").unlink(missing_ok=True)  # kg <= format 6

    def abort(self) -> None:
        if self.connection.in_transaction:
            self.connection.execute("ROLLBACK")
        if self.replacing:
            self.connection.close()
            self.new_path.unlink(missing_ok=True)


def _encode_articles(articles: dict[str, CachedArticle]) -> dict:
    return {article_id: (tuple(map(tuple, a.files)), a.offset, a.length, a.part_offset,
                         a.part_length, a.documents,
                         [(d.level, d.path, d.line, d.message) for d in a.diagnostics],
                         a.counts, a.triple_count)
            for article_id, a in articles.items()}


def _decode_articles(table: dict) -> dict[str, CachedArticle]:
    return {article_id: CachedArticle(tuple(map(FileSignature._make, files)), offset, length,
                                      part_offset, part_length, documents,
                                      [Diagnostic(*d) for d in diagnostics] if diagnostics
                                      else diagnostics, counts, triples)
            for article_id, (files, offset, length, part_offset, part_length, documents,
                             diagnostics, counts, triples) in table.items()}


def reusable(entry: CachedArticle, files: list) -> tuple[FileSignature, ...] | None:
    """The files' signatures if they are the files the entry was built from with the same
    content, else None.

    A file whose size and mtime are unchanged is trusted (as git's index does);
    otherwise its content hash decides.
    """
    if len(entry.files) != len(files):
        return None
    signatures = []
    for signature, source in zip(entry.files, files):
        if signature.shown_as != source.shown_as:
            return None
        stat = os.stat(source.path)
        if (stat.st_size, stat.st_mtime_ns) != (signature.size, signature.mtime_ns):
            if stat.st_size != signature.size or \
                    content_digest(Path(source.path).read_bytes()) != signature.digest:
                return None
            signature = FileSignature(signature.shown_as, stat.st_size, stat.st_mtime_ns,
                                      signature.digest)
        signatures.append(signature)
    return tuple(signatures)
