"""Pipeline: find the summary files, run parse -> extract -> graph, write the outputs.

This is the Python API the CLI and the notebooks share:

>>> import kg, shutil, tempfile
>>> out = tempfile.mkdtemp()
>>> graph = kg.build(["examples"], out, html=False)
>>> graph.report.counts["Article"], graph.report.triple_count
(1, 643)
>>> shutil.rmtree(out)

How a build runs, so it stays fast on big archives:

* files are grouped by article (`<id>.md`, `<id>.legacy.md`, ... together) in id order;
* worker processes read, parse and extract each article and make its own
  triples as a block of Turtle text (`read_article`), one core each;
* the main process writes those blocks to graph.ttl in id order as they come
  (streaming: no article is held after it is written) and gathers the names
  they give shared nodes;
* then what needs the whole corpus: the keys it joins, related links and trends
  (in a process of their own, forked with the workers and set to work once they are
  done: it reads and embeds the texts and scores their candidate pairs while the main
  process computes the joins, then links the joined entities and makes the links'
  Turtle while the main process writes each article's triples pointing at
  entities, gathering the rest of what articles say about shared nodes, then the
  shared nodes, and begins the explorer's index; on one core, or past
  `PARALLEL_RELATED_MOST` articles, first, while the shared nodes are names only: the
  stage needs most memory), and last the related links and trends;
* then the explorer page, while a forked process saves the facts `kg stats` reads
  (kg.facts) beside it;
* with the cache (kg/cache.py), an unchanged article is not parsed again: its
  block is copied from the previous graph.ttl. The result is byte-identical
  to a clean build.
"""

from __future__ import annotations

import ctypes
import datetime as _dt
import gc
import multiprocessing
import os
import signal
import sqlite3
import tempfile
import threading
import time
import traceback
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, NamedTuple

from . import vocab as V
from .blocks import BlockAppender, BlockCopier, open_or_none
from .cache import (BuildCache, CachedArticle, CachedBucket, FileSignature, SharedRows,
                    build_lock, cache_dir, cache_key, encode_part, file_signature,
                    SignatureMemo, load_all_forms, load_cache, load_shared, no_follow,
                    page_problems, part_digest, prepare_cache_dir, read_part, reusable)
from .corpus import (Canonical, RelatedFound, canonical_map, find_related, link_related,
                     link_triples, related_triples, score_related, trends_section)
from .dataset import DatasetInfo, dataset_triples
from .dates import build_date, parse_page_date
from .errors import CacheError, InputError, NothingToBuild
from .extract import extract, split_stem
from .facts import facts_file, facts_from_index, save_facts
from .files import (TEMP_PREFIX, SourceFile, atomic_write, check_writable, content_digest,
                    find_sources, remove_leftovers, summary_stem)
from .graph import BuildReport, Graph
from .kinds import KINDS, KindTable
from .memory import collections_on, fewer_collections, release_free_memory
from .progress import progress_bar
from .rdf import check_base, safe_url, sort_key
from .related import Settings as RelatedSettings
from .resolve import AliasTable, load_lexicons
from .resolve.wordings import signatures as key_signatures
from .turtle import graph_prefixes, turtle_body, turtle_header
from .parts import (ArticlePart, SharedNodes, article_head, article_part, count_classes,
                    page_date_warnings, page_dates)
from .version import __version__
from .model import ArticleRecord, Diagnostic
from .parse import parse_bytes
from .seal import seal_problem

if TYPE_CHECKING:
    from .explore import GraphIndex

# Below this many articles, worker processes cost more than they save.
PARALLEL_THRESHOLD = 64
# Up to this many articles, the related stage runs in a process of its own while the
# main one writes the links and shared nodes (two stages' memory at once); above, after
# each other, as their memory allows at 100,000 articles.
PARALLEL_RELATED_MOST = 5_000


@dataclass
class ArticleResult:
    """One article's contribution, as a worker returns it."""

    article_id: str
    part: ArticlePart  # without its triples: those are in `turtle`
    turtle: bytes
    files: tuple[FileSignature, ...]
    documents: list[str]  # stems of the files read
    counts: Counter  # its own nodes by class
    triple_count: int
    problems: list[Diagnostic] = field(default_factory=list)  # files that could not be used
    records: list[ArticleRecord] | None = None


def group_files(files: Iterable[SourceFile]) -> dict[str, list[SourceFile]]:
    """Files by article id, in id order; within an article, `<id>.md` first."""
    groups: dict[str, list[SourceFile]] = {}
    for source in files:
        article_id = split_stem(summary_stem(source.name))[0]
        groups.setdefault(article_id, []).append(source)
    for group in groups.values():
        group.sort(key=lambda f: (f.name.count("."), f.name, f.shown_as))
    return dict(sorted(groups.items()))


def _read_file(data: bytes, digest: str, source: SourceFile,
               seen: dict[str, tuple[str, str]], problems: list[Diagnostic],
               today: _dt.date, kinds: KindTable) -> ArticleRecord | None:
    """Parse and extract one file of an article (None, with `problems` saying why, when
    it cannot be used); `seen`: the stems read before it (stem -> digest, shown_as)."""
    doc = parse_bytes(data, source.shown_as, summary_stem(source.name))
    if any(d.level == "error" for d in doc.diagnostics):
        problems.extend(doc.diagnostics)
        return None
    if doc.title is None and not doc.sections:  # (no warning of repairs to what
        problems.append(Diagnostic("error", source.shown_as, None,  # is not kept)
                                   "not a summary (no title line, no sections); skipped"))
        return None
    if doc.stem in seen:
        other_digest, other_path = seen[doc.stem]
        if other_digest == digest:
            problems.append(Diagnostic("warning", source.shown_as, None,
                                       f"same content as {other_path}; read once"))
            return None
        # Keep the article id: `<id>.md` -> `<id>.copy2`, `<id>.v2.md` -> `<id>.v2-copy2`.
        joiner = "-" if "." in doc.stem else "."
        copy = 2
        while f"{doc.stem}{joiner}copy{copy}" in seen:
            copy += 1
        new_stem = f"{doc.stem}{joiner}copy{copy}"
        doc.diagnostics.append(Diagnostic(
            "warning", source.shown_as, None,
            f"file name {doc.stem}.md is also used by {other_path} with other content; "
            f"read as another rendering, {new_stem}"))
        doc.stem = new_stem
    record = extract(doc, today, kinds)
    seen[doc.stem] = (digest, source.shown_as)  # (once read: a copy is then read once)
    return record


def read_article(article_id: str, files: list[SourceFile], base: str, today: _dt.date,
                 keep_records: bool = False, aliases: AliasTable | None = None,
                 kinds: KindTable = KINDS) -> ArticleResult:
    """Read, parse and extract the files of one article and make its Turtle block.

    A file that cannot be used gives an error diagnostic and is left out.
    """
    problems: list[Diagnostic] = []
    records: list[ArticleRecord] = []
    signatures: list[FileSignature] = []
    seen: dict[str, tuple[str, str]] = {}  # stem -> (digest, shown_as)
    for source in files:
        try:  # (size and time as of before reading: a file saved meanwhile is read again)
            with open(source.path, "rb") as handle:
                stat = os.fstat(handle.fileno())
                data = handle.read()
        except OSError as err:
            problems.append(Diagnostic("error", source.shown_as, None,
                                       f"cannot read file: {err.strerror or err}"))
            continue
        digest = content_digest(data)
        signatures.append(file_signature(source.shown_as, stat, digest))
        try:
            record = _read_file(data, digest, source, seen, problems, today, kinds)
        except Exception as err:  # a defect of kg's that one file meets: the rest builds
            where = traceback.extract_tb(err.__traceback__)[-1]
            problems.append(Diagnostic("error", source.shown_as, None, "kg failed on this "
                                       f"file ({type(err).__name__} at "
                                       f"{Path(where.filename).name}:{where.lineno}: "
                                       f"{str(err)[:200]}); skipped (please report it)"))
            continue
        if record is not None:
            records.append(record)
    if not records:
        return ArticleResult(article_id, ArticlePart(article_id, []), b"", tuple(signatures),
                             [], Counter(), 0, problems)
    part = article_part(records, base, aliases, kinds)
    part.diagnostics[:0] = [d for r in records for d in r.diagnostics]
    counts = count_classes(part.triples)
    turtle = turtle_body(part.triples, graph_prefixes(base, kinds)).encode("utf-8")
    return ArticleResult(article_id, part.without_triples(), turtle, tuple(signatures),
                         [r.stem for r in records], counts, len(part.triples), problems,
                         records if keep_records else None)


def _worker_start() -> None:
    """A worker collects garbage (parsing leaves reference cycles), but never walks
    again what it inherited from the build (the lexicons): frozen."""
    gc.enable()
    gc.freeze()


def _read_article_job(job) -> ArticleResult:
    return read_article(*job)


def _results(jobs: list[tuple], workers: int, progress) -> Iterator[ArticleResult]:
    """Run read_article over the jobs, in order, on `workers` processes.

    The processes start here, before the caller starts any thread (forking a
    process that has threads running is unsafe)."""
    if workers <= 1 or len(jobs) < PARALLEL_THRESHOLD:
        return _one_by_one(jobs, progress)
    fork = "fork" in multiprocessing.get_all_start_methods()
    if fork:
        load_lexicons()
    context = multiprocessing.get_context("fork" if fork else None)
    return _in_pool(context.Pool(workers, initializer=_worker_start), jobs, progress)


class RelatedHelper:
    """A process to run the related stage in while the main one works on: it reads,
    embeds and scores the texts (kg.corpus.score_related) while the corpus' joins are
    computed, then links their entities (kg.corpus.link_related) while the links and
    shared nodes are written; the second core is idle once the workers stop.

    Started with the workers, before kg starts any thread of its own (forking a process
    with threads running is unsafe); `result` is None when the process is gone (killed,
    out of memory) or its answer cannot be read: the caller then runs the stage itself.
    The process ends with the build: on Linux the kernel kills it when the main process
    dies, however it dies."""

    def __init__(self, context):
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=_related_helper_main,
                                       args=(theirs, self.connection, os.getpid()),
                                       daemon=True)
        self.process.start()
        theirs.close()

    def read(self, parts_path: Path, spans: list[tuple[int, int, str]], base: str,
             kinds: KindTable, settings: RelatedSettings) -> None:
        """Start reading the parts at `spans` (offset, length, digest) of parts.bin."""
        self._send((parts_path, spans, base, kinds, settings))

    def link(self, canonical: Canonical) -> None:
        """Go on with the corpus' joins."""
        # (a fresh Canonical: not the memo of IRIs the main process looked up)
        self._send(Canonical(canonical.base, canonical.joined))

    def _send(self, message) -> None:
        try:
            self.connection.send(message)
        except OSError:  # gone: `result` says so
            pass

    def result(self) -> tuple[RelatedFound, LinksSection] | None:
        try:
            while not self.connection.poll(0.1):
                # (an answer sent just before the process ended is still read)
                if not self.process.is_alive() and not self.connection.poll(0):
                    return None
            status, value = self.connection.recv()
        except Exception:  # gone, or an error of its that does not unpickle
            return None
        if status == "error":
            raise value
        return value

    def close(self) -> None:
        self.connection.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()


def _related_helper_main(connection, builds, parent: int) -> None:
    builds.close()  # (the main process' end: a pipe end held here would never report it gone)
    _die_with_parent()
    if os.getppid() != parent:  # (it died before that could be asked)
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # (Ctrl-C is the main process' to handle)
    try:
        parts_path, spans, base, kinds, settings = connection.recv()
    except (EOFError, OSError):  # the build ended before its related stage
        return

    # The joins are taken as soon as they are sent, on a thread (the main process, whose
    # message may be more than the pipe holds, would else wait for the scores).
    joins: list = []
    taking = threading.Thread(target=_take_message, args=(connection, joins), daemon=True)
    taking.start()
    try:
        scores = score_related(lambda: parts_at(parts_path, spans), base, kinds, settings)
        taking.join()
        if isinstance(joins[0], BaseException):
            raise joins[0]
        found = link_related(scores, joins.pop(), base, kinds, settings)
        answer = ("found", (found, links_section(found, base, kinds)))
    except (EOFError, OSError):
        return
    except Exception as err:  # (the build's own errors, as the main process would raise them)
        answer = ("error", err)
    try:
        connection.send(answer)
    except Exception:  # (an error that does not pickle: the main process runs the stage)
        pass


def _take_message(connection, into: list) -> None:
    """Append the next message of `connection` to `into`, or the error reading it."""
    try:
        into.append(connection.recv())
    except BaseException as err:  # (EOFError, OSError: the build is gone)
        into.append(err)


def parts_at(path: Path, spans: Iterable[tuple[int, int, str]],
             known: set[int] | None = None) -> Iterator[ArticlePart]:
    """The article parts at `spans` (offset, length, digest) of a parts.bin, in order
    (`known`: see read_part)."""
    with open(path, "rb") as handle:
        for offset, length, digest in spans:
            yield read_part(handle, offset, length, digest, known)


class LinksSection(NamedTuple):
    """The related links' triples (kg.corpus.related_triples) as graph.ttl writes them:
    made where the links are found (in the related process, when there is one)."""

    turtle: bytes
    counts: Counter  # nodes per kg class (count_classes)
    triple_count: int


def links_section(found: RelatedFound, base: str, kinds: KindTable) -> LinksSection:
    """The LinksSection of the links `found`."""
    triples = related_triples(found.links, base)
    triples.sort(key=sort_key)
    return LinksSection(turtle_body(triples, graph_prefixes(base, kinds)).encode("utf-8")
                        if triples else b"", count_classes(triples), len(triples))


def _die_with_parent() -> None:
    """Have Linux kill this process when its parent dies (prctl PR_SET_PDEATHSIG)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pipe's end tells it instead
        pass


def _related_helper(workers: int, articles: int, related: RelatedSettings
                    ) -> RelatedHelper | None:
    """A RelatedHelper, or None: one core, few articles or very many (the two stages'
    memory at once), or related links off."""
    if workers <= 1 or not related.enabled or \
            not PARALLEL_THRESHOLD <= articles <= PARALLEL_RELATED_MOST:
        return None
    fork = "fork" in multiprocessing.get_all_start_methods()
    return RelatedHelper(multiprocessing.get_context("fork" if fork else None))


def _one_by_one(jobs: list[tuple], progress) -> Iterator[ArticleResult]:
    for job in jobs:
        with collections_on():  # (parsing leaves reference cycles: kg.memory)
            article = read_article(*job)
        yield article
        progress.update()


class _in_pool:
    """The results of a pool's workers, in order; close() stops the workers."""

    def __init__(self, pool, jobs: list[tuple], progress):
        self.pool, self.progress = pool, progress
        self.results = pool.imap(_read_article_job, jobs, chunksize=8)

    def __iter__(self):
        return self

    def __next__(self) -> ArticleResult:
        result = next(self.results)
        self.progress.update()
        return result

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


def build(sources: Iterable[str | Path], outdir: str | Path = "output", *,
          base: str = V.DEFAULT_BASE, html: bool = True, today: _dt.date | None = None,
          workers: int | None = None, use_cache: bool = True, progress: bool = False,
          keep_records: bool = False, aliases: str | Path | AliasTable | None = None,
          kinds: KindTable = KINDS, related: RelatedSettings | None = None,
          license: str | None = None) -> Graph:
    """Build the knowledge graph of the summaries under `sources` into `outdir`; returns
    the Graph, whose `report` says what was read, counted, written and found wrong.

    Writes `graph.ttl` (and `graph.html` unless html=False), each atomically,
    and keeps a cache in `outdir/.kg-cache` so the next build only reads what changed.
    `aliases` is an aliases file (or table) of an analyst's same/never decisions
    (kg.resolve); a changed file rebuilds everything. `kinds` is the table of
    entity kinds (kg.kinds.KINDS); `related` how related links and trends are made
    (kg.related.Settings; `Settings(enabled=False)` makes none). `license`, an IRI, is
    stated in the graph's dataset description (kg.dataset) with the sources as given.

    Raises InputError for a source that does not exist, a malformed aliases file or a
    licence that is not an absolute IRI, and NothingToBuild when no file is a summary.
    """
    check_base(base)
    started = time.time()
    sources = list(sources)
    if license is not None and safe_url(license) != license:
        raise InputError(f"the licence must be an absolute IRI (https://...), not {license!r}")
    files = find_sources(sources)
    if aliases is not None and not isinstance(aliases, AliasTable):
        aliases = AliasTable.read(aliases)
    today = today or build_date()
    outdir = Path(outdir)
    for name in ("graph.ttl", "diagnostics.txt") + (("graph.html",) if html else ()):
        check_writable(outdir / name)  # (before any work, not when it is done)
    dataset = DatasetInfo([str(source) for source in sources], today.isoformat(), __version__,
                          license)
    # (one build at a time into a folder: two at once mixed their caches, and later
    # builds kept the mix; a differential test's finding. The garbage collector is off
    # but in parsing: kg.memory.)
    with build_lock(outdir), fewer_collections():
        run = _Build(outdir, base, today, use_cache and not keep_records,
                     keep_records, aliases, kinds, related or RelatedSettings(), dataset, html)

        cores = workers or os.cpu_count() or 1

        def attempt() -> BuildReport:
            result = run.write(files, cores, progress)
            if html:  # the page reads every article's part back from the cache
                from .view import write_html

                result.outputs["html"] = run.outdir / "graph.html"
                index = run.explorer_index()
                # kg stats and kg diff read these instead of parsing graph.ttl (kg.facts);
                # saved beside the page up to PARALLEL_RELATED_MOST articles (a forked
                # process copies what it touches of the index: two indexes' memory)
                facts = _RunBeside(_save_facts_of, index, run.turtle_path, kinds,
                                   fork=cores > 1 and
                                   len(run.new.articles) <= PARALLEL_RELATED_MOST)
                write_html(index, result.outputs["html"], kinds=kinds)
                facts.finish()
            else:  # none left of an earlier build: they would not match this graph (and
                # kg serve would show that page beside it)
                facts_file(run.turtle_path).unlink(missing_ok=True)
                try:
                    (run.outdir / "graph.html").unlink(missing_ok=True)
                except OSError as err:
                    result.diagnostics.append(Diagnostic(
                        "warning", str(run.outdir / "graph.html"), None,
                        f"the page of an earlier build is left: {err.strerror or err}"))
            return result

        try:
            try:
                result = attempt()
            except CacheError:  # damaged, or torn by a power cut: build from scratch, cache anew
                run.forget_cache()
                result = attempt()
            except _MISREAD as err:
                # What a cache that checks out but was crafted can still make fail (a part
                # naming an entity outside the graph's base, a review's finding): a build that
                # read one is made anew from the sources, and says so; one that read none
                # fails as it would.
                if not run.old.articles:
                    raise
                run.forget_cache()
                result = attempt()
                result.diagnostics.append(Diagnostic(
                    "warning", str(cache_dir(run.outdir)), None,
                    f"the cache of the previous build did not read back ({type(err).__name__}: "
                    f"{str(err)[:200]}); built anew from the sources"))
        except NothingToBuild as err:
            err.diagnostics[:0] = files.diagnostics
            raise
        finally:
            run.old.close()
        result.diagnostics[:0] = files.diagnostics
        unsealed = seal_problem()
        if unsealed:  # (every build is a clean one then: say why)
            result.diagnostics.append(Diagnostic("warning", "kg", None, unsealed))
        # What killed builds left behind goes now that this one succeeded.
        for folder in (run.outdir, cache_dir(run.outdir)):
            remove_leftovers(folder, older_than=started)
        return Graph(result.outputs["turtle"], base=base, report=result, kinds=kinds)


def _save_facts_of(index: GraphIndex, graph_path: Path, kinds: KindTable) -> None:
    save_facts(facts_from_index(index, kinds), graph_path, kinds)


class _RunBeside:
    """`function(*args)` run in a forked process of its own while the caller goes on
    (`finish` waits for it), when asked to `fork` (a second core to run on) and where
    that is safe: no other thread running (a thread's locks would be forked held). Else,
    and if that process fails, `finish` runs it here, so its errors are the caller's.

    >>> done = []
    >>> _RunBeside(done.append, "here", fork=False).finish(), done
    (None, ['here'])
    """

    def __init__(self, function: Callable[..., None], *args, fork: bool):
        self.function, self.args, self.process = function, args, None
        if fork and threading.active_count() == 1 and \
                "fork" in multiprocessing.get_all_start_methods():
            self.process = multiprocessing.get_context("fork").Process(
                target=_quietly, args=(function, *args), daemon=True)
            self.process.start()

    def finish(self) -> None:
        if self.process is not None:
            self.process.join()
            if self.process.exitcode == 0:
                return
        self.function(*self.args)


def _quietly(function: Callable[..., None], *args) -> None:
    """(In a forked process: an error ends it with a status, its report left to the
    caller, who runs `function` again.)"""
    try:
        function(*args)
    except BaseException:
        os._exit(1)


# The errors reading a crafted cache may raise where its values are used, not read.
_MISREAD = (ValueError, KeyError, IndexError, TypeError, AttributeError)


@dataclass
class _Plan:
    """What a build copies from the previous one and what it reads anew."""

    groups: dict[str, list[SourceFile]]  # each article's files
    reused: dict[str, tuple[CachedArticle, tuple[FileSignature, ...]]]  # copied, its files' signatures
    jobs: list[tuple]  # read_article's arguments for each article read anew
    gone: list[str]  # articles of the previous build not copied (changed or removed)
    incremental: bool  # the cache's shared rows are updated, not made anew
    append: bool  # new parts go at the end of parts.bin (not a new file)


class _Build:
    """One run of `build`: decides what to reuse, then streams graph.ttl out.

    A full build gathers every article's part into one SharedNodes and writes all
    of the shared section. An incremental one (a few articles changed, same build
    date) reads only the shared rows of the output buckets the change touches,
    updates them, and copies every other bucket from the previous graph.ttl.
    """

    def __init__(self, outdir: Path, base: str, today: _dt.date, use_cache: bool,
                 keep_records: bool, aliases: AliasTable | None, kinds: KindTable,
                 related: RelatedSettings, dataset: DatasetInfo, page: bool = True):
        self.outdir, self.base, self.today, self.dataset = outdir, base, today, dataset
        self.page = page  # the page is drawn after: keep what it reads (shared nodes, links)
        self.use_cache, self.keep_records, self.aliases = use_cache, keep_records, aliases
        self.kinds, self.related = kinds, related
        key = cache_key(base, aliases.digest if aliases else None, kinds.digest)
        # Without use_cache nothing of the previous build is reused; the new cache is
        # still written (the explorer page is drawn from it).
        self.turtle_path = outdir / "graph.ttl"
        self.parts_path = cache_dir(outdir) / "parts.bin"
        self.begin(load_cache(outdir, key) if use_cache else BuildCache(key))

    def begin(self, old: BuildCache) -> None:
        """Start (again) from the previous build's cache `old`."""
        self.old = old
        # offsets of the parts this build wrote or checked in its parts file (read_part)
        self.known_parts: set[int] = set()
        self.page_index = None  # the explorer's index, when begun during the related stage
        self.new = BuildCache(old.key, today=self.today.isoformat())
        self.shared = self.new_shared()
        self.incremental = False
        self.complete = True  # self.shared holds every shared node
        self.canonical = Canonical(self.base, {})
        self.names: SharedNodes | None = None  # every entity's names, until linked
        self.links: list = []  # this build's related links and trends (for the page)
        self.trends: list = []

    def new_shared(self) -> SharedNodes:
        return SharedNodes(self.base, self.today, self.aliases is not None, self.kinds)

    def forget_cache(self) -> None:
        self.old.close()
        self.begin(BuildCache(self.old.key))

    def write(self, files: list[SourceFile], workers: int, progress: bool) -> BuildReport:
        """Write graph.ttl: the article blocks (copied or made by workers), then what needs
        the whole corpus: each article's triples pointing at entities (through the keys
        the corpus joined), the shared nodes, related links and trends."""
        prepare_cache_dir(self.outdir)
        plan = self.plan(files)
        groups, reused, jobs, gone = plan.groups, plan.reused, plan.jobs, plan.gone
        self.incremental = incremental = plan.incremental
        append = plan.append
        result = BuildReport(files, self.base)
        result.reused = len(reused)
        result.records = [] if self.keep_records else None
        helper = _related_helper(workers, len(groups), self.related)
        bar = progress_bar(len(jobs), progress)
        computed = _results(jobs, workers, bar)
        rows: SharedRows | None = None
        parts_file = self.parts_path if append else \
            cache_dir(self.outdir) / f"{TEMP_PREFIX}parts.bin.{os.getpid()}"
        try:
            with open_or_none(self.turtle_path if reused else None, close_later=True) as old_turtle, \
                    open_or_none(self.parts_path if reused else None) as old_parts:
                old_parts_of_gone = [self.old_part(old_parts, self.old.articles[article_id])
                                     for article_id in gone] if incremental else []
                # (closing: the writer threads stop before their files close, on every path)
                with atomic_write(self.turtle_path, "wb") as out, \
                        closing(BlockCopier(old_turtle, out)) as turtle:
                    turtle.write(turtle_header(graph_prefixes(self.base, self.kinds))
                                 .encode("utf-8"))
                    with open(parts_file, "ab" if append else "wb", opener=no_follow) as parts, \
                            closing(BlockAppender(parts) if append
                                    else BlockCopier(old_parts, parts)) as blobs:
                        new_parts = self.stream_articles(groups, reused, computed, turtle, blobs,
                                                         old_parts, result)
                        blobs.finish()
                    computed.close()  # the workers' memory back before the corpus stages
                    if not self.new.articles:  # before anything is replaced
                        raise NothingToBuild(
                            (f"none of the {len(files)} files is a summary" if len(files) > 1
                             else "the only file is not a summary" if files
                             else "no summary (*.md or *.markdown file) in the sources") +
                            f": nothing to build; {self.turtle_path} is left as it was",
                            result.diagnostics)
                    if helper is not None:  # meanwhile, in its own process
                        helper.read(parts_file, self.part_spans(), self.base, self.kinds,
                                    self.related)
                    canonical, rejoined = self.join_corpus(old_parts_of_gone, new_parts)
                    result.diagnostics.extend(self.unused_aliases())
                    release_free_memory()
                    with open(parts_file, "rb") as handle, \
                            tempfile.TemporaryFile(dir=cache_dir(self.outdir)) as corpus:
                        if helper is not None:
                            helper.link(canonical)
                        else:  # first, while the shared nodes are names only: its memory
                            # is the build's largest (written last)
                            self.link_corpus(handle, canonical, result, corpus)
                            release_free_memory()
                        # (the page's index, begun below, reads the articles' heads then)
                        heads = [] if helper is not None and self.page and not incremental \
                            else None
                        self.write_links(turtle, handle, set(reused) if not rejoined else set(),
                                         heads)
                        rows = self.write_shared(turtle, old_parts_of_gone, new_parts, canonical,
                                                 incremental and not rejoined)
                        if helper is not None:
                            if self.page and self.complete:  # the page's index meanwhile too
                                self.start_page(lambda: self.parts_in(parts_file), heads)
                            self.link_corpus(handle, canonical, result, corpus, helper)
                        page_warnings = page_date_warnings(page_problems(self.old)) \
                            if incremental and not rejoined else self.shared.diagnostics()
                        if not self.page:  # (what is left to do makes many small objects)
                            self.shared = self.links = self.trends = None
                            self.complete = False
                            canonical.forget()
                            release_free_memory()
                        corpus.seek(0)
                        while chunk := corpus.read(1 << 20):  # (64 queued at most: 64 MB)
                            turtle.write(chunk)
                    self.write_description(turtle, result)
                    rows.store_articles(self.new)  # while the writer threads copy
                    turtle.finish()
            # parts.bin first: the state, committed last, names the graph.ttl and
            # parts.bin it goes with (an interruption between the two left a new state
            # beside the old parts, read silently where the offsets still fit)
            if parts_file != self.parts_path:
                os.replace(parts_file, self.parts_path)
            rows.commit(self.new)
        except BaseException as err:
            if rows is not None:
                try:
                    rows.abort()
                except sqlite3.Error:
                    pass  # (reported below)
            if parts_file != self.parts_path:
                parts_file.unlink(missing_ok=True)
            if isinstance(err, sqlite3.Error):  # a damaged or crafted cache: build anew
                raise CacheError(f"{cache_dir(self.outdir)}: the cache database failed "
                                 f"({err})") from None
            raise
        finally:
            computed.close()
            bar.close()
            if helper is not None:
                helper.close()
        result.diagnostics.extend(page_warnings)
        result.outputs["turtle"] = self.turtle_path
        return result

    def plan(self, files: list[SourceFile]) -> "_Plan":
        """Which articles are copied from the previous build and which are read anew."""
        groups = group_files(files)
        reused = {}
        dated_anew = self.files_dated_anew()
        for article_id, group in groups.items():
            entry = self.old.articles.get(article_id)
            signatures = reusable(entry, group) if entry and (
                dated_anew is not None and dated_anew.isdisjoint(f.shown_as for f in group)) \
                else None
            if signatures is not None:
                reused[article_id] = (entry, signatures)
        jobs = [(article_id, group, self.base, self.today, self.keep_records, self.aliases,
                 self.kinds) for article_id, group in groups.items() if article_id not in reused]
        gone = [article_id for article_id in self.old.articles if article_id not in reused]
        # Incremental while the change is smaller than what stays; the shared rows were
        # made for one build date (page dates after it are warnings).
        incremental = bool(reused) and self.old.connection is not None and \
            self.old.today == self.new.today and len(gone) + len(jobs) <= len(reused)
        # Append new parts to parts.bin unless most of it would then be stale.
        live = sum(entry.part_length for entry in self.old.articles.values())
        append = incremental and _size(self.parts_path) <= 2 * live + (64 << 10)
        return _Plan(groups, reused, jobs, gone, incremental, append)

    def files_dated_anew(self) -> set[str] | None:
        """Files whose page dates read otherwise on this build's date than on the cached
        build's (a page dated after that date may be past now), which are read again;
        None when any may (this build's date is earlier), so none is reused."""
        if self.old.today is None or self.old.today == self.new.today or \
                self.old.connection is None:
            return set()
        before = _dt.date.fromisoformat(self.old.today)
        if self.today < before:
            return None
        return {path for page, paths, _ in page_problems(self.old)
                if parse_page_date(page, before)[0] != parse_page_date(page, self.today)[0]
                for path in paths}

    def stream_articles(self, groups, reused, computed, turtle: BlockCopier, blobs, old_parts,
                        result: BuildReport) -> list[ArticlePart]:
        """Each article's block of Turtle, in id order: copied from the previous build when
        its files are unchanged, else made by a worker; a full build gathers every part
        into the shared nodes (their names: `write_links` adds the rest), an incremental
        one returns the new parts."""
        new_parts = []
        full = not self.incremental
        for article_id in groups:
            if article_id in reused:
                old_entry, signatures = reused[article_id]
                if full:
                    self.shared.add_names(self.old_part(old_parts, old_entry))
                entry = self.reuse(old_entry, signatures, turtle, blobs)
            else:
                article = next(computed)
                entry = self.store(article, turtle, blobs)
                if article.documents:
                    if full:  # every part is gathered now, none is kept
                        self.shared.add_names(article.part)
                    else:
                        new_parts.append(article.part)
                if self.keep_records and article.records:
                    result.records.extend(article.records)
            if entry.documents:
                self.new.articles[article_id] = entry
            result.documents.extend(entry.documents)
            result.diagnostics.extend(entry.diagnostics)
        return new_parts

    def join_corpus(self, gone_parts: list[ArticlePart], new_parts: list[ArticlePart]
                    ) -> tuple[Canonical, bool]:
        """The keys the whole corpus joins (kg.resolve.join_keys), and whether they differ
        from the previous build's (then every block pointing at entities is made anew)."""
        if self.incremental:  # the names: the previous build's, less the gone, plus the new
            forms = load_all_forms(self.old)
            shared = self.new_shared()
            shared.forms = forms
            for part in gone_parts:
                shared.remove_names(part)
            for part in new_parts:
                shared.add_names(part)
        else:
            shared = self.shared
        self.names = shared  # every entity's names (the related stage names trends by them)
        names = shared.forms
        if self.incremental and _names_of(gone_parts) == _names_of(new_parts):
            # the same names as the previous build's (nothing changed, or only what is not
            # a name): the same joins, which are theirs alone (and of the code, the aliases
            # and the kinds, which the cache's key holds)
            canonical = Canonical(self.base, self.old.joined)
        else:
            # (a full build's memo holds this corpus' keys only; a rebuild's grows by its
            # new ones)
            with closing(SignatureMemo(self.outdir, self.new.key, key_signatures,
                                       fresh=not self.incremental,
                                       reuse=self.use_cache)) as memo:
                canonical = canonical_map(_every_name(names), self.base, self.kinds,
                                          self.aliases, memo)
        self.new.joined = canonical.joined
        self.canonical = canonical
        return canonical, canonical.joined != self.old.joined

    def unused_aliases(self) -> list[Diagnostic]:
        """A warning for each row of the aliases file left out, and for each name of it
        that no name of the archive is (its row changes nothing for it: a typo, say), once
        the corpus' names are gathered."""
        if self.aliases is None:
            return []
        return [Diagnostic("warning", self.aliases.path, line, problem)
                for line, problem in self.aliases.problems] + \
            [Diagnostic("warning", self.aliases.path, line, f"no name of the archive is "
                        f"{name!r}; the row changes nothing for it")
             for line, name in self.aliases.unused(
                 form for _, form in _every_name(self.names.forms))]

    def write_links(self, turtle: BlockCopier, parts, unchanged: set[str],
                    heads: list | None = None) -> None:
        """Each article's triples pointing at entities, in id order: copied from the
        previous graph.ttl for the `unchanged` articles (when the corpus' joins are the
        same as then), else made anew from the article's part. A full build gathers
        what the parts say about shared nodes beside their names on the way, and the
        articles' heads for the page's index into `heads` (kg.explore.article_head)."""
        prefixes = graph_prefixes(self.base, self.kinds)
        gather = not self.incremental
        for article_id, entry in self.new.articles.items():
            old = self.old.articles.get(article_id)
            part = self.new_part(parts, entry) if gather or article_id not in unchanged \
                or old is None else None
            if gather:
                self.shared.add_facts(part)
                if heads is not None:
                    heads.append(article_head(part))
            if article_id in unchanged and old is not None:
                offset, length, count = turtle.copy(old.link_offset, old.link_length), \
                    old.link_length, old.link_triple_count
            else:
                triples = link_triples(part.refs, self.canonical)
                text = turtle_body(triples, prefixes).encode("utf-8")
                offset, length, count = turtle.write(text), len(text), len(triples)
            self.new.articles[article_id] = entry._replace(link_offset=offset, link_length=length,
                                                           link_triple_count=count)
        self.canonical.forget()

    def write_shared(self, turtle: BlockCopier, gone_parts: list[ArticlePart],
                     new_parts: list[ArticlePart], canonical: Canonical,
                     incremental: bool) -> SharedRows:
        """The shared nodes bucket by bucket (and their rows in the cache): in an
        incremental build whose joins are unchanged, the buckets the change touches anew
        and the others copied; else all of them."""
        shared = self.shared
        if self.incremental and not incremental:  # the joins changed: every bucket anew
            shared = self.shared = self.new_shared()
            load_shared(self.old, shared, None)
            for part in gone_parts:
                shared.remove(part)
            for part in new_parts:
                shared.add(part)
        shared.set_canonical(canonical)
        self.complete = not incremental  # self.shared holds every shared node
        dirty = None
        if incremental:  # the old parts out, the new ones in, bucket by bucket
            dirty = set()
            for part in gone_parts + new_parts:
                dirty |= shared.touched(part)
            load_shared(self.old, shared, dirty)
            for part in gone_parts:
                shared.remove(part)
            for part in new_parts:
                shared.add(part)
        shared.loaded = set(self.new.articles)
        rows = SharedRows(self.outdir, self.old if incremental else None)
        if dirty is not None:
            rows.clear(dirty)
        members = shared.members(dirty)
        keys = sorted(members) if dirty is None else sorted(set(self.old.buckets) | dirty)
        prefixes = graph_prefixes(self.base, self.kinds)
        for key in keys:
            if dirty is not None and key not in dirty:
                old = self.old.buckets[key]
                self.new.buckets[key] = CachedBucket(turtle.copy(old.offset, old.length),
                                                     old.length, old.counts, old.triple_count,
                                                     old.dates)
            elif key in members:
                bucket = members.pop(key)  # one bucket in memory
                rows.add_bucket(key, bucket, shared)
                triples = shared.bucket_triples(bucket)
                if triples:
                    text = turtle_body(triples, prefixes).encode("utf-8")
                    self.new.buckets[key] = CachedBucket(turtle.write(text), len(text),
                                                         dict(count_classes(triples)),
                                                         len(triples), page_dates(triples))
        return rows

    def link_corpus(self, parts, canonical: Canonical, result: BuildReport, out,
                    helper: RelatedHelper | None = None) -> None:
        """Related links and trends, made from every article's texts each build (by the
        `helper` process, when there is one); their Turtle goes to the file `out` until
        it is written after the shared nodes."""
        names, self.names = self.names, None
        if not self.related.enabled:
            return
        names.set_canonical(canonical)
        canonical.forget()  # (the names' IRIs: the texts' are asked for now)
        answer = helper.result() if helper is not None else None
        if answer is None:
            # (its process gone, maybe out of memory: the page's index waits, not to hold
            # its memory too)
            self.page_index = None
            found = find_related(
                lambda: (self.new_part(parts, entry) for entry in self.new.articles.values()),
                canonical, self.base, self.kinds, self.related)
            links = links_section(found, self.base, self.kinds)
        else:
            found, links = answer
        triples, self.trends = trends_section(found, self.base, names.labels)
        self.links = found.links
        canonical.forget()
        for note in found.notes:
            result.diagnostics.append(Diagnostic("warning", str(self.outdir / "graph.ttl"),
                                                 None, note))
        result.counts = dict(count_classes(triples) + links.counts)
        result.triple_count += len(triples) + links.triple_count
        out.write(links.turtle)  # (the links' subjects and the trends' are apart: each sorted)
        if triples:
            out.write(turtle_body(triples, graph_prefixes(self.base, self.kinds)).encode("utf-8"))

    def write_description(self, turtle: BlockCopier, result: BuildReport) -> None:
        """Count what graph.ttl holds, then write the dataset node that says so (last:
        it is made anew each build, from the cache's counts and dates)."""
        counts: Counter = Counter(result.counts)
        for entry in self.new.articles.values():
            counts.update(entry.counts)
            result.triple_count += entry.triple_count + entry.link_triple_count
        for entry in self.new.buckets.values():
            counts.update(entry.counts)
            result.triple_count += entry.triple_count
        result.counts = dict(sorted(counts.items()))
        spans = [bucket.dates for bucket in self.new.buckets.values() if bucket.dates]
        dates = (min(first for first, _ in spans), max(last for _, last in spans)) if spans \
            else (None, None)
        triples = dataset_triples(self.base, self.dataset, result.counts, result.triple_count,
                                  dates, read=len(self.new.articles))
        turtle.write(turtle_body(triples, graph_prefixes(self.base, self.kinds)).encode("utf-8"))
        result.triple_count += len(triples)

    def old_part(self, handle, entry: CachedArticle) -> ArticlePart:
        """A part of the previous build's parts.bin, checked against its digest."""
        return read_part(handle, entry.part_offset, entry.part_length, entry.part_digest)

    def new_part(self, handle, entry: CachedArticle) -> ArticlePart:
        """A part of this build's parts file, checked on its first read only."""
        return read_part(handle, entry.part_offset, entry.part_length, entry.part_digest,
                         self.known_parts)

    def full_shared(self) -> SharedNodes:
        """Every shared node of this build (read back from the cache, once, after an
        incremental build, which only held the buckets it changed)."""
        if self.complete:
            return self.shared
        shared = self.new_shared()
        load_shared(self.old, shared, None)
        shared.loaded = set(self.new.articles)
        shared.set_canonical(self.canonical)
        self.shared, self.complete = shared, True
        return shared

    def parts(self) -> Iterator[ArticlePart]:
        """The parts of this build's articles, read back from parts.bin in id order."""
        return self.parts_in(self.parts_path)

    def parts_in(self, path: Path) -> Iterator[ArticlePart]:
        return parts_at(path, self.part_spans(), self.known_parts)

    def part_spans(self) -> list[tuple[int, int, str]]:
        """Where this build's articles' parts sit in parts.bin, in id order, with their
        digests."""
        return [(entry.part_offset, entry.part_length, entry.part_digest)
                for entry in self.new.articles.values()]

    def start_page(self, parts, heads: list | None = None) -> None:
        """Begin the explorer's index (kg.explore.start_index) of a full build."""
        from .explore import start_index

        self.page_index = start_index(parts, self.shared, heads or None)

    def explorer_index(self) -> GraphIndex:
        """The explorer's index of this build, with its related links and trends."""
        from .explore import finish_index
        from .network import overview_from_parts

        if self.page_index is not None:
            index, self.page_index = finish_index(self.page_index, self.links, self.trends), None
            return index
        return overview_from_parts(self.parts, self.full_shared(), self.links, self.trends)

    def reuse(self, entry: CachedArticle, signatures, turtle: BlockCopier,
              blobs: "BlockCopier | BlockAppender") -> CachedArticle:
        """Copy an unchanged article's Turtle block and part from the previous build."""
        offset, part_offset = turtle.copy(entry.offset, entry.length), \
            blobs.copy(entry.part_offset, entry.part_length)
        return entry._replace(files=signatures, offset=offset, part_offset=part_offset)

    def store(self, article: ArticleResult, turtle: BlockCopier,
              blobs: "BlockCopier | BlockAppender") -> CachedArticle:
        """Write a freshly read article's Turtle block and part."""
        blob = encode_part(article.part)
        offset, part_offset = turtle.write(article.turtle), blobs.write(blob)
        self.known_parts.add(part_offset)
        return CachedArticle(article.files, offset, len(article.turtle), part_offset, len(blob),
                             part_digest(blob), 0, 0, 0, article.documents,
                             article.problems + article.part.diagnostics,
                             dict(article.counts), article.triple_count)


def _names_of(parts: list[ArticlePart]) -> Counter:
    """How often the parts name each entity key IRI with each surface form."""
    return Counter(name for part in parts for name in part.forms)


def _every_name(forms: dict) -> Iterator[tuple[str, str]]:
    """(entity key IRI, name) of every name SharedNodes.forms holds (one name alone is
    kept as a string, several as counts)."""
    for iri, found in forms.items():
        for form in ([found] if found.__class__ is str else found):
            yield iri, form


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def read_records(files: Iterable[SourceFile], today: _dt.date | None = None,
                 kinds: KindTable = KINDS) -> tuple[list[ArticleRecord], list[Diagnostic]]:
    """Parse and extract every file, in memory (no graph, no files written)."""
    today = today or build_date()
    records: list[ArticleRecord] = []
    problems: list[Diagnostic] = []
    for article_id, group in group_files(files).items():
        article = read_article(article_id, group, V.DEFAULT_BASE, today, keep_records=True,
                               kinds=kinds)
        records.extend(article.records or [])
        problems.extend(article.problems)
    return records, problems
