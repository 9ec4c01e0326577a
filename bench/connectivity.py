"""How connected a graph is: the share of its entities that reach another article.

    python -m bench.connectivity GRAPH.ttl [GRAPH.ttl ...]
    python -m bench.connectivity --build DIR [DIR ...]   # build first (no related links too)

For technologies, concerns, signals, issues, behaviors and driving forces: the
share of entities that reach an entity of another article through one node (the
entity is named by two articles or more), a skos:related link, or a trend they
share. Works on any graph kg wrote (older versions too: they have no related
links or trends), so "before" and "after" figures come from the same query.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import defaultdict
from pathlib import Path

from kg import build, open_graph
from kg.related import Settings

KINDS = ("Technology", "Concern", "Signal", "Issue", "Behavior", "DrivingForce")

ARTICLES_OF = """
SELECT ?entity ?type ?article WHERE {
  { ?a kg:hasMention ?m . ?m kg:mentionOf|kg:drivenBy ?entity }
  UNION { ?a kg:hasKeyword|kg:hasTheme ?entity }
  ?a dcterms:identifier ?article .
  ?entity a ?class . BIND(STRAFTER(STR(?class), "#") AS ?type)
  FILTER(STRSTARTS(STR(?class), STR(kg:)))
}"""


def connectivity(graph) -> dict[str, tuple[int, int]]:
    """Kind -> (entities reaching another article, entities)."""
    articles: dict[str, set[str]] = defaultdict(set)
    kind: dict[str, str] = {}
    for row in graph.query(ARTICLES_OF).values():
        articles[row["entity"]].add(row["article"])
        kind[row["entity"]] = row["type"]
    neighbours: dict[str, set[str]] = defaultdict(set)
    for row in graph.query("SELECT ?a ?b WHERE { ?a skos:related|skos:exactMatch ?b }").values():
        neighbours[row["a"]].add(row["b"])
    trend_members: dict[str, set[str]] = defaultdict(set)
    for row in graph.query("SELECT ?t ?e WHERE { ?t a kg:Trend ; skos:member ?e }").values():
        trend_members[row["t"]].add(row["e"])
    for members in trend_members.values():
        for member in members:
            neighbours[member] |= members - {member}
    found: dict[str, list[int]] = {k: [0, 0] for k in KINDS}
    for entity, own in articles.items():
        if kind.get(entity) not in found:
            continue
        reach = len(own) >= 2 or any(articles.get(other, set()) - own
                                     for other in neighbours.get(entity, ()))
        found[kind[entity]][0] += reach
        found[kind[entity]][1] += 1
    return {k: tuple(v) for k, v in found.items()}


def table(name: str, figures: dict[str, tuple[int, int]]) -> list[str]:
    lines = []
    reached = sum(r for r, _ in figures.values())
    total = sum(t for _, t in figures.values())
    cells = [f"{r}/{t} ({r / t:.0%})" if t else "-" for r, t in figures.values()]
    lines.append(f"| {name} | " + " | ".join(cells) + f" | {reached}/{total} "
                 f"({reached / max(total, 1):.0%}) |")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graphs", nargs="*", type=Path)
    parser.add_argument("--build", nargs="*", type=Path, default=[],
                        help="Build these folders (with and without related links) first.")
    args = parser.parse_args(argv)
    print("| graph | " + " | ".join(KINDS) + " | all |")
    print("|---|" + "---:|" * (len(KINDS) + 1))
    for path in args.graphs:
        for line in table(str(path), connectivity(open_graph(path))):
            print(line)
    if args.build:
        with tempfile.TemporaryDirectory() as work:
            for label, settings in (("resolution only", Settings(enabled=False)),
                                    ("+ related links and trends", Settings())):
                out = Path(work) / label.replace(" ", "-")
                graph = build(args.build, out, html=False, use_cache=False, related=settings)
                for line in table(label, connectivity(graph)):
                    print(line)


if __name__ == "__main__":
    main()
