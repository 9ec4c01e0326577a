"""Analytics on small hand-made graphs whose answers are known, the report's rules
(rows, escaping, links, ties), and `kg stats`."""

from __future__ import annotations

import math
import re

import networkx as nx
import pytest
from hypothesis import given, settings, strategies as st
from click.testing import CliRunner

from kg import analytics as A
from kg import charts
from kg.cli import main
from kg.facts import Facts, facts_from_triples, read_facts
from kg.report import make_report, to_html, to_markdown

from .conftest import EXAMPLE, kg_cli


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


def corpus(articles: dict[str, tuple[str | None, list[str]]], types: dict[str, str],
           **extra) -> Facts:
    """A Facts: article -> (page date or None, the nodes it names)."""
    found = Facts(types={a: "Article" for a in articles} | types,
                   labels={n: n for n in types}, articles=sorted(articles),
                   dates={a: d for a, (d, _) in articles.items() if d}, **extra)
    for article, (_, named) in articles.items():
        for node in named:
            found.named_by.setdefault(node, set()).add(article)
    return found


# --- counts, recurrence, co-occurrence, the networkx algorithms ------------------------------


def test_counts_by_type_most_first(six):
    counts = A.counts_by_type(six)
    assert counts == {"Article": 6, "Concern": 2, "DrivingForce": 2, "Keyword": 2, "Signal": 3,
                      "Technology": 2}
    assert list(counts) == ["Article", "Signal", "Concern", "DrivingForce", "Keyword",
                            "Technology"]


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


def test_cooccurrence_of_any_types_never_pairs_two_names_of_one_idea():
    found = corpus({"a": (None, ["k", "t", "x"]), "b": (None, ["k", "t", "x"])},
                   {"k": "Keyword", "t": "Theme", "x": "Technology"})
    found.labels.update(k="AI", t="ai", x="Robots")
    pairs = A.cooccurrence(found, None, None)
    assert sorted((p.first_label, p.second_label) for p in pairs) == [("AI", "Robots"),
                                                                      ("ai", "Robots")]


def test_an_article_pairs_its_most_widely_named_entities_only():
    """Two files naming the same 4,000 keywords made 16 million pairs (64 s, 3.7 GB: an
    attack): an article pairs its `MAX_PAIRED` most widely named entities, and the report
    says so."""
    shared = [f"k{n:04d}" for n in range(A.MAX_PAIRED + 50)]
    found = corpus({"a": (None, shared + ["t"]), "b": (None, shared + ["t"]),
                    "c": (None, ["t", "x"]), "d": (None, ["t", "x"])},
                   {n: "Keyword" for n in shared} | {"t": "Technology", "x": "Concern"})
    assert A.articles_over_paired(found) == 2
    pairs = A.cooccurrence(found, None, None, top=10**9)
    paired = {n for p in pairs for n in (p.first, p.second)}
    # t (four articles) first, then the keywords in order: the last 51 are left out
    assert paired == {"t", "x"} | set(shared[:A.MAX_PAIRED - 1])
    assert len(pairs) == (A.MAX_PAIRED * (A.MAX_PAIRED - 1)) // 2 + 1
    assert [(p.first, p.second, p.count) for p in A.cooccurrence(found)] == [("t", "x", 2)]
    assert A.articles_over_paired(found, "Technology", "Concern") == 0
    report = make_report(found)  # (technologies and concerns meet: no cut, no note)
    assert report.over_paired == 0 and "most widely named are paired" not in to_markdown(report)
    del found.named_by["x"]  # (now they do not: pairs of any types, cut)
    report = make_report(found)
    assert report.over_paired == 2
    assert "2 articles name more than 200 entities that other articles name too" in \
        to_markdown(report)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sets(st.sampled_from(["T1", "T2", "C1", "C2", "K1", "K2", "K3"])),
                min_size=1, max_size=7),
       st.sampled_from([("Technology", "Concern"), ("Keyword", "Keyword"), (None, None)]))
def test_cooccurrence_counts_what_articles_name_together(named, types):
    """(counted in sparse matrices since a review's thousand articles took minutes pair
    by pair): the pairs and counts of the plain definition."""
    found = corpus({f"a{i}": (None, sorted(n)) for i, n in enumerate(named)}, KINDS_OF)
    first, second = types
    pairs = A.cooccurrence(found, first, second, min_count=2, top=10**6)
    firsts = {first} if first else set(A.CONTENT_TYPES)
    seconds = {second} if second else set(A.CONTENT_TYPES)
    expected = {}
    for a in KINDS_OF:
        for b in KINDS_OF:
            both = sum(1 for n in named if a in n and b in n)
            if a != b and both >= 2 and KINDS_OF[a] in firsts and KINDS_OF[b] in seconds \
                    and (first or second or a < b):
                expected[a, b] = both
    assert {(p.first, p.second): p.count for p in pairs} == expected
    for p in pairs:
        assert p.lift == pytest.approx(p.count * len(named) / (
            sum(p.first in n for n in named) * sum(p.second in n for n in named)))


KINDS_OF = {"T1": "Technology", "T2": "Technology", "C1": "Concern", "C2": "Concern",
            "K1": "Keyword", "K2": "Keyword", "K3": "Keyword"}


def test_recurring_ranks_only_what_two_articles_name(six):
    assert [(r.label, r.articles, r.first, r.last) for r in A.recurring(six)] == [
        ("T1", 5, "2024-01-03", "2024-03-09"), ("C2", 3, "2024-02-02", "2024-03-05"),
        ("K1", 3, "2024-01-03", "2024-02-02"), ("K2", 3, "2024-02-11", "2024-03-09"),
        ("T2", 3, "2024-02-11", "2024-03-09"), ("C1", 2, "2024-01-03", "2024-01-20"),
        ("F1", 2, "2024-01-03", "2024-02-02")]  # a driving force: the articles of its signals


def test_rising_entities_by_monthly_share(six):
    rising = A.rising(six)
    # T2: 0, 1/2, 2/2 of each month's articles; K2 the same; C2: 0, 1/2, 1/2; T1 flat-ish
    assert [(t.label, t.shares) for t in rising] == [
        ("K2", [0.0, 0.5, 1.0]), ("T2", [0.0, 0.5, 1.0]), ("C2", [0.0, 1.0, 0.5])]
    assert [t.slope for t in rising] == pytest.approx([0.5, 0.5, 0.25])
    assert rising[0].months == ["2024-01", "2024-02", "2024-03"]
    assert not hasattr(A, "Trend") and not hasattr(A, "trends")  # no clash with kg.model.Trend


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


# --- time windows and the emergence map --------------------------------------------------------


def test_windows_are_the_quarters_that_have_articles():
    found = corpus({"a": ("2024-01-05", []), "b": ("2024-08-01", []), "c": ("2024-09-30", []),
                    "d": (None, [])}, {})
    windows = A.windows(found)
    assert (windows.size, windows.labels, windows.totals, windows.undated) == (
        "quarter", ["2024-Q1", "2024-Q3"], [1, 2], 1)  # no 2024-Q2: it has no article
    assert windows.positions[1] - windows.positions[0] == 2  # but time keeps its distance
    assert A.windows(found, "month").labels == ["2024-01", "2024-08", "2024-09"]
    busy = corpus({f"a{i}": (f"2024-0{1 + i % 3}-01", []) for i in range(60)}, {})
    assert A.windows(busy).size == "month"  # 20 articles a month: months
    assert A.timeline(found) == ([("2024-01", 1), ("2024-02", 0), ("2024-03", 0), ("2024-04", 0),
                                  ("2024-05", 0), ("2024-06", 0), ("2024-07", 0), ("2024-08", 1),
                                  ("2024-09", 1)], 1)


def _emergence_corpus() -> Facts:
    dates = {"a1": "2024-01-10", "a2": "2024-02-10", "a3": "2024-04-10", "a4": "2024-05-10",
             "a5": "2024-07-10", "a6": "2024-07-11", "a7": "2024-08-10", "a8": "2024-09-10"}
    named = {"a4": ["K"], "a5": ["K"], "a6": ["K"], "a7": ["K"],
             "a1": ["F"], "a3": ["F"], "a5x": []}
    articles = {a: (d, named.get(a, [])) for a, d in dates.items()}
    return corpus(articles, {"K": "Keyword", "F": "Keyword", "once": "Keyword"})


def test_emergence_visibility_and_growth_by_hand():
    found = A.emergence(_emergence_corpus())
    item = {e.label: e for e in found.items}["K"]
    assert found.windows.labels == ["2024-Q1", "2024-Q2", "2024-Q3"]
    assert item.counts == (0, 1, 3)
    # visibility: windows weigh 0.90, 0.95, 1.00; shares 0/2, 1/2, 3/4
    assert item.visibility == pytest.approx((0.95 * 0.5 + 1.0 * 0.75) / 2.85)
    # growth: least squares of log((a + 1/2) / (N + 1)) on x = 0, 1, 2, weights N = 2, 2, 4
    x, n, a = [0, 1, 2], [2, 2, 4], [0, 1, 3]
    y = [math.log((ai + 0.5) / (ni + 1)) for ai, ni in zip(a, n)]
    w, sx = sum(n), sum(ni * xi for ni, xi in zip(n, x))
    sy, sxx = sum(ni * yi for ni, yi in zip(n, y)), sum(ni * xi * xi for ni, xi in zip(n, x))
    sxy = sum(ni * xi * yi for ni, xi, yi in zip(n, x, y))
    assert item.growth == pytest.approx(math.exp((w * sxy - sx * sy) / (w * sxx - sx * sx)) - 1)
    assert item.growth == pytest.approx(0.97968, abs=1e-4)
    assert item.quadrant == "strong signal"
    fading = {e.label: e for e in found.items}["F"]
    assert fading.counts == (1, 1, 0) and fading.growth < 0 and fading.quadrant == "well known"
    assert found.left_out == 1  # "once" has no article: off the map


def test_emergence_thresholds_are_settable():
    strict = A.emergence(_emergence_corpus(), thresholds=A.Thresholds(frequent=0.5, growing=1.5))
    assert {e.label: e.quadrant for e in strict.items} == {"K": "latent", "F": "latent"}
    loose = A.emergence(_emergence_corpus(), thresholds=A.Thresholds(frequent=0.5, growing=0.5))
    assert {e.label: e.quadrant for e in loose.items} == {"K": "weak signal", "F": "latent"}
    few = A.emergence(_emergence_corpus(), thresholds=A.Thresholds(min_articles=3))
    assert [e.label for e in few.items] == ["K"] and few.left_out == 2


def test_an_empty_window_is_not_growth():
    # An item in half the articles of 2024-Q1 and of 2024-Q3; no article at all in Q2.
    found = corpus({"a": ("2024-01-01", ["K"]), "b": ("2024-01-02", []),
                    "c": ("2024-07-01", ["K"]), "d": ("2024-07-02", [])}, {"K": "Keyword"})
    item = A.emergence(found).items[0]
    assert item.counts == (1, 1) and item.growth == pytest.approx(0.0)


def test_diffusion_counts_categories_and_sources():
    found = corpus({"a": ("2024-01-01", ["K", "c1"]), "b": ("2024-01-02", ["K", "c2"]),
                    "c": ("2024-01-03", ["c2"])},
                   {"K": "Keyword", "c1": "Category", "c2": "Category"},
                   urls={"a": "https://www.one.org/x", "b": "https://one.org/y",
                         "c": "https://two.net/z"})
    item = A.emergence(found, thresholds=A.Thresholds(min_articles=1)).items[0]
    assert (item.articles, item.categories, item.sources) == (2, 2, 1)
    # one window: 2 of 3 articles, 2 of 2 categories, 1 of 2 sources
    assert item.diffusion == pytest.approx((2 / 3 + 2 / 2 + 1 / 2) / 3)
    assert item.growth == 0.0  # one window: nothing to grow from


# --- drivers -------------------------------------------------------------------------------


def _drivers_corpus() -> Facts:
    types = {"S1": "Signal", "S2": "Signal", "S3": "Signal", "S4": "Signal",
             "F1": "DrivingForce", "F2": "DrivingForce", "F3": "DrivingForce",
             "F4": "DrivingForce", "F5": "DrivingForce", "T": "Trend", "U": "Trend",
             "sci": "Category"}
    found = corpus({"a1": ("2024-01-01", ["S1", "sci"]), "a2": ("2024-01-02", ["S2", "S3"]),
                    "a3": ("2024-01-03", ["S3"]), "a4": ("2024-01-04", ["S4"])}, types,
                   related={("F1", "F2"): 0.6},
                   members={"T": {"S1", "S3"}, "U": {"F4", "F5"}},
                   driven={"F1": {("a1", "S1")}, "F2": {("a2", "S2")},
                           "F3": {("a2", "S3"), ("a3", "S3")}, "F4": {("a4", "S4")},
                           "F5": {("a4", "S4")}})
    found.named_by["T"] = {"a1", "a2", "a3"}
    found.named_by["U"] = {"a4"}
    return found


def test_driver_groups_join_related_forces_and_forces_of_one_trend():
    groups = A.driver_groups(_drivers_corpus())
    assert [(g.drivers, g.signals, sorted(g.articles)) for g in groups] == [
        (("F1", "F2"), ("S1", "S2"), ["a1", "a2"]),  # related: one group
        (("F3",), ("S3",), ["a2", "a3"]),
        (("F4", "F5"), ("S4",), ["a4"])]  # members of one trend
    # (every article counted: a known-answer test found "food 1, politics 1" for 4)
    assert (groups[0].categories, groups[0].uncategorised) == ((("sci", 1),), 1)
    assert "| sci 1, no category 1 |" in to_markdown(make_report(_drivers_corpus()))
    assert A.driver_groups(_drivers_corpus(), min_score=0.7)[0].drivers == ("F3",)


def test_influence_counts_a_trends_articles_through_its_signals():
    table = A.influence(_drivers_corpus())
    assert table.trends == ["T", "U"]
    # T has signals S1, S3 and articles a1..a3: F1-F2 drive S1 in a1 (S2 is not T's);
    # F3 drives S3 in a2 and a3. U has no signal, but its members are F4 and F5.
    assert table.counts == {(0, "T"): 1, (1, "T"): 2, (2, "U"): 1}
    assert table.shares == {(0, "T"): pytest.approx(1 / 3), (1, "T"): pytest.approx(2 / 3),
                            (2, "U"): 1.0}
    assert table.groups[1].trends == ("T",)


def test_a_trend_without_signals_is_driven_only_through_related_signals():
    # (A known-answer test: a force behind heat pumps was credited to an AI-ethics trend
    # of concerns because one article named both.)
    found = _drivers_corpus()
    found.types.update(C1="Concern", C2="Concern", V="Trend")
    found.members["V"] = {"C1", "C2"}
    found.named_by.update(C1={"a1", "a2"}, C2={"a2"}, V={"a1", "a2"})
    assert A.influence(found).counts == {(0, "T"): 1, (1, "T"): 2, (2, "U"): 1}
    found.related[("C1", "S2")] = 0.7  # F2 drives S2 in a2: F1-F2 drive V there
    assert A.influence(found).counts == {(0, "T"): 1, (0, "V"): 1, (1, "T"): 2, (2, "U"): 1}
    assert (0, "V") not in A.influence(found, min_score=0.8).counts  # (a weaker link: none)


def test_the_report_calls_a_tie_among_the_most_widespread_drivers_a_tie():
    types = {n: "Signal" for n in ("S1", "S2", "S3", "S4")} | {"F1": "DrivingForce",
                                                                 "F2": "DrivingForce"}
    found = corpus({"a1": ("2024-01-01", ["S1"]), "a2": ("2024-01-02", ["S2", "S3"]),
                    "a3": ("2024-01-03", ["S4"])}, types,
                   driven={"F1": {("a1", "S1"), ("a2", "S2")}, "F2": {("a2", "S3"), ("a3", "S4")}})
    assert "2 driving forces in 2 groups; the most widespread, F1 (tied with F2), drives " \
        "2 signals in 2 articles each." in to_markdown(make_report(found))


def test_drivers_behind_the_fastest_rising_trend():
    found = _drivers_corpus()
    found.dates.update(a4="2024-01-02", a1="2024-04-01", a2="2024-07-01", a3="2024-07-02")
    trend_map = A.emergence(found, types=("Trend",), thresholds=A.Thresholds(min_articles=1))
    assert [(e.label, e.counts) for e in trend_map.items] == [("T", (0, 1, 2)), ("U", (1, 0, 0))]
    behind = A.drivers_behind(A.influence(found), trend_map)
    assert [(t.label, [(g.name, n, share) for g, n, share in groups]) for t, groups in behind] \
        == [("T", [("F3", 2, pytest.approx(2 / 3)), ("F1", 1, pytest.approx(1 / 3))])]


def test_without_trends_drivers_stand_alone(six):
    table = A.influence(six)
    assert table.trends == [] and table.counts == {}
    assert [g.drivers for g in table.groups] == [("F1",), ("F2",)]


# --- the radar -----------------------------------------------------------------------------------


def test_radar_places_blips_and_keeps_the_rest_apart():
    found = corpus({"a": (None, ["S1", "S2", "sci"]), "b": (None, ["S1", "city"]),
                    "c": (None, ["S1", "city"]), "d": (None, ["T1"])},
                   {"S1": "Signal", "S2": "Signal", "T1": "Technology", "sci": "Category",
                    "city": "Category"},
                   relevancy={("a", "S1"): 5, ("b", "S1"): 4, ("c", "S1"): 4, ("d", "T1"): 3})
    radar = A.radar(found)
    assert [(b.label, b.category, b.relevancy, b.articles) for b in radar.blips] == [
        ("S1", "city", 4, 3)]  # city in 2 of 3 articles; (5 + 4 + 4) / 3 = 4.33 -> 4
    assert [b.label for b in radar.no_relevancy] == ["S2"]
    assert [b.label for b in radar.no_category] == ["T1"]
    assert A.blip_place(["b", "a"], [4, 5]) == ("a", 5)  # ties: first by name; 4.5 -> 5


# --- reading graphs ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def synthetic_graph(synthetic_dir, tmp_path_factory):
    import kg

    return kg.build([synthetic_dir], tmp_path_factory.mktemp("built"), html=False)


def test_the_corpus_is_the_same_from_a_file_triples_or_networkx(synthetic_graph):
    graph = synthetic_graph
    from_file = read_facts(graph.path)
    pieces = read_facts(graph.path, workers=2)
    from_triples = facts_from_triples(graph.triples)
    from_nx = Facts.from_networkx(graph.to_networkx())
    for name in ("types", "labels", "articles", "dates", "urls", "named_by", "relevancy",
                 "drives", "driven", "members", "related"):
        assert getattr(from_file, name) == getattr(from_triples, name) == getattr(pieces, name)
    for name in ("types", "labels", "articles", "dates", "urls", "relevancy", "drives",
                 "members", "related"):
        assert getattr(from_file, name) == getattr(from_nx, name), name
    # networkx keeps which forces drive a signal, not in which article: all of its articles
    forces = {n for n, t in from_file.types.items() if t == "DrivingForce"}
    assert {n: a for n, a in from_file.named_by.items() if n not in forces} == \
        {n: a for n, a in from_nx.named_by.items() if n not in forces}
    assert all(from_file.named_by[f] <= from_nx.named_by[f] for f in forces)
    assert len(from_file.articles) == 150 and from_file.relevancy


def test_a_cut_inside_a_long_literal_reads_the_file_whole(tmp_path, monkeypatch):
    from kg import facts as C
    from kg import vocab as V

    # A summary whose text holds a blank line and what looks like a statement: cutting the
    # file there would make a triple of it. The reader must read the file as it is.
    trap = '\\n\\n<http://x/evil> <http://www.w3.org/2000/01/rdf-schema#label> "pwned" .\\n'
    lines = ["@prefix kg: <https://w3id.org/hskg/ontology#> .", ""]
    for i in range(400):
        lines += [f"<http://x/article/{i}> a kg:Article ;",
                  f'    <{V.ABSTRACT}> """{"text " * 40}{trap if i == 200 else ""}""" ;',
                  f'    <{V.LABEL}> "A{i}" .', ""]
    path = tmp_path / "graph.ttl"
    path.write_text("\n".join(lines).replace("\\n", "\n"), encoding="utf-8")
    monkeypatch.setattr(C, "PARALLEL_BYTES", 1)
    cut = C._pieces(path, 7)
    assert len(cut) == 7
    whole = read_facts(path, workers=1)
    assert read_facts(path, workers=7) == whole
    assert "http://x/evil" not in whole.labels and len(whole.articles) == 400


# --- the report ----------------------------------------------------------------------------------


def _tables(markdown: str) -> list[list[str]]:
    """The Markdown tables of a text, each as its body rows."""
    tables, rows = [], None
    for line in markdown.splitlines():
        if line.startswith("|"):
            if rows is None:
                rows = []
            elif not line.startswith("|---"):
                rows.append(line)
        elif rows is not None:
            tables.append(rows)
            rows = None
    return tables + ([rows] if rows is not None else [])


HOSTILE = {"k": "Knowledge Graphs & LLMs", "x": "<img src=x onerror=alert(1)> | pipe",
           "t": "R&amp;D \x1b[31mred\u202egnp.exe"}


def _hostile_corpus() -> Facts:
    found = corpus({"a": ("2024-01-01", ["k", "x", "t"]), "b": ("2024-02-01", ["k", "x", "t"]),
                    "c": ("2024-03-01", ["k"])}, {"k": "Keyword", "x": "Technology", "t": "Theme"})
    found.labels.update(HOSTILE)
    return found


def test_markdown_shows_text_as_written_and_html_escapes_it_once():
    report = make_report(_hostile_corpus(), top=5)
    markdown = to_markdown(report)
    assert "Knowledge Graphs & LLMs" in markdown and "R\\&amp;D" in markdown
    assert markdown.count("&amp;") == markdown.count("R\\&amp;D")  # never HTML-escaped
    assert "\\<img src=x onerror=alert(1)\\> \\| pipe" in markdown
    assert "\x1b" not in markdown and "\\x1b" in markdown  # a terminal shows it, inert
    page = to_html(report, "graph.html")
    assert "Knowledge Graphs &amp; LLMs" in page and "&amp;amp; LLMs" not in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "R&amp;amp;D" in page  # the label's own "&amp;" is text, escaped once
    # (controls and bidirectional overrides shown, not obeyed, as in Markdown: an
    # attack's "Safe\u202egnp.exe" read reversed in its cell)
    assert "\x1b" not in page and "\u202e" not in page and "red\\u202egnp.exe" in page


def test_every_entity_links_to_the_explorer_by_type_and_label():
    page = to_html(make_report(_hostile_corpus(), top=5), "graph.html")
    links = re.findall(r'<a href="([^"]*)"', page)
    assert 'graph.html#focus=Keyword%3AKnowledge%20Graphs%20%26%20LLMs' in links
    assert all(link.startswith("graph.html#focus=") for link in links)
    markdown = to_markdown(make_report(_hostile_corpus(), top=5), "graph.html")
    assert "[Knowledge Graphs & LLMs](graph.html#focus=Keyword%3AKnowledge%20Graphs%20%26%20LLMs)" \
        in markdown


def test_ties_and_single_article_items_are_never_ranked():
    found = corpus({"a": ("2024-01-01", ["t1", "k"]), "b": ("2024-02-01", ["t2", "k"]),
                    "c": ("2024-03-01", ["t3", "j"]), "d": ("2024-03-02", ["j"])},
                   {"t1": "Technology", "t2": "Technology", "t3": "Technology", "k": "Keyword",
                    "j": "Keyword"})
    report = make_report(found, top=5)
    markdown = to_markdown(report)
    assert "All shown are tied at 2 articles: this is a list, not a ranking." in markdown
    assert "all 3 technologies" in markdown  # named by one article each, said so
    assert not re.search(r"\| technology \| t\d", markdown)
    page = to_html(report)
    assert "Entities named by the most articles" not in page  # no chart of ties


def test_top_means_that_many_rows_in_every_table(synthetic_graph):
    for top in (1, 3):
        text = kg_cli("stats", synthetic_graph.path, "--top", top).output
        tables = _tables(text)
        assert len(tables) >= 5 and max(len(rows) for rows in tables) == top


def test_integer_ticks_for_counts():
    assert charts.nice_ticks(0, 3, integer=True) == [0, 1, 2, 3]
    svg = charts.bars(["a", "b"], [3, 1], ["#000", "#111"], "articles")
    ticks = re.findall(r"fill='#666'>([^<]*)</text>", svg)
    assert ticks == ["0", "1", "2", "3"]


def test_stats_command_markdown_and_html(tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(out), "-q"]).exit_code == 0
    text = CliRunner().invoke(main, ["stats", str(out / "graph.ttl")]).output
    assert text.startswith("# Knowledge graph report: examples\n\n1 article read; 1 with a page date, "
                           "in March 2025.")
    assert "technologies 6" in text and "articles 1" in text
    assert "This graph has no trends (kg:Trend)" in text
    result = CliRunner().invoke(main, ["stats", str(out / "graph.ttl"), "-o",
                                       str(out / "report.html")])
    assert result.exit_code == 0, result.output
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.count("<svg") >= 2 and "<script" not in page
    # one article: nothing recurs; the most relevant signals instead, each a link
    assert 'href="graph.html#focus=Signal%3AConsumer%20Engagement%20Through%20AI"' in page
    assert CliRunner().invoke(main, ["stats", str(out / "graph.ttl"), "-o",
                                     str(out / "r.md")]).exit_code == 0
    # The same Markdown, with links to the explorer next to it.
    written = (out / "r.md").read_text(encoding="utf-8")
    assert re.sub(r"\]\(graph\.html#focus=[^)]*\)", "", written).replace("[", "") == \
        text.replace("[", "")
    bad = CliRunner().invoke(main, ["stats", str(out / "graph.ttl"), "-o", str(out / "r.pdf")])
    assert bad.exit_code == 2 and "cannot tell the format" in bad.output


def test_a_prefix_declared_later_reads_the_file_whole(tmp_path, monkeypatch):
    from kg import facts as C

    lines = ["@prefix kg: <https://w3id.org/hskg/ontology#> .",
             "@prefix ex: <http://first/> .", ""]
    for i in range(300):
        if i == 150:
            lines += ["@prefix ex: <http://second/> .", ""]
        lines += [f'ex:a{i} a kg:Article ; <http://www.w3.org/2000/01/rdf-schema#label> "A{i}" .',
                  ""]
    path = tmp_path / "graph.ttl"
    path.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setattr(C, "PARALLEL_BYTES", 1)
    assert len(C._pieces(path, 4)) == 4
    found = read_facts(path, workers=4)
    assert found == read_facts(path, workers=1)
    assert "http://second/a299" in found.labels and "http://first/a299" not in found.labels


def test_charts_escape_every_text():
    hostile = "</text><script>alert(1)</script><text>"
    svgs = [charts.bars([hostile, "b"], [2, 1], ["#000", "#111"], hostile,
                        legend={hostile: "#000"}),
            charts.columns([hostile, "2024-02"], [1, 2], hostile),
            charts.log_map([{"x": 0.1, "y": 1.2, "size": 4, "colour": "#000", "label": hostile,
                             "show": True, "tip": hostile}], hostile, hostile, 0.05, 1.1,
                           (hostile,) * 4, {hostile: "#000"}),
            charts.radar([{"node": "n", "sector": 0, "ring": 0, "size": 3, "colour": "#000",
                           "tip": hostile}], [hostile], ["5", "4", "3", "≤ 2"], {hostile: "#000"})]
    for svg in svgs:
        assert "<script" not in svg and "&lt;script&gt;" in svg


def test_reports_of_graphs_with_little_in_them():
    for found in (corpus({}, {}), corpus({"a": (None, ["k"]), "b": (None, ["k"])},
                                         {"k": "Keyword"})):
        report = make_report(found, top=3)
        markdown, page = to_markdown(report), to_html(report)
        assert page.count("<svg") == (1 if found.articles else 0)  # nodes by type, at most
        assert f"{len(found.articles)} articles read; none has a page date" in markdown
        assert "Page dates fall in 0 quarters: growth cannot be measured" in markdown
        assert "No article has a page date." in markdown and "\n.\n" not in markdown
        assert "|---|---|---:|---|\n\n" not in markdown  # no table without rows


def test_a_visibility_of_exactly_the_threshold_is_frequent():
    # (A known-answer test: one article of ten in two of four quarters is a visibility of
    # 0.05, "frequent" by the report's own header, but 0.049999999999999996 in floats.)
    articles = {f"a{q}{i}": (f"2024-{month}-{i + 1:02d}", ["x"] if q in (1, 2) and i == 0
                              else []) for q, month in enumerate(("01", "04", "07", "10"))
                for i in range(10)}
    found = A.emergence(corpus(articles, {"x": "Theme"}), types=("Theme",))
    assert [(e.visibility, e.quadrant) for e in found.items] == [(0.05, "well known")]


def test_the_report_says_what_its_tables_leave_out():
    # (A known-answer test: a trend of one dated and three undated articles was in `kg
    # query -n trends` and the influence table, but no row of the report's Trends, and no
    # note said so; "What recurs" cut 19 rows to 10 in silence.)
    dated = {f"d{i}": (f"2024-{1 + 3 * (i % 4):02d}-01", ["T", "k1", "k2", "k3", "k4"])
             for i in range(8)}
    undated = {f"u{i}": (None, ["U", "k1"]) for i in range(3)}
    found = corpus(dated | undated | {"d9": ("2024-01-05", ["U", "k4"])},
                   {"T": "Trend", "U": "Trend", "k1": "Keyword", "k2": "Keyword",
                    "k3": "Keyword", "k4": "Keyword"}, members={"T": {"k2"}, "U": {"k3"}})
    markdown = to_markdown(make_report(found, top=2))
    trends = markdown[markdown.index("## Trends"):]
    assert "| T |" in trends and "| U |" not in trends
    assert "> 1 trend with fewer than 2 dated articles not shown (`kg query GRAPH -n trends` " \
        "lists every trend)." in trends
    recurs = markdown[markdown.index("## What recurs"):markdown.index("## What travels")]
    assert [line.split(" | ")[1] for line in recurs.splitlines() if line.startswith("| keyword")] \
        == ["k1", "k4"]  # (k2 and k3, 8 articles each, left out)
    assert "> 2 more by fewer articles; `--top` shows more." in recurs


def test_a_graph_that_does_not_parse_is_one_line_with_its_line(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text('@prefix kg: <https://w3id.org/hskg/ontology#> .\n<http://x/a> a kg:Article ;\n'
                   '  <http://x/p> "unterminated .\n', encoding="utf-8")
    for args in (["stats", str(bad)], ["diff", str(bad), str(bad)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1
        assert result.output.startswith(f"Error: {bad}:3: not a readable graph file: ")
        assert result.output.count("\n") == 1


def test_a_trend_that_grew_and_took_another_name_is_one_trend_in_a_diff():
    # (A known-answer test: a trend of 3 members in 2 articles became one of 8 in 4 (here
    # 3 members, two of them old ones),
    # named after other members, and the diff said one trend gone and one new.)
    from kg.diff import compare

    types = {"T": "Trend", "s1": "Signal", "s2": "Signal", "c1": "Concern", "k": "Keyword"}
    old = corpus({"a": ("2024-01-01", ["s1", "s2", "T"]), "b": ("2024-04-01", ["c1", "T"])},
                 types, members={"T": {"s1", "s2", "c1"}})
    new = corpus({"a": ("2024-01-01", ["s1", "s2", "T2"]), "b": ("2024-04-01", ["c1", "T2"]),
                  "c": ("2024-07-01", ["k", "T2", "U"]), "d": ("2024-07-02", ["c1", "T2", "U"])},
                 {n: k for n, k in types.items() if n != "T"} | {"T2": "Trend", "U": "Trend"},
                 members={"T2": {"s1", "c1", "k"}, "U": {"s2", "k"}})
    diff = compare(old, new)
    assert ([t.label for t in diff.new_trends], diff.gone_trends) == (["U"], [])
    assert ("T", "T2") in diff.renamed
    assert [(g.label, g.old, g.new) for g in diff.grew if g.type == "Trend"] == [("T2", 2, 4)]


def test_two_trends_the_new_scan_holds_together_are_one_merged_into_the_other():
    # (A review: the second was "gone" and the new trend "grew" from 1 to 2 articles,
    # though no article was added.)
    from kg.diff import compare

    types = {"a1": "Signal", "a2": "Signal", "b1": "Concern", "b2": "Concern"}
    old = corpus({"x": ("2024-01-01", ["a1", "a2", "T1"]), "y": ("2024-02-01", ["b1", "b2", "T2"])},
                 {**types, "T1": "Trend", "T2": "Trend"},
                 members={"T1": {"a1", "a2"}, "T2": {"b1", "b2"}})
    new = corpus({"x": ("2024-01-01", ["a1", "a2", "N"]), "y": ("2024-02-01", ["b1", "b2", "N"])},
                 {**types, "N": "Trend"}, members={"N": {"a1", "a2", "b1", "b2"}})
    diff = compare(old, new)
    assert (diff.new_trends, diff.gone_trends, diff.grew) == ([], [], [])
    assert ("T1", "N") in diff.renamed
    assert [(m.node, m.type, m.into, m.others) for m in diff.merged] == [("T2", "Trend", "N", ("T1",))]
    # (and when the new trend keeps the IRI of one of them: a second review)
    kept = corpus({"x": ("2024-01-01", ["a1", "a2", "T1"]), "y": ("2024-02-01", ["b1", "b2", "T1"])},
                  {**types, "T1": "Trend"}, members={"T1": {"a1", "a2", "b1", "b2"}})
    diff = compare(old, kept)
    assert (diff.new_trends, diff.gone_trends, diff.grew) == ([], [], [])
    assert [(m.node, m.into) for m in diff.merged] == [("T2", "T1")]


def test_many_old_nodes_merged_into_one_are_listed_in_linear_room():
    """An attack's old graph held 16,000 keywords of one label, one node now: each merge
    listed the other 15,999 (91 s, 2 GB). A merge names the first few others and counts
    the rest."""
    from kg.diff import compare

    nodes = [f"k{i:04}" for i in range(2000)]
    old = corpus({"x": ("2024-01-01", nodes[:1])}, {n: "Keyword" for n in nodes})
    old.labels.update({n: "Drone Swarm" for n in nodes})
    new = corpus({"x": ("2024-01-01", nodes[:1])}, {nodes[0]: "Keyword"})
    new.labels[nodes[0]] = "Drone Swarm"
    merged = compare(old, new).merged
    assert len(merged) == 1999 and {m.into for m in merged} == {"k0000"}
    assert all(m.others == ("Drone Swarm",) * 5 and m.more == 1994 for m in merged)
    # (a few: all of them, nothing more)
    old, new = corpus({"x": ("2024-01-01", ["a", "b"])}, {"a": "Keyword", "b": "Keyword"}), \
        corpus({"x": ("2024-01-01", ["a"])}, {"a": "Keyword"})
    old.labels["b"] = new.labels["a"] = "a"
    assert [(m.node, m.others, m.more) for m in compare(old, new).merged] == [("b", ("a",), 0)]


def test_a_keyword_whose_articles_moved_into_the_new_windows_grew():
    # (A known-answer test: a keyword of two January articles, which the new scan drops,
    # and of two new November ones was a strong signal in `kg stats` and nowhere in the diff.)
    from kg.diff import compare

    steady = {f"s{i}": (f"2025-{m:02d}-01", ["k0"]) for i, m in enumerate((1, 4, 7, 10))}
    old = corpus(steady | {"a": ("2025-01-02", ["k"]), "b": ("2025-01-03", ["k"])},
                 {"k": "Keyword", "k0": "Keyword"})
    new = corpus(steady | {"c": ("2025-11-02", ["k"]), "d": ("2025-11-03", ["k"]),
                           "e": ("2026-01-05", ["k0"])}, {"k": "Keyword", "k0": "Keyword"})
    diff = compare(old, new)
    assert [(g.label, g.old, g.new, g.renewed, g.windows) for g in diff.grew] == [
        ("k0", 4, 5, False, (("2026-Q1", 0, 1),)),
        ("k", 2, 2, True, (("2025-Q1", 2, 0), ("2025-Q4", 0, 2)))]
    assert diff.faded == []


def test_undated_articles_are_a_window_of_their_own_in_a_diff():
    # (A known-answer test: a keyword grew from 1 to 4 articles, 3 of them undated, and
    # its "by quarter" cell was empty.)
    from kg.diff import compare

    old = corpus({"a": ("2025-11-15", ["k"])}, {"k": "Keyword"})
    new = corpus({"a": ("2025-11-15", ["k"]), "b": (None, ["k"]), "c": (None, ["k"]),
                  "d": (None, ["k"])}, {"k": "Keyword"})
    assert [(g.old, g.new, g.windows) for g in compare(old, new).grew] == [
        (1, 4, (("undated", 0, 3),))]


def test_an_article_whose_date_changed_moves_between_windows_in_a_diff():
    # (A review: each article had one window, the new graph's, in both scans.)
    from kg.diff import compare

    old = corpus({"a": (None, ["k"]), "b": ("2024-01-05", ["k"]), "c": ("2024-03-01", ["k"])},
                 {"k": "Keyword"})
    new = corpus({"a": ("2024-02-01", ["k"]), "b": (None, ["k"]), "c": ("2024-06-01", ["k"]),
                  "e": (None, ["k"]), "f": (None, ["k"])}, {"k": "Keyword"})
    assert [g.windows for g in compare(old, new).grew] == [
        (("2024-Q1", 2, 1), ("2024-Q2", 0, 1), ("undated", 1, 3))]


def test_a_diff_as_rdf_conforms_to_the_shapes():
    import pyshacl
    import rdflib

    from kg.diff import compare, to_turtle

    from .conftest import ONTOLOGY

    base = "http://x/"
    old = corpus({f"{base}article/a": ("2024-01-01", ["k", "t", "s"]),
                  f"{base}article/b": ("2024-01-02", ["k", "gone"])},
                 {"k": "Keyword", "t": "Technology", "s": "Signal", "gone": "Issue", "T": "Trend"},
                 related={("s", "t"): 0.5}, members={"T": {"s", "t"}},
                 relevancy={(f"{base}article/a", "t"): 3})
    old.named_by["T"] = {f"{base}article/a"}
    new = corpus({f"{base}article/a": ("2024-01-01", ["k", "t", "s"]),
                  f"{base}article/c": ("2024-04-02", ["k", "n"])},
                 {"k": "Keyword", "t": "Technology", "s": "Signal", "n": "Concern"},
                 related={("k", "t"): 0.7}, relevancy={(f"{base}article/a", "t"): 5})
    new.dates[f"{base}article/a"] = "2024-02-01"  # (a known-answer test: said nowhere)
    diff = compare(old, new)
    assert diff.counts() == {
        "articles added": 1, "articles removed": 1, "new entities": 1, "entities gone": 1,
        "entities merged": 0, "new trends": 0, "trends gone": 1, "grew": 0, "faded": 0,
        "new related links": 1, "related links gone": 1, "relevancies changed": 1,
        "page dates changed": 1}
    assert [(d.old, d.new) for d in diff.dates] == [("2024-01-01", "2024-02-01")]
    # (each end's type shown: two ends of one name were ambiguous, a known-answer test)
    from kg.report import diff_markdown
    markdown = diff_markdown(diff)
    assert "| k | keyword | t | technology | 0.70 |" in markdown
    assert "1 page date changed." in markdown and "## Page dates changed (1)" in markdown
    graph = rdflib.Graph().parse(data=to_turtle(diff), format="turtle")
    conforms, _, text = pyshacl.validate(
        graph, shacl_graph=rdflib.Graph().parse(ONTOLOGY / "shapes.ttl"),
        ont_graph=rdflib.Graph().parse(ONTOLOGY / "kg.ttl"))
    assert conforms, text
    kinds = sorted(str(o).rsplit("#")[1] for o in graph.objects(
        None, rdflib.URIRef("https://w3id.org/hskg/ontology#changeKind")))
    assert kinds == ["Added", "Added", "Added", "DateChanged", "RelevancyChanged", "Removed",
                     "Removed", "Removed", "Removed"]


def test_communities_do_not_follow_the_hash_seed(tmp_path):
    """Louvain over string nodes would split by Python's hash order: two interpreters with
    different PYTHONHASHSEED must find the same communities."""
    import subprocess
    import sys
    script = (
        "import networkx as nx\n"
        "from kg.analytics import communities\n"
        "g = nx.MultiDiGraph()\n"
        "for a in range(40):\n"
        "    g.add_node(f'a{a}', type='Article', label=f'a{a}')\n"
        "    for k in (a % 7, (a * 3) % 11, (a * 5) % 13):\n"
        "        g.add_node(f'k{k}', type='Keyword', label=f'K{k}')\n"
        "        g.add_edge(f'a{a}', f'k{k}')\n"
        "print([sorted(c.members) for c in communities(g)])\n")
    runs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           check=True, env={**__import__('os').environ, "PYTHONHASHSEED": seed}
                           ).stdout for seed in ("1", "2", "3", "4")}
    assert len(runs) == 1 and runs.pop().startswith("[[")


# --- the facts a build saves beside its graph ------------------------------------------------

ODD_RELEVANCIES = """# __Odd relevancies__, (from page [20250323](https://x.org/p/1).)

## Keywords

* AI

## Signals

| name | description | change | 10-year | driving-force | relevancy |
|------|-------------|--------|---------|---------------|-----------|
| Cheap sensors | d | c | o | Costs fall | 0 |
| Sensor swarms | d | c | o | Costs fall | 250 |

## Technologies

| name | description | relevancy |
|------|-------------|-----------|
| Sensors | d | -3 |
"""


def _same_facts(saved: Facts, parsed: Facts) -> None:
    from dataclasses import fields

    for field in fields(Facts):
        assert getattr(saved, field.name) == getattr(parsed, field.name), field.name


def test_the_facts_a_build_saves_are_the_facts_of_its_graph(source_dirs, tmp_path):
    import kg
    from kg.facts import saved_facts

    graph = kg.build(source_dirs, tmp_path / "out")
    saved = saved_facts(graph.path)
    assert saved is not None
    parsed = read_facts(graph.path, saved=False)
    _same_facts(saved, parsed)
    assert read_facts(graph.path) == saved
    assert parsed.relevancy and parsed.driven and parsed.named_by


@pytest.mark.parametrize("case", ["beside the page", "a thread running", "its process dies"])
def test_the_facts_are_saved_beside_the_page_where_that_is_safe(source_dirs, tmp_path,
                                                               monkeypatch, case):
    """A build saves the facts in a forked process while it writes the page, never with
    another thread running (a thread's locks would be forked held); if that process
    fails, the build saves them itself."""
    import os
    import threading

    import kg
    import kg.pipeline as pipeline
    from kg.facts import saved_facts

    builder, savers = os.getpid(), tmp_path / "savers"
    save = pipeline._save_facts_of

    def saving(*args):
        with open(savers, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        if case == "its process dies" and os.getpid() != builder:
            raise OSError("disk full")
        save(*args)

    monkeypatch.setattr(pipeline, "_save_facts_of", saving)
    stop = threading.Event()
    running = threading.Thread(target=stop.wait)
    if case == "a thread running":
        running.start()
    try:
        graph = kg.build(source_dirs, tmp_path / "out", workers=2)
    finally:
        stop.set()
    pids = [int(line) for line in savers.read_text().split()]
    assert {"beside the page": len(pids) == 1 and pids[0] != builder,
            "a thread running": pids == [builder],
            "its process dies": len(pids) == 2 and pids[1] == builder != pids[0]}[case]
    _same_facts(saved_facts(graph.path), read_facts(graph.path, saved=False))


def test_saved_facts_keep_relevancies_and_forces_as_the_rows_give_them(tmp_path):
    import kg
    from kg.facts import saved_facts

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "odd.md").write_text(ODD_RELEVANCIES, encoding="utf-8")
    graph = kg.build([tmp_path / "src"], tmp_path / "out")
    saved, parsed = saved_facts(graph.path), read_facts(graph.path, saved=False)
    _same_facts(saved, parsed)
    assert sorted(parsed.relevancy.values()) == [-3, 0, 250]
    assert [len(pairs) for pairs in parsed.driven.values()] == [2]


def test_saved_facts_are_used_only_for_the_very_graph_they_were_saved_with(tmp_path):
    import json

    import kg
    from kg.facts import facts_file, saved_facts

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "odd.md").write_text(ODD_RELEVANCIES, encoding="utf-8")
    graph = kg.build([tmp_path / "src"], tmp_path / "out")
    path, saved = graph.path, facts_file(graph.path)
    original = saved.read_bytes()
    # a graph changed after the build (same size too): parsed, the change seen
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Odd relevancies"', '"Odd relevancieZ"'), encoding="utf-8")
    assert saved_facts(path) is None
    assert "Odd relevancieZ" in read_facts(path).titles.values()
    path.write_text(text, encoding="utf-8")
    assert saved_facts(path) is not None
    # a saved file that is not what save_facts writes: ignored, never trusted
    body = json.loads(original)
    for damage in ({"labels": {"x": 1}}, {"relevancy": [["a", "b", "5"]]}, {"named_by": []}):
        saved.write_text(json.dumps({**body, "facts": {**body["facts"], **damage}}))
        assert saved_facts(path) is None
        assert read_facts(path) == read_facts(path, saved=False)
    saved.write_bytes(b"\x00not json")
    assert saved_facts(path) is None
    saved.write_bytes(original)
    # a build without its page saves none, and leaves none of an earlier build behind
    kg.build([tmp_path / "src"], tmp_path / "out", html=False)
    assert not saved.exists()
