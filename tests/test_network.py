"""The graph as networkx: what analytics and the explorer read, trends and related
links included."""

from __future__ import annotations

from kg import vocab as V
from kg.network import to_networkx
from kg.rdf import Literal

X = "http://x/"


def test_trends_and_related_links_become_nodes_and_edges():
    triples = [
        (X + "a1", V.TYPE, V.ARTICLE), (X + "a1", V.LABEL, Literal("A1")),
        (X + "a2", V.TYPE, V.ARTICLE), (X + "a2", V.LABEL, Literal("A2")),
        (X + "t1", V.TYPE, V.KG + "Technology"), (X + "t1", V.LABEL, Literal("Deepfakes")),
        (X + "c1", V.TYPE, V.KG + "Concern"), (X + "c1", V.LABEL, Literal("Misinformation")),
        (X + "a1", V.KG + "mentionsTechnology", X + "t1"),
        (X + "a2", V.KG + "raisesConcern", X + "c1"),
        (X + "t1", V.RELATED, X + "c1"), (X + "c1", V.RELATED, X + "t1"),
        (X + "r", V.TYPE, V.RELATEDNESS), (X + "r", V.RELATES, X + "t1"),
        (X + "r", V.RELATES, X + "c1"), (X + "r", V.SCORE, Literal("0.42", V.XSD_DECIMAL)),
        (X + "r", V.METHOD, Literal("names")),
        (X + "tr", V.TYPE, V.TREND), (X + "tr", V.TYPE, V.COLLECTION),
        (X + "tr", V.LABEL, Literal("Deepfakes and misinformation")),
        (X + "tr", V.MEMBER, X + "t1"), (X + "tr", V.MEMBER, X + "c1"),
        (X + "tr", V.TREND_ARTICLE, X + "a1"), (X + "tr", V.TREND_ARTICLE, X + "a2"),
        (X + "tr", V.ARTICLE_COUNT, Literal("2", V.XSD_INTEGER)),
        (X + "tr", V.FIRST_DATE, Literal("2024-01-05", V.XSD_DATE)),
        (X + "tr", V.LAST_DATE, Literal("2024-03-01", V.XSD_DATE)),
        (X + "tr", V.MONTHLY_COUNT, X + "tr/month/2024-03"),
        (X + "tr", V.MONTHLY_COUNT, X + "tr/month/2024-01"),
        (X + "tr/month/2024-01", V.TYPE, V.MONTHLY_COUNT_CLASS),
        (X + "tr/month/2024-01", V.MONTH, Literal("2024-01", V.XSD_GYEARMONTH)),
        (X + "tr/month/2024-01", V.ARTICLE_COUNT, Literal("1", V.XSD_INTEGER)),
        (X + "tr/month/2024-03", V.MONTH, Literal("2024-03", V.XSD_GYEARMONTH)),
        (X + "tr/month/2024-03", V.ARTICLE_COUNT, Literal("1", V.XSD_INTEGER)),
    ]
    graph = to_networkx(triples)
    assert sorted(graph.nodes(data="type")) == [
        (X + "a1", "Article"), (X + "a2", "Article"), (X + "c1", "Concern"),
        (X + "t1", "Technology"), (X + "tr", "Trend")]
    assert graph.nodes[X + "tr"] == {
        "type": "Trend", "label": "Deepfakes and misinformation", "articles": 2,
        "first": "2024-01-05", "last": "2024-03-01", "months": {"2024-01": 1, "2024-03": 1}}
    related = sorted((u, v, d["score"]) for u, v, d in graph.edges(data=True)
                     if d["relation"] == "related")
    assert related == [(X + "c1", X + "t1", 0.42), (X + "t1", X + "c1", 0.42)]
    assert sorted((v, r) for _, v, r in graph.out_edges(X + "tr", data="relation")) == [
        (X + "a1", "trendArticle"), (X + "a2", "trendArticle"), (X + "c1", "member"),
        (X + "t1", "member")]
