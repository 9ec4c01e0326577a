"""Benchmark the explorer page: size and time to interactive in headless Chromium.

    python -m bench.explorer [--docs 3000] [--corpus DIR] [--loads 3]

For each corpus: `kg build` writes graph.html; the page is opened with the
network off in Debian's Chromium (driven by Playwright), and time to
interactive is the time from navigation to the page's `kg.ready` flag (index
unpacked, the opening view drawn at its precomputed layout, labels placed, every
control wired), median of --loads fresh loads. Then, on the open page, the time to
focus an entity the overview leaves out (its neighbourhood drawn, its details
panel filled with its articles' texts). The baseline in the same run is pyvis's own
page for the same drawn nodes and edges (its default template, physics on, pyvis'
in-line vis-network), timed to its `stabilizationIterationsDone` (one load) — what
a plain pyvis user would ship. Goals (issue 15): interactive within 2 s, page at
most 8 MB with the index of every node.
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
    index = data["index"]
    drawn = {n for n, *_ in data["drawn"]}
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    for n in sorted(drawn):
        net.add_node(n, label=index["l"][n][:40], title=index["l"][n],
                     group=data["types"][index["t"][n]])
    source = target = 0
    for i, (step, to, relation) in enumerate(zip(index["es"], index["et"], index["er"])):
        target = (target if i and step == 0 else 0) + to
        source += step
        if source in drawn and target in drawn:
            net.add_edge(source, target, title=index["r"][relation])
    page = net.generate_html().replace(
        "network = new vis.Network(container, data, options);",
        "network = new vis.Network(container, data, options);"
        " network.once('stabilizationIterationsDone', () => { window.pyvisReady = true; });")
    out.write_text(page, encoding="utf-8")
    return out


def time_to_interactive(browser, page_path: Path, ready: str, loads: int,
                        limit: float = 300) -> float | None:
    """Median seconds to `ready`; None when a load takes longer than `limit`."""
    from playwright.sync_api import TimeoutError as Timeout

    times = []
    for _ in range(loads):
        context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
        page = context.new_page()
        start = time.perf_counter()
        page.goto(page_path.resolve().as_uri(), timeout=limit * 1000)
        try:
            page.wait_for_function(ready, timeout=limit * 1000, polling=20)
        except Timeout:
            return None
        finally:
            context.close()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


FOCUS_OUTSIDE = """() => {
    const drawn = new Set(kg.drawn());
    let n = kg.A;
    while (drawn.has(n) || kg.type(n) === 'Article') n++;
    const start = performance.now();
    kg.select(n, true);
    // the details panel asks for the texts of its first 40 articles: wait for those
    return Promise.all(kg.articlesOf(n).slice(0, 40).map(kg.textsOf))
        .then(() => [n, performance.now() - start]);
}"""


def focus_time(browser, page_path: Path) -> float:
    """Seconds to draw the neighbourhood of an entity outside the overview, on an open page."""
    context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(page_path.resolve().as_uri())
    page.wait_for_function(READY, timeout=300_000, polling=20)
    node, millis = page.evaluate(FOCUS_OUTSIDE)
    assert page.evaluate("kg.selected") == node and node in page.evaluate("kg.drawn()")
    context.close()
    return millis / 1000


def measure(label: str, folders: list[Path], browser, loads: int, table: list) -> None:
    with tempfile.TemporaryDirectory() as work:
        out = Path(work)
        subprocess.run([sys.executable, "-m", "kg.cli", "build", *map(str, folders), "-o", str(out),
                        "-q", "--no-cache"], check=True)
        html = out / "graph.html"
        data = read_page_data(html.read_text(encoding="utf-8"))
        nodes, index_nodes = len(data["drawn"]), len(data["index"]["l"])
        ours = time_to_interactive(browser, html, READY, loads)
        focus = focus_time(browser, html)
        baseline_page = plain_pyvis_page(html, out / "pyvis.html")
        # one load: the stock page takes minutes on big graphs
        limit = 240
        theirs = time_to_interactive(browser, baseline_page, "window.pyvisReady === true", 1, limit)
        size = html.stat().st_size / 1e6
        table.append((label, f"{nodes} of {index_nodes:,}", f"{size:.2f} MB", f"{ours:.2f} s",
                      f"{focus:.2f} s", f"{theirs:.2f} s" if theirs else f"> {limit} s (stopped)",
                      f"{theirs / ours:.1f}x" if theirs else f"> {limit / ours:.0f}x",
                      "yes" if ours <= 2 and size <= 8 else "NO"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--corpus", type=Path,  # with the `seed` folder beside it, if any
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
            folders = [args.corpus] + [args.corpus.parent / "seed"] * (args.corpus.parent / "seed").is_dir()
            measure(" + ".join(f.name for f in folders), folders, browser, args.loads, table)
        if args.docs:
            measure(f"synthetic {args.docs}", [corpus(args.docs)], browser, args.loads, table)
        browser.close()
    header = ("corpus", "nodes drawn of indexed", "page size", "interactive (kg)",
              "focus outside the overview", "pyvis stock page", "ratio", "goal met (<= 2 s, <= 8 MB)")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for line in table:
        print("| " + " | ".join(str(cell) for cell in line) + " |")


if __name__ == "__main__":
    main()
