"""JSON-LD for people: the published context (`ontology/context.jsonld`) and graphs
compacted with it, so a web developer reads plain JSON and a JSON-LD processor reads RDF.

Every class and property of the kg ontology is a term (`Technology`,
`mentionsTechnology`, `relevancy`), and so are the standard properties kg uses
(`label`, `title`, `date`, `url` ...); `id` and `type` stand for `@id` and `@type`.
Links are plain strings (the term says they are IRIs), numbers and booleans are
JSON numbers and booleans, dates are strings:

    {"id": "technology:digital_twins", "type": "Technology", "label": "Digital Twins",
     "hiddenLabel": "digital twins", "prefLabel": "Digital Twins"}

The context is made from `ontology/kg.ttl` by `make_context` and shipped as a file;
a test checks that the two agree (`python -m kg.jsonld` rewrites the file).

>>> from kg.rdf import Literal
>>> doc = compact([("https://w3id.org/hskg/id/article/a", V.RELEVANCY, Literal("4", V.XSD_INTEGER))],
...               {"article": "https://w3id.org/hskg/id/article/"})
>>> doc["@graph"]
[{'id': 'article:a', 'relevancy': 4}]
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from pathlib import Path
from typing import Iterator

from . import vocab as V
from .errors import InputError
from .rdf import Literal, Triple, language_of

__all__ = ["context", "make_context", "compact", "CONTEXT_FILE"]

CONTEXT_FILE = "context.jsonld"

# Terms for the standard vocabularies kg uses (term, property IRI, coercion: "@id" for
# links, a datatype, or None for plain strings). The ontology's own terms come first
# and win a name they share (kg:Entity over prov:Entity).
STANDARD_TERMS = [
    ("label", V.LABEL, None), ("prefLabel", V.PREF_LABEL, None),
    ("altLabel", V.ALT_LABEL, None), ("hiddenLabel", V.HIDDEN_LABEL, None),
    ("exactMatch", V.EXACT_MATCH, "@id"), ("related", V.RELATED, "@id"),
    ("member", V.MEMBER, "@id"), ("title", V.TITLE, None), ("identifier", V.IDENTIFIER, None),
    ("date", V.DATE, V.XSD_DATE), ("abstract", V.ABSTRACT, None),
    ("subject", V.DCTERMS + "subject", "@id"), ("isPartOf", V.DCTERMS + "isPartOf", "@id"),
    ("url", V.URL, "@id"), ("wasDerivedFrom", V.DERIVED_FROM, "@id"),
    ("comment", V.RDFS + "comment", None), ("subClassOf", V.RDFS + "subClassOf", "@id"),
    ("Concept", V.CONCEPT, None), ("Collection", V.COLLECTION, None),
    ("Entity", V.PROV_ENTITY, None),
]


def make_context(ontology: str | Path | None = None) -> dict:
    """The context document for the kg ontology (`ontology/kg.ttl` by default): the
    standard prefixes, `id`/`type`, a term per class and property."""
    import pyoxigraph as ox

    if ontology is None:
        ontology = resources.files("kg").joinpath("ontology", "kg.ttl")
    store = ox.Store()
    store.load(Path(str(ontology)).read_bytes(), format=ox.RdfFormat.TURTLE)
    rows = store.query(
        "SELECT ?thing ?kind ?range WHERE { ?thing a ?kind . "
        "FILTER(?kind IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty)) "
        f"FILTER(STRSTARTS(STR(?thing), '{V.KG}')) OPTIONAL {{ ?thing rdfs:range ?range }} }}",
        prefixes={"owl": V.OWL, "rdfs": V.RDFS})
    terms: dict[str, object] = {"id": "@id", "type": "@type"}
    terms.update(V.PREFIXES)
    ontology_terms: dict[str, object] = {}
    for row in rows:
        iri, kind = row["thing"].value, row["kind"].value
        name = iri[len(V.KG):]
        compact_iri = f"kg:{name}"
        if kind == V.OWL + "ObjectProperty":
            ontology_terms[name] = {"@id": compact_iri, "@type": "@id"}
        elif kind == V.OWL + "DatatypeProperty" and row["range"] is not None \
                and row["range"].value != V.XSD_STRING:
            ontology_terms[name] = {"@id": compact_iri, "@type": _curie(row["range"].value)}
        else:
            ontology_terms[name] = compact_iri
    terms.update(sorted(ontology_terms.items(), key=lambda item: (item[0].lower(), item[0])))
    for name, iri, coercion in STANDARD_TERMS:
        if name not in terms:
            terms[name] = {"@id": _curie(iri), "@type": _curie(coercion)} if coercion \
                else _curie(iri)
    return {"@context": terms}


def _curie(iri: str) -> str:
    if iri.startswith("@"):
        return iri
    for prefix, namespace in V.PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


@functools.lru_cache(maxsize=1)
def context() -> dict:
    """The shipped context document (`kg/ontology/context.jsonld`)."""
    return json.loads(resources.files("kg").joinpath("ontology", CONTEXT_FILE)
                      .read_text(encoding="utf-8"))


class _Compactor:
    """IRIs and values as the context writes them."""

    def __init__(self, terms: dict, prefixes: dict[str, str]):
        def expand(value: str) -> str:
            prefix, sep, local = value.partition(":")
            return namespaces[prefix] + local if sep and prefix in namespaces else value

        namespaces = {name: iri for name, iri in terms.items()
                      if isinstance(iri, str) and iri.endswith(("/", "#"))}
        # The graph's own prefixes (article:, technology: ...), unless a term has the name.
        self.extra = {name: iri for name, iri in sorted(prefixes.items())
                      if name not in terms and iri.endswith(("/", "#"))
                      and re.fullmatch(r"[A-Za-z][\w.-]*", name)}
        namespaces.update(self.extra)
        # Longest namespace first, so article: wins over a shorter base.
        self.namespaces = sorted(namespaces.items(), key=lambda item: -len(item[1]))
        self._memo: dict[str, str] = {}
        self.properties: dict[str, tuple[str, str | None]] = {}
        self.classes: dict[str, str] = {}
        for name, definition in terms.items():
            if name.startswith("@") or definition in ("@id", "@type") or name in namespaces:
                continue
            if isinstance(definition, dict):
                coercion = definition.get("@type")
                self.properties[expand(definition["@id"])] = (
                    name, coercion if coercion == "@id" or coercion is None else expand(coercion))
            else:
                iri = expand(definition)
                self.properties.setdefault(iri, (name, None))
                if name[:1].isupper():
                    self.classes[iri] = name

    def iri(self, iri: str) -> str:
        found = self._memo.get(iri)
        if found is None:
            found = self._memo[iri] = iri
            for prefix, namespace in self.namespaces:
                if iri.startswith(namespace) and len(iri) > len(namespace) \
                        and not iri[len(namespace):].startswith("//"):
                    found = self._memo[iri] = f"{prefix}:{iri[len(namespace):]}"
                    break
        return found

    def value(self, obj, coercion: str | None):
        if obj.__class__ is not Literal:
            return self.iri(obj) if coercion == "@id" else {"id": self.iri(obj)}
        value, datatype = obj.value, obj.datatype
        native = _native(value, datatype)
        if native is not None:
            return native
        if datatype == coercion or (datatype == V.XSD_STRING and coercion is None):
            return value
        if datatype == V.XSD_STRING:
            return {"@value": value}
        if datatype[:1] == "@":
            return {"@value": value, "@language": language_of(obj)} if language_of(obj) \
                else {"@value": value}
        return {"@value": value, "@type": self.iri(datatype)}


def _native(value: str, datatype: str):
    """A JSON number or boolean that JSON-LD reads back as exactly this literal."""
    if datatype == V.XSD_INTEGER and re.fullmatch(r"-?(0|[1-9][0-9]{0,14})", value) \
            and value != "-0":
        return int(value)
    if datatype == V.XSD_BOOLEAN and value in ("true", "false"):
        return value == "true"
    return None


def compact(triples: list[Triple], prefixes: dict[str, str], terms: dict | None = None) -> dict:
    """The triples as a compacted JSON-LD document: the context (the published one and
    the graph's own prefixes), then one object per subject in `@graph`, in IRI order;
    a property with one value has it alone, with several a list."""
    terms = terms if terms is not None else context()["@context"]
    # An IRI whose scheme is a prefix of the context ("keyword:x" beside keyword:) would
    # be read back as that prefix's IRI (JSON-LD's "IRI confused with prefix"): the
    # graph's own such prefixes are left out of this document; the published ones
    # cannot be, its terms are written with them.
    schemes = {term.partition(":")[0] for triple in triples for term in _iris(triple)}
    prefixes = {name: iri for name, iri in prefixes.items() if name not in schemes}
    confused = sorted(schemes.intersection(name for name, iri in terms.items()
                                           if isinstance(iri, str) and iri.endswith(("/", "#"))))
    if confused:
        iri = next(term for triple in sorted(triples, key=_order) for term in _iris(triple)
                   if term.partition(":")[0] == confused[0])
        raise InputError(f"the IRI <{iri}> cannot be written in JSON-LD with kg's context: "
                         f"it would be read as the compact IRI of the prefix {confused[0]}: "
                         "(export another format)")
    compactor = _Compactor(terms, prefixes)
    nodes: dict[str, dict[str, object]] = {}
    for s, p, o in sorted(triples, key=_order):
        node = nodes.get(s)
        if node is None:
            node = nodes[s] = {"id": compactor.iri(s)}
        if p == V.TYPE and o.__class__ is not Literal:
            key, value = "type", compactor.classes.get(o) or compactor.iri(o)
        else:
            key, coercion = compactor.properties.get(p) or (compactor.iri(p), None)
            value = compactor.value(o, coercion)
        if key not in node:
            node[key] = value
        elif isinstance(node[key], list):
            node[key].append(value)
        else:
            node[key] = [node[key], value]
    return {"@context": {**terms, **compactor.extra},
            "@graph": [_ordered(node) for _, node in sorted(nodes.items())]}


def _iris(triple: Triple) -> Iterator[str]:
    """The IRIs of a triple (a literal's datatype too)."""
    s, p, o = triple
    yield s
    yield p
    if o.__class__ is Literal:
        if o.datatype[:1] != "@":
            yield o.datatype
    else:
        yield o


def _order(triple: Triple):
    s, p, o = triple
    return (s, p, o.value if o.__class__ is Literal else o)


def _ordered(node: dict) -> dict:
    keys = sorted(node, key=lambda k: (k not in ("id", "type"), k != "id", k))
    return {k: node[k] for k in keys}


if __name__ == "__main__":  # pragma: no cover - rewrite the shipped context
    target = Path(__file__).parent / "ontology" / CONTEXT_FILE
    target.write_text(json.dumps(make_context(), indent=2, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    print(f"wrote {target}")
