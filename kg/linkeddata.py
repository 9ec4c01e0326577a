"""Linked Data: every IRI kg mints, as a page for people and as RDF for machines.

`kg serve` answers `GET /id/technology/digital_twin` for the node
`{base}technology/digital_twin`, as LodView and Pubby do for a SPARQL store:
by content negotiation, an HTML page for a browser (what the node is, the
articles that name it with each article's own words, related entities and
trends, every statement about it with links onward) or its description for
a machine (every triple with the node as subject or object; Turtle, JSON-LD,
N-Triples, RDF/XML). `describe_job` runs in a query worker (kg.querypool).

All text on the page comes from documents: it is HTML-escaped, links are made
only from IRIs (to /id/ pages for the graph's own nodes, out for http(s)),
and the page carries a Content-Security-Policy that lets no script run.

>>> render_text('<script>alert("x")</script>')
'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
"""

from __future__ import annotations

import html
import urllib.parse
from dataclasses import dataclass, field

import pyoxigraph as ox

from . import negotiate as neg
from . import vocab as V
from .network import score_of
from .querypool import Answer, too_large

__all__ = ["PAGE_OFFERS", "describe_job", "Description", "describe", "render_page",
           "render_text", "page_style", "PAGE_POLICY"]

# Machines get Turtle for */*; browsers ask for text/html by name.
PAGE_OFFERS = neg.GRAPH + [neg.HTML]
PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
MAX_ROWS = 500  # statements listed on a page (the RDF answer has them all)
NAME_PROPERTIES = (V.LABEL, V.TITLE, V.PREF_LABEL)
ENTITY_DETAILS = ((V.DESCRIPTION, "description"), (V.RELEVANCY, "relevancy"),
                  (V.CHANGE, "change"), (V.TEN_YEAR, "10-year outlook"))


def render_text(text: str) -> str:
    return html.escape(text, quote=True)


def page_style() -> str:
    return ("body{font:14px/1.45 system-ui,sans-serif;margin:1em auto;max-width:60em;padding:0 1em}"
            "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;"
            "padding:2px 6px;text-align:left;vertical-align:top}.iri{color:#555;font-size:90%;"
            "word-break:break-all}li{margin:.3em 0}.quote{color:#333;margin:.2em 0 .2em 1em}")


@dataclass
class Article:
    iri: str
    title: str
    date: str = ""
    url: str | None = None
    details: list[tuple[str, str]] = field(default_factory=list)  # (what, the article's words)


@dataclass
class Description:
    """What the store says about one node, gathered for its page."""

    iri: str
    name: str
    types: list[str]
    outgoing: list[ox.Triple]
    incoming: list[ox.Triple]
    names: dict[str, str]  # IRI -> its name, for every node linked from the page
    other_names: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    related: list[tuple[str, str | None]] = field(default_factory=list)  # (IRI, score)
    trends: list[tuple[str, str]] = field(default_factory=list)  # (IRI, "n articles, dates")


def _objects(store, subject: ox.NamedNode, predicate: str) -> list:
    return [q.object for q in store.quads_for_pattern(subject, ox.NamedNode(predicate), None)]


def _subjects(store, predicate: str, obj: ox.NamedNode) -> list:
    return [q.subject for q in store.quads_for_pattern(None, ox.NamedNode(predicate), obj)]


def _first_text(store, node, predicates=NAME_PROPERTIES) -> str | None:
    for predicate in predicates:
        for value in _objects(store, node, predicate):
            if isinstance(value, ox.Literal):
                return value.value
    return None


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _unique(triples) -> list[ox.Triple]:
    return list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in triples))


def describe(store, iri: str) -> Description | None:
    """Everything the page of `iri` shows; None when the store knows nothing of it."""
    node = ox.NamedNode(iri)
    outgoing = _unique(store.quads_for_pattern(node, None, None))
    incoming = _unique(store.quads_for_pattern(None, None, node))
    if not outgoing and not incoming:
        return None
    types = [t.value for t in _objects(store, node, V.TYPE) if isinstance(t, ox.NamedNode)]
    description = Description(iri, _first_text(store, node) or _local_name(iri), types,
                              outgoing, incoming, {})
    description.other_names = sorted({v.value for v in _objects(store, node, V.ALT_LABEL)})
    articles: dict[str, Article] = {}

    def article(subject) -> Article:
        if subject.value not in articles:
            page = next(iter(_objects(store, subject, V.PUBLISHED_IN)), None)
            date = _first_text(store, page, (V.DATE,)) if page is not None else None
            url = next((u.value for u in _objects(store, subject, V.URL)
                        if isinstance(u, ox.NamedNode)), None)
            articles[subject.value] = Article(subject.value, _first_text(store, subject)
                                              or _local_name(subject.value), date or "", url)
        return articles[subject.value]

    for mention in _subjects(store, V.MENTION_OF, node):
        for subject in _subjects(store, V.HAS_MENTION, mention):
            found = article(subject)
            for predicate, what in ENTITY_DETAILS:
                text = _first_text(store, mention, (predicate,))
                if text:
                    found.details.append((what, text))
    for triple in incoming:
        if ox.NamedNode(V.ARTICLE) in _objects(store, triple.subject, V.TYPE):
            if triple.predicate.value not in (V.CLOSEST_TO, V.TREND_ARTICLE):
                article(triple.subject)
    description.articles = sorted(articles.values(), key=lambda a: (a.date, a.title),
                                  reverse=True)
    related = {t.object.value: None for t in outgoing if t.predicate.value == V.RELATED}
    related.update({t.subject.value: None for t in incoming if t.predicate.value == V.RELATED})
    for link in _subjects(store, V.RELATES, node):
        score = _first_text(store, link, (V.SCORE,))
        for other in _objects(store, link, V.RELATES):
            if other != node:
                related[other.value] = score
    # (strongest first; a score that is no number, in a graph from elsewhere, last)
    description.related = sorted(related.items(), key=lambda item: -(score_of(item[1]) or 0))
    for trend in _subjects(store, V.MEMBER, node):
        if ox.NamedNode(V.TREND) in _objects(store, trend, V.TYPE):
            count = _first_text(store, trend, (V.ARTICLE_COUNT,)) or "?"
            first = _first_text(store, trend, (V.FIRST_DATE,)) or ""
            last = _first_text(store, trend, (V.LAST_DATE,)) or ""
            description.trends.append((trend.value, f"{count} articles, {first} to {last}"))
    linked = {t.object for t in outgoing if isinstance(t.object, ox.NamedNode)}
    linked |= {t.subject for t in incoming if isinstance(t.subject, ox.NamedNode)}
    linked |= {ox.NamedNode(i) for i in related}
    linked |= {ox.NamedNode(i) for i, _ in description.trends}
    for other in linked:
        name = _first_text(store, other)
        if name is not None:
            description.names[other.value] = name
    return description


class _Links:
    """Hrefs for IRIs: the graph's own nodes to their /id/ pages, http(s) IRIs out."""

    def __init__(self, base: str, prefix: str, prefixes: dict[str, str]):
        self.base, self.prefix = base, prefix
        self.prefixes = sorted(prefixes.items(), key=lambda item: -len(item[1]))

    def href(self, iri: str) -> str | None:
        if iri.startswith(self.base):
            return self.prefix + iri[len(self.base):]
        return self.outside(iri)

    @staticmethod
    def outside(iri: str) -> str | None:
        """An IRI out of the graph as a link: http(s) only, whatever the graph's base
        is (a crafted graph's base may be `javascript:`; a review's finding)."""
        return iri if urllib.parse.urlsplit(iri).scheme.lower() in ("http", "https") else None

    def short(self, iri: str) -> str:
        for name, namespace in self.prefixes:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{name}:{iri[len(namespace):]}"
        return iri

    def link(self, iri: str, text: str | None = None) -> str:
        shown = render_text(text if text is not None else self.short(iri))
        href = self.href(iri)
        if href is None:
            return shown
        return f'<a href="{render_text(href)}">{shown}</a>'

    def term(self, term, names: dict[str, str]) -> str:
        if isinstance(term, ox.NamedNode):
            return self.link(term.value, names.get(term.value))
        if isinstance(term, ox.Literal):
            return render_text(term.value)
        return render_text(f"_:{term.value}")


def render_page(description: Description, base: str, prefix: str,
                prefixes: dict[str, str]) -> str:
    """The HTML page of a node: every text escaped, no script."""
    links = _Links(base, prefix, prefixes)
    names = description.names
    here = links.href(description.iri) or ""
    types = ", ".join(links.short(t) for t in description.types) or "resource"
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{render_text(description.name)}</title><style>{page_style()}</style>"]
    graph_formats = [fmt for media, fmt in neg.GRAPH if media == fmt.media_type]
    for fmt in graph_formats:
        out.append(f'<link rel="alternate" type="{fmt.media_type}" '
                   f'href="{render_text(here)}?format={fmt.name}">')
    alternates = " ".join(f'<a href="{render_text(here)}?format={fmt.name}">{fmt.name}</a>'
                          for fmt in graph_formats)
    out += ["</head><body>", f"<h1>{render_text(description.name)}</h1>",
            f'<p>{render_text(types)} · <span class="iri">{render_text(description.iri)}</span>'
            f' · as {alternates} · <a href="/">explorer</a> · <a href="/query">SPARQL</a></p>']
    if description.other_names:
        out.append("<p>Also named: " + "; ".join(map(render_text, description.other_names))
                   + "</p>")
    if description.articles:
        out.append(f"<h2>Articles ({len(description.articles)})</h2><ul>")
        for article in description.articles[:MAX_ROWS]:
            line = links.link(article.iri, article.title)
            if article.date:
                line += f" <small>{render_text(article.date)}</small>"
            if article.url and links.outside(article.url):
                line += f' · <a href="{render_text(article.url)}" rel="nofollow">source</a>'
            for what, text in article.details:
                line += f'<div class="quote">{render_text(what)}: {render_text(text)}</div>'
            out.append(f"<li>{line}</li>")
        out.append("</ul>")
    if description.related:
        out.append("<h2>Related</h2><ul>")
        for iri, score in description.related:
            shown = f" <small>score {render_text(score)}</small>" if score else ""
            out.append(f"<li>{links.link(iri, names.get(iri))}{shown}</li>")
        out.append("</ul>")
    if description.trends:
        out.append("<h2>Trends</h2><ul>")
        for iri, summary in description.trends:
            out.append(f"<li>{links.link(iri, names.get(iri))} <small>"
                       f"{render_text(summary)}</small></li>")
        out.append("</ul>")
    for title, triples, shown in (("Statements", description.outgoing, "predicate-object"),
                                  ("Referenced by", description.incoming, "subject-predicate")):
        if not triples:
            continue
        out.append(f"<h2>{title} ({len(triples)})</h2><table>")
        for triple in triples[:MAX_ROWS]:
            cells = ((triple.predicate, triple.object) if shown == "predicate-object"
                     else (triple.subject, triple.predicate))
            out.append("<tr>" + "".join(f"<td>{links.term(c, names)}</td>" for c in cells)
                       + "</tr>")
        out.append("</table>")
        if len(triples) > MAX_ROWS:
            out.append(f"<p>… and {len(triples) - MAX_ROWS:,} more: every statement is in "
                       f'<a href="{render_text(here)}?format=ttl">the Turtle</a>.</p>')
    out.append("</body></html>\n")
    return "\n".join(out)


def describe_job(context, iri: str, names: tuple[str, ...], accept: str | None,
                 prefix: str) -> Answer:
    """The answer for GET {prefix}...: the node's page or its triples (in a worker)."""
    settings = context.settings
    description = describe(context.store, iri)
    if description is None:
        return Answer.text(404, f"nothing is known about <{iri}>")
    media_type, fmt = neg.choose(list(names), accept, PAGE_OFFERS)
    if fmt is None:
        page = render_page(description, settings.base, prefix, settings.prefixes)
        return Answer(200, "text/html; charset=utf-8", page.encode(),
                      (("Content-Security-Policy", PAGE_POLICY),))
    body = neg.serialize(description.outgoing + description.incoming, fmt,
                         context.limits.max_bytes, settings.prefixes)
    if body is None:
        return too_large(context.limits.max_bytes)
    return Answer(200, neg.content_type(media_type), body)
