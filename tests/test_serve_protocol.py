"""The query side of the SPARQL 1.1 Protocol test cases the W3C SPARQL Working Group's
protocol validator runs (kasei/sparql11-protocolvalidator, protocol_validator.cgi),
each request sent as the validator sends it (libwww-perl: no Accept header, every
query with `default-graph-uri=.../data0.rdf`) to a real `kg serve`, and judged as
the validator judges it. The update cases are sent too: a read-only endpoint must
refuse every one (the validator's negative update tests expect 4xx or 5xx).

Left out: the validator's dataset cases (query_dataset_*, query_multiple_dataset)
first load data with SPARQL Update, which a read-only endpoint refuses.
"""

from __future__ import annotations

import http.client as http_client
import json
import urllib.parse
import xml.dom.minidom

import pytest

from .serve_helpers import build_example, kg_server

DATA0 = "http://kasei.us/2009/09/sparql/data/data0.rdf"
AGENT = "SPARQL11ProtocolValidator/0.1 libwww-perl/6.68"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    graph = build_example(tmp_path_factory.mktemp("protocol"))
    with kg_server(graph) as (url, _):
        yield url.removeprefix("http://")


def send(endpoint: str, method: str, target: str, body: bytes | None = None,
         headers: dict | None = None):
    connection = http_client.HTTPConnection(endpoint, timeout=30)
    # http.client adds only Host, Accept-Encoding (skipped here) and Content-Length
    connection.putrequest(method, target, skip_accept_encoding=True)
    for key, value in {"User-Agent": AGENT, **(headers or {})}.items():
        connection.putheader(key, value)
    if body is not None:
        connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body)
    response = connection.getresponse()
    answer = response.status, response.getheader("Content-Type"), response.read()
    connection.close()
    return answer


def form(**fields) -> bytes:
    return urllib.parse.urlencode(list(fields.items())).encode()


def q(**fields) -> str:
    return urllib.parse.urlencode(list(fields.items()))


NEGATIVE = {
    "bad_query_method": ("PUT", f"/sparql?query=ASK%20%7B%7D&{q(**{'default-graph-uri': DATA0})}",
                         b"", {}),
    "bad_multiple_queries": ("GET", "/sparql?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D&"
                             + q(**{"default-graph-uri": DATA0}), None, {}),
    "bad_query_wrong_media_type": ("POST", "/sparql?" + q(**{"default-graph-uri": DATA0}),
                                   b"ASK {}", {"Content-Type": "text/plain"}),
    "bad_query_missing_form_type": ("POST", "/sparql",
                                    form(query="ASK {}", **{"default-graph-uri": DATA0}), {}),
    "bad_query_missing_direct_type": ("POST", "/sparql", b"ASK {}",
                                      {"default-graph-uri": DATA0}),
    "bad_query_non_utf8": ("POST", "/sparql?" + q(**{"default-graph-uri": DATA0}),
                           "ASK {}".encode("utf-16"),
                           {"Content-Type": "application/sparql-query; charset=UTF-16"}),
    "bad_query_syntax": ("GET", "/sparql?query=ASK%20%7B&" + q(**{"default-graph-uri": DATA0}),
                         None, {}),
    "bad_update_get": ("GET", "/sparql?update=CLEAR%20ALL&" + q(**{"using-graph-uri": DATA0}),
                       None, {}),
    "bad_multiple_updates": ("POST", "/sparql", form(update="CLEAR NAMED") + b"&" + form(
        update="CLEAR DEFAULT", **{"using-graph-uri": DATA0}), {"Content-Type": FORM}),
    "bad_update_wrong_media_type": ("POST", "/sparql?" + q(**{"using-graph-uri": DATA0}),
                                    b"CLEAR NAMED", {"Content-Type": "text/plain"}),
    "bad_update_missing_form_type": ("POST", "/sparql",
                                     form(update="CLEAR NAMED", **{"using-graph-uri": DATA0}), {}),
    "bad_update_non_utf8": ("POST", "/sparql?" + q(**{"using-graph-uri": DATA0}),
                            "CLEAR NAMED".encode("utf-16"),
                            {"Content-Type": "application/sparql-update; charset=UTF-16"}),
    "bad_update_syntax": ("POST", "/sparql", form(update="CLEAR XYZ",
                                                  **{"using-graph-uri": DATA0}),
                          {"Content-Type": FORM}),
    "bad_update_dataset_conflict": ("POST", "/sparql", form(**{
        "using-named-graph-uri": "http://example/people",
        "update": "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\n"
                  "DELETE { ?person foaf:givenName 'Bill' }\nINSERT { ?person foaf:givenName "
                  "'William' }\nWHERE {\n\t?person foaf:givenName 'Bill'\n}\n"}),
        {"Content-Type": FORM}),
    # the positive update cases, which a read-only endpoint refuses
    "update_post_form": ("POST", "/sparql", form(update="CLEAR ALL"), {"Content-Type": FORM}),
    "update_post_direct": ("POST", "/sparql", b"CLEAR ALL",
                           {"Content-Type": "application/sparql-update"}),
}


@pytest.mark.parametrize("case", sorted(NEGATIVE))
def test_negative(endpoint, case):
    method, target, body, headers = NEGATIVE[case]
    status, _, _ = send(endpoint, method, target, body, headers)
    assert 400 <= status < 600  # what the validator checks
    # and what kg answers, exactly
    expected = {"bad_query_method": 405, "bad_multiple_queries": 400,
                "bad_query_wrong_media_type": 415, "bad_query_missing_form_type": 415,
                "bad_query_missing_direct_type": 415, "bad_query_non_utf8": 415,
                "bad_query_syntax": 400, "bad_update_wrong_media_type": 415,
                "bad_update_missing_form_type": 415, "bad_update_non_utf8": 415}
    assert status == expected.get(case, 403)


def boolean(content_type: str, body: bytes) -> bool:
    if "xml" in content_type:
        [node] = xml.dom.minidom.parseString(body).getElementsByTagName("boolean")
        return node.firstChild.data == "true"
    return json.loads(body)["boolean"]


SRX, SRJ = "application/sparql-results+xml", "application/sparql-results+json"
POSITIVE_ASK = {
    "query_get": ("GET", "/sparql?query=ASK%20%7B%7D&" + q(**{"default-graph-uri": DATA0}),
                  None, {}),
    "query_post_form": ("POST", "/sparql", form(query="ASK {}", **{"default-graph-uri": DATA0}),
                        {"Content-Type": FORM}),
    "query_post_direct": ("POST", "/sparql?" + q(**{"default-graph-uri": DATA0}), b"ASK {}",
                          {"Content-Type": "application/sparql-query"}),
}


@pytest.mark.parametrize("case", sorted(POSITIVE_ASK))
def test_query(endpoint, case):
    status, content_type, body = send(endpoint, *POSITIVE_ASK[case])
    assert status == 200
    assert content_type in (SRX, SRJ)  # compared exactly, as the validator does
    assert boolean(content_type, body) is True


def content_type_case(query: str):
    return ("POST", "/sparql", form(query=query, **{"default-graph-uri": DATA0}),
            {"Content-Type": FORM})


def test_query_content_type_select(endpoint):
    status, content_type, body = send(endpoint, *content_type_case("SELECT (1 AS ?value) {}"))
    assert status == 200 and content_type.split(";")[0] in (SRX, SRJ, "text/csv",
                                                            "text/tab-separated-values")
    assert json.loads(body)["results"]["bindings"][0]["value"]["value"] == "1"


def test_query_content_type_ask(endpoint):
    status, content_type, body = send(endpoint, *content_type_case("ASK {}"))
    assert status == 200 and content_type in (SRX, SRJ) and boolean(content_type, body)


@pytest.mark.parametrize("case, query", [
    ("query_content_type_describe", "DESCRIBE <http://example.org/>"),
    ("query_content_type_construct", "CONSTRUCT { <s> <p> 1 } WHERE {}"),
])
def test_query_content_type_rdf(endpoint, case, query):
    import re

    import rdflib

    status, content_type, body = send(endpoint, *content_type_case(query))
    assert status == 200
    assert re.match(r"^((application/rdf[+](xml|json))|(text/turtle))", content_type)
    graph = rdflib.Graph().parse(data=body, format="turtle")
    if case == "query_content_type_construct":  # relative IRIs against the service's base
        base = f"http://{endpoint}/"
        assert set(graph) == {(rdflib.URIRef(base + "s"), rdflib.URIRef(base + "p"),
                               rdflib.Literal(1))}
    else:
        assert len(graph) == 0
