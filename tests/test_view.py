"""The explorer's choices: what a focused or filtered view holds, and that the page
`kg build` writes shows the same as `kg view` of its graph.ttl."""

from __future__ import annotations


import networkx as nx
import pytest

from kg import build
from kg import InputError, open_graph
from kg.view import find_nodes, page_data, read_page_data as page_json, render_html, select

from .conftest import BASE, EXAMPLE, TODAY


@pytest.fixture(scope="module")
def any_build(source_dirs, tmp_path_factory):
    """The real archive's build and a synthetic corpus' (runs without the archive)."""
    out = tmp_path_factory.mktemp("corpus")
    build(source_dirs, out, base=BASE, today=TODAY)
    return out


@pytest.fixture(scope="module")
def corpus_graph(corpus_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    return build([corpus_dir], out, base=BASE, today=TODAY, html=False).to_networkx()


def test_build_page_equals_view_page(any_build):
    built = page_json((any_build / "graph.html").read_text(encoding="utf-8"))
    graph = open_graph(any_build / "graph.ttl").to_networkx()
    assert graph.number_of_nodes() > 600  # so the overview had to choose
    viewed = page_data(select(graph, max_nodes=600), built["title"])
    assert len(built["nodes"]) == 600
    for name in ("nodes", "edges", "details", "legend"):
        assert built[name] == viewed[name], name


def test_overview_shows_every_type_and_every_article(corpus_graph):
    shown = select(corpus_graph, max_nodes=600)
    types = {data["type"] for _, data in shown.nodes(data=True)}
    assert types == {data["type"] for _, data in corpus_graph.nodes(data=True)}
    articles = {n for n, t in corpus_graph.nodes(data="type") if t == "Article"}
    assert articles <= set(shown)  # 96 articles fit in three quarters of 600
    # Entities named by two or more articles come first.
    shared = {n for n in corpus_graph if corpus_graph.nodes[n]["type"] not in ("Article",
                                                                                 "DrivingForce")
              and len(set(corpus_graph.predecessors(n))) >= 2}
    assert shared <= set(shown)


def test_focus_depth_is_the_neighbourhood(corpus_graph):
    starts = find_nodes(corpus_graph, "generative ai")  # a keyword and a theme
    assert sorted(corpus_graph.nodes[n]["type"] for n in starts) == [
        "Keyword", "Theme"]
    near = select(corpus_graph, focus="Generative AI", depth=1, max_nodes=None)
    assert set(near) == set(starts).union(*(nx.all_neighbors(corpus_graph, n) for n in starts))
    two = select(corpus_graph, focus="generative ai", depth=2, max_nodes=None)
    assert set(near) < set(two)
    with pytest.raises(InputError, match="no node labelled 'no such node'"):
        select(corpus_graph, focus="no such node")


def test_types_filter_keeps_linking_articles_only(corpus_graph):
    shown = select(corpus_graph, types=["Technology", "Concern"], max_nodes=None)
    kinds = {shown.nodes[n]["type"] for n in shown}
    assert kinds == {"Technology", "Concern", "Article"}
    every = {n for n, t in corpus_graph.nodes(data="type") if t in ("Technology", "Concern")}
    assert every <= set(shown)
    for node in shown:
        if shown.nodes[node]["type"] == "Article":
            assert any(shown.nodes[m]["type"] != "Article" for m in shown.successors(node))
    with pytest.raises(InputError, match="unknown node type"):
        select(corpus_graph, types=["Gadget"])


def test_date_range_keeps_articles_in_range_and_what_they_name(corpus_graph):
    shown = select(corpus_graph, since="2024-06-01", until="2024-12-31", max_nodes=None)
    articles = [n for n in shown if shown.nodes[n]["type"] == "Article"]
    assert articles
    assert all("2024-06-01" <= shown.nodes[a]["date"] <= "2024-12-31" for a in articles)
    expected_articles = [n for n, d in corpus_graph.nodes(data=True) if d["type"] == "Article"
                         and "2024-06-01" <= d.get("date", "") <= "2024-12-31"]
    assert sorted(articles) == sorted(expected_articles)
    for node in shown:
        if shown.nodes[node]["type"] not in ("Article", "DrivingForce"):
            assert set(corpus_graph.predecessors(node)) & set(articles)


def test_min_degree(corpus_graph):
    shown = select(corpus_graph, min_degree=3, max_nodes=None)
    # degree counted in the graph before the cut (as the page's slider does)
    assert set(shown) == {n for n, d in corpus_graph.degree if d >= 3}
    assert 0 < shown.number_of_nodes() < corpus_graph.number_of_nodes()


def test_details_keep_each_articles_own_description_and_relevancy(tmp_path):
    out = tmp_path / "out"
    build([EXAMPLE], out, base=BASE, today=TODAY)
    data = page_json((out / "graph.html").read_text(encoding="utf-8"))
    info = data["details"][BASE + "technology/digital_twin"]
    assert info["type"] == "Technology" and info["articles"] == 1
    [mention] = info["mentions"]
    assert "relevancy" not in mention  # the example's technology table has none
    assert mention["description"].startswith("Virtual replicas of physical entities")
    assert mention["url"].startswith("https://www.marketingdive.com/")
    signal = data["details"][BASE + "signal/decentralization_of_ai_team"]["mentions"][0]
    assert signal["relevancy"] == "4"
    assert signal["change"].startswith("Transition from centralized AI teams")
    assert signal["tenYearOutlook"].startswith("Organizations may integrate AI")


def test_page_escapes_script_endings_and_line_separators():
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph.add_node("x", type="Keyword", label="</script><script>alert(1)</script>\u2028&amp;")
    html = render_html(graph, title="<b>t</b>")
    assert "</script><script>alert" not in html and "\u2028" not in html
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in html
    assert page_json(html)["details"]["x"]["label"] == (
        "</script><script>alert(1)</script>\u2028&amp;")
