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

from dataclasses import dataclass
from typing import Callable, Iterable

from kg import build
from kg.resolve import candidates, resolution_key

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "data" / "resolution-pairs.csv"


def corpus_names(folders: list[Path]) -> list[tuple[str, str]]:
    present = [f for f in folders if f.is_dir()]
    if not present:
        return []
    with tempfile.TemporaryDirectory() as out:
        return build(present, out, html=False, use_cache=False).entity_names()


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    true_positive: int
    false_positive: int
    false_negative: int
    wrong: list[tuple[str, str, int]]  # (first, second, labelled same) decided wrongly


def resolve_groups(labels: Iterable[tuple[str, str]], accept: float | None,
                   threshold: float = 90.0) -> Callable[[str], str]:
    """A function from a name to its group: its resolution key, joined with others by
    every candidate scoring >= `accept` among `labels` (None: the build's rules only)."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.get(key, key) != key:
            parent[key] = parent.get(parent[key], parent[key])
            key = parent[key]
        return key

    spelled: dict[str, bool] = {}  # group -> has a spelled-out (not acronym-like) name

    def long_form(key: str) -> bool:
        return len(key.replace(" ", "")) > 6

    if accept is not None:
        for c in candidates(labels, threshold):
            if c.score < accept:
                continue
            first, second = resolution_key(c.first), resolution_key(c.second)
            a, b = find(first), find(second)
            if a == b:
                continue
            a_long = spelled.get(a, long_form(first))
            b_long = spelled.get(b, long_form(second))
            via_acronym = c.reason == "initials" or (
                c.reason == "alias" and not (long_form(first) and long_form(second)))
            if via_acronym and a_long and b_long:
                continue  # one acronym, two spelled-out names: ambiguous ("UI")
            root, other = min(a, b), max(a, b)
            parent[other] = root
            spelled[root] = a_long or b_long
    return lambda name: find(resolution_key(name))


def evaluate(pairs: list[dict[str, str]], universe: Iterable[tuple[str, str]],
             accept: float | None, threshold: float = 90.0) -> Score:
    """Precision and recall of "same thing" decisions on labelled pairs (CSV rows with
    first, first_type, second, second_type, same), candidates mined from `universe`
    plus the pairs' own names."""
    names = set(universe)
    for row in pairs:
        names.add((row["first_type"], row["first"]))
        names.add((row["second_type"], row["second"]))
    group = resolve_groups(sorted(names), accept, threshold)
    tp = fp = fn = 0
    wrong = []
    for row in pairs:
        said = group(row["first"]) == group(row["second"])
        truth = row["same"] == "1"
        tp += said and truth
        fp += said and not truth
        fn += truth and not said
        if said != truth:
            wrong.append((row["first"], row["second"], int(truth)))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return Score(precision, recall, tp, fp, fn, wrong)


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
