"""Query pool: read-only jobs on a graph, each run in a worker process with limits.

`kg serve` hands every query and every Linked Data page to a pool of worker
processes that hold the graph's pyoxigraph index open read-only. A job is a
module-level function `job(context, *args) -> Answer`; the pool sends it (by
name) to an idle worker and waits for its answer.

Limits, so no client can take the server down:

* time: a job past its time is stopped by ending its worker, which is replaced;
* memory: each worker's heap is capped (`RLIMIT_DATA`); a job that needs more
  ends its worker alone;
* a quick lane: one worker more than the general ones takes a job only when
  every general worker is busy, and stops it after `quick_timeout`, so cheap
  queries are answered while long ones run;
* no network: workers are cut off the network below the engine (kg.sandbox:
  a network namespace with no interface up, a seccomp filter refusing sockets).

Answers of the read-only graph do not change while it is served, so successful
ones are kept (least recently used first out, up to `cache_bytes`).
"""

from __future__ import annotations

import collections
import hashlib
import multiprocessing
import os
import resource
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .sandbox import cut_off_network

__all__ = ["Answer", "Limits", "Context", "QueryPool", "too_large"]


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, media type, body and any other headers."""

    status: int
    media_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def text(cls, status: int, message: str, headers: tuple = ()) -> "Answer":
        return cls(status, "text/plain; charset=utf-8", (message + "\n").encode(), headers)


@dataclass(frozen=True)
class Limits:
    timeout: float = 30.0  # seconds a job may run on a general worker
    quick_timeout: float = 2.0  # seconds a job may run on the quick lane
    memory_mb: int = 1000  # heap of each worker process
    max_bytes: int = 100_000_000  # largest answer a job may give


@dataclass
class Context:
    """What a job gets: the store (read-only) and the settings the pool was given."""

    store: Any
    settings: Any
    limits: Limits


Job = Callable[..., Answer]

READY = "ready"  # a worker's first message: its store is open, jobs may be timed from now
READY_NOT_ISOLATED = "ready, not isolated"  # ... but the system refused its network isolation
START_TIMEOUT = 300  # seconds a worker may take to open the store


def _limit_memory(megabytes: int) -> None:
    limit = megabytes << 20
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def _end_with(parent: int) -> None:
    """End this process once `parent` is gone: a worker of a killed server would run its
    query on, at full CPU, with no one to stop it. (Not PR_SET_PDEATHSIG: that follows
    the thread that started the worker, and replacements are started by threads that
    end. Queries release the GIL, so this thread runs beside them.)"""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _worker_main(connection, parent: int, graph: str, settings, limits: Limits,
                 isolate: bool) -> None:
    isolated = isolate and bool(cut_off_network())  # (first: a threaded process cannot)
    _end_with(parent)
    _limit_memory(limits.memory_mb)
    from .store import open_store

    context = Context(open_store(graph), settings, limits)
    connection.send(READY if isolated else READY_NOT_ISOLATED)
    while True:
        try:
            job, args = connection.recv()
        except EOFError:
            return
        try:
            answer = job(context, *args)
        except MemoryError:
            answer = _out_of_memory(limits)
        except Exception as err:  # noqa: BLE001 - a bad job must not end the worker
            answer = Answer.text(500, f"the query failed: {type(err).__name__}: {err}")
        connection.send(answer)


def too_large(limit: int) -> Answer:
    return Answer.text(413, f"the result is larger than the limit of {limit:,} bytes; "
                       "narrow the query or add a LIMIT")


def _out_of_memory(limits: Limits) -> Answer:
    return Answer.text(503, f"the query needed more memory than the limit of "
                       f"{limits.memory_mb:,} MB per query worker and was stopped")


class _Worker:
    def __init__(self, context, worker_args: tuple, lane: str):
        self.lane = lane
        mine, theirs = context.Pipe()
        self.process = context.Process(target=_worker_main, daemon=True,
                                       args=(theirs, os.getpid(), *worker_args))
        self.process.start()
        theirs.close()
        self.connection = mine
        self.isolated = False

    def wait_ready(self) -> bool:
        """Wait for the worker to open its store (so no job's time limit counts that)."""
        try:
            said = self.connection.recv() if self.connection.poll(START_TIMEOUT) else None
        except (EOFError, OSError):
            return False
        self.isolated = said == READY
        return said in (READY, READY_NOT_ISOLATED)

    def stop(self) -> int | None:
        self.process.kill()
        self.process.join()
        self.connection.close()
        return self.process.exitcode


class _AnswerCache:
    """Successful answers by job and arguments, least recently used out first."""

    def __init__(self, max_bytes: int):
        self.max_bytes, self.size = max_bytes, 0
        self.answers: collections.OrderedDict = collections.OrderedDict()
        self.lock = threading.Lock()

    def get(self, key) -> Answer | None:
        with self.lock:
            answer = self.answers.get(key)
            if answer is not None:
                self.answers.move_to_end(key)
            return answer

    def put(self, key, answer: Answer) -> None:
        cost = len(answer.body) + 200
        if answer.status != 200 or cost > self.max_bytes // 8:
            return
        with self.lock:
            if key in self.answers:
                return
            self.answers[key] = answer
            self.size += cost
            while self.size > self.max_bytes:
                _, old = self.answers.popitem(last=False)
                self.size -= len(old.body) + 200


@dataclass
class _Flight:
    """A job running for one client, which copies of it wait for."""

    done: threading.Event = field(default_factory=threading.Event)
    answer: Answer | None = None


class QueryPool:
    """`workers` general worker processes and `quick_workers` more for the quick lane."""

    def __init__(self, graph: str | Path, *, workers: int = 3, quick_workers: int = 1,
                 limits: Limits = Limits(), settings: Any = None, isolate: bool = True,
                 cache_bytes: int = 64 << 20, max_waiting: int | None = None):
        self.limits = limits
        # Queries waiting for a worker, at most (more are refused at once, so that a
        # flood of long queries cannot hold every server thread): as many as the workers.
        self.max_waiting = workers + quick_workers if max_waiting is None else max_waiting
        self._waiting = 0
        self._copies = 0  # copies of a running query waiting for its answer, in places
        self.cache = _AnswerCache(cache_bytes)
        self._mp = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self._args = (str(graph), settings, limits, isolate)
        self._idle: dict[str, list[_Worker]] = {"general": [], "quick": []}
        self._ready = threading.Condition()
        self._closed = False
        self._in_flight: dict = {}  # job key -> _Flight, so a burst of one query runs it once
        self._flight_lock = threading.Lock()
        started = [_Worker(self._mp, self._args, lane)
                   for lane, count in (("general", workers), ("quick", quick_workers))
                   for _ in range(count)]
        for worker in started:
            if not worker.wait_ready():
                for other in started:
                    other.stop()
                raise RuntimeError("a query worker could not open the graph's index")
            self._idle[worker.lane].append(worker)
        # Whether the workers run without a network (where the system allows it): when
        # not, SERVICE is refused by kg.querycheck alone.
        self.network_isolated = all(worker.isolated for worker in started)

    def _replace(self, worker: _Worker) -> None:
        """Start a worker in place of one that was stopped, in the background: it joins
        its lane once its store is open."""
        def start() -> None:
            for _ in range(3):
                fresh = _Worker(self._mp, self._args, worker.lane)
                if fresh.wait_ready():
                    self.network_isolated = self.network_isolated and fresh.isolated
                    self._checkin(fresh)
                    return
                fresh.stop()
        threading.Thread(target=start, daemon=True).start()

    def _checkout(self) -> _Worker | str:
        """An idle worker, waiting for one up to the time limit; else why there is none."""
        deadline = time.monotonic() + self.limits.timeout
        with self._ready:
            if not (self._idle["general"] or self._idle["quick"]) and \
                    self._waiting >= self.max_waiting:
                return "full"
            self._waiting += 1
            try:
                while True:
                    for lane in ("general", "quick"):
                        if self._idle[lane]:
                            return self._idle[lane].pop()
                    left = deadline - time.monotonic()
                    if left <= 0 or self._closed:
                        return "busy"
                    self._ready.wait(left)
            finally:
                self._waiting -= 1

    def _checkin(self, worker: _Worker) -> None:
        with self._ready:
            if self._closed:
                worker.stop()
                return
            self._idle[worker.lane].append(worker)
            self._ready.notify()

    def run(self, job: Job, *args, cache: bool = True) -> Answer:
        """Run `job(context, *args)` in a worker and return its answer, or an error
        answer (503) when it ran out of time or memory or no worker became free."""
        # (a digest: a key of the whole arguments, a 1 MB query, would outweigh the
        # answer the cache counts; an attack grew the server so)
        key = (job.__module__, job.__qualname__,
               hashlib.blake2b(repr(args).encode("utf-8", "surrogatepass")).hexdigest())
        if not cache:
            return self._run(job, args, None)
        if (answer := self.cache.get(key)) is not None:
            return answer
        with self._flight_lock:
            running = self._in_flight.get(key)
            if running is None:
                self._in_flight[key] = mine = _Flight()
        if running is not None:  # the same job is running for another client: its answer
            return self._await(running)
        try:
            mine.answer = self._run(job, args, key)
            return mine.answer
        finally:
            with self._flight_lock:
                self._in_flight.pop(key).done.set()

    def _await(self, running: "_Flight") -> Answer:
        """The answer of a run of the same job, whatever it is: a copy never runs the
        job again. A copy in a waiting place (as many as for queries that wait for a
        worker) waits for the whole run; beyond them (each copy holds a server thread: a
        flood of one slow query held them all) it waits as long as the quick lane lets a
        query run, then is refused."""
        with self._ready:  # (places of their own: not those of queries that need a worker)
            placed = self._copies < self.max_waiting
            self._copies += placed
        try:
            # (a run waits for a worker up to the time limit, then runs up to it)
            limit = 2 * self.limits.timeout + 1 if placed else self.limits.quick_timeout
            if running.done.wait(limit):
                return running.answer or Answer.text(
                    503, "the same query failed for another client; try again later",
                    (("Retry-After", "1"),))
            return Answer.text(503, "the same query is running for another client and "
                               "every waiting place is taken; try again in a moment",
                               (("Retry-After", "1"),))
        finally:
            with self._ready:
                self._copies -= placed

    def _run(self, job: Job, args: tuple, key) -> Answer:
        worker = self._checkout()
        if worker == "full":
            return Answer.text(503, f"every query worker is busy and {self.max_waiting} "
                               "queries wait for one; try again in a moment",
                               (("Retry-After", "1"),))
        if worker == "busy":
            return Answer.text(503, "every query worker stayed busy for "
                               f"{self.limits.timeout:g} s; try again later")
        quick = worker.lane == "quick"
        limit = self.limits.quick_timeout if quick else self.limits.timeout
        try:
            worker.connection.send((job, args))
            if worker.connection.poll(limit):
                answer = worker.connection.recv()
                self._checkin(worker)
                if key is not None:
                    self.cache.put(key, answer)
                return answer
            timed_out = True
        except (EOFError, OSError):
            timed_out = False
        exitcode = worker.stop()  # out of time, or dead: end it and start a fresh one
        self._replace(worker)
        if timed_out and quick:
            return Answer.text(503, "the general query workers are busy with long queries, "
                               f"and this one ran longer than the {limit:g} s allowed beside "
                               "them; try again later")
        if timed_out:
            return Answer.text(503, f"the query ran longer than the limit of {limit:g} s "
                               "and was stopped")
        if exitcode in (-signal.SIGABRT, -signal.SIGKILL):  # allocation failed, or OOM killer
            return _out_of_memory(self.limits)
        return Answer.text(500, f"the query worker failed (exit status {exitcode})")

    def close(self) -> None:
        with self._ready:
            self._closed = True
            workers = self._idle["general"] + self._idle["quick"]
            self._idle = {"general": [], "quick": []}
            self._ready.notify_all()
        for worker in workers:
            worker.stop()
