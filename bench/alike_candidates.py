"""An experiment: may two rows of one article that describe alike be joined as one thing?

    python -m bench.alike_candidates [--corpus DIR ...] [--min-score S] -o FILE.csv
    python -m bench.alike_candidates --labelled tests/data/alike-pairs.csv

Machine-written summaries often list one phenomenon twice, in two tables under two
names, describing it in the same words ("Culinary Diplomacy" / "Gastrodiplomacy").
The first form writes every pair of rows of one article that `described_alike` keeps
at `min_score` (default 0.2), with both names, their types, the article, both
descriptions and the score, shuffled (random.Random(11)) for blind labelling; pairs
whose names already share a key are left out. The second prints the precision of
the labelled file by score and by the names' static-vector cosine.

Measured (tests/data/alike-pairs.csv, 229 pairs, 20 the same thing): precision 0.09
overall, at most 0.83 with the names' cosine >= 0.85 (10 of 12): the rows one
article describes alike are mostly different aspects of its one story, so kg does
not join on this evidence.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
from collections import Counter
from pathlib import Path

from kg.files import find_sources
from kg.parts import article_part, group_by_article
from kg.pipeline import read_records
from kg.rdf import key_of_iri
from kg.related import words_of

ROOT = Path(__file__).resolve().parent.parent


_ALIKE_MIN_WORDS = 4  # a shorter description says too little to go by


def described_alike(rows: list[tuple[str, str]], min_score: float) -> list[tuple[str, str]]:
    """Pairs of entities that one article describes as the same thing, from its table
    rows as (entity, description): machine-written summaries often list one phenomenon
    twice, in two tables under two names ("Culinary Diplomacy" as a signal,
    "Gastrodiplomacy" as a behavior), describing it in the same words both times.

    Each row is a vector of its content words weighted by how rare they are in this
    article (a word of every row, as "film" in an article about film, says little),
    and a pair is kept when it scores `min_score` or more by cosine and each row is the
    other's best match. Sorted pairs (a, b), a < b, of different entities.

    >>> described_alike([
    ...     ("signal/culinary_diplomacy", "Governments use national cuisine and chefs "
    ...      "to build soft power abroad"),
    ...     ("behavior/gastrodiplomacy", "Chefs and national cuisine as a tool of soft "
    ...      "power for governments"),
    ...     ("concern/food_waste", "Restaurants discard a third of the food they buy")], 0.3)
    [('behavior/gastrodiplomacy', 'signal/culinary_diplomacy')]
    """
    docs = [(entity, words) for entity, text in rows
            if len(words := words_of(text)) >= _ALIKE_MIN_WORDS]
    count = len(docs)
    if count < 2:
        return []
    frequency = Counter(word for _, words in docs for word in set(words))
    vectors = []
    for _, words in docs:
        weights = {word: (1 + math.log(n)) * (math.log((count + 1) / (frequency[word] + 1)) + 1)
                   for word, n in Counter(words).items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        vectors.append({word: w / norm for word, w in weights.items()})
    best = [(0.0, -1)] * count
    for i in range(count):
        for j in range(i + 1, count):
            if docs[i][0] == docs[j][0]:
                continue
            small, large = sorted((vectors[i], vectors[j]), key=len)
            score = sum(w * large.get(word, 0.0) for word, w in small.items())
            if score > best[i][0]:
                best[i] = (score, j)
            if score > best[j][0]:
                best[j] = (score, i)
    return sorted({tuple(sorted((docs[i][0], docs[j][0]))) for i, (score, j) in enumerate(best)
                   if score >= min_score and best[j][1] == i})


def scored_pairs(rows: list[tuple[str, str]], floor: float) -> dict[tuple[str, str], float]:
    """Each pair `described_alike` keeps at `floor`, with the highest threshold (in
    steps of 0.01) at which it is still kept."""
    found = {pair: floor for pair in described_alike(rows, floor)}
    for step in range(int(floor * 100) + 1, 101):
        kept = set(described_alike(rows, step / 100))
        if not kept & found.keys():
            break
        for pair in kept & found.keys():
            found[pair] = step / 100
    return found


def candidates(folders: list[Path], floor: float) -> list[dict[str, str]]:
    records, _ = read_records(find_sources([f for f in folders if f.is_dir()]))
    out = []
    for article_id, group in group_by_article(records).items():
        part = article_part(group)
        name_of = dict(part.forms[::-1])  # first written name of each entity IRI
        text_of: dict[str, str] = {}
        rows = []
        for iri, facts in part.mentions:
            text = " ".join(v for k, v in facts.items() if k != "relevancy")
            rows.append((iri, text))
            text_of.setdefault(iri, facts.get("description", ""))
        for (a, b), score in scored_pairs(rows, floor).items():
            if key_of_iri(a) == key_of_iri(b):
                continue
            out.append({"article": article_id,
                        "first": name_of[a], "first_type": a.split("/")[-2],
                        "second": name_of[b], "second_type": b.split("/")[-2],
                        "score": f"{score:.2f}",
                        "first_description": text_of[a], "second_description": text_of[b]})
    out.sort(key=lambda row: (row["article"], row["first"], row["second"]))
    random.Random(11).shuffle(out)
    return out


def labelled_precision(path: Path) -> None:
    """Print how many labelled pairs each (score, name cosine) floor keeps, and how many
    of those are the same thing."""
    from kg.embed import encoder_for

    rows = list(csv.DictReader(line for line in path.open(encoding="utf-8")
                               if not line.startswith("#")))
    encoder = encoder_for()
    firsts, seconds = (encoder.encode([row[side] for row in rows]) for side in ("first", "second"))
    cosines = (firsts * seconds).sum(axis=1)
    print(f"{len(rows)} labelled pairs, {sum(row['same'] == '1' for row in rows)} the same thing")
    print("| score >= | name cosine >= | kept | same | precision |")
    print("|---:|---:|---:|---:|---:|")
    for name_floor in (-1.0, 0.7, 0.8, 0.85, 0.9):
        for score_floor in (0.2, 0.3, 0.4, 0.5):
            kept = [row for row, cosine in zip(rows, cosines)
                    if float(row["score"]) >= score_floor and cosine >= name_floor]
            same = sum(row["same"] == "1" for row in kept)
            print(f"| {score_floor:.1f} | {name_floor:.2f} | {len(kept)} | {same} | "
                  f"{same / len(kept) if kept else 1:.2f} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, nargs="*",
                        default=[ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "seed"])
    parser.add_argument("--min-score", type=float, default=0.2)
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--labelled", type=Path, help="Evaluate this labelled file instead.")
    args = parser.parse_args(argv)
    if args.labelled:
        labelled_precision(args.labelled)
        return
    if not args.output:
        parser.error("-o FILE or --labelled FILE")
    rows = candidates(args.corpus, args.min_score)
    with args.output.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["article"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} candidate pairs -> {args.output}")


if __name__ == "__main__":
    main()
