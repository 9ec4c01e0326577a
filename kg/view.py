"""View: the explorer, a self-contained interactive HTML page of the graph.

pyvis assembles the vis-network nodes and edges; kg renders them into its own
page (`kg/templates/explorer.html`) with vis-network embedded, so the page works
offline. Big archives are cut down before drawing (`select`); the page lays the
graph out with a bounded number of physics steps, then stops physics, so it
is interactive within seconds and nodes stay where a person drags them.

All text from the documents reaches the page only as JSON inside a
`<script type="application/json">` block, with `<`, `>` and `&` escaped; the
page's script puts it on screen with `textContent` and vis-network's plain-text
tooltips, never as HTML.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path
from typing import Iterable

import networkx as nx

from .errors import InputError
from .files import atomic_write
from .identity import identity_key
from .kinds import ARTICLE_STYLE, KINDS, TREND_STYLE, KindTable
from .network import pick_overview

def styles(kinds: KindTable = KINDS) -> dict[str, tuple[str, str]]:
    """One colour and shape per node type (from the kinds table); the page's legend is
    drawn from this.

    >>> styles()["Technology"]
    ('#59a14f', 'square')
    """
    return {"Article": ARTICLE_STYLE, **{kind.class_name: (kind.color, kind.shape)
                                         for kind in kinds}, "Trend": TREND_STYLE}


def node_types(names: Iterable[str], kinds: KindTable = KINDS) -> set[str]:
    """Node types as users write them (any case, class or kind name: "technology",
    "DrivingForce", "driving_force") as the types nodes carry; InputError naming the
    known ones for a name that is none of them.

    >>> sorted(node_types(["technology", "driving force", "Article"]))
    ['Article', 'DrivingForce', 'Technology']
    """
    known = {}
    for kind in kinds:
        for alias in (kind.class_name, kind.name, kind.label):
            known[_type_key(alias)] = kind.class_name
    known[_type_key("Article")] = "Article"
    known[_type_key("Trend")] = "Trend"
    found, unknown = set(), []
    for name in names:
        if _type_key(name) in known:
            found.add(known[_type_key(name)])
        else:
            unknown.append(name)
    if unknown:
        raise InputError(f"unknown node type(s) {', '.join(unknown)}; known: "
                         f"{', '.join(styles(kinds))}")
    return found


def _type_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


MAX_LABEL = 40
MAX_MENTIONS = 12  # per node in the details panel; the page says how many more there are
MAX_TEXT = 400  # characters of one description in the page


def short(label: str, limit: int = MAX_LABEL) -> str:
    """A label cut to `limit` characters.

    >>> short("a" * 50, 10)
    'aaaaaaaaa…'
    """
    return label if len(label) <= limit else label[: limit - 1] + "…"


def find_nodes(graph: nx.MultiDiGraph, label: str) -> list[str]:
    """Nodes whose label is `label` (any case, spacing, quotes); failing that, whose
    label contains it.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("t1", label="Generative AI"); g.add_node("t2", label="AI ethics")
    >>> find_nodes(g, "generative  ai"), find_nodes(g, "ethic")
    (['t1'], ['t2'])
    """
    key = identity_key(label)
    exact = sorted(n for n, text in graph.nodes(data="label") if identity_key(text) == key)
    return exact or sorted(n for n, text in graph.nodes(data="label") if key in identity_key(text))


def select(graph: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 1,
           types: Iterable[str] | None = None, min_degree: int = 0,
           since: _dt.date | str | None = None, until: _dt.date | str | None = None,
           max_nodes: int | None = 600, kinds: KindTable = KINDS) -> nx.MultiDiGraph:
    """The part of `graph` to draw, narrowed in this order:

    * `since`/`until`: only articles whose page date is in range (inclusive), and
      the entities those articles name;
    * `types`: only nodes of these types (articles stay as the links between them);
    * `focus`/`depth`: the nodes within `depth` steps of the node labelled `focus`;
    * `min_degree`: only nodes with at least this many edges left;
    * `max_nodes`: the best-connected nodes, at most this many (None: no limit).

    Raises InputError when `focus` names no node or `types` an unknown type.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", type="Article", label="A", date="2024-01-05")
    >>> g.add_node("b", type="Article", label="B", date="2025-03-01")
    >>> g.add_node("t", type="Technology", label="T"); g.add_node("k", type="Keyword", label="K")
    >>> _ = g.add_edge("a", "t"), g.add_edge("b", "t"), g.add_edge("b", "k")
    >>> sorted(select(g, since="2025-01-01"))
    ['b', 'k', 't']
    >>> sorted(select(g, types=["Technology"]))
    ['a', 'b', 't']
    >>> sorted(select(g, focus="k", depth=1))
    ['b', 'k']
    """
    chosen = set(graph)
    if since or until:
        low, high = str(since or "0000"), str(until or "9999")
        articles = {n for n in chosen if graph.nodes[n]["type"] == "Article"
                    and low <= graph.nodes[n].get("date", "") <= high + "\uffff"}
        named = {m for a in articles for m in graph.successors(a)
                 if graph.nodes[m]["type"] != "Article"}
        forces = {f for s in named for f in graph.successors(s)}  # signals' driving forces
        chosen = articles | named | forces
    if types:
        wanted = node_types(types, kinds)
        chosen = {n for n in chosen if graph.nodes[n]["type"] in wanted | {"Article"}}
        if "Article" not in wanted:  # keep only the articles that link chosen entities
            chosen = {n for n in chosen if graph.nodes[n]["type"] != "Article"
                      or any(m in chosen and graph.nodes[m]["type"] != "Article"
                             for m in nx.all_neighbors(graph, n))}
    view = graph.subgraph(chosen)
    if focus is not None:
        starts = find_nodes(view, focus)
        if not starts:
            raise InputError(f"no node labelled {focus!r} in the graph")
        near: set[str] = set()
        undirected = view.to_undirected(as_view=True)
        for start in starts:
            near |= set(nx.single_source_shortest_path_length(undirected, start, cutoff=depth))
        view = view.subgraph(near)
    if min_degree:
        view = view.subgraph(n for n, d in view.degree if d >= min_degree)
    if max_nodes is not None and view.number_of_nodes() > max_nodes:
        view = view.subgraph(overview_nodes(view, max_nodes))
    return view.copy()


def overview_nodes(graph: nx.MultiDiGraph, max_nodes: int) -> list[str]:
    """`network.pick_overview` on a networkx graph.

    >>> g = nx.MultiDiGraph()
    >>> for a in "abc": g.add_node(a, type="Article", label=a)
    >>> g.add_node("t", type="Technology", label="T"); g.add_node("k", type="Keyword", label="K")
    >>> g.add_node("s", type="Signal", label="S")
    >>> _ = [g.add_edge(a, "t") for a in "abc"] + [g.add_edge("a", "k"), g.add_edge("b", "k"),
    ...                                          g.add_edge("c", "s")]
    >>> overview_nodes(g, 4)
    ['t', 'k', 'a', 's']
    """
    kind = dict(graph.nodes(data="type"))
    reach = {n: len({m for m in graph.predecessors(n) if kind[m] == "Article"})
             or len(set(graph.predecessors(n))) for n in graph if kind[n] != "Article"}

    def links(chosen: set[str]) -> dict[str, int]:
        return {n: sum(1 for m in nx.all_neighbors(graph, n) if m in chosen)
                for n in graph if kind[n] == "Article"}

    return pick_overview(kind, dict(graph.degree), reach, links, max_nodes)


def page_data(graph: nx.MultiDiGraph, title: str = "kg", kinds: KindTable = KINDS) -> dict:
    """Everything the page shows, as plain JSON-ready data: vis nodes and edges (made
    with pyvis), per-node details, the legend."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="remote", notebook=False)
    degree = dict(graph.degree)
    details = {}
    for node, data in sorted(graph.nodes(data=True)):
        # Colour and shape come from the group (styles()), set once in the page's options.
        net.add_node(node, label=short(data["label"]), title=_tooltip(graph, node, degree[node]),
                     group=data["type"],
                     size=(12 if data["type"] == "Article" else 6) + min(degree[node], 80) ** 0.5 * 3,
                     degree=degree[node])
        details[node] = _details(graph, node)
    for source, target, relation in sorted(graph.edges(data="relation")):
        net.add_edge(source, target, title=relation, relation=relation, arrows="to")
    nodes, edges, *_ = net.get_network_data()
    for node in nodes:  # pyvis sets a default shape; the group's should apply
        node.pop("shape", None)
    present = {data["type"] for _, data in graph.nodes(data=True)}
    style = styles(kinds)
    legend = [{"type": kind, "color": color, "shape": shape}
              for kind, (color, shape) in style.items() if kind in present]
    groups = {kind: {"color": color, "shape": shape} for kind, (color, shape) in style.items()}
    return {"title": title, "nodes": nodes, "edges": edges, "details": details,
            "legend": legend, "groups": groups}


def _article_ref(graph: nx.MultiDiGraph, article: str) -> dict:
    data = graph.nodes[article] if article in graph else {}
    ref = {"id": article, "title": data.get("label", article)}
    for key in ("date", "url"):
        if data.get(key):
            ref[key] = data[key]
    return ref


_FACT_ORDER = ("description", "relevancy", "change", "tenYearOutlook")


def _details(graph: nx.MultiDiGraph, node: str) -> dict:
    data = graph.nodes[node]
    info: dict = {"type": data["type"], "label": data["label"], "degree": graph.degree(node)}
    if data["type"] == "Article":
        info.update({k: data[k] for k in ("date", "url") if data.get(k)})
        if data.get("loaded") is False:
            info["note"] = "known only from another article's Closest list"
        return info
    mentions = [{**_article_ref(graph, m["article"]),
                 **{k: (v if len(v) <= MAX_TEXT else v[: MAX_TEXT - 1] + "…")
                    for k, v in m.items() if k != "article"}}
                for m in data.get("mentions", [])]
    if not mentions:  # keywords, themes, ...: the articles linking to it
        mentions = [_article_ref(graph, a) for a in graph.predecessors(node)
                    if graph.nodes[a]["type"] == "Article"]
    # Newest first; the rest of the key makes the order total (renderings of one
    # article can name an entity twice with the same date and title).
    mentions.sort(key=lambda m: (m.get("date", ""), m["title"], m["id"],
                                 *(m.get(k, "") for k in _FACT_ORDER)), reverse=True)
    info["articles"] = len(mentions)
    info["mentions"] = mentions[:MAX_MENTIONS]
    return info


def _tooltip(graph: nx.MultiDiGraph, node: str, degree: int) -> str:
    data = graph.nodes[node]
    lines = [f"{data['type']}: {data['label']}"]
    if data.get("date"):
        lines.append(f"page date {data['date']}")
    articles = sorted({m["article"] for m in data.get("mentions", [])}) or sorted(
        a for a in graph.predecessors(node) if graph.nodes[a]["type"] == "Article")
    for article in articles[:3]:
        ref = _article_ref(graph, article)
        lines.append(f"• {short(ref['title'], 60)}" + (f" ({ref['date']})" if "date" in ref else ""))
    if len(articles) > 3:
        lines.append(f"… {len(articles) - 3} more articles")
    lines.append(f"{degree} links · click for details")
    return "\n".join(lines)


def _script_json(data) -> str:
    """JSON safe inside a <script> element: no `<`, `>` or `&` to end it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


PAGE_DATA_START = '<script type="application/json" id="kg-data">'


def read_page_data(html: str) -> dict:
    """The data an explorer page shows (the inverse of the page's JSON block), for
    tests, benchmarks and tools that inspect a written page."""
    start = html.index(PAGE_DATA_START) + len(PAGE_DATA_START)
    return json.loads(html[start:html.index("</script>", start)])


def render_html(graph: nx.MultiDiGraph, title: str = "kg", kinds: KindTable = KINDS) -> str:
    """The explorer page for `graph` (drawn as it is: call `select` first on big graphs)."""
    import pyvis

    vis = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    template = resources.files("kg").joinpath("templates/explorer.html").read_text("utf-8")
    values = {"{{TITLE}}": _html_text(title),
              "{{DATA}}": _script_json(page_data(graph, title, kinds)),
              "/*VIS_CSS*/": (vis / "vis-network.css").read_text("utf-8"),
              "/*VIS_JS*/": (vis / "vis-network.min.js").read_text("utf-8")}
    # One pass over the template: inserted text is never searched for placeholders.
    return re.sub(r"\{\{(?:TITLE|DATA)\}\}|/\*VIS_(?:CSS|JS)\*/",
                  lambda match: values[match.group(0)], template)


def _html_text(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def write_html(graph: nx.MultiDiGraph, path: str | Path, max_nodes: int | None = 600,
               title: str = "kg", kinds: KindTable = KINDS, **narrow) -> int:
    """Write the explorer page of `graph`, narrowed by `select(max_nodes=..., **narrow)`;
    returns the number of nodes shown."""
    shown = select(graph, max_nodes=max_nodes, kinds=kinds, **narrow)
    page = render_html(shown, title, kinds)
    with atomic_write(path) as handle:
        handle.write(page)
    return shown.number_of_nodes()


CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
# Flags for a headless Chromium on a machine without network or display.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-quic", "--hide-scrollbars")


def find_chromium() -> str | None:
    """The Chromium to use: $KG_CHROMIUM, else the first of CHROMIUM_NAMES on PATH."""
    chosen = os.environ.get("KG_CHROMIUM")
    if chosen:
        return chosen
    return next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)


def screenshot(html_path: str | Path, png_path: str | Path, size: tuple[int, int] = (1600, 1000),
               timeout: float = 120) -> Path:
    """Render the page at `html_path` in headless Chromium and save a PNG (atomically).

    Raises RuntimeError when no Chromium is found or it fails."""
    chromium = find_chromium()
    if not chromium:
        raise RuntimeError("no Chromium found for the screenshot: install Debian's `chromium` "
                           "or set KG_CHROMIUM to a Chrome/Chromium executable")
    png_path = Path(png_path)
    with tempfile.TemporaryDirectory() as profile:
        temp = Path(profile) / "shot.png"
        command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                   f"--window-size={size[0]},{size[1]}", "--virtual-time-budget=5000",
                   f"--screenshot={temp}", Path(html_path).resolve().as_uri()]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0 or not temp.exists():
            raise RuntimeError(f"Chromium could not take the screenshot: {done.stderr[-500:]}")
        with atomic_write(png_path, "wb") as handle:
            handle.write(temp.read_bytes())
    return png_path
