"""Exports of a hostile graph, each read back by independent parsers.

A real summary with characters no format carries as they are (C0 controls, which
XML 1.0 forbids; U+FFFF and other noncharacters, which raptor refuses; bytes of an
encoded surrogate) goes through `kg build` and `kg export` in every format, and
each file is read by parsers that are not kg's: raptor's `rapper`, serd's `serdi`,
rdflib, pyoxigraph, pyld, networkx's GraphML and GEXF readers, Python's XML and
CSV parsers. What each reads must be exactly the graph's triples, with only the
characters the format cannot hold replaced by U+FFFD.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.rdf import Literal, to_oxigraph
from kg.store import triples_from_file

from .conftest import EXAMPLE, kg_cli, require_tool

GOOD = (EXAMPLE / "coca-cola-generative-ai.md").read_text(encoding="utf-8")

# Each injection: (text in the example, text put in its place).
INJECTED = [
    ("* Coca-Cola\n", "* Coca\x01Cola\n"),  # a C0 control in a keyword
    ("* marketing\n", "* market\uffffing\n"),  # U+FFFF
    ("* corporate strategy\n", "* corporate\ufdd0strategy \U0010ffff\n"),  # noncharacters
    ("| Digital Twins   ", "| Digital\x1fTwins   "),  # a control in a technology's name
    ("Virtual replicas", "Virtual\x08 replicas\x7f"),  # in a mention's description
]


def hostile_document() -> bytes:
    text = GOOD
    for old, new in INJECTED:
        assert old in text, old
        text = text.replace(old, new, 1)
    # The UTF-8 bytes of a lone surrogate (U+D800) in a keyword: not UTF-8 at all.
    return text.replace("* OpenAI\n", "* Open\x00SURROGATE\n").encode("utf-8").replace(
        b"\x00SURROGATE", b"\xed\xa0\x80AI")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    src = tmp_path_factory.mktemp("hostile-src")
    (src / "hostile.md").write_bytes(hostile_document())
    out = tmp_path_factory.mktemp("hostile-out")
    kg_cli("build", src, "-o", out, "--no-html", "-q")
    graph = out / "graph.ttl"
    labels = {o.value for _, _, o in triples_from_file(graph) if o.__class__ is Literal}
    # The characters did reach the graph (else this test would prove nothing).
    for needed in ("Coca\x01Cola", "market\uffffing", "corporate\ufdd0strategy \U0010ffff",
                   "Digital\x1fTwins"):
        assert needed in labels, needed
    assert any("Virtual\x08 replicas\x7f" in label for label in labels)
    return graph


def not_a_character(code: int) -> bool:
    return 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def cleaned(text: str, xml: bool) -> str:
    """The text as an export must carry it: what is not a character, and in XML what
    XML 1.0 forbids, replaced by U+FFFD (written here apart from kg's own code)."""
    return "".join("\ufffd" if not_a_character(ord(c)) or (xml and ord(c) < 0x20
                                                            and c not in "\t\n\r") else c
                   for c in text)


def expected_triples(graph, xml: bool) -> set[str]:
    out = set()
    for s, p, o in triples_from_file(graph):
        if o.__class__ is Literal:
            o = Literal(cleaned(o.value, xml), o.datatype)
        out.add(str(to_oxigraph((s, p, o))))
    return out


def from_ntriples(data: bytes, quads: bool = False) -> set[str]:
    fmt = ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES
    return {str(ox.Triple(q.subject, q.predicate, q.object))
            for q in ox.parse(io.BytesIO(data), format=fmt)}


def export(graph, fmt: str, folder) -> str:
    path = folder / f"g.{fmt}"
    kg_cli("export", graph, "--format", fmt, "-o", path)
    return path


RAPPER_SYNTAX = {"nt": "ntriples", "ttl": "turtle", "nq": "nquads", "trig": "trig",
                 "rdfxml": "rdfxml"}
SERDI_SYNTAX = {"nt": "ntriples", "ttl": "turtle", "nq": "nquads", "trig": "trig"}
RDFLIB_SYNTAX = {"nt": "nt", "ttl": "turtle", "nq": "nquads", "trig": "trig",
                 "rdfxml": "xml", "jsonld": "json-ld"}
OXIGRAPH_SYNTAX = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE,
                   "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
                   "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD}
XML_FORMATS = {"rdfxml", "graphml", "gexf"}


@pytest.mark.external
@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_rapper_reads_hostile_exports(hostile, tmp_path, fmt):
    path = export(hostile, fmt, tmp_path)
    done = subprocess.run([require_tool("rapper"), "-q", "-i", RAPPER_SYNTAX[fmt], "-o",
                           "nquads", path.as_uri()], capture_output=True, timeout=120)
    assert done.returncode == 0 and not done.stderr, done.stderr.decode()[-2000:]
    assert from_ntriples(done.stdout, quads=True) == expected_triples(hostile, fmt in XML_FORMATS)


@pytest.mark.external
@pytest.mark.parametrize("fmt", sorted(SERDI_SYNTAX))
def test_serdi_reads_hostile_exports(hostile, tmp_path, fmt):
    path = export(hostile, fmt, tmp_path)
    done = subprocess.run([require_tool("serdi"), "-i", SERDI_SYNTAX[fmt], "-o", "nquads",
                           str(path)], capture_output=True, timeout=120)
    assert done.returncode == 0 and not done.stderr, done.stderr.decode()[-2000:]
    assert from_ntriples(done.stdout, quads=True) == expected_triples(hostile, False)


def rdflib_triples(graph) -> set[str]:
    import rdflib

    out = set()
    for s, p, o in graph:
        if isinstance(o, rdflib.Literal):
            obj = ox.Literal(str(o), datatype=ox.NamedNode(str(o.datatype or
                                                               "http://www.w3.org/2001/XMLSchema#string")))
        else:
            obj = ox.NamedNode(str(o))
        out.add(str(ox.Triple(ox.NamedNode(str(s)), ox.NamedNode(str(p)), obj)))
    return out


@pytest.mark.parametrize("fmt", sorted(RDFLIB_SYNTAX))
def test_rdflib_reads_hostile_exports(hostile, tmp_path, fmt):
    import rdflib

    path = export(hostile, fmt, tmp_path)
    if fmt in ("nq", "trig"):
        dataset = rdflib.Dataset()
        dataset.parse(path, format=RDFLIB_SYNTAX[fmt])
        parsed = {(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))}
    else:
        parsed = set(rdflib.Graph().parse(path, format=RDFLIB_SYNTAX[fmt]))
    assert rdflib_triples(parsed) == expected_triples(hostile, fmt in XML_FORMATS)


@pytest.mark.parametrize("fmt", sorted(OXIGRAPH_SYNTAX))
def test_pyoxigraph_reads_hostile_exports(hostile, tmp_path, fmt):
    path = export(hostile, fmt, tmp_path)
    parsed = {str(ox.Triple(q.subject, q.predicate, q.object))
              for q in ox.parse(path=str(path), format=OXIGRAPH_SYNTAX[fmt])}
    assert parsed == expected_triples(hostile, fmt in XML_FORMATS)


def test_pyld_reads_the_hostile_jsonld_export(hostile, tmp_path):
    from pyld import jsonld

    document = json.loads(export(hostile, "jsonld", tmp_path).read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    assert from_ntriples(nquads.encode("utf-8"), quads=True) == expected_triples(hostile, False)


def test_an_iri_whose_scheme_is_a_prefix_keeps_its_meaning_in_jsonld(tmp_path):
    """attack 118 (F7): `<keyword:pwned>` in a graph from elsewhere was written as is,
    which JSON-LD reads as the compact IRI of kg's keyword: prefix (another node). The
    graph's own prefix is now left out of that document; a published one (skos:) cannot
    be, and the export says so."""
    from click.testing import CliRunner
    from pyld import jsonld

    from kg.cli import main

    kg_cli("build", EXAMPLE, "-o", tmp_path / "out", "--no-html", "-q")
    turtle = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    for scheme in ("keyword", "skos"):
        crafted = tmp_path / f"{scheme}.ttl"
        crafted.write_text(turtle + f"<http://example.org/a> schema:url <{scheme}:pwned> .\n",
                           encoding="utf-8")
        result = CliRunner().invoke(main, ["export", str(crafted), "-o",
                                           str(tmp_path / f"{scheme}.jsonld")])
        if scheme == "skos":
            assert result.exit_code == 1 and result.output == (
                "Error: the IRI <skos:pwned> cannot be written in JSON-LD with kg's context: "
                "it would be read as the compact IRI of the prefix skos: (export another "
                "format)\n")
            continue
        document = json.loads((tmp_path / "keyword.jsonld").read_text(encoding="utf-8"))
        nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
        assert from_ntriples(nquads.encode("utf-8"), quads=True) == \
            expected_triples(crafted, False)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "rdfxml"])
def test_xml_exports_are_well_formed(hostile, tmp_path, fmt):
    ET.parse(export(hostile, fmt, tmp_path))  # raises on anything not well-formed


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_networkx_reads_hostile_network_exports(hostile, tmp_path, fmt, reader):
    from kg.graph import open_graph

    path = tmp_path / f"g.{fmt}"
    message = kg_cli("export", hostile, "-o", path).stderr
    theirs = reader(path)
    ours = open_graph(hostile).to_networkx()
    changed = sum(1 for _, _, o in triples_from_file(hostile)
                  if o.__class__ is Literal and cleaned(o.value, xml=True) != o.value)
    assert message == (f"wrote {path} ({ours.number_of_nodes()} nodes, {ours.number_of_edges()} "
                       f"edges; {changed} texts had characters XML cannot hold, written as "
                       "U+FFFD)\n")
    assert theirs.number_of_nodes() == ours.number_of_nodes()
    assert theirs.number_of_edges() == ours.number_of_edges()
    assert {n: d["label"] for n, d in theirs.nodes(data=True)} == {
        n: cleaned(d["label"], xml=True) for n, d in ours.nodes(data=True)}
    assert "Coca\ufffdCola" in {d["label"] for _, d in theirs.nodes(data=True)}


def test_csv_export_reads_back_as_the_network(hostile, tmp_path):
    from kg.graph import open_graph

    result = kg_cli("export", hostile, "--format", "csv", "-o", tmp_path / "gephi")
    ours = open_graph(hostile).to_networkx()
    assert result.stderr == (f"wrote {tmp_path}/gephi/nodes.csv and {tmp_path}/gephi/edges.csv "
                             f"({ours.number_of_nodes()} nodes, {ours.number_of_edges()} edges; "
                             "4 texts had noncharacters or lone surrogates, written as U+FFFD)\n")
    with open(tmp_path / "gephi" / "nodes.csv", encoding="utf-8", newline="") as handle:
        nodes = list(csv.DictReader(handle))
    with open(tmp_path / "gephi" / "edges.csv", encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert list(nodes[0]) == ["id", "label", "type", "articles", "date", "url"]
    assert list(edges[0]) == ["source", "target", "type", "label", "weight"]
    assert {n["id"]: (n["label"], n["type"]) for n in nodes} == {
        n: (cleaned(d["label"], xml=False), d["type"]) for n, d in ours.nodes(data=True)}
    assert sorted((e["source"], e["target"], e["label"]) for e in edges) == sorted(
        (s, t, r) for s, t, r in ours.edges(data="relation"))
    assert {e["type"] for e in edges} == {"Directed"}
    article = next(n for n in nodes if n["type"] == "Article")
    assert (article["date"], article["url"], article["articles"]) == (
        "2025-03-23", "https://www.marketingdive.com/news/what-coca-cola-learned-generative-ai/741709/", "")
    keyword = next(n for n in nodes if n["label"] == "Coca\x01Cola")
    assert keyword["articles"] == "1"
    # -o FOLDER/nodes.csv means the folder; any other .csv name, or stdout, is refused.
    kg_cli("export", hostile, "-o", tmp_path / "second" / "nodes.csv")
    assert sorted(p.name for p in (tmp_path / "second").iterdir()) == ["edges.csv", "nodes.csv"]
    from click.testing import CliRunner
    from kg.cli import main

    for args in (["-o", str(tmp_path / "x.csv")], ["--format", "csv"], ["--format", "csv", "-o", "-"]):
        refused = CliRunner().invoke(main, ["export", str(hostile), *args])
        assert refused.exit_code == 1
        assert refused.output == ("Error: csv writes nodes.csv and edges.csv: give -o FOLDER "
                                  "(or -o FOLDER/nodes.csv)\n")


def test_csv_labels_that_start_a_formula_are_text(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "f.md").write_text(GOOD.replace("* Coca-Cola\n", "* =HYPERLINK(\"http://x\")\n", 1),
                              encoding="utf-8")
    kg_cli("build", src, "-o", tmp_path / "out", "--no-html", "-q")
    kg_cli("export", tmp_path / "out" / "graph.ttl", "--format", "csv", "-o", tmp_path / "csv")
    with open(tmp_path / "csv" / "nodes.csv", encoding="utf-8", newline="") as handle:
        labels = {row["label"] for row in csv.DictReader(handle)}
    assert "'=HYPERLINK(\"http://x\")" in labels
    assert not any(label.startswith("=") for label in labels)


def test_every_csv_text_that_starts_a_formula_is_text(tmp_path):
    """attack 118 (F5): a graph from elsewhere with a page date "+HYPERLINK(...)" wrote it
    raw to nodes.csv (only labels were defused)."""
    kg_cli("build", EXAMPLE, "-o", tmp_path / "out", "--no-html", "-q")
    turtle = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    date = re.search(r'dcterms:date "([^"]*)"', turtle)[1]
    crafted = tmp_path / "crafted.ttl"
    crafted.write_text(turtle.replace(f'dcterms:date "{date}"',
                                      'dcterms:date "+HYPERLINK(\\"http://x/\\")"'),
                       encoding="utf-8")
    kg_cli("export", crafted, "--format", "csv", "-o", tmp_path / "csv")
    for name in ("nodes.csv", "edges.csv"):
        with open(tmp_path / "csv" / name, encoding="utf-8", newline="") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row]
        assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")], name
    assert "'+HYPERLINK(\"http://x/\")" in (tmp_path / "csv" / "nodes.csv").read_text(
        encoding="utf-8").replace('""', '"')


# A graph from elsewhere (any RDF, not one kg built): ill-typed literals of the
# datatypes kg's Turtle writes bare, and blank nodes (an attack: the literals' text
# became triples of the attacker's choosing, the blank nodes IRIs).
FOREIGN = """@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:report ex:count "1 . ex:admin ex:role \\"superuser\\""^^xsd:integer ;
    ex:ok "true ; ex:approvedBy ex:mallory"^^xsd:boolean ;
    ex:fine "-12"^^xsd:integer , "false"^^xsd:boolean , "+7"^^xsd:integer ;
    ex:by [ ex:name "someone" ; ex:knows _:other ] ;
    ex:greeting "hello"@en , "hello"@fr , "bonjour"@fr-ca .
_:other ex:name "another" .
"""


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nt", "nq", "jsonld", "rdfxml"])
def test_a_foreign_graph_exports_as_the_same_graph(tmp_path, fmt):
    """(also a second review's: language tags were dropped, "hello"@en and "hello"@fr
    one literal twice)"""
    import rdflib
    from rdflib.compare import isomorphic

    source = tmp_path / "foreign.ttl"
    source.write_text(FOREIGN, encoding="utf-8")
    path = export(source, fmt, tmp_path)
    read = rdflib.Dataset()
    read.parse(path, format=RDFLIB_SYNTAX[fmt])
    exported = rdflib.Graph()
    for s, p, o, _ in read.quads():
        exported.add((s, p, o))
    assert isomorphic(exported, rdflib.Graph().parse(source, format="turtle"))
    assert "urn:kg:not-an-iri" not in path.read_text(encoding="utf-8")


def test_jsonld_is_plain_json_with_the_published_context(tmp_path):
    from kg.jsonld import context

    kg_cli("build", EXAMPLE, "-o", tmp_path / "out", "--no-html", "-q")
    document = json.loads(export(tmp_path / "out" / "graph.ttl", "jsonld", tmp_path)
                          .read_text(encoding="utf-8"))
    published = context()["@context"]
    assert {k: v for k, v in document["@context"].items() if k in published} == published
    nodes = {node["id"]: node for node in document["@graph"]}
    assert nodes["technology:digital_twin"] == {
        "id": "technology:digital_twin", "type": "Technology", "hiddenLabel": "digital twin",
        "label": "Digital Twins", "prefLabel": "Digital Twins"}
    article = nodes["article:coca-cola-generative-ai"]
    assert article["type"] == "Article" and article["isLoaded"] is True
    assert "technology:digital_twin" in article["mentionsTechnology"]
    assert nodes["summary:coca-cola-generative-ai/technology/digital_twin"] == {
        "id": "summary:coca-cola-generative-ai/technology/digital_twin",
        "type": ["Mention", "TechnologyMention"],
        "description": "Virtual replicas of physical entities, utilized here for creating "
                       "interactive personas like a 3D Santa.",
        "label": "Digital Twins", "mentionOf": "technology:digital_twin", "sourceLine": 76,
        "wasDerivedFrom": "summary:coca-cola-generative-ai"}
    assert nodes["page:20250323"]["date"] == "2025-03-23"


def test_the_shipped_context_is_the_one_made_from_the_ontology():
    from kg.jsonld import context, make_context

    assert context() == make_context(), "run `python -m kg.jsonld` to rewrite the context"


@pytest.mark.parametrize("output, name", [
    ("g.ttl", "ttl"), ("g.nt", "nt"), ("g.nq", "nq"), ("g.trig", "trig"), ("g.jsonld", "jsonld"),
    ("g.rdf", "rdfxml"), ("g.rdfxml", "rdfxml"), ("g.owl", "rdfxml"), ("g.graphml", "graphml"),
    ("g.gexf", "gexf"), ("out/nodes.csv", "csv")])
def test_the_format_follows_the_extension(output, name):
    from kg.formats import export_format

    assert export_format(None, output).name == name
