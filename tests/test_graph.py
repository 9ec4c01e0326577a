"""Graph stage: exact triples for the bundled example, identity across documents."""

from __future__ import annotations


import pytest

from kg import vocab as V
from kg.extract import extract
from kg.graph import build_graph
from kg.rdf import Literal
from kg.parse import parse_text
from kg import build, find_sources, read_records

from .conftest import BASE, EXAMPLE, TODAY

KG = V.KG
A = BASE + "article/coca-cola-generative-ai"
S = BASE + "summary/coca-cola-generative-ai"
STR = Literal


@pytest.fixture(scope="module")
def example():
    records, problems = read_records(find_sources([EXAMPLE]), TODAY)
    assert problems == []
    return build_graph(records, base=BASE)


def test_example_counts_by_class(example):
    # Counted by hand from examples/coca-cola-generative-ai.md.
    assert example.count_by_class() == {
        "Article": 1, "ArticleSummary": 1, "Page": 1, "Keyword": 6, "Theme": 5, "Category": 1,
        "ContentType": 1, "Signal": 5, "DrivingForce": 5, "Concern": 7, "Behavior": 7,
        "Technology": 6, "Issue": 6, "Mention": 31, "SignalMention": 5, "ConcernMention": 7,
        "BehaviorMention": 7, "TechnologyMention": 6, "IssueMention": 6,
    }
    # article 8 + 44 entity edges + 31 hasMention; summary 6; page 5; entities 116
    # + one search key (skos:hiddenLabel) and one skos:prefLabel for each of the 49,
    # + the alias key "gen ai" of "Generative Artificial Intelligence (Gen AI)";
    # + the keys of the names the corpus joined under "generative ai": "generative
    # artificial intelligence", for the theme and for the technology (2);
    # 26 plain mentions x 7 + 5 signal mentions x 11; 10 skos:exactMatch, both ways:
    # keyword/theme "Coca-Cola", signal/behavior "Consumer Engagement Through AI", and
    # keyword/theme/technology "generative AI": the corpus joins "Generative Artificial
    # Intelligence (Gen AI)" to "generative AI" (its "Gen AI" spells "AI" out).
    assert len(example.triples) == 83 + 6 + 5 + 116 + 49 * 2 + 1 + 2 + 26 * 7 + 5 * 11 + 10
    matches = {(s.removeprefix(BASE), o.removeprefix(BASE)) for s, p, o in example.triples
               if p == V.EXACT_MATCH}
    generative = {"keyword/generative_ai", "theme/generative_ai", "technology/generative_ai"}
    assert matches == {
        ("keyword/coca_cola", "theme/coca_cola"), ("theme/coca_cola", "keyword/coca_cola"),
        ("signal/consumer_engagement_through_ai", "behavior/consumer_engagement_through_ai"),
        ("behavior/consumer_engagement_through_ai", "signal/consumer_engagement_through_ai")} \
        | {(a, b) for a in generative for b in generative if a != b}
    assert example.report.diagnostics == []


def test_example_article_triples(example):
    article = {(p, o) for s, p, o in example.triples if s == A and p not in (
        KG + "hasKeyword", KG + "hasTheme", KG + "reportsSignal", KG + "raisesConcern",
        KG + "describesBehavior", KG + "mentionsTechnology", KG + "discussesIssue",
        V.HAS_MENTION)}
    title = "Coca-Cola's Pioneering Journey with Generative AI in Marketing Campaigns"
    assert article == {
        (V.TYPE, V.ARTICLE),
        (V.IDENTIFIER, STR("coca-cola-generative-ai")),
        (V.IS_LOADED, Literal("true", V.XSD_BOOLEAN)),
        (V.LABEL, STR(title)),
        (V.TITLE, STR(title)),
        (V.URL, "https://www.marketingdive.com/news/what-coca-cola-learned-generative-ai/741709/"),
        (V.PUBLISHED_IN, BASE + "page/20250323"),
        (KG + "hasSummary", S),
        (KG + "hasCategory", BASE + "category/technology"),
        (KG + "hasContentType", BASE + "type/blog_post"),
    }
    keywords = sorted(o for s, p, o in example.triples if s == A and p == KG + "hasKeyword")
    assert keywords == [BASE + "keyword/" + k for k in (
        "coca_cola", "consumer_engagement", "generative_ai", "marketing_campaign", "openai",
        "technology_in_advertising")]


def test_example_page_and_mention_triples(example):
    def about(subject):
        return {(p, o) for s, p, o in example.triples if s == subject}

    assert about(BASE + "page/20250323") == {
        (V.TYPE, V.PAGE), (V.IDENTIFIER, STR("20250323")), (V.LABEL, STR("20250323")),
        (V.DATE, Literal("2025-03-23", V.XSD_DATE)),
        (V.URL, "https://kghosh.substack.com/p/20250323"),
    }
    assert about(S + "/technology/digital_twin") == {
        (V.TYPE, KG + "TechnologyMention"), (V.TYPE, KG + "Mention"),
        (KG + "mentionOf", BASE + "technology/digital_twin"),
        (V.LABEL, STR("Digital Twins")),
        (V.DERIVED_FROM, S),
        (KG + "sourceLine", Literal("76", V.XSD_INTEGER)),
        (KG + "description", STR("Virtual replicas of physical entities, utilized here for "
                                 "creating interactive personas like a 3D Santa.")),
    }
    force = BASE + ("driving-force/quest_for_enhanced_consumer_engagement_and_satisfaction_"
                    "in_a_digital_landscape")
    assert about(S + "/signal/consumer_engagement_through_ai") == {
        (V.TYPE, KG + "SignalMention"), (V.TYPE, KG + "Mention"),
        (KG + "mentionOf", BASE + "signal/consumer_engagement_through_ai"),
        (V.LABEL, STR("Consumer Engagement Through AI")),
        (V.DERIVED_FROM, S),
        (KG + "sourceLine", Literal("40", V.XSD_INTEGER)),
        (KG + "description", STR("Consumers are interacting with brands through generative AI "
                                 "platforms, such as talking to a digital Santa.")),
        (KG + "change", STR("Evolving consumer interaction from passive engagement to "
                            "interactive experiences using AI technology.")),
        (KG + "tenYearOutlook", STR("Consumers might expect more immersive and interactive "
                                    "brand relationships facilitated by AI.")),
        (KG + "drivenBy", force),
        (KG + "relevancy", Literal("5", V.XSD_INTEGER)),
    }
    assert (BASE + "signal/consumer_engagement_through_ai", KG + "drivenBy", force) \
        in example.triples


DOC = """# __{title}__, (from page [{page}](https://k.org/p/{page}).)

__[External link](https://example.com/{title})__

## Keywords

* {keyword}

## Technologies

| name | description | relevancy |
|:--|:--|--:|
| {tech} | {description} | {relevancy} |
"""


def two_articles():
    first = extract(parse_text(DOC.format(title="One", page="20240101", keyword="Generative AI",
                                          tech="Digital Twins", description="Mine.", relevancy=3),
                               "c/one.md"), TODAY)
    second = extract(parse_text(DOC.format(title="Two", page="20240202", keyword="generative  ai",
                                           tech="digital twins", description="Yours.",
                                           relevancy=5), "c/two.md"), TODAY)
    return build_graph([first, second], base=BASE)


def test_same_entity_in_two_documents_is_one_node_with_both_descriptions():
    graph = two_articles()
    tech = BASE + "technology/digital_twin"
    assert {s for s, p, o in graph.triples if p == KG + "mentionsTechnology" and o == tech} == {
        BASE + "article/one", BASE + "article/two"}
    assert sum(1 for s, p, o in graph.triples if s == tech and p == V.TYPE) == 1
    # The most frequent surface form wins; ties go to the first in sort order.
    assert (tech, V.LABEL, STR("Digital Twins")) in graph.triples
    assert (tech, V.PREF_LABEL, STR("Digital Twins")) in graph.triples
    assert (tech, V.ALT_LABEL, STR("digital twins")) in graph.triples
    assert {o for s, p, o in graph.triples if s == tech and p == V.HIDDEN_LABEL} == {
        STR("digital twin")}
    mentions = {s: o for s, p, o in graph.triples if p == KG + "description"}
    assert mentions == {BASE + "summary/one/technology/digital_twin": STR("Mine."),
                        BASE + "summary/two/technology/digital_twin": STR("Yours.")}
    relevancy = {s: o.value for s, p, o in graph.triples if p == KG + "relevancy"}
    assert relevancy == {BASE + "summary/one/technology/digital_twin": "3",
                         BASE + "summary/two/technology/digital_twin": "5"}
    keyword_nodes = {o for s, p, o in graph.triples if p == KG + "hasKeyword"}
    assert keyword_nodes == {BASE + "keyword/generative_ai"}


def test_renderings_of_one_article_are_one_article_with_two_summaries():
    main = extract(parse_text(DOC.format(title="New title", page="20240101", keyword="k",
                                         tech="T", description="d", relevancy=1), "x/id1.md"),
                   TODAY)
    legacy = extract(parse_text(DOC.format(title="Old title", page="20240101", keyword="k2",
                                           tech="T", description="old d", relevancy=2),
                                "x/id1.legacy.md"), TODAY)
    graph = build_graph([legacy, main], base=BASE)
    article = BASE + "article/id1"
    assert graph.count_by_class()["Article"] == 1
    assert {o for s, p, o in graph.triples if s == article and p == KG + "hasSummary"} == {
        BASE + "summary/id1", BASE + "summary/id1.legacy"}
    assert {o for s, p, o in graph.triples if s == article and p == V.TITLE} == {
        STR("New title")}
    assert (BASE + "summary/id1.legacy", KG + "rendering", STR("legacy")) in graph.triples
    assert len({s for s, p, o in graph.triples if p == KG + "mentionOf"}) == 2


def test_closest_links_resolve_or_become_unloaded_articles():
    text = ("# __A__, (from page [20240101](https://k.org/p/1).)\n\n## Closest\n\n"
            "* [B title](b)\n* [Elsewhere](zzz)\n")
    a = extract(parse_text(text, "a.md"), TODAY)
    b = extract(parse_text("# __B__, (from page [20240101](https://k.org/p/1).)\n", "b.md"), TODAY)
    graph = build_graph([a, b], base=BASE)
    assert {o for s, p, o in graph.triples if p == KG + "closestTo"} == {
        BASE + "article/b", BASE + "article/zzz"}
    loaded = {s: o.value for s, p, o in graph.triples if p == KG + "isLoaded"}
    assert loaded == {BASE + "article/a": "true", BASE + "article/b": "true",
                      BASE + "article/zzz": "false"}
    assert (BASE + "article/zzz", V.LABEL, STR("Elsewhere")) in graph.triples
    assert (BASE + "article/b", V.LABEL, STR("B")) in graph.triples


def test_untrusted_text_becomes_encoded_iris():
    text = DOC.format(title="T", page="20240101", keyword="a/b <c> \"d\" ?#",
                      tech="<x> ?#", description="y", relevancy=1)
    graph = build_graph([extract(parse_text(text, "t.md"), TODAY)], base=BASE)
    # Keys keep letters and digits only ("a/b" is one word, as in "A/B testing"); mention
    # IRIs use the same key as their entity's.
    assert {o for s, p, o in graph.triples if p == KG + "hasKeyword"} == {BASE + "keyword/ab_c_d"}
    assert {s for s, p, o in graph.triples if p == KG + "mentionOf"} == {
        BASE + "summary/t/technology/x"}
    only_punctuation = DOC.format(title="U", page="20240101", keyword="?#!", tech="x",
                                  description="y", relevancy=1)
    graph = build_graph([extract(parse_text(only_punctuation, "u.md"), TODAY)], base=BASE)
    assert {o for s, p, o in graph.triples if p == KG + "hasKeyword"} == {
        BASE + "keyword/%3F%23%21"}


def test_same_input_gives_byte_identical_turtle(tmp_path):
    first = build([EXAMPLE], tmp_path / "one", base=BASE, html=False, today=TODAY)
    second = build([EXAMPLE], tmp_path / "two", base=BASE, html=False, today=TODAY)
    assert (tmp_path / "one" / "graph.ttl").read_bytes() == \
        (tmp_path / "two" / "graph.ttl").read_bytes()
    assert first.report.triple_count == second.report.triple_count == 643


def test_record_order_does_not_change_the_graph():
    graph = two_articles()
    reversed_graph = build_graph(list(reversed(graph.report.records)), base=BASE)
    assert graph.triples == reversed_graph.triples
