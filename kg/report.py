"""Report: the analytics of `kg.analytics` as Markdown, or as HTML with charts.

The HTML report embeds its charts (matplotlib, PNG as data: URIs) and links each
entity to the explorer page focused on it (`graph.html#focus=LABEL`). All text
from documents is escaped.
"""

from __future__ import annotations

import base64
import html
import io
import os
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from . import analytics as A


@dataclass
class Report:
    """Everything `kg stats` shows, computed once."""

    counts: dict[str, int]
    central: dict[str, list[A.Ranked]]
    communities: list[A.Community]
    pairs: list[A.Pair]
    trends: list[A.Trend]
    forces: list[A.ForceRank]
    notes: list[str] = field(default_factory=list)


def make_report(graph: nx.MultiDiGraph, top: int = 10) -> Report:
    """Run every analysis on `graph` (from `kg.network.to_networkx`)."""
    pairs = A.cooccurrence(graph, "Technology", "Concern", min_count=2, top=top * 2)
    notes = []
    if not pairs:
        pairs = A.cooccurrence(graph, "Technology", "Concern", min_count=1, top=top * 2)
        notes.append("No technology and concern meet in two or more articles; pairs seen in "
                     "one article are shown (lift is then a weak hint).")
    return Report(A.counts_by_type(graph), A.central(graph, top), A.communities(graph)[:top],
                  pairs, A.trends(graph, top=top), A.driving_forces(graph, top=top * 2), notes)


def to_markdown(report: Report) -> str:
    """The report as Markdown tables."""
    out = ["# Knowledge graph report", ""]
    out += [f"> {note}\n" for note in report.notes]
    out += ["## Nodes by type", "", "| type | nodes |", "|---|---:|"]
    out += [f"| {kind} | {n} |" for kind, n in report.counts.items()]
    out += ["", "## Most central entities", "", "| type | entity | links | PageRank |",
            "|---|---|---:|---:|"]
    for kind, items in report.central.items():
        out += [f"| {kind} | {_md(r.label)} | {r.degree} | {r.pagerank:.4f} |" for r in items[:5]]
    out += ["", "## Communities", "", "| size | articles | best-connected entities |",
            "|---:|---:|---|"]
    out += [f"| {c.size} | {c.articles} | {_md(', '.join(c.top_labels))} |"
            for c in report.communities]
    out += ["", "## Technologies and concerns that travel together", "",
            "| technology | concern | articles | lift | PMI |", "|---|---|---:|---:|---:|"]
    out += [f"| {_md(p.first_label)} | {_md(p.second_label)} | {p.count} | {p.lift:.2f} | "
            f"{p.pmi:.2f} |" for p in report.pairs]
    out += ["", "## Rising (share of each month's articles)", "",
            "| type | entity | articles | first month share | last month share | slope/month |",
            "|---|---|---:|---:|---:|---:|"]
    out += [f"| {t.type} | {_md(t.label)} | {t.articles} | {t.shares[0]:.2f} | "
            f"{t.shares[-1]:.2f} | {t.slope:+.3f} |" for t in report.trends]
    out += ["", "## Driving forces by signals driven", "",
            "| driving force | signals | articles |", "|---|---:|---:|"]
    out += [f"| {_md(f.label)} | {f.signals} | {f.articles} |" for f in report.forces]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Text safe in a Markdown table cell (no pipes, no HTML)."""
    return html.escape(text.replace("|", "\\|").replace("\n", " "), quote=False)


def _chart(draw) -> str:
    """An <img> of a matplotlib figure drawn by `draw(axes)`."""
    import matplotlib

    matplotlib.use("Agg")
    # Labels are document text: `$5 ... $10` is money, not TeX math.
    matplotlib.rcParams["text.parse_math"] = False
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(8, 3.6), dpi=90)
    draw(axes)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    data = base64.b64encode(buffer.getvalue()).decode()
    return f'<img alt="chart" src="data:image/png;base64,{data}">'


def _barh(labels: list[str], values: list[float], xlabel: str):
    def draw(axes):
        shown = [label if len(label) <= 45 else label[:44] + "…" for label in labels][::-1]
        axes.barh(range(len(shown)), values[::-1], color="#4e79a7")
        axes.set_yticks(range(len(shown)), shown, fontsize=8)
        axes.set_xlabel(xlabel)
    return draw


def to_html(report: Report, explorer: str | None = None) -> str:
    """The report as one HTML page with embedded charts; entity names link to the
    explorer page at `explorer` (a relative URL), focused on them."""
    def name(label: str) -> str:
        text = html.escape(label)
        if explorer is None:
            return text
        href = f"{explorer}#focus={urllib.parse.quote(label, safe='')}"
        return f'<a href="{html.escape(href)}">{text}</a>'

    def table(header: list[str], rows: list[list[str]]) -> str:
        head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>"
                       for row in rows)
        return f"<table><tr>{head}</tr>{body}</table>"

    parts = ["<h1>Knowledge graph report</h1>"]
    parts += [f"<p class=note>{html.escape(note)}</p>" for note in report.notes]
    parts.append("<h2>Nodes by type</h2>")
    parts.append(_chart(_barh(list(report.counts), list(report.counts.values()), "nodes")))
    parts.append("<h2>Most central entities</h2>")
    technologies = report.central.get("Technology", [])
    if technologies:
        parts.append(_chart(_barh([r.label for r in technologies],
                                  [r.degree for r in technologies], "links (technologies)")))
    parts.append(table(["type", "entity", "links", "PageRank"], [
        [html.escape(kind), name(r.label), str(r.degree), f"{r.pagerank:.4f}"]
        for kind, items in report.central.items() if kind != "Article" for r in items[:5]]))
    parts.append("<h2>Communities</h2>")
    parts.append(table(["size", "articles", "best-connected entities"], [
        [str(c.size), str(c.articles), ", ".join(name(label) for label in c.top_labels)]
        for c in report.communities]))
    parts.append("<h2>Technologies and concerns that travel together</h2>")
    if report.pairs:
        parts.append(_chart(_barh([f"{p.first_label} + {p.second_label}" for p in report.pairs[:10]],
                                  [p.lift for p in report.pairs[:10]], "lift")))
    parts.append(table(["technology", "concern", "articles", "lift", "PMI"], [
        [name(p.first_label), name(p.second_label), str(p.count), f"{p.lift:.2f}", f"{p.pmi:.2f}"]
        for p in report.pairs]))
    parts.append("<h2>Rising</h2>")
    if report.trends:
        def draw(axes):
            for trend in report.trends[:6]:
                axes.plot(trend.months, trend.shares, marker="o", label=trend.label[:40])
            axes.set_ylabel("share of the month's articles")
            axes.legend(fontsize=7)
            axes.tick_params(axis="x", labelrotation=45, labelsize=7)
        parts.append(_chart(draw))
    parts.append(table(["type", "entity", "articles", "slope per month"], [
        [html.escape(t.type), name(t.label), str(t.articles), f"{t.slope:+.3f}"]
        for t in report.trends]))
    parts.append("<h2>Driving forces by signals driven</h2>")
    parts.append(table(["driving force", "signals", "articles", "signals (first five)"], [
        [name(f.label), str(f.signals), str(f.articles), html.escape("; ".join(f.top_signals))]
        for f in report.forces]))
    style = ("body{font:14px system-ui,sans-serif;margin:1em 2em;max-width:1000px}"
             "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;"
             "padding:2px 6px;text-align:left;vertical-align:top}.note{color:#a60}")
    return ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>kg report</title>"
            f"<style>{style}</style></head><body>{''.join(parts)}</body></html>\n")


def explorer_href(report_path: str | Path, page: str | Path) -> str:
    """The explorer page's URL relative to where the report is written."""
    return Path(os.path.relpath(Path(page).resolve(), Path(report_path).resolve().parent)).as_posix()
