"""The explorer page in a real headless Chromium, with the network blocked."""

from __future__ import annotations

import struct

import pytest

from kg.view import select
from kg import open_graph

from .browser import OpenPage, chromium_or_skip, launched
from .conftest import kg_cli, EXAMPLE

pytestmark = [pytest.mark.external, pytest.mark.slow]

ID = "https://w3id.org/hskg/id/"


@pytest.fixture(scope="module")
def browser():
    with launched() as browser:
        yield browser


@pytest.fixture(scope="module")
def example_page_path(tmp_path_factory):
    out = tmp_path_factory.mktemp("example")
    kg_cli("build", EXAMPLE, "-o", out, "-q")
    return out / "graph.html"


@pytest.fixture
def example(browser, example_page_path):
    page = OpenPage(browser, example_page_path)
    yield page
    page.close()


def test_page_loads_offline_with_every_node_and_edge(example):
    assert [url for url in example.requests if not url.startswith("file:")] == []
    assert example.errors == []
    # 1 article + 49 entities; 44 article edges + 5 signal -> driving force
    assert example.eval("[kg.nodes.length, kg.edges.length]") == [50, 49]
    assert example.eval("[kg.nodeView.length, kg.edgeView.length]") == [50, 49]
    assert example.eval("document.querySelectorAll('#graph canvas').length") == 1
    legend = example.eval("[...document.querySelectorAll('#legend label')].map(l => l.textContent)")
    assert legend == ["Article", "Keyword", "Theme", "Category", "ContentType", "Signal",
                      "Concern", "Behavior", "Technology", "Issue", "DrivingForce"]


def test_search_box_focuses_the_node(example):
    example.page.fill("#search", "  digital TWINS ")
    example.page.press("#search", "Enter")
    target = ID + "technology/digital_twin"
    assert example.eval("kg.selected") == target
    assert example.eval("kg.network.getSelectedNodes()") == [target]
    # The view is centred on the node.
    centre, node = example.eval(
        "(id) => [kg.network.getViewPosition(), kg.network.getPositions([id])[id]]", target)
    assert abs(centre["x"] - node["x"]) < 1 and abs(centre["y"] - node["y"]) < 1
    assert example.eval("document.querySelector('#details h2').textContent") == "Digital Twins"
    article = example.eval("document.querySelector('#details li a').textContent")
    assert article == "Coca-Cola's Pioneering Journey with Generative AI in Marketing Campaigns"
    assert example.eval("document.querySelector('#details li a').href") == (
        "https://www.marketingdive.com/news/what-coca-cola-learned-generative-ai/741709/")


def test_search_finds_part_of_a_label_and_reports_misses(example):
    assert example.eval("kg.search('backlash')") == \
        ID + "concern/consumer_backlash_against_ai_generated_content"
    assert example.eval("kg.search('no such thing at all')") is None
    assert "nothing labelled" in example.eval("document.getElementById('status').textContent")


def test_type_filter_hides_a_type_and_its_edges(example):
    example.page.click('#legend input[data-type="Signal"]')
    # 5 signals hidden; their 5 article edges and 5 driving-force edges with them
    assert example.eval("[kg.nodeView.length, kg.edgeView.length]") == [45, 39]
    assert example.eval("kg.nodeView.get().filter(n => n.group === 'Signal').length") == 0
    assert example.eval("document.getElementById('status').textContent") == (
        "45 of 50 nodes, 39 of 49 links shown")
    example.page.click('#legend input[data-type="Signal"]')
    assert example.eval("[kg.nodeView.length, kg.edgeView.length]") == [50, 49]


def test_minimum_degree_filter(example):
    example.page.fill("#min-degree", "2")
    example.page.dispatch_event("#min-degree", "input")
    # the article (44 links) and the 5 signals (article + driving force) are left
    assert example.eval("kg.nodeView.getIds().sort()") == sorted(
        [ID + "article/coca-cola-generative-ai"] + [
            ID + "signal/" + s for s in (
                "coca_cola_generative_ai_experimentation", "consumer_engagement_through_ai",
                "decentralization_of_ai_team", "internal_governance_for_ai_usage",
                "mixed_public_reaction_to_ai_campaign")])


def test_clicking_a_node_highlights_its_neighbourhood(example):
    signal = ID + "signal/decentralization_of_ai_team"
    point = example.eval("(id) => kg.network.canvasToDOM(kg.network.getPositions([id])[id])",
                         signal)
    box = example.page.locator("#graph").bounding_box()
    example.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    assert example.eval("kg.selected") == signal
    opacity = example.eval("Object.fromEntries(kg.nodes.get().map(n => [n.id, n.opacity]))")
    near = {signal, ID + "article/coca-cola-generative-ai",
            ID + "driving-force/the_need_for_agility_and_innovation_in_fast_paced_market_environment"}
    assert {n for n, o in opacity.items() if o == 1} == near
    assert all(o < 1 for n, o in opacity.items() if n not in near)
    assert example.eval("document.querySelector('#details .type').textContent") == "Signal"


def test_focus_link_from_a_report_opens_on_the_node(browser, example_page_path):
    url = example_page_path.parent / "graph.html"
    page = OpenPage(browser, url, fragment="#focus=Digital%20Twins")
    try:
        assert page.eval("kg.selected") == ID + "technology/digital_twin"
        assert page.eval("document.querySelector('#details h2').textContent") == "Digital Twins"
    finally:
        page.close()


HOSTILE = """# __<script>window.pwned = 1</script>__, (from page [20250101](https://k.org/p/1).)

## External link

javascript:window.pwned=3

## Keywords

* <img src=x onerror="window.pwned = 2">
* "quoted" </script><b>bold</b>
* it's & <

## Technologies

| name | description | relevancy |
|------|-------------|-----------|
| <svg onload=window.pwned=4> | "><script>window.pwned=5</script> | 4 |
"""


def test_hostile_text_is_shown_never_run(browser, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "evil.md").write_text(HOSTILE, encoding="utf-8")
    kg_cli("build", src, "-o", tmp_path / "out", "-q")
    page = OpenPage(browser, tmp_path / "out" / "graph.html")
    try:
        assert page.errors == [] and page.dialogs == []
        assert page.eval("window.pwned") is None
        assert page.eval("document.querySelectorAll('img, svg, b').length") == 0
        labels = page.eval("kg.nodes.get().map(n => kg.data.details[n.id].label).sort()")
        assert "<img src=x onerror=\"window.pwned = 2\">" in labels
        assert "\"quoted\" </script><b>bold</b>" in labels
        assert page.eval("kg.search('<svg')") is not None
        assert page.eval("document.querySelector('#details h2').textContent") == (
            "<svg onload=window.pwned=4>")
        text = page.eval("document.querySelector('#details .text').textContent")
        assert text == "\"><script>window.pwned=5</script>"
        article = page.eval("kg.search('window.pwned = 1')")
        assert article == ID + "article/evil"
        assert page.eval("document.querySelectorAll('#details a[href^=\"javascript\"]').length") == 0
        assert page.eval("window.pwned") is None and page.errors == [] and page.dialogs == []
    finally:
        page.close()


def test_corpus_overview_in_the_browser(browser, corpus_dir, tmp_path):
    kg_cli("build", corpus_dir, "-o", tmp_path, "-q")
    expected = select(open_graph(tmp_path / "graph.ttl").to_networkx())
    page = OpenPage(browser, tmp_path / "graph.html")
    try:
        assert page.errors == []
        assert [url for url in page.requests if not url.startswith("file:")] == []
        assert page.eval("[kg.nodes.length, kg.edges.length]") == [
            expected.number_of_nodes(), expected.number_of_edges()]
        assert sorted(page.eval("kg.nodes.getIds()")) == sorted(expected)
    finally:
        page.close()


def test_view_screenshot_is_a_png_of_the_page(tmp_path, example_page_path):
    chromium_or_skip()
    graph = example_page_path.with_suffix(".ttl")
    result = kg_cli("view", graph, "-o", tmp_path / "v.html", "--screenshot")
    png = (tmp_path / "v.png").read_bytes()
    assert f"wrote {tmp_path / 'v.png'}" in result.output
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1600, 1000)
    assert len(png) > 20_000  # a drawn graph, not a blank page
