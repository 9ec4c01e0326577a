"""IRIs of the kg ontology (ontology/kg.ttl) and of the standard vocabularies it reuses."""

from __future__ import annotations

DEFAULT_BASE = "https://w3id.org/hskg/id/"

KG = "https://w3id.org/hskg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
SH = "http://www.w3.org/ns/shacl#"

PREFIXES = {
    "kg": KG, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS,
    "dcterms": DCTERMS, "schema": SCHEMA, "prov": PROV,
}

TYPE = RDF + "type"
LABEL = RDFS + "label"
ALT_LABEL = SKOS + "altLabel"
PREF_LABEL = SKOS + "prefLabel"
EXACT_MATCH = SKOS + "exactMatch"
HIDDEN_LABEL = SKOS + "hiddenLabel"
CONCEPT = SKOS + "Concept"
TITLE = DCTERMS + "title"
IDENTIFIER = DCTERMS + "identifier"
DATE = DCTERMS + "date"
ABSTRACT = DCTERMS + "abstract"
URL = SCHEMA + "url"
DERIVED_FROM = PROV + "wasDerivedFrom"
PROV_ENTITY = PROV + "Entity"
XSD_STRING = XSD + "string"
XSD_INTEGER = XSD + "integer"
XSD_BOOLEAN = XSD + "boolean"
XSD_DATE = XSD + "date"

# Classes
ARTICLE = KG + "Article"
SUMMARY = KG + "ArticleSummary"
PAGE = KG + "Page"
MENTION = KG + "Mention"
DRIVING_FORCE = KG + "DrivingForce"

# Article and summary properties
HAS_SUMMARY = KG + "hasSummary"
IS_LOADED = KG + "isLoaded"
PUBLISHED_IN = KG + "publishedIn"
CLOSEST_TO = KG + "closestTo"
RENDERING = KG + "rendering"
SOURCE_PATH = KG + "sourcePath"
NOTE = KG + "note"
EXTRA_SECTION = KG + "extraSection"
UNPARSED_DATE = KG + "unparsedDate"
EXTERNAL_LINK_TEXT = KG + "externalLinkText"
URL_TEXT = KG + "urlText"

# Qualified-node (mention) properties
HAS_MENTION = KG + "hasMention"
MENTION_OF = KG + "mentionOf"
DESCRIPTION = KG + "description"
RELEVANCY = KG + "relevancy"
CHANGE = KG + "change"
TEN_YEAR = KG + "tenYearOutlook"
DRIVEN_BY = KG + "drivenBy"
SOURCE_LINE = KG + "sourceLine"
NAME_DERIVED = KG + "nameDerivedFromDescription"
SRC_ID = KG + "srcId"

# Across articles: related entities and trends
RELATED = SKOS + "related"
MEMBER = SKOS + "member"
COLLECTION = SKOS + "Collection"
RELATEDNESS = KG + "Relatedness"
RELATES = KG + "relates"
SCORE = KG + "score"
METHOD = KG + "method"
TREND = KG + "Trend"
TREND_ARTICLE = KG + "trendArticle"
ARTICLE_COUNT = KG + "articleCount"
FIRST_DATE = KG + "firstDate"
LAST_DATE = KG + "lastDate"
MONTHLY_COUNT = KG + "monthlyCount"
MONTHLY_COUNT_CLASS = KG + "MonthlyCount"
MONTH = KG + "month"
XSD_DECIMAL = XSD + "decimal"
XSD_GYEARMONTH = XSD + "gYearMonth"
