"""Real SPARQL clients with their defaults against a real `kg serve` (issue 17, items
1 and 3): SPARQLWrapper with its default and each explicit return format for SELECT,
ASK, CONSTRUCT and DESCRIBE; rdflib's SPARQLStore; the format names and Accept
headers YASGUI, Fuseki/Jena users and curl send; the Service Description; HEAD on
every route; the default port."""

from __future__ import annotations

import errno
import re
import socket
import subprocess
import threading
import urllib.parse
import warnings

import pytest
import rdflib
from SPARQLWrapper import (CSV, JSON, JSONLD, N3, POST, RDF, RDFXML, TSV, TURTLE, XML,
                           SPARQLWrapper)

from .conftest import REPO
from .serve_helpers import build_example, http, kg_server

ID = "https://w3id.org/hskg/id/"
TWIN = rdflib.URIRef(ID + "technology/digital_twin")
SELECT = "SELECT ?label WHERE { ?t a kg:Technology ; rdfs:label ?label } ORDER BY ?label"
LABELS = ["Conversational AI", "Digital Twins", "Generative Artificial Intelligence (Gen AI)",
          "Hyper-Personalization", "Image Creation Tools", "Text-to-Video AI Models"]
ASK = "ASK { ?a kg:mentionsTechnology ?t }"
CONSTRUCT = "CONSTRUCT { ?t rdfs:label ?l } WHERE { ?t a kg:Technology ; rdfs:label ?l }"
DESCRIBE = f"DESCRIBE <{TWIN}>"
TWIN_TRIPLES = {  # DESCRIBE: the node's own triples
    (TWIN, rdflib.RDF.type, rdflib.URIRef("https://w3id.org/hskg/ontology#Technology")),
    (TWIN, rdflib.RDFS.label, rdflib.Literal("Digital Twins")),
    (TWIN, rdflib.SKOS.prefLabel, rdflib.Literal("Digital Twins")),
    (TWIN, rdflib.SKOS.hiddenLabel, rdflib.Literal("digital twin")),
}


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    graph = build_example(tmp_path_factory.mktemp("clients"))
    with kg_server(graph) as (url, _):
        yield url


def wrapper(endpoint: str, query: str, fmt=None, method=None) -> SPARQLWrapper:
    sparql = SPARQLWrapper(endpoint + "/sparql")
    sparql.setQuery("PREFIX kg: <https://w3id.org/hskg/ontology#>\n"
                    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + query)
    if fmt is not None:
        sparql.setReturnFormat(fmt)
    if method is not None:
        sparql.setMethod(method)
    return sparql


def converted(sparql: SPARQLWrapper):
    """The converted result; fails on SPARQLWrapper's warning that the endpoint answered
    in a format other than the one asked for."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = sparql.query()
        value = result.convert()
    mismatches = [str(w.message) for w in caught if "Format requested was" in str(w.message)]
    assert not mismatches, mismatches
    return result.response.headers["Content-Type"], value


def graph_of(value, media: str) -> rdflib.Graph:
    if isinstance(value, rdflib.Graph):
        return value
    return rdflib.Graph().parse(data=value, format="turtle" if "turtle" in media else "nt")


@pytest.mark.parametrize("method", [None, POST])
@pytest.mark.parametrize("fmt, media", [(None, "application/sparql-results+xml"),
                                        (XML, "application/sparql-results+xml"),
                                        (JSON, "application/sparql-results+json"),
                                        (CSV, "text/csv"), (TSV, "text/tab-separated-values")])
def test_sparqlwrapper_select(endpoint, fmt, media, method):
    content_type, value = converted(wrapper(endpoint, SELECT, fmt, method))
    assert content_type.split(";")[0] == media
    if media.endswith("xml"):
        labels = [n.firstChild.data for n in value.getElementsByTagName("literal")]
    elif media.endswith("json"):
        labels = [b["label"]["value"] for b in value["results"]["bindings"]]
    else:
        labels = [line.strip('"') for line in value.decode().splitlines()[1:]]
    assert labels == LABELS


@pytest.mark.parametrize("fmt, media", [(None, "application/sparql-results+xml"),
                                        (XML, "application/sparql-results+xml"),
                                        (JSON, "application/sparql-results+json")])
def test_sparqlwrapper_ask(endpoint, fmt, media):
    content_type, value = converted(wrapper(endpoint, ASK, fmt))
    assert content_type == media
    if media.endswith("xml"):
        assert value.getElementsByTagName("boolean")[0].firstChild.data == "true"
    else:
        assert value["boolean"] is True


GRAPH_FORMATS = [(None, "application/rdf+xml"), (XML, "application/rdf+xml"),
                 (RDFXML, "application/rdf+xml"), (RDF, "application/rdf+xml"),
                 (TURTLE, "text/turtle"), (N3, "text/turtle"), (JSONLD, "application/ld+json")]


@pytest.mark.parametrize("fmt, media", GRAPH_FORMATS)
def test_sparqlwrapper_construct(endpoint, fmt, media):
    content_type, value = converted(wrapper(endpoint, CONSTRUCT, fmt))
    assert content_type.split(";")[0] == media
    graph = graph_of(value, media)
    assert len(graph) == 6
    assert (TWIN, rdflib.RDFS.label, rdflib.Literal("Digital Twins")) in graph


@pytest.mark.parametrize("fmt, media", GRAPH_FORMATS)
def test_sparqlwrapper_describe(endpoint, fmt, media):
    content_type, value = converted(wrapper(endpoint, DESCRIBE, fmt, POST))
    assert content_type.split(";")[0] == media
    assert set(graph_of(value, media)) == TWIN_TRIPLES


def test_rdflib_sparqlstore(endpoint):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(endpoint + "/sparql")
    graph = rdflib.Graph(store)  # rdflib's defaults: GET, XML results
    prefixes = {"kg": rdflib.Namespace("https://w3id.org/hskg/ontology#"), "rdfs": rdflib.RDFS}
    select = graph.query(SELECT, initNs=prefixes)
    assert [str(row.label) for row in select] == LABELS
    assert graph.query(ASK, initNs=prefixes).askAnswer is True
    construct = graph.query(CONSTRUCT, initNs=prefixes).graph
    assert len(construct) == 6
    assert set(graph.query(DESCRIBE).graph) == TWIN_TRIPLES
    assert set(graph.triples((TWIN, None, None))) == TWIN_TRIPLES
    assert len(store) == 643


@pytest.mark.parametrize("query, name, media", [
    (CONSTRUCT, "json-ld", "application/ld+json"), (CONSTRUCT, "jsonld", "application/ld+json"),
    (CONSTRUCT, "json", "application/ld+json"), (CONSTRUCT, "n3", "text/turtle"),
    (CONSTRUCT, "turtle", "text/turtle"), (CONSTRUCT, "ttl", "text/turtle"),
    (CONSTRUCT, "nt", "application/n-triples"), (CONSTRUCT, "ntriples", "application/n-triples"),
    (CONSTRUCT, "rdf+xml", "application/rdf+xml"), (CONSTRUCT, "xml", "application/rdf+xml"),
    (CONSTRUCT, "rdfxml", "application/rdf+xml"), (CONSTRUCT, "text/turtle", "text/turtle"),
    (SELECT, "json", "application/sparql-results+json"),
    (SELECT, "srj", "application/sparql-results+json"),
    (SELECT, "xml", "application/sparql-results+xml"), (SELECT, "csv", "text/csv"),
    (SELECT, "tsv", "text/tab-separated-values"),
    (SELECT, "text/tab-separated-values", "text/tab-separated-values"),
    # a name that fits no format of the answer falls back to the Accept header
    (SELECT, "text", "application/sparql-results+json"),
    (SELECT, "turtle", "application/sparql-results+json"),
])
@pytest.mark.parametrize("parameter", ["format", "output", "results"])
def test_format_names(endpoint, query, name, media, parameter):
    url = f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": query, parameter: name})
    status, content_type, body = http(url, headers={"Accept": "*/*"})
    assert status == 200 and content_type.split(";")[0] == media, body[:200]


def test_curl_format_json_ld(endpoint):
    from .conftest import require_tool

    curl = require_tool("curl")
    url = f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": CONSTRUCT,
                                                          "format": "json-ld"})
    data = subprocess.run([curl, "-sf", url], capture_output=True, check=True).stdout
    assert len(rdflib.Graph().parse(data=data, format="json-ld")) == 6


# The Accept headers YASGUI (@triply/yasqe) sends by default, and a browser's
@pytest.mark.parametrize("query, accept, media", [
    (SELECT, "application/sparql-results+json,*/*;q=0.9", "application/sparql-results+json"),
    (CONSTRUCT, "text/turtle,*/*;q=0.9", "text/turtle"),
    (ASK, "application/sparql-results+json,*/*;q=0.9", "application/sparql-results+json"),
    (CONSTRUCT, "application/sparql-results+json,*/*;q=0.9", "text/turtle"),
    (SELECT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
     "application/xml"),
    (CONSTRUCT, "application/json", "application/json"),
    (SELECT, "application/json", "application/json"),
])
def test_accept_headers(endpoint, query, accept, media):
    data = urllib.parse.urlencode({"query": query}).encode()
    status, content_type, _ = http(endpoint + "/sparql", data, {
        "Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and content_type.split(";")[0] == media


def test_service_description(endpoint):
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    for accept, fmt in (("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                        ("application/rdf+xml", "xml"), ("*/*", "turtle"), (None, "turtle")):
        status, content_type, body = http(endpoint + "/sparql",
                                          headers={"Accept": accept} if accept else {})
        assert status == 200, accept
        graph = rdflib.Graph().parse(data=body, format=fmt)
        [service] = graph.subjects(rdflib.RDF.type, sd.Service)
        assert graph.value(service, sd.endpoint) == rdflib.URIRef(endpoint + "/sparql")
        assert graph.value(service, sd.supportedLanguage) == sd.SPARQL11Query
        formats = {str(o) for o in graph.objects(service, sd.resultFormat)}
        assert {"http://www.w3.org/ns/formats/SPARQL_Results_JSON",
                "http://www.w3.org/ns/formats/Turtle",
                "http://www.w3.org/ns/formats/JSON-LD"} <= formats
        triples = graph.value(graph.value(graph.value(service, sd.defaultDataset),
                                          sd.defaultGraph),
                              rdflib.URIRef("http://rdfs.org/ns/void#triples"))
        assert triples.toPython() == 643
        # the default dataset is the graph's own dataset node, which gives its endpoint
        dataset = graph.value(service, sd.defaultDataset)
        assert str(dataset).endswith("/dataset") and graph.value(
            dataset, rdflib.URIRef("http://rdfs.org/ns/void#sparqlEndpoint")) == \
            rdflib.URIRef(endpoint + "/sparql")
    status, content_type, body = http(endpoint + "/sparql", headers={
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert status == 200 and content_type.startswith("text/html") and b"<textarea" in body


@pytest.mark.parametrize("path", ["/", "/query", "/sparql", "/sparql?query=ASK%7B%7D",
                                  "/id/technology/digital_twin", "/id/nothing/here", "/nowhere"])
def test_head_on_every_route(endpoint, path):
    get = http(endpoint + path)
    head_status, head_type, head_body = http(endpoint + path, method="HEAD")
    assert (head_status, head_type, head_body) == (get[0], get[1], b"")


def test_methods_other_than_get_head_post_are_405(endpoint):
    for method, path in (("PUT", "/sparql"), ("DELETE", "/sparql"), ("PATCH", "/sparql"),
                         ("POST", "/id/technology/digital_twin"), ("DELETE", "/")):
        status, _, _ = http(endpoint + path, b"", method=method)
        assert status == 405, (method, path)


def test_default_port_is_not_oxigraphs():
    from click.testing import CliRunner

    from kg.cli import main
    from kg.serve import DEFAULT_PORT

    assert DEFAULT_PORT == 8484
    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    assert re.search(r"--port INTEGER\s+\[default: 8484\]", help_text)
    readme = (REPO / "README.md").read_text()
    assert "kg serve" in readme and ":7878/sparql" not in readme


def test_python_client_in_notebooks_runs_the_server_in_a_thread(tmp_path):
    from kg.serve import make_server, serve_in_thread

    graph = build_example(tmp_path)
    server = make_server(graph, port=0, workers=1)
    serve_in_thread(server)
    try:
        url = f"http://127.0.0.1:{server.port}/sparql?" + urllib.parse.urlencode(
            {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "format": "csv"})
        assert http(url)[2] == b"n\r\n643\r\n"
    finally:
        server.shutdown()


def test_shutdown_from_another_thread_stops_the_serving_loop_first(tmp_path):
    """The serving loop closes its own sockets: closed from another thread, they were
    closed under a select() that then failed with EBADF in the serving thread."""
    from kg.serve import make_server, serve_in_thread

    graph = build_example(tmp_path)
    failures = []
    hook, threading.excepthook = threading.excepthook, failures.append
    try:
        for _ in range(10):  # (the loop was still in select() after one in five)
            server = make_server(graph, port=0, workers=1)
            thread = serve_in_thread(server)
            url = f"http://127.0.0.1:{server.port}/sparql?" + urllib.parse.urlencode(
                {"query": "ASK { ?s ?p ?o }", "format": "csv"})
            assert http(url)[0] == 200
            server.shutdown()
            assert not thread.is_alive()  # returned once serving has stopped
    finally:
        threading.excepthook = hook
    assert failures == []


def test_shutdown_stops_the_loop_even_when_its_wakeup_pipe_is_gone(tmp_path):
    """A CI run saw waitress' trigger pipe closed before shutdown() pulled it (EBADF in
    shutdown, the loop left running): the loop now ends at its next turn, woken or not."""
    from kg.serve import make_server, serve_in_thread

    server = make_server(build_example(tmp_path), port=0, workers=1)
    thread = serve_in_thread(server)
    url = f"http://127.0.0.1:{server.port}/sparql?" + urllib.parse.urlencode(
        {"query": "ASK { ?s ?p ?o }", "format": "csv"})
    assert http(url)[0] == 200

    def broken_pipe():
        raise OSError(errno.EBADF, "Bad file descriptor")
    server._server.trigger._physical_pull = broken_pipe  # (the fault as CI saw it)
    server.shutdown()
    thread.join(5)
    assert not thread.is_alive()
    with pytest.raises(ConnectionRefusedError):  # (its socket closed)
        socket.create_connection(("127.0.0.1", server.port), timeout=2)
