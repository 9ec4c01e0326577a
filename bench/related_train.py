"""Fit the weights of kg's related-links model on the `tune` rows of the labelled pairs.

    python -m bench.related_train [--corpus DIR ...] [--encoder SPEC] [-o FILE]

Reads the corpus' mentions as a build does (kg.read_records, kg.model.describe),
computes kg.related.FEATURES for every labelled pair of tests/data/related-pairs.csv
(hand-found pairs, traps and random draws), tests/data/related-links-sample.csv
(candidates proposed by similarity measures, labelled blind) and
tests/data/related-links-built.csv (links builds made, labelled blind), fits a logistic
regression (scikit-learn) on the `tune` rows only, and writes the weights
(default: kg/models/related-weights.json, which kg ships). It prints precision and
recall per threshold on the tune rows, which is what the default `min_score` was
chosen from; bench/related_eval.py reports the holdout rows.

A user with another encoder (`kg build --encoder ...`) refits with `--encoder` and
passes the written file to `kg build --related-weights FILE`.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kg.files import atomic_write
from kg import KINDS, find_sources, read_records
from kg.embed import encoder_for
from kg.model import describe, name_of
from kg.related import FEATURES, MentionTable, Weights, words_of
from kg.resolve import resolution_key

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
LABELLED = (DATA / "related-pairs.csv", DATA / "related-links-sample.csv",
            DATA / "related-links-built.csv", DATA / "related-links-shipped.csv",
            DATA / "related-links-margin.csv", DATA / "related-links-trees.csv")
CORPUS = [ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "seed"]
WEIGHTS = ROOT / "kg" / "models" / "related-weights.json"
# Labelled files name a type by its class (DrivingForce) or its IRI segment (driving-force).
KIND_OF = {**{kind.class_name.lower(): kind for kind in KINDS},
           **{kind.segment: kind for kind in KINDS}}


def read_labelled(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@dataclass
class LabelledPairs:
    """Labelled pairs found among a corpus' mentions, with their features."""

    rows: list[dict[str, str]]  # the labelled rows found (with "file" added)
    features: np.ndarray
    positive: np.ndarray  # same or related
    missing: int  # labelled rows whose names the corpus does not have


def corpus_mentions(folders: list[Path]) -> tuple[list[tuple[str, str, str]], list[bool]]:
    """(article id, entity key, text) of every mention and name, as the build reads
    them (categories and content types left out, as the build leaves them), and
    whether each is a tag."""
    records, _ = read_records(find_sources([f for f in folders if f.is_dir()]))
    found: set[tuple[str, str, str]] = set()
    for record in records:
        for name in record.names:
            found.add((record.article_id, f"{name.kind}/{resolution_key(name.text)}",
                       name.text))
        for mention in record.mentions:
            found.add((record.article_id, f"{mention.kind}/{resolution_key(mention.name)}",
                       describe(mention.name, mention.description)))
            for column in KINDS[mention.kind].columns:
                value = mention.values.get(column.field)
                if column.names_kind and value:
                    found.add((record.article_id, f"{column.names_kind}/{resolution_key(value)}",
                               value))
    mentions = sorted(m for m in found if KINDS[m[1].split("/")[0]].source != "field"
                      and words_of(name_of(m[2])))
    return mentions, [KINDS[m[1].split("/")[0]].source == "list" for m in mentions]


def labelled_pairs(folders: list[Path], encoder: str | None = None,
                   files: tuple[Path, ...] = LABELLED) -> LabelledPairs:
    mentions, tags = corpus_mentions(folders)
    table = MentionTable(mentions, tags, encoder_for(encoder))
    row_of: dict[tuple[str, str, str], int] = {}
    for row, (article, node, text) in enumerate(mentions):
        key = (article, node.split("/")[0], name_of(text).lower())
        if key not in row_of or len(text) > len(mentions[row_of[key]][2]):
            row_of[key] = row
    rows, x, y, missing = [], [], [], 0
    for path in files:
        for labelled in read_labelled(path):
            first = row_of.get((labelled["first_article"],
                                KIND_OF[labelled["first_type"].lower()].name,
                                labelled["first"].lower()))
            second = row_of.get((labelled["second_article"],
                                 KIND_OF[labelled["second_type"].lower()].name,
                                 labelled["second"].lower()))
            if first is None or second is None:
                missing += 1
                continue
            rows.append({**labelled, "file": path.name})
            x.append(first)
            y.append(second)
    features = table.features(np.array(x, np.int64), np.array(y, np.int64))
    positive = np.array([row["label"] in ("same", "related") for row in rows])
    return LabelledPairs(rows, features, positive, missing)


def scored_rows(pairs: LabelledPairs, split: str) -> np.ndarray:
    """Rows of one split that the model scores (two tags are never related)."""
    tags = {"keyword", "theme"}
    return np.array([row["split"] == split and not (
        KIND_OF[row["first_type"].lower()].name in tags and
        KIND_OF[row["second_type"].lower()].name in tags) for row in pairs.rows])


def precision_recall(said: np.ndarray, truth: np.ndarray) -> tuple[float, float, Counter]:
    counts = Counter(tp=int((said & truth).sum()), fp=int((said & ~truth).sum()),
                     fn=int((~said & truth).sum()), tn=int((~said & ~truth).sum()))
    precision = counts["tp"] / (counts["tp"] + counts["fp"]) if said.any() else 1.0
    recall = counts["tp"] / (counts["tp"] + counts["fn"]) if truth.any() else 1.0
    return precision, recall, counts


def fit_logistic(features: np.ndarray, positive: np.ndarray):
    """The model kg ships, fitted (scikit-learn's logistic regression)."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=1.0, max_iter=5000).fit(features, positive)


def article_cv_auc(pairs: LabelledPairs, seeds: int = 6) -> tuple[float, float]:
    """AUC of the logistic model on pairs of articles it was not fitted on, and on
    pair-level folds (mean over `seeds` shuffles; every labelled row, tags' pairs
    aside)."""
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold

    usable = scored_rows(pairs, "tune") | scored_rows(pairs, "holdout")
    features, truth = pairs.features[usable], pairs.positive[usable]
    rows = [row for row, use in zip(pairs.rows, usable) if use]
    articles = sorted({row[end] for row in rows for end in ("first_article", "second_article")})

    def fitted(train: np.ndarray):
        return fit_logistic(features[train], truth[train])

    by_articles, by_pairs = [], []
    for seed in range(seeds):
        fold_of = dict(zip(articles, np.random.RandomState(seed).randint(0, 5, len(articles))))
        first = np.array([fold_of[row["first_article"]] for row in rows])
        second = np.array([fold_of[row["second_article"]] for row in rows])
        said, seen = [], []
        for fold in range(5):
            test, train = (first == fold) | (second == fold), (first != fold) & (second != fold)
            said.append(fitted(train).predict_proba(features[test])[:, 1])
            seen.append(truth[test])
        by_articles.append(roc_auc_score(np.concatenate(seen), np.concatenate(said)))
        said = np.zeros(len(truth))
        for train, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(features, truth):
            said[test] = fitted(train).predict_proba(features[test])[:, 1]
        by_pairs.append(roc_auc_score(truth, said))
    return float(np.mean(by_articles)), float(np.mean(by_pairs))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, nargs="*", default=CORPUS)
    parser.add_argument("--encoder", default=None)
    parser.add_argument("-o", "--output", type=Path, default=WEIGHTS)
    parser.add_argument("--article-cv", action="store_true",
                        help="also print the AUC on pairs of articles not fitted on")
    args = parser.parse_args(argv)
    pairs = labelled_pairs(args.corpus, args.encoder)
    if args.article_cv:
        unseen, seen = article_cv_auc(pairs)
        print(f"AUC on pairs of unseen articles {unseen:.3f}; on pair-level folds {seen:.3f}")
    tune = scored_rows(pairs, "tune")
    model = fit_logistic(pairs.features[tune], pairs.positive[tune])
    weights = Weights(tuple(round(float(c), 6) for c in model.coef_[0]),
                      round(float(model.intercept_[0]), 6),
                      f"fitted by bench/related_train.py on {int(tune.sum())} tune pairs "
                      f"(encoder {args.encoder or 'static-minilm'})")
    with atomic_write(args.output) as out:  # (package data: never half a file)
        out.write(weights.to_json())
    print(f"{len(pairs.rows)} labelled pairs found ({pairs.missing} not in the corpus); "
          f"fitted on {int(tune.sum())} tune pairs; wrote {args.output}")
    print("| feature | weight |\n|---|---:|")
    for name, weight in zip(FEATURES, weights.coefficients):
        print(f"| {name} | {weight:+.3f} |")
    print(f"| intercept | {weights.intercept:+.3f} |\n")
    score = weights.score(pairs.features)
    files = np.array([row["file"] for row in pairs.rows])
    print("Tune rows, by min_score (each labelled file apart):")
    print("| min_score | file | precision | recall | TP | FP |\n|---:|---|---:|---:|---:|---:|")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        for name in sorted(set(files)):
            rows = tune & (files == name)
            p, r, c = precision_recall(score[rows] >= threshold, pairs.positive[rows])
            print(f"| {threshold} | {name} | {p:.3f} | {r:.3f} | {c['tp']} | {c['fp']} |")


if __name__ == "__main__":
    main()
