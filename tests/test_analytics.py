"""Analytics on small hand-made graphs whose answers are known, and `kg stats`."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import analytics as A
from kg.cli import main

from .conftest import EXAMPLE


def graph_of(articles: dict[str, tuple[str, list[str]]], kinds: dict[str, str],
             drives: list[tuple[str, str]] = ()) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for article, (date, named) in articles.items():
        graph.add_node(article, type="Article", label=article.upper(), date=date, loaded=True)
        for entity in named:
            graph.add_node(entity, type=kinds[entity[0]], label=entity)
            graph.add_edge(article, entity, key="r", relation="r")
    for signal, force in drives:
        graph.add_node(force, type="DrivingForce", label=force)
        graph.add_edge(signal, force, key="drivenBy", relation="drivenBy")
    return graph


KINDS = {"T": "Technology", "C": "Concern", "K": "Keyword", "S": "Signal", "F": "DrivingForce"}


@pytest.fixture
def six():
    return graph_of({
        "a1": ("2024-01-03", ["T1", "C1", "K1", "S1"]),
        "a2": ("2024-01-20", ["T1", "C1", "K1"]),
        "a3": ("2024-02-02", ["T1", "C2", "K1", "S2"]),
        "a4": ("2024-02-11", ["T2", "C2", "K2", "S3"]),
        "a5": ("2024-03-05", ["T2", "C2", "K2", "T1"]),
        "a6": ("2024-03-09", ["T2", "K2", "T1"]),
    }, KINDS, drives=[("S1", "F1"), ("S2", "F1"), ("S3", "F2")])


def test_counts_by_type(six):
    assert A.counts_by_type(six) == {"Article": 6, "Concern": 2, "DrivingForce": 2, "Keyword": 2,
                                     "Signal": 3, "Technology": 2}


def test_most_central_technology(six):
    top = A.central(six)["Technology"]
    assert [(r.label, r.degree) for r in top] == [("T1", 5), ("T2", 3)]
    assert top[0].pagerank > top[1].pagerank


def test_cooccurrence_ranks_by_lift_with_exact_scores(six):
    pairs = A.cooccurrence(six, "Technology", "Concern", min_count=2)
    # N = 6 articles; T1 in 5, T2 in 3, C1 in 2, C2 in 3
    assert [(p.first_label, p.second_label, p.count) for p in pairs] == [
        ("T2", "C2", 2), ("T1", "C1", 2), ("T1", "C2", 2)]
    assert [p.lift for p in pairs] == pytest.approx([2 * 6 / (3 * 3), 2 * 6 / (5 * 2),
                                                     2 * 6 / (5 * 3)])
    assert pairs[0].pmi == pytest.approx(math.log2(4 / 3))
    assert A.cooccurrence(six, "Technology", "Concern", min_count=3) == []


def test_rising_entities_by_monthly_share(six):
    rising = A.trends(six)
    # T2: 0, 1/2, 2/2 of each month's articles; K2 the same; C2: 0, 1/2, 1/2; T1 flat-ish
    assert [(t.label, t.shares) for t in rising] == [
        ("K2", [0.0, 0.5, 1.0]), ("T2", [0.0, 0.5, 1.0]), ("C2", [0.0, 1.0, 0.5])]
    assert [t.slope for t in rising] == pytest.approx([0.5, 0.5, 0.25])
    assert rising[0].months == ["2024-01", "2024-02", "2024-03"]


def test_driving_forces_by_signals(six):
    forces = A.driving_forces(six)
    assert [(f.label, f.signals, f.articles, f.top_signals) for f in forces] == [
        ("F1", 2, 2, ["S1", "S2"]), ("F2", 1, 1, ["S3"])]


def test_communities_split_exactly():
    graph = graph_of({"a1": ("2024-01-01", ["K1", "K2"]), "a2": ("2024-01-02", ["K1", "K2"]),
                      "b1": ("2024-01-03", ["K3", "K4"]), "b2": ("2024-01-04", ["K3", "K4"])},
                     KINDS)
    found = A.communities(graph)
    assert [set(c.members) for c in found] == [{"a1", "a2", "K1", "K2"}, {"b1", "b2", "K3", "K4"}]
    assert [(c.size, c.articles, c.top_labels) for c in found] == [
        (4, 2, ["K1", "K2"]), (4, 2, ["K3", "K4"])]
    assert A.communities(graph) == found  # the same split every run
    assert [c.members for c in A.communities(graph, seed=99)] == [c.members for c in found]


def test_stats_command_markdown_and_html(tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(out), "-q"]).exit_code == 0
    text = CliRunner().invoke(main, ["stats", str(out / "graph.ttl")]).output
    assert "| Technology | 6 |" in text and "| Article | 1 |" in text
    assert "## Driving forces by signals driven" in text
    result = CliRunner().invoke(main, ["stats", str(out / "graph.ttl"), "-o",
                                       str(out / "report.html")])
    assert result.exit_code == 0, result.output
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") >= 3
    assert 'href="graph.html#focus=Digital%20Twins"' in page
    assert CliRunner().invoke(main, ["stats", str(out / "graph.ttl"), "-o",
                                     str(out / "r.md")]).exit_code == 0
    assert (out / "r.md").read_text(encoding="utf-8") == text
