"""Resolution and related links on summaries written blind (tests/data/blind-54).

    python -m bench.blind_eval [--pairs CSV] [--docs DIR]

The summaries and their labelled pairs were written by a session that never ran kg
(tests/data/blind-54/README.md): a measure on documents and names the rules were not
made from. Two tables:

* resolution: a pair labelled `same` counts as joined when its names landed as one
  node (or, of two types, one concept: skos:exactMatch); a pair labelled `related` or
  `unrelated` so joined is a false join. Issue 14's goal: precision >= 0.97, recall
  >= 0.85.
* related links: a pair labelled `same` or `related` counts as linked when its nodes
  are one, or joined by skos:related or skos:exactMatch, or members of one trend
  (bench/related_eval.py's measure). Goal: precision >= 0.85, recall >= 0.70. Its
  precision counts the labelled pairs only (unlisted pairs are unlabelled), so it is
  not the precision of the links a build ships:
* shipped links: 200 of the links a build made on these summaries, labelled blind by
  another session (links-labelled.csv): the precision of what kg ships on summaries it
  was not made from (of those still linked; its recall is 1 by construction).
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from kg.related import Settings

from .related_eval import Links, build_corpus
from .related_train import read_labelled

BLIND = Path(__file__).resolve().parent.parent / "tests" / "data" / "blind-54"


def blind_counts(pairs: list[dict[str, str]], links: Links) -> dict[str, Counter]:
    """Counts per measure ("resolution", "related"): tp, fp, fn, and names not found."""
    counts = {"resolution": Counter(), "related": Counter()}
    for row in pairs:
        first = links.find(row["first_article"], row["first_type"], row["first"])
        second = links.find(row["second_article"], row["second_type"], row["second"])
        if not first or not second:
            for count in counts.values():
                count["not found"] += 1
            continue
        one, linked = links.one(first, second), links.linked(first, second)
        same, positive = row["label"] == "same", row["label"] in ("same", "related")
        counts["resolution"]["tp" if one and same else "fp" if one else
                             "fn" if same else "tn"] += 1
        counts["related"]["tp" if linked and positive else "fp" if linked else
                          "fn" if positive else "tn"] += 1
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=BLIND / "pairs.csv")
    parser.add_argument("--docs", type=Path, default=BLIND / "docs")
    parser.add_argument("--links", type=Path, default=BLIND / "links-labelled.csv")
    args = parser.parse_args(argv)
    pairs = read_labelled(args.pairs)
    with tempfile.TemporaryDirectory() as out:
        links = Links(build_corpus([args.docs], Path(out), related=Settings()))
    counts = blind_counts(pairs, links)
    if args.links.exists():
        counts["shipped links"] = blind_counts(read_labelled(args.links), links)["related"]
    print(f"{len(pairs)} labelled pairs ({args.pairs.name}); "
          f"{counts['resolution']['not found']} with a name not found"
          + (f"; {counts['shipped links']['not found']} of {args.links.name}'s"
             if "shipped links" in counts else ""))
    print("| measure | precision | recall | TP | FP | FN | TN |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for measure, s in counts.items():
        precision = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        recall = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 1.0
        print(f"| {measure} | {precision:.3f} | {recall:.3f} | {s['tp']} | {s['fp']} | "
              f"{s['fn']} | {s['tn']} |")


if __name__ == "__main__":
    main()
