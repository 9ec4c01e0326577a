"""One definition per idea: the kinds table reaches every part (ontology, shapes,
explorer, saved queries), readers and formats are registries looked up by name,
kg's own errors are one line, and the build cache knows kg's code."""

from __future__ import annotations

import shutil
import traceback

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.namespace import OWL, RDF, SH

import kg
from kg import KINDS, Column, EntityKind, build
from kg import vocab as V
from kg.cli import main
from kg.extract import Reader, default_readers, extract
from kg.files import code_digest
from kg.formats import find
from kg.parse import parse_text
from kg.query import missing_kinds, saved_queries
from kg.view import page_data, styles

from .conftest import BASE, EXAMPLE, ONTOLOGY, TODAY

ONTOLOGY_GRAPH = rdflib.Graph().parse(ONTOLOGY / "kg.ttl")
SHAPES = rdflib.Graph().parse(ONTOLOGY / "shapes.ttl")
SHAPE_TARGETS = {str(o) for o in SHAPES.objects(None, SH.targetClass)}


def declared(iri: str, kind) -> bool:
    return (rdflib.URIRef(iri), RDF.type, kind) in ONTOLOGY_GRAPH


@pytest.mark.parametrize("kind", list(KINDS), ids=lambda k: k.name)
def test_every_kind_is_in_the_ontology_shapes_and_explorer(kind):
    assert declared(kind.cls, OWL.Class), f"kg:{kind.class_name} missing from kg.ttl"
    assert kind.cls in SHAPE_TARGETS, f"no shape targets kg:{kind.class_name}"
    if kind.article_property:
        assert declared(kind.property_iri, OWL.ObjectProperty), kind.article_property
    if kind.is_table:
        assert declared(kind.mention_class, OWL.Class), kind.mention_class_name
        assert kind.mention_class in SHAPE_TARGETS, kind.mention_class_name
    for column in kind.columns:
        prop = OWL.ObjectProperty if column.names_kind else OWL.DatatypeProperty
        assert declared(V.KG + column.property, prop), column.property
    assert kind.class_name in styles()


def test_explorer_shapes_are_distinct_per_type():
    looks = list(styles().values())
    assert len(set(looks)) == len(looks)


@pytest.mark.parametrize("name", [n for n, q in saved_queries().items()
                                  if q.kinds_excluded is not None])
def test_queries_marked_for_every_kind_reach_every_kind(name):
    assert missing_kinds(saved_queries()[name]) == []


def test_a_query_missing_a_kind_is_caught():
    query = saved_queries()["articles-mentioning"]
    query.text = query.text.replace("|kg:hasTheme", "")
    assert missing_kinds(query) == ["theme"]


OPPORTUNITIES = """# __Pocket farms__, (from page [20250301](https://example.org/p/20250301).)

__[External link](https://example.org/farms)__

## Opportunities

| name | description | relevancy |
|---|---|---|
| Vertical farming kits | Farms that fit in a flat. | 4 |

## Technologies

| name | description | relevancy |
|---|---|---|
| Hydroponics | Plants grown in water. | 3 |
"""


def test_a_kind_added_in_a_local_table_flows_everywhere(tmp_path):
    opportunity = EntityKind("opportunity", "Opportunity", "Opportunity", "opportunity", "table",
                             ("opportunities", "opportunity"), "seesOpportunity",
                             color="#123456", shape="icon")
    kinds = KINDS.with_kind(opportunity)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "farms.md").write_text(OPPORTUNITIES, encoding="utf-8")
    graph = build([tmp_path / "src"], tmp_path / "out", base=BASE, today=TODAY, kinds=kinds)
    assert graph.report.diagnostics == []  # the section is read, not kept verbatim
    assert graph.report.counts["Opportunity"] == 1
    assert graph.report.counts["OpportunityMention"] == 1
    entity, article = BASE + "opportunity/vertical_farming_kit", BASE + "article/farms"
    mention = BASE + "summary/farms/opportunity/vertical_farming_kit"  # its key, as the node's
    triples = set(graph.triples)
    assert {(entity, V.TYPE, V.KG + "Opportunity"),
            (article, V.KG + "seesOpportunity", entity),
            (mention, V.TYPE, V.KG + "OpportunityMention"),
            (mention, V.KG + "mentionOf", entity)} <= triples
    assert "@prefix opportunity: <http://example.org/kg/opportunity/> ." in \
        (tmp_path / "out" / "graph.ttl").read_text()
    # The saved query for "articles that mention X" reaches it through its mention.
    rows = graph.saved_query("articles-mentioning", label="vertical farming kits").values()
    assert [(r["type"], r["article"]) for r in rows] == [(V.KG + "Opportunity", article)]
    # The explorer draws it in its own style, and the legend lists it.
    network = graph.to_networkx()
    assert network.nodes[entity]["type"] == "Opportunity"
    legend = page_data(network, kinds=kinds)["legend"]
    assert {"type": "Opportunity", "color": "#123456", "shape": "icon"} in legend
    # The default table does not know it: there the section is kept verbatim, with a warning.
    plain = build([tmp_path / "src"], tmp_path / "plain", base=BASE, today=TODAY)
    assert "Opportunity" not in plain.report.counts
    assert [d.message for d in plain.report.diagnostics] == [
        "unknown section `Opportunities`; kept verbatim"]


def test_kind_table_and_readers_are_looked_up_by_name():
    with pytest.raises(KeyError, match="unknown entity kind 'opportunity'"):
        KINDS["opportunity"]
    with pytest.raises(ValueError, match="twice"):
        KINDS.with_kind(KINDS["theme"])
    assert KINDS.without("issue").by_heading("Issues") is None
    assert KINDS.replaced("theme", merge=False)["theme"].merge is False
    readers = default_readers()
    assert readers.names() == ["keywords", "themes", "other", "summary", "closest", "signals",
                               "concerns", "behaviors", "technologies", "issues"]
    with pytest.raises(KeyError, match="no section reader 'opportunities'"):
        readers["opportunities"]
    doc = parse_text("# __T__, (from page [20250101](https://x.org/p/1).)\n\n"
                     "__[External link](https://x.org/a)__\n\n## Keywords\n\n* a\n\n"
                     "## Summary\n\nText.\n", "t.md")
    record = extract(doc, TODAY, readers=readers.disable("keywords"))
    assert record.names == [] and record.summary == "Text."
    assert [d.message for d in record.diagnostics] == ["unknown section `Keywords`; kept verbatim"]
    shouted = default_readers().replace("summary", lambda state, section: setattr(
        state.record, "summary", section.paragraphs[0].text.upper()))
    assert extract(doc, TODAY, readers=shouted).summary == "TEXT."
    with pytest.raises(ValueError, match="already registered"):
        default_readers().push(Reader("summary", ("summary",), lambda s, x: None))


def test_table_columns_come_from_the_kind():
    signal = KINDS["signal"]
    assert [c.field for c in signal.columns] == ["change", "ten_year", "driving_force"]
    assert KINDS.columns_of(signal)["10yhorizon"].property == "tenYearOutlook"
    assert "change" not in KINDS.columns_of(KINDS["concern"])
    assert isinstance(signal.columns[0], Column)


def test_formats_are_one_table():
    assert find("graph.trig").name == "trig" and find("text/turtle").name == "ttl"
    assert find("application/sparql-results+json", "results").name == "json"
    assert find("xml", "graph").name == "rdfxml" and find("xml", "results").name == "xml"
    assert find("xlsx") is None


# --- errors ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def truncated(tmp_path_factory):
    out = tmp_path_factory.mktemp("trunc")
    build([EXAMPLE], out / "built", base=BASE, today=TODAY, html=False)
    text = (out / "built" / "graph.ttl").read_bytes()
    bad = out / "graph.ttl"
    bad.write_bytes(text[:5000])
    return bad


@pytest.mark.parametrize("command", [
    ["view"], ["stats"], ["export", "--format", "nt"], ["resolve"], ["serve", "--port", "0"],
    ["query", "ASK {}"], ["push", "--store", "http://127.0.0.1:9/store"]])
def test_every_command_reports_a_truncated_graph_in_one_line(truncated, command):
    args = [command[0], str(truncated), *command[1:]]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        "".join(traceback.format_exception(result.exception))
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {truncated}:")
    assert "not a readable graph file (" in lines[0] and "column" in lines[0]
    line = int(lines[0][len(f"Error: {truncated}:"):].split(":")[0])
    assert 1 < line <= truncated.read_bytes().count(b"\n") + 1
    leftovers = [p for p in (truncated.parent / ".kg-cache").glob("*")] \
        if (truncated.parent / ".kg-cache").exists() else []
    assert leftovers == []  # a failed index leaves nothing behind


def test_kg_errors_are_one_small_tree():
    for error in (kg.InputError, kg.GraphFileError, kg.QueryError, kg.CacheError, kg.PushError):
        assert issubclass(error, kg.KgError)
    assert str(kg.QueryError("bad", path="q.rq", line=3)) == "q.rq:3: bad"


def test_a_query_error_is_one_line(tmp_path):
    build([EXAMPLE], tmp_path, base=BASE, today=TODAY, html=False)
    result = CliRunner().invoke(main, ["query", str(tmp_path / "graph.ttl"), "SELEC nothing"])
    assert result.exit_code == 1 and result.output.startswith("Error: SPARQL syntax error")
    unknown = CliRunner().invoke(main, ["query", str(tmp_path / "graph.ttl"), "-n", "nope"])
    assert unknown.exit_code == 1
    assert unknown.output.startswith("Error: no saved query 'nope'; known: articles-mentioning")


# --- options -----------------------------------------------------------------------------


def test_view_options_are_strict(tmp_path):
    build([EXAMPLE], tmp_path, base=BASE, today=TODAY, html=False)
    ttl = str(tmp_path / "graph.ttl")
    depth = CliRunner().invoke(main, ["view", ttl, "--depth", "2"])
    assert depth.exit_code == 2 and "--depth applies to a --focus node" in depth.output
    negative = CliRunner().invoke(main, ["view", ttl, "--min-degree", "-1"])
    assert negative.exit_code == 2
    typed = CliRunner().invoke(main, ["view", ttl, "--types", "technology,CONCERN",
                                      "-o", str(tmp_path / "v.html")])
    assert typed.exit_code == 0, typed.output
    unknown = CliRunner().invoke(main, ["view", ttl, "--types", "gadget"])
    assert unknown.exit_code == 1 and "unknown node type(s) gadget; known: Article" in unknown.output


# --- the cache knows the code ----------------------------------------------------------------


def test_code_digest_follows_the_code(tmp_path):
    package = tmp_path / "kg"
    shutil.copytree(kg.__path__[0], package, ignore=shutil.ignore_patterns("__pycache__"))
    assert code_digest(package) == code_digest()
    (package / "extract.py").write_text((package / "extract.py").read_text() + "\n# edited\n")
    assert code_digest(package) != code_digest()
    (package / "ontology" / "kg.ttl").write_text("# other\n")
    assert code_digest(package) != code_digest()
    # the word tables and the models decide keys and links as much as the code does
    for data in ("lexicon/synonyms.csv", "models/related-weights.json"):
        before = code_digest(package)
        (package / data).write_text((package / data).read_text() + "\n")
        assert code_digest(package) != before, data


def test_a_rebuild_with_other_code_reuses_nothing(tmp_path, monkeypatch):
    from kg import cache

    assert build([EXAMPLE], tmp_path, base=BASE, today=TODAY, html=False).report.reused == 0
    assert build([EXAMPLE], tmp_path, base=BASE, today=TODAY, html=False).report.reused == 1
    monkeypatch.setattr(cache, "code_digest", lambda: "an upgraded kg")
    assert build([EXAMPLE], tmp_path, base=BASE, today=TODAY, html=False).report.reused == 0


def test_build_returns_the_graph_loaded_once(tmp_path):
    graph = build([EXAMPLE], tmp_path, base=BASE, today=TODAY, html=False)
    assert graph.triples is graph.triples and graph.to_networkx() is graph.to_networkx()
    assert len(graph) == graph.report.triple_count == 643
    assert kg.open_graph(tmp_path / "graph.ttl").count_by_class() == graph.count_by_class()


def test_every_vocabulary_name_is_defined_once():
    # Two meanings under one name: the later silently replaces the earlier everywhere.
    import ast

    source = (kg.__path__[0] + "/vocab.py")
    names = [target.id for node in ast.parse(open(source, encoding="utf-8").read()).body
             if isinstance(node, ast.Assign) for target in node.targets
             if isinstance(target, ast.Name)]
    assert sorted({n for n in names if names.count(n) > 1}) == []
