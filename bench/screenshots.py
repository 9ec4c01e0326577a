"""The README's pictures of the explorer, from a build of the real corpus.

    python -m bench.screenshots [--corpus ../shared/corpus ../shared/seed] [--out docs]

Builds the sources into a temporary folder, then draws three views of its graph.ttl
with `kg view --screenshot` (headless Chromium): the overview, the neighbourhood of
the entity most articles name (two links deep), and the radar. A PNG over 250 KB is
reduced to 256 colours (Pillow) so the README stays light (< ~300 KB a picture).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from kg import open_graph
from kg.explore import index_from_networkx

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def busiest(graph_path: Path, kinds=("Technology", "Concern", "Signal", "Keyword")) -> str:
    """`Type:label` of the entity of one of `kinds` that most articles name."""
    index = index_from_networkx(open_graph(graph_path).to_networkx())
    named = {}
    for source, target in zip(index.es.tolist(), index.et.tolist()):
        if source < index.articles and index.types[target] in kinds:
            named[target] = named.get(target, 0) + 1
    best = min(named, key=lambda n: (-named[n], kinds.index(index.types[n]), index.labels[n]))
    return f"{index.types[best]}:{index.labels[best]}"


def shrink(png: Path, limit: int = 250_000) -> int:
    """Reduce a screenshot over `limit` bytes to 256 colours, in place; returns its size."""
    from PIL import Image

    if png.stat().st_size <= limit:
        return png.stat().st_size
    with Image.open(png) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(png, optimize=True)
    return png.stat().st_size


def kg(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "kg.cli", *args], check=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", nargs="+", type=Path,
                        default=[SHARED / "corpus", SHARED / "seed"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    sources = [s for s in args.corpus if s.exists()]
    if not sources:
        sys.exit(f"no sources: {' '.join(map(str, args.corpus))}")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        out = Path(work)
        kg("build", *map(str, sources), "-o", str(out), "-q")
        graph = out / "graph.ttl"
        views = {"explorer-overview": [],
                 "explorer-focus": ["--focus", busiest(graph), "--depth", "2"],
                 "explorer-radar": ["--radar"]}
        for name, options in views.items():
            page = out / f"{name}.html"
            kg("view", str(graph), "-o", str(page), "--screenshot", *options)
            target = args.out / f"{name}.png"
            target.write_bytes(page.with_suffix(".png").read_bytes())
            print(f"{target}: {shrink(target) / 1000:.0f} KB")


if __name__ == "__main__":
    main()
