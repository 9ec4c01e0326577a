"""Precision and recall of entity resolution on the labelled pairs in tests/data.

    python -m bench.resolution_eval [--corpus DIR ...] [--pairs FILE]

Rows: the build's rules alone (what `kg build` joins with no aliases file), then
the rules plus every `kg resolve` candidate scoring at least N (what accepting
them into the aliases file gives). Candidates are mined from the names of the
corpus folders given (default ../shared/corpus and ../shared/seed, when present)
plus the pairs' own names. Goal (issue 7): precision >= 0.95, recall >= 0.85.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

from kg import build
from kg.resolve import evaluate, labels_in_graph

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "data" / "resolution-pairs.csv"


def corpus_names(folders: list[Path]) -> list[tuple[str, str]]:
    present = [f for f in folders if f.is_dir()]
    if not present:
        return []
    with tempfile.TemporaryDirectory() as out:
        build(present, out, html=False, use_cache=False)
        return labels_in_graph(Path(out) / "graph.ttl")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, nargs="*",
                        default=[ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "seed"])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    args = parser.parse_args(argv)
    pairs = list(csv.DictReader(args.pairs.open(encoding="utf-8")))
    names = corpus_names(args.corpus)
    same = sum(row["same"] == "1" for row in pairs)
    print(f"{len(pairs)} labelled pairs ({same} same, {len(pairs) - same} not); "
          f"{len(names)} corpus names for candidates")
    print("| resolver | precision | recall | TP | FP | FN | seconds |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for accept in (None, 100.0, 98.0, 95.0, 90.0):
        start = time.perf_counter()
        score = evaluate(pairs, names, accept)
        label = "build rules only" if accept is None else f"rules + candidates >= {accept:g}"
        print(f"| {label} | {score.precision:.3f} | {score.recall:.3f} | {score.true_positive} | "
              f"{score.false_positive} | {score.false_negative} | "
              f"{time.perf_counter() - start:.2f} |")
    default = evaluate(pairs, names, 95.0)
    print("\nwrongly decided at >= 95 (first | second | labelled same):")
    for first, second, truth in default.wrong:
        print(f"  {first} | {second} | {truth}")


if __name__ == "__main__":
    main()
