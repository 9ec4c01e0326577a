"""The explorer's choices: the index of the whole graph, the view the page opens on, its
layout, and that the page `kg build` writes equals `kg view` of its graph.ttl, with
related links and trends too."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from kg import InputError, build, open_graph
from kg import vocab as V
from kg.explore import (active_nodes, find_nodes, finish_index, index_from_networkx,
                        index_from_parts, layout, select, start_index)
from kg.corpus import canonical_map
from kg.model import RelatedLink, Trend
from kg.parts import SharedNodes, article_head, article_part, group_by_article
from kg.related import Settings
from kg.view import page_data, read_page_data, render_html

from .conftest import BASE, EXAMPLE, SYNTHETIC_DOCS, TODAY, one_row_articles


@pytest.fixture(scope="module")
def any_build(source_dirs, tmp_path_factory):
    """The real archive's build and a synthetic corpus' (runs without the archive)."""
    out = tmp_path_factory.mktemp("corpus")
    build(source_dirs, out, base=BASE, today=TODAY)
    return out


@pytest.fixture(scope="module")
def corpus_index(corpus_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    graph = build([corpus_dir], out, base=BASE, today=TODAY, html=False).to_networkx()
    return graph, index_from_networkx(graph)


def lonely(index, drawn: list[int]) -> list[int]:
    """Drawn nodes with no drawn neighbour that do have a neighbour in the graph."""
    u, v = index.pairs()
    member = np.zeros(len(index), dtype=bool)
    member[drawn] = True
    links = np.bincount(u, weights=member[v], minlength=len(index))
    any_links = np.bincount(u, minlength=len(index))
    return [n for n in drawn if links[n] == 0 and any_links[n] > 0]


def test_build_page_equals_view_page(any_build):
    built = read_page_data((any_build / "graph.html").read_text(encoding="utf-8"))
    graph = open_graph(any_build / "graph.ttl").to_networkx()
    viewed = read_page_data(render_html(graph))
    assert graph.number_of_nodes() > 600  # so the overview had to choose
    assert len(built["drawn"]) == 600
    assert built == viewed
    # the whole graph is in the index: every node, every edge
    assert len(built["index"]["l"]) == built["nodes"] == graph.number_of_nodes()
    assert len(built["index"]["et"]) == built["edges"] == graph.number_of_edges()
    assert built["title"] in ("corpus + seed", "docs")  # the source folders


def test_overview_draws_no_node_alone_and_drivers_with_their_signals(any_build):
    graph = open_graph(any_build / "graph.ttl").to_networkx()
    index = index_from_networkx(graph)
    drawn = select(index, max_nodes=600)
    assert len(drawn) == 600
    assert lonely(index, drawn) == []
    shown = set(drawn)
    for n in drawn:
        if index.types[n] == "DrivingForce":
            signals = {index.es[i] for i in np.flatnonzero(index.et == n)}
            assert signals & shown, index.labels[n]
    # and no piece apart: two driving forces joined by a related link, their signals not
    # drawn, floated at the map's edge (a review's finding); every piece holds an article
    pieces = nx.Graph()
    pieces.add_nodes_from(drawn)
    pieces.add_edges_from((a, b) for a, b in zip(*index.pairs()) if a in shown and b in shown)
    assert all(any(n < index.articles for n in piece)
               for piece in nx.connected_components(pieces))


def test_overview_shows_every_type_and_the_shared_entities(corpus_index):
    graph, index = corpus_index
    drawn = set(select(index, max_nodes=600))
    assert {index.types[n] for n in drawn} == set(index.types)
    shared = {n for n in range(index.articles, len(index)) if index.types[n] != "DrivingForce"
              and sum(1 for m in set(graph.predecessors(index.ids[n]))
                      if graph.nodes[m]["type"] == "Article") >= 2}
    assert shared <= drawn


def test_layout_is_stable_and_spreads_nodes(corpus_index):
    _, index = corpus_index
    drawn = select(index, max_nodes=600)
    first, again = layout(index, drawn), layout(index, drawn)
    assert first == again and set(first) == set(drawn)
    assert len(set(first.values())) == len(drawn)  # no two nodes on one spot


def test_focus_depth_is_the_neighbourhood_of_the_most_linked_match(corpus_index):
    graph, index = corpus_index
    starts = find_nodes(index, "generative ai")  # a keyword and a theme, most linked first
    assert sorted(index.types[n] for n in starts) == ["Keyword", "Theme"]
    assert index.degree()[starts[0]] >= index.degree()[starts[1]]
    assert find_nodes(index, "Theme:Generative  AI") == [n for n in starts if index.types[n] == "Theme"]
    near = select(index, focus="Generative AI", depth=1, max_nodes=None)
    start = index.ids[starts[0]]
    expected = {start, *nx.all_neighbors(graph, start)}
    assert {index.ids[n] for n in near} == expected
    two = select(index, focus="generative ai", depth=2, max_nodes=None)
    assert set(near) < set(two)
    cut = select(index, focus="generative ai", depth=2, max_nodes=10)
    assert len(cut) == 10 and starts[0] in cut and set(near) <= set(cut) | set(near)
    with pytest.raises(InputError, match="no node labelled 'no such node'"):
        select(index, focus="no such node")


def test_focus_finds_a_node_by_any_of_its_names(tmp_path):
    """`--focus 'Theme:science fiction'` failed where the theme's label is "sci-fi" (its
    most frequent name) and "science fiction" is its other name."""
    src = tmp_path / "src"
    src.mkdir()
    for n, theme in enumerate(("sci-fi", "sci-fi", "science fiction")):
        (src / f"a{n}.md").write_text(
            f"# __A{n}__, (from page [20240101](https://k.org/p/{n}).)\n\n"
            f"## Themes\n\n* {theme}\n", encoding="utf-8")
    index = index_from_networkx(build([src], tmp_path / "out", html=False).to_networkx())
    found = find_nodes(index, "Theme:science fiction")
    assert [(index.labels[n], index.ids[n].rsplit("/", 2)[-2:]) for n in found] == [
        ("sci-fi", ["theme", "science_fiction"])]


def test_focus_and_page_find_a_node_by_each_of_its_other_names(tmp_path):
    """Resolution joins "self-driving cars" into the node "driverless cars" (its most
    frequent name; its IRI of neither's key): `--focus` and the page find it by either,
    the page carries its other names, and a build's page and `kg view`'s agree."""
    src = tmp_path / "src"
    src.mkdir()
    for n, tech in enumerate(("driverless cars", "Driverless cars", "self-driving cars",
                              "Self-Driving Cars")):
        (src / f"a{n}.md").write_text(
            f"# __A{n}__, (from page [20240101](https://k.org/p/{n}).)\n\n"
            f"## Technologies\n\n| name | description |\n|--|--|\n| {tech} | d |\n",
            encoding="utf-8")
    graph = build([src], tmp_path / "out", base=BASE, today=TODAY)
    index = index_from_networkx(graph.to_networkx())
    found = find_nodes(index, "Technology:self-driving cars")
    assert [(index.labels[n], index.ids[n].removeprefix(BASE)) for n in found] == [
        ("Driverless cars", "technology/driverless_car")]
    assert index.other_names == {found[0]: ["Self-Driving Cars", "driverless cars",
                                            "self-driving cars"]}
    built = read_page_data((tmp_path / "out" / "graph.html").read_text(encoding="utf-8"))
    assert built["index"]["on"] == [[found[0], ["Self-Driving Cars", "driverless cars",
                                                "self-driving cars"]]]
    assert read_page_data(render_html(graph.to_networkx()))["index"] == built["index"]


def test_entities_of_one_key_are_linked_on_the_page(tmp_path):
    """A technology "Digital Twins" and an issue "digital twin" are one concept in two
    types (skos:exactMatch in the Turtle): the page links them both ways, from a build
    and from `kg view` alike, and the links count as no row's own."""
    src = one_row_articles(tmp_path / "src", [("Technologies", "Digital Twins"),
                                              ("Issues", "digital twin")])
    graph = build([src], tmp_path / "out", base=BASE, today=TODAY)
    index = index_from_networkx(graph.to_networkx())
    exact = index.relations.index("exactMatch")
    pairs = sorted((index.ids[a].removeprefix(BASE), index.ids[b].removeprefix(BASE))
                   for a, b, r in zip(index.es, index.et, index.er) if r == exact)
    assert pairs == [("issue/digital_twin", "technology/digital_twin"),
                     ("technology/digital_twin", "issue/digital_twin")]
    built = read_page_data((tmp_path / "out" / "graph.html").read_text(encoding="utf-8"))
    assert read_page_data(render_html(graph.to_networkx()))["index"] == built["index"]
    # the date range of A0 alone keeps the technology, and not the issue through the link
    kept = select(index, since="2024-01-01", until="2024-01-01", max_nodes=None)
    assert sorted(index.labels[n] for n in kept) == ["A0", "Digital Twins"]


def test_types_filter_keeps_linking_articles_only(corpus_index):
    _, index = corpus_index
    shown = select(index, types=["Technology", "Concern"], max_nodes=None)
    kinds = {index.types[n] for n in shown}
    assert kinds == {"Technology", "Concern", "Article"}
    every = {n for n, t in enumerate(index.types) if t in ("Technology", "Concern")}
    assert every <= set(shown)
    start, targets = index.neighbours()
    for n in shown:
        if n < index.articles:
            assert {index.types[m] for m in targets[start[n]:start[n + 1]]} & {"Technology", "Concern"}
    with pytest.raises(InputError, match="unknown node type"):
        select(index, types=["Gadget"])


def test_date_range_keeps_articles_in_range_and_what_they_name(corpus_index):
    graph, index = corpus_index
    shown = select(index, since="2024-06-01", until="2024-12-31", max_nodes=None)
    articles = [n for n in shown if n < index.articles]
    expected = [n for n in range(index.articles) if "2024-06-01" <= index.dates[n] <= "2024-12-31"]
    assert articles == expected and articles
    for n in shown:
        if index.types[n] == "Trend":  # a trend points at its articles
            assert {index.number_of(a) for a in graph.successors(index.ids[n])} & set(articles)
        elif index.types[n] not in ("Article", "DrivingForce"):
            assert {index.number_of(a) for a in graph.predecessors(index.ids[n])} & set(articles)


def test_min_degree(corpus_index):
    graph, index = corpus_index
    shown = select(index, min_degree=3, max_nodes=None)
    assert {index.ids[n] for n in shown} == {n for n, d in graph.degree if d >= 3}
    assert 0 < len(shown) < len(index)


def test_article_texts_keep_each_articles_own_description(tmp_path):
    out = tmp_path / "out"
    build([EXAMPLE], out, base=BASE, today=TODAY)
    data = read_page_data((out / "graph.html").read_text(encoding="utf-8"))
    labels = data["index"]["l"]
    [article] = [n for n, t in enumerate(data["index"]["t"]) if data["types"][t] == "Article"]
    summary, mentions = data["texts"][article]
    assert summary.startswith("Coca-Cola")
    said = {labels[entity]: (description, change, outlook)
            for entity, description, change, outlook in mentions}
    assert said["Digital Twins"][0].startswith("Virtual replicas of physical entities")
    signal = said["Decentralization of AI Teams"]
    assert signal[1].startswith("Transition from centralized AI teams")
    assert signal[2].startswith("Organizations may integrate AI")
    # relevancy is on the article -> entity edge
    es = np.cumsum(data["index"]["es"])
    target = labels.index("Decentralization of AI Teams")
    [edge] = [i for i, s in enumerate(es) if s == article and
              _targets(data["index"])[i] == target]
    assert data["index"]["ev"][edge] == 4


def _targets(index: dict) -> list[int]:
    out, t = [], 0
    for i, (s, step) in enumerate(zip(index["es"], index["et"])):
        t = (t if i and s == 0 else 0) + step
        out.append(t)
    return out


def escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def triples_of(related: list[RelatedLink], trends: list[Trend]) -> list[str]:
    """N-Triples lines (valid Turtle) for related links and trends, as the ontology says."""
    def lit(value, kind):
        return f'"{value}"^^<{kind}>'

    lines = []
    for number, link in enumerate(related):
        r = f"<{BASE}relatedness/{number}>"
        lines += [f"<{link.first}> <{V.RELATED}> <{link.second}> .",
                  f"<{link.second}> <{V.RELATED}> <{link.first}> .",
                  f"{r} <{V.TYPE}> <{V.RELATEDNESS}> .", f"{r} <{V.RELATES}> <{link.first}> .",
                  f"{r} <{V.RELATES}> <{link.second}> .",
                  f"{r} <{V.SCORE}> {lit(link.score, V.XSD_DECIMAL)} ."]
    for trend in trends:
        t = f"<{trend.iri}>"
        lines += [f"{t} <{V.TYPE}> <{V.TREND}> .", f'{t} <{V.LABEL}> "{escaped(trend.label)}" .',
                  f"{t} <{V.ARTICLE_COUNT}> {lit(len(trend.articles), V.XSD_INTEGER)} .",
                  f"{t} <{V.FIRST_DATE}> {lit(trend.first_date, V.XSD_DATE)} .",
                  f"{t} <{V.LAST_DATE}> {lit(trend.last_date, V.XSD_DATE)} ."]
        lines += [f"{t} <{V.MEMBER}> <{m}> ." for m in trend.members]
        lines += [f"{t} <{V.TREND_ARTICLE}> <{a}> ." for a in trend.articles]
        for month, count in trend.months:
            m = f"<{trend.iri}/month/{month}>"
            lines += [f"{t} <{V.MONTHLY_COUNT}> {m} .", f"{m} <{V.MONTH}> {lit(month, V.XSD_GYEARMONTH)} .",
                      f"{m} <{V.ARTICLE_COUNT}> {lit(count, V.XSD_INTEGER)} ."]
    return lines


def test_parts_and_graph_file_give_one_index_with_related_links_and_trends(synthetic_dir, tmp_path):
    # The build's own related links and trends stay out: the test appends known ones.
    graph = build([synthetic_dir], tmp_path, base=BASE, today=TODAY, html=False, keep_records=True,
                  related=Settings(enabled=False))
    parts = [article_part(group, BASE) for group in group_by_article(graph.report.records).values()]
    shared = SharedNodes(BASE, TODAY)
    for part in parts:
        shared.add(part)
    shared.set_canonical(canonical_map(((iri, form) for part in parts for iri, form in part.forms),
                                       BASE))  # the keys the corpus joins, as the build joins them
    network = graph.to_networkx()
    techs = sorted(n for n, t in network.nodes(data="type") if t == "Technology")
    concerns = sorted(n for n, t in network.nodes(data="type") if t == "Concern")
    related = [RelatedLink(techs[0], concerns[0], 0.42, "names"),
               RelatedLink(techs[1], techs[2], 0.9, "names")]
    articles = sorted(a for a in network.predecessors(techs[0]))
    trends = [Trend(BASE + "trend/deepfakes", "Deepfakes <b>&</b> \"misinformation\"",
                    (techs[0], concerns[0]), tuple(articles), "2024-01-05", "2024-03-01",
                    (("2024-01", 1), ("2024-03", 1)))]
    with open(tmp_path / "graph.ttl", "a", encoding="utf-8") as handle:
        handle.write("\n" + "\n".join(triples_of(related, trends)) + "\n")
    from_file = index_from_networkx(open_graph(tmp_path / "graph.ttl").to_networkx())
    from_parts = index_from_parts(lambda: iter(parts), shared, related, trends)
    passes = []  # the articles' heads taken ahead (a build's pass over the parts): one pass

    def parts_once():
        passes.append(1)
        return iter(parts)

    from_heads = finish_index(start_index(parts_once, shared, [article_head(p) for p in parts]),
                              related, trends)
    assert len(passes) == 1
    for name in ("ids", "types", "labels", "dates", "urls", "loaded", "folders", "relations",
                 "scores", "trends", "chunks"):
        assert getattr(from_file, name) == getattr(from_parts, name), name
        assert getattr(from_heads, name) == getattr(from_parts, name), name
    for name in ("es", "et", "er", "ev"):
        assert getattr(from_file, name).tolist() == getattr(from_parts, name).tolist(), name
        assert getattr(from_heads, name).tolist() == getattr(from_parts, name).tolist(), name
    trend = from_parts.number_of(BASE + "trend/deepfakes")
    assert from_parts.trends[trend] == (len(articles), "2024-01-05", "2024-03-01",
                                        [["2024-01", 1], ["2024-03", 1]])
    assert from_parts.scores[tuple(sorted((from_parts.number_of(techs[0]),
                                           from_parts.number_of(concerns[0]))))] == 0.42
    # the trend is drawn as a hub of its members
    page = page_data(from_parts, focus="Trend:Deepfakes", depth=1)
    assert {from_parts.ids[n] for n, *_ in page["drawn"]} == {
        BASE + "trend/deepfakes", techs[0], concerns[0], *articles}


def test_date_range_reaches_what_the_overview_leaves_out(any_build):
    index = index_from_networkx(open_graph(any_build / "graph.ttl").to_networkx())
    overview = set(select(index, max_nodes=600))
    month = max(d[:7] for d in index.dates if d)
    active = active_nodes(index, since=month + "-01", until=month + "-31")
    narrowed = set(select(index, since=month + "-01", until=month + "-31", max_nodes=600))
    assert narrowed <= set(np.flatnonzero(active))
    assert narrowed - overview  # entities the overview had no room for


def test_page_escapes_script_endings_and_line_separators():
    graph = nx.MultiDiGraph()
    graph.add_node("x", type="Keyword", label="</script><script>alert(1)</script>\u2028&amp;")
    html = render_html(graph, title="<b>t</b></script>")
    assert "</script><script>alert" not in html and "\u2028" not in html
    assert "<title>&lt;b&gt;t&lt;/b&gt;&lt;/script&gt; · kg explorer</title>" in html
    data = read_page_data(html)
    assert data["index"]["l"] == ["</script><script>alert(1)</script>\u2028&amp;"]
    assert data["title"] == "<b>t</b></script>"


def test_a_rebuild_draws_the_page_a_clean_build_draws(synthetic_dir, tmp_path):
    import shutil

    source = tmp_path / "docs"
    shutil.copytree(synthetic_dir, source)
    build([source], tmp_path / "out", base=BASE, today=TODAY)
    changed = sorted(source.glob("*.md"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n## Keywords\n\n* rebuilt\n",
                       encoding="utf-8")
    rebuilt = build([source], tmp_path / "out", base=BASE, today=TODAY)
    assert rebuilt.report.reused > 0  # the other articles' parts came from the cache
    build([source], tmp_path / "clean", base=BASE, today=TODAY, use_cache=False)
    pages = [read_page_data((tmp_path / name / "graph.html").read_text(encoding="utf-8"))
             for name in ("out", "clean")]
    summaries = [summary for summary, _ in pages[1]["texts"] if summary]
    assert len(summaries) > SYNTHETIC_DOCS // 2  # the cache keeps them
    assert pages[0]["texts"] == pages[1]["texts"]
    assert pages[0] == pages[1] and pages[0]["title"] == "docs"
