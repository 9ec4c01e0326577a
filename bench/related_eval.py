"""Precision and recall of cross-article links on the labelled pairs in tests/data.

    python -m bench.related_eval [--corpus DIR ...] [--pairs FILE] [--wrong]

A pair of names from two articles counts as linked when the build made them one
node, joined them with skos:exactMatch or skos:related, or put them in one trend.
Positive pairs are those labelled `same` or `related`. Reported on the `tune`
pairs (what the method was developed on) and the `holdout` pairs (never looked
at while developing). Goal (issue 14): precision >= 0.85, recall >= 0.70.
The labelling criteria are the comment lines of tests/data/related-pairs.csv.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from kg import KINDS, build
from kg.resolve import resolution_key

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "data" / "related-pairs.csv"
KIND_OF = {kind.class_name: kind for kind in KINDS}


def read_pairs(path: Path = PAIRS) -> list[dict[str, str]]:
    return list(csv.DictReader(line for line in path.open(encoding="utf-8")
                               if not line.startswith("#")))


class Links:
    """What a built graph says connects entities: nodes, exact matches, related links,
    trends; and where each (article, type, name) landed."""

    def __init__(self, graph):
        rows = graph.query("""
            SELECT ?article ?type ?name ?entity WHERE {
              { ?a kg:hasMention ?m . ?m kg:mentionOf ?entity ; rdfs:label ?name .
                ?entity a ?class . }
              UNION
              { ?a kg:hasMention ?m . ?m kg:drivenBy ?entity . ?entity rdfs:label|skos:altLabel ?name ;
                   a ?class . }
              UNION
              { ?a kg:hasKeyword|kg:hasTheme ?entity . ?entity rdfs:label|skos:altLabel ?name ;
                   a ?class . }
              ?a dcterms:identifier ?article .
              FILTER(STRSTARTS(STR(?class), STR(kg:)))
              BIND(STRAFTER(STR(?class), "#") AS ?type)
            }""").values()
        self.node: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        for row in rows:
            self.node[row["article"], row["type"], resolution_key(row["name"])].add(row["entity"])
        self.edges: set[tuple[str, str]] = set()
        for row in graph.query("SELECT ?a ?b WHERE { ?a skos:related|skos:exactMatch ?b }").values():
            self.edges.add((row["a"], row["b"]))
            self.edges.add((row["b"], row["a"]))
        self.trends: dict[str, set[str]] = defaultdict(set)
        for row in graph.query("SELECT ?t ?e WHERE { ?t a kg:Trend ; skos:member ?e }").values():
            self.trends[row["e"]].add(row["t"])

    def find(self, article: str, type_: str, name: str) -> set[str]:
        return self.node.get((article, type_, resolution_key(name)), set())

    def linked(self, first: set[str], second: set[str]) -> bool:
        for a in first:
            for b in second:
                if a == b or (a, b) in self.edges or self.trends.get(a, set()) & \
                        self.trends.get(b, set()):
                    return True
        return False


def evaluate(pairs: list[dict[str, str]], links: Links) -> dict[str, Counter]:
    scores: dict[str, Counter] = defaultdict(Counter)
    for row in pairs:
        first = links.find(row["first_article"], row["first_type"], row["first"])
        second = links.find(row["second_article"], row["second_type"], row["second"])
        score = scores[row["split"]]
        if not first or not second:
            score["not found"] += 1
            continue
        said = links.linked(first, second)
        truth = row["label"] in ("same", "related")
        score["tp" if said and truth else "fp" if said else "fn" if truth else "tn"] += 1
    return scores


def build_corpus(folders: list[Path], out: Path, **options):
    return build([f for f in folders if f.is_dir()], out, html=False, use_cache=False,
                 **options)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, nargs="*",
                        default=[ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "seed"])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    args = parser.parse_args(argv)
    pairs = read_pairs(args.pairs)
    with tempfile.TemporaryDirectory() as out:
        graph = build_corpus(args.corpus, Path(out))
        links = Links(graph)
    scores = evaluate(pairs, links)
    print(f"{len(pairs)} labelled pairs; positive = same or related")
    print("| pairs | precision | recall | TP | FP | FN | TN | names not found |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for split in ("tune", "holdout"):
        s = scores[split]
        precision = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        recall = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 1.0
        print(f"| {split} | {precision:.3f} | {recall:.3f} | {s['tp']} | {s['fp']} | {s['fn']} | "
              f"{s['tn']} | {s['not found']} |")


if __name__ == "__main__":
    main()
