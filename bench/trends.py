"""Time the trend stage: igraph's Louvain (what kg uses) against networkx's, same links.

    python -m bench.trends [--docs 3000]

Builds the synthetic corpus (bench/make_corpus.py, seed 1) with related links, keeps
the links the build hands to `kg.related.trend_groups`, and times that call against
the same splitting (a community over `max_trend` split again one resolution step
higher per depth) run with networkx's Louvain, in the same process.
"""

from __future__ import annotations

import argparse
import time

import networkx as nx

import kg.related
from bench.run import build_seeing, corpus, timed


def networkx_split(links, settings, members) -> int:
    """The number of communities networkx's Louvain finds with kg's splitting."""
    chosen = sorted({link.first for link in links} | {link.second for link in links})
    number = {node: n for n, node in enumerate(chosen)}
    graph = nx.Graph()
    for link in sorted(links, key=lambda found: (found.first, found.second)):
        if members is None or (members(link.first) and members(link.second)):
            graph.add_edge(number[link.first], number[link.second], weight=link.score)
    pending, found = [(sorted(graph.nodes), 1.0)], 0
    while pending:
        nodes, resolution = pending.pop(0)
        sub = graph.subgraph(nodes)
        for community in nx.community.louvain_communities(sub, weight="weight",
                                                          resolution=resolution, seed=7):
            if settings.max_trend < len(community) < len(nodes):
                pending.append((sorted(community), resolution * 1.5))
            else:
                found += 1
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    args = parser.parse_args(argv)
    seen = {}

    def timing(original):
        def timed_trend_groups(links, articles_of, settings=None, members=None, seed=7):
            settings = settings or kg.related.Settings()
            start = time.perf_counter()
            groups = original(links, articles_of, settings, members, seed)
            seen.update(seconds=time.perf_counter() - start, links=links, settings=settings,
                        members=members, groups=len(groups))
            return groups
        return timed_trend_groups

    build_seeing(corpus(args.docs), "trend_groups", timing)
    theirs, _ = timed(networkx_split, seen["links"], seen["settings"], seen["members"])
    print(f"synthetic {args.docs}: {len(seen['links']):,} related links, {seen['groups']:,} "
          f"trends: igraph {seen['seconds']:.2f} s, networkx {theirs:.2f} s "
          f"({theirs / seen['seconds']:.1f}x)")


if __name__ == "__main__":
    main()
