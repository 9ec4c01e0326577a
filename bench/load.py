"""Load test of `kg serve`: concurrent clients on loopback running the saved queries.

    python -m bench.load [--clients 50] [--seconds 10] [--processes 5] [SOURCE...]

Builds the real corpus (../shared/corpus and ../shared/seed; a synthetic corpus
when absent, or SOURCE folders), starts each server as its own process, and
runs `--clients` HTTP/1.1 keep-alive clients (threads with http.client, spread
over `--processes` processes) that POST the saved queries round-robin for
`--seconds`. Prints, per server, requests, errors (any answer but 200, any
connection error), throughput and latency p50/p99, and the p99 ratio to the
baseline measured in the same run: Oxigraph's own server (Rust, read-only, from
PyPI) on the same graph with the same queries.

Servers: `kg serve` as it runs by default (answers of repeated queries kept),
`kg serve --cache-mb 0` (every query runs), `oxigraph serve-read-only`.
Goal (issue 13): 0 errors, p99 < 200 ms for kg serve.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS, SEED = REPO.parent / "shared" / "corpus", REPO.parent / "shared" / "seed"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with status {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server did not answer at {url}")


def _client(host: str, port: int, path: str, queries: list[bytes], offset: int,
            until: float, results: list) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=60)
    headers = {"Content-Type": "application/sparql-query",
               "Accept": "application/sparql-results+json"}
    n = offset
    while time.monotonic() < until:
        query = queries[n % len(queries)]
        n += 1
        start = time.perf_counter()
        try:
            connection.request("POST", path, query, headers)
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
        results.append((time.perf_counter() - start, ok))
    connection.close()


def _process(host, port, path, queries, first, count, until, out) -> None:
    results: list = []
    threads = [threading.Thread(target=_client, args=(host, port, path, queries, first + i,
                                                      until, results))
               for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put(results)


def load(host: str, port: int, path: str, queries: list[bytes], clients: int,
         processes: int, seconds: float) -> dict:
    """Run the clients against one server; latency figures in ms."""
    context = multiprocessing.get_context("fork")
    out = context.Queue()
    until = time.monotonic() + seconds
    per = [clients // processes + (i < clients % processes) for i in range(processes)]
    workers = [context.Process(target=_process, args=(host, port, path, queries,
                                                      sum(per[:i]), per[i], until, out))
               for i in range(processes) if per[i]]
    for worker in workers:
        worker.start()
    results = [r for _ in workers for r in out.get()]
    for worker in workers:
        worker.join()
    latencies = sorted(t for t, _ in results)

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {"requests": len(results), "errors": sum(not ok for _, ok in results),
            "per_second": len(results) / seconds, "p50": percentile(0.50),
            "p99": percentile(0.99)}


def build(sources: list[Path], folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "kg.cli", "build", *map(str, sources), "-o",
                    str(folder), "-q", "--no-html"], check=True)
    return folder / "graph.ttl"


def measure(command: list[str], port: int, ready: str, path: str, args, queries) -> dict:
    """Start a server, wait until it answers, load it, stop it."""
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}{ready}", process)
        return load("127.0.0.1", port, path, queries, args.clients, args.processes,
                    args.seconds)
    finally:
        process.terminate()
        process.wait()


def run_kg(graph: Path, extra: list[str], args, queries) -> dict:
    port = free_port()
    return measure([sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", str(port),
                    *extra], port, "/sparql", "/sparql", args, queries)


def run_oxigraph(graph: Path, work: Path, args, queries) -> dict | None:
    oxigraph = shutil.which("oxigraph") or shutil.which("oxigraph",
                                                        path=str(Path(sys.executable).parent))
    if oxigraph is None:
        return None
    database = work / "oxigraph-db"
    subprocess.run([oxigraph, "load", "--location", str(database), "--file", str(graph)],
                   check=True, capture_output=True)
    port = free_port()
    return measure([oxigraph, "serve-read-only", "--location", str(database), "--bind",
                    f"127.0.0.1:{port}"], port, "/query?query=ASK%7B%7D", "/query", args,
                   queries)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--processes", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args(argv)
    from kg.query import saved_queries

    queries = [q.text.encode() for q in saved_queries().values()]
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        sources = args.sources
        if not sources and CORPUS.is_dir():
            sources, what = [CORPUS, SEED], "the real corpus"
        elif not sources:
            from bench.make_corpus import CorpusWriter

            CorpusWriter(300, seed=1).write(work / "docs")
            sources, what = [work / "docs"], "300 synthetic documents"
        else:
            what = ", ".join(map(str, sources))
        graph = build(sources, work / "out")
        print(f"{args.clients} clients, {args.seconds:g} s each, the {len(queries)} saved "
              f"queries round-robin, on {what}")
        figures = {"kg serve": run_kg(graph, [], args, queries),
                   "kg serve --cache-mb 0": run_kg(graph, ["--cache-mb", "0"], args, queries)}
        baseline = run_oxigraph(graph, work, args, queries)
        if baseline is not None:
            figures["oxigraph serve-read-only"] = baseline
    print(f"{'server':28} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} "
          f"{'p99 ms':>8} {'p99 / oxigraph':>15}")
    for name, f in figures.items():
        ratio = f"{f['p99'] / baseline['p99']:.2f}" if baseline else "-"
        print(f"{name:28} {f['requests']:9,} {f['errors']:7,} {f['per_second']:8.0f} "
              f"{f['p50']:8.1f} {f['p99']:8.1f} {ratio:>15}")
    kg = figures["kg serve"]
    met = kg["errors"] == 0 and kg["p99"] < 200
    print(f"goal (0 errors, p99 < 200 ms): {'met' if met else 'NOT met'}")
    return figures


if __name__ == "__main__":
    main()
