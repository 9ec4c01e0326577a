"""Benchmark the explorer page: size and time to interactive in headless Chromium.

    python -m bench.explorer [--docs 3000] [--corpus DIR] [--loads 3]

For each corpus: `kg build` writes graph.html; the page is opened with the
network off in Debian's Chromium (driven by Playwright), and time to
interactive is the time from navigation to the page's `kg.ready` flag (layout
done, physics stopped, every control wired), median of --loads fresh loads.
The baseline in the same run is pyvis's own page for the same nodes and edges
(its default template, physics on, pyvis' in-line vis-network), timed to its
`stabilizationIterationsDone` (one load) — what a plain pyvis user would ship. Goals
(issue 4): interactive within 3 s, page under 5 MB.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.run import corpus
from kg.view import CHROMIUM_FLAGS, find_chromium, read_page_data

READY = "window.kg && window.kg.ready"


def plain_pyvis_page(html: Path, out: Path) -> Path:
    """The same nodes and edges in pyvis' stock page (the baseline)."""
    from pyvis.network import Network

    data = read_page_data(html.read_text(encoding="utf-8"))
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    for node in data["nodes"]:
        net.add_node(node["id"], label=node["label"], title=node["title"], group=node["group"])
    for edge in data["edges"]:
        net.add_edge(edge["from"], edge["to"], title=edge["title"])
    page = net.generate_html().replace(
        "network = new vis.Network(container, data, options);",
        "network = new vis.Network(container, data, options);"
        " network.once('stabilizationIterationsDone', () => { window.pyvisReady = true; });")
    out.write_text(page, encoding="utf-8")
    return out


def time_to_interactive(browser, page_path: Path, ready: str, loads: int) -> float:
    times = []
    for _ in range(loads):
        context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
        page = context.new_page()
        start = time.perf_counter()
        page.goto(page_path.resolve().as_uri())
        page.wait_for_function(ready, timeout=300_000, polling=20)
        times.append(time.perf_counter() - start)
        context.close()
    return statistics.median(times)


def measure(label: str, folder: Path, browser, loads: int, table: list) -> None:
    with tempfile.TemporaryDirectory() as work:
        out = Path(work)
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(folder), "-o", str(out),
                        "-q", "--no-cache"], check=True)
        html = out / "graph.html"
        nodes = len(read_page_data(html.read_text(encoding="utf-8"))["nodes"])
        ours = time_to_interactive(browser, html, READY, loads)
        baseline_page = plain_pyvis_page(html, out / "pyvis.html")
        # one load: the stock page takes minutes on big graphs
        theirs = time_to_interactive(browser, baseline_page, "window.pyvisReady === true", 1)
        size = html.stat().st_size / 1e6
        table.append((label, nodes, f"{size:.2f} MB", f"{ours:.2f} s", f"{theirs:.2f} s",
                      f"{theirs / ours:.1f}x",
                      "yes" if ours <= 3 and size <= 5 else "NO"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--corpus", type=Path,
                        default=Path(__file__).resolve().parent.parent.parent / "shared" / "corpus")
    parser.add_argument("--loads", type=int, default=3)
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if not chromium:
        sys.exit("no Chromium: install Debian's chromium or set KG_CHROMIUM")
    from playwright.sync_api import sync_playwright

    table: list = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=[f for f in CHROMIUM_FLAGS if f != "--headless"])
        if args.corpus.is_dir():
            measure(f"corpus ({args.corpus.name})", args.corpus, browser, args.loads, table)
        if args.docs:
            measure(f"synthetic {args.docs}", corpus(args.docs), browser, args.loads, table)
        browser.close()
    header = ("corpus", "nodes shown", "page size", "interactive (kg)",
              "pyvis stock page", "ratio", "goal met (<= 3 s, <= 5 MB)")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for line in table:
        print("| " + " | ".join(str(cell) for cell in line) + " |")


if __name__ == "__main__":
    main()
