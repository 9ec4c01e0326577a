"""Screenshots of the analytics report and a diff for the README (docs/*.png).

    python -m bench.report_screenshots [SOURCE ...] [--out docs] [--split YYYY-MM-DD]

Builds the sources (default ../shared/corpus and ../shared/seed), writes `kg stats -o
report.html` and `kg diff` between the articles dated before --split (default: the
middle page date) and all of them, opens both pages in headless Chromium (Debian's,
driven by Playwright; nothing is downloaded) and saves parts of them as small PNGs
(256 colours). Re-run it after the graph changes (e.g. once builds make trends).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def build_pages(sources: list[Path], out: Path, split: str | None) -> tuple[Path, Path]:
    import kg
    from kg.diff import read_and_compare
    from kg.report import diff_html, explorer_href, make_report, to_html

    graph = kg.build(sources, out / "new")
    report = out / "new" / "report.html"
    report.write_text(to_html(make_report(graph.facts(), top=10), "graph.html"),
                      encoding="utf-8")
    rows = graph.query("SELECT ?path (MIN(?d) AS ?date) WHERE { ?a kg:hasSummary ?s . "
                       "?s kg:sourcePath ?path OPTIONAL { ?a kg:publishedIn/dcterms:date ?d } } "
                       "GROUP BY ?path").values()
    dates = sorted(row["date"] for row in rows if row["date"])
    split = split or dates[len(dates) // 2]
    roots = {source.resolve().name: source.resolve() for source in sources}
    early = out / "early"
    for row in rows:
        if row["date"] is None or row["date"] < split:
            folder, _, rest = row["path"].partition("/")
            (early / folder).mkdir(parents=True, exist_ok=True)
            shutil.copy(roots[folder] / rest, early / folder / rest)
    kg.build(sorted(early.iterdir()), out / "old", html=False)
    diff = out / "new" / "diff.html"
    found = read_and_compare(out / "old" / "graph.ttl", out / "new" / "graph.ttl")
    found.old_name, found.new_name = f"articles dated before {split}", "all articles"
    diff.write_text(diff_html(found, 8, explorer_href(diff, out / "new" / "graph.html")),
                    encoding="utf-8")
    return report, diff


def _save_small(png: bytes, path: Path) -> None:
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def shoot(report: Path, diff: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from kg.view import CHROMIUM_FLAGS, find_chromium

    chromium = find_chromium()
    if not chromium:
        raise SystemExit("no Chromium: install Debian's chromium or set KG_CHROMIUM")
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True,
            args=[flag for flag in CHROMIUM_FLAGS if flag != "--headless"])
        context = browser.new_context(offline=True, viewport={"width": 1100, "height": 900})
        page = context.new_page()

        def between(first: str, last: str, name: str) -> None:
            top = page.locator(first).first.bounding_box()
            bottom = page.locator(last).first.bounding_box()
            clip = {"x": 0, "y": max(top["y"] - 12, 0), "width": 1100,
                    "height": bottom["y"] + bottom["height"] - top["y"] + 24}
            path = out / name
            _save_small(page.screenshot(clip=clip, full_page=True), path)
            written.append(path)

        page.goto(report.as_uri())
        between("h1", "h2:has-text('Articles over time') ~ figure", "report-opening.png")
        between("h2:has-text('Emergence map')", "h2:has-text('Emergence map') ~ figure",
                "report-emergence.png")
        between("h2:has-text('What recurs')", "h2:has-text('What recurs') ~ figure",
                "report-recurring.png")
        between("h2:has-text('Radar')", "h2:has-text('Radar') ~ figure", "report-radar.png")
        page.goto(diff.as_uri())
        between("h1", "table >> nth=0", "diff.png")
        browser.close()
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", type=Path,
                        default=[SHARED / "corpus", SHARED / "seed"])
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    parser.add_argument("--split", help="page date splitting the earlier scan from the later")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kg-screenshots-") as work:
        report, diff = build_pages(args.sources, Path(work), args.split)
        for path in shoot(report, diff, args.out):
            print(f"wrote {path} ({path.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
