"""View: an interactive pyvis (vis-network) HTML page of the graph.

The page embeds vis-network (no CDN), so it works offline. All text from the
documents reaches the page only as JSON data inside the page's script, which
Jinja's `tojson` escapes (`<` becomes `\\u003c`), and vis-network shows string
tooltips as text, never as HTML.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from .export import atomic_write

# One colour and shape per node type.
STYLE = {
    "Article": ("#4e79a7", "box"),
    "Keyword": ("#bab0ac", "dot"),
    "Theme": ("#9c755f", "dot"),
    "Signal": ("#f28e2b", "triangle"),
    "DrivingForce": ("#e15759", "diamond"),
    "Technology": ("#59a14f", "square"),
    "Concern": ("#b07aa1", "star"),
    "Behavior": ("#76b7b2", "dot"),
    "Issue": ("#edc948", "triangleDown"),
    "Category": ("#ff9da7", "hexagon"),
    "ContentType": ("#d4a6c8", "hexagon"),
}
MAX_LABEL = 40


def short(label: str, limit: int = MAX_LABEL) -> str:
    """A label cut to `limit` characters.

    >>> short("a" * 50, 10)
    'aaaaaaaaa…'
    """
    return label if len(label) <= limit else label[: limit - 1] + "…"


def overview(graph: nx.MultiDiGraph, max_nodes: int = 600) -> nx.MultiDiGraph:
    """The `max_nodes` best-connected nodes, so the page stays responsive on big archives."""
    if graph.number_of_nodes() <= max_nodes:
        return graph
    ranked = sorted(graph.degree, key=lambda item: (-item[1], item[0]))[:max_nodes]
    return graph.subgraph(node for node, _ in ranked).copy()


def write_html(graph: nx.MultiDiGraph, path: str | Path, max_nodes: int = 600,
               title: str = "kg") -> int:
    """Write the explorer page; returns the number of nodes shown."""
    from pyvis.network import Network

    shown = overview(graph, max_nodes)
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line",
                  heading="", notebook=False)
    degree = dict(shown.degree)
    for node, data in shown.nodes(data=True):
        color, shape = STYLE.get(data["type"], ("#999999", "dot"))
        tooltip = f"{data['type']}: {data['label']}"
        if data.get("date"):
            tooltip += f"\n{data['date']}"
        net.add_node(node, label=short(data["label"]), title=tooltip, color=color, shape=shape,
                     size=8 + min(degree[node], 60) ** 0.5 * 4, group=data["type"])
    for source, target, relation in shown.edges(data="relation"):
        net.add_edge(source, target, title=relation, arrows="to")
    net.set_options('{"physics": {"stabilization": {"iterations": 200}, '
                    '"barnesHut": {"gravitationalConstant": -8000}}, '
                    '"interaction": {"hover": true}}')
    html = net.generate_html(name=Path(path).name)
    with atomic_write(path) as handle:
        handle.write(html)
    return shown.number_of_nodes()
