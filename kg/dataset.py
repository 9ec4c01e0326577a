"""The graph describes itself: a VoID and DCAT dataset node at `{base}dataset`.

A triple store, a data catalogue or a person opening graph.ttl learns from it what the
graph holds without querying it all: its size (`void:triples`, entities per class as
`void:classPartition`s), the dates its pages span (`dcterms:temporal`), when it was
built (`dcterms:created`, the build date: SOURCE_DATE_EPOCH in reproducible builds),
from which folders, by which kg (`prov:wasGeneratedBy` a build run by kg's version),
under which licence if one was given, and the ontology it follows (`owl:imports`).
`kg serve` names the same node as its service's default dataset, with its endpoint.

Everything in it follows from the graph and the build's options, so two builds of the
same sources are byte-identical.

>>> info = DatasetInfo(sources=["corpus"], created="2026-12-01", version="0.1.0")
>>> triples = dataset_triples("http://ex.org/", info, {"Article": 2}, 10, ("2025-01-05", None))
>>> len(triples), [o.value for s, p, o in triples if p == V.VOID + "triples"]  # 10 + 30
(30, ['40'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import vocab as V
from .rdf import Literal, Triple, sort_key

__all__ = ["DatasetInfo", "dataset_iri", "dataset_triples", "ONTOLOGY_IRI"]

ONTOLOGY_IRI = "https://w3id.org/hskg/ontology"

# The vocabularies graph.ttl uses (void:vocabulary): kg's ontology and the standard ones.
_VOCABULARIES = (ONTOLOGY_IRI, V.RDFS, V.SKOS, V.DCTERMS, V.SCHEMA, V.PROV, V.VOID, V.DCAT)


@dataclass(frozen=True)
class DatasetInfo:
    """What a build knows about its graph beyond the triples: the source folders as
    given, the build date (ISO), kg's version and the licence IRI if one was given."""

    sources: list[str] = field(default_factory=list)
    created: str = ""
    version: str = ""
    license: str | None = None


def dataset_iri(base: str) -> str:
    """The IRI of the graph's dataset node.

    >>> dataset_iri("https://w3id.org/hskg/id/")
    'https://w3id.org/hskg/id/dataset'
    """
    return f"{base}dataset"


def dataset_triples(base: str, info: DatasetInfo, counts: dict[str, int], triple_count: int,
                    dates: tuple[str | None, str | None], read: int | None = None
                    ) -> list[Triple]:
    """The dataset description of a graph whose other triples number `triple_count`,
    with `counts` nodes per kg class (by local name), `read` of its articles read (the
    others known only from Closest lists; None: all) and pages dated from `dates[0]` to
    `dates[1]` (ISO dates, None when no page has a date). Its `void:triples` counts
    the whole graph, this description included."""
    dataset = dataset_iri(base)
    run, software = f"{dataset}/build", f"{dataset}/software"
    articles = counts.get("Article", 0)
    read = articles if read is None else read
    integer = V.XSD_INTEGER
    out: list[Triple] = [
        (dataset, V.TYPE, V.VOID + "Dataset"),
        (dataset, V.TYPE, V.DCAT + "Dataset"),
        (dataset, V.TITLE, Literal("Horizon-scanning knowledge graph")),
        (dataset, V.DCTERMS + "description", Literal(
            f"What {read:,} horizon-scanning article{'' if read == 1 else 's'} report, read "
            "from their summaries by kg" + (f"; {articles - read:,} more are known only from "
                                            "their Closest lists." if articles > read else "."))),
        (dataset, V.OWL + "imports", ONTOLOGY_IRI),
        (dataset, V.VOID + "uriSpace", Literal(base)),
        (dataset, V.PROV + "wasGeneratedBy", run),
        (run, V.TYPE, V.PROV + "Activity"),
        (run, V.PROV + "wasAssociatedWith", software),
        (software, V.TYPE, V.PROV + "SoftwareAgent"),
        (software, V.LABEL, Literal(f"kg {info.version}")),
        (software, V.OWL + "versionInfo", Literal(info.version)),
    ]
    if info.created:
        out.append((dataset, V.DCTERMS + "created", Literal(info.created, V.XSD_DATE)))
        out.append((run, V.PROV + "endedAtTime", Literal(info.created, V.XSD_DATE)))
    for source in info.sources:
        out.append((dataset, V.DCTERMS + "source", Literal(source)))
    if info.license:
        out.append((dataset, V.DCTERMS + "license", info.license))
    out.extend((dataset, V.VOID + "vocabulary", vocabulary) for vocabulary in _VOCABULARIES)
    first, last = dates
    if first or last:
        period = f"{dataset}/period"
        out.append((dataset, V.DCTERMS + "temporal", period))
        out.append((period, V.TYPE, V.DCTERMS + "PeriodOfTime"))
        if first:
            out.append((period, V.DCAT + "startDate", Literal(first, V.XSD_DATE)))
        if last:
            out.append((period, V.DCAT + "endDate", Literal(last, V.XSD_DATE)))
    # Entities per class only: a total would count a mention twice (kg:Mention and its
    # kind's class) and mix things with the qualified nodes that hold facts about them.
    for name, number in sorted(counts.items()):
        partition = f"{dataset}/class/{name}"
        out.append((dataset, V.VOID + "classPartition", partition))
        out.append((partition, V.VOID + "class", V.KG + name))
        out.append((partition, V.VOID + "entities", Literal(str(number), integer)))
    out.append((dataset, V.VOID + "triples", Literal(str(triple_count + len(out) + 1), integer)))
    return sorted(out, key=sort_key)  # one Turtle block per node
