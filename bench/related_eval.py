"""Precision and recall of cross-article links on the labelled pairs in tests/data.

    python -m bench.related_eval [--corpus DIR ...] [--min-score S]

A pair of names from two articles counts as linked when the build made them one
node, joined them with skos:exactMatch or skos:related, or put them in one trend.
Positive pairs are those labelled `same` or `related`. The labelled files:

* related-pairs.csv: pairs found by reading the articles (no software), with
  traps sharing words and random draws: recall of what an analyst would link;
* related-links-sample.csv: candidate pairs proposed by similarity measures from
  every cross-article pair, labelled blind: how often what looks alike is not
  related;
* related-links-built.csv: links an earlier build made on the real corpus (drawn at
  random from its links, and from those of a looser build), labelled blind: the
  precision that decides whether an analyst can trust a link. (Its recall counts
  only the positives among links once made: a relative figure.)
* related-links-shipped.csv: every link the refitted model made on the real corpus
  that the file above did not hold, labelled blind by another labeller, all holdout:
  the precision of what kg ships, measured once (its recall is 1 by construction);
* related-links-margin.csv: links of a looser build (min_score 0.3) below the shipped
  threshold, labelled blind, all holdout: what the threshold leaves out;
* related-links-trees.csv: links a boosted-trees model made (tried, not shipped),
  labelled blind, all holdout.

Reported on the `tune` rows (bench/related_train.py fitted the model on them)
and the `holdout` rows (never used for fitting or choosing). Goal (issue 14):
precision >= 0.85, recall >= 0.70. Criteria: tests/data/related-criteria.md.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from kg import build
from kg.related import Settings
from kg.resolve import resolution_key
from kg.vocab import EXACT_MATCH

from .related_train import CORPUS, KIND_OF, LABELLED, read_labelled


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
        self.exact: set[tuple[str, str]] = set()  # (one concept in two types)
        for row in graph.query("SELECT ?a ?b ?p WHERE { ?a ?p ?b . "
                               "VALUES ?p { skos:related skos:exactMatch } }").values():
            for edge in ((row["a"], row["b"]), (row["b"], row["a"])):
                self.edges.add(edge)
                if row["p"] == EXACT_MATCH:
                    self.exact.add(edge)
        self.trends: dict[str, set[str]] = defaultdict(set)
        for row in graph.query("SELECT ?t ?e WHERE { ?t a kg:Trend ; skos:member ?e }").values():
            self.trends[row["e"]].add(row["t"])

    def find(self, article: str, type_: str, name: str) -> set[str]:
        type_ = KIND_OF[type_.lower()].class_name
        return self.node.get((article, type_, resolution_key(name)), set())

    def one(self, first: set[str], second: set[str]) -> bool:
        """Whether two names landed as one node, or one concept in two types."""
        return bool(first & second) or any((a, b) in self.exact for a in first for b in second)

    def linked(self, first: set[str], second: set[str]) -> bool:
        for a in first:
            for b in second:
                if a == b or (a, b) in self.edges or self.trends.get(a, set()) & \
                        self.trends.get(b, set()):
                    return True
        return False


def evaluate(pairs: list[dict[str, str]], links: Links) -> dict[tuple[str, str], Counter]:
    """Counts per (labelled file, split): tp, fp, fn, tn, and names not found."""
    scores: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row in pairs:
        first = links.find(row["first_article"], row["first_type"], row["first"])
        second = links.find(row["second_article"], row["second_type"], row["second"])
        score = scores[row["file"], row["split"]]
        if not first or not second:
            score["not found"] += 1
            continue
        score[outcome(links.linked(first, second), row["label"] in ("same", "related"))] += 1
    return scores


def outcome(said: bool, truth: bool) -> str:
    """Which count a pair adds to: tp, fp, fn or tn."""
    return "tp" if said and truth else "fp" if said else "fn" if truth else "tn"


def counts_row(cells: list[str], counts: Counter) -> str:
    """A Markdown table row: `cells`, then the precision, recall and counts of `counts`."""
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return "| " + " | ".join([*cells, f"{precision:.3f}", f"{recall:.3f}", *(
        str(counts[name]) for name in ("tp", "fp", "fn", "tn", "not found"))]) + " |"


def build_corpus(folders: list[Path], out: Path, **options):
    return build([f for f in folders if f.is_dir()], out, html=False, use_cache=False,
                 **options)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, nargs="*", default=CORPUS)
    parser.add_argument("--min-score", type=float, default=Settings.min_score)
    args = parser.parse_args(argv)
    pairs = [{**row, "file": path.name} for path in LABELLED for row in read_labelled(path)]
    with tempfile.TemporaryDirectory() as out:
        graph = build_corpus(args.corpus, Path(out),
                             related=Settings(min_score=args.min_score))
        links = Links(graph)
    scores = evaluate(pairs, links)
    print(f"{len(pairs)} labelled pairs; positive = same or related; "
          f"min_score {args.min_score}")
    print("| labelled file | rows | precision | recall | TP | FP | FN | TN | not found |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for (name, split), counts in sorted(scores.items()):
        print(counts_row([name, split], counts))


if __name__ == "__main__":
    main()
