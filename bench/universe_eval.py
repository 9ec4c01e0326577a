"""Precision and recall of entity resolution in a crowded universe of names.

    python -m bench.universe_eval [--names FILE ...] [--corpus DIR ...] [--wrong]

A universe file (tests/data/universe-*-names.tsv) holds names as an archive of many
domains writes them, one per line, `group<TAB>type<TAB>name`: names of one thing share
their group, written blind by a labeller who ran no software (criteria:
tests/data/resolution-criteria.md). Every name is resolved at once, with the corpus
folders' names (default ../shared/corpus and ../shared/seed, when present), as one
build of them all would: a name may meet any other, not only its pair, which is how a
false join shows in an archive of thousands of names. Counted over every pair of names
(pairwise precision and recall), on the `tune` groups and the `holdout` groups: the
groups sorted by the md5 of their id, alternating (as their pairs in
resolution-pairs.csv are split). Goal (issue 14): precision >= 0.97, recall >= 0.85.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .resolution_eval import ROOT, Score, corpus_names, grouping

UNIVERSES = sorted((ROOT / "tests" / "data").glob("universe-*-names.tsv"))
CORPUS = [ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "seed"]


def read_universe(path: Path) -> list[tuple[str, str, str]]:
    """(group, type, name) of each line."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            if len(parts) != 3:
                raise SystemExit(f"{path}:{number}: want group<TAB>type<TAB>name")
            rows.append((parts[0], parts[1], parts[2]))
    return rows


def split_of(groups: set[str]) -> dict[str, str]:
    """Each group's split: sorted by the md5 of its id, tune and holdout alternating."""
    ordered = sorted(groups, key=lambda group: hashlib.md5(group.encode()).hexdigest())
    return {group: ("tune", "holdout")[at % 2] for at, group in enumerate(ordered)}


def joined_pairs(key: dict[str, str]):
    """Each pair of names (first < second) resolution puts in one node, `key` giving each
    name's node: only the pairs inside a node, not every pair of thousands of names.

    >>> list(joined_pairs({"b": "x", "a": "x", "c": "y", "d": "x"}))
    [('a', 'b'), ('a', 'd'), ('b', 'd')]
    """
    nodes: dict[str, list[str]] = defaultdict(list)
    for name in sorted(key):
        nodes[key[name]].append(name)
    for names in nodes.values():
        yield from itertools.combinations(names, 2)


def evaluate(rows: list[tuple[str, str, str]], evidence: list[tuple[str, str]]
             ) -> dict[str, Score]:
    """Pairwise scores per split: every pair of distinct names, counted in the split of
    the first name's group (a pair of one group: that group's). Only pairs joined or of
    one group are visited; the rest, true negatives, are counted."""
    node = grouping(sorted(set(evidence) | {(kind, name) for _, kind, name in rows}))
    group_of = {name: group for group, _, name in rows}
    split = split_of(set(group_of.values()))
    key = {name: node(name) for name in group_of}
    ordered = sorted(group_of)
    scores: dict[str, Score] = defaultdict(Score)
    for first, second in joined_pairs(key):
        score = scores[split[group_of[first]]]
        if group_of[first] == group_of[second]:
            score.true_positive += 1
        else:
            score.false_positive += 1
            score.wrong.append((first, second, "joined", 0))
    members: dict[str, list[str]] = defaultdict(list)
    for name in ordered:
        members[group_of[name]].append(name)
    for names in members.values():
        for first, second in itertools.combinations(names, 2):
            if key[first] != key[second]:
                score = scores[split[group_of[first]]]
                score.false_negative += 1
                score.wrong.append((first, second, "apart", 1))
    place = {name: at for at, name in enumerate(ordered)}
    for at, name in enumerate(ordered):  # the pairs of which `name` is the first
        scores[split[group_of[name]]].true_negative += len(ordered) - 1 - at
    for score in scores.values():
        score.true_negative -= score.true_positive + score.false_positive + score.false_negative
        score.wrong.sort(key=lambda pair: (place[pair[0]], place[pair[1]]))
    return scores


def _evaluate_file(path: Path, evidence: list[tuple[str, str]]
                   ) -> tuple[list[tuple[str, str, str]], dict[str, Score]]:
    rows = read_universe(path)
    return rows, dict(evaluate(rows, evidence))


def evaluate_files(paths: list[Path], evidence: list[tuple[str, str]]):
    """(path, rows, scores) of each universe file, in order, resolved in as many
    processes as the machine has cores (each universe is resolved alone)."""
    workers = min(len(paths), os.cpu_count() or 1)
    if workers <= 1:
        for path in paths:
            yield (path, *_evaluate_file(path, evidence))
        return
    with ProcessPoolExecutor(workers) as pool:
        for path, (rows, scores) in zip(paths, pool.map(_evaluate_file, paths,
                                                        itertools.repeat(evidence))):
            yield path, rows, defaultdict(Score, scores)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=Path, nargs="*", default=UNIVERSES)
    parser.add_argument("--corpus", type=Path, nargs="*", default=CORPUS)
    parser.add_argument("--wrong", action="store_true",
                        help="List the tune pairs joined wrongly and those left apart.")
    args = parser.parse_args(argv)
    evidence = corpus_names(args.corpus)
    print("| universe | names | groups | pairs | precision | recall | TP | FP | FN |")
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|")
    wrong = []
    for path, rows, scores in evaluate_files(args.names, evidence):
        groups = len({group for group, _, _ in rows})
        for split in ("tune", "holdout"):
            s = scores[split]
            print(f"| {path.name} | {len(rows)} | {groups} | {split} | {s.precision:.3f} | "
                  f"{s.recall:.3f} | {s.true_positive} | {s.false_positive} | "
                  f"{s.false_negative} |")
        wrong += scores["tune"].wrong
    if args.wrong:
        for first, second, said, _ in wrong:
            print(f"  {said}: {first} | {second}")


if __name__ == "__main__":
    main()
