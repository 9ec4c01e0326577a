"""Benchmark `kg stats` and `kg diff` at archive scale, against baselines in the same run.

    python -m bench.analytics [--docs 3000] [--corpus DIR] [--repeat 3]

Builds a synthetic corpus of --docs articles (bench/make_corpus.py, seed 1) twice, as
`kg build` does by default (page and saved facts included): all of it (the new scan)
and the articles whose page date is before the last year of dates plus the undated
ones (the old scan). Then times, as a user runs them (a fresh `kg` process, wall
clock, median of --repeat runs):

* `kg stats NEW -o report.html` and `kg stats NEW` (Markdown) [goal: <= 5 s each];
* `kg diff OLD NEW -o diff.html` [goal: <= 5 s];
* the same stats and diff on copies of the graph.ttl files alone, which kg parses (a
  graph built with --no-html, made by another tool, or copied without its
  .kg-cache/facts.json);
* the report's size [goal: <= 3 MB].

Baselines, measured in the same run on the same files: reading the new graph with
pyoxigraph alone (every triple parsed, nothing else), the floor of any tool reading
the file; for diff, both graphs read that way one after the other; and what the report
read before this work (`open_graph(path).to_networkx()`). With --corpus DIR (e.g.
../shared/corpus ../shared/seed), the same for those folders.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.run import CACHE, corpus

GOAL_SECONDS = 5.0
GOAL_BYTES = 3_000_000


CPU: dict[str, list[float]] = {}  # command -> CPU seconds (user + system, all processes)
CPU_BY_CORPUS: dict[str, dict[str, list[float]]] = {}


def kg(*args) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(" ".join(map(str, args[:1])) + (" html" if str(args[-1]).endswith(".html")
                                                   else ""), []).append(
        after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return wall


def median_time(repeat: int, *args) -> float:
    return statistics.median(kg(*args) for _ in range(repeat))


def parse_alone(*paths: Path) -> float:
    """pyoxigraph parsing every triple of the files, in one process (a fresh one)."""
    code = ("import sys, time, pyoxigraph as ox\n"
            "start = time.perf_counter()\n"
            "for path in sys.argv[1:]:\n"
            "    for _ in ox.parse(path=path, format=ox.RdfFormat.TURTLE): pass\n"
            "print(time.perf_counter() - start)\n")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *map(str, paths)], check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def networkx_read(path: Path) -> float:
    code = ("import sys, kg\n"
            "kg.open_graph(sys.argv[1]).to_networkx()\n")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    return time.perf_counter() - start


def scans(sources: list[Path], out: Path) -> tuple[Path, Path]:
    """Build the new scan (everything) and the old one (all but the last year of dates)."""
    import kg

    new = kg.build(sources, out / "new", html=True)
    dates = sorted(row["date"] for row in new.query(
        "SELECT ?date WHERE { ?a kg:publishedIn/dcterms:date ?date }").values())
    cut = f"{int(dates[-1][:4]) - 1}{dates[-1][4:]}" if dates else "9999"
    rows = new.query("SELECT ?path (MIN(?d) AS ?date) WHERE { ?a kg:hasSummary ?s . "
                     "?s kg:sourcePath ?path OPTIONAL { ?a kg:publishedIn/dcterms:date ?d } } "
                     "GROUP BY ?path").values()
    early = out / "early"
    early.mkdir(exist_ok=True)
    roots = {source.resolve().name: source.resolve() for source in sources}
    for row in rows:
        if row["date"] is None or row["date"] < cut:
            folder, _, rest = row["path"].partition("/")
            target = early / row["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(roots[folder] / rest, target)
    kg.build([early / name for name in roots if (early / name).exists()], out / "old")
    return out / "old" / "graph.ttl", out / "new" / "graph.ttl"


def alone(graph: Path, folder: Path) -> Path:
    """A copy of graph.ttl without the facts its build saved (.kg-cache/facts.json), as
    a graph made elsewhere or copied on its own: kg parses it."""
    folder.mkdir(parents=True)
    return Path(shutil.copy(graph, folder / "graph.ttl"))


def measure(name: str, sources: list[Path], repeat: int, rows: list) -> None:
    out = Path(tempfile.mkdtemp(prefix="kg-bench-analytics-"))
    try:
        old, new = scans(sources, out)
        floor = parse_alone(new)
        floor_both = parse_alone(old, new)
        networkx = networkx_read(new)
        report = out / "new" / "report.html"
        html = median_time(repeat, "stats", new, "-o", report)
        markdown = median_time(repeat, "stats", new, "-o", out / "report.md")
        diff = median_time(repeat, "diff", old, new, "-o", out / "diff.html")
        old_alone, new_alone = alone(old, out / "old-alone"), alone(new, out / "new-alone")
        html_parsed = median_time(repeat, "stats", new_alone, "-o", out / "parsed.html")
        diff_parsed = median_time(repeat, "diff", old_alone, new_alone, "-o", out / "parsed-diff.html")
        size = report.stat().st_size
        rows += [
            (f"{name}: kg stats -o report.html", html, floor, "pyoxigraph parse alone",
             f"<= {GOAL_SECONDS:g} s", html <= GOAL_SECONDS),
            (f"{name}: kg stats (Markdown)", markdown, floor, "pyoxigraph parse alone",
             f"<= {GOAL_SECONDS:g} s", markdown <= GOAL_SECONDS),
            (f"{name}: networkx graph (what stats read before)", networkx, floor,
             "pyoxigraph parse alone", "", None),
            (f"{name}: kg diff OLD NEW -o diff.html", diff, floor_both,
             "pyoxigraph parse of both", f"<= {GOAL_SECONDS:g} s", diff <= GOAL_SECONDS),
            (f"{name}: kg stats -o report.html, graph.ttl alone", html_parsed, floor,
             "pyoxigraph parse alone", f"<= {GOAL_SECONDS:g} s", html_parsed <= GOAL_SECONDS),
            (f"{name}: kg diff -o diff.html, graph.ttl files alone", diff_parsed, floor_both,
             "pyoxigraph parse of both", f"<= {GOAL_SECONDS:g} s", diff_parsed <= GOAL_SECONDS),
        ]
        rows.append((f"{name}: report.html size", size, None, "", "<= 3 MB", size <= GOAL_BYTES))
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--corpus", nargs="*", type=Path, default=[])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rows: list = []
    print(f"(load average {os.getloadavg()[0]:.1f} at the start on {os.cpu_count()} cores)")
    measure(f"synthetic {args.docs}", [corpus(args.docs)], args.repeat, rows)
    CPU_BY_CORPUS[f"synthetic {args.docs}"] = dict(CPU)
    if args.corpus and all(path.is_dir() for path in args.corpus):
        CPU.clear()
        measure(" + ".join(p.name for p in args.corpus), args.corpus, args.repeat, rows)
    if args.corpus and all(path.is_dir() for path in args.corpus):
        CPU_BY_CORPUS[" + ".join(p.name for p in args.corpus)] = dict(CPU)
    print(f"{'measure':<52} {'kg':>10} {'baseline':>10} {'ratio':>7}  goal        met")
    for name, ours, base, base_name, goal, met in rows:
        if name.endswith("size"):
            print(f"{name:<52} {ours / 1e6:>8.2f} MB {'':>10} {'':>7}  {goal:<11} "
                  f"{'yes' if met else 'NO'}")
            continue
        ratio = f"{ours / base:.2f}" if base else ""
        print(f"{name:<52} {ours:>8.2f} s {base:>8.2f} s {ratio:>7}  {goal:<11} "
              f"{'' if met is None else 'yes' if met else 'NO'}  ({base_name})")
    for name, found in CPU_BY_CORPUS.items():
        cpu = ", ".join(f"{command}: {statistics.median(times):.2f} s"
                        for command, times in found.items())
        print(f"({name}: median CPU seconds, all processes of a run: {cpu})")
    print(f"(load average {os.getloadavg()[0]:.1f} at the end on {os.cpu_count()} cores; "
          f"corpora cached in {CACHE}; ratio = kg / baseline)")


if __name__ == "__main__":
    main()
