"""The explorer page in a real headless Chromium, with the network blocked."""

from __future__ import annotations

import re
import struct
import urllib.parse
from collections import Counter

import pytest

from kg import InputError, open_graph
from kg.explore import index_from_networkx, select
from kg.view import read_page_data

from .browser import OpenPage, chromium_or_skip, launched
from .conftest import EXAMPLE, SEED, kg_cli, one_row_articles

pytestmark = [pytest.mark.external, pytest.mark.slow]


@pytest.fixture(scope="module")
def browser():
    with launched() as browser:
        yield browser


@pytest.fixture(scope="module")
def example_page_path(tmp_path_factory):
    out = tmp_path_factory.mktemp("example")
    kg_cli("build", EXAMPLE, "-o", out, "-q")
    return out / "graph.html"


@pytest.fixture
def example(browser, example_page_path):
    page = OpenPage(browser, example_page_path)
    yield page
    page.close()


@pytest.fixture(scope="module")
def big_page_path(request, tmp_path_factory):
    """The real archive with the seed (a synthetic corpus without it): more nodes than
    the overview draws."""
    from .conftest import corpus_present

    out = tmp_path_factory.mktemp("big")
    if corpus_present():
        kg_cli("build", request.getfixturevalue("corpus_dir"), SEED, "-o", out, "-q")
    else:
        kg_cli("build", request.getfixturevalue("synthetic_dir"), "-o", out, "-q")
    return out / "graph.html"


@pytest.fixture(scope="module")
def big(browser, big_page_path):
    page = OpenPage(browser, big_page_path)
    yield page
    page.close()


@pytest.fixture(scope="module")
def outside(big_page_path):
    """Entities the overview leaves out, with a label no other node has."""
    data = read_page_data(big_page_path.read_text(encoding="utf-8"))
    labels, types = data["index"]["l"], [data["types"][t] for t in data["index"]["t"]]
    drawn = {n for n, *_ in data["drawn"]}
    # (search ignores case: "Black-and-white Packaging" finds a Behavior and a Signal)
    counts = Counter(label.casefold() for label in labels)
    found = [n for n in range(len(labels)) if n not in drawn and types[n] not in ("Article",)
             and counts[labels[n].casefold()] == 1 and ":" not in labels[n]]
    assert found
    return [(n, types[n], labels[n]) for n in found[:3]]


def go(page: OpenPage, fragment: str) -> None:
    """Change the page's address fragment as a person following a link would."""
    page.eval("(hash) => { location.hash = hash; }", fragment)
    page.page.wait_for_timeout(50)


def test_page_loads_offline_and_draws_the_example(example):
    assert [url for url in example.requests if not url.startswith("file:")] == []
    assert example.errors == []
    policy = example.eval("document.querySelector('meta[http-equiv=Content-Security-Policy]')"
                          ".content")
    assert policy.startswith("default-src 'none'; script-src 'sha256-")
    assert example.violations() == []  # its own scripts ran, nothing else
    # 1 article + 49 entities; 44 article edges + 5 signal -> driving force + 5 exactMatch
    # (generative AI as keyword, theme and technology: 3; Coca-Cola as keyword and theme;
    # consumer engagement through AI as signal and behavior)
    assert example.eval("[kg.nodes.length, kg.edges.length]") == [50, 54]
    assert example.eval("document.querySelectorAll('#graph canvas').length") == 1
    legend = example.eval("[...document.querySelectorAll('#legend label')].map(l => l.textContent)")
    assert legend == ["Article(1)", "Keyword(6)", "Theme(5)", "Category(1)", "Content Type(1)",
                      "Signal(5)", "Concern(7)", "Behavior(7)", "Technology(6)", "Issue(6)",
                      "Driving Force(5)"]
    assert example.eval("document.title") == "examples (2025-03-23 to 2025-03-23) · kg explorer"
    assert example.eval("document.getElementById('status').textContent") == "50 of 50 nodes drawn"


def test_legend_shapes_are_the_shapes_vis_draws(example):
    pairs = example.eval("""() => {
        const swatch = Object.fromEntries([...document.querySelectorAll('#legend label')].map(
            (l) => [l.querySelector('input').dataset.type, l.querySelector('canvas').dataset.shape]));
        return kg.nodes.get().map((n) => [n.group, kg.network.body.nodes[n.id].options.shape,
                                          swatch[n.group]]);
    }""")
    assert len({group for group, *_ in pairs}) == 11
    assert all(drawn == legend for _, drawn, legend in pairs), pairs
    # and the pixels agree: a node drawn by vis and the legend's drawing of its shape
    overlap = example.eval("""() => {
        const out = {};
        const canvas = document.querySelector('#graph canvas'), ratio = window.devicePixelRatio || 1;
        const ctx = canvas.getContext('2d');
        const picks = new Map(kg.nodes.get().map((n) => [n.group, n.id]));
        for (const [group, id] of picks) {
            kg.setState({focus: id});
            kg.network.moveTo({position: kg.network.getPositions([id])[id], scale: 3, animation: false});
            kg.network.redraw();
            const node = kg.network.body.nodes[id], size = node.options.size * 3 * ratio;
            const c = kg.network.canvasToDOM(kg.network.getPositions([id])[id]);
            const box = Math.ceil(size * 1.6);
            const x0 = Math.round(c.x * ratio - box), y0 = Math.round(c.y * ratio - box);
            const drawn = ctx.getImageData(x0, y0, 2 * box, 2 * box).data;
            const colour = node.options.color.background;
            const rgb = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
            out[group] = {};
            for (const [shape, draw] of Object.entries(window.kgShapes)) {
                const mine = document.createElement('canvas'); mine.width = mine.height = 2 * box;
                const m = mine.getContext('2d');
                draw(m, c.x * ratio - x0, c.y * ratio - y0, size);
                m.fillStyle = '#000'; m.fill();
                const ours = m.getImageData(0, 0, 2 * box, 2 * box).data;
                let both = 0, either = 0;
                for (let i = 0; i < drawn.length; i += 4) {
                    const a = Math.abs(drawn[i] - rgb[0]) + Math.abs(drawn[i + 1] - rgb[1])
                              + Math.abs(drawn[i + 2] - rgb[2]) < 30;
                    const b = ours[i + 3] > 128;
                    if (a && b) both++; if (a || b) either++;
                }
                out[group][shape] = both / either;
            }
        }
        return out;
    }""")
    # each node's pixels match the legend's drawing of its shape best of all shapes (a
    # dot and a hexagon differ by a few pixels only)
    shape = {group: drawn for group, drawn, _ in pairs}
    for group, scores in overlap.items():
        assert scores[shape[group]] >= max(scores.values()) - 0.02, (group, scores)
        assert scores[shape[group]] > 0.65, (group, scores)


def test_corpus_overview_is_honest_and_draws_no_node_alone(big, big_page_path):
    assert big.errors == []
    graph = open_graph(big_page_path.with_suffix(".ttl")).to_networkx()
    index = index_from_networkx(graph)
    expected = select(index, max_nodes=600)
    assert sorted(big.eval("kg.nodes.getIds()")) == expected
    total = f"{graph.number_of_nodes():,}"
    # the links between the drawn nodes are said too when not all of them are drawn
    status = big.eval("document.getElementById('status').textContent")
    shown = re.fullmatch(rf"600 of {total} nodes drawn(?:; ([\d,]+) of their ([\d,]+) links)?",
                         status)
    assert shown, status
    if shown.group(1):
        drawn, among = (int(n.replace(",", "")) for n in shown.groups())
        assert drawn == big.eval("kg.edges.length") < among
    lonely = big.eval("""() => {
        const linked = new Set(kg.edges.get().flatMap((e) => [e.from, e.to]));
        return kg.nodes.getIds().filter((n) => !linked.has(n) && kg.degree(n) > 0);
    }""")
    assert lonely == []


def test_the_legend_says_how_many_articles_were_read(big, big_page_path):
    """The header counts the articles read, the legend every article node: those only
    another article's Closest list names are nodes too (46 and 96 on the corpus)."""
    graph = open_graph(big_page_path.with_suffix(".ttl"))
    read, linked = (int(graph.query(f"SELECT (COUNT(?a) AS ?n) WHERE {{ ?a a kg:Article ; "
                                    f"kg:isLoaded {flag} }}").values()[0]["n"])
                    for flag in ("true", "false"))
    title = big.eval("document.querySelector('#legend label').title")
    if linked:
        assert title == f"{read + linked:,} in the graph: {read:,} read, {linked:,} known only " \
            "from Closest lists"
    else:
        assert title == f"{read:,} in the graph"


def test_labels_show_for_the_important_nodes_without_overlap(big):
    big.eval("kg.setState({focus: null, types: null, min: 0, from: '', to: ''})")
    boxes = big.eval("""() => kg.placedLabels().map((n) => {
        const s = kg.network.body.nodes[n].labelModule.size;
        const a = kg.network.canvasToDOM({x: s.left, y: s.top});
        const b = kg.network.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
        return [n, a.x, a.y, b.x, b.y, kg.network.body.nodes[n].options.label];
    })""")
    assert len(boxes) >= 25
    assert all(label for *_, label in boxes)
    for i, (_, x1, y1, x2, y2, _) in enumerate(boxes):
        for (_, u1, v1, u2, v2, _) in boxes[i + 1:]:
            assert not (x1 < u2 - 1 and u1 < x2 - 1 and y1 < v2 - 1 and v1 < y2 - 1)
    # the most important drawn node is labelled, readable (>= 10 px)
    top = big.eval("kg.drawn().sort((a, b) => kg.weight(b) - kg.weight(a) || a - b)[0]")
    assert top in [n for n, *_ in boxes]
    assert big.eval("(n) => kg.network.body.nodes[n].options.font.size * kg.network.getScale()", top) >= 10


def test_search_suggests_every_type_with_that_name(big):
    found = big.eval("kg.findAll('generative ai').filter((n) => kg.key(kg.label(n)) === "
                     "'generative ai').map((n) => kg.type(n))")
    if len(found) < 2:
        pytest.skip("no name shared by two types in this corpus")
    big.page.fill("#search", "Generative AI")
    options = big.eval("[...document.querySelectorAll('#suggestions li')].map((li) => "
                       "[li.querySelector('.name').textContent, li.querySelector('.kind').textContent])")
    exact = [kind.split(" ·")[0] for name, kind in options if name.lower() == "generative ai"]
    assert sorted(exact) == sorted(t.replace("DrivingForce", "Driving Force") for t in found)
    # keyboard: down to the second, Enter picks it
    big.page.press("#search", "ArrowDown")
    big.page.press("#search", "Enter")
    chosen = big.eval("kg.selected")
    assert big.eval("(n) => kg.label(n)", chosen) == options[1][0]
    assert urllib.parse.unquote(big.eval("location.hash")).startswith(
        "#focus=" + big.eval("(n) => kg.type(n)", chosen) + ":")


def test_search_and_details_know_every_name_of_a_node(browser, tmp_path):
    """A node resolution made of several names is found by each, the suggestion says by
    which, and its details list them (as text: one is hostile)."""
    hostile = "driverless cars <img src=x onerror=window.pwned=9>"
    src = one_row_articles(tmp_path / "src", [
        ("Technologies", tech) for tech in ("driverless cars", "driverless cars",
                                            "self-driving cars", hostile, hostile.upper())])
    kg_cli("build", src, "-o", tmp_path / "out", "-q")
    page = OpenPage(browser, tmp_path / "out" / "graph.html")
    try:
        node = page.eval("kg.search('driverless cars')")
        assert page.eval("kg.search('Technology:self-driving cars')") == node
        page.page.fill("#search", "self-driv")
        options = page.eval("[...document.querySelectorAll('#suggestions li .name')]"
                            ".map((e) => e.textContent)")
        assert options == ["driverless cars (self-driving cars)"]
        page.eval("(n) => kg.select(n, false)", node)
        assert page.eval("document.querySelector('#details h2 + p').textContent") == \
            "Also written: self-driving cars"
        hostile_node = page.eval("(text) => kg.search(text)", hostile.upper())
        page.eval("(n) => kg.select(n, false)", hostile_node)
        other = ({hostile, hostile.upper()} - {page.eval("(n) => kg.label(n)", hostile_node)}).pop()
        assert page.eval("document.querySelector('#details h2 + p').textContent") == \
            "Also written: " + other
        assert page.eval(INERT) == [None, 0, 0]
        assert page.errors == [] and page.dialogs == []
    finally:
        page.close()


def test_one_thing_named_as_two_types_is_linked_and_said_so(browser, tmp_path):
    """The technology "Digital Twins" and the issue "digital twin" share a key
    (skos:exactMatch): the map draws one link between them and each one's details
    name the other."""
    src = one_row_articles(tmp_path / "src", [("Technologies", "Digital Twins"),
                                              ("Issues", "digital twin")])
    kg_cli("build", src, "-o", tmp_path / "out", "-q")
    page = OpenPage(browser, tmp_path / "out" / "graph.html")
    try:
        technology = page.eval("kg.search('Technology:Digital Twins')")
        issue = page.eval("kg.search('Issue:digital twin')")
        titles = page.eval("kg.network.body.data.edges.get().map((e) => [e.from, e.to, e.title])")
        assert [t for t in titles if "exactMatch" in t[2]] == [
            [min(technology, issue), max(technology, issue),
             "the same thing, named as two types (exactMatch)"]]
        page.eval("(n) => kg.select(n, false)", technology)
        assert page.eval("[...document.querySelectorAll('#details p.meta')].map((p) => "
                         "p.textContent).filter((t) => t.startsWith('Also named'))") == [
            "Also named so: Issue “digital twin”"]
        page.eval("(n) => kg.select(n, false)", issue)
        assert "Also named so: Technology “Digital Twins”" in page.eval(
            "document.getElementById('details').textContent")
        assert page.errors == [] and page.violations() == []
    finally:
        page.close()


def test_a_one_way_exact_match_from_another_tool_is_drawn_and_said(browser, tmp_path):
    """kg states skos:exactMatch both ways; a graph edited elsewhere may state one way
    only: the link is drawn, and named in the details of both ends, all the same."""
    src = one_row_articles(tmp_path / "src", [("Technologies", "Digital Twins"),
                                              ("Concerns", "Data Privacy")])
    kg_cli("build", src, "-o", tmp_path / "out", "-q")
    graph = tmp_path / "out" / "graph.ttl"
    iris = dict((name, iri) for iri, name in open_graph(graph).entity_nodes())
    with open(graph, "a", encoding="utf-8") as out:  # the concern, in this order only
        out.write(f"<{iris['Data Privacy']}> <http://www.w3.org/2004/02/skos/core#exactMatch> "
                  f"<{iris['Digital Twins']}> .\n")
    kg_cli("view", graph, "-o", tmp_path / "v.html")
    page = OpenPage(browser, tmp_path / "v.html")
    try:
        titles = page.eval("kg.network.body.data.edges.get().map((e) => e.title)")
        assert titles.count("the same thing, named as two types (exactMatch)") == 1
        for name, other in (("Digital Twins", "Concern “Data Privacy”"),
                            ("Data Privacy", "Technology “Digital Twins”")):
            page.eval("(n) => kg.select(n, false)", page.eval("(t) => kg.search(t)", name))
            assert "Also named so: " + other in page.eval(
                "document.getElementById('details').textContent"), name
        assert page.errors == [] and page.violations() == []
    finally:
        page.close()


def test_focus_search_and_details_reach_entities_outside_the_overview(browser, big_page_path, outside):
    n, kind, label = outside[0]
    page = OpenPage(browser, big_page_path, fragment="#focus=" + urllib.parse.quote(f"{kind}:{label}"))
    try:
        assert page.eval("kg.selected") == n
        assert n in page.eval("kg.drawn()")
        assert page.eval("document.querySelector('#details h2').textContent") == label
        articles = page.eval("document.querySelectorAll('#details li button[data-node]').length")
        assert articles >= 1
        # search finds another one
        m, _, other = outside[1]
        assert page.eval("(text) => kg.search(text)", other) == m
        assert m in page.eval("kg.drawn()")
        # and clicking through the details panel draws the next one's neighbourhood
        target = page.eval("Number(document.querySelector('#details button[data-node]').dataset.node)")
        page.page.click("#details button[data-node]")
        assert page.eval("kg.selected") == target and target in page.eval("kg.drawn()")
        assert page.errors == []
    finally:
        page.close()


def test_texts_open_in_the_page_as_python_reads_them(browser, big_page_path):
    """The articles' texts are bzip2 chunks the page opens with its seek-bzip: the first,
    middle and last articles' texts are what Python's bz2 gives, and an entity's panel
    shows its description from them."""
    data = read_page_data(big_page_path.read_text(encoding="utf-8"))
    texts, chunk = data["texts"], data["chunk"]
    articles = len(data["index"]["d"])
    page = OpenPage(browser, big_page_path)
    try:
        for a in sorted({0, chunk - 1, chunk, articles // 2, articles - 1} & set(range(articles))):
            assert page.eval("(a) => kg.textsOf(a)", a) == texts[a], a
        a, (entity, description) = next((a, (row[0], row[1])) for a, (_, rows) in enumerate(texts)
                                         for row in rows if row[1] and a >= articles - chunk)
        page.eval("(n) => kg.setState({focus: n})", entity)
        page.wait_for(
            "(text) => [...document.querySelectorAll('#details .text')].some((e) => e.textContent === text)",
            description)
        assert page.errors == []
    finally:
        page.close()


def test_date_control_reaches_entities_outside_the_overview(browser, big_page_path):
    page = OpenPage(browser, big_page_path)
    try:
        overview = set(page.eval("kg.drawn()"))
        last = page.eval("document.getElementById('to').max")
        page.eval("(v) => { const f = document.getElementById('from'); f.value = v; "
                  "f.dispatchEvent(new Event('change')); }", last)
        state = page.eval("(() => { const s = kg.state(); return [s.from, s.to]; })()")
        assert state[0].endswith("-01") and state[1] == ""
        drawn = set(page.eval("kg.drawn()"))
        assert drawn - overview
        articles = [n for n in drawn if n < page.eval("kg.A")]
        assert articles  # the articles of that month, and what they name
        dates = page.eval("(ids) => ids.map((n) => kg.dateOf(n))", articles)
        assert all(d.startswith(state[0][:7]) for d in dates)
        assert "from=" + state[0] in page.eval("location.hash")
        assert page.eval("document.getElementById('range-text').textContent").startswith(state[0])
    finally:
        page.close()


def test_the_address_keeps_the_view(browser, big_page_path, outside):
    n, kind, label = outside[0]
    page = OpenPage(browser, big_page_path)
    try:
        page.eval("""([n]) => kg.setState({focus: n, depth: 2, min: 1, from: '2024-01-01', to: '2025-12-31',
                                          types: new Set(['Article', 'Signal', 'Technology'])})""", [n])
        hash_ = page.eval("location.hash")
        drawn = page.eval("kg.drawn()")
    finally:
        page.close()
    again = OpenPage(browser, big_page_path, fragment=hash_)
    try:
        state = again.eval("(() => { const s = kg.state(); return [s.focus, s.depth, [...s.types].sort(), "
                           "s.min, s.from, s.to, s.tab]; })()")
        assert state == [n, 2, ["Article", "Signal", "Technology"], 1, "2024-01-01", "2025-12-31", "map"]
        assert again.eval("kg.drawn()") == drawn
        assert again.eval("kg.selected") == n
        go(again, "#tab=radar")
        assert again.eval("kg.state().tab") == "radar"
        assert again.eval("document.getElementById('radar').hidden") is False
    finally:
        again.close()


def test_every_report_link_selects_its_entity(browser, big_page_path, tmp_path):
    report = tmp_path / "report.html"
    kg_cli("stats", big_page_path.with_suffix(".ttl"), "-o", report)
    links = re.findall(r'href="[^"#]*#focus=([^"]+)"', report.read_text(encoding="utf-8"))
    assert len(links) > 20
    page = OpenPage(browser, big_page_path)
    try:
        missed = []
        for link in dict.fromkeys(links):
            label = urllib.parse.unquote(link.replace("&amp;", "&"))
            go(page, "#focus=" + link.replace("&amp;", "&"))
            selected = page.eval("kg.selected")
            # The report links "Type:label" (the page's own focus form): that type, that label.
            if selected is None or page.eval("(n) => kg.type(n) + ':' + kg.key(kg.label(n))",
                                             selected) != page.eval(
                    "(t) => t.slice(0, t.indexOf(':') + 1) + kg.key(t.slice(t.indexOf(':') + 1))",
                    label):
                missed.append(label)
        assert missed == []
        assert page.errors == []
    finally:
        page.close()


def test_radar_places_or_counts_every_signal_and_technology(browser, big_page_path):
    page = OpenPage(browser, big_page_path, fragment="#tab=radar")
    try:
        blips = page.eval("document.querySelectorAll('#radar-svg .blip').length")
        apart = page.eval("document.querySelectorAll('#radar-apart .blip').length")
        total = page.eval("kg.data.counts.Signal + (kg.data.counts.Technology || 0)")
        assert blips + apart == total and blips > 0
        count = page.eval("document.getElementById('radar-apart-count').textContent")
        assert count == f"Not placed: {apart:,}"
        # the two reasons add up to it (they overlapped: 145 = 32 + 145, a review's finding)
        why = page.eval("document.getElementById('radar-apart-count').nextSibling.textContent")
        first, second = (int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", why)[:2])
        assert first + second == apart and why.endswith(" with a category but no relevancy.")
        sectors = page.eval("[...document.querySelectorAll('#radar-svg .sector')].map((t) => t.textContent)")
        assert sectors == sorted(sectors) and sectors
        first = page.eval("Number(document.querySelector('#radar-svg .blip').dataset.node)")
        tip = page.eval("document.querySelector('#radar-svg .blip title').textContent")
        assert tip.startswith(page.eval("(n) => kg.type(n) + ': ' + kg.label(n)", first))
        page.page.click("#radar-svg .blip", force=True)
        assert page.eval("document.querySelector('#details h2').textContent") == page.eval(
            "(n) => kg.label(n)", page.eval("kg.selected"))
        # the keyboard walks the blips and opens one
        page.page.focus("#radar-svg")
        page.page.keyboard.press("ArrowRight")
        page.page.keyboard.press("ArrowRight")
        said = page.eval("document.getElementById('status').textContent")
        second = page.eval("Number(document.querySelectorAll('#radar-svg .blip')[1].dataset.node)")
        assert said.startswith(page.eval("(n) => kg.type(n) + ': ' + kg.label(n)", second))
        page.page.keyboard.press("Enter")
        assert page.eval("kg.selected") == second
        page.page.select_option("#radar-colour", "trend")
        assert page.eval("document.querySelectorAll('#radar-svg .blip').length") == blips
        assert page.errors == []
    finally:
        page.close()


def test_zoom_buttons(example):
    scale = example.eval("kg.network.getScale()")
    example.page.click("#zoom-in")
    assert example.eval("kg.network.getScale()") == pytest.approx(scale * 1.4)
    example.page.click("#zoom-out")
    example.page.click("#zoom-out")
    assert example.eval("kg.network.getScale()") == pytest.approx(scale / 1.4)
    example.page.click("#zoom-fit")
    inside = example.eval("""() => { const box = document.getElementById('graph').getBoundingClientRect();
        return Object.values(kg.network.getPositions()).every((p) => { const d = kg.network.canvasToDOM(p);
            return d.x >= 0 && d.y >= 0 && d.x <= box.width && d.y <= box.height; }); }""")
    assert inside


def test_keyboard_reaches_search_and_its_suggestions(example):
    # from the top of the page, the keyboard reaches the search box first
    example.page.keyboard.press("Tab")
    assert example.eval("document.activeElement.tagName + '#' + document.activeElement.id") == "INPUT#search"
    example.page.keyboard.type("digital twins")
    example.page.keyboard.press("Enter")
    assert example.eval("(n) => kg.label(n)", example.eval("kg.selected")) == "Digital Twins"


CONTRAST = """() => {
  const lum = (rgb) => { const c = rgb.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => v / 255)
      .map((v) => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; };
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const b = getComputedStyle(el).backgroundColor;
      if (b && !b.startsWith('rgba(0, 0, 0, 0)') && b !== 'transparent') return b;
    }
    return 'rgb(255, 255, 255)';
  };
  const worst = [];
  const texts = 'h1, #subtitle, #status, #legend label, #range-text, #details *, button, ' +
                '#suggestions li *, #radar-side *';
  for (const el of document.querySelectorAll(texts)) {
    const own = [...el.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
    if (!own) continue;
    const a = lum(getComputedStyle(el).color), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) worst.push([el.tagName, el.className, el.textContent.slice(0, 30), ratio]);
  }
  return worst;
}"""


def test_text_contrast_is_wcag_aa(big):
    big.page.fill("#search", "a")
    big.eval("kg.select(kg.drawn()[0], false)")
    assert big.eval(CONTRAST) == []
    big.eval("kg.setState({tab: 'radar'})")
    assert big.eval(CONTRAST) == []
    big.eval("kg.setState({tab: 'map'})")


HOSTILE = """# __<script>window.pwned = 1</script>__, (from page [20250101](https://k.org/p/1).)

## External link

javascript:window.pwned=3

## Keywords

* <img src=x onerror="window.pwned = 2">
* "quoted" </script><b>bold</b>
* it's & < \u202eevil\u202c \u0007bell
* Signal:<img src=y onerror="window.pwned=6">

## Other

* Category: <img src=z onerror="window.pwned=7">

## Signals

| name | description | change | 10-year | driving-force | relevancy |
|------|-------------|--------|---------|---------------|-----------|
| <iframe src="javascript:window.pwned=8"> | "><script>window.pwned=9</script> \
| <b onmouseover=window.pwned=10>x</b> | </script> | <img src=q onerror=window.pwned=11> | 4 |

## Technologies

| name | description | relevancy |
|------|-------------|-----------|
| <svg onload=window.pwned=4> | "><script>window.pwned=5</script> | 4 |

## Closest

* [<img src=c onerror=window.pwned=12>](javascript:window.pwned=13)
"""

INERT = ("[window.pwned, document.querySelectorAll('img, iframe, b, object, embed').length, "
         "document.querySelectorAll('a[href^=\"javascript\"], [onerror], [onload], [onmouseover]').length]")


def test_hostile_text_is_inert_in_every_panel_and_interaction(browser, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "evil.md").write_text(HOSTILE, encoding="utf-8")
    kg_cli("build", src, "-o", tmp_path / "out", "-q")
    html = tmp_path / "out" / "graph.html"
    page = OpenPage(browser, html)
    try:
        baseline = page.eval("document.querySelectorAll('script').length")
        assert page.eval(INERT) == [None, 0, 0]
        labels = page.eval("kg.drawn().map((n) => kg.label(n))")
        assert "<img src=x onerror=\"window.pwned = 2\">" in labels
        assert "<svg onload=window.pwned=4>" in labels
        # every node: its details panel, its tooltip, its suggestion list
        for n in page.eval("kg.drawn()"):
            page.eval("(n) => kg.select(n, false)", n)
            page.eval("(n) => kg.setState({focus: n})", n)
            position = page.eval("(n) => kg.network.canvasToDOM(kg.network.getPositions([n])[n])", n)
            box = page.page.locator("#graph").bounding_box()
            page.page.mouse.move(box["x"] + position["x"], box["y"] + position["y"])
            page.page.wait_for_timeout(200)
            page.page.fill("#search", page.eval("(n) => kg.label(n)", n)[:12])
            links = page.page.locator("#details button[data-node]")
            if links.count():
                links.first.click()  # through the panel to another node's panel
            assert page.eval(INERT) == [None, 0, 0], n
        # a tooltip shows a hostile label as text
        img = page.eval("kg.findNode('Keyword:<img src=x onerror=\"window.pwned = 2\">')")
        page.eval("(n) => kg.setState({focus: n})", img)
        position = page.eval("(n) => kg.network.canvasToDOM(kg.network.getPositions([n])[n])", img)
        page.page.mouse.move(box["x"] + position["x"] + 1, box["y"] + position["y"] + 1)
        page.wait_for("document.querySelector('.vis-tooltip') && "
                      "document.querySelector('.vis-tooltip').style.visibility !== 'hidden'")
        tooltip = page.eval("[document.querySelector('.vis-tooltip').textContent, "
                            "document.querySelectorAll('.vis-tooltip *:not(br)').length]")
        assert tooltip[0].startswith('Keyword: <img src=x onerror="window.pwned = 2">') and tooltip[1] == 0
        # the radar: every blip hovered and clicked
        page.eval("kg.setState({tab: 'radar'})")
        for blip in page.page.locator("#radar .blip").all():
            blip.hover(force=True)
            blip.click(force=True)
        assert page.eval(INERT) == [None, 0, 0]
        # hostile addresses
        for fragment in ("#focus=" + urllib.parse.quote('<img src=x onerror="window.pwned=20">'),
                         "#focus=Signal:%3C%2Fscript%3E&types=%3Cb%3E&from=javascript:x&to=%22%3E",
                         "#focus=javascript:window.pwned=21&tab=%3Cimg%3E"):
            go(page, fragment)
            assert page.eval(INERT) == [None, 0, 0], fragment
        assert "nothing labelled" in page.eval("document.getElementById('status').textContent")
        assert page.eval("document.querySelectorAll('script').length") == baseline
        assert page.errors == [] and page.dialogs == [] and page.violations() == []
    finally:
        page.close()


def test_view_screenshot_is_a_png_of_the_page(tmp_path, example_page_path):
    chromium_or_skip()
    graph = example_page_path.with_suffix(".ttl")
    result = kg_cli("view", graph, "-o", tmp_path / "v.html", "--screenshot", "--radar",
                    "--title", "Example")
    png = (tmp_path / "v.png").read_bytes()
    assert f"wrote {tmp_path / 'v.png'}" in result.output
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1600, 1000)
    assert len(png) > 20_000  # a drawn page, not a blank one
    assert read_page_data((tmp_path / "v.html").read_text(encoding="utf-8"))["state"]["tab"] == "radar"


def test_view_options_are_the_page_opening_view(browser, example_page_path, tmp_path):
    page_path = tmp_path / "focus.html"
    kg_cli("view", example_page_path.with_suffix(".ttl"), "-o", page_path,
           "--focus", "digital twins", "--depth", "2", "--types", "technology,concern")
    data = read_page_data(page_path.read_text(encoding="utf-8"))
    page = OpenPage(browser, page_path)
    try:
        assert page.errors == []
        assert page.eval("kg.label(kg.selected)") == "Digital Twins"
        assert page.eval("kg.drawn()") == [n for n, *_ in data["drawn"]]
        assert page.eval("[kg.state().depth, [...kg.state().types].sort()]") == [
            2, ["Concern", "Technology"]]
        assert page.eval("location.hash") == ""  # the page's own view needs no address
    finally:
        page.close()


@pytest.mark.parametrize("view", [
    {}, {"types": ["Technology", "Concern"]}, {"since": "2024-01-01", "until": "2024-12-31"},
    {"min_degree": 3}, {"types": ["Signal", "DrivingForce"], "since": "2023-01-01"},
    {"focus": "generative AI", "depth": 2}])
def test_the_page_chooses_as_kg_view_does(big, big_page_path, view):
    """The views a person picks in the page are the ones `kg view` would draw."""
    index = index_from_networkx(open_graph(big_page_path.with_suffix(".ttl")).to_networkx())
    try:
        expected = select(index, max_nodes=600, **view)
    except InputError:  # a synthetic corpus has no such name
        pytest.skip(f"{view} names nothing here")
    state = {"types": view.get("types"), "min": view.get("min_degree", 0),
             "from": view.get("since", ""), "to": view.get("until", ""),
             "depth": view.get("depth", 1),
             "focus": big.eval("(t) => kg.findNode(t)", view["focus"]) if "focus" in view else None}
    assert big.eval("(s) => kg.viewOf(s)", state) == expected
