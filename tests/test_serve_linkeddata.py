"""Linked Data (issue 17, item 4): every IRI kg mints, dereferenced on a real `kg serve
--base`, with curl for machines and a real Chromium for people. The graph holds a
hostile document (markup in names) and a trend and a related link, as the graph may."""

from __future__ import annotations

import subprocess

import pytest
import rdflib

from .browser import launched
from .conftest import EXAMPLE, require_tool
from .serve_helpers import http, kg_server

BASE = "http://example.org/kg/"
KG = rdflib.Namespace("https://w3id.org/hskg/ontology#")
TWIN = rdflib.URIRef(BASE + "technology/digital_twin")
CHAT = rdflib.URIRef(BASE + "technology/conversational_ai")
HOSTILE = '<script>alert("name")</script><img src=x onerror=alert(2)> Twin'
EXTRA = f"""
@prefix kg: <https://w3id.org/hskg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{TWIN}> skos:related <{CHAT}> .
<{BASE}relatedness/1> a kg:Relatedness ; kg:relates <{TWIN}> , <{CHAT}> ;
    kg:score 0.42 ; kg:method "names" .
<{BASE}trend/digital_personas> a kg:Trend , skos:Collection ;
    rdfs:label "Digital personas" ; skos:member <{TWIN}> , <{CHAT}> ;
    kg:trendArticle <{BASE}article/coca-cola-generative-ai> ; kg:articleCount 2 ;
    kg:firstDate "2024-01-05"^^xsd:date ; kg:lastDate "2025-03-23"^^xsd:date .
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("linked")
    source = folder / "docs"
    source.mkdir()
    text = (EXAMPLE / "coca-cola-generative-ai.md").read_text()
    row = "| Digital Twins "
    text = text.replace(row, f"| {HOSTILE} | <b>bold</b> & \"quoted\" |\n{row}", 1)
    (source / "coca-cola-generative-ai.md").write_text(text)
    from .conftest import kg_cli

    kg_cli("build", source, "-o", folder / "out", "-q", "--base", BASE)
    graph = folder / "out" / "graph.ttl"
    with open(graph, "a") as out:
        out.write(EXTRA)
    with kg_server(graph, "--base", BASE) as (url, _):
        yield url, rdflib.Graph().parse(graph)


def path_of(iri: str) -> str:
    return "/id/" + iri[len(BASE):]


def about(graph: rdflib.Graph, node) -> set:
    return set(graph.triples((node, None, None))) | set(graph.triples((None, None, node)))


def test_curl_turtle_gives_every_triple_about_the_node(served):
    url, graph = served
    curl = require_tool("curl")
    body = subprocess.run([curl, "-sf", "-H", "Accept: text/turtle", url + path_of(TWIN)],
                          capture_output=True, check=True).stdout
    assert set(rdflib.Graph().parse(data=body, format="turtle")) == about(graph, TWIN)


@pytest.mark.parametrize("accept, fmt", [("application/ld+json", "json-ld"),
                                         ("application/n-triples", "nt"),
                                         ("application/rdf+xml", "xml"), ("*/*", "turtle")])
def test_machines_get_rdf_by_content_negotiation(served, accept, fmt):
    url, graph = served
    status, content_type, body = http(url + path_of(TWIN), headers={"Accept": accept})
    assert status == 200 and "html" not in content_type
    assert set(rdflib.Graph().parse(data=body, format=fmt)) == about(graph, TWIN)


def test_every_minted_iri_is_dereferenceable(served):
    url, graph = served
    minted = {str(t) for triple in graph for t in triple
              if isinstance(t, rdflib.URIRef) and str(t).startswith(BASE)}
    assert len(minted) > 80
    for iri in sorted(minted):
        node = rdflib.URIRef(iri)
        status, _, body = http(url + path_of(iri), headers={"Accept": "application/n-triples"})
        assert status == 200, iri
        assert set(rdflib.Graph().parse(data=body, format="nt")) == about(graph, node), iri
        status, content_type, _ = http(url + path_of(iri), headers={"Accept": "text/html"})
        assert status == 200 and content_type == "text/html; charset=utf-8", iri


def test_unknown_nodes_are_404(served):
    url, _ = served
    assert http(url + "/id/technology/nothing_like_this")[0] == 404
    assert http(url + "/id/technology/a%20b")[0] == 404


def test_the_page_is_escaped_and_runs_no_script(served):
    url, _ = served
    status, _, page = http(url + "/id/article/coca-cola-generative-ai",
                           headers={"Accept": "text/html"})
    assert status == 200
    assert b"<script>" not in page and b"<img" not in page
    assert b"&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;" in page


@pytest.mark.external
@pytest.mark.slow
def test_a_browser_reads_and_follows_the_pages(served):
    url, _ = served
    with launched() as browser:
        context = browser.new_context()
        outside: list[str] = []

        def route(request_route):
            if request_route.request.url.startswith(url):
                request_route.continue_()
            else:
                outside.append(request_route.request.url)
                request_route.abort()

        context.route("**/*", route)
        page = context.new_page()
        errors, dialogs = [], []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        response = page.goto(url + path_of(TWIN))
        assert response.status == 200
        assert "script-src" not in response.headers["content-security-policy"]
        assert page.inner_text("h1") == "Digital Twins"
        assert page.locator("h2", has_text="Articles (1)").count() == 1
        assert "score 0.42" in page.inner_text("body")
        assert page.locator("a", has_text="Conversational AI").first.get_attribute("href") \
            == path_of(CHAT)
        assert page.locator("a", has_text="Digital personas").first.get_attribute("href") \
            == "/id/trend/digital_personas"
        assert "2 articles, 2024-01-05 to 2025-03-23" in page.inner_text("body")
        # onward: the article, then the hostile entity it names
        page.locator("a", has_text="Coca-Cola's Pioneering Journey").first.click()
        page.wait_for_load_state()
        assert page.url == url + "/id/article/coca-cola-generative-ai"
        assert page.inner_text("h1").startswith("Coca-Cola's Pioneering Journey")
        page.locator("a", has_text="Twin").filter(has_text="script").first.click()
        page.wait_for_load_state()
        assert page.inner_text("h1") == HOSTILE
        assert page.locator("img").count() == 0 and page.locator("b").count() == 0
        assert dialogs == [] and errors == [] and outside == []
        context.close()


def test_no_other_site_can_frame_a_page(served):
    """Clickjacking: every answer forbids framing (the explorer's own policy is a meta
    element, which cannot say so)."""
    import urllib.error
    import urllib.request

    url, _ = served
    for path in ("/", "/query", "/sparql?query=ASK%7B%7D", path_of(TWIN), "/no-such-page"):
        try:
            headers = urllib.request.urlopen(url + path, timeout=30).headers
        except urllib.error.HTTPError as err:
            headers = err.headers
        assert headers["X-Frame-Options"] == "DENY", path
        assert "frame-ancestors 'none'" in headers.get_all("Content-Security-Policy"), path


@pytest.mark.external
@pytest.mark.slow
def test_the_query_page_runs_under_its_policy(served):
    """The query form's own script runs and reads /sparql; its policy lets nothing else."""
    url, _ = served
    with launched() as browser:
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script("window.cspViolations = []; document.addEventListener("
                             "'securitypolicyviolation', e => window.cspViolations.push("
                             "e.violatedDirective))")
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        response = page.goto(url + "/query")
        policies = response.headers["content-security-policy"]
        assert "script-src 'sha256-" in policies and "connect-src 'self'" in policies
        page.locator("textarea").fill("SELECT ?label WHERE { ?t a <https://w3id.org/hskg/"
                                      "ontology#Technology> ; rdfs:label ?label } ORDER BY ?label")
        page.locator("button").click()
        page.locator("#r td").first.wait_for()
        cells = page.locator("#r td").all_inner_texts()
        assert "Digital Twins" in cells and HOSTILE in cells
        assert page.evaluate("window.cspViolations") == [] and errors == []
        context.close()


def test_a_source_link_is_http_whatever_the_graph_says():
    """A crafted graph whose article base is `javascript:...` made the page write its
    article's `javascript:` URL as the source link (only the page's CSP stopped a click;
    a review's finding): a source link is http(s) or absent."""
    import pyoxigraph as ox

    from kg.linkeddata import describe, render_page

    base = "javascript:alert(document.domain)//"
    turtle = (f'<{base}technology/t> a <https://w3id.org/hskg/ontology#Technology> ; '
              f'<http://www.w3.org/2000/01/rdf-schema#label> "T" .\n'
              f'<{base}article/a> a <https://w3id.org/hskg/ontology#Article> ; '
              f'<https://w3id.org/hskg/ontology#mentionsTechnology> <{base}technology/t> ; '
              f'<http://www.w3.org/2000/01/rdf-schema#label> "A" ; '
              f'<https://schema.org/url> <{base}x> .\n')
    store = ox.Store()
    store.load(turtle.encode(), ox.RdfFormat.TURTLE)
    page = render_page(describe(store, f"{base}technology/t"), base, "/id/", {})
    assert "javascript:" not in page.replace("&#x27;", "'").split("<body", 1)[-1].replace(
        f"{base}technology/t", "")
    assert 'rel="nofollow">source</a>' not in page


def test_a_score_that_is_no_number_still_gives_the_page():
    """An attack: a related link whose kg:score is no number in a graph from elsewhere
    made the node's page and its RDF a 500: it could not be dereferenced at all."""
    import pyoxigraph as ox

    from kg.linkeddata import describe, render_page

    kg = "https://w3id.org/hskg/ontology#"
    turtle = "".join(
        f'<http://x/technology/{name}> a <{kg}Technology> ; '
        f'<http://www.w3.org/2000/01/rdf-schema#label> "{name.upper()}" .\n'
        for name in "tuv") + "".join(
        f'<http://x/related/{n}> a <{kg}Relatedness> ; <{kg}relates> <http://x/technology/t> , '
        f'<http://x/technology/{other}> ; <{kg}score> "{score}" .\n'
        for n, (other, score) in enumerate((("u", "abc"), ("v", "0.7"))))
    store = ox.Store()
    store.load(turtle.encode(), ox.RdfFormat.TURTLE)
    description = describe(store, "http://x/technology/t")
    assert [other for other, _ in description.related] == ["http://x/technology/v",
                                                           "http://x/technology/u"]
    assert "U" in render_page(description, "http://x/", "/id/", {})


@pytest.mark.external
@pytest.mark.slow
def test_only_this_kgs_explorer_runs_at_the_root(served, tmp_path):
    """An attack: `kg serve` served whatever graph.html lay next to the graph at `/`
    with no script policy: a page in a folder handed over ran its script on the
    server's origin and read /sparql. `/` now carries the explorer's policy (its own
    scripts only), and a page that is no explorer of this kg is not served there."""
    from .conftest import kg_cli

    url, _ = served
    kg_cli("build", EXAMPLE, "-o", tmp_path / "out", "-q", "--no-html")
    (tmp_path / "out" / "graph.html").write_text(
        "<html><body><script>document.title = 'ran'</script>"
        "<img src=x onerror=\"document.title = 'ran'\"></body></html>")
    with launched() as browser, kg_server(tmp_path / "out" / "graph.ttl") as (other, _):
        page = browser.new_page()
        page.goto(url + "/")  # (this kg's explorer: its scripts draw the type filters)
        page.wait_for_selector("input[type=checkbox]", state="attached", timeout=30_000)
        page.goto(other + "/")
        page.wait_for_load_state("load")
        assert page.title() != "ran"
