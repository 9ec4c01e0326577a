"""Foresight on a corpus with planted patterns (bench/make_corpus.py --plant): each
planted keyword lands in its quadrant, the planted driver is behind the rising trend,
and `kg diff` between the corpus without and with its last quarter lists exactly the
planted additions. Then `kg diff` on the real archive split by page date, checked
against SPARQL on the two graphs, and graphs that cannot be compared."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from bench.make_corpus import PlantedCorpusWriter as P
from kg import analytics as A
from kg import vocab as V
from kg.cli import main
from kg.facts import read_facts, read_many
from kg.diff import compare, read_and_compare, to_json, to_triples, to_turtle
from kg.report import diff_html, make_report, to_html, to_markdown

from .conftest import EXAMPLE, SEED, kg_cli
from .planted import append, find, related_lines, trend_lines

pytestmark = pytest.mark.slow

PLANTED_DOCS = 300
AMBIENT = "https://w3id.org/hskg/id/trend/ambient"
STEADY = "https://w3id.org/hskg/id/trend/steady"


@pytest.fixture(scope="session")
def planted(tmp_path_factory) -> dict:
    """The planted corpus built whole (new) and without its last quarter (old), with two
    trends and a related link added to both, and one related link to the new one only."""
    root = tmp_path_factory.mktemp("planted")
    docs = root / "docs"
    P(PLANTED_DOCS, seed=7).write(docs)
    manifest = json.loads((docs / "planted.json").read_text())
    earlier = root / "earlier"
    earlier.mkdir()
    for article, facts in manifest["articles"].items():
        if facts["quarter"] != manifest["quarters"][-1]:
            shutil.copy(docs / f"{article}.md", earlier)
    kg_cli("build", docs, "-o", root / "new", "-q", "--no-html")
    kg_cli("build", earlier, "-o", root / "old", "-q", "--no-html")
    graphs = {"old": root / "old" / "graph.ttl", "new": root / "new" / "graph.ttl"}
    for name, graph in graphs.items():
        corpus = read_facts(graph)
        lines = trend_lines(corpus, AMBIENT, "Ambient sensing",
                            [("Technology", P.TREND_TECHNOLOGY), ("Signal", P.TREND_SIGNAL)])
        lines += trend_lines(corpus, STEADY, "Steady commons",
                             [("Keyword", P.STEADY), ("Keyword", P.RARE)])
        lines += related_lines("https://w3id.org/hskg/id/related/1",
                               find(corpus, "Technology", P.TREND_TECHNOLOGY),
                               find(corpus, "Signal", P.TREND_SIGNAL), 0.8)
        if name == "new":
            lines += related_lines("https://w3id.org/hskg/id/related/2",
                                   find(corpus, "Technology", P.NEW_TECHNOLOGY),
                                   find(corpus, "Technology", P.TREND_TECHNOLOGY), 0.7)
        append(graph, lines)
    return {**graphs, "manifest": manifest, "root": root}


def test_planted_keywords_land_in_their_quadrants(planted_facts):
    found = A.emergence(planted_facts[1])
    assert found.windows.labels == P.QUARTERS and found.windows.size == "quarter"
    quadrant = {e.label: e.quadrant for e in found.items}
    assert quadrant[P.EMERGING] == "weak signal"  # only in the last two quarters, growing
    assert quadrant[P.STRONG] == "strong signal"
    assert quadrant[P.STEADY] == "well known"  # 30% of every quarter
    assert quadrant[P.RARE] == "latent"  # one article a quarter
    assert quadrant["Ambient sensing"] in ("weak signal", "strong signal")
    assert quadrant["Steady commons"] == "well known"
    emerging = next(e for e in found.items if e.label == P.EMERGING)
    assert emerging.counts == (0, 0, 0, 0, 2, 6)


def test_the_planted_driver_is_behind_the_rising_trend(planted_facts):
    corpus = planted_facts[1]
    table = A.influence(corpus)
    trend_map = A.emergence(corpus)
    behind = dict((trend.node, groups) for trend, groups in
                  A.drivers_behind(table, trend_map, top=len(table.trends)))
    group, count, share = behind[AMBIENT][0]
    assert find(corpus, "DrivingForce", P.DRIVER) in group.drivers
    assert (count, share) == (len(corpus.named_by[AMBIENT]), 1.0)
    assert len(behind[AMBIENT]) == 1  # no other force drives the trend's signal
    report = to_markdown(make_report(corpus, top=len(table.trends)))
    assert re.search(r"\| \[?Ambient sensing\]?[^|]* \| \+\d+% \| [^|]*"
                     + re.escape(group.name), report)


def test_diff_of_the_last_quarter_lists_exactly_the_planted_additions(planted, planted_diff):
    manifest = planted["manifest"]
    last = manifest["quarters"][-1]
    added = {a for a, f in manifest["articles"].items() if f["quarter"] == last}
    old_names, new_names = {}, {}
    for facts in manifest["articles"].values():
        target = new_names if facts["quarter"] == last else old_names
        for kind, names in facts["names"].items():
            target.setdefault(kind, set()).update(names)
    diff = planted_diff
    base = diff.base
    assert {a.node for a in diff.added} == {f"{base}article/{a}" for a in added}
    assert diff.removed == [] and diff.gone_entities == []
    # New entities: exactly what the last quarter names that no earlier quarter did.
    expected = {(kind, name) for kind, names in new_names.items()
                for name in names - old_names.get(kind, set())}
    assert expected == {("keyword", P.NEW_KEYWORD), ("technology", P.NEW_TECHNOLOGY)}
    assert {(e.type, e.label) for e in diff.new_entities} == {
        ("Keyword", P.NEW_KEYWORD), ("Technology", P.NEW_TECHNOLOGY)}
    # Grew: every keyword and theme the last quarter names (all named before), and the
    # planted trends, whose members it names. (Builds make trends and related links of
    # their own: those are checked against SPARQL on the real archive below.)
    grew = {(g.type, g.label) for g in diff.grew}
    assert {g for g in grew if g[0] != "Trend"} == \
        {("Keyword", k) for k in new_names["keyword"] - {P.NEW_KEYWORD}} | \
        {("Theme", t) for t in new_names["theme"]}
    assert {("Trend", "Ambient sensing"), ("Trend", "Steady commons")} <= grew
    assert all(g.windows == ((last, 0, g.new - g.old),) for g in diff.grew
               if g.type != "Trend")
    planted_link = (P.TREND_TECHNOLOGY, P.NEW_TECHNOLOGY, 0.7)
    assert planted_link in {(r.first_label, r.second_label, r.score) for r in diff.new_links} | \
        {(r.second_label, r.first_label, r.score) for r in diff.new_links}
    # Only build-made trends may be renamed: one whose most central member changed with
    # the new quarter's articles, matched to its old self by name.
    assert diff.relevancy == [] and all("/trend/" in old and "/trend/" in new
                                        for old, new in diff.renamed)
    # Faded keywords and themes lost no article: quiet in the new quarter, named in the old last.
    assert all(f.quiet and f.old == f.new >= 2 for f in diff.faded if f.type != "Trend")


@pytest.fixture(scope="session")
def planted_facts(planted):
    return read_many([planted["old"], planted["new"]])


@pytest.fixture(scope="session")
def planted_diff(planted, planted_facts):
    return compare(*planted_facts, str(planted["old"]), str(planted["new"]))


def test_diff_formats_from_the_command_line(planted, planted_diff, tmp_path):
    old, new = planted["old"], planted["new"]
    data = json.loads(to_json(planted_diff))
    assert data["counts"]["new entities"] == 2
    assert sorted(e["label"] for e in data["new_entities"]) == [P.NEW_TECHNOLOGY, P.NEW_KEYWORD]
    result = kg_cli("diff", old, new, "-o", tmp_path / "diff.md", "--top", "3")
    assert "articles added 50" in result.output
    text = (tmp_path / "diff.md").read_text()
    assert text.startswith(f"# What changed between two scans\n\nFrom `{old}` (250 articles) to "
                           f"`{new}` (300 articles): 50 added, 0 removed; 2 new entities "
                           "(1 keyword, 1 technology)")
    assert max(len(rows) for rows in _tables(text)) == 3
    page = diff_html(planted_diff, 3)
    assert page.count("<table>") == len(_tables(text))


def _tables(markdown: str) -> list[list[str]]:
    from .test_analytics import _tables as tables
    return tables(markdown)


def test_diff_as_rdf_counts_every_change(planted, planted_facts, planted_diff):
    diff = planted_diff
    turtle = to_turtle(diff)
    assert to_turtle(compare(*planted_facts, str(planted["old"]), str(planted["new"]))) == turtle
    store = ox.Store()
    store.load(turtle.encode(), ox.RdfFormat.TURTLE)
    rows = {str(r["kind"].value).rsplit("#")[1]: int(r["n"].value) for r in store.query(
        "PREFIX kg: <https://w3id.org/hskg/ontology#> SELECT ?kind (COUNT(?c) AS ?n) "
        "WHERE { ?d a kg:ScanDiff ; kg:hasChange ?c . ?c kg:changeKind ?kind } GROUP BY ?kind")}
    counts = diff.counts()
    expected = {"Added": counts["articles added"] + counts["new entities"]
                + counts["new trends"] + counts["new related links"],
                "Removed": counts["articles removed"] + counts["entities gone"]
                + counts["trends gone"] + counts["related links gone"],
                "Grew": counts["grew"], "Faded": counts["faded"],
                "RelevancyChanged": counts["relevancies changed"]}
    assert rows == {kind: n for kind, n in expected.items() if n}
    assert len(to_triples(diff)) == len(store)


def test_graphs_that_cannot_be_compared_say_so(tmp_path):
    kg_cli("build", EXAMPLE, "-o", tmp_path, "-q", "--no-html")
    graph = tmp_path / "graph.ttl"
    other = tmp_path / "other.ttl"
    other.write_text(graph.read_text(encoding="utf-8").replace(
        "https://w3id.org/hskg/id/", "http://example.org/kg/"), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(graph), str(other)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: not comparable: {graph} names its nodes under "
        f"https://w3id.org/hskg/id/ and {other} under http://example.org/kg/; build both with "
        "the same --base\n")
    empty = tmp_path / "empty.ttl"
    empty.write_text("<http://x/a> <http://x/b> <http://x/c> .\n")
    result = CliRunner().invoke(main, ["diff", str(empty), str(graph)])
    assert result.exit_code == 1 and result.output == (
        f"Error: not comparable: {empty} has no articles (kg:Article that was read): is it "
        "a graph kg built?\n")


def test_renamed_entities_are_matched_by_type_and_name(planted, planted_facts, tmp_path):
    # Another kg version might mint another IRI for the same technology.
    iri = find(planted_facts[1], "Technology", P.TREND_TECHNOLOGY)
    moved = iri + "_v2"
    local = iri.rsplit("/", 1)[1]
    text = planted["new"].read_text(encoding="utf-8").replace(f"<{iri}>", f"<{moved}>")
    text = re.sub(rf"\btechnology:{re.escape(local)}(?=[\s;,.])", f"<{moved}>", text)
    other = tmp_path / "graph.ttl"
    other.write_text(text, encoding="utf-8")
    diff = compare(planted_facts[1], read_facts(other))
    assert diff.renamed == [(iri, moved)]
    assert diff.new_entities == [] and diff.gone_entities == []
    assert diff.counts() == dict.fromkeys(diff.counts(), 0)


def _two_scans_of_ai(label: str, other_names: list[str]):
    """An old scan with themes "AI" (2 articles) and "artificial intelligence" (1), and a
    new one of 5 articles where they are one node named `label`."""
    from kg.facts import Facts

    arts = [f"b/article/{n}" for n in range(1, 6)]
    ai, long = "b/theme/ai", "b/theme/artificial_intelligence"
    old = Facts(types={**dict.fromkeys(arts[:3], "Article"), ai: "Theme", long: "Theme"},
                labels={ai: "AI", long: "artificial intelligence"}, articles=arts[:3],
                named_by={ai: set(arts[:2]), long: {arts[2]}})
    new = Facts(types={**dict.fromkeys(arts, "Article"), long: "Theme"}, labels={long: label},
                other_names={long: other_names}, articles=arts, named_by={long: set(arts)})
    return old, new


def test_entities_the_new_graph_joined_are_merged_not_gone():
    """Two themes of the old graph ("AI", "artificial intelligence") that resolution
    joined as the archive grew: the diff said the one had grown and the other was gone,
    the top theme vanished (a review's finding). Now: merged, and grown as one."""
    from kg.diff import compare, to_triples
    from kg.report import diff_blocks, render_markdown

    diff = compare(*_two_scans_of_ai("AI", ["artificial intelligence"]))
    assert diff.gone_entities == [] and diff.new_entities == []
    assert [(m.node, m.into, m.others) for m in diff.merged] == [
        ("b/theme/ai", "b/theme/artificial_intelligence", ("artificial intelligence",))]
    assert [(g.label, g.old, g.new) for g in diff.grew] == [("AI", 3, 5)]
    assert diff.counts()["entities merged"] == 1
    text = render_markdown(diff_blocks(diff))
    assert "Merged into another node (1)" in text and "artificial intelligence" in text
    kinds = {s: o.removeprefix(V.KG) for s, p, o in to_triples(diff) if p == V.KG + "changeKind"}
    assert sorted(kinds.values()) == ["Added", "Added", "Grew", "Merged"]
    [merge] = [change for change, kind in kinds.items() if kind == "Merged"]
    assert sorted(o for s, p, o in to_triples(diff) if s == merge and p == V.KG + "changed") \
        == ["b/theme/ai", "b/theme/artificial_intelligence"]


def test_an_old_entity_whose_name_is_the_merged_nodes_other_name_is_merged():
    """The surviving node kept the other name as its label: "AI" is its altLabel now,
    and the diff called it gone, its articles new growth (a review's finding)."""
    from kg.diff import compare

    diff = compare(*_two_scans_of_ai("artificial intelligence", ["AI"]))
    assert diff.gone_entities == [] and [m.node for m in diff.merged] == ["b/theme/ai"]
    assert [(g.label, g.old, g.new) for g in diff.grew] == [("artificial intelligence", 3, 5)]


def test_report_of_the_planted_corpus_html(planted_facts):
    report = make_report(planted_facts[1], top=5)
    page = to_html(report, "graph.html")
    assert re.findall(r"<svg [^>]*><title>([^<]*)</title>", page) == [
        "Articles per month of page date", "Nodes by type, most first",
        f"Emergence map: {len(report.map.items)} keywords, themes and trends by visibility and "
        "growth per quarter",
        "Entities named by the most articles", "Pairs named together, by lift",
        "Driver groups by articles reporting the signals they drive",
        "Radar: signals and technologies by category (sectors) and relevancy (rings, 5 inner)"]
    assert f"graph.html#focus=Keyword%3A{P.EMERGING.replace(' ', '%20')}" in page


# --- the real archive split by page date ----------------------------------------------------------

SPLIT = "2023-06-01"


@pytest.fixture(scope="session")
def split_archive(tmp_path_factory, corpus_dir):
    """../shared/corpus + seed built twice: articles before SPLIT (and undated), and all."""
    import kg

    root = tmp_path_factory.mktemp("split")
    whole = kg.build([corpus_dir, SEED], root / "new", html=False)
    early = root / "early"
    early.mkdir()
    rows = whole.query("SELECT ?path ?date WHERE { ?a kg:hasSummary ?s . ?s kg:sourcePath ?path "
                       "OPTIONAL { ?a kg:publishedIn/dcterms:date ?date } }").values()
    for row in rows:
        if row["date"] is None or row["date"] < SPLIT:
            source = Path(corpus_dir).parent / row["path"]
            if not source.exists():
                source = SEED.parent / row["path"]
            shutil.copy(source, early)
    kg.build([early], root / "old", html=False)
    return root / "old" / "graph.ttl", root / "new" / "graph.ttl"


def _sparql_counts(old: Path, new: Path, apart: set[str]) -> dict[str, int]:
    """The diff's counts, asked of both graphs in one store (a named graph each), leaving
    out the nodes in `apart` (matched by name across differing IRIs, which SPARQL on IRIs
    cannot see)."""
    store = ox.Store()
    for name, path in (("old", old), ("new", new)):
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE,
                        to_graph=ox.NamedNode(f"urn:{name}"))
    prefix = f"PREFIX kg: <{V.KG}> PREFIX skos: <{V.SKOS}> "
    outside = ", ".join(f"<{iri}>" for iri in sorted(apart))

    def count(body: str) -> int:
        sparql = f"{prefix}SELECT (COUNT(*) AS ?n) WHERE {{ {body} FILTER(?x NOT IN ({outside})) }}"
        return int(next(iter(store.query(sparql)))["n"].value)

    def links(first: str, second: str) -> int:
        return count(f"GRAPH <urn:{first}> {{ ?x skos:related ?y FILTER(STR(?x) < STR(?y)) }} "
                     f"FILTER NOT EXISTS {{ GRAPH <urn:{second}> {{ ?x skos:related ?y }} }} "
                     f"FILTER(?y NOT IN ({outside}))")

    loaded = "?x a kg:Article ; kg:isLoaded true"
    entity = ("?x a ?c . FILTER(?c IN (kg:Keyword, kg:Theme, kg:Category, kg:ContentType, "
              "kg:Signal, kg:Concern, kg:Behavior, kg:Technology, kg:Issue, kg:DrivingForce))")
    articles_of = "{ SELECT ?x (COUNT(DISTINCT ?a) AS ?%s) WHERE { GRAPH <urn:%s> { " \
                  "{ ?a ?p ?x } UNION { ?x kg:trendArticle ?a } " \
                  "?a a kg:Article ; kg:isLoaded true } } GROUP BY ?x }"
    grown = ("GRAPH <urn:new> { ?x a ?c . FILTER(?c IN (kg:Keyword, kg:Theme, kg:Trend)) } "
             f"{articles_of % ('before', 'old')} {articles_of % ('after', 'new')} ")
    return {
        "articles added": count(f"GRAPH <urn:new> {{ {loaded} }} "
                                f"FILTER NOT EXISTS {{ GRAPH <urn:old> {{ {loaded} }} }}"),
        "articles removed": count(f"GRAPH <urn:old> {{ {loaded} }} "
                                  f"FILTER NOT EXISTS {{ GRAPH <urn:new> {{ {loaded} }} }}"),
        "new entities": count(f"GRAPH <urn:new> {{ {entity} }} "
                              "FILTER NOT EXISTS { GRAPH <urn:old> { ?x a ?c } }"),
        "entities gone": count(f"GRAPH <urn:old> {{ {entity} }} "
                               "FILTER NOT EXISTS { GRAPH <urn:new> { ?x a ?c } }"),
        "new trends": count("GRAPH <urn:new> { ?x a kg:Trend } "
                            "FILTER NOT EXISTS { GRAPH <urn:old> { ?x a kg:Trend } }"),
        "trends gone": count("GRAPH <urn:old> { ?x a kg:Trend } "
                             "FILTER NOT EXISTS { GRAPH <urn:new> { ?x a kg:Trend } }"),
        "grew": count(grown + "FILTER(?after > ?before)"),
        "new related links": links("new", "old"),
        "related links gone": links("old", "new"),
        "relevancies changed": count(
            "GRAPH <urn:old> { ?a kg:hasMention ?m . ?m kg:mentionOf ?x ; kg:relevancy ?r } "
            "GRAPH <urn:new> { ?a kg:hasMention ?n . ?n kg:mentionOf ?x ; kg:relevancy ?s } "
            "FILTER(?r != ?s)"),
    }


def test_diff_of_the_archive_split_by_date_matches_sparql(split_archive):
    old, new = split_archive
    diff = read_and_compare(old, new)
    apart = {iri for pair in diff.renamed for iri in pair}
    assert len(diff.renamed) <= 5  # resolution that saw more of the archive, now and then

    def kept(items, *ends) -> int:
        return sum(1 for item in items if not {getattr(item, e) for e in ends} & apart)

    counts = {"articles added": len(diff.added), "articles removed": len(diff.removed),
              "new entities": kept(diff.new_entities, "node"),
              "entities gone": kept(diff.gone_entities, "node"),
              "new trends": kept(diff.new_trends, "node"),
              "trends gone": kept(diff.gone_trends, "node"),
              "grew": kept(diff.grew, "node"),
              "new related links": kept(diff.new_links, "first", "second"),
              "related links gone": kept(diff.gone_links, "first", "second"),
              "relevancies changed": kept(diff.relevancy, "entity")}
    assert counts == _sparql_counts(old, new, apart)
    assert counts["articles added"] > 5 and counts["new entities"] > 100
    assert counts["articles removed"] == 0
    # What grew is named by articles after the split, window by window.
    assert all(all(b > a for _, a, b in g.windows) for g in diff.grew if g.type != "Trend")


def test_the_archive_reports_read_well(split_archive):
    old, new = split_archive
    corpus = read_facts(new)
    markdown = to_markdown(make_report(corpus, top=10))
    assert "&amp;" not in markdown and max(len(rows) for rows in _tables(markdown)) == 10
    diff = kg_cli("diff", old, new, "--top", "100").output
    assert "Knowledge Graphs & LLMs" in diff and "&amp;" not in diff
    assert compare(corpus, corpus).counts() == dict.fromkeys(compare(corpus, corpus).counts(), 0)



def test_the_issues_defects_are_gone_from_kg_stats(split_archive, tmp_path):
    """What issue 16 found trying `kg stats ../shared/corpus` (each failed before)."""
    graph = split_archive[1]
    text = kg_cli("stats", graph, "--top", "10").output
    assert "&amp;" not in text  # Markdown is not HTML-escaped
    assert max(len(rows) for rows in _tables(text)) <= 10  # --top 10 means 10 rows
    assert not re.search(r"\| technology \| [^|]+ \| 1 \|", text)  # no single-article ranks
    kg_cli("view", graph, "-o", graph.with_suffix(".html"))  # the explorer next to it
    kg_cli("stats", graph, "-o", tmp_path / "report.html")
    elsewhere = Path(os.path.relpath(graph.with_suffix(".html"), tmp_path)).as_posix()
    assert f'href="{elsewhere}#focus=' in (tmp_path / "report.html").read_text()
    kg_cli("stats", graph, "-o", graph.parent / "report.html")
    links = re.findall(r'href="graph\.html#focus=([^"]*)"',
                       (graph.parent / "report.html").read_text(encoding="utf-8"))
    assert links and all("%3A" in link for link in links)  # Type:label, never ambiguous
