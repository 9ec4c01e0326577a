"""How reading one hostile summary grows with its size: kg's parse + extract of files
that repeat one construct N, 2N and 4N times, against markdown-it-py alone parsing the
same files in the same run.

    python -m bench.hostile [--size 2000]

Each row prints the time per repeat at 4N over the time per repeat at N (a stage that
is linear in the file stays near 1.0; a quadratic one near 4.0) and kg's time at 4N
over markdown-it-py's. The constructs are those helpers' attacks found slow:
headings written as text (`**Keywords**` and a list, thousands in one section), rows
of one table (pipe, HTML, grid), list items, comment openers never closed (`<!--`),
reference links, footnotes, emphasis in cells, stray characters.
"""

from __future__ import annotations

import argparse
import time
from functools import partial
from typing import Callable

from markdown_it import MarkdownIt

from kg.extract import extract
from kg.parse import parse_bytes

_HEAD = ("# __T__, (from page [20250323](https://k.org/p/20250323).)\n\n"
         "__[External link](https://x.org/a)__\n\n## Summary\n\nText.\n\n")


def written_headings(n: int) -> str:
    return _HEAD + "".join(f"**{'Keywords' if i % 2 else 'Themes'}**\n\n* item {i}\n\n"
                           for i in range(n))


def table_rows(n: int) -> str:
    return _HEAD + "## Concerns\n\n| name | description | relevancy |\n|--|--|--|\n" + "".join(
        f"| concern {i} | what it is {i} | {i % 5 + 1} |\n" for i in range(n))


def list_items(n: int) -> str:
    return _HEAD + "## Keywords\n\n" + "".join(f"* keyword {i}\n" for i in range(n))


def backtick_runs(n: int) -> str:  # (runs of many lengths, in a summary with a comment)
    return _HEAD.replace("Text.", "Text <!-- x --> " + " ".join(
        "`" * (i % 300 + 1) + "a" for i in range(n))) + "## Keywords\n\n* a\n"


def other_lines(n: int) -> str:
    return _HEAD + "## Other\n\n" + "".join(f"* Category: c{i}\n" for i in range(n))


def html_table_rows(n: int) -> str:
    return _HEAD + "## Concerns\n\n<table>\n<tr><th>name</th><th>description</th></tr>\n" + \
        "".join(f"<tr><td>concern {i}</td><td>what <b>it</b> is</td></tr>\n"
                for i in range(n)) + "</table>\n"


def grid_table_rows(n: int) -> str:
    return _HEAD + "## Concerns\n\n+---+---+\n| name | description |\n+===+===+\n" + \
        "".join(f"| concern {i} | what it |\n| | is |\n+---+---+\n" for i in range(n))


def comment_openers(n: int) -> str:
    return _HEAD.replace("Text.", "Text" + " <!-- x" * n) + "## Keywords\n\n* <!-- a\n"


def reference_links(n: int) -> str:  # (a definition each, used in a cell and as [label])
    return _HEAD + "## Concerns\n\n| name | description |\n|--|--|\n" + "".join(
        f"| [concern {i}][c{i}] | [what {i}] it is[^{i % 9 + 1}] |\n" for i in range(n)) + \
        "\n" + "".join(f"[c{i}]: https://x.org/c{i}\n[what {i}]: https://x.org/w{i}\n"
                       for i in range(n))


def word_emphasis(n: int) -> str:  # (asterisks around words, and within them, in cells)
    return _HEAD + "## Concerns\n\n| name | description |\n|--|--|\n" + "".join(
        f"| **concern** {i} | *what* 2*{i}*3 it is |\n" for i in range(n))


def stray_characters(n: int) -> str:  # (CRs inside rows of a CRLF file, soft hyphens)
    return (_HEAD + "## Concerns\n\n| name | description |\n|--|--|\n" + "".join(
        f"| con\u00adcern {i} | what\r it is |\n" for i in range(n))).replace("\n", "\r\n")


CONSTRUCTS: dict[str, Callable[[int], str]] = {
    "headings written as text": written_headings,
    "table rows": table_rows,
    "list items": list_items,
    "comments never closed": comment_openers,
    "backtick runs": backtick_runs,
    "Other lines": other_lines,
    "HTML table rows": html_table_rows,
    "grid table rows": grid_table_rows,
    "references and footnotes": reference_links,
    "word emphasis in cells": word_emphasis,
    "stray CRs and soft hyphens": stray_characters,
}


def read(text: str) -> None:
    extract(parse_bytes(text.encode(), "a.md", "a"))  # (as a file is: decoded, repaired)


def seconds(function: Callable[[], object], rounds: int = 3) -> float:
    """The best of `rounds` timings (the least disturbed by the machine)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2000, help="N, the smallest repeat")
    args = parser.parse_args(argv)
    markdown = MarkdownIt("commonmark").enable("table")
    print(f"{'construct':<28}{'kg 4N s':>9}{'growth 4N/N':>13}{'kg/markdown-it':>16}")
    for name, make in CONSTRUCTS.items():
        texts = {n: make(n) for n in (args.size, 4 * args.size)}
        times = {n: seconds(partial(read, text)) for n, text in texts.items()}
        alone = seconds(partial(markdown.parse, texts[4 * args.size]))
        growth = (times[4 * args.size] / (4 * args.size)) / (times[args.size] / args.size)
        print(f"{name:<28}{times[4 * args.size]:>9.2f}{growth:>13.2f}"
              f"{times[4 * args.size] / alone:>16.1f}")


if __name__ == "__main__":
    main()
