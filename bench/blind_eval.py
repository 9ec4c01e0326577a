"""Resolution and related links on summaries written blind (tests/data/blind-*).

    python -m bench.blind_eval [SET ...]

Each set (tests/data/blind-54, blind-55: their README.md) holds summaries and labelled
pairs of their names, written by a session that never ran kg: a measure on documents
and names the rules were not made from. For each set:

* resolution: a pair labelled `same` counts as joined when its names landed as one
  node (or, of two types, one concept: skos:exactMatch); a pair labelled `related` or
  `unrelated` so joined is a false join. Issue 14's goal: precision >= 0.97, recall
  >= 0.85.
* related: a pair labelled `same` or `related` counts as linked when its nodes are
  one, or joined by skos:related or skos:exactMatch, or members of one trend
  (bench/related_eval.py's measure). Goal: precision >= 0.85, recall >= 0.70. Its
  precision counts the labelled pairs only (unlisted pairs are unlabelled), so it is
  not the precision of the links a build ships:
* shipped links (where the set has links-labelled.csv): a sample of the links one build
  made on the set (its README says which), labelled blind by another session: the
  precision, on summaries kg was not made from, of those links a build still makes.
  Links a later build adds are not in the sample: after a change to the related stage,
  label a fresh sample.

Resolution is also given on the `same` pairs whose names' keys differ ("resolution,
keys differ"): a pair of one key (case, plurals) is one node whatever the rules, and
flatters recall (a review's).
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from kg.related import Settings
from kg.resolve import resolution_key

from .related_eval import Links, build_corpus, counts_row, outcome
from .related_train import read_labelled

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def blind_sets() -> list[Path]:
    """The blind sets' folders, in name order."""
    return sorted(path for path in DATA.glob("blind-*") if (path / "pairs.csv").exists())


def blind_counts(pairs: list[dict[str, str]], links: Links) -> dict[str, Counter]:
    """Counts per measure ("resolution", "resolution, keys differ", "related"): tp, fp,
    fn, tn, and names not found."""
    counts = {"resolution": Counter(), "resolution, keys differ": Counter(),
              "related": Counter()}
    for row in pairs:
        first = links.find(row["first_article"], row["first_type"], row["first"])
        second = links.find(row["second_article"], row["second_type"], row["second"])
        if not first or not second:
            for count in counts.values():
                count["not found"] += 1
            continue
        one, same = links.one(first, second), row["label"] == "same"
        counts["resolution"][outcome(one, same)] += 1
        if resolution_key(row["first"]) != resolution_key(row["second"]):
            counts["resolution, keys differ"][outcome(one, same)] += 1
        counts["related"][outcome(links.linked(first, second),
                                  row["label"] in ("same", "related"))] += 1
    return counts


def evaluate_set(folder: Path) -> dict[str, Counter]:
    """The counts of one blind set, its summaries built with the default settings."""
    with tempfile.TemporaryDirectory() as out:
        links = Links(build_corpus([folder / "docs"], Path(out), related=Settings()))
    counts = blind_counts(read_labelled(folder / "pairs.csv"), links)
    if (folder / "links-labelled.csv").exists():
        counts["shipped links"] = blind_counts(read_labelled(folder / "links-labelled.csv"),
                                               links)["related"]
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path,
                        help="blind set folders or names, e.g. blind-54 (default: all)")
    args = parser.parse_args(argv)
    args.sets = [path if path.is_dir() else DATA / path.name for path in args.sets]
    print("| set | measure | precision | recall | TP | FP | FN | TN | not found |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for folder in args.sets or blind_sets():
        for measure, counts in evaluate_set(folder).items():
            print(counts_row([folder.name, measure], counts))


if __name__ == "__main__":
    main()
