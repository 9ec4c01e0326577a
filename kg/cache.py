"""Build cache: what a rebuild can reuse from the previous build in the same folder.

For every article it records its files' signatures (path, size, mtime, content
hash), where its block of Turtle sits in the previous graph.ttl, and its part
(what it says about shared nodes) in `parts.bin`. An article whose files have
the same content is not parsed again: its Turtle block is copied byte for byte.
The gathered shared nodes (SharedNodes) are kept too, with where each bucket
of their Turtle sits: a changed article's old part is subtracted and its new
part added, and only the buckets they touch are written anew. The output is
the same as a clean build's.

The cache lives in `OUTDIR/.kg-cache/` and is only trusted when graph.ttl is
exactly the file the cache describes (same size and mtime) and kg's version
and base IRI are unchanged.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from .export import atomic_write

CACHE_FORMAT = 6


class CacheError(Exception):
    """The cache does not match what it describes; the build starts over without it."""


@dataclass(frozen=True)
class FileSignature:
    shown_as: str
    size: int
    mtime_ns: int
    digest: str


@dataclass
class CachedArticle:
    files: tuple[FileSignature, ...]
    offset: int  # of the article's Turtle block in graph.ttl
    length: int
    part_offset: int  # of the pickled ArticlePart in parts.bin
    part_length: int
    documents: list[str] = field(default_factory=list)
    diagnostics: list = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    triple_count: int = 0


@dataclass
class CachedBucket:
    offset: int  # of the bucket's Turtle in graph.ttl
    length: int
    counts: dict[str, int] = field(default_factory=dict)
    triple_count: int = 0


@dataclass
class BuildCache:
    key: tuple  # (format, kg version, base IRI)
    graph_signature: tuple[int, int] | None = None  # graph.ttl (size, mtime_ns)
    articles: dict[str, CachedArticle] = field(default_factory=dict)
    buckets: dict[int, CachedBucket] = field(default_factory=dict)
    shared: object = None  # the SharedNodes state of the build


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def cache_dir(outdir: Path) -> Path:
    return outdir / ".kg-cache"


def load_cache(outdir: Path, key: tuple) -> BuildCache:
    """The cache for this output folder, or an empty one when it cannot be trusted."""
    try:
        with open(cache_dir(outdir) / "state.pickle", "rb") as handle:
            cache = pickle.load(handle)
        stat = (outdir / "graph.ttl").stat()
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        return BuildCache(key)
    if not isinstance(cache, BuildCache) or cache.key != key or \
            cache.graph_signature != (stat.st_size, stat.st_mtime_ns):
        return BuildCache(key)
    return cache


def save_cache(outdir: Path, cache: BuildCache) -> None:
    stat = (outdir / "graph.ttl").stat()
    cache.graph_signature = (stat.st_size, stat.st_mtime_ns)
    # Not fsynced: a cache torn by a power cut fails to load and is rebuilt.
    with atomic_write(cache_dir(outdir) / "state.pickle", "wb", durable=False) as handle:
        pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
        # No memo: the state is a tree, and a memo entry for each of its millions of
        # objects would cost more memory than the state itself.
        pickler.fast = True
        pickler.dump(cache)


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
