"""The `kg` command end to end: build, query (formats, saved queries, parameters), view."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.view import read_page_data
from kg.query import saved_queries

from .conftest import EXAMPLE


@pytest.fixture(scope="module")
def example_ttl(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "documents read: 1 of 1 files" in result.output
    assert "  Technology                  6\n" in result.output
    assert "triples: 552" in result.output
    assert "warnings: 0  errors: 0" in result.output
    assert (out / "graph.html").stat().st_size > 10_000
    assert (out / "diagnostics.txt").read_text() == ""
    return out / "graph.ttl"


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result


def test_query_csv_counts_types(example_ttl):
    result = run("query", example_ttl, "--format", "csv",
                 "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c . FILTER(STRSTARTS(STR(?c), STR(kg:)))"
                 " } GROUP BY ?c ORDER BY ?c")
    assert result.exit_code == 0, result.output
    rows = {r["c"].rsplit("#", 1)[1]: int(r["n"]) for r in csv.DictReader(io.StringIO(result.output))}
    assert rows["Technology"] == 6 and rows["Concern"] == 7 and rows["Mention"] == 31


def test_query_json_is_sparql_results_json(example_ttl):
    result = run("query", example_ttl, "--format", "json",
                 "SELECT ?t WHERE { ?a a kg:Article ; dcterms:title ?t }")
    data = json.loads(result.output)
    assert data["head"]["vars"] == ["t"]
    assert data["results"]["bindings"] == [{"t": {
        "type": "literal",
        "value": "Coca-Cola's Pioneering Journey with Generative AI in Marketing Campaigns"}}]


def test_saved_query_top_technologies(example_ttl):
    result = run("query", example_ttl, "--name", "top-technologies", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["label"], r["articles"]) for r in rows] == [
        ("Conversational AI", "1"), ("Digital Twins", "1"),
        ("Generative Artificial Intelligence (Gen AI)", "1"), ("Hyper-Personalization", "1"),
        ("Image Creation Tools", "1"), ("Text-to-Video AI Models", "1")]


def test_saved_query_parameter_is_encoded_not_pasted(example_ttl):
    good = run("query", example_ttl, "-n", "concerns-with-technology",
               "-p", "technology=digital TWINS", "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(good.output)))) == 7
    hostile = run("query", example_ttl, "-n", "concerns-with-technology", "--format", "csv",
                  "-p", 'technology=x" ) } SELECT * WHERE { ?s ?p ?o } #')
    assert hostile.exit_code == 0, hostile.output
    assert list(csv.DictReader(io.StringIO(hostile.output))) == []


def test_every_saved_query_runs_on_the_example(example_ttl):
    for name in saved_queries():
        result = run("query", example_ttl, "--name", name)
        assert result.exit_code == 0, (name, result.output)


def test_query_list_and_usage_errors(example_ttl):
    listed = run("query", "--list")
    assert listed.exit_code == 0
    assert "signals-by-driving-force" in listed.output and "--param technology" in listed.output
    assert run("query", example_ttl).exit_code == 2
    assert "no saved query" in run("query", example_ttl, "-n", "nope").output
    assert "has no parameter" in run("query", example_ttl, "-n", "top-technologies",
                                     "-p", "x=1").output
    bad = run("query", example_ttl, "SELECT WHERE {")
    assert bad.exit_code == 1 and "Error" in bad.output


def test_view_writes_html(example_ttl, tmp_path):
    result = run("view", example_ttl, "-o", tmp_path / "v.html")
    # 1 article + 6 keywords + 5 themes + 1 category + 1 type + 5 signals + 5 forces
    # + 7 concerns + 7 behaviors + 6 technologies + 6 issues
    assert result.exit_code == 0 and "(50 nodes)" in result.output
    assert len(vis_data((tmp_path / "v.html").read_text(), "drawn")) == 50


def test_html_view_escapes_hostile_labels(tmp_path):
    hostile = ("# __<script>alert(1)</script>__, (from page [20250101](https://k.org/p/1).)\n\n"
               "## Keywords\n\n* <img src=x onerror=alert(2)>\n* \"quoted\" </script><b>\n")
    src = tmp_path / "src"
    src.mkdir()
    (src / "x.md").write_text(hostile, encoding="utf-8")
    assert run("build", src, "-o", tmp_path / "out").exit_code == 0
    html = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "</script><b>" not in html
    # present, as inert (compressed) JSON text
    assert "<script>alert(1)</script>" in read_page_data(html)["index"]["l"]


def test_label_parameters_match_any_case_and_spacing(example_ttl):
    result = run("query", example_ttl, "-n", "articles-mentioning", "--format", "csv",
                 "-p", "label=  DIGITAL   twins ")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["type"].rsplit("#")[1], r["title"][:9]) for r in rows] == [
        ("Technology", "Coca-Cola")]


def test_query_indexes_the_graph_once_and_follows_changes(tmp_path):
    out = tmp_path / "out"
    assert run("build", EXAMPLE, "-o", out, "--no-html").exit_code == 0
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    first = run("query", out / "graph.ttl", count, "--format", "csv")
    assert first.output == "n\n552\n"
    index = out / ".kg-cache" / "oxigraph-graph.ttl"
    assert (index / "SOURCE").exists()
    with open(out / "graph.ttl", "a", encoding="utf-8") as handle:
        handle.write('\n<http://x.org/a> <http://x.org/b> "c" .\n')
    assert run("query", out / "graph.ttl", count, "--format", "csv").output == "n\n553\n"


def vis_data(html: str, name: str) -> list:
    return read_page_data(html)[name]


def test_build_page_and_view_page_show_the_same_graph(example_ttl, tmp_path):
    built = (example_ttl.parent / "graph.html").read_text(encoding="utf-8")
    assert run("view", example_ttl, "-o", tmp_path / "v.html").exit_code == 0
    viewed = (tmp_path / "v.html").read_text(encoding="utf-8")
    assert vis_data(built, "title") == vis_data(viewed, "title") == "examples"  # the source folder
    assert read_page_data(built) == read_page_data(viewed)
    assert len(vis_data(built, "drawn")) == 50
    # 6 keywords + 5 themes + category + type + 5 signals + 7 concerns + 7 behaviors
    # + 6 technologies + 6 issues from the article, and 5 signal -> driving force
    assert len(vis_data(built, "index")["et"]) == 49
