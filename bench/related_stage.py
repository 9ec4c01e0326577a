"""Time of the related stage alone, against markdown-it-py parsing the same files.

    python -m bench.related_stage [--docs 3000] [--corpus DIR]

Builds the corpus (DIR, or the synthetic one of bench/make_corpus.py, seed 1) with
`--no-html`, keeps the mentions the build hands to `kg.related.related_links`, and
calls it again on them in the same process, timed; the baseline is markdown-it-py
parsing the same files in this run (what issue 14 compares the whole build with). The
related stage's share of that budget is what this prints; `python -m bench.run` times
the whole build and its peak memory.
"""

from __future__ import annotations

import argparse
import gc
from pathlib import Path

import kg.related
from bench.run import build_seeing, corpus, markdown_it_alone, timed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--corpus", type=Path, help="a folder of summaries instead")
    args = parser.parse_args(argv)
    folder = args.corpus or corpus(args.docs)
    seen = {}

    def keeping(original):
        def keep_mentions(mentions, settings=None, encoder=None, is_tag=None, **options):
            mentions, settings = list(mentions), settings or kg.related.Settings()
            seen.update(original=original, mentions=mentions, settings=settings,
                        is_tag=is_tag, least_score=options.get("least_score"))
            return original(mentions, settings, encoder, is_tag, **options)
        return keep_mentions

    build_seeing(folder, "related_links", keeping)
    parse = markdown_it_alone(sorted(folder.rglob("*.md")))
    mentions = seen.pop("mentions")
    texts = len({text for _, _, text in mentions})
    gc.collect()
    # (the build's embeddings are used up by its call, centred in place: embedded again
    # here, and timed with the rest)
    seconds, links = timed(seen["original"], mentions, seen["settings"], is_tag=seen["is_tag"],
                           least_score=seen["least_score"])
    print(f"{folder.name}: {len(mentions):,} mentions ({texts:,} distinct texts), "
          f"{len(links):,} links: related stage {seconds:.2f} s "
          f"({seconds / parse:.2f}x of markdown-it-py's {parse:.2f} s)")


if __name__ == "__main__":
    main()
