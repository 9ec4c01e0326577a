"""Trends and related links added to a built graph by a test, as `kg build` will write
them (ontology/kg.ttl: kg:Trend, kg:Relatedness): until builds make them, the tests of
analytics and diff put known ones in."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kg import vocab as V
from kg.facts import Facts, read_facts
from kg.turtle import escape_literal


def _iri(iri: str) -> str:
    return f"<{iri}>"


def _literal(value: str, datatype: str = V.XSD_STRING) -> str:
    text = f'"{escape_literal(value)}"'
    return text if datatype == V.XSD_STRING else f"{text}^^<{datatype}>"


def find(graph: Path | Facts, kind: str, label: str) -> str:
    """The IRI of the node of type `kind` labelled `label` in a graph (file or corpus)."""
    corpus = graph if isinstance(graph, Facts) else read_facts(graph)
    found = [n for n, t in corpus.types.items() if t == kind and corpus.label(n) == label]
    assert len(found) == 1, (kind, label, found)
    return found[0]


def trend_lines(graph: Path | Facts, iri: str, label: str,
                members: list[tuple[str, str]]) -> list[str]:
    """N-Triples of a kg:Trend of the (type, label) members, with every loaded article
    naming one of them, its first and last page dates and its articles per month."""
    corpus = graph if isinstance(graph, Facts) else read_facts(graph)
    nodes = [find(corpus, kind, name) for kind, name in members]
    articles = sorted(set().union(*(corpus.named_by.get(n, set()) for n in nodes)))
    dates = sorted(corpus.dates[a] for a in articles if a in corpus.dates)
    lines = [f"{_iri(iri)} <{V.TYPE}> <{V.TREND}> .", f"{_iri(iri)} <{V.TYPE}> <{V.COLLECTION}> .",
             f"{_iri(iri)} <{V.LABEL}> {_literal(label)} .",
             f"{_iri(iri)} <{V.ARTICLE_COUNT}> {_literal(str(len(articles)), V.XSD_INTEGER)} ."]
    # recent: after the month a year before the archive's latest page date; prior: the
    # twelve months before that (as the build counts them)
    latest = max(corpus.dates.values(), default="")
    year_ago = f"{int(latest[:4]) - 1:04d}-{latest[5:7]}" if latest else "9999"
    two_years_ago = f"{int(latest[:4]) - 2:04d}-{latest[5:7]}" if latest else "9999"
    recent = sum(d[:7] > year_ago for d in dates)
    prior = sum(two_years_ago < d[:7] <= year_ago for d in dates)
    lines += [f"{_iri(iri)} <{V.MEMBER_COUNT}> {_literal(str(len(nodes)), V.XSD_INTEGER)} .",
              f"{_iri(iri)} <{V.RECENT_ARTICLE_COUNT}> {_literal(str(recent), V.XSD_INTEGER)} .",
              f"{_iri(iri)} <{V.PRIOR_ARTICLE_COUNT}> {_literal(str(prior), V.XSD_INTEGER)} ."]
    lines += [f"{_iri(iri)} <{V.MEMBER}> {_iri(n)} ." for n in nodes]
    lines += [f"{_iri(iri)} <{V.TREND_ARTICLE}> {_iri(a)} ." for a in articles]
    if dates:
        lines += [f"{_iri(iri)} <{V.FIRST_DATE}> {_literal(dates[0], V.XSD_DATE)} .",
                  f"{_iri(iri)} <{V.LAST_DATE}> {_literal(dates[-1], V.XSD_DATE)} ."]
    for month, count in sorted(Counter(d[:7] for d in dates).items()):
        node = f"{iri}/month/{month}"
        lines += [f"{_iri(iri)} <{V.MONTHLY_COUNT}> {_iri(node)} .",
                  f"{_iri(node)} <{V.TYPE}> <{V.MONTHLY_COUNT_CLASS}> .",
                  f"{_iri(node)} <{V.MONTH}> {_literal(month, V.XSD_GYEARMONTH)} .",
                  f"{_iri(node)} <{V.ARTICLE_COUNT}> {_literal(str(count), V.XSD_INTEGER)} ."]
    return lines


def related_lines(iri: str, first: str, second: str, score: float) -> list[str]:
    """N-Triples of a skos:related link (both ways) with its kg:Relatedness node."""
    return [f"{_iri(first)} <{V.RELATED}> {_iri(second)} .",
            f"{_iri(second)} <{V.RELATED}> {_iri(first)} .",
            f"{_iri(iri)} <{V.TYPE}> <{V.RELATEDNESS}> .",
            f"{_iri(iri)} <{V.RELATES}> {_iri(first)} .",
            f"{_iri(iri)} <{V.RELATES}> {_iri(second)} .",
            f"{_iri(iri)} <{V.SCORE}> {_literal(f'{score:.2f}', V.XSD_DECIMAL)} .",
            f"{_iri(iri)} <{V.METHOD}> {_literal('names')} ."]


def append(graph: Path, lines: list[str]) -> None:
    """Add N-Triples lines to a Turtle graph file (Turtle reads N-Triples)."""
    with open(graph, "a", encoding="utf-8") as handle:
        handle.write("\n" + "\n".join(lines) + "\n")
