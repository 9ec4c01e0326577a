"""Corpus: what only the whole archive can say, and the triples that say it.

Three things need every article before they can be decided:

* which keys are one node (kg.resolve.join_keys: an acronym and its long form,
  "X in Y" and "Y X", ...), as a `Canonical` map from key IRIs to node IRIs; the
  triples that point at entities (ArticlePart.refs) are written through it;
* which entities of different articles are related (kg.related), written as
  `skos:related` both ways with a `kg:Relatedness` node holding score and method;
* which trends there are: groups of related entities, written as `kg:Trend`
  (a `skos:Collection`) with members, articles, dates and counts per month.

>>> canonical = Canonical("http://x/", {"llm": "large language model"})
>>> canonical("http://x/technology/llm")
'http://x/technology/large_language_model'
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

from . import vocab as V
from .kinds import KINDS, EntityKind, KindTable
from .model import RelatedLink, Trend
from .rdf import Literal, Triple, article_iri, iri_segment, key_of_iri, sort_key
from .resolve import AliasTable, join_keys, resolution_key
from .resolve.wordings import signatures

if TYPE_CHECKING:
    from .related import ScoredPairs

__all__ = ["Canonical", "canonical_map", "link_triples", "gather", "trends_of",
           "related_triples", "trend_triples", "corpus_triples", "find_related",
           "trends_section", "RelatedFound", "RelatedScores", "score_related",
           "link_related", "key_of_iri", "decimal_text"]


class Canonical:
    """Key IRI -> the IRI of the node it is part of (itself unless the corpus joined it)."""

    def __init__(self, base: str, joined: dict[str, str]):
        self.base, self.joined = base, joined
        self._cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        found = self._cache.get(iri)
        if found is None:
            key = key_of_iri(iri)
            target = self.joined.get(key)
            found = iri if target is None else iri[:iri.rfind("/") + 1] + iri_segment(target)
            if len(self._cache) < 1 << 20:
                self._cache[iri] = found
        return found

    def __eq__(self, other) -> bool:
        return isinstance(other, Canonical) and self.joined == other.joined

    def forget(self) -> None:
        """Drop what was looked up: a pass over every article fills the memo with IRIs
        the next stage does not ask for, and its memory serves that stage better."""
        self._cache = {}


def canonical_map(forms: Iterable[tuple[str, str]], base: str, kinds: KindTable = KINDS,
                  aliases: AliasTable | None = None,
                  signatures_of: Callable[[str], set[str]] = signatures) -> Canonical:
    """The Canonical map of a corpus, from (entity key IRI, surface form) of every name
    (`signatures_of`: as join_keys takes it)."""
    by_segment = {kind.segment: kind.name for kind in kinds}
    names = set()
    known: dict[str, str] = {}  # name -> its key, as its IRI says (no need to compute it again)
    for iri, form in forms:
        segment = iri[len(base):].split("/", 1)[0]
        names.add((by_segment.get(segment, segment), form))
        known[form] = key_of_iri(iri)
    joined = join_keys(sorted(names), key_of=lambda label: known.get(label)
                       or resolution_key(label, aliases), signatures_of=signatures_of)
    return Canonical(base, joined)


def link_triples(refs: Iterable[tuple[str, str, str]], canonical: Canonical) -> list[Triple]:
    """An article's triples that point at entities, at the nodes the corpus made."""
    return sorted({(s, p, canonical(o)) for s, p, o in refs}, key=sort_key)


def related_triples(links: Iterable[RelatedLink], base: str) -> list[Triple]:
    """`skos:related` both ways, and a kg:Relatedness node per link with its score and
    method (so SPARQL can filter by strength)."""
    out: list[Triple] = []
    for link in links:
        node = f"{base}related/{_digest(link.first + ' ' + link.second)}"
        out += [(link.first, V.RELATED, link.second), (link.second, V.RELATED, link.first),
                (node, V.TYPE, V.RELATEDNESS), (node, V.RELATES, link.first),
                (node, V.RELATES, link.second),
                (node, V.SCORE, Literal(decimal_text(link.score), V.XSD_DECIMAL)),
                (node, V.METHOD, Literal(link.method))]
    return out


def trends_of(groups: list[list[str]], base: str, articles_of: dict[str, set[str]],
              date_of: dict[str, str], label_of: dict[str, str]) -> list[Trend]:
    """Trends from groups of entity IRIs (most central first): named after their two most
    central members of different keys that are names rather than sentences (a driving
    force is one), with their articles, first and last page dates and monthly counts."""
    trends = []
    year_ago, two_years_ago = _years_before(max(date_of.values(), default=None))
    for members in groups:
        articles = sorted(set().union(*(articles_of.get(m, set()) for m in members)))
        dates = sorted(date_of[a] for a in articles if a in date_of)
        months = Counter(date[:7] for date in dates)
        recent = sum(c for month, c in months.items() if month > year_ago)
        prior = sum(c for month, c in months.items() if two_years_ago < month <= year_ago)
        named: dict[str, str] = {}  # key -> name: one concept in two types is named once
        for member in members:
            key = key_of_iri(member)
            named.setdefault(key, label_of.get(member, key))
        names = list(dict.fromkeys(named.values()))
        names.sort(key=lambda name: len(name.split()) > 8)  # short names first, stable
        label = " / ".join(names[:2])
        centre = members[0]  # the trend is named by its most central member's node
        iri = f"{base}trend/{centre[len(base):]}"
        trends.append(Trend(iri, label, tuple(members), tuple(article_iri(base, a)
                                                              for a in articles),
                            dates[0] if dates else None, dates[-1] if dates else None,
                            tuple(sorted(months.items())), recent, prior))
    return trends


def _years_before(latest: str | None) -> tuple[str, str]:
    """The months ("YYYY-MM") one and two years before the month of the archive's
    latest page date: a trend's recent articles are after the first, its prior ones
    after the second and up to the first (compared as text, as SPARQL can).

    >>> _years_before("2026-03-15"), _years_before(None)
    (('2025-03', '2024-03'), ('9999', '9999'))
    """
    if not latest:
        return "9999", "9999"  # no dates: nothing is recent
    year, month = int(latest[:4]), latest[5:7]
    return f"{year - 1:04d}-{month}", f"{year - 2:04d}-{month}"


def trend_triples(trends: Iterable[Trend]) -> list[Triple]:
    out: list[Triple] = []
    for trend in trends:
        t = trend.iri
        out += [(t, V.TYPE, V.TREND), (t, V.TYPE, V.COLLECTION), (t, V.LABEL, Literal(trend.label)),
                (t, V.PREF_LABEL, Literal(trend.label)),
                (t, V.ARTICLE_COUNT, Literal(str(len(trend.articles)), V.XSD_INTEGER)),
                (t, V.MEMBER_COUNT, Literal(str(len(trend.members)), V.XSD_INTEGER)),
                (t, V.RECENT_ARTICLE_COUNT, Literal(str(trend.recent), V.XSD_INTEGER)),
                (t, V.PRIOR_ARTICLE_COUNT, Literal(str(trend.prior), V.XSD_INTEGER))]
        out += [(t, V.MEMBER, member) for member in trend.members]
        out += [(t, V.TREND_ARTICLE, article) for article in trend.articles]
        if trend.first_date:
            out.append((t, V.FIRST_DATE, Literal(trend.first_date, V.XSD_DATE)))
            out.append((t, V.LAST_DATE, Literal(trend.last_date, V.XSD_DATE)))
        for month, count in trend.months:
            node = f"{t}/month/{month}"
            out += [(t, V.MONTHLY_COUNT, node), (node, V.TYPE, V.MONTHLY_COUNT_CLASS),
                    (node, V.MONTH, Literal(month, V.XSD_GYEARMONTH)),
                    (node, V.ARTICLE_COUNT, Literal(str(count), V.XSD_INTEGER))]
    return out


def decimal_text(value: float) -> str:
    """A score as a canonical xsd:decimal (three places, no trailing zeros).

    >>> decimal_text(0.480), decimal_text(1.0), decimal_text(0.0)
    ('0.48', '1.0', '0.0')
    """
    text = f"{value:.3f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


@dataclass
class RelatedFound:
    """What the related stage finds in a corpus, before its trends are named: the links,
    the groups of entities that make trends, the articles naming each grouped entity,
    each article's page date, and notes for the build's diagnostics."""

    links: list[RelatedLink]
    groups: list[list[str]]
    articles_of: dict[str, set[str]]
    date_of: dict[str, str]
    notes: list[str]


def corpus_triples(parts: Callable[[], Iterable], canonical: Canonical, base: str,
                   kinds: KindTable, settings, labels_of: Callable[[set[str]], dict[str, str]]
                   ) -> tuple[list[Triple], list[RelatedLink], list[Trend], list[str]]:
    """The corpus section: related links and trends of every article's part (sorted
    triples, `parts` called for each pass over them; `labels_of` gives the labels of a
    set of entity IRIs, to name trends by), with the links and trends
    themselves (the explorer draws them) and notes: when the archive was too large
    to link whole (then the most recent articles are linked, up to
    `settings.max_mentions` texts), and for each article with more texts than
    `settings.max_article_texts` (its first ones are linked)."""
    found = find_related(parts, canonical, base, kinds, settings)
    triples, trends = trends_section(found, base, labels_of)
    return sorted(related_triples(found.links, base) + triples, key=sort_key), found.links, \
        trends, found.notes


@dataclass
class RelatedScores:
    """What the related stage finds in a corpus before its joins are known: the
    candidate pairs of the entities' texts scored (by entity key IRI), each article's
    page date, and notes for the build's diagnostics."""

    scored: ScoredPairs | None
    date_of: dict[str, str]
    notes: list[str]


def find_related(parts: Callable[[], Iterable], canonical: Canonical, base: str,
                 kinds: KindTable, settings) -> RelatedFound:
    """The related links and trend groups of every article's part (see `corpus_triples`;
    needs no shared node: a build runs it in a process of its own meanwhile, scoring the
    texts while the corpus' joins are computed)."""
    return link_related(score_related(parts, base, kinds, settings), canonical, base,
                        kinds, settings)


def score_related(parts: Callable[[], Iterable], base: str, kinds: KindTable,
                  settings) -> RelatedScores:
    """The texts `link_related` links, embedded and their candidate pairs scored
    (kg.related.scored_pairs): an article's first `settings.max_article_texts`, of the
    most recent articles when there are more than `settings.max_mentions`; of no
    category or content type (they classify articles: they are not what articles are
    about), nor of a name of generic words only."""
    from .embed import encoder_for
    from .related import embed_texts, scored_pairs, specific_texts

    crowded: dict[str, int] = {}
    texts, date_of, sizes = gather(parts(), max_texts=settings.max_mentions,
                                   per_article=settings.max_article_texts, crowded=crowded)
    notes = []
    if sizes is not None:  # too many texts to link whole: a second pass, the most recent
        chosen, note = _most_recent(sizes, settings.max_mentions)
        notes.append(note)
        crowded.clear()
        texts, date_of, _ = gather(parts(), chosen, per_article=settings.max_article_texts,
                                   crowded=crowded)
    notes += [f"article {article_id}: related links read the first "
              f"{settings.max_article_texts:,} of its {count:,} entity texts (more than an "
              f"article of summaries has; the rest stay unlinked)"
              for article_id, count in sorted(crowded.items())]
    if not settings.enabled:
        return RelatedScores(None, date_of, notes)
    source_of, kind_of = _sources(base, kinds), _kind_of(base, kinds)
    specific = specific_texts(text for _, _, text in texts)
    texts = [t for t in texts if source_of(t[1]) != "field" and t[2] in specific]
    vectors = embed_texts((text for _, _, text in texts), encoder_for(settings.encoder))
    # (an entity key IRI's kind is its node's: a join keeps the kind)
    scored = scored_pairs(texts, settings, is_tag=lambda iri: source_of(iri) == "list",
                          vectors=vectors,
                          least_score=lambda iri: getattr(kind_of(iri), "related_score", 0.0))
    return RelatedScores(scored, date_of, notes)


def link_related(scores: RelatedScores, canonical: Canonical, base: str, kinds: KindTable,
                 settings) -> RelatedFound:
    """Related links and trend groups of what `score_related` scored, each entity key
    IRI as the node the corpus joined it into."""
    from .related import strongest_links, trend_groups

    scored, scores.scored = scores.scored, None  # (the stage's largest: gone when done)
    links = strongest_links(scored, settings, canonical)
    articles_of: dict[str, set[str]] = defaultdict(set)
    if scored is not None:
        for article_id, iri, _ in scored.table.mentions:
            articles_of[canonical(iri)].add(article_id)
    del scored
    source_of = _sources(base, kinds)
    groups = trend_groups(links, articles_of, settings,
                          members=lambda node: source_of(node) in ("table", "column"))
    grouped = {node for group in groups for node in group}
    return RelatedFound(links, groups, {node: articles_of[node] for node in sorted(grouped)},
                        scores.date_of, scores.notes)


def _kind_of(base: str, kinds: KindTable) -> Callable[[str], EntityKind | None]:
    """An entity IRI -> its kind."""
    kind = {base + kind.segment + "/": kind for kind in kinds}
    return lambda node: kind.get(node[:node.rfind("/") + 1])


def _sources(base: str, kinds: KindTable) -> Callable[[str], str | None]:
    """An entity IRI -> where its kind's names come from (kg.kinds: "table", "list"...)."""
    kind_of = _kind_of(base, kinds)
    return lambda node: getattr(kind_of(node), "source", None)


def trends_section(found: RelatedFound, base: str,
                   labels_of: Callable[[set[str]], dict[str, str]]
                   ) -> tuple[list[Triple], list[Trend]]:
    """The trends `find_related` found, named, and their sorted triples (see
    `corpus_triples`; a build writes the links' own, `related_triples`, beside them)."""
    named = {node for group in found.groups for node in group}
    trends = trends_of(found.groups, base, found.articles_of, found.date_of, labels_of(named))
    return sorted(trend_triples(trends), key=sort_key), trends


def _most_recent(sizes: list[tuple[str, str, int]], max_texts: int) -> tuple[set[str], str]:
    """The articles to link when their texts ((page date, article id, texts) each) are
    more than `max_texts`: the most recent by page date (undated last) up to that many
    texts, with a note."""
    total = sum(size for _, _, size in sizes)
    chosen, kept = set(), 0
    for _, article_id, size in sorted(sizes, key=lambda s: (s[0], s[1]), reverse=True):
        if kept + size > max_texts:
            break
        chosen.add(article_id)
        kept += size
    return chosen, (f"related links and trends cover the {len(chosen):,} most recent "
                    f"articles of {len(sizes):,} ({total:,} texts is more than "
                    f"{max_texts:,}, the most linked in one build; raise "
                    f"--related-max-texts if memory allows: about 2 KB each)")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def gather(parts: Iterable, chosen: set[str] | None = None, max_texts: int | None = None,
           per_article: int | None = None, crowded: dict[str, int] | None = None):
    """From every article's part (or the `chosen` articles'): the texts relatedness reads
    (article id, entity key IRI, text; an article's first `per_article` texts, its count
    put in `crowded` when it has more; sorted), each article's page date, and None; or,
    once there are more than `max_texts` texts, nothing kept but every article's (page
    date, id, number of texts) for `_most_recent` (one pass over the parts when the
    archive fits, and bounded memory when it does not)."""
    texts: set[tuple[str, str, str]] = set()
    date_of: dict[str, str] = {}
    sizes: list[tuple[str, str, int]] = []
    total, over = 0, False
    for part in parts:
        if chosen is not None and part.article_id not in chosen:
            continue
        if max_texts is not None:  # (counted as linked: at most `per_article`)
            size = len(part.texts) if per_article is None else min(len(part.texts), per_article)
            sizes.append((part.date or "", part.article_id, size))
            total += size
            if total > max_texts and not over:
                over = True
                texts.clear(), date_of.clear()
        if over:
            continue
        if part.date:
            date_of[part.article_id] = part.date
        own = part.texts
        if per_article is not None and len(own) > per_article:
            # (a crafted article of 100,000 keywords made the related stage's products
            # of an article's texts with its neighbours' take gigabytes)
            if crowded is not None:
                crowded[part.article_id] = len(own)
            own = own[:per_article]
        texts.update((part.article_id, iri, text) for iri, text in own)
    return sorted(texts), date_of, (sizes if over else None)
