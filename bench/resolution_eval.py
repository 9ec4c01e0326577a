"""Precision and recall of entity resolution on the labelled pairs in tests/data.

    python -m bench.resolution_eval [--corpus DIR ...] [--pairs FILE] [--cases]

Rows: what a plain `kg build` joins (each name's key, then the keys the corpus
gives evidence for joining), then that plus every `kg resolve` candidate that
`kg resolve --accept` would take (what the documented review flow gives). Each
on the `tune` pairs (the rules were developed on them) and the `holdout` pairs
(never looked at while developing). Evidence is mined from the names of the
corpus folders given (default ../shared/corpus and ../shared/seed, when present)
plus the pairs' own names, as a build of a corpus holding them would.
Goal (issue 14): precision >= 0.97, recall >= 0.85; --accept never lowers precision.
The labelling criteria are in tests/data/resolution-criteria.md.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg import build
from kg.resolve import accepted_candidates, join_keys, resolution_key

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "data" / "resolution-pairs.csv"


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0
    wrong: list[tuple[str, str, str, int]] = field(default_factory=list)  # first, second, case, truth

    @property
    def precision(self) -> float:
        said = self.true_positive + self.false_positive
        return self.true_positive / said if said else 1.0

    @property
    def recall(self) -> float:
        same = self.true_positive + self.false_negative
        return self.true_positive / same if same else 1.0


def read_pairs(path: Path = PAIRS) -> list[dict[str, str]]:
    return list(csv.DictReader(line for line in path.open(encoding="utf-8")
                               if not line.startswith("#")))


def corpus_names(folders: list[Path]) -> list[tuple[str, str]]:
    present = [f for f in folders if f.is_dir()]
    if not present:
        return []
    with tempfile.TemporaryDirectory() as out:
        return build(present, out, html=False, use_cache=False).entity_names()


def grouping(names: list[tuple[str, str]], review: bool = False,
             joined: dict[str, str] | None = None):
    """name -> the key of its node, as a build over `names` gives it (plus, with
    `review`, the candidates `kg resolve --accept` takes). `joined`: `join_keys(names)`
    when the caller has it already (it is most of the time taken)."""
    joined = join_keys(names) if joined is None else joined
    if review:
        extra = {}
        for candidate in accepted_candidates(names, joined):
            a, b = resolution_key(candidate.first), resolution_key(candidate.second)
            a, b = joined.get(a, a), joined.get(b, b)
            if a != b:
                extra[max(a, b)] = min(a, b)

        def final(key: str) -> str:
            seen = set()
            while key in extra and key not in seen:
                seen.add(key)
                key = extra[key]
            return key
    else:
        def final(key: str) -> str:
            return key

    def group(name: str) -> str:
        key = resolution_key(name)
        return final(joined.get(key, key))
    return group


def names_of(pairs: list[dict[str, str]], universe: list[tuple[str, str]]
             ) -> list[tuple[str, str]]:
    """The (type, name) of every labelled name, with the universe's, sorted."""
    names = set(universe)
    for row in pairs:
        names.add((row["first_type"], row["first"]))
        names.add((row["second_type"], row["second"]))
    return sorted(names)


def score(pairs: list[dict[str, str]], group) -> dict[str, Score]:
    """Scores by split of the "same thing" decisions `group` (a `grouping`) makes."""
    scores: dict[str, Score] = defaultdict(Score)
    for row in pairs:
        said = group(row["first"]) == group(row["second"])
        truth = row["same"] == "1"
        split = scores[row.get("split") or "tune"]
        split.true_positive += said and truth
        split.false_positive += said and not truth
        split.false_negative += truth and not said
        split.true_negative += not truth and not said
        if said != truth:
            split.wrong.append((row["first"], row["second"], row.get("case", ""), int(truth)))
    return scores


def evaluate(pairs: list[dict[str, str]], universe: list[tuple[str, str]],
             review: bool = False) -> dict[str, Score]:
    """Scores by split of "same thing" decisions on labelled pairs, resolved together
    with the universe's names."""
    return score(pairs, grouping(names_of(pairs, universe), review))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, nargs="*",
                        default=[ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "seed"])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--cases", action="store_true",
                        help="List the tune pairs decided wrongly, by case.")
    parser.add_argument("--batch", metavar="TAG",
                        help="Only the pairs of one batch, by the end of their case "
                             "(e.g. 'blind 25]'), judged among themselves and the corpus.")
    args = parser.parse_args(argv)
    pairs = read_pairs(args.pairs)
    if args.batch:
        pairs = [row for row in pairs if row.get("case", "").endswith(args.batch)]
        if not pairs:
            parser.error(f"no pair's case ends with {args.batch!r}")
    names = corpus_names(args.corpus)
    counts = Counter((row.get("split") or "tune", row["same"]) for row in pairs)
    print(f"{len(pairs)} labelled pairs: " + ", ".join(
        f"{split} {counts[split, '1']} same / {counts[split, '0']} not"
        for split in ("tune", "holdout")) + f"; {len(names)} corpus names for evidence")
    print("| resolver | pairs | precision | recall | TP | FP | FN |")
    print("|---|---|---:|---:|---:|---:|---:|")
    results = {}
    every = names_of(pairs, names)
    joined = join_keys(every)
    for review, label in ((False, "plain build"), (True, "build + `kg resolve --accept`")):
        results[review] = score(pairs, grouping(every, review, joined))
        for split in ("tune", "holdout"):
            s = results[review][split]
            print(f"| {label} | {split} | {s.precision:.3f} | {s.recall:.3f} | "
                  f"{s.true_positive} | {s.false_positive} | {s.false_negative} |")
    if args.cases:
        print("\ntune pairs decided wrongly by the plain build (first | second | case | same):")
        for first, second, case, truth in sorted(results[False]["tune"].wrong,
                                                 key=lambda w: (w[2], w[0])):
            print(f"  {first} | {second} | {case} | {truth}")


if __name__ == "__main__":
    main()
