"""The real archive: every document builds, nothing is lost, the output is valid RDF.

Expected counts come from reading the files line by line here, independently
of kg's parser, and are compared with SPARQL over the written graph.ttl.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

import kg
from kg import vocab as V
from kg.identity import identity_key
from kg.resolve import resolution_key
from kg import build
from kg.store import load_store

from .conftest import BASE, ONTOLOGY, SEED, TODAY

TABLE_SECTIONS = {"signals": "SignalMention", "concerns": "ConcernMention",
                  "behaviors": "BehaviorMention", "technologies": "TechnologyMention",
                  "issues": "IssueMention"}


def count_by_lines(path: Path) -> dict:
    """What a file holds, read with nothing but line prefixes."""
    found = {"items": defaultdict(list), "rows": defaultdict(list), "other": {}}
    section = None
    table_header = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section, table_header = line[3:].strip().lower(), None
        elif section and line.startswith("*"):
            found["items"][section].append(line[1:].strip())
        elif section in TABLE_SECTIONS and line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if table_header is None:
                table_header = [c.lower() for c in cells]
            elif not set(line) <= set("|:- "):
                found["rows"][section].append(dict(zip(table_header, cells)))
    for section in ("keywords", "themes"):
        items = found["items"][section]
        if items and all(len(i) <= 1 for i in items) and "," in items:  # exploded by a bug
            found["items"][section] = "".join(i or " " for i in items).split(",")
    for item in found["items"].pop("other", []):
        key, _, value = item.partition(":")
        found["other"][key.strip().lower()] = value.strip()
    return found


@pytest.fixture(scope="module")
def built(corpus_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    result = build([corpus_dir, SEED], out, base=BASE, today=TODAY)
    return result, out / "graph.ttl", load_store(out / "graph.ttl")


@pytest.fixture(scope="module")
def any_built(source_dirs, tmp_path_factory):
    """The real archive's build, and a synthetic corpus' (runs without the archive)."""
    out = tmp_path_factory.mktemp("any")
    result = build(source_dirs, out, base=BASE, today=TODAY, html=False)
    return result, out / "graph.ttl", result.store


def select(store, query):
    prefixes = "".join(f"PREFIX {k}: <{v}>\n" for k, v in V.PREFIXES.items())
    return [[term.value if term is not None else None for term in row]
            for row in store.query(prefixes + query)]


def test_every_document_builds(built, corpus_dir):
    result, _, store = built
    files = sorted(corpus_dir.glob("*.md")) + sorted(SEED.glob("*.md"))
    assert len(result.report.documents) == len(files)
    assert [d for d in result.report.diagnostics if d.level == "error"] == []
    (count,) = select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:ArticleSummary }")[0]
    assert int(count) == len(files)


def test_no_table_row_is_lost(built, corpus_dir):
    _, _, store = built
    got = defaultdict(int)
    for path, cls, n in select(store, """
            SELECT ?path ?cls (COUNT(?m) AS ?n) WHERE {
              ?m a ?cls ; prov:wasDerivedFrom ?s . ?s kg:sourcePath ?path .
              FILTER(?cls != kg:Mention) } GROUP BY ?path ?cls"""):
        got[(path, cls.removeprefix(V.KG))] = int(n)
    expected = {}
    for path in sorted(corpus_dir.glob("*.md")) + sorted(SEED.glob("*.md")):
        for section, rows in count_by_lines(path)["rows"].items():
            expected[(f"{path.parent.name}/{path.name}", TABLE_SECTIONS[section])] = len(rows)
    assert dict(got) == {k: v for k, v in expected.items() if v}
    assert sum(expected.values()) > 1000


def test_every_row_is_typed_named_and_next_to_its_article(built, corpus_dir):
    _, _, store = built
    labels = defaultdict(set)
    for path, cls, label, description, article_id in select(store, """
            SELECT ?path ?cls ?label ?description ?id WHERE {
              ?article kg:hasMention ?m ; dcterms:identifier ?id .
              ?m a ?cls ; kg:mentionOf ?entity ; prov:wasDerivedFrom ?s ; rdfs:label ?label .
              ?s kg:sourcePath ?path .
              ?entity rdfs:label [] .
              OPTIONAL { ?m kg:description ?description }
              FILTER(?cls != kg:Mention) }"""):
        assert path.split("/")[-1].startswith(article_id)
        labels[(path, cls.removeprefix(V.KG))].add(identity_key(label))
        labels[(path, cls.removeprefix(V.KG), "description")].add(description)
    for path in sorted(corpus_dir.glob("*.md")):
        shown = f"corpus/{path.name}"
        for section, rows in count_by_lines(path)["rows"].items():
            cls = TABLE_SECTIONS[section]
            name_column = next((c for c in ("name", "signal") if c in rows[0]), None)
            if name_column:
                assert {identity_key(r[name_column]) for r in rows} == labels[(shown, cls)], shown
            else:  # name-less technology tables: the description is kept verbatim
                assert {r["description"] for r in rows} == labels[(shown, cls, "description")]


def test_every_signal_is_linked_to_its_driving_force(built, corpus_dir):
    _, _, store = built
    pairs = {(path, identity_key(signal), identity_key(force))
             for path, signal, force in select(store, """
            SELECT ?path ?signal ?force WHERE {
              ?m a kg:SignalMention ; kg:mentionOf ?s ; prov:wasDerivedFrom ?sum ;
                 kg:drivenBy ?f .
              ?s kg:drivenBy ?f ; rdfs:label|skos:altLabel ?signal .
              ?f a kg:DrivingForce ; rdfs:label|skos:altLabel ?force .
              ?sum kg:sourcePath ?path }""")}
    expected = set()
    for path in sorted(corpus_dir.glob("*.md")):
        for row in count_by_lines(path)["rows"].get("signals", []):
            name = row.get("name", row.get("signal"))
            force = row.get("driving-force", row.get("driving force"))
            expected.add((f"corpus/{path.name}", identity_key(name), identity_key(force)))
    assert expected and expected <= pairs


def test_keywords_themes_categories_and_closest_per_article(built, corpus_dir):
    _, _, store = built
    expected = defaultdict(lambda: defaultdict(set))
    for path in sorted(corpus_dir.glob("*.md")):
        article_id = path.name.split(".")[0]
        found = count_by_lines(path)
        for section in ("keywords", "themes"):
            expected[article_id][section] |= {resolution_key(i) for i in found["items"][section]
                                              if i.strip()}
        for key in ("category", "type"):
            if key in found["other"]:
                expected[article_id][key].add(resolution_key(found["other"][key]))
        for item in found["items"].get("closest", []):
            target = re.fullmatch(r"\[.*\]\((\w+)\)", item)[1]
            if target != article_id:
                expected[article_id]["closest"].add(target)
    # An entity's labels are every article's names for it (the corpus joins names):
    # each article's names are among its entities' labels, with no more entities than
    # names (two names may be one node, no name is two).
    got = defaultdict(lambda: defaultdict(set))
    entities = defaultdict(lambda: defaultdict(set))
    for article_id, relation, entity, label in select(store, """
            SELECT ?id ?rel ?e ?label WHERE {
              VALUES ?rel { kg:hasKeyword kg:hasTheme kg:hasCategory kg:hasContentType }
              ?a dcterms:identifier ?id ; ?rel ?e . ?e rdfs:label|skos:altLabel ?label }"""):
        section = {"hasKeyword": "keywords", "hasTheme": "themes", "hasCategory": "category",
                   "hasContentType": "type"}[relation.removeprefix(V.KG)]
        got[article_id][section].add(resolution_key(label))
        entities[article_id][section].add(entity)
    for article_id, target in select(store, """
            SELECT ?id ?target WHERE { ?a dcterms:identifier ?id ; kg:closestTo ?b .
                                       ?b dcterms:identifier ?target }"""):
        got[article_id]["closest"].add(target)
    for article_id, sections in expected.items():
        for section, values in sections.items():
            if section == "closest":
                assert values == got[article_id][section], (article_id, section)
            else:
                assert values <= got[article_id][section], (article_id, section)
                assert 0 < len(entities[article_id][section]) <= len(values)


def test_graph_conforms_to_shacl_shapes(any_built):
    pyshacl = pytest.importorskip("pyshacl")
    _, ttl, _ = any_built
    conforms, _, report = pyshacl.validate(
        rdflib.Graph().parse(ttl), shacl_graph=rdflib.Graph().parse(ONTOLOGY / "shapes.ttl"))
    assert conforms, report


def test_turtle_round_trips_through_rdflib_and_pyoxigraph(any_built):
    result, ttl, _ = any_built
    ours = result.to_rdflib()
    from_rdflib = rdflib.Graph().parse(ttl, format="turtle")
    assert len(from_rdflib) == len(result.triples)
    assert isomorphic(ours, from_rdflib)
    from_oxigraph = set(ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE))
    expected = {ox.Triple(q.subject, q.predicate, q.object) for q in result.store}
    assert len(from_oxigraph) == len(result.triples)
    assert {ox.Triple(t.subject, t.predicate, t.object) for t in from_oxigraph} == expected


def test_every_used_term_is_declared_in_the_ontology(any_built):
    _, ttl, _ = any_built
    ontology = rdflib.Graph().parse(ONTOLOGY / "kg.ttl")
    declared = {str(s) for s in ontology.subjects() if str(s).startswith(V.KG)}
    used = set()
    for _, p, o in rdflib.Graph().parse(ttl):
        used |= {str(t) for t in (p, o) if str(t).startswith(V.KG)}
    assert used <= declared, used - declared


def test_the_graph_describes_itself_exactly(any_built, source_dirs):
    """The VoID/DCAT dataset node says what SPARQL counts in the same graph."""
    _, _, store = any_built
    dataset = f"<{BASE}dataset>"
    total = select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert select(store, f"SELECT ?n WHERE {{ {dataset} void:triples ?n }}") == total
    partitions = select(store, f"SELECT ?class ?n WHERE {{ {dataset} void:classPartition ?part . "
                               "?part void:class ?class ; void:entities ?n } ORDER BY ?class")
    counted = select(store, "SELECT ?class (STR(COUNT(DISTINCT ?s)) AS ?n) WHERE { ?s a ?class "
                            "FILTER(STRSTARTS(STR(?class), STR(kg:))) } GROUP BY ?class "
                            "ORDER BY ?class")
    assert partitions == counted and len(partitions) >= 10
    pages = select(store, "SELECT (STR(MIN(?d)) AS ?first) (STR(MAX(?d)) AS ?last) "
                          "WHERE { ?page a kg:Page ; dcterms:date ?d }")
    period = select(store, f"SELECT ?first ?last WHERE {{ {dataset} dcterms:temporal ?t . "
                           "?t dcat:startDate ?first ; dcat:endDate ?last }")
    assert period == pages and pages[0][0] < pages[0][1]
    assert select(store, f"SELECT ?d WHERE {{ {dataset} dcterms:created ?d }}") == \
        [[TODAY.isoformat()]]
    # the articles read, not those known only from Closest lists (a review's finding)
    [[read]], [[known]] = (select(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a "
                                         f"kg:Article {pattern} }}")
                           for pattern in ("; kg:hasSummary []", ""))
    [[description]] = select(store, f"SELECT ?d WHERE {{ {dataset} dcterms:description ?d }}")
    more = int(known) - int(read)
    assert description == (f"What {int(read):,} horizon-scanning articles report, read from "
                           "their summaries by kg" + (f"; {more:,} more are known only from "
                                                      "their Closest lists." if more else "."))
    assert sorted(row[0] for row in select(
        store, f"SELECT ?s WHERE {{ {dataset} dcterms:source ?s }}")) == \
        sorted(str(folder) for folder in source_dirs)
    prefixes = "".join(f"PREFIX {k}: <{v}>\n" for k, v in V.PREFIXES.items())
    assert bool(store.query(prefixes + f"ASK {{ {dataset} a void:Dataset, dcat:Dataset ; "
                            "owl:imports <https://w3id.org/hskg/ontology> ; "
                            "prov:wasGeneratedBy ?run . ?run prov:wasAssociatedWith ?kg . "
                            f"?kg owl:versionInfo \"{kg.__version__}\" }}"))
