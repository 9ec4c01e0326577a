"""Build cache: what a rebuild can reuse from the previous build in the same folder.

It lives in `OUTDIR/.kg-cache/`:

* `state.sqlite` records, for every article, its files' signatures (path, size,
  mtime, content hash) and where its block of Turtle sits in graph.ttl; where
  each output bucket of the shared section sits; and the gathered shared nodes
  (SharedNodes: entity names, entity links, pages, linked articles) as rows
  tagged with their output bucket.
* `parts.bin` holds every article's part (what it says about shared nodes) as
  JSON. Incremental builds append the parts they make; full builds (and an
  incremental one that finds most of the file stale) write it anew. The state
  keeps each part's digest, checked whenever the part is read.
* `signatures.sqlite` holds the signatures of the names' keys (SignatureMemo), which
  the corpus' join reads every build: a rebuild computes only its new keys'.

Everything is stored as data (JSON through orjson, SQLite rows of text and
numbers), never as pickles or marshalled objects, and every value read back is
checked for its shape, every block it points to checked to lie in its file apart
from the others, the database holding kg's tables and nothing else, and no file of
the cache is opened through a symbolic link (`prepare_cache_dir` removes them before
the build, `kg query`'s index or `kg push`'s records write there): an output folder
received from someone else cannot make kg run code or write outside it, and a
damaged one only means a clean build. (What the cache does trust, as
git trusts its index, is that graph.ttl is the file kg wrote when its size and mtime
say so: a folder someone else wrote may hold any graph.ttl, so build into your own.)

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

import fcntl
import hashlib
import os
import re
import shutil
import sqlite3
import sys
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, NamedTuple

import orjson

from .dates import is_iso_date
from .blocks import read_range
from .errors import CacheError, for_terminal
from .files import TEMP_PREFIX, code_digest, content_digest
from .model import Diagnostic
from .parts import ArticlePart
from .seal import seal

CACHE_FORMAT = 10
STATE_FILE = "state.sqlite"
LOCK_FILE = "build.lock"  # (held by the build writing to the folder)

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB);
-- Rows are read and replaced a bucket at a time, so they are stored by bucket.
-- forms: JSON, the one surface form or {form: count};
-- links: JSON [[property IRI, other entity IRI, count], ...] (a signal's drivers), else NULL
CREATE TABLE entity (bucket INTEGER, iri TEXT, forms, links BLOB,
                     PRIMARY KEY (bucket, iri)) WITHOUT ROWID;
-- problem: why the page id is not a usable date, else NULL
CREATE TABLE page (bucket INTEGER, page TEXT, urls BLOB, paths BLOB, problem TEXT,
                   PRIMARY KEY (bucket, page)) WITHOUT ROWID;
CREATE TABLE link (bucket INTEGER, target TEXT, texts BLOB,
                   PRIMARY KEY (bucket, target)) WITHOUT ROWID;
"""


# What a damaged database or a value of the wrong shape raises while it is read.
_UNREADABLE = (sqlite3.Error, ValueError, TypeError, KeyError, IndexError)


# Named tuples, not dataclasses: the table of every article is read and written on
# every build, and tuples are made and unpacked fastest.
class FileSignature(NamedTuple):
    shown_as: str
    size: int
    mtime_ns: int  # -1: compare the content whatever the time (see `file_signature`)
    digest: str


# How recent a file's modification time may be, when it is read, for that time to be
# trusted later: an edit saved within the file system's timestamp granularity of the
# read (2 s on FAT) keeps size and time.
RACY_NS = 3_000_000_000


def file_signature(shown_as: str, stat: os.stat_result, digest: str) -> FileSignature:
    """A file's signature as read (`stat` taken before its bytes): with its modification
    time, unless that time is too recent (or in the future) to tell a same-size edit
    saved just after the read, when it is compared by content next time (git's "racily
    clean" entries).

    >>> old = os.stat(__file__)
    >>> file_signature("a.md", old, "d").mtime_ns == old.st_mtime_ns
    True
    """
    recent = time.time_ns() - stat.st_mtime_ns < RACY_NS
    return FileSignature(shown_as, stat.st_size, -1 if recent else stat.st_mtime_ns, digest)


class CachedArticle(NamedTuple):
    files: tuple[FileSignature, ...]
    offset: int  # of the article's Turtle block in graph.ttl
    length: int
    part_offset: int  # of its ArticlePart in parts.bin
    part_length: int
    part_digest: str  # of its bytes (`part_digest`): checked each time the part is read
    link_offset: int  # of its block of triples pointing at entities, in graph.ttl
    link_length: int
    link_triple_count: int
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
    dates: tuple[str, str] | None = None  # its pages' first and last date (ISO)


@dataclass
class BuildCache:
    key: list  # cache_key(): format, code digest, base IRI, aliases, kinds, Python
    graph_signature: list | None = None  # of graph.ttl and parts.bin (files_signature)
    articles: dict[str, CachedArticle] = field(default_factory=dict)
    buckets: dict[int, CachedBucket] = field(default_factory=dict)
    today: str | None = None  # build date the shared rows were made with (ISO)
    joined: dict[str, str] = field(default_factory=dict)  # keys the corpus joined (resolve)
    connection: sqlite3.Connection | None = None  # the open state database, if any

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def cache_dir(outdir: Path) -> Path:
    return outdir / ".kg-cache"


def prepare_cache_dir(outdir: Path) -> None:
    """Make the cache folder writable whatever was done to it: a file where the folder
    should be, or a folder where one of its files should be, is removed (kg owns
    .kg-cache; a cache that was not whole has already been judged untrusted)."""
    folder = cache_dir(outdir)
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        remove_path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    remove_links(folder)
    for name in ("parts.bin", STATE_FILE, MEMO_FILE, "facts.json", LOCK_FILE):
        if (folder / name).is_dir():
            remove_path(folder / name)


@contextmanager
def build_lock(outdir: Path) -> Iterator[None]:
    """Hold the output folder for one build (an advisory lock on .kg-cache/build.lock,
    released when the process ends, however it ends): a second build into it waits,
    saying so on stderr."""
    prepare_cache_dir(outdir)
    path = cache_dir(outdir) / LOCK_FILE
    flags = os.O_RDONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK  # (flock: no writes)
    handle = _open_lock(path, flags)
    if handle is None:
        handle = _open_lock(path, flags, anew=True)
    if handle is None:  # (then this build goes unguarded, as on a file system without locks)
        yield
        return
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"kg: another build is writing to {for_terminal(str(outdir))}; waiting for it",
                  file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:  # (a file system without locks: builds there go unguarded)
            pass
        yield
    finally:
        os.close(handle)


def _open_lock(path: Path, flags: int, anew: bool = False) -> int | None:
    """The lock file's descriptor, or None; `anew`: what is there removed first (a
    socket, say, of a folder handed over)."""
    try:
        if anew:
            path.unlink(missing_ok=True)
        return os.open(path, flags, 0o644)
    except OSError:
        return None


def remove_links(folder: Path) -> None:
    """Remove every symbolic link in the cache folder: kg never makes one, and a file
    opened through one would be read, appended to or journalled (SQLite deletes and
    rolls back `<target>-journal`) outside the output folder."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_symlink():
            Path(entry.path).unlink(missing_ok=True)


def no_follow(path: str, flags: int) -> int:
    """An `open(..., opener=no_follow)` that refuses a symbolic link (ELOOP)."""
    return os.open(path, flags | os.O_NOFOLLOW, 0o666)


def cache_key(base: str, aliases_digest: str | None, kinds_digest: str = "") -> list:
    """What must be unchanged for a cache to be used: kg's own code and ontology (an
    upgraded or edited kg never serves output made by other code), the base IRI, the
    aliases file, the kinds table, and Python's version; sealed with this user's secret
    (kg.seal), so a cache made elsewhere, handed over with its folder, is never used."""
    key = [CACHE_FORMAT, code_digest(), base, aliases_digest, kinds_digest,
           list(sys.version_info[:2])]
    return key + [seal("build cache", repr(key))]


def file_identity(path: Path) -> list[int]:
    """Which file a path is now, as a cache records it: its device, inode, change time,
    size and mtime (a copy, however faithful, is another file: its inode and change
    time are new, and no one sets a change time)."""
    stat = os.stat(path, follow_symlinks=False)
    return [stat.st_dev, stat.st_ino, stat.st_ctime_ns, stat.st_size, stat.st_mtime_ns]


def files_signature(outdir: Path) -> list:
    """The graph.ttl a state describes, sealed (kg.seal): a state copied beside another
    file, or beside a copy of it, is never used (an attack copied a state it had been
    given into a folder of its own). (Not parts.bin's: a failed build appends to it and
    its state stays good; each part is checked against its digest.)"""
    found = file_identity(outdir / "graph.ttl") + [str(outdir.resolve())]
    return found + [seal("build cache files", repr(found))]


# --- reading ----------------------------------------------------------------------------


def load_cache(outdir: Path, key: tuple) -> BuildCache:
    """The cache for this output folder, or an empty one when it cannot be trusted.

    The returned cache keeps its database open (for `load_shared` and
    `SharedRows`); `close()` it when done.
    """
    path = cache_dir(outdir) / STATE_FILE
    if cache_dir(outdir).is_symlink() or (outdir / "graph.ttl").is_symlink():
        return BuildCache(key)
    remove_links(cache_dir(outdir))
    if not path.is_file():
        return BuildCache(key)
    connection = None
    try:
        # (quoted: a folder named with ? or # is a path, not the URI's query; nofollow:
        # never through a link made since remove_links)
        connection = sqlite3.connect(f"file:{urllib.parse.quote(str(path))}?mode=rw&nofollow=1",
                                     uri=True, isolation_level=None)
        if not _only_our_schema(connection):
            connection.close()
            return BuildCache(key)
        meta = {name: orjson.loads(value)
                for name, value in connection.execute("SELECT name, value FROM meta")}
        stat = (outdir / "graph.ttl").stat()
        if meta["key"] != key or meta["graph"] != files_signature(outdir):
            connection.close()
            return BuildCache(key)
        articles = _decode_articles(meta["articles"])
        buckets = _decode_buckets(meta["buckets"])
        # Every block the tables point to must lie in its file, apart from the others
        # (else: a clean build). A build writes them so; a damaged or crafted table may
        # not, and a block copied from elsewhere would be another article's.
        parts = cache_dir(outdir) / "parts.bin"
        turtle_blocks = [(a.offset, a.length) for a in articles.values()] + \
            [(a.link_offset, a.link_length) for a in articles.values()] + \
            [(b.offset, b.length) for b in buckets.values()]
        if not parts.is_file() or not _apart_within(turtle_blocks, stat.st_size) or \
                not _apart_within([(a.part_offset, a.part_length) for a in articles.values()],
                                  parts.stat().st_size):
            connection.close()
            return BuildCache(key)
        joined = meta["joined"]
        if joined.__class__ is not dict or not all(v.__class__ is str for v in joined.values()):
            raise TypeError("joined keys of the wrong shape")
        cache = BuildCache(key, meta["graph"], articles, buckets,
                           _iso_date(meta["today"]), joined, connection)
    except (OSError, orjson.JSONDecodeError) + _UNREADABLE:
        if connection is not None:
            connection.close()
        return BuildCache(key)
    return cache


def _only_our_schema(connection: sqlite3.Connection) -> bool:
    """Whether the database holds kg's tables (and their keys' indexes) and nothing
    else: a trigger or a view put in a crafted cache would make kg's own writes fail."""
    found = set(connection.execute("SELECT type, name, tbl_name FROM sqlite_master"))
    tables = {("table", name, name) for name in ("meta", "entity", "page", "link")}
    return tables <= found and all(
        row in tables or row[0] == "index" and row[1].startswith("sqlite_autoindex_")
        and ("table", row[2], row[2]) in tables for row in found)


def _apart_within(blocks: list[tuple[int, int]], size: int) -> bool:
    """Whether the (offset, length) blocks lie within a file of `size` bytes, none
    overlapping another (empty blocks may sit anywhere in it).

    >>> _apart_within([(0, 10), (10, 5), (3, 0)], 15), _apart_within([(0, 10), (5, 5)], 15)
    (True, False)
    >>> _apart_within([(-5, 5)], 15), _apart_within([(10, 6)], 15)
    (False, False)
    """
    end = 0
    for offset, length in sorted(blocks):
        if offset < 0 or length < 0 or offset + length > size:
            return False
        if length:
            if offset < end:
                return False
            end = offset + length
    return True


def load_shared(cache: BuildCache, shared, buckets: set[int] | None) -> None:
    """Fill an empty SharedNodes with the rows of `buckets` (None: all of them)."""
    if cache.connection is None:
        raise CacheError("no state database to read shared nodes from")
    where, values = _in_buckets(buckets)
    try:
        for iri, forms, links in cache.connection.execute(
                f"SELECT iri, forms, links FROM entity {where}", values):
            forms = orjson.loads(forms)
            shared.forms[_iri(iri)] = forms if forms.__class__ is str else _counts(forms)
            if links is not None:
                shared.entity_links[iri] = {(_iri(prop), _iri(other)): _number(count)
                                            for prop, other, count in orjson.loads(links)}
        for page, urls, paths in cache.connection.execute(
                f"SELECT page, urls, paths FROM page {where}", values):
            shared.pages[_text(page)] = _counts(orjson.loads(urls))
            shared.page_paths[page] = _counts(orjson.loads(paths))
        for target, texts in cache.connection.execute(
                f"SELECT target, texts FROM link {where}", values):
            shared.links[_text(target)] = _counts(orjson.loads(texts))
    except (orjson.JSONDecodeError,) + _UNREADABLE as err:
        raise CacheError(f"unreadable shared nodes in the cache: {err}") from err


def load_all_forms(cache: BuildCache) -> dict[str, "str | dict[str, int]"]:
    """Every entity key IRI with its surface forms (what the corpus' joins are decided on)."""
    if cache.connection is None:
        raise CacheError("no state database to read entity names from")
    try:
        found = {}
        for iri, forms in cache.connection.execute("SELECT iri, forms FROM entity"):
            forms = orjson.loads(forms)
            found[_iri(iri)] = forms if forms.__class__ is str else _counts(forms)
        return found
    except (orjson.JSONDecodeError,) + _UNREADABLE as err:
        raise CacheError(f"unreadable entity names in the cache: {err}") from err


def page_problems(cache: BuildCache) -> list[tuple[str, dict[str, int], str]]:
    """(page, its files, why its id is not a usable date) for every such page."""
    try:
        return [(_text(page), _counts(orjson.loads(paths)), _text(problem))
                for page, paths, problem in cache.connection.execute(
                    "SELECT page, paths, problem FROM page WHERE problem IS NOT NULL")]
    except (orjson.JSONDecodeError,) + _UNREADABLE as err:
        raise CacheError(f"unreadable pages in the cache: {err}") from err


def _in_buckets(buckets: set[int] | None) -> tuple[str, list[int]]:
    if buckets is None:
        return "", []
    values = sorted(buckets)
    return f"WHERE bucket IN ({','.join('?' * len(values))})", values


# --- resolution keys' signatures ----------------------------------------------------------

MEMO_FILE = "signatures.sqlite"
_MEMO_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB);
-- forms: JSON, the key's signatures (kg.resolve.wordings.signatures), sorted
CREATE TABLE signature (key TEXT PRIMARY KEY, forms BLOB) WITHOUT ROWID;
"""


class SignatureMemo:
    """A key's signatures (kg.resolve.wordings.signatures), remembered between builds in
    `.kg-cache/signatures.sqlite`: computing them is most of the corpus' join, which every
    build makes anew over every name, so a rebuild after a few articles changed computes
    only their new keys'.

    Called as `signatures` is (join_keys' `signatures_of`). A row is a pure function of
    its key, for the code and user the file is sealed with (`key`: the build cache's);
    a file sealed otherwise, of another schema or unreadable is not read. `fresh`: a full
    build writes a new file holding the keys it asked for (read from the old one unless
    `reuse` is False), which replaces the old on `close`; otherwise the keys computed are
    added to the file in place. Either way the file only ever holds rows this code made.

    >>> import tempfile
    >>> from contextlib import closing
    >>> from kg.resolve.wordings import signatures
    >>> outdir = Path(tempfile.mkdtemp())
    >>> with closing(SignatureMemo(outdir, ["k"], signatures, fresh=True)) as memo:
    ...     first = memo("rise of homeschooling")
    >>> with closing(SignatureMemo(outdir, ["k"], signatures, fresh=False)) as memo:
    ...     again = memo("rise of homeschooling")
    >>> again == first == signatures("rise of homeschooling"), memo.computed
    (True, 0)
    """

    BATCH = 10_000  # rows written at once

    def __init__(self, outdir: Path, key: list, compute, fresh: bool, reuse: bool = True):
        self.compute, self.computed, self.pending = compute, 0, []
        self.path = cache_dir(outdir) / MEMO_FILE
        self.old = _open_memo(self.path, key) if reuse else None
        self.new: sqlite3.Connection | None = None
        self.new_path: Path | None = None
        self.copy = False  # (whether rows read from the old file go to the new one too)
        try:
            if fresh or self.old is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.new_path = self.path.with_name(
                    f"{TEMP_PREFIX}{MEMO_FILE}.{os.getpid()}.tmp")
                self.new_path.unlink(missing_ok=True)
                self.new = sqlite3.connect(self.new_path, isolation_level=None)
                self.new.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" +
                                       _MEMO_SCHEMA)
                self.new.execute("INSERT INTO meta VALUES ('key', ?)", (orjson.dumps(key),))
                self.copy = self.old is not None
            else:
                self.new = self.old
            self.new.execute("BEGIN")
        except (OSError, sqlite3.Error):  # (nothing kept: only a slower next build)
            self._give_up()

    def __call__(self, key: str) -> set[str]:
        forms = None
        if self.old is not None:
            try:
                row = self.old.execute("SELECT forms FROM signature WHERE key = ?",
                                       (key,)).fetchone()
                forms = None if row is None else _text_set(orjson.loads(row[0]))
            except (orjson.JSONDecodeError,) + _UNREADABLE:
                forms = None
            if forms is not None and not self.copy:
                return forms
        if forms is None:
            forms = self.compute(key)
            self.computed += 1
        if self.new is not None:
            self.pending.append((key, orjson.dumps(sorted(forms))))
            if len(self.pending) >= self.BATCH:
                self._flush()
        return forms

    def _flush(self) -> None:
        try:
            self.new.executemany("INSERT OR IGNORE INTO signature VALUES (?, ?)",
                                 self.pending)
        except sqlite3.Error:  # (a full disk, say: the build goes on without)
            self._give_up()
        self.pending = []

    def _give_up(self) -> None:
        """Keep nothing more (what is in place stays: each row holds on its own)."""
        for connection in {id(c): c for c in (self.new, self.old) if c is not None}.values():
            try:
                connection.close()
            except sqlite3.Error:
                pass
        self.new = self.old = None
        if self.new_path is not None:
            remove_path(self.new_path)
            self.new_path = None

    def close(self) -> None:
        """Write what is left and put a fresh file in place."""
        if self.new is None:
            return
        self._flush()
        try:
            if self.new is not None:
                self.new.execute("COMMIT")
                self.new.close()
                if self.old is not None and self.old is not self.new:
                    self.old.close()
                self.new = self.old = None
                if self.new_path is not None:
                    os.replace(self.new_path, self.path)
        except (OSError, sqlite3.Error):
            self._give_up()


def _open_memo(path: Path, key: list) -> sqlite3.Connection | None:
    """The memo database at `path` if it was sealed with `key` and holds its tables only."""
    if not path.is_file():
        return None
    connection = None
    try:
        connection = sqlite3.connect(f"file:{urllib.parse.quote(str(path))}?mode=rw&nofollow=1",
                                     uri=True, isolation_level=None)
        found = set(connection.execute("SELECT type, name, tbl_name FROM sqlite_master"))
        tables = {("table", "meta", "meta"), ("table", "signature", "signature")}
        if found - tables - {("index", "sqlite_autoindex_meta_1", "meta")} or \
                not tables <= found:
            raise ValueError("not a memo of kg's")
        stored = connection.execute("SELECT value FROM meta WHERE name = 'key'").fetchone()
        if stored is None or orjson.loads(stored[0]) != key:
            raise ValueError("made by other code, or by someone else")
        return connection
    except (OSError, orjson.JSONDecodeError) + _UNREADABLE:
        if connection is not None:
            connection.close()
        return None


def _text_set(value) -> set[str] | None:
    """A list of strings as a set, else None (a row of the wrong shape is computed anew)."""
    if value.__class__ is list and all(v.__class__ is str for v in value):
        return set(value) if value else None
    return None


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
            self.new_path = self.path.with_name(f"{TEMP_PREFIX}{STATE_FILE}.{os.getpid()}.tmp")
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
            if what == "entity":  # a node: a row per key it is made of, in its bucket
                for member in shared.keys_of(key):
                    linked = shared.entity_links.get(member)
                    entities.append((number, member, orjson.dumps(shared.forms[member]),
                                     None if linked is None else orjson.dumps(
                                         [[prop, other, count]
                                          for (prop, other), count in linked.items()])))
            elif what == "page":
                pages.append((number, key, orjson.dumps(shared.pages[key]),
                              orjson.dumps(shared.page_paths[key]), shared.page_problem(key)))
            else:
                links.append((number, key, orjson.dumps(shared.links[key])))
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
                "buckets": [(number, b.offset, b.length, b.counts, b.triple_count, b.dates)
                            for number, b in cache.buckets.items()],
                "today": cache.today, "joined": cache.joined}
        self.connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                    [(name, orjson.dumps(value)) for name, value in meta.items()])

    def commit(self, cache: BuildCache) -> None:
        """Record the signature of graph.ttl as it is now, and commit (after parts.bin is in
        place: a state beside an older parts file would read its blocks where they fit)."""
        cache.graph_signature = files_signature(self.outdir)
        self.connection.execute("INSERT OR REPLACE INTO meta VALUES ('graph', ?)",
                                (orjson.dumps(cache.graph_signature),))
        self.connection.execute("COMMIT")
        if self.replacing:
            self.connection.close()
            # A journal left by a crash belongs to the old file, never to this one.
            for leftover in ("-journal", "-wal", "-shm"):
                remove_path(Path(f"{self.path}{leftover}"))
            remove_path(self.path)  # whatever is there: a file, or a folder put there
            os.replace(self.new_path, self.path)
            remove_path(self.path.parent / "state.pickle")  # kg <= format 6

    def abort(self) -> None:
        if self.connection.in_transaction:
            self.connection.execute("ROLLBACK")
        if self.replacing:
            self.connection.close()
            self.new_path.unlink(missing_ok=True)


def _encode_articles(articles: dict[str, CachedArticle]) -> dict:
    return {article_id: ([tuple(f) for f in a.files], a.offset, a.length, a.part_offset,
                         a.part_length, a.part_digest, a.link_offset, a.link_length,
                         a.link_triple_count,
                         a.documents,
                         [(d.level, d.path, d.line, d.message) for d in a.diagnostics],
                         a.counts, a.triple_count)
            for article_id, a in articles.items()}


def _decode_articles(table: dict) -> dict[str, CachedArticle]:
    return {_text(article_id): CachedArticle(
                tuple(FileSignature(_text(path), _number(size), _number(mtime), _text(digest))
                      for path, size, mtime, digest in files),
                _number(offset), _number(length), _number(part_offset), _number(part_length),
                _text(part_hash), _number(link_offset), _number(link_length),
                _number(link_triples),
                [_text(d) for d in documents], decode_diagnostics(diagnostics),
                _counts(counts), _number(triples))
            for article_id, (files, offset, length, part_offset, part_length, part_hash,
                             link_offset, link_length, link_triples, documents, diagnostics,
                             counts, triples) in table.items()}


def _decode_buckets(rows: list) -> dict[int, CachedBucket]:
    return {_number(number): CachedBucket(_number(offset), _number(length), _counts(counts),
                                          _number(triples), _dates(dates))
            for number, offset, length, counts, triples, dates in rows}


def _dates(value) -> tuple[str, str] | None:
    if value is None:
        return None
    first, last = value
    return _text(first), _text(last)


# --- parts: what each article says about shared nodes, in parts.bin -----------------------


def encode_part(part: ArticlePart) -> bytes:
    """An ArticlePart (without its triples) as JSON."""
    return orjson.dumps((part.article_id, part.forms, part.refs, part.texts, part.entity_links,
                         part.pages, part.links,
                         [(d.level, d.path, d.line, d.message) for d in part.diagnostics],
                         part.mentions, part.title, part.date, part.url, part.summary,
                         part.folder))


def part_digest(blob: bytes) -> str:
    """The digest of a part's bytes, kept in the state: a part changed in parts.bin, its
    size kept (a disk's damage, or an attack's names), is read as a damaged cache."""
    return hashlib.blake2b(blob, digest_size=16).hexdigest()


def read_part(handle, offset: int, length: int, digest: str,
              known: set[int] | None = None) -> ArticlePart:
    """The part at `offset` of an open parts.bin, checked against its digest unless its
    offset is in `known` (the offsets a build wrote or checked in its own parts file:
    the build reads each part several times); a checked offset is added."""
    blob = read_range(handle, offset, length)
    if known is None or offset not in known:
        if part_digest(blob) != digest:
            raise CacheError("a part in the cache is not the one its state describes")
        if known is not None:
            known.add(offset)
    return decode_part(blob)


def decode_part(blob: bytes) -> ArticlePart:
    """An ArticlePart read back from parts.bin, every value checked; CacheError if the
    bytes are not one (damaged, or not written by kg)."""
    try:
        (article_id, forms, refs, texts, entity_links, pages, links, diagnostics, mentions,
         title, date, url, summary, folder) = orjson.loads(blob)
        return ArticlePart(
            _text(article_id), [], [(_text(iri), _text(form)) for iri, form in forms],
            [(_text(s), _text(p), _text(o)) for s, p, o in refs],
            [(_text(iri), _text(text)) for iri, text in texts],
            [(_text(a), _text(p), _text(b)) for a, p, b in entity_links],
            [(_text(path), _text(page), _text_or_none(link)) for path, page, link in pages],
            [(_text(target), _text(text)) for target, text in links],
            decode_diagnostics(diagnostics),
            [(_text(iri), {_text(k): _text(v) for k, v in facts.items()})
             for iri, facts in mentions],
            _text(title), _text_or_none(date), _text_or_none(url), _text(summary), _text(folder))
    except (orjson.JSONDecodeError,) + _UNREADABLE + (AttributeError,) as err:
        raise CacheError(f"unreadable part in the cache: {err}") from None


def decode_diagnostics(rows: list) -> list[Diagnostic]:
    found = []
    for level, path, line, message in rows:
        if level not in ("warning", "error") or not (line is None or line.__class__ is int):
            raise ValueError("not a diagnostic")
        found.append(Diagnostic(level, _text(path), line, _text(message)))
    return found


def _text(value) -> str:
    if value.__class__ is not str:
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


# An absolute IRI of characters Turtle's <IRI> may hold: what kg writes in these rows.
_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*:[^<>"{}|^`\\\x00-\x20\x7f]*')


def _iri(value) -> str:
    """An IRI read back; ValueError for anything else (a row the next build would write
    into graph.ttl: a review put triples of its own there through one)."""
    if not _IRI.fullmatch(_text(value)):
        raise ValueError(f"not an IRI: {value[:80]!r}")
    return value


def _iso_date(value) -> str:
    """A date (YYYY-MM-DD) read back; ValueError for anything else."""
    if not is_iso_date(_text(value)):
        raise ValueError(f"not a date: {value!r}")
    return value


def _text_or_none(value) -> str | None:
    return None if value is None else _text(value)


def _number(value) -> int:
    if value.__class__ is not int:
        raise TypeError(f"expected a whole number, found {type(value).__name__}")
    return value


def _counts(value) -> dict[str, int]:
    if value.__class__ is not dict:
        raise TypeError(f"expected counts, found {type(value).__name__}")
    for count in value.values():
        _number(count)
    return value


def remove_path(path: Path) -> None:
    """Remove a file or a folder of the cache, if there is one."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


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
        try:
            stat = os.stat(source.path)
            if (stat.st_size, stat.st_mtime_ns) != (signature.size, signature.mtime_ns):
                if stat.st_size != signature.size or \
                        content_digest(Path(source.path).read_bytes()) != signature.digest:
                    return None
                signature = file_signature(signature.shown_as, stat, signature.digest)
        except OSError:  # (gone or unreadable: read anew, which says so)
            return None
        signatures.append(signature)
    return tuple(signatures)
