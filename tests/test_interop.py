"""The graph in other hands: pushed into a real Oxigraph server (PyPI `oxigraph`),
exported and read back by independent parsers (rdflib, pyoxigraph, raptor's
`rapper`, serd's `serdi`), and as GraphML/GEXF by networkx."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import build, open_graph
from kg.cli import main
from kg.errors import PushError
from kg.export import named_graphs
from kg.push import count_triples, push
from kg.query import saved_queries
from kg.rdf import to_oxigraph
from kg.store import open_store, triples_from_file

from .conftest import kg_cli, BASE, CORPUS, EXAMPLE, TODAY, free_port, require_tool, start_server, stop_server

pytestmark = [pytest.mark.external, pytest.mark.slow]


ARTICLE = """# __{title}__, (from page [2025010{n}](https://example.org/p/{n}).)

__[External link](https://example.org/a/{n})__

## Keywords

* shared keyword
* keyword {n}

## Technologies

| name | description | relevancy |
|------|-------------|-----------|
| Tech {n} | what article {n} says | {n} |
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """The real corpus when it is there (more variety), else the bundled example with
    three small articles that share a keyword and 40 synthetic ones (related links and
    trends), so every saved query has answers."""
    if CORPUS.is_dir() and any(CORPUS.glob("*.md")):
        return CORPUS
    from bench.make_corpus import CorpusWriter

    folder = tmp_path_factory.mktemp("source")
    for path in EXAMPLE.glob("*.md"):
        (folder / path.name).write_bytes(path.read_bytes())
    for n in (1, 2, 3):
        (folder / f"a{n}.md").write_text(ARTICLE.format(title=f"Article {n}", n=n),
                                         encoding="utf-8")
    CorpusWriter(40, seed=7).write(folder / "synthetic")
    return folder


@pytest.fixture(scope="module")
def built(source, tmp_path_factory):
    out = tmp_path_factory.mktemp("built")
    build([source], out, base=BASE, today=TODAY, html=False)
    return out / "graph.ttl"


@pytest.fixture
def oxigraph_server(tmp_path):
    binary = require_tool("oxigraph")
    port = free_port()
    process = start_server([binary, "serve", "--location", str(tmp_path / "db"),
                            "--bind", f"127.0.0.1:{port}"], port, "/query?query=ASK%7B%7D")
    yield f"http://127.0.0.1:{port}"
    stop_server(process)


def server_select(server: str, query: str) -> list[tuple]:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(server + "/query", data=body, headers={
        "Accept": "application/sparql-results+json",
        "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=60) as response:
        data = json.load(response)
    names = data["head"]["vars"]
    return [tuple(b.get(n, {}).get("value") for n in names) for b in data["results"]["bindings"]]


def our_select(graph_file, query: str) -> list[tuple]:
    results = open_store(graph_file).query(query)
    names = [v.value for v in results.variables]
    return [tuple(None if s[n] is None else s[n].value for n in names) for s in results]


def test_push_then_saved_queries_agree_with_ours(built, oxigraph_server):
    result = kg_cli("push", built, "--store", oxigraph_server + "/store", "-q", "--chunk", "5000")
    expected = len(triples_from_file(built))
    assert f"triples in the store's pushed graphs: {expected} (expected {expected}) ok" in result.output
    assert count_triples(oxigraph_server + "/query") == expected
    # Parameters bound to what the graph has: its top technology, its best-linked article.
    queries = saved_queries()
    [[top, *_], *_] = our_select(built, queries["top-technologies"].text)
    [[label]] = our_select(
        built, f"SELECT ?k WHERE {{ <{top}> <http://www.w3.org/2004/02/skos/core#hiddenLabel> ?k }}")
    [[article, _]] = our_select(built, "PREFIX kg: <https://w3id.org/hskg/ontology#> "
                                "SELECT ?id (COUNT(?other) AS ?n) WHERE { ?a kg:hasKeyword ?k ; "
                                "<http://purl.org/dc/terms/identifier> ?id . ?other kg:hasKeyword"
                                " ?k FILTER(?other != ?a) } GROUP BY ?id ORDER BY DESC(?n) ?id "
                                "LIMIT 1")
    kg_ = "PREFIX kg: <https://w3id.org/hskg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    [[related, *_], *_] = our_select(built, kg_ + "SELECT ?k WHERE { ?r a kg:Relatedness ; "
                                     "kg:relates ?e . ?e skos:hiddenLabel ?k } ORDER BY ?k LIMIT 1")
    [[trend, *_], *_] = our_select(built, kg_ + "SELECT ?l WHERE { ?t a kg:Trend ; "
                                   "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l "
                                   "LIMIT 1")
    values = {"concerns-with-technology": {"technology": label},
              "articles-mentioning": {"label": label}, "similar-articles": {"article": article},
              "related": {"label": related}, "trend": {"name": trend.split(" / ")[0]}}
    for name, saved in queries.items():
        query = saved.bind(values.get(name, {}))
        ours = our_select(built, query)
        theirs = server_select(oxigraph_server, query)
        assert ours, name
        if "ORDER BY" in query.upper():
            assert theirs == ours, name
        else:
            assert sorted(theirs, key=str) == sorted(ours, key=str), name


def test_push_replaces_the_graph_on_a_second_push(built, oxigraph_server):
    push(built, oxigraph_server + "/store")
    report = push(built, oxigraph_server + "/store")  # PUT replaces: no duplicates, same count
    assert report.triples_in_store == report.expected_in_store == len(triples_from_file(built))




def graph_contents(server: str, graph: str) -> set[tuple]:
    return set(server_select(server, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))


def test_per_article_graphs_repush_replaces_only_what_changed(tmp_path, oxigraph_server):
    src = tmp_path / "src"
    src.mkdir()
    for n in (1, 2, 3):
        (src / f"a{n}.md").write_text(ARTICLE.format(title=f"Article {n}", n=n), encoding="utf-8")
    out = tmp_path / "out"
    build([src], out, base=BASE, today=TODAY, html=False)
    store = oxigraph_server + "/store"
    first = push(out / "graph.ttl", store, per_article=True)
    article_graphs = [BASE + f"graph/article/a{n}" for n in (1, 2, 3)]
    assert first.graphs_sent == sorted(article_graphs + [BASE + "graph/shared"])
    assert first.triples_in_store == len(triples_from_file(out / "graph.ttl"))
    before = {g: graph_contents(oxigraph_server, g) for g in article_graphs}
    assert all(before.values())

    same = push(out / "graph.ttl", store, per_article=True)
    assert same.graphs_sent == [] and same.graphs_unchanged == 4 and same.requests == 0

    # Article 2 changes its technology's description only: one graph goes up again.
    (src / "a2.md").write_text(ARTICLE.format(title="Article 2", n=2).replace(
        "what article 2 says", "what article 2 says now"), encoding="utf-8")
    build([src], out, base=BASE, today=TODAY, html=False)
    changed = push(out / "graph.ttl", store, per_article=True)
    assert changed.graphs_sent == [BASE + "graph/article/a2"]
    assert changed.graphs_unchanged == 3
    after = {g: graph_contents(oxigraph_server, g) for g in article_graphs}
    assert after[article_graphs[0]] == before[article_graphs[0]]
    assert after[article_graphs[2]] == before[article_graphs[2]]
    assert after[article_graphs[1]] != before[article_graphs[1]]
    assert any(o == "what article 2 says now" for _, _, o in after[article_graphs[1]])
    assert not any(o == "what article 2 says" for _, _, o in after[article_graphs[1]])

    # Article 3 is removed: its graph is deleted, the shared graph is replaced.
    (src / "a3.md").unlink()
    build([src], out, base=BASE, today=TODAY, html=False)
    removed = push(out / "graph.ttl", store, per_article=True)
    assert removed.graphs_deleted == [BASE + "graph/article/a3"]
    assert removed.graphs_sent == [BASE + "graph/shared"]
    assert graph_contents(oxigraph_server, article_graphs[2]) == set()
    assert count_triples(oxigraph_server + "/query") == len(triples_from_file(out / "graph.ttl"))


# ---- a store that fails, loses its data, or answers badly ----

FAILING_STORE = Path(__file__).with_name("failing_store.py")


@pytest.fixture
def failing_store(oxigraph_server):
    """Start tests/failing_store.py (its own process) in front of the Oxigraph server."""
    started = []

    def start(*options):
        port = free_port()
        started.append(start_server([sys.executable, str(FAILING_STORE), oxigraph_server,
                                     str(port), *map(str, options)], port, "/__ready"))
        return f"http://127.0.0.1:{port}"
    yield start
    for process in started:
        stop_server(process)


def versions(tmp_path, count=3):
    """Two builds of the same articles, the second with other descriptions."""
    src = tmp_path / "src"
    src.mkdir()
    graphs = []
    for version in (1, 2):
        for n in range(1, count + 1):
            (src / f"a{n}.md").write_text(ARTICLE.format(title=f"Article {n}", n=n).replace(
                "says", f"says in version {version}"), encoding="utf-8")
        build([src], tmp_path / f"v{version}", base=BASE, today=TODAY, html=False)
        graphs.append(tmp_path / f"v{version}" / "graph.ttl")
    return graphs


def store_quads(server: str) -> set[tuple]:
    return set(server_select(server, "SELECT ?g ?s ?p ?o WHERE { { ?s ?p ?o } UNION "
                                     "{ GRAPH ?g { ?s ?p ?o } } }"))


def default_graph_of(graph_file) -> set[tuple]:
    return {(None, *(term.value for term in (t.subject, t.predicate, t.object)))
            for t in map(to_oxigraph, triples_from_file(graph_file))}


def test_a_push_that_fails_midway_leaves_the_previous_graph(tmp_path, oxigraph_server,
                                                             failing_store):
    v1, v2 = versions(tmp_path)
    push(v1, oxigraph_server + "/store")
    before = store_quads(oxigraph_server)
    assert before == default_graph_of(v1)
    # Requests: 1 the update probe, 2 the first chunk into a temporary graph, 3 the second
    # chunk: it fails, and so does its one retry (4); 5 removes the temporary graph.
    proxy = failing_store("--fail-from", 3, "--fail-count", 2)
    with pytest.raises(PushError) as failed:
        push(v2, proxy + "/store", chunk=20, retries=1)
    assert re.fullmatch(
        rf"POST {proxy}/store\?graph=urn%3Auuid%3A[0-9a-f-]{{36}}: HTTP 500 Internal Server "
        r"Error: boom — nothing was replaced: the store still holds its previous graphs",
        str(failed.value)), str(failed.value)
    assert store_quads(oxigraph_server) == before  # the old graph, whole, and nothing else

    # A store that keeps failing: the temporary graph cannot be removed, and kg says so.
    proxy = failing_store("--fail-from", 3)
    with pytest.raises(PushError) as failed:
        push(v2, proxy + "/store", chunk=20, retries=0)
    left = re.search(r"the temporary graph <(urn:uuid:[0-9a-f-]{36})> could not be removed$",
                     str(failed.value))
    assert left, str(failed.value)
    assert {q for q in store_quads(oxigraph_server) if q[0] is None} == before
    assert {q[0] for q in store_quads(oxigraph_server)} == {None, left[1]}

    # Through a store that works, the new graph replaces the old one in one step.
    report = push(v2, oxigraph_server + "/store", chunk=20)
    assert report.atomic and report.update_url == oxigraph_server + "/update"
    assert {q for q in store_quads(oxigraph_server) if q[0] is None} == default_graph_of(v2)


def test_without_sparql_update_a_failed_push_says_how_much_the_store_holds(
        tmp_path, oxigraph_server, failing_store):
    v1, v2 = versions(tmp_path)
    total = len(triples_from_file(v2))
    # 1: the update probe (404: no SPARQL Update), 2 and 3: two chunks, 4: fails.
    proxy = failing_store("--no-update", "--fail-from", 4)
    with pytest.raises(PushError) as failed:
        push(v2, proxy + "/store", chunk=20, retries=0)
    assert str(failed.value) == (
        f"POST {proxy}/store?default: HTTP 500 Internal Server Error: boom — the store "
        "takes no SPARQL Update, so the graph went in directly: the default graph now holds "
        f"the first 40 of its {total} triples; push again")
    assert count_triples(oxigraph_server + "/query") == 40


def test_per_article_push_resends_what_the_store_lost(tmp_path, oxigraph_server):
    _, graph = versions(tmp_path)
    store = oxigraph_server + "/store"
    first = push(graph, store, per_article=True)
    every = sorted([BASE + f"graph/article/a{n}" for n in (1, 2, 3)] + [BASE + "graph/shared"])
    assert first.graphs_sent == every and first.atomic
    expected = first.expected_in_store
    update = urllib.request.Request(oxigraph_server + "/update", method="POST",
                                    data=urllib.parse.urlencode({"update": "CLEAR ALL"}).encode())
    urllib.request.urlopen(update, timeout=30).close()  # the store loses everything
    assert count_triples(oxigraph_server + "/query") == 0
    again = push(graph, store, per_article=True)
    assert again.graphs_sent == again.graphs_restored == every
    assert again.triples_in_store == count_triples(oxigraph_server + "/query") == expected

    # One graph lost: only that one goes up again.
    urllib.request.urlopen(urllib.request.Request(
        oxigraph_server + "/update", method="POST", data=urllib.parse.urlencode(
            {"update": f"DROP GRAPH <{BASE}graph/article/a2>"}).encode()), timeout=30).close()
    third = push(graph, store, per_article=True)
    assert third.graphs_sent == [BASE + "graph/article/a2"] and third.graphs_unchanged == 3
    assert count_triples(oxigraph_server + "/query") == expected

    # --force sends everything, whatever the record says.
    forced = kg_cli("push", graph, "--store", store, "--per-article-graphs", "--force", "-q")
    assert forced.output.splitlines()[:2] == [
        "graphs sent: 4  unchanged: 0  deleted: 0", f"triples sent: {expected} in 5 requests"]
    assert count_triples(oxigraph_server + "/query") == expected


def test_push_errors_are_one_line(tmp_path, built, oxigraph_server, failing_store):
    def run(*args):
        result = CliRunner().invoke(main, ["push", str(built), *map(str, args), "-q"])
        assert result.exit_code == 1
        return result.output

    port = free_port()  # nothing listens there
    assert run("--store", f"http://127.0.0.1:{port}/store") == (
        f"Error: cannot reach POST http://127.0.0.1:{port}/update: Connection refused\n")
    assert run("--store", "localhost:7878/store") == (
        "Error: --store 'localhost:7878/store' is not an http(s) URL (e.g. "
        "http://localhost:7878/store)\n")
    # a port that is no port (a review: a traceback, not this line; no password shown)
    for port in ("notaport", "99999"):
        assert run("--store", f"http://alice:s3cret@127.0.0.1:{port}/store") == (
            f"Error: --store 'http://…@127.0.0.1:{port}/store' is not an http(s) URL (e.g. "
            "http://localhost:7878/store)\n")
    proxy = failing_store("--html-error", "--status", 403, "--no-update", "--fail-from", 2)
    assert run("--store", proxy + "/store") == (
        f"Error: PUT {proxy}/store?default: HTTP 403 Forbidden: 403 Error — Error boom"
        " — the store takes no SPARQL Update, so the graph went in directly: the default graph "
        "was not replaced; push again\n")
    assert run("--store", "http://127.0.0.1:8890/sparql-graph-crud") == (
        "Error: Virtuoso's Graph CRUD endpoint takes named graphs only: give --graph IRI "
        "(or --per-article-graphs)\n")


# ---- a hostile record, store or option (found by an attack on push) ----

def update(server: str, text: str) -> None:
    urllib.request.urlopen(urllib.request.Request(
        server + "/update", method="POST",
        data=urllib.parse.urlencode({"update": text}).encode()), timeout=30).close()


def test_a_poisoned_push_record_deletes_nothing_kg_did_not_push(tmp_path, oxigraph_server):
    """The record's names went into `DROP SILENT GRAPH <name>` as written: one holding
    `> ; DROP ALL ;` emptied the store, one naming another graph deleted it."""
    v1, _ = versions(tmp_path)
    update(oxigraph_server, "INSERT DATA { GRAPH <urn:victim> { <urn:a> <urn:b> <urn:c> } }")
    push(v1, oxigraph_server + "/store", per_article=True)
    before = store_quads(oxigraph_server)
    record = next((v1.parent / ".kg-cache").glob("push-*.json"))
    saved = json.loads(record.read_text())
    for name in ("urn:x> ; DROP ALL ; DROP SILENT GRAPH <urn:y", "urn:victim",
                 BASE + "graph/article/z> ; DROP ALL ; DROP SILENT GRAPH <urn:y"):
        saved[name] = {"digest": "0", "triples": 1}
    record.write_text(json.dumps(saved))
    report = push(v1, oxigraph_server + "/store", per_article=True)
    assert report.graphs_deleted == []
    assert store_quads(oxigraph_server) == before
    assert ("urn:victim", "urn:a", "urn:b", "urn:c") in before
    record.write_bytes(b"[" * 100_000)  # (deep: a RecursionError traceback)
    assert push(v1, oxigraph_server + "/store", per_article=True).graphs_deleted == []
    assert store_quads(oxigraph_server) == before


def test_a_push_record_from_elsewhere_deletes_nothing(tmp_path, oxigraph_server,
                                                      monkeypatch):
    """An attack: the push record was not sealed; a folder handed over with one naming
    another archive's article graphs (its name is a hash of the store's URL) made
    `kg push --per-article-graphs` drop them. A record counts only when sealed by this
    user for this graph file and store."""
    import shutil

    (tmp_path / "theirs").mkdir()
    theirs, _ = versions(tmp_path / "theirs")
    push(theirs, oxigraph_server + "/store", per_article=True)
    held = {quad for quad in store_quads(oxigraph_server) if "/graph/article/" in quad[0]}
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "a9.md").write_text(ARTICLE.format(title="Article 9", n=9), encoding="utf-8")
    build([mine], tmp_path / "out", base=BASE, today=TODAY, html=False)
    record = next((theirs.parent / ".kg-cache").glob("push-*.json"))
    shutil.copy(record, tmp_path / "out" / ".kg-cache" / record.name)  # (a sealed one)
    report = push(tmp_path / "out" / "graph.ttl", oxigraph_server + "/store", per_article=True)
    assert report.graphs_deleted == [] and held <= store_quads(oxigraph_server)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))  # (another seal)
    from kg import seal

    seal._secret.cache_clear()
    try:
        report = push(theirs, oxigraph_server + "/store", per_article=True)
        assert report.graphs_unchanged == 0 and report.graphs_deleted == []
    finally:
        monkeypatch.undo()
        seal._secret.cache_clear()
    assert held <= store_quads(oxigraph_server)


def test_an_older_push_record_put_back_deletes_nothing(tmp_path, oxigraph_server):
    """A third review: a sealed record of the same folder, kept and put back (a backup
    restored), was trusted: its graphs no longer in today's graph were dropped, though
    another archive had pushed a graph of that name since. Only the latest record of a
    graph file and store counts; an older one is no record (everything is sent, nothing
    deleted)."""
    import shutil

    store = oxigraph_server + "/store"
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    for folder in (mine, theirs):
        (folder / "src").mkdir(parents=True)
    for n in (1, 2):
        (mine / "src" / f"a{n}.md").write_text(ARTICLE.format(title=f"Article {n}", n=n),
                                               encoding="utf-8")
    build([mine / "src"], mine, base=BASE, today=TODAY, html=False)
    push(mine / "graph.ttl", store, per_article=True)
    record = next((mine / ".kg-cache").glob("push-*.json"))
    kept = record.read_bytes()
    # Article 2 moves to the other archive; both are pushed.
    shutil.move(mine / "src" / "a2.md", theirs / "src" / "a2.md")
    build([mine / "src"], mine, base=BASE, today=TODAY, html=False)
    assert push(mine / "graph.ttl", store, per_article=True).graphs_deleted == \
        [BASE + "graph/article/a2"]
    build([theirs / "src"], theirs, base=BASE, today=TODAY, html=False)
    push(theirs / "graph.ttl", store, per_article=True)
    theirs_held = {quad for quad in store_quads(oxigraph_server)
                   if quad[0] == BASE + "graph/article/a2"}
    assert theirs_held

    record.write_bytes(kept)  # (the backup put back)
    again = push(mine / "graph.ttl", store, per_article=True)
    assert again.graphs_deleted == []
    assert BASE + "graph/article/a1" in again.graphs_sent  # (no record: all sent)
    assert [note[:50] for note in again.notes] == [
        "the push record of this graph file and store is no"]
    assert theirs_held <= store_quads(oxigraph_server)
    # The record this push wrote is the latest again: the next push trusts it.
    assert push(mine / "graph.ttl", store, per_article=True).graphs_sent == []


def test_a_record_read_through_a_linked_cache_deletes_nothing(tmp_path, oxigraph_server):
    """A review: a folder whose .kg-cache links to another project's (pushed to the same
    store) read that project's sealed, latest record as its own, and its push deleted
    that project's article graphs. A record is sealed to its graph file."""
    import shutil

    store = oxigraph_server + "/store"
    theirs, mine = tmp_path / "theirs", tmp_path / "mine"
    for folder, numbers in ((theirs, (1, 2)), (mine, (3,))):
        (folder / "src").mkdir(parents=True)
        for n in numbers:
            (folder / "src" / f"a{n}.md").write_text(ARTICLE.format(title=f"Article {n}", n=n),
                                                     encoding="utf-8")
        build([folder / "src"], folder, base=BASE, today=TODAY, html=False)
    push(theirs / "graph.ttl", store, per_article=True)
    held = {quad for quad in store_quads(oxigraph_server) if "/graph/article/" in quad[0]}
    shutil.rmtree(mine / ".kg-cache")
    (mine / ".kg-cache").symlink_to(theirs / ".kg-cache")
    report = push(mine / "graph.ttl", store, per_article=True)
    assert report.graphs_deleted == [] and held <= store_quads(oxigraph_server)


def test_a_push_whose_record_cannot_be_kept_says_so(tmp_path, oxigraph_server, monkeypatch):
    """A review: the id of the latest record kept where it could not be (a file in the
    way of ~/.cache/kg/latest) failed the push with a traceback after the store had
    changed. The push succeeds and says the next one sends every graph."""
    from kg import seal

    v1, _ = versions(tmp_path)
    (tmp_path / "xdg" / "kg").mkdir(parents=True)
    (tmp_path / "xdg" / "kg" / "latest").write_text("in the way")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    seal._secret.cache_clear()
    try:
        report = push(v1, oxigraph_server + "/store", per_article=True)
        assert report.triples_in_store == report.expected_in_store
        assert [note[:45] for note in report.notes] == [
            "the record of this push could not be kept (Fi"]
        again = push(v1, oxigraph_server + "/store", per_article=True)
        assert again.graphs_unchanged == 0 and again.graphs_deleted == []
    finally:
        monkeypatch.undo()
        seal._secret.cache_clear()


def test_a_push_record_is_never_written_through_a_linked_cache(tmp_path, oxigraph_server):
    v1, _ = versions(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    import shutil

    shutil.rmtree(v1.parent / ".kg-cache")
    (v1.parent / ".kg-cache").symlink_to(elsewhere)
    push(v1, oxigraph_server + "/store", per_article=True)
    assert list(elsewhere.iterdir()) == []
    assert len(list((v1.parent / ".kg-cache").glob("push-*.json"))) == 1
    empty = tmp_path / "empty.ttl"
    empty.write_text("")
    with pytest.raises(PushError, match="the graph is empty: nothing to push"):
        push(empty, oxigraph_server + "/store", per_article=True)


def test_two_graph_files_of_one_folder_keep_their_own_push_records(tmp_path, oxigraph_server):
    v1, _ = versions(tmp_path)
    other = tmp_path / "other"
    (other / "src").mkdir(parents=True)
    (other / "src" / "b1.md").write_text(ARTICLE.format(title="Other", n=7), encoding="utf-8")
    build([other / "src"], other, base=BASE, today=TODAY, html=False)
    (v1.parent / "project-b.ttl").write_bytes((other / "graph.ttl").read_bytes())
    first = push(v1, oxigraph_server + "/store", per_article=True)
    second = push(v1.parent / "project-b.ttl", oxigraph_server + "/store", per_article=True)
    assert second.graphs_deleted == []
    held = {q[0] for q in store_quads(oxigraph_server)}
    assert set(first.graphs_sent) <= held and BASE + "graph/article/b1" in held


def test_push_follows_no_redirect_and_takes_only_absolute_graph_names(
        tmp_path, oxigraph_server, failing_store):
    v1, _ = versions(tmp_path)
    log = tmp_path / "elsewhere.log"
    elsewhere = failing_store("--log", log)  # logs every request it gets
    proxy = failing_store("--fail-from", 1, "--redirect", elsewhere + "/update")
    with pytest.raises(PushError) as failed:
        push(v1, proxy + "/store", retries=0)
    assert str(failed.value) == (
        f"POST {proxy}/update: HTTP 302 Found: the store redirects to "
        f"'{elsewhere}/update', which kg does not follow; give that URL")
    assert not log.exists()
    for graph in ("urn:a> ; DROP ALL ; DROP SILENT GRAPH <urn:b", "kg", "urn:a b"):
        with pytest.raises(PushError, match="is not an absolute IRI"):
            push(v1, oxigraph_server + "/store", graph=graph)
    assert store_quads(oxigraph_server) == set()


def test_credentials_in_the_store_url_are_sent_not_shown(tmp_path, oxigraph_server,
                                                          failing_store):
    v1, _ = versions(tmp_path)
    proxy = failing_store("--user", "alice:s3cret")
    port = proxy.rsplit(":", 1)[1]
    report = push(v1, f"http://alice:s3cret@127.0.0.1:{port}/store")
    assert report.triples_in_store == report.expected_in_store > 0
    with pytest.raises(PushError) as failed:
        push(v1, f"http://alice:wrong@127.0.0.1:{port}/store")
    assert "401" in str(failed.value) and "wrong" not in str(failed.value)
    assert "alice" not in str(failed.value)
    # each URL's own: the count through the proxy, the graph straight to the store
    report = push(v1, oxigraph_server + "/store",
                  sparql_url=f"http://alice:s3cret@127.0.0.1:{port}/query")
    assert report.triples_in_store == report.expected_in_store
    with pytest.raises(PushError) as failed:
        push(v1, "ftp://alice:s3cret@127.0.0.1/store")
    assert "s3cret" not in str(failed.value)
    refusing = failing_store("--fail-from", 1, "--status", 403)
    with pytest.raises(PushError) as failed:
        push(v1, refusing + "/store?api_key=s3cret", update_url="", retries=0)
    assert "api_key=…" in str(failed.value) and "s3cret" not in str(failed.value)


def test_each_urls_credentials_go_with_it_and_none_is_shown(tmp_path, failing_store):
    """An attack: --update's own user:password was replaced by --store's (same host and
    port), the success line printed --update with its ?access_token=, and a password
    holding "/" was printed whole (its user name taken for a host)."""
    import base64

    v1, _ = versions(tmp_path)
    log = tmp_path / "requests.log"
    proxy = failing_store("--log", log)
    port = proxy.rsplit(":", 1)[1]
    result = CliRunner().invoke(main, [
        "push", str(v1), "--store", f"http://alice:storepw@127.0.0.1:{port}/store",
        "--update", f"http://bob:updatepw@127.0.0.1:{port}/update?access_token=SECRET1"])
    assert result.exit_code == 0, result.output
    assert "SECRET1" not in result.output and "pw" not in result.output
    assert "/update?access_token=…" in result.output
    sent = {}
    for line in log.read_text().splitlines():
        method, path, authorization = line.split(" ", 2)
        user = base64.b64decode(authorization.split("Basic ")[1]).decode().split(":")[0]
        sent.setdefault(path.split("?")[0], set()).add(user)
    assert sent["/update"] == {"bob"} and sent["/store"] == {"alice"}, sent
    for url in (f"http://alice:tok3n/Zx9@127.0.0.1:{port}/store",
                f"http://alice:8080/Zx9secret@127.0.0.1:{port}/store",
                f"http://alice:pa?Zx9@127.0.0.1:{port}/store",  # (a second review's)
                f"http://alice:12?Zx9@127.0.0.1:{port}/store",
                f"http://alice:pa#Zx9@127.0.0.1:{port}/store"):
        result = CliRunner().invoke(main, ["push", str(v1), "--store", url])
        assert result.exit_code == 1
        assert "Zx9" not in result.output and "%2F" in result.output, result.output
    result = CliRunner().invoke(main, ["push", str(v1), "--store",
                                       f"http://127.0.0.1:{port}/gsp?access_token=SECRET2"])
    assert result.exit_code == 1 and "SECRET2" not in result.output, result.output
    # an @ in a path is no password
    from kg.push import _Client, _check_url

    for url in (f"http://127.0.0.1:{port}/store/@x", f"http://127.0.0.1:{port}/u/@kg/s?x=1"):
        assert _check_url(url, "--store") == url
    # credentials go to their own scheme, host and port, under their own path
    client = _Client(credentials={"http://127.0.0.1": "A", "http://h.example/s": "S"})
    assert [client.authorization_for(url) for url in (
        "http://127.0.0.1/update", "http://127.0.0.10/update", "http://127.0.0.1.example.org/x",
        "http://127.0.0.1:8080/x", "https://127.0.0.1/x", "http://h.example/s?graph=g",
        "http://h.example/sparql")] == ["A", None, None, None, None, "S", "S"]


def test_a_failing_update_probe_stops_the_push_and_a_lost_answer_is_said(
        tmp_path, oxigraph_server, failing_store):
    """A 503 on the probe made kg upload directly (the old graph then lost on a later
    failure); a MOVE the store applied but whose answer was lost was retried, refused,
    and reported as 'nothing was replaced'."""
    v1, v2 = versions(tmp_path)
    push(v1, oxigraph_server + "/store")
    before = store_quads(oxigraph_server)
    proxy = failing_store("--fail-from", 1, "--fail-count", 1, "--status", 503)
    with pytest.raises(PushError, match=r"^POST .*/update: HTTP 503"):
        push(v2, proxy + "/store", retries=0)
    assert store_quads(oxigraph_server) == before
    # 1 the probe, 2 the chunk into a temporary graph, 3 the MOVE: applied, answer lost
    proxy = failing_store("--fail-from", 3, "--fail-count", 1, "--after-store", "--status", 502)
    with pytest.raises(PushError) as failed:
        push(v2, proxy + "/store")
    assert "the store did not say whether it replaced the graphs" in str(failed.value)
    assert {q for q in store_quads(oxigraph_server) if q[0] is None} == default_graph_of(v2)


def test_a_store_that_answers_nonsense_is_a_one_line_error(tmp_path, oxigraph_server):
    import socket
    import threading

    v1, _ = versions(tmp_path)

    def dripping_store(head: bytes, drip: bytes, pause: float, times: int) -> socket.socket:
        """A store that sends `head`, then `drip` a byte each `pause` s, `times` times,
        to every request (until closed)."""
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen()

        def serve():
            while True:
                try:
                    connection, _ = listener.accept()
                except OSError:
                    return
                connection.recv(65536)
                try:
                    connection.sendall(head)
                    for byte in drip * times:
                        connection.sendall(bytes([byte]))
                        time.sleep(pause)
                except OSError:
                    pass
                connection.close()

        threading.Thread(target=serve, daemon=True).start()
        return listener

    for answer in (b"HTTP/1.1 200 OK\r\nContent-Length: 999\r\n\r\nshort",  # IncompleteRead
                   b"HTTP/1.1 2x0 OK\r\n\r\n"):  # BadStatusLine
        listener = dripping_store(answer, b"", 0, 0)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        with pytest.raises(PushError, match=rf"^cannot reach POST {url}/update: "):
            push(v1, url + "/store", retries=0)
        listener.close()
    for body in (b"nonsense", json.dumps({"results": {"bindings": [{"n": {"value": "x"}}]}})
                 .encode(), b'{"results": {"bindings": ' + b"[" * 100_000):  # (deep: a
        # RecursionError traceback)
        with pytest.raises(PushError, match="the store's (answer is not SPARQL JSON results"
                                            "|count is not a number)"):
            from kg.push import _results, _number
            _number(_results(body, "http://x/query")[0], "n", "http://x/query")
    from kg.push import _Client

    # A store that drips its answer, never silent long enough for the socket's timeout:
    # the deadline (the body of a 2xx; its status line, headers or an error's body too:
    # an attack found the deadline timed a 2xx body only)
    def late(listener: socket.socket, deadline: int, retries: int) -> None:
        started = time.monotonic()
        with pytest.raises(PushError, match=f"no whole answer in {deadline} s"):
            _Client(retries=retries, timeout=5, deadline=deadline).request(
                "POST", f"http://127.0.0.1:{listener.getsockname()[1]}/update", b"x")
        assert time.monotonic() - started < deadline + 1.5
        listener.close()

    for head, drip in ((b"HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n", b"x"),
                       (b"", b"HTTP/1.1 200 OK\r\n"), (b"HTTP/1.1 200 OK\r\n", b"X-A: b\r\n"),
                       (b"HTTP/1.1 500 Boom\r\nContent-Length: 99\r\n\r\n", b"x")):
        late(dripping_store(head, drip, 0.05, 40), deadline=1, retries=0)
    # ... and its retries are timed with it (a second review: a 503 just inside the
    # deadline, each time, held one request for all of them)
    late(dripping_store(b"HTTP/1.1 503 Busy\r\nContent-Length: 8\r\n\r\n", b"busy now",
                        0.08, 1), deadline=2, retries=4)
    blank = tmp_path / "blank.ttl"  # a graph written by hand: blank nodes, no article/
    blank.write_text("_:b <urn:p> <urn:o> .\n<urn:thing> <%s> true .\n" % "https://w3id.org/"
                     "hskg/ontology#isLoaded", encoding="utf-8")
    report = push(blank, oxigraph_server + "/store", per_article=True)
    assert report.triples_in_store == 2
    with pytest.raises(PushError, match="has blank nodes, which would be split over 2 "
                                        "requests: push it with --chunk 2"):
        push(blank, oxigraph_server + "/store", chunk=1)


# ---- formats read back by independent parsers ----

def canonical(triples_or_quads) -> set[str]:
    return {str(t) for t in triples_or_quads}


@pytest.fixture(scope="module")
def our_triples(built):
    return canonical(to_oxigraph(t) for t in triples_from_file(built))


@pytest.fixture(scope="module")
def our_quads(built):
    quads = set()
    for name, triples in named_graphs(triples_from_file(built)).items():
        for t in triples:
            o = to_oxigraph(t)
            quads.add(str(ox.Quad(o.subject, o.predicate, o.object, ox.NamedNode(name))))
    return quads


def exported(built, fmt: str, tmp_path):
    path = tmp_path / f"g.{fmt}"
    kg_cli("export", built, "--format", fmt, "-o", path)
    return path


@pytest.mark.parametrize("fmt, oxformat, quads", [
    ("ttl", ox.RdfFormat.TURTLE, False), ("nt", ox.RdfFormat.N_TRIPLES, False),
    ("trig", ox.RdfFormat.TRIG, True), ("nq", ox.RdfFormat.N_QUADS, True),
    ("jsonld", ox.RdfFormat.JSON_LD, False),
])
def test_pyoxigraph_reads_every_export(built, tmp_path, our_triples, our_quads, fmt, oxformat,
                                       quads):
    path = exported(built, fmt, tmp_path)
    parsed = canonical(ox.parse(path=str(path), format=oxformat))
    assert parsed == (our_quads if quads else our_triples)


@pytest.mark.parametrize("fmt, rdflib_format", [
    ("ttl", "turtle"), ("nt", "nt"), ("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")])
def test_rdflib_reads_every_export_isomorphic(built, tmp_path, fmt, rdflib_format):
    import rdflib
    from rdflib.compare import isomorphic

    path = exported(built, fmt, tmp_path)
    ours = rdflib.Graph().parse(data="".join(
        f"{t} .\n" for t in (to_oxigraph(x) for x in triples_from_file(built))), format="nt")
    if fmt in ("trig", "nq"):
        dataset = rdflib.Dataset()
        dataset.parse(path, format=rdflib_format)
        merged = rdflib.Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            merged.add((s, p, o))
        assert len(list(dataset.graphs())) >= 2
        theirs = merged
    else:
        theirs = rdflib.Graph().parse(path, format=rdflib_format)
    assert len(theirs) == len(ours)
    assert isomorphic(theirs, ours)


@pytest.mark.parametrize("tool, fmt, syntax, out_syntax", [
    ("rapper", "ttl", "turtle", "ntriples"), ("rapper", "nt", "ntriples", "ntriples"),
    ("rapper", "trig", "trig", "nquads"), ("rapper", "nq", "nquads", "nquads"),
    ("serdi", "ttl", "turtle", "ntriples"), ("serdi", "nt", "ntriples", "ntriples"),
    ("serdi", "trig", "trig", "nquads"), ("serdi", "nq", "nquads", "nquads"),
])
def test_debian_parsers_read_every_export(built, tmp_path, our_triples, our_quads, tool, fmt,
                                          syntax, out_syntax):
    binary = require_tool(tool)
    path = exported(built, fmt, tmp_path)
    if tool == "rapper":
        command = [binary, "-q", "-i", syntax, "-o", out_syntax, str(path)]
    else:
        command = [binary, "-i", syntax, "-o", out_syntax, str(path)]
    done = subprocess.run(command, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    oxformat = ox.RdfFormat.N_QUADS if out_syntax == "nquads" else ox.RdfFormat.N_TRIPLES
    parsed = canonical(ox.parse(io.BytesIO(done.stdout), format=oxformat))
    assert parsed == (our_quads if out_syntax == "nquads" else our_triples)


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_formats_read_back_by_networkx(built, tmp_path, fmt, reader):
    path = exported(built, fmt, tmp_path)
    ours = open_graph(built).to_networkx()
    theirs = reader(path)
    assert theirs.number_of_nodes() == ours.number_of_nodes()
    assert theirs.number_of_edges() == ours.number_of_edges()
    node = next(n for n, t in ours.nodes(data="type") if t == "Technology")
    data = theirs.nodes[node]
    assert data["type"] == "Technology" and data["label"] == ours.nodes[node]["label"]
    relations = {d.get("relation") for _, _, d in theirs.edges(data=True)}
    assert "mentionsTechnology" in relations and "hasKeyword" in relations


def test_export_to_stdout_and_unknown_format(built):
    result = CliRunner().invoke(main, ["export", str(built), "--format", "nt"])
    assert result.exit_code == 0
    assert len(result.stdout_bytes.splitlines()) == len(triples_from_file(built))
    bad = CliRunner().invoke(main, ["export", str(built), "--format", "xlsx"])
    assert bad.exit_code == 1
    assert bad.output == ("Error: unknown export format 'xlsx'; known: ttl, nt, jsonld, rdfxml, "
                          "nq, trig, graphml, gexf, csv\n")


def test_export_graph_api_counts(built):
    buffer = io.BytesIO()
    count = len(triples_from_file(built))
    assert open_graph(built).export(buffer, "nq") == f"{count} triples"
    assert len(buffer.getvalue().splitlines()) == count
