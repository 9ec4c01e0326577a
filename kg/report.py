"""Reports: the analyses of `kg.analytics` (and a `kg.diff` of two scans) as documents
to read, in Markdown or HTML.

A builder makes each report as a list of blocks (headings, paragraphs, tables,
charts); two writers render any such list. Markdown keeps the text as written
(only Markdown's own characters are escaped, control characters shown as escapes);
HTML escapes every text once and embeds charts as PNG. Entity names link to the
explorer page focused on them (`graph.html#focus=Type:label`). Every table has at
most `top` rows; charts are drawn only when their values differ (a chart of ties says
nothing), counts on integer ticks, types in the explorer's colours.
"""

from __future__ import annotations

import html
import os
import re
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import analytics as A
from . import charts
from .facts import Facts
from .errors import clean_text, for_terminal

__all__ = ["Report", "make_report", "stats_blocks", "to_markdown", "to_html", "diff_blocks",
           "diff_markdown", "diff_html", "render_markdown",
           "render_html", "explorer_href", "Entity", "Heading", "Paragraph", "Table", "Chart"]


# --- blocks -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """A node's name in a text; links to the explorer focused on it."""

    label: str
    type: str


@dataclass(frozen=True)
class Code:
    """A command or option in a text."""

    text: str


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    parts: tuple  # str and Entity, in order
    note: bool = False  # a caveat (shown apart in HTML, as a quote in Markdown)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: list[tuple]  # cells: str, int, Entity; a list of those (one text) or a tuple of
    # those (items joined by ", ")
    numeric: tuple[bool, ...] = ()  # right-aligned columns


@dataclass(frozen=True)
class Chart:
    svg: str  # made by kg.charts: every text in it escaped
    alt: str  # what the chart shows, for people who cannot see it


def _tidy(parts) -> tuple:
    """Parts without empty texts, and without a closing full stop after one (a label that
    ends a sentence may end with its own)."""
    kept = [p for p in parts if p != ""]
    if len(kept) >= 2 and kept[-1] == ".":
        before = kept[-2].label if isinstance(kept[-2], Entity) else kept[-2]
        if isinstance(before, str) and before.rstrip().endswith((".", "!", "?")):
            kept.pop()
    return tuple(kept)


def _text(*parts) -> Paragraph:
    return Paragraph(_tidy(parts))


def _note(*parts) -> Paragraph:
    return Paragraph(_tidy(parts), note=True)


# --- writers ------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*\[\]<>|])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")


def _md(text: str) -> str:
    """Text as Markdown shows it: Markdown's own characters backslash-escaped (never
    HTML-escaped), on one line, control characters shown as escapes (a terminal shows
    the report too)."""
    text = clean_text(re.sub(r"\s+", " ", str(text)))
    return _MD_ENTITY.sub("\\\\&", _MD_SPECIAL.sub(r"\\\1", text))


def _focus_href(explorer: str, entity: Entity) -> str:
    return f"{explorer}#focus={urllib.parse.quote(f'{entity.type}:{entity.label}', safe='')}"


@dataclass(frozen=True)
class _Inline:
    """How a writer renders a paragraph's or cell's parts: texts by `text`, Code by `code`,
    an entity as `link(label, href)` to the explorer when there is one; a list is one
    text, a tuple items joined by ", "."""

    text: Callable[[str], str]
    code: Callable[[str], str]
    link: Callable[[str, str], str]
    explorer: str | None

    def __call__(self, part) -> str:
        if isinstance(part, Code):
            return self.code(part.text)
        if isinstance(part, Entity):
            label = self.text(part.label)
            if self.explorer is None:
                return label
            return self.link(label, _focus_href(self.explorer, part))
        if isinstance(part, (list, tuple)):
            return ("" if isinstance(part, list) else ", ").join(map(self, part))
        return self.text(str(part))


def render_markdown(blocks: list, explorer: str | None = None) -> str:
    """Blocks as Markdown; entities are links when `explorer` (a relative URL) is given."""
    inline = _Inline(_md, lambda text: f"`{text}`", lambda label, href: f"[{label}]({href})",
                     explorer)
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + _md(block.text), ""]
        elif isinstance(block, Paragraph):
            text = "".join(inline(p) for p in block.parts)
            out += [("> " if block.note else "") + text, ""]
        elif isinstance(block, Table):
            numeric = block.numeric or (False,) * len(block.header)
            out.append("| " + " | ".join(_md(h) for h in block.header) + " |")
            out.append("|" + "|".join("---:" if n else "---" for n in numeric) + "|")
            out += ["| " + " | ".join(inline(c) for c in row) + " |" for row in block.rows]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


_STYLE = ("body{font:14px/1.45 system-ui,sans-serif;margin:1em 2em;max-width:1060px;color:#222}"
          "h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}"
          "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;"
          "padding:2px 6px;text-align:left;vertical-align:top;white-space:nowrap}"
          "td.w{white-space:normal;min-width:14em}td.n,th.n{text-align:right}"
          "th{background:#f4f4f4}.note{color:#8a4b00;border-left:3px solid #e0a040;"
          "padding-left:.6em}figure{margin:.6em 0}svg{max-width:100%;height:auto}"
          "a{color:#0b4f9c}code{background:#f3f3f3;padding:0 .2em}")


def render_html(blocks: list, title: str, explorer: str | None = None) -> str:
    """Blocks as one HTML page (charts embedded); every text escaped once, its control
    characters and bidirectional overrides shown as escapes (kg.errors.for_terminal), as
    the Markdown shows them."""
    def esc(text: str) -> str:
        return html.escape(for_terminal(text))
    inline = _Inline(esc, lambda text: f"<code>{esc(text)}</code>",
                     lambda label, href: f'<a href="{esc(href)}">{label}</a>', explorer)
    body = [f"<h1>{esc(title)}</h1>"]
    for block in blocks:
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{esc(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            cls = ' class="note"' if block.note else ""
            body.append(f"<p{cls}>" + "".join(inline(p) for p in block.parts) + "</p>")
        elif isinstance(block, Table):
            numeric = block.numeric or (False,) * len(block.header)
            head = "".join(f'<th{" class=n" if n else ""}>{esc(h)}</th>'
                           for h, n in zip(block.header, numeric))
            rows = "".join("<tr>" + "".join(_cell(inline(c), n) for c, n in zip(row, numeric))
                           + "</tr>" for row in block.rows)
            body.append(f"<table><tr>{head}</tr>{rows}</table>")
        elif isinstance(block, Chart):
            body.append(f"<figure>{block.svg}</figure>")
    return ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
            f"<meta name=viewport content='width=device-width'><title>{esc(title)}</title>"
            f"<style>{_STYLE}</style></head><body>{''.join(body)}</body></html>\n")


def _cell(content: str, numeric: bool) -> str:
    # Numbers and short texts stay on one line; long names wrap.
    cls = "n" if numeric else "w" if len(re.sub(r"<[^>]*>", "", content)) > 28 else ""
    return f"<td class={cls}>{content}</td>" if cls else f"<td>{content}</td>"


def explorer_href(report_path: str | Path, page: str | Path) -> str:
    """The explorer page's URL relative to where the report is written, percent-encoded
    (a folder named "javascript:..." is a path, never a URL scheme).

    >>> explorer_href("/r/report.html", "/r/javascript:alert(1)/graph.html")
    'javascript%3Aalert%281%29/graph.html'
    """
    path = Path(os.path.relpath(Path(page).resolve(), Path(report_path).resolve().parent))
    return urllib.parse.quote(path.as_posix())


# --- charts -----------------------------------------------------------------------------------


def _colours() -> dict[str, str]:
    from .view import styles

    return {kind: colour for kind, (colour, _) in styles().items()}


def _varied(values) -> bool:
    """Worth a chart: at least two values, not all the same."""
    values = list(values)
    return len(values) >= 2 and len(set(values)) > 1


def _bars(labels: list[str], values: list[float], colours: list[str], xlabel: str, alt: str,
          integer: bool = True, legend: dict[str, str] | None = None) -> Chart:
    return Chart(charts.bars(labels, values, colours, xlabel, integer, legend, alt), alt)


# --- the stats report ---------------------------------------------------------------------------


@dataclass
class Report:
    """Everything `kg stats` shows, computed once (see `make_report`)."""

    top: int
    articles: int
    dated: int
    first: str | None
    last: str | None
    counts: dict[str, int]
    timeline: list[tuple[str, int]]
    map: A.EmergenceMap
    recurring: list[A.Recurring]
    named_once: dict[str, tuple[int, int]]  # type -> (entities, named by one article only)
    pairs: list[A.Pair]
    pairs_any: bool  # the pairs are of any types (no technology and concern meet twice)
    influence: A.Influence
    behind: list
    radar: A.Radar
    related: int  # related links in the graph
    folders: list[str] = field(default_factory=list)  # what the graph was built from
    notes: list[str] = field(default_factory=list)
    over_paired: int = 0  # articles of which co-occurrence pairs only some entities


def make_report(source, top: int = 10, thresholds: A.Thresholds | None = None,
                size: str = "auto") -> Report:
    """Run every analysis of the report on `source` (a Facts or a networkx graph)."""
    corpus: Facts = A.as_facts(source)
    dates = sorted(corpus.dates[a] for a in corpus.articles if a in corpus.dates)
    months, _ = A.timeline(corpus)
    named_once = {}
    for kind in A.CONTENT_TYPES:
        nodes = corpus.of_type(kind)
        if nodes:
            named_once[kind] = (len(nodes), sum(1 for n in nodes
                                                if len(corpus.named_by.get(n, ())) <= 1))
    pairs = A.cooccurrence(corpus, "Technology", "Concern", min_count=2, top=top)
    pairs_any = not pairs
    if pairs_any:
        pairs = A.cooccurrence(corpus, None, None, min_count=2, top=top)
    emergence = A.emergence(corpus, thresholds=thresholds, size=size)
    table = A.influence(corpus)
    return Report(top, len(corpus.articles), len(dates), dates[0] if dates else None,
                  dates[-1] if dates else None, A.counts_by_type(corpus), months, emergence,
                  A.recurring(corpus), named_once, pairs, pairs_any, table,
                  A.drivers_behind(table, emergence, top=top), A.radar(corpus),
                  len(corpus.related), corpus.folders,
                  over_paired=A.articles_over_paired(corpus, *((None, None) if pairs_any
                                                               else ("Technology", "Concern"))))


_MONTHS = ("January February March April May June July August September October November "
           "December").split()


def _month(date: str) -> str:
    return f"{_MONTHS[int(date[5:7]) - 1]} {date[:4]}"


def _kind(name: str, plural: bool = False) -> str:
    """A type as people write it: "driving force", "keywords"."""
    words = re.sub(r"([a-z])([A-Z])", r"\1 \2", name).lower()
    if not plural:
        return words
    return words[:-1] + "ies" if words.endswith("y") else words + "s"


def _count(n: int, noun: str) -> str:
    """`3 articles`, `1 article`, with thousands separated."""
    if n == 1:
        return f"1 {noun}"
    return f"{n:,} {noun[:-1] + 'ies' if noun.endswith('y') and noun[-2] not in 'aeiou' else noun + 's'}"


def _percent(growth: float) -> str:
    """+25%, -3%, 0% (never -0%)."""
    percent = round(growth * 100)
    return f"{percent:+d}%" if percent else "0%"


def _listing(items: list) -> list:
    """[a, ", ", b, " and ", c] for inline parts."""
    out: list = []
    for i, item in enumerate(items):
        if i:
            out.append(" and " if i == len(items) - 1 else ", ")
        out += item if isinstance(item, list) else [item]
    return out


def _ties_after(values: list[int], shown: int) -> int:
    """How many items beyond the first `shown` tie with the last one shown."""
    if len(values) <= shown or shown == 0:
        return 0
    return sum(1 for v in values[shown:] if v == values[shown - 1])


def _opening(report: Report) -> list:
    window = report.map.windows.size
    blocks = []
    if report.dated:
        span = (f"from {_month(report.first)} to {_month(report.last)}"
                if report.first[:7] != report.last[:7] else f"in {_month(report.first)}")
        undated = report.articles - report.dated
        blocks.append(_text(f"{_count(report.articles, 'article')} read; "
                            f"{report.dated:,} with a page date, {span}"
                            + (f"; {undated:,} without one." if undated else ".")))
    else:
        blocks.append(_text(f"{_count(report.articles, 'article')} read; none has a page date, "
                            "so nothing can be said about time."))
    top = report.recurring[:3]
    if top:
        items = [[f"the {_kind(r.type)} ", Entity(r.label, r.type), f" ({r.articles})"] for r in top]
        tied = _ties_after([r.articles for r in report.recurring], len(top))
        blocks.append(_text("What recurs most (articles naming it): ", *_listing(items),
                            f"; {tied} more also in {top[-1].articles}." if tied else "."))
    else:
        blocks.append(_text("No entity is named by more than one article: nothing connects "
                            "the articles yet."))
    tables = [k for k in ("Signal", "Technology", "Concern", "Behavior", "Issue")
              if k in report.named_once]
    total = sum(report.named_once[k][0] for k in tables)
    once = sum(report.named_once[k][1] for k in tables)
    if total:
        kinds = _listing([_kind(k, True) for k in tables])
        blocks.append(_text(f"All {total:,} " if once == total else f"{once:,} of the {total:,} ",
                            *kinds, " are each named by one article only"
                            + (" (so they are not ranked below)." if once else ".")))
    weak, strong = report.map.quadrant("weak signal"), report.map.quadrant("strong signal")
    if len(report.map.windows) < 2:
        blocks.append(_text("Emergence needs page dates in at least two "
                            f"{window}s; this graph has {len(report.map.windows)}."))
    elif weak or strong:
        for name, items in (("Weak signals (rare, growing fast)", weak),
                            ("Strong signals (frequent, growing)", strong)):
            if items:
                shown = [[Entity(e.label, e.type), f" ({_percent(e.growth)} per {window})"]
                         for e in items[:3]]
                if len(items) > 3:
                    shown.append(f"{len(items) - 3:,} more")
                blocks.append(_text(f"{name}: ", *_listing(shown), "."))
    else:
        known = report.map.quadrant("well known")[:3]
        blocks.append(_text(
            f"Nothing is emerging: no keyword, theme or trend named by "
            f"{report.map.thresholds.min_articles} or more articles grows by "
            f"{report.map.thresholds.growing:.0%} per {window} or more",
            *([" (the best known: ", *_listing([[Entity(e.label, e.type), f" ({_kind(e.type)})"]
                                                  for e in known]), ")"]
              if known else []), "."))
    groups = report.influence.groups
    if groups:
        largest = groups[0]
        forces = sum(len(g.drivers) for g in groups)
        if len(largest.articles) <= 1:
            blocks.append(_text(f"No driving force recurs: each of the {forces:,} is behind "
                                "signals of one article"
                                + ("" if report.related or report.influence.trends else
                                   ", and no related link or trend joins two of them") + "."))
        else:
            tied = [g for g in groups[1:] if (len(g.articles), len(g.signals)) ==
                    (len(largest.articles), len(largest.signals))]
            blocks.append(_text(f"{_count(forces, 'driving force')} in "
                                f"{_count(len(groups), 'group')}; the most widespread, ",
                                Entity(largest.name, "DrivingForce"),
                                *([" (tied with ", Entity(tied[0].name, "DrivingForce"),
                                   f" and {len(tied) - 1:,} more" if len(tied) > 1 else "", ")"]
                                  if tied else []),
                                f", drives {_count(len(largest.signals), 'signal')} in "
                                f"{_count(len(largest.articles), 'article')}"
                                + (" each." if tied else ".")))
    trends = [e for e in report.map.items if e.type == "Trend"]
    if not report.influence.trends:
        blocks.append(_text("This graph has no trends (kg:Trend): emergence is shown for "
                            "keywords and themes, and drivers without the trends they drive."))
    elif report.behind:
        trend, behind = report.behind[0]
        blocks.append(_text("Fastest-rising trend: ", Entity(trend.label, "Trend"),
                            f" ({_percent(trend.growth)} per {window})",
                            *([", driven most by ", Entity(behind[0][0].name, "DrivingForce")]
                              if behind else []), "."))
    elif trends:
        blocks.append(_text(f"{_count(len(report.influence.trends), 'trend')}; none is rising."))
    return blocks


def _map_chart(emergence: A.EmergenceMap, colours: dict[str, str]) -> Chart | None:
    items = emergence.items
    if len(items) < 2:
        return None
    limits, window = emergence.thresholds, emergence.windows.size
    shown = {id(e) for e in _labelled(emergence)}
    points = [{"x": e.visibility, "y": 1 + e.growth, "size": min(3 + e.articles ** 0.5, 11),
               "colour": colours.get(e.type, "#777"), "label": e.label, "show": id(e) in shown,
               "tip": f"{_kind(e.type)}: {e.label} · {e.quadrant} · {e.articles} articles · "
                      f"visibility {e.visibility:.3f} · {_percent(e.growth)} per {window}"}
              for e in items]
    alt = (f"Emergence map: {len(items)} keywords, themes and trends by visibility and growth "
           f"per {window}")
    legend = {_kind(k, True): colours.get(k, "#777") for k in emergence.types
              if any(e.type == k for e in items)}
    return Chart(charts.log_map(
        points, "visibility: time-weighted share of a window's articles (log)",
        f"growth per {window} (log)", limits.frequent, 1 + limits.growing,
        ("weak signals", "strong signals", "latent", "well known"), legend, alt), alt)


def _labelled(emergence: A.EmergenceMap) -> list[A.Emergence]:
    """The points worth a label: all of a small map; else the fastest growing of the
    growing quadrants and the most visible of the others."""
    if len(emergence.items) <= 30:
        return list(emergence.items)
    chosen = emergence.quadrant("weak signal")[:6] + emergence.quadrant("strong signal")[:4]
    for name in ("well known", "latent"):
        chosen += sorted(emergence.quadrant(name), key=lambda e: -e.visibility)[:3]
    return chosen


def _timeline_chart(months: list[tuple[str, int]]) -> Chart | None:
    if len(months) < 2:
        return None
    alt = "Articles per month of page date"
    return Chart(charts.columns([m for m, _ in months], [n for _, n in months], "articles",
                                alt), alt)


_RINGS = (5, 4, 3, 2)  # relevancy: 5 inner ... 2 and less outer, as the explorer's radar


# More blips than this are a blur, not a chart (and megabytes of page): the radar draws
# the most named and says how many it leaves out; its table counts them all.
MAX_BLIPS = 1500


def _radar_chart(radar: A.Radar, colours: dict[str, str]) -> Chart | None:
    if not radar.blips:
        return None
    drawn = sorted(radar.blips, key=lambda b: (-b.articles, -b.relevancy, b.node))[:MAX_BLIPS]
    blips = [{"node": b.node, "sector": radar.sectors.index(b.category),
              "ring": _RINGS.index(b.relevancy) if b.relevancy in _RINGS else len(_RINGS) - 1,
              "size": min(2.5 + b.articles ** 0.5, 9), "colour": colours.get(b.type, "#777"),
              "tip": f"{_kind(b.type)}: {b.label} · {b.category} · relevancy {b.relevancy} · "
                     f"{_count(b.articles, 'article')}"} for b in drawn]
    legend = {_kind(k, True): colours.get(k, "#777") for k in sorted({b.type for b in radar.blips})}
    alt = "Radar: signals and technologies by category (sectors) and relevancy (rings, 5 inner)"
    return Chart(charts.radar(blips, radar.sectors, ["5", "4", "3", "≤ 2"], legend, alt), alt)


def stats_blocks(report: Report, draw: bool = True) -> list:
    """The stats report as blocks (charts only when `draw`)."""
    top = report.top
    colours = _colours() if draw else {}
    blocks: list = [*_opening(report)]

    blocks.append(Heading("Articles over time"))
    chart = _timeline_chart(report.timeline) if draw else None
    active = [(m, n) for m, n in report.timeline if n]
    if chart:
        blocks.append(chart)
    elif active:  # the chart's numbers, where there is no chart
        blocks.append(_text("Articles per month: " + ", ".join(f"{m} {n}" for m, n in active)
                            + "."))
    else:
        blocks.append(_text("No article has a page date."))
    blocks.append(Heading("Nodes by type"))
    if draw and _varied(report.counts.values()):
        blocks.append(_bars([_kind(k) for k in report.counts], list(report.counts.values()),
                            [colours.get(k, "#777") for k in report.counts], "nodes",
                            "Nodes by type, most first"))
    elif report.counts:
        blocks.append(_text("; ".join(f"{_kind(k, True)} {n:,}"
                                      for k, n in report.counts.items()) + "."))
    else:
        blocks.append(_text("The graph has no articles or entities."))

    blocks += _emergence_blocks(report, colours, draw)

    blocks.append(Heading("What recurs"))
    shown = report.recurring[:top]
    if shown:
        if draw and _varied(r.articles for r in shown):
            kinds = {r.type: colours.get(r.type, "#777") for r in shown}
            blocks.append(_bars([f"{r.label} ({_kind(r.type)})" for r in shown],
                                [r.articles for r in shown], [kinds[r.type] for r in shown],
                                "articles naming it", "Entities named by the most articles",
                                legend={_kind(k, True): c for k, c in kinds.items()}))
        blocks.append(Table(("type", "entity", "articles", "first", "last"),
                            [(_kind(r.type), Entity(r.label, r.type), r.articles, r.first or "",
                              r.last or "") for r in shown], (False, False, True, False, False)))
        tied = _ties_after([r.articles for r in report.recurring], len(shown))
        fewer = len(report.recurring) - len(shown) - tied  # (none left out unsaid)
        if tied or fewer:
            blocks.append(_note("; ".join(filter(None, (
                f"{tied} more are also named by {shown[-1].articles} articles (ties)"
                if tied else "", f"{fewer:,} more by fewer articles" if fewer else ""))) + "; ",
                Code("--top"), " shows more."))
        if len(shown) > 1 and len({r.articles for r in shown}) == 1:
            blocks.append(_note(f"All shown are tied at {shown[0].articles} articles: this is a "
                                "list, not a ranking."))
    elif report.radar.blips:
        blocks.append(_note("No entity is named by two or more articles; there is no ranking "
                            "to show. The most relevant signals and technologies instead (as "
                            "their articles rate them; a list, not a ranking):"))
        blocks.append(Table(("type", "entity", "relevancy", "category"), [
            (_kind(b.type), Entity(b.label, b.type), b.relevancy, b.category)
            for b in report.radar.blips[:top]], (False, False, True, False)))
    else:
        blocks.append(_note("No entity is named by two or more articles; there is no ranking "
                            "to show."))
    single = [k for k, (n, once) in report.named_once.items() if n and once == n]
    if single:
        blocks.append(_text("Named by one article each (never ranked as central): "
                            + ", ".join(f"all {report.named_once[k][0]:,} {_kind(k, True)}"
                                        for k in single) + "."))

    blocks.append(Heading("What travels together"))
    if report.pairs:
        if report.pairs_any:
            blocks.append(_note("No technology and concern are named together by two or more "
                                "articles; pairs of any two recurring entities are shown instead."))
        blocks.append(_text("Lift: how many times more often two are named by the same "
                            "article than chance would have it (1 = chance)."))
        if report.over_paired:
            blocks.append(_note(f"{report.over_paired:,} "
                                f"{'article names' if report.over_paired == 1 else 'articles name'}"
                                f" more than {A.MAX_PAIRED} entities that other articles name "
                                f"too: only their {A.MAX_PAIRED} most widely named are paired."))
        if draw and _varied(round(p.lift, 2) for p in report.pairs):
            blocks.append(_bars([f"{p.first_label} ({_kind(p.first_type)}) + {p.second_label} "
                                 f"({_kind(p.second_type)})" for p in report.pairs],
                                [p.lift for p in report.pairs], ["#4e79a7"] * len(report.pairs),
                                "lift", "Pairs named together, by lift", integer=False))
        blocks.append(Table(("first", "second", "articles", "lift"), [
            ([Entity(p.first_label, p.first_type), f" ({_kind(p.first_type)})"],
             [Entity(p.second_label, p.second_type), f" ({_kind(p.second_type)})"], p.count,
             f"{p.lift:.1f}") for p in report.pairs], (False, False, True, True)))
    else:
        blocks.append(_note("No two entities are named together by two or more articles."))

    blocks += _driver_blocks(report, colours, draw)

    blocks.append(Heading("Radar: category × relevancy"))
    radar = report.radar
    if radar.blips:
        if draw and (chart := _radar_chart(radar, colours)):
            blocks.append(chart)
            if len(radar.blips) > MAX_BLIPS:
                blocks.append(_note(f"The chart draws the {MAX_BLIPS:,} named by most articles "
                                    f"of the {len(radar.blips):,} placed; the table counts all."))
        rings = radar.rings
        blocks.append(_text(f"{len(radar.blips):,} signals and technologies placed by the "
                            "most frequent category of their articles (sector) and the mean "
                            "relevancy articles give them (ring, 5 inner); the explorer's Radar "
                            "tab places them the same way."))
        counts = {(b.category, b.relevancy): 0 for b in radar.blips}
        for b in radar.blips:
            counts[b.category, b.relevancy] += 1
        blocks.append(Table(("category", *[f"relevancy {r}" for r in rings], "all"), [
            (sector, *[counts.get((sector, r), 0) for r in rings],
             sum(counts.get((sector, r), 0) for r in rings)) for sector in radar.sectors[:top]],
            (False, *[True] * (len(rings) + 1))))
        if len(radar.sectors) > top:
            blocks.append(_note(f"{len(radar.sectors) - top} more categories; ", Code("--top"),
                                " shows more."))
    else:
        blocks.append(_note("No signal or technology has both a category and a relevancy."))
    apart = []
    if radar.no_category:
        apart.append(f"{len(radar.no_category):,} without a category (their articles have none)")
    if radar.no_relevancy:
        apart.append(f"{len(radar.no_relevancy):,} with a category but no relevancy")
    if apart:
        blocks.append(_text("Not placed: " + "; ".join(apart) + "."))
    return blocks


def _emergence_blocks(report: Report, colours: dict, draw: bool) -> list:
    emergence, top = report.map, report.top
    window = emergence.windows.size
    limits = emergence.thresholds
    blocks = [Heading("Emergence map")]
    found = emergence.windows
    if len(found) >= 2:
        blocks.append(_text(
            f"After Yoon (2012): each keyword, theme and trend named by at least "
            f"{limits.min_articles} dated articles, by its visibility (the share of a {window}'s "
            f"articles naming it, recent {window}s weighing more: each {window} back counts "
            f"{limits.time_weight:g} less) and its growth per {window} (a weighted fit over the "
            f"{len(found):,} {window}s that have articles, {found.labels[0]} to "
            f"{found.labels[-1]}; {window}s without articles are left out, not counted as "
            f"zero). Frequent: visibility ≥ {limits.frequent:g}; growing: ≥ "
            f"{_percent(limits.growing)} per {window}. Weak signal: rare and growing; strong "
            "signal: frequent and growing; well known: frequent, not growing; latent: rare, not "
            "growing. Set them with ", Code("kg stats --frequent --growing --time-weight "
                                            "--min-articles --window"), "."))
    else:
        blocks.append(_note(f"Page dates fall in {_count(len(found), window)}: growth cannot "
                            "be measured, so there is no map."))
        return blocks + _trend_blocks(report)
    counts = emergence.counts()
    blocks.append(_text(", ".join(f"{name}: {n:,}" for name, n in counts.items())
                        + f"; {emergence.left_out:,} named by fewer than {limits.min_articles} "
                        "dated articles are not on the map."))
    if draw and len(found) >= 2 and (chart := _map_chart(emergence, colours)):
        blocks.append(chart)
    shown = emergence.items[:top]
    if shown:
        blocks.append(Table(
            ("quadrant", "type", "item", "articles", "categories", "sources", "visibility",
             f"growth per {window}", "diffusion", "diffusion growth"),
            [(e.quadrant, _kind(e.type), Entity(e.label, e.type), e.articles, e.categories,
              e.sources, f"{e.visibility:.3f}", _percent(e.growth), f"{e.diffusion:.3f}",
              _percent(e.diffusion_growth)) for e in shown],
            (False, False, False, True, True, True, True, True, True, True)))
        if len(emergence.items) > top:
            blocks.append(_note(f"{len(emergence.items) - top:,} more on the map; ",
                                Code("--top"), " shows more."))
    return blocks + _trend_blocks(report)


def _trend_blocks(report: Report) -> list:
    emergence, top = report.map, report.top
    window = emergence.windows.size
    trends = sorted((e for e in emergence.items if e.type == "Trend"),
                    key=lambda e: (-e.growth, -e.articles, e.label))
    blocks: list = [Heading("Trends")]
    if not report.influence.trends:
        blocks.append(_note("This graph has no trends (kg:Trend nodes). Trends group related "
                            "signals, technologies and concerns across articles; a graph built "
                            "with related links and trends shows them here."))
    elif trends:
        blocks.append(Table(("trend", "dated articles", f"growth per {window}", "quadrant",
                             f"articles per {window}"),
                            [(Entity(e.label, "Trend"), e.articles, _percent(e.growth), e.quadrant,
                              _sparkline(e.counts)) for e in trends[:top]],
                            (False, True, True, False, False)))
    else:
        blocks.append(_note("No trend has enough dated articles to be on the map."))
    blocks.extend(_more(top, len(trends), "trends"))
    # (every trend accounted for: one whose articles are mostly undated is no row above)
    undated = len(report.influence.trends) - len(trends)
    if undated and trends:
        blocks.append(_note(f"{_count(undated, 'trend')} with fewer than "
                            f"{emergence.thresholds.min_articles} dated articles not shown (",
                            Code("kg query GRAPH -n trends"), " lists every trend)."))
    return blocks


def _sparkline(counts: tuple[int, ...]) -> str:
    """Counts per window as a short line of numbers: at most eight windows, up to the
    last with an article, and how many windows without follow (not eight zeros where a
    trend was quiet of late).

    >>> _sparkline((1, 2, 3)), _sparkline((5,) + (0,) * 9 + (1, 2)), _sparkline((2, 0, 1) + (0,) * 9)
    ('1 2 3', '… 0 0 0 0 0 0 1 2', '2 0 1 … 0×9')
    """
    end = max((at + 1 for at, n in enumerate(counts) if n), default=len(counts))
    start = max(0, end - 8)
    return ("… " if start else "") + " ".join(str(n) for n in counts[start:end]) + \
        (f" … 0×{len(counts) - end}" if end < len(counts) else "")


def _driver_blocks(report: Report, colours: dict, draw: bool) -> list:
    top = report.top
    table = report.influence
    groups = table.groups
    blocks = [Heading("Drivers")]
    if not groups:
        blocks.append(_note("This graph has no driving forces."))
        return blocks
    blocks.append(_text(
        "Driving forces are grouped when a trend holds both, or a related link joins two that "
        "are each other's closest"
        + ("" if report.related or table.trends else
           " (this graph has neither, so each force is its own group)")
        + "; per group, the signals it drives, the articles reporting them, their categories "
          "and the trends it drives."))
    shown = [g for g in groups if len(g.articles) >= 2][:top]
    if not shown:
        blocks.append(_note(f"No driving force is behind signals of two or more articles (each "
                            f"of the {sum(len(g.drivers) for g in groups):,} appears in one); "
                            "none is ranked. Where they come from instead, by the category of "
                            "their articles:"))
        by_category: dict[str, list[int]] = {}
        for group in groups:
            for category, _ in group.categories:
                counts = by_category.setdefault(category, [0, 0])
                counts[0] += len(group.drivers)
                counts[1] += len(group.signals)
        ranked = sorted(by_category.items(), key=lambda item: (-item[1][0], item[0]))
        blocks.append(Table(("category", "driving forces", "signals"),
                            [(c, f, n) for c, (f, n) in ranked[:top]], (False, True, True)))
        return blocks
    if draw and _varied(len(g.articles) for g in shown):
        blocks.append(_bars([g.name for g in shown], [len(g.articles) for g in shown],
                            [colours.get("DrivingForce", "#e15759")] * len(shown),
                            "articles reporting a signal it drives",
                            "Driver groups by articles reporting the signals they drive"))
    label_of = dict(zip(table.trends, table.trend_labels))
    blocks.append(Table(("driver group", "forces", "signals", "articles", "categories", "trends"), [
        (Entity(g.name, "DrivingForce"), len(g.drivers), len(g.signals), len(g.articles),
         ", ".join([f"{c} {n}" for c, n in g.categories[:3]] +
                   [f"{len(g.categories) - 3:,} more"] * (len(g.categories) > 3) +
                   [f"no category {g.uncategorised:,}"] * bool(g.uncategorised)),
         tuple(Entity(label_of[t], "Trend") for t in g.trends[:3]))
        for g in shown], (False, True, True, True, False, False)))
    if len({len(g.articles) for g in shown}) == 1 and len(shown) > 1:
        blocks.append(_note(f"All groups shown are behind signals of {len(shown[0].articles)} "
                            "articles: ties, listed by signals, then name."))
    if table.trends:
        driven_in: Counter = Counter()  # trend -> its articles counted over every group
        for (_, trend), n in table.counts.items():
            driven_in[trend] += n
        columns = sorted(table.trends, key=lambda t: (-driven_in[t], label_of[t]))[:5]
        blocks.append(_text("Influence: in how many of a trend's articles the group drives a "
                            "signal of the trend (and that share of the trend's articles)."))
        rows = []
        index_of = {id(g): i for i, g in enumerate(groups)}
        for group in shown:
            index = index_of[id(group)]
            rows.append((Entity(group.name, "DrivingForce"),
                         *[f"{table.counts[index, t]} ({table.shares[index, t]:.0%})"
                           if (index, t) in table.counts else "" for t in columns]))
        blocks.append(Table(("driver group", *[charts.short(label_of[t], 30) for t in columns]), rows,
                            (False, *[True] * len(columns))))
        blocks.append(Heading("Drivers behind the fastest-rising trends", 3))
        if report.behind:
            window = report.map.windows.size
            blocks.append(Table(("trend", f"growth per {window}", "driver groups (articles)"), [
                (Entity(trend.label, "Trend"), _percent(trend.growth),
                 tuple([Entity(group.name, "DrivingForce"), f" ({n}, {share:.0%})"]
                       for group, n, share in behind) if behind else "none found")
                for trend, behind in report.behind[:top]], (False, True, False)))
        else:
            blocks.append(_note("No trend is rising."))
    return blocks


# --- entry points ---------------------------------------------------------------------------------


def to_markdown(report: Report, explorer: str | None = None, title: str | None = None) -> str:
    """The stats report as Markdown (no charts)."""
    return render_markdown([Heading(title or report_title(report), 1),
                            *stats_blocks(report, False)], explorer)


def report_title(report: Report) -> str:
    """"Knowledge graph report: corpus + seed": the folders the summaries came from."""
    if not report.folders:
        return "Knowledge graph report"
    shown = " + ".join(report.folders[:3])
    return f"Knowledge graph report: {shown}" + (" + …" if len(report.folders) > 3 else "")


def to_html(report: Report, explorer: str | None = None, title: str | None = None) -> str:
    """The stats report as one HTML page with charts; entity names link to the explorer
    page at `explorer` (a relative URL), focused on them."""
    return render_html(stats_blocks(report, True), title or report_title(report), explorer)


# --- the diff report ------------------------------------------------------------------------------


def _more(shown: int, total: int, what: str) -> list:
    if total <= shown:
        return []
    return [_note(f"{total - shown:,} more {what}; ", Code("--top"), " shows more.")]


def _by_type(items) -> str:
    counts: dict[str, int] = {}
    for item in items:
        counts[item.type] = counts.get(item.type, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{n:,} {_kind(k, n != 1)}" for k, n in ranked)


def diff_blocks(diff, top: int = 10) -> list:
    """A kg.diff.Diff as blocks: a summary from the numbers, then a table per change."""
    counts = diff.counts()
    window = diff.window
    blocks: list = [_text(
        "From ", Code(diff.old_name), f" ({_count(diff.old_articles, 'article')}) to ",
        Code(diff.new_name), f" ({_count(diff.new_articles, 'article')}): "
        f"{counts['articles added']:,} added, "
        f"{counts['articles removed']:,} removed; {counts['new entities']:,} new entities"
        + (f" ({_by_type(diff.new_entities)})" if diff.new_entities else "")
        + f", {counts['entities gone']:,} gone"
        + (f", {counts['entities merged']:,} merged into others" if diff.merged else "")
        + f"; {counts['new trends']:,} new trends, "
        f"{counts['trends gone']:,} gone; {counts['grew']:,} keywords, themes and trends grew, "
        f"{counts['faded']:,} faded; {counts['new related links']:,} new related links, "
        f"{counts['related links gone']:,} gone; {counts['relevancies changed']:,} relevancies "
        "changed" + (f"; {_count(len(diff.dates), 'page date')} changed" if diff.dates else "")
        + ".")]
    if diff.renamed:
        one = len(diff.renamed) == 1
        what = "entity or trend has" if one else "entities or trends have"
        blocks.append(_note(f"{len(diff.renamed):,} {what} other IRIs in the two graphs "
                            "(another kg version, or resolution that saw more of the archive, "
                            f"named {'it' if one else 'them'} differently); matched by type and "
                            "name, a trend by most of its members."))
    if diff.grew:
        g = diff.grew[0]
        blocks.append(_text("Grew most: ", Entity(g.label, g.type),
                            f" ({_kind(g.type)}, {g.old} → {g.new} articles)."))

    def items_table(title: str, items, dated: bool = False, link: bool = True) -> None:
        blocks.append(Heading(f"{title} ({len(items):,})"))
        if not items:
            blocks.append(_text("None."))
            return
        name = (lambda i: Entity(i.label, i.type)) if link else (lambda i: i.label)
        if dated:
            blocks.append(Table(("article", "page date"), [(name(i), i.date or "")
                                                           for i in items[:top]]))
        else:
            blocks.append(Table(("type", "name", "articles"), [
                (_kind(i.type), name(i), i.articles) for i in items[:top]], (False, False, True)))
        blocks.extend(_more(top, len(items), title.lower()))

    items_table("Articles added", diff.added, dated=True)
    items_table("Articles removed", diff.removed, dated=True, link=False)
    items_table("New entities", diff.new_entities)
    items_table("Entities gone", diff.gone_entities, link=False)
    if diff.merged:
        blocks.append(Heading(f"Merged into another node ({len(diff.merged):,})"))
        blocks.append(_text("Entities of the old graph that resolution joined to others as "
                            "the archive grew: their articles count with the node."))
        blocks.append(Table(("type", "old name", "articles before", "one node with", "named now"), [
            (_kind(m.type), m.label, m.articles,
             ", ".join(m.others) + (f" and {m.more:,} more" if m.more else ""),
             Entity(m.into_label, m.type)) for m in diff.merged[:top]], (False, False, True, False,
                                                                         False)))
        blocks.extend(_more(top, len(diff.merged), "merged"))
    items_table("New trends", diff.new_trends)
    items_table("Trends gone", diff.gone_trends, link=False)

    for title, items in (("Grew", diff.grew), ("Faded", diff.faded)):
        blocks.append(Heading(f"{title}: keywords, themes and trends ({len(items):,})"))
        if not items:
            blocks.append(_text("None."))
            continue
        blocks.append(Table(("type", "name", "articles before", "after", "change",
                             f"by {window}" if title == "Grew" else "why"), [
            (_kind(g.type), Entity(g.label, g.type), g.old, g.new,
             f"{g.new - g.old:+d}" + (" (new articles)" if g.renewed else ""),
             ", ".join(f"{w} {b - a:+d}" for w, a, b in g.windows[-4:]) if title == "Grew"
             else ("no article in the new scan's later windows" if g.quiet
                   else "fewer articles"))
            for g in items[:top]], (False, False, True, True, True, False)))
        blocks.extend(_more(top, len(items), title.lower()))

    for title, links, link in (("New related links", diff.new_links, True),
                               ("Related links gone", diff.gone_links, False)):
        blocks.append(Heading(f"{title} ({len(links):,})"))
        if not links:
            blocks.append(_text("None."))
            continue
        # (with their types: a behavior and a signal, or a keyword and a theme, may share
        # a name)
        blocks.append(Table(("first", "type", "second", "type", "score"), [
            (Entity(r.first_label, r.first_type) if link else r.first_label, _kind(r.first_type),
             Entity(r.second_label, r.second_type) if link else r.second_label,
             _kind(r.second_type), f"{r.score:.2f}")
            for r in links[:top]], (False, False, False, False, True)))
        blocks.extend(_more(top, len(links), title.lower()))

    blocks.append(Heading(f"Relevancies changed ({len(diff.relevancy):,})"))
    if diff.relevancy:
        blocks.append(Table(("article", "type", "entity", "before", "after"), [
            (Entity(r.article_label, "Article"), _kind(r.type), Entity(r.entity_label, r.type),
             r.old, r.new) for r in diff.relevancy[:top]], (False, False, False, True, True)))
        blocks.extend(_more(top, len(diff.relevancy), "relevancy changes"))
    else:
        blocks.append(_text("None."))
    if diff.dates:  # (rare: said only when there are some)
        blocks.append(Heading(f"Page dates changed ({len(diff.dates):,})"))
        blocks.append(Table(("article", "before", "after"), [
            (Entity(d.article_label, "Article"), d.old or "none", d.new or "none")
            for d in diff.dates[:top]], (False, False, False)))
        blocks.extend(_more(top, len(diff.dates), "page date changes"))
    return blocks


def diff_markdown(diff, top: int = 10, explorer: str | None = None) -> str:
    """The diff as Markdown."""
    return render_markdown([Heading("What changed between two scans", 1),
                            *diff_blocks(diff, top)], explorer)


def diff_html(diff, top: int = 10, explorer: str | None = None) -> str:
    """The diff as one HTML page; entities link to the new graph's explorer page."""
    return render_html(diff_blocks(diff, top), "What changed between two scans", explorer)
