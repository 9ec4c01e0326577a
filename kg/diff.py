"""Scan to scan: what changed between two builds of the archive (an older and a newer
graph.ttl): articles added and removed, new and vanished entities and trends,
keywords, themes and trends that grew or faded (articles per window), new related
links and changed relevancies. As data (`compare`), JSON (`to_json`), and RDF: a
small change-set vocabulary in the ontology (`kg:ScanDiff`, a prov:Activity, with
`kg:ScanChange` nodes), so a triple store can keep the history (`to_triples`).

Nodes are matched by IRI; an entity whose IRI differs (kg versions may mint IRIs
differently) is matched by its type and label key when that is unambiguous, and
counted as renamed (a trend of another IRI, by most of its members: its name follows
its most central members); an old entity whose type and label key are those of one new node
that another old node already matched is merged into it (resolution joined the two as
the archive grew: "AI" and "artificial intelligence"), its articles counted with it.
Two graphs are not comparable (NotComparable) when one has no
articles or their articles are minted under different base IRIs.

>>> from kg.facts import Facts
>>> old = Facts(types={"b/article/1": "Article", "k": "Keyword"}, labels={"k": "AI"},
...              articles=["b/article/1"], named_by={"k": {"b/article/1"}})
>>> new = Facts(types={"b/article/1": "Article", "b/article/2": "Article", "k": "Keyword",
...                     "t": "Technology"}, labels={"k": "AI", "t": "Robots"},
...              articles=["b/article/1", "b/article/2"],
...              named_by={"k": {"b/article/1", "b/article/2"}, "t": {"b/article/2"}})
>>> diff = compare(old, new)
>>> [a.node for a in diff.added], [e.label for e in diff.new_entities], [g.label for g in diff.grew]
(['b/article/2'], ['Robots'], ['AI'])
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

from . import vocab as V
from .analytics import Windows, windows
from .facts import Facts
from .errors import KgError
from .identity import identity_key
from .rdf import Literal, Triple

__all__ = ["Diff", "Item", "Growth", "LinkChange", "RelevancyChange", "NotComparable",
           "compare", "read_and_compare", "to_json", "to_triples", "to_turtle", "GROWTH_TYPES"]

# What grows or fades, window by window.
GROWTH_TYPES = ("Keyword", "Theme", "Trend")


class NotComparable(KgError):
    """Two graphs that a difference would say nothing true about."""


@dataclass(frozen=True)
class Item:
    """An article, entity or trend, with the articles naming it in its graph."""

    node: str
    label: str
    type: str
    articles: int
    date: str | None = None  # an article's page date


@dataclass(frozen=True)
class Merge:
    """An old entity that is part of another's node now: what it was, and the node."""

    node: str
    label: str
    type: str
    articles: int  # in the old graph
    into: str
    into_label: str
    others: tuple[str, ...]  # the old labels of the first other old nodes it is one with
    more: int = 0  # ... and how many others beyond them


@dataclass(frozen=True)
class Growth:
    """A keyword, theme or trend in both graphs whose articles changed."""

    node: str
    label: str
    type: str
    old: int  # articles naming it
    new: int
    # (window, old, new) where the two differ; "undated" for articles of no page date, last
    windows: tuple[tuple[str, int, int], ...]
    quiet: bool = False  # faded: named in the old scan's last window, in none of the new ones
    renewed: bool = False  # grew: as many articles, two or more of them added since


@dataclass(frozen=True)
class LinkChange:
    first: str
    first_label: str
    first_type: str
    second: str
    second_label: str
    second_type: str
    score: float


@dataclass(frozen=True)
class RelevancyChange:
    article: str
    article_label: str
    entity: str
    entity_label: str
    type: str
    old: int
    new: int


@dataclass(frozen=True)
class DateChange:
    """An article in both scans whose page date differs (None: no page date)."""

    article: str
    article_label: str
    old: str | None
    new: str | None


@dataclass
class Diff:
    old_name: str
    new_name: str
    old_articles: int
    new_articles: int
    window: str  # "month" or "quarter"
    added: list[Item] = field(default_factory=list)
    removed: list[Item] = field(default_factory=list)
    new_entities: list[Item] = field(default_factory=list)
    gone_entities: list[Item] = field(default_factory=list)
    new_trends: list[Item] = field(default_factory=list)
    gone_trends: list[Item] = field(default_factory=list)
    grew: list[Growth] = field(default_factory=list)
    faded: list[Growth] = field(default_factory=list)
    new_links: list[LinkChange] = field(default_factory=list)
    gone_links: list[LinkChange] = field(default_factory=list)
    relevancy: list[RelevancyChange] = field(default_factory=list)
    dates: list[DateChange] = field(default_factory=list)
    # (old IRI, new IRI) of entities and trends matched by type and name, IRIs differing
    renamed: list[tuple[str, str]] = field(default_factory=list)
    merged: list[Merge] = field(default_factory=list)
    base: str = V.DEFAULT_BASE

    def counts(self) -> dict[str, int]:
        """How many of each change, by name (what the report and tests compare)."""
        return {"articles added": len(self.added), "articles removed": len(self.removed),
                "new entities": len(self.new_entities),
                "entities gone": len(self.gone_entities),
                "entities merged": len(self.merged), "new trends": len(self.new_trends),
                "trends gone": len(self.gone_trends), "grew": len(self.grew),
                "faded": len(self.faded), "new related links": len(self.new_links),
                "related links gone": len(self.gone_links),
                "relevancies changed": len(self.relevancy),
                "page dates changed": len(self.dates)}


def _bases(corpus: Facts) -> set[str]:
    return {a.rsplit("article/", 1)[0] for a, t in corpus.types.items()
            if t == "Article" and "article/" in a}


def _check(old: Facts, new: Facts, old_name: str, new_name: str) -> None:
    for corpus, name in ((old, old_name), (new, new_name)):
        if not corpus.articles:
            raise NotComparable(f"not comparable: {name} has no articles (kg:Article that was "
                                "read): is it a graph kg built?")
    old_bases, new_bases = _bases(old), _bases(new)
    if old_bases and new_bases and not old_bases & new_bases:
        raise NotComparable(
            f"not comparable: {old_name} names its nodes under {', '.join(sorted(old_bases))} "
            f"and {new_name} under {', '.join(sorted(new_bases))}; build both with the same "
            "--base")


def _match(old: Facts, new: Facts
           ) -> tuple[dict[str, str], list[tuple[str, str]], list[tuple[str, str]]]:
    """Old node -> new node: the same IRI, else (entities and trends) one node of the same
    type and label key on each side, else (entities) the one new node of its type with a
    name of that key (its label or another name) that another old node matched
    (merged); the (old, new) pairs matched by label, and those merged."""
    matched = {n: n for n in old.types if n in new.types and old.types[n] == new.types[n]}
    taken = set(matched.values())

    def by_key(corpus: Facts, skip) -> dict[tuple[str, str], list[str]]:
        found: dict[tuple[str, str], list[str]] = {}
        for node, kind in corpus.types.items():
            if node not in skip and kind != "Article":
                found.setdefault((kind, identity_key(corpus.label(node))), []).append(node)
        return found

    olds, news = by_key(old, matched), by_key(new, taken)
    renamed = []
    for key, nodes in sorted(olds.items()):
        if len(nodes) == 1 and len(news.get(key, ())) == 1:
            matched[nodes[0]] = news[key][0]
            renamed.append((nodes[0], news[key][0]))
    # (by any name of the new node: the old label may be its other name now)
    every_new: dict[tuple[str, str], list[str]] = {}
    for node, kind in new.types.items():
        if kind not in ("Article", "Trend"):
            for name in {new.label(node), *new.other_names.get(node, ())}:
                every_new.setdefault((kind, identity_key(name)), []).append(node)
    merged = []
    for (kind, label_key), nodes in sorted(by_key(old, matched).items()):
        found = sorted(set(every_new.get((kind, label_key), ())))
        if kind != "Trend" and len(found) == 1 and found[0] in matched.values():
            for node in nodes:
                matched[node] = found[0]
                merged.append((node, found[0]))
    same, joined = _same_trends(old, new, matched)
    return matched, renamed + same, merged + joined


def _same_trends(old: Facts, new: Facts, matched: dict[str, str]
                 ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(old, new) trends of other IRIs that are one trend: most of the old one's members
    (as matched) are members of the new one (a trend that grew takes the name of its
    most central members, which may change). Each new trend is matched once, the largest
    overlaps first (renamed); an old trend whose new one another old trend took was
    merged into it (two trends the grown archive holds together). Added to `matched`."""
    taken = set(matched.values())
    olds = [t for t in old.of_type("Trend") if t not in matched]
    owner: dict[str, list[str]] = {}  # new member -> its new trends (taken ones too: a
    for trend in new.of_type("Trend"):  # trend that took in another may keep its IRI)
        for member in new.members.get(trend, ()):
            owner.setdefault(member, []).append(trend)
    overlaps = []
    for trend in olds:
        members = {matched.get(m, m) for m in old.members.get(trend, ())}
        shared: dict[str, int] = {}
        for member in members:
            for other in owner.get(member, ()):
                shared[other] = shared.get(other, 0) + 1
        overlaps += [(-n, trend, other) for other, n in shared.items() if 2 * n > len(members)]
    pairs, merged = [], []
    for _, trend, other in sorted(overlaps):
        if trend not in matched and other not in taken:
            matched[trend] = other
            taken.add(other)
            pairs.append((trend, other))
    for _, trend, other in sorted(overlaps):
        if trend not in matched:
            matched[trend] = other
            merged.append((trend, other))
    return pairs, merged


def _item(corpus: Facts, node: str) -> Item:
    kind = corpus.types[node]
    if kind == "Article":
        return Item(node, corpus.label(node), kind, 1, corpus.dates.get(node))
    return Item(node, corpus.label(node), kind, len(corpus.named_by.get(node, ())))


def _order(items: list[Item]) -> list[Item]:
    """Articles newest first; entities and trends named by most articles first."""
    return sorted(items, key=lambda i: (i.type != "Article", i.date is None,
                                        _reverse(i.date or ""), -i.articles,
                                        i.label.casefold(), i.node))


def _reverse(date: str) -> str:
    """A key sorting ISO dates newest first."""
    return "".join(chr(0x10FFFF - ord(c)) for c in date)


_OTHERS_SHOWN = 5  # old nodes a merge names beside itself (it counts the rest)


def compare(old: Facts, new: Facts, old_name: str = "OLD", new_name: str = "NEW",
            size: str = "auto") -> Diff:
    """What changed from `old` to `new` (NotComparable when nothing true can be said).
    Windows (months or quarters, see `kg.analytics.windows`) are the new graph's."""
    _check(old, new, old_name, new_name)
    matched, renamed, merged = _match(old, new)
    back = {n: o for o, n in matched.items()}
    bases = sorted(_bases(new)) or [V.DEFAULT_BASE]
    found = windows(new, size)
    diff = Diff(old_name, new_name, len(old.articles), len(new.articles), found.size,
                renamed=renamed, base=bases[0])
    # (each node's old ones sorted once: a merge of thousands lists a few, in linear room)
    one_with: dict[str, list[tuple[str, str]]] = {}
    for o, n in matched.items():
        one_with.setdefault(n, []).append((old.label(o), o))
    for ones in one_with.values():
        ones.sort()
    for before, now in merged:
        ones = one_with.get(now, [])
        others = tuple(label for label, o in ones[:_OTHERS_SHOWN + 1] if o != before)
        others = others[:_OTHERS_SHOWN]
        more = len(ones) - (before in matched and matched[before] == now) - len(others)
        diff.merged.append(Merge(before, old.label(before), old.types[before],
                                 len(old.named_by.get(before, ())), now, new.label(now), others,
                                 more))

    old_loaded, new_loaded = set(old.articles), set(new.articles)
    diff.added = _order([_item(new, a) for a in new.articles if a not in old_loaded])
    diff.removed = _order([_item(old, a) for a in old.articles if a not in new_loaded])
    for corpus, nodes, entities, trends in (
            (new, [n for n in new.types if n not in back], diff.new_entities, diff.new_trends),
            (old, [n for n in old.types if n not in matched], diff.gone_entities,
             diff.gone_trends)):
        for node in nodes:
            kind = corpus.types[node]
            if kind == "Trend":
                trends.append(_item(corpus, node))
            elif kind != "Article":
                entities.append(_item(corpus, node))
    for items in (diff.new_entities, diff.gone_entities, diff.new_trends, diff.gone_trends):
        items[:] = _order(items)

    diff.grew, diff.faded = _growth(old, new, matched, found)
    old_links = {tuple(sorted((matched.get(a, "\0" + a), matched.get(b, "\0" + b))))
                 for a, b in old.related}
    new_links = set(new.related)
    diff.new_links = [_link(new, pair, new.related[pair]) for pair in sorted(new_links - old_links)]
    gone = sorted(pair for pair in old.related
                  if tuple(sorted((matched.get(pair[0], ""), matched.get(pair[1], ""))))
                  not in new_links)
    diff.gone_links = [_link(old, pair, old.related[pair]) for pair in gone]
    for (article, entity), value in sorted(old.relevancy.items()):
        now = new.relevancy.get((article, matched.get(entity, "")))
        if now is not None and now != value and article in new_loaded:
            target = matched[entity]
            diff.relevancy.append(RelevancyChange(article, new.label(article), target,
                                                  new.label(target), new.types[target],
                                                  value, now))
    diff.dates = [DateChange(a, new.label(a), old.dates.get(a), new.dates.get(a))
                  for a in sorted(old_loaded & new_loaded) if old.dates.get(a) != new.dates.get(a)]
    return diff


def _link(corpus: Facts, pair: tuple[str, str], score: float) -> LinkChange:
    a, b = pair
    return LinkChange(a, corpus.label(a), corpus.types[a], b, corpus.label(b), corpus.types[b],
                      score)


def _growth(old: Facts, new: Facts, matched: dict[str, str],
            found: Windows) -> tuple[list[Growth], list[Growth]]:
    """Keywords, themes and trends in both graphs: those named by more articles now, or by
    as many of which two or more were added since the old scan (grew), and those named by
    fewer, or quiet in the windows the new graph adds after the old one's last (faded).
    Counts per window: the new graph's windows."""
    old_windows = windows(old, found.size)
    old_last = old_windows.positions[-1] if old_windows.positions else None
    position = dict(zip(found.labels, found.positions))
    later = {label for label, p in position.items() if old_last is not None and p > old_last}
    # article -> window label in each graph (the new graph's kind of windows): an
    # article whose page date changed counts in its old window before, its new one after
    labels_of = [{article: _window_label(date, found.size)
                  for article, date in corpus.dates.items()} for corpus in (old, new)]
    grew, faded = [], []
    old_loaded = set(old.articles)
    olds_of: dict[str, list[str]] = {}  # (more than one when merged)
    for before, now in matched.items():
        olds_of.setdefault(now, []).append(before)
    for now, befores in olds_of.items():
        kind = new.types[now]
        if kind not in GROWTH_TYPES:
            continue
        old_articles = set().union(*(old.named_by.get(before, ()) for before in befores))
        new_articles = new.named_by.get(now, set())
        per_window: dict[str, list[int]] = {}
        for index, articles in ((0, old_articles), (1, new_articles)):
            for article in articles:  # (undated ones last: they change counts too)
                window = labels_of[index].get(article, "undated")
                per_window.setdefault(window, [0, 0])[index] += 1
        changed = tuple((w, a, b) for w, (a, b) in sorted(per_window.items()) if a != b)
        item = Growth(now, new.label(now), kind, len(old_articles), len(new_articles), changed)
        if len(new_articles) > len(old_articles):
            grew.append(item)
        elif len(new_articles) < len(old_articles):
            faded.append(item)
        elif len(new_articles - old_articles - old_loaded) >= 2:
            # (as many articles, but old ones gone and two or more added since the old
            # scan: what emergence may call rising, not nothing)
            grew.append(Growth(now, new.label(now), kind, len(old_articles), len(new_articles),
                               changed, renewed=True))
        elif later and old_last is not None and len(old_articles) >= 2:
            last_label = old_windows.labels[-1]
            in_last = any(labels_of[0].get(a) == last_label for a in old_articles)
            if in_last and not any(labels_of[1].get(a) in later for a in new_articles):
                faded.append(Growth(now, new.label(now), kind, len(old_articles),
                                    len(new_articles), changed, quiet=True))
    grew.sort(key=lambda g: (-(g.new - g.old), -g.new, g.label.casefold(), g.node))
    faded.sort(key=lambda g: (g.new - g.old, -g.old, g.label.casefold(), g.node))
    return grew, faded


def _window_label(date: str, size: str) -> str:
    if size == "month":
        return date[:7]
    return f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}"


# --- JSON -----------------------------------------------------------------------------------------


def to_json(diff: Diff) -> str:
    """The diff as JSON: counts, then every list (stable order, UTF-8)."""
    data = {"old": diff.old_name, "new": diff.new_name, "old_articles": diff.old_articles,
            "new_articles": diff.new_articles, "window": diff.window, "counts": diff.counts(),
            "renamed": [list(pair) for pair in diff.renamed]}
    for name in ("added", "removed", "new_entities", "gone_entities", "merged", "new_trends",
                 "gone_trends", "grew", "faded", "new_links", "gone_links", "relevancy",
                 "dates"):
        data[name] = [asdict(item) for item in getattr(diff, name)]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# --- RDF ------------------------------------------------------------------------------------------

KIND_ADDED, KIND_REMOVED, KIND_MERGED = V.KG + "Added", V.KG + "Removed", V.KG + "Merged"
KIND_GREW, KIND_FADED = V.KG + "Grew", V.KG + "Faded"
KIND_RELEVANCY, KIND_DATE = V.KG + "RelevancyChanged", V.KG + "DateChanged"


def to_triples(diff: Diff) -> list[Triple]:
    """The diff as RDF: one kg:ScanDiff (a prov:Activity) with a kg:ScanChange per change,
    each saying its kind (kg:Added, kg:Removed, kg:Merged, kg:Grew, kg:Faded,
    kg:RelevancyChanged, kg:DateChanged),
    what changed (kg:changed: an article, entity or trend; both ends of a related link),
    and the counts or relevancies before and after. IRIs come from a digest of the
    diff, so the same two graphs give the same triples."""
    digest = hashlib.blake2b(to_json(diff).encode(), digest_size=8).hexdigest()
    activity = f"{diff.base}diff/{digest}"
    integer = V.XSD_INTEGER
    triples: list[Triple] = [
        (activity, V.TYPE, V.SCAN_DIFF), (activity, V.TYPE, V.PROV + "Activity"),
        (activity, V.LABEL, Literal(f"changes from {diff.old_name} to {diff.new_name}")),
        (activity, V.OLD_GRAPH, Literal(diff.old_name)),
        (activity, V.NEW_GRAPH, Literal(diff.new_name)),
        (activity, V.OLD_COUNT, Literal(str(diff.old_articles), integer)),
        (activity, V.NEW_COUNT, Literal(str(diff.new_articles), integer))]
    changes: list[tuple[str, str, list[str], dict]] = []
    for items, kind, what in ((diff.added, KIND_ADDED, "article"),
                              (diff.removed, KIND_REMOVED, "article"),
                              (diff.new_entities, KIND_ADDED, ""),
                              (diff.gone_entities, KIND_REMOVED, ""),
                              (diff.new_trends, KIND_ADDED, ""),
                              (diff.gone_trends, KIND_REMOVED, "")):
        for item in items:
            changes.append((kind, f"{_word(kind)} {what or item.type}: {item.label}",
                            [item.node], {}))
    for m in diff.merged:  # (changed: the old node and the node it is part of)
        changes.append((KIND_MERGED, f"merged {m.type}: {m.label} into {m.into_label}",
                        [m.node, m.into], {V.OLD_COUNT: m.articles}))
    for items, kind in ((diff.grew, KIND_GREW), (diff.faded, KIND_FADED)):
        for g in items:
            changes.append((kind, f"{_word(kind)} {g.type}: {g.label}", [g.node],
                            {V.OLD_COUNT: g.old, V.NEW_COUNT: g.new}))
    for items, kind in ((diff.new_links, KIND_ADDED), (diff.gone_links, KIND_REMOVED)):
        for link in items:
            changes.append((kind, f"{_word(kind)} related link: {link.first_label} ~ "
                                  f"{link.second_label}", [link.first, link.second], {}))
    for r in diff.relevancy:
        changes.append((KIND_RELEVANCY, f"relevancy of {r.type} {r.entity_label} in "
                                        f"{r.article_label}: {r.old} -> {r.new}", [r.entity],
                        {V.OLD_RELEVANCY: r.old, V.NEW_RELEVANCY: r.new, V.IN_ARTICLE: r.article}))
    for d in diff.dates:
        changes.append((KIND_DATE, f"page date of {d.article_label}: {d.old or 'none'} -> "
                                   f"{d.new or 'none'}", [d.article],
                        {V.OLD_DATE: Literal(d.old, V.XSD_DATE) if d.old else None,
                         V.NEW_DATE: Literal(d.new, V.XSD_DATE) if d.new else None}))
    width = len(str(len(changes)))
    for number, (kind, label, nodes, facts) in enumerate(changes, 1):
        change = f"{activity}/change/{number:0{width}d}"
        triples += [(activity, V.HAS_CHANGE, change), (change, V.TYPE, V.SCAN_CHANGE),
                    (change, V.CHANGE_KIND, kind), (change, V.LABEL, Literal(label))]
        triples += [(change, V.CHANGED, node) for node in nodes]
        for prop, value in facts.items():
            if value is not None:
                triples.append((change, prop, value if isinstance(value, (str, Literal))
                                else Literal(str(value), integer)))
    return triples


def to_turtle(diff: Diff) -> str:
    """The diff's triples (`to_triples`) as Turtle."""
    from .rdf import sort_key
    from .turtle import graph_prefixes, turtle_body, turtle_header

    prefixes = {**graph_prefixes(diff.base), "diff": f"{diff.base}diff/"}
    return turtle_header(prefixes) + turtle_body(sorted(to_triples(diff), key=sort_key), prefixes)


def read_and_compare(old_path, new_path, size: str = "auto", workers: int | None = None) -> Diff:
    """Read two graph files (in parallel) and compare them; the names are the paths as
    given."""
    from .facts import read_many

    old, new = read_many([old_path, new_path], workers=workers)
    return compare(old, new, str(old_path), str(new_path), size)


def _word(kind: str) -> str:
    return {KIND_ADDED: "added", KIND_REMOVED: "removed", KIND_GREW: "grew",
            KIND_FADED: "faded"}[kind]
