"""Benchmark kg against its baselines, measured in the same run, and print a table.

    python -m bench.run [--docs 3000] [--corpus DIR] [--rss-docs 100000]
                        [--incremental-docs 10000] [--skip rdflib,rss,incremental]

Figures (goals from issue 3 in brackets):

* build: `kg build` wall time (with --no-related, then as a user runs it: with
  related links and trends) / markdown-it-py alone parsing the same files in one
  process (commonmark + tables, as a plain user would configure it) [<= 1.0];
* graph stage: everything after parsing (parts, shared nodes, Turtle and HTML
  written), ours / rdflib doing the same from the same records (Graph.add, then
  serialize Turtle) [>= 10x faster];
* end to end: the naive pipeline (our parser in one process + rdflib add and
  serialize) / `kg build` [>= 3x];
* saved queries: each on pyoxigraph / on rdflib, same graph in memory, parameters
  bound to the busiest entities (`busiest_parameters`) [>= 20x, each < 100 ms at
  3,000 documents];
* peak RSS of a build of --rss-docs documents, all processes summed, --no-related and
  with related links and trends [<= 1.5 GB];
* incremental: rebuild after changing 1 of --incremental-docs documents / full
  build, both without graph.html, median of three changes [<= 5%].
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from markdown_it import MarkdownIt

from bench.make_corpus import CorpusWriter

CACHE = Path(tempfile.gettempdir()) / "kg-bench"


def corpus(n: int) -> Path:
    """A synthetic corpus of n articles, generated once and kept in the temp folder."""
    folder = CACHE / f"synthetic-{n}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        CorpusWriter(n, seed=1).write(folder)
        (folder / ".complete").touch()
    return folder


def build_seeing(folder: Path, name: str, wrap) -> None:
    """Build `folder` (no page, no cache) with kg.related's function `name` replaced by
    wrap(the original) for the build, so a benchmark can keep what the stage is given."""
    import kg.related
    from kg import build

    original = getattr(kg.related, name)
    setattr(kg.related, name, wrap(original))  # kg.corpus imports it when it runs
    try:
        with tempfile.TemporaryDirectory() as out:
            build([folder], out, html=False, use_cache=False)
    finally:
        setattr(kg.related, name, original)


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return time.perf_counter() - start, value


def markdown_it_alone(files: list[Path]) -> float:
    md = MarkdownIt("commonmark").enable("table")
    start = time.perf_counter()
    for path in files:
        md.parse(path.read_text(encoding="utf-8"))
    return time.perf_counter() - start


def kg_build(folder: Path, out: Path, *extra: str) -> float:
    """Wall time of the `kg build` command, as a user runs it."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(folder), "-o", str(out), "-q",
                    *extra], check=True)
    return time.perf_counter() - start


def graph_stage(records, out: Path) -> float:
    """Ours: from records to graph.ttl and graph.html written, one process."""
    from kg import open_graph
    from kg import vocab as V
    from kg.dates import build_date
    from kg.parts import SharedNodes, article_part, group_by_article
    from kg.turtle import graph_prefixes, turtle_body, turtle_header
    from kg.view import write_html

    start = time.perf_counter()
    prefixes = graph_prefixes(V.DEFAULT_BASE)
    shared = SharedNodes(V.DEFAULT_BASE, build_date())
    with open(out / "graph.ttl", "w", encoding="utf-8") as handle:
        handle.write(turtle_header(prefixes))
        for group in group_by_article(records).values():
            part = article_part(group)
            shared.add(part)
            handle.write(turtle_body(part.triples, prefixes))
        handle.write(turtle_body(shared.triples(), prefixes))
    write_html(open_graph(out / "graph.ttl").to_networkx(), out / "graph.html")
    return time.perf_counter() - start


def rdflib_graph_stage(records, out: Path) -> float:
    """rdflib doing the same from the same records: Graph.add each triple, serialize Turtle."""
    import rdflib

    from kg import vocab as V
    from kg.dates import build_date
    from kg.parts import SharedNodes, article_part, group_by_article
    from kg.rdf import Literal

    def term(value):
        if isinstance(value, Literal):
            if value.datatype == V.XSD_STRING:
                return rdflib.Literal(value.value)
            return rdflib.Literal(value.value, datatype=rdflib.URIRef(value.datatype))
        return rdflib.URIRef(value)

    start = time.perf_counter()
    graph = rdflib.Graph()
    shared = SharedNodes(V.DEFAULT_BASE, build_date())
    for group in group_by_article(records).values():
        part = article_part(group)
        shared.add(part)
        for s, p, o in part.triples:
            graph.add((rdflib.URIRef(s), rdflib.URIRef(p), term(o)))
    for s, p, o in shared.triples():
        graph.add((rdflib.URIRef(s), rdflib.URIRef(p), term(o)))
    graph.serialize(out / "rdflib.ttl", format="turtle")
    return time.perf_counter() - start


RDFLIB_QUERY = """
import json, sys, time, rdflib
from kg.query import saved_queries, with_prefixes
from kg.store import file_prefixes
turtle, name, values = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
graph = rdflib.Graph().parse(turtle, format="turtle")
saved = saved_queries()[name]
sparql = with_prefixes(saved.bind({k: v for k, v in values.items() if k in saved.params}),
                       file_prefixes(turtle))
print("loaded", flush=True)
start = time.perf_counter()
list(graph.query(sparql))
print(time.perf_counter() - start, flush=True)
"""


def rdflib_query_seconds(turtle: Path, name: str, values: dict[str, str], limit: float
                         ) -> float | None:
    """rdflib's time for one saved query (graph load excluded), or None past `limit` seconds."""
    process = subprocess.Popen([sys.executable, "-c", RDFLIB_QUERY, str(turtle), name,
                                json.dumps(values)],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "loaded"
        timer = threading.Timer(limit, process.kill)
        timer.start()
        line = process.stdout.readline()
        timer.cancel()
        return float(line) if line.strip() else None
    finally:
        process.kill()
        process.wait()


def busiest_parameters(store, prefixes: dict[str, str]) -> dict[str, str]:
    """Values for the saved queries' parameters that make them work hardest: the
    technology and the keyword named by most articles, the article with most entities,
    the largest trend.
    (The queries' own defaults name things that a synthetic corpus may not have.)"""
    from kg.query import with_prefixes

    def first(sparql: str) -> str | None:
        found = list(store.query(with_prefixes(sparql, prefixes)))
        return found[0][0].value if found else None

    most = """SELECT ?label WHERE {{ ?a {relation} ?e . ?e rdfs:label ?label }}
              GROUP BY ?e ?label ORDER BY DESC(COUNT(?a)) ?label LIMIT 1"""
    values = {"technology": first(most.format(relation="kg:mentionsTechnology")),
              "label": first(most.format(relation="kg:hasKeyword")),
              "article": first("""SELECT ?id WHERE { ?a a kg:Article ; dcterms:identifier ?id ;
                                    kg:hasKeyword|kg:hasTheme|kg:mentionsTechnology ?e }
                                  GROUP BY ?id ORDER BY DESC(COUNT(?e)) ?id LIMIT 1"""),
              # the largest trend, by the name of its most central member
              "name": (first("""SELECT ?label WHERE { ?t a kg:Trend ; rdfs:label ?label ;
                                  kg:articleCount ?n } ORDER BY DESC(?n) ?label LIMIT 1""")
                       or "").split(" / ")[0]}
    return {name: value for name, value in values.items() if value is not None}


def query_latencies(turtle: Path, with_rdflib: bool, limit: float
                    ) -> list[tuple[str, float, float | None]]:
    from kg.query import saved_queries, with_prefixes
    from kg.store import file_prefixes, load_store

    store = load_store(turtle)
    prefixes = file_prefixes(turtle)
    values = busiest_parameters(store, prefixes)
    rows = []
    for name, saved in saved_queries().items():
        sparql = with_prefixes(saved.bind({k: v for k, v in values.items()
                                           if k in saved.params}), prefixes)
        ours = min(timed(lambda q=sparql: list(store.query(q)))[0] for _ in range(3))
        theirs = rdflib_query_seconds(turtle, name, values, limit) if with_rdflib else None
        rows.append((name, ours, theirs if theirs is not None else (limit if with_rdflib
                                                                     else None),
                     with_rdflib and theirs is None))
    return rows


def peak_rss_of(command: list[str]) -> tuple[float, int]:
    """Wall time and peak resident memory (bytes) of a command and all its children."""
    process = subprocess.Popen(command)
    peak = 0

    def tree_rss(pid: int) -> int:
        total = 0
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    for child in children.read().split():
                        total += tree_rss(int(child))
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
        return total

    def watch():
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    start = time.perf_counter()
    watcher.start()
    process.wait()
    watcher.join()
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return time.perf_counter() - start, peak


def row(table: list, what: str, ours: str, baseline: str, ratio: str, goal: str, ok: bool | None):
    table.append((what, ours, baseline, ratio, goal, "" if ok is None else ("yes" if ok else "NO")))


def measure_corpus(label: str, folder: Path, table: list, skip: set[str], work: Path,
                   query_limit: float) -> None:
    from kg import find_sources, read_records

    files = sorted(folder.rglob("*.md"))
    parse_alone = markdown_it_alone(files)
    out = work / label
    shutil.rmtree(out, ignore_errors=True)
    plain = kg_build(folder, out, "--no-cache", "--no-related")
    row(table, f"{label}: build --no-related ({len(files)} files)", f"{plain:.2f} s",
        f"{parse_alone:.2f} s", f"{plain / parse_alone:.2f}", "<= 1.0", plain <= parse_alone)
    shutil.rmtree(out, ignore_errors=True)
    build = kg_build(folder, out, "--no-cache")
    row(table, f"{label}: build with related links and trends", f"{build:.2f} s",
        f"{parse_alone:.2f} s", f"{build / parse_alone:.2f}", "<= 1.0", build <= parse_alone)
    records, _ = read_records(find_sources([folder]))
    stage_dir = work / f"{label}-stage"
    stage_dir.mkdir(parents=True, exist_ok=True)
    ours = graph_stage(records, stage_dir)
    if "rdflib" not in skip:
        theirs = rdflib_graph_stage(records, stage_dir)
        row(table, f"{label}: graph stage", f"{ours:.2f} s", f"{theirs:.2f} s (rdflib)",
            f"{theirs / ours:.1f}x", ">= 10x", theirs / ours >= 10)
        parse_time = timed(read_records, find_sources([folder]))[0]
        naive = parse_time + theirs
        row(table, f"{label}: end to end", f"{build:.2f} s", f"{naive:.2f} s (naive)",
            f"{naive / build:.1f}x", ">= 3x", naive / build >= 3)
    for name, mine, theirs, cut in query_latencies(out / "graph.ttl", "rdflib" not in skip,
                                                   query_limit):
        if theirs is None:
            row(table, f"{label}: query {name}", f"{mine * 1000:.1f} ms", "", "", "< 100 ms",
                mine < 0.1)
        else:
            over = ">" if cut else ""  # rdflib was stopped at the limit: a lower bound
            row(table, f"{label}: query {name}", f"{mine * 1000:.1f} ms",
                f"{over}{theirs * 1000:.0f} ms (rdflib)", f"{over}{theirs / mine:.0f}x",
                ">= 20x, < 100 ms", theirs / mine >= 20 and mine < 0.1)


def measure_incremental(n: int, table: list, work: Path, rounds: int = 3,
                        options: tuple[str, ...] = ()) -> None:
    """Rebuild after changing one document, `rounds` times (a different document each
    time; median reported), against a full build, both with `options` (`--no-related`:
    related links are computed over the whole archive each build). The disk is synced
    before each timed build, so none of them pays for writing back what the one before
    it wrote."""
    source = corpus(n)
    folder = work / f"incremental-{n}"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(source, folder)
    out = work / f"incremental-{n}-out"
    shutil.rmtree(out, ignore_errors=True)
    os.sync()
    full = kg_build(folder, out, "--no-html", *options)
    files = sorted(folder.glob("*.md"))
    times = []
    for step in range(rounds):
        changed = files[len(files) * (step + 1) // (rounds + 1)]
        text = changed.read_text(encoding="utf-8")
        changed.write_text(text.replace("## Keywords\n",
                                        f"## Keywords\n\n* a keyword just added {step}\n", 1),
                           encoding="utf-8")
        os.sync()
        times.append(kg_build(folder, out, "--no-html", *options))
    again = sorted(times)[len(times) // 2]
    clean = work / f"incremental-{n}-clean"
    shutil.rmtree(clean, ignore_errors=True)
    kg_build(folder, clean, "--no-html", "--no-cache", *options)
    same = (out / "graph.ttl").read_bytes() == (clean / "graph.ttl").read_bytes()
    shown = ", ".join(f"{t:.2f}" for t in times)
    what = " ".join(options) or "with related links"
    row(table, f"incremental, {what}: 1 of {n} changed (median of {shown} s)",
        f"{again:.2f} s", f"{full:.2f} s (full)", f"{again / full:.1%}", "<= 5%",
        again / full <= 0.05)
    row(table, f"incremental output = clean build ({what})",
        "byte-identical" if same else "DIFFERENT", "", "", "identical", same)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2]
                        / "shared" / "corpus")
    parser.add_argument("--rss-docs", type=int, default=100_000)
    parser.add_argument("--incremental-docs", type=int, default=10_000)
    parser.add_argument("--skip", default="", help="comma-separated: rdflib, rss, incremental")
    parser.add_argument("--query-limit", type=float, default=60.0,
                        help="seconds an rdflib query may run before it is stopped")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    table: list = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        if args.corpus.is_dir():
            measure_corpus(args.corpus.name, args.corpus, table, skip, work, args.query_limit)
        measure_corpus(f"synthetic {args.docs}", corpus(args.docs), table, skip, work,
                       args.query_limit)
        if "incremental" not in skip:
            for options in ((), ("--no-related",)):
                measure_incremental(args.incremental_docs, table, work, options=options)
        if "rss" not in skip:
            folder = corpus(args.rss_docs)
            for options in (["--no-related"], []):
                shutil.rmtree(work / "rss", ignore_errors=True)
                seconds, peak = peak_rss_of([sys.executable, "-m", "kg.cli", "build",
                                             str(folder), "-o", str(work / "rss"), "-q",
                                             "--no-html", *options])
                what = " ".join(options) or "with related links and trends"
                row(table, f"peak RSS, {args.rss_docs} docs, {what} ({seconds:.0f} s)",
                    f"{peak / 2**30:.2f} GB", "", "", "<= 1.5 GB", peak <= 1.5 * 2**30)
    widths = [max(len(str(r[i])) for r in table + [HEADER]) for i in range(len(HEADER))]
    for line in [HEADER, tuple("-" * w for w in widths)] + table:
        print("  ".join(str(c).ljust(w) for c, w in zip(line, widths)).rstrip())


HEADER = ("measure", "kg", "baseline", "ratio", "goal", "met")

if __name__ == "__main__":
    main()
