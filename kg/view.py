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

import functools
import io
import json
import hashlib
import hmac
import os
import re
import shutil
import subprocess
import tempfile
from importlib import resources
from collections import Counter
from pathlib import Path
from typing import IO

import networkx as nx

from .explore import (CHUNK, GraphIndex, decode_blob, find_nodes, index_from_networkx,
                      layout, node_types, select, unpack_texts)
from .files import atomic_write
from .seal import seal, seal_problem
from .kinds import ARTICLE_STYLE, KINDS, TREND_STYLE, KindTable

__all__ = ["styles", "page_data", "render_html", "write_html", "sealed_page", "read_page_data",
           "screenshot",
           "find_chromium", "select", "find_nodes", "node_types"]


def styles(kinds: KindTable = KINDS) -> dict[str, tuple[str, str]]:
    """One colour and shape per node type (from the kinds table); the page's legend is
    drawn from this.

    >>> styles()["Technology"]
    ('#59a14f', 'square')
    """
    return {"Article": ARTICLE_STYLE, **{kind.class_name: (kind.color, kind.shape)
                                         for kind in kinds}, "Trend": TREND_STYLE}


def as_index(source: "nx.MultiDiGraph | GraphIndex", kinds: KindTable = KINDS) -> GraphIndex:
    """The explorer's index of a networkx graph (from `to_networkx`), or the index itself."""
    return source if isinstance(source, GraphIndex) else index_from_networkx(source, kinds)


def corpus_name(index: GraphIndex) -> str:
    """The folders the articles were read from, most articles first: "corpus + seed".

    >>> g = nx.MultiDiGraph()
    >>> for n, f in (("a", "seed"), ("b", "corpus"), ("c", "corpus")):
    ...     g.add_node(n, type="Article", label=n, loaded=True, folder=f)
    >>> corpus_name(as_index(g))
    'corpus + seed'
    """
    counts = Counter(f for f, ok in zip(index.folders, index.loaded) if ok and f)
    return " + ".join(sorted(counts, key=lambda f: (-counts[f], f))) or "graph"


def page_data(source: "nx.MultiDiGraph | GraphIndex", title: str | None = None,
              kinds: KindTable = KINDS, *, max_nodes: int | None = 600, radar: bool = False,
              **narrow) -> dict:
    """Everything the page shows, as JSON-ready data: the view it opens on (`narrow`:
    see `kg.explore.select`; its nodes and their positions), the legend, and the index
    of the whole graph with the articles' texts (compressed, `encode_blob`)."""
    index = as_index(source, kinds)
    drawn = select(index, max_nodes=max_nodes, kinds=kinds, **narrow)
    positions = layout(index, drawn)
    counts = Counter(index.types)
    style = {**styles(kinds), **{t: ("#999999", "dot") for t in counts if t not in styles(kinds)}}
    legend = [{"type": kind, "color": color, "shape": shape}
              for kind, (color, shape) in style.items() if counts[kind]]
    dates = sorted(d for d in index.dates if d)
    focus = narrow.get("focus")
    if focus is not None:  # the page names its focus by type and label
        node = find_nodes(index, focus, kinds)[0]
        focus = f"{index.types[node]}:{index.labels[node]}"
    types = narrow.get("types")
    state = {"focus": focus or "", "depth": narrow.get("depth", 1) if focus else 1,
             "types": sorted(node_types(types, kinds)) if types else [],
             "min": narrow.get("min_degree") or 0, "from": narrow.get("since") or "",
             "to": narrow.get("until") or "", "tab": "radar" if radar else "map"}
    return {"title": title or corpus_name(index), "dates": [dates[0], dates[-1]] if dates else [],
            "articles": sum(index.loaded), "nodes": len(index), "edges": int(len(index.es)),
            "legend": legend, "counts": {t: counts[t] for t in style if counts[t]},
            "types": list(style), "max": max_nodes or len(index),
            "state": state, "drawn": [[n, *positions[n]] for n in drawn],
            "chunk": CHUNK, "index": index.encoded(list(style)),
            "chunks": index.chunks}


PAGE_DATA_START = '<script type="application/json" id="kg-data">'
TEXTS_START = '<script type="text/plain" class="kg-texts">'


def _script_json(data) -> str:
    """JSON safe inside a <script> element: no `<`, `>` or `&` to end it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def read_page_data(html: str) -> dict:
    """The data an explorer page shows (the inverse of `render_html`), its index and
    texts decoded: for tests, benchmarks and tools that inspect a written page."""
    start = html.index(PAGE_DATA_START) + len(PAGE_DATA_START)
    data = json.loads(html[start:html.index("</script>", start)])
    data["index"] = decode_blob(data["index"])
    texts, at = [], html.find(TEXTS_START)
    while at >= 0:
        end = html.index("</script>", at)
        texts.extend(unpack_texts(decode_blob(html[at + len(TEXTS_START):end])))
        at = html.find(TEXTS_START, end)
    data["texts"] = texts
    return data


def render_html(source: "nx.MultiDiGraph | GraphIndex", title: str | None = None,
                kinds: KindTable = KINDS, **view) -> str:
    """The explorer page of `source` (a networkx graph or an index), opening on the view
    `view` describes (`page_data`'s options); unsealed: `kg serve` runs only pages
    `write_html` wrote."""
    out = io.StringIO()
    _render(page_data(source, title, kinds, **view), out)
    return out.getvalue()


def _render(data: dict, out: IO[str]) -> None:
    """Write the page of `data` to `out`, piece by piece (the texts one chunk at a time)."""
    import pyvis

    vis = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    data = dict(data)
    chunks = data.pop("chunks")
    template = resources.files("kg").joinpath("templates/explorer.html").read_text("utf-8")
    values = {"{{TITLE}}": _html_text(_page_title(data)), "{{DATA}}": _script_json(data),
              "/*VIS_CSS*/": (vis / "vis-network.css").read_text("utf-8"),
              "/*VIS_JS*/": (vis / "vis-network.min.js").read_text("utf-8"),
              "/*BZIP_JS*/": resources.files("kg").joinpath("templates/seek-bzip.js").read_text("utf-8")}
    values["{{POLICY}}"] = explorer_policy()
    # One pass over the template: inserted text is never searched for placeholders.
    placeholders = r"(\{\{(?:TITLE|DATA|TEXTS|POLICY)\}\}|/\*(?:VIS_CSS|VIS_JS|BZIP_JS)\*/)"
    for number, piece in enumerate(re.split(placeholders, template)):
        if number % 2 == 0:
            out.write(piece)
        elif piece == "{{TEXTS}}":  # base64 needs no escaping; one element per chunk
            for chunk in chunks:
                out.write(f"{TEXTS_START}{chunk}</script>\n")
        else:
            out.write(values[piece])


def page_policy(page: str, connect: str = "'none'") -> str:
    """The Content-Security-Policy of a page of ours: only the page's own scripts run
    (each bare `<script>` element, by its hash; data elements have a type and never
    run), nothing is fetched (but from `connect`, e.g. `'self'`), framed or submitted,
    so no text from a document can add behaviour even if an escaping bug let markup
    through.

    >>> page_policy("<script>go()</script><script type='application/json'>{}</script>")[:84]
    "default-src 'none'; script-src 'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"
    """
    import base64
    import hashlib

    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest())
                     .decode() + "'" for code in re.findall(r"<script>(.*?)</script>", page,
                                                             flags=re.DOTALL)})
    return (f"default-src 'none'; script-src {' '.join(hashes)}; style-src 'unsafe-inline'; "
            f"img-src data: blob:; connect-src {connect}; base-uri 'none'; form-action 'none'")


@functools.lru_cache(maxsize=1)
def explorer_policy() -> str:
    """The Content-Security-Policy of every explorer page of this kg (its scripts are
    the same whatever the graph; `kg serve` sends it with the page, so that a page it
    did not write runs no script)."""
    import pyvis

    vis = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    templates = resources.files("kg").joinpath("templates")
    scripts = {"/*VIS_JS*/": (vis / "vis-network.min.js").read_text("utf-8"),
               "/*BZIP_JS*/": templates.joinpath("seek-bzip.js").read_text("utf-8")}
    return page_policy(re.sub(r"/\*(VIS_JS|BZIP_JS)\*/", lambda m: scripts[m.group()],
                              templates.joinpath("explorer.html").read_text("utf-8")))


def _page_title(data: dict) -> str:
    dates = f" ({data['dates'][0]} to {data['dates'][1]})" if data["dates"] else ""
    return f"{data['title']}{dates} · kg explorer"


def _html_text(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def write_html(source: "nx.MultiDiGraph | GraphIndex", path: str | Path,
               max_nodes: int | None = 600, title: str | None = None,
               kinds: KindTable = KINDS, **view) -> int:
    """Write the explorer page of `source` (a networkx graph or a build's index, see
    `page_data` for `view`); returns the number of nodes it opens on."""
    data = page_data(source, title, kinds, max_nodes=max_nodes, **view)
    with atomic_write(path) as handle:
        digest = hashlib.sha256()

        class Hashed:  # (the page is written piece by piece: its digest too)
            def write(self, text: str) -> None:
                digest.update(text.encode("utf-8"))
                handle.write(text)

        _render(data, Hashed())
        # (no secret kept, a read-only home: a run's own would make each build's page
        # differ, and no later `kg serve` could check it)
        told = seal("explorer page", digest.hexdigest()) if seal_problem() is None else "none"
        handle.write(f"\n{PAGE_SEAL}{told} -->\n")
    return len(data["drawn"])


# The last line of a page write_html wrote: an HMAC of the page under this user's
# secret (kg.seal), so `kg serve` runs on its origin only pages this kg wrote for this
# user, never a handed-over one with markup added (a meta refresh, a fake form).
PAGE_SEAL = "<!-- kg page seal "


def sealed_page(page: bytes) -> bool:
    """Whether `page` is a page write_html wrote for this user, unchanged."""
    body, _, last = page.rstrip(b"\n").rpartition(b"\n")
    if not last.startswith(PAGE_SEAL.encode()) or not last.endswith(b" -->"):
        return False
    told = last[len(PAGE_SEAL):-len(b" -->")].decode("ascii", "replace")
    return hmac.compare_digest(told, seal("explorer page", hashlib.sha256(body).hexdigest()))


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
