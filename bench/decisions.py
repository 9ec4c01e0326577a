"""Every join decision of entity resolution, saved and compared: what a change to a rule
or a lexicon row joins or parts, pair by pair, with each pair's truth and split.

    python -m bench.decisions save FILE [--names TSV ...] [--pairs CSV] [--corpus DIR ...]
    python -m bench.decisions compare FILE [the same options]

`save` writes, as JSON, the pairs of names each crowded universe
(tests/data/universe-*-names.tsv) puts in one node, and the decision on every labelled
pair of tests/data/resolution-pairs.csv (resolved together with the corpus' names, as
bench/resolution_eval.py does). `compare` resolves again with the code as it is now and
prints each decision that changed:

    NEWJOIN true|FALSE tune|holdout universe|first|second   (a universe's pair, now one)
    PARTED  true|false ...                                   (... now apart)
    GAIN / FALSE JOIN / LOST / FIXED tune|holdout first|second   (a labelled pair)

then a line of counts. A rule is kept when it joins true pairs only, on the tune half's
misses it was written for and on everything else (bench/RESULTS.md, forty-third session).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .resolution_eval import PAIRS, corpus_names, grouping, read_pairs
from .universe_eval import CORPUS, UNIVERSES, joined_pairs, read_universe, split_of


def universe_joins(path: Path) -> dict[str, tuple[bool, str]]:
    """{"universe|first|second": (one thing?, split)} for each pair of a universe's names
    resolution puts in one node (the names sorted, "universe" the file's number)."""
    rows = read_universe(path)
    node = grouping(sorted({(kind, name) for _, kind, name in rows}))
    group_of = {name: group for group, _, name in rows}
    split = split_of(set(group_of.values()))
    key = {name: node(name) for name in group_of}
    label = path.name.removeprefix("universe-").removesuffix("-names.tsv")
    return {f"{label}|{first}|{second}": (group_of[first] == group_of[second],
                                          split[group_of[first]])
            for first, second in joined_pairs(key)}


def pair_decisions(pairs: list[dict[str, str]], evidence: list[tuple[str, str]]
                   ) -> dict[str, tuple[bool, bool, str]]:
    """{"first|second": (joined?, one thing?, split)} of each labelled pair, all resolved
    at once with `evidence` (the corpus' names)."""
    names = set(evidence)
    for row in pairs:
        names |= {(row["first_type"], row["first"]), (row["second_type"], row["second"])}
    node = grouping(sorted(names))
    return {f"{row['first']}|{row['second']}": (node(row["first"]) == node(row["second"]),
                                                row["same"] == "1", row["split"])
            for row in pairs}


def decisions(universes: list[Path], pairs: list[dict[str, str]],
              evidence: list[tuple[str, str]]) -> dict[str, dict]:
    """Both kinds of decision, as `save` writes them."""
    joins: dict[str, tuple[bool, str]] = {}
    for path in universes:
        joins.update(universe_joins(path))
    return {"universes": joins, "pairs": pair_decisions(pairs, evidence)}


def changes(old: dict[str, dict], new: dict[str, dict]):
    """The lines of `compare`, as (kind, truth, split, pair), in a stable order.

    >>> old = {"universes": {"1|a|b": [True, "tune"]}, "pairs": {"x|y": [False, True, "tune"]}}
    >>> new = {"universes": {"1|a|c": [False, "holdout"]}, "pairs": {"x|y": [True, True, "tune"]}}
    >>> list(changes(old, new))  # doctest: +NORMALIZE_WHITESPACE
    [('PARTED', 'true', 'tune', '1|a|b'), ('NEWJOIN', 'FALSE', 'holdout', '1|a|c'),
     ('GAIN', '', 'tune', 'x|y')]
    """
    before, after = old["universes"], new["universes"]
    for pair in sorted(set(before) | set(after)):
        if pair in before and pair not in after:
            yield "PARTED", "true" if before[pair][0] else "false", before[pair][1], pair
        elif pair in after and pair not in before:
            yield "NEWJOIN", "true" if after[pair][0] else "FALSE", after[pair][1], pair
    for pair, (joined, same, split) in sorted(new["pairs"].items()):
        was = old["pairs"].get(pair)
        if was is not None and was[0] != joined:
            kind = ("GAIN" if same else "FALSE JOIN") if joined else ("LOST" if same else "FIXED")
            yield kind, "", split, pair


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--names", type=Path, nargs="*", default=UNIVERSES)
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--corpus", type=Path, nargs="*", default=CORPUS)
    args = parser.parse_args(argv)
    now = decisions(args.names, read_pairs(args.pairs), corpus_names(args.corpus))
    if args.action == "save":
        args.file.write_text(json.dumps(now), encoding="utf-8")
        return
    counts: dict[str, int] = {}
    for kind, truth, split, pair in changes(json.loads(args.file.read_text(encoding="utf-8")),
                                            json.loads(json.dumps(now))):
        print(" ".join(part for part in (kind, truth, split, pair) if part))
        counts[f"{kind} {truth}".strip()] = counts.get(f"{kind} {truth}".strip(), 0) + 1
    print("changed:", ", ".join(f"{kind} {count}" for kind, count in sorted(counts.items()))
          or "nothing")


if __name__ == "__main__":
    main()
