"""`kg serve`, started as a real process on loopback and queried with SPARQLWrapper
(a SPARQL 1.1 Protocol client we did not write) and plain HTTP."""

from __future__ import annotations

import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

from kg.cli import main

from .conftest import EXAMPLE, free_port, start_server, stop_server

ID = "https://w3id.org/hskg/id/"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    out = tmp_path_factory.mktemp("serve")
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    port = free_port()
    process = start_server([sys.executable, "-m", "kg.cli", "serve", str(out / "graph.ttl"),
                            "--port", str(port), "--timeout", "2", "--max-result-mb", "0.05"],
                           port, "/sparql?query=ASK%7B%7D")
    yield f"http://127.0.0.1:{port}"
    stop_server(process)


def client(endpoint: str, query: str, fmt=JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(endpoint + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def http(url: str, data: bytes | None = None, headers: dict | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type"), err.read()


def test_select_json(endpoint):
    result = client(endpoint, "SELECT ?label WHERE { ?t a kg:Technology ; rdfs:label ?label } "
                              "ORDER BY ?label").query().convert()
    assert result["head"]["vars"] == ["label"]
    assert [b["label"]["value"] for b in result["results"]["bindings"]] == [
        "Conversational AI", "Digital Twins", "Generative Artificial Intelligence (Gen AI)",
        "Hyper-Personalization", "Image Creation Tools", "Text-to-Video AI Models"]


def test_select_xml_with_post(endpoint):
    sparql = client(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", XML)
    sparql.setMethod(POST)
    document = sparql.query().convert()  # an xml.dom.minidom Document
    [literal] = document.getElementsByTagName("literal")
    assert literal.firstChild.data == "643"


def test_select_csv(endpoint):
    text = client(endpoint, "SELECT ?c WHERE { ?c a kg:Category }", CSV).query().convert()
    assert text.decode().splitlines() == ["c", ID + "category/technology"]


def test_csv_and_tsv_values_never_run_as_spreadsheet_formulas(endpoint):
    """An attack: names starting with = + - @ came out of /sparql text/csv as written."""
    query = 'SELECT ?x ?n WHERE { VALUES (?x ?n) { ("=HYPERLINK(1)" -2) ("@SUM(1)" 3) } }'
    text = client(endpoint, query, CSV).query().convert().decode()
    assert text.splitlines() == ["x,n", "'=HYPERLINK(1),-2", "'@SUM(1),3"]
    tsv = urllib.request.urlopen(urllib.request.Request(
        endpoint + "/sparql?query=" + urllib.parse.quote(query),
        headers={"Accept": "text/tab-separated-values"})).read().decode()
    assert tsv.splitlines()[1:] == ['"\'=HYPERLINK(1)"\t-2', '"\'@SUM(1)"\t3']


def test_queries_from_another_sites_pages_are_refused(endpoint):
    """An attack: any web page made the analyst's browser run queries (no-cors POSTs)."""
    url = endpoint + "/sparql?query=" + urllib.parse.quote("ASK {}")
    for site, status in (("cross-site", 403), ("same-origin", 200), ("none", 200)):
        request = urllib.request.Request(url, headers={"Sec-Fetch-Site": site,
                                                       "Origin": "https://evil.example"})
        try:
            assert urllib.request.urlopen(request).status == status
        except urllib.error.HTTPError as refused:
            assert refused.code == status == 403
            assert b"another site" in refused.read()
    # a Linked Data page may still be opened from a link on another site
    page = urllib.request.Request(endpoint + "/id/category/technology",
                                  headers={"Sec-Fetch-Site": "cross-site", "Accept": "text/html"})
    assert urllib.request.urlopen(page).status == 200


def test_ask(endpoint):
    assert client(endpoint, "ASK { ?a kg:mentionsTechnology ?t }").query().convert()["boolean"]
    assert not client(endpoint, "ASK { ?a a kg:Nothing }").query().convert()["boolean"]


def test_construct_turtle(endpoint):
    import rdflib

    query = ("CONSTRUCT { ?t rdfs:label ?l } WHERE { ?t a kg:Technology ; rdfs:label ?l }")
    data = client(endpoint, query, TURTLE).query().convert()
    graph = rdflib.Graph().parse(data=data, format="turtle")
    assert len(graph) == 6
    assert (rdflib.URIRef(ID + "technology/digital_twin"), rdflib.RDFS.label,
            rdflib.Literal("Digital Twins")) in graph


@pytest.mark.parametrize("accept, prefix", [
    ("application/n-triples", b"<https://w3id.org/hskg/id/"),
    ("application/ld+json", b"[{"),
])
def test_construct_other_formats(endpoint, accept, prefix):
    query = urllib.parse.urlencode({"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s a kg:Category ; ?p ?o }"})
    status, media, body = http(f"{endpoint}/sparql?{query}", headers={"Accept": accept})
    assert status == 200 and media.startswith(accept) and body.startswith(prefix)
    if accept == "application/ld+json":
        assert {item["@id"] for item in json.loads(body)} == {ID + "category/technology"}


def test_update_is_refused(endpoint):
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    sparql = SPARQLWrapper(endpoint + "/sparql", updateEndpoint=endpoint + "/sparql")
    sparql.setMethod(POST)
    sparql.setQuery("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as caught:
        sparql.query()
    assert "403" in str(caught.value) or getattr(caught.value, "code", None) == 403
    status, _, body = http(endpoint + "/sparql", b"DELETE WHERE { ?s ?p ?o }",
                           {"Content-Type": "application/sparql-update"})
    assert status == 403 and b"read-only" in body
    # An update sent as a query is not a query: a syntax error, and nothing deleted.
    status, _, _ = http(endpoint + "/sparql", b"DELETE WHERE { ?s ?p ?o }",
                        {"Content-Type": "application/sparql-query"})
    assert status == 400
    count = client(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").query().convert()
    assert count["results"]["bindings"][0]["n"]["value"] == "643"


def test_slow_query_is_stopped_and_the_server_goes_on(endpoint):
    answers = {}

    def slow():
        start = time.monotonic()
        answers["slow"] = http(endpoint + "/sparql", SLOW.encode(),
                               {"Content-Type": "application/sparql-query"})
        answers["slow_seconds"] = time.monotonic() - start

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.3)
    start = time.monotonic()
    fast = client(endpoint, "ASK { ?s ?p ?o }").query().convert()
    assert fast["boolean"] is True and time.monotonic() - start < 2  # the other worker answers
    thread.join()
    status, _, body = answers["slow"]
    assert status == 503 and b"limit of 2 s" in body
    assert 1.9 < answers["slow_seconds"] < 10
    again = client(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").query().convert()
    assert again["results"]["bindings"][0]["n"]["value"] == "643"


def test_result_size_limit_refuses_rather_than_truncates(endpoint):
    status, _, body = http(endpoint + "/sparql", b"SELECT * WHERE { ?s ?p ?o }",
                           {"Content-Type": "application/sparql-query"})
    assert status == 413 and b"larger than the limit of 50,000 bytes" in body


def test_bad_requests(endpoint):
    assert http(endpoint + "/sparql", b"", {"Content-Type": "application/sparql-query"})[0] == 400
    assert http(endpoint + "/sparql?query=SELEKT")[0] == 400
    assert http(endpoint + "/sparql?query=ASK%7B%7D", headers={"Accept": "image/png"})[0] == 406
    assert http(endpoint + "/nothing")[0] == 404
    assert http(endpoint + "/sparql", b"x", {"Content-Type": "image/png"})[0] == 415


def test_pages(endpoint):
    status, media, body = http(endpoint + "/")
    assert status == 200 and media.startswith("text/html") and b'id="kg-data"' in body
    status, media, body = http(endpoint + "/query")
    assert status == 200 and b"/sparql" in body
