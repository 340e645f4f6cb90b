"""DCAT-AP 3 (with the DCAT-AP UK profile's expectations) as JSON-LD: the catalogue record of a publication."""

from __future__ import annotations

from typing import Any

from ..models import RESOURCES
from .facts import LICENCE_TITLE, LICENCE_URL, Facts
from .inventory import PublishedFile

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatap": "http://data.europa.eu/r5r/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
AUTHORITY = "http://publications.europa.eu/resource/authority/"
FILE_TYPE_URI = AUTHORITY + "file-type/"
MEDIA_TYPE_URI = "https://www.iana.org/assignments/media-types/"
ENGLISH = AUTHORITY + "language/ENG"
#: The EU data theme vocabulary and the theme every publication of committee papers is in.
THEMES = AUTHORITY + "data-theme"
THEME, THEME_LABEL = THEMES + "/GOVE", "Government and public sector"
#: Planned availability of every distribution: kept as long as the publication is.
AVAILABILITY, AVAILABILITY_LABEL = AUTHORITY + "planned-availability/STABLE", "stable"
FRICTIONLESS = "https://datapackage.org/standard/data-package/"
#: Files a portal offers for download; the reports and metadata are described, not distributed.
DISTRIBUTED = ("datapackage.json", "data/", "parquet/", "popolo.json", "oparl/system.json")
_DESCRIPTIONS = {
    "datapackage.json": "Frictionless Data Package descriptor: every table's schema, keys, size and checksum.",
    "popolo.json": "People, committees and memberships in Popolo JSON.",
    "oparl/system.json": "OParl 1.1 entry point; bodies, committees, people, memberships and meetings link from it.",
}


def _typed(value: object, datatype: str) -> dict[str, str]:
    return {"@value": str(value), "@type": f"xsd:{datatype}"}


def _ref(uri: str) -> dict[str, str]:
    return {"@id": uri}


def _node(uri: str, kind: str, **properties: Any) -> dict[str, Any]:
    """A reference that says what class it is: DCAT-AP's range shapes check each object's class."""
    return {"@id": uri, "@type": kind, **properties}


def _concept(uri: str, label: str, scheme: str) -> dict[str, Any]:
    return _node(uri, "skos:Concept", **{"skos:prefLabel": {"@value": label, "@language": "en"},
                                         "skos:inScheme": _ref(scheme)})


def _licence() -> dict[str, Any]:
    return _node(LICENCE_URL, "dct:LicenseDocument", **{"dct:title": LICENCE_TITLE})


def _stem(file: PublishedFile) -> str:
    return file.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _title(file: PublishedFile) -> str:
    stem = _stem(file)
    if stem in RESOURCES and file.path.startswith(("data/", "parquet/")):
        return f"{RESOURCES[stem].table.title} ({file.file_type})"
    return {"datapackage.json": "Frictionless data package descriptor",
            "popolo.json": "People, committees and memberships (Popolo JSON)",
            "oparl/system.json": "OParl 1.1 entry point (System)"}.get(file.path, file.path)


def _description(file: PublishedFile) -> str:
    stem = _stem(file)
    if stem in RESOURCES and file.path.startswith(("data/", "parquet/")):
        return f"{RESOURCES[stem].table.description} ({file.file_type}, one row per record.)"
    return _DESCRIPTIONS.get(file.path, file.path)


def distribution(facts: Facts, file: PublishedFile) -> dict[str, Any]:
    """One file as a `dcat:Distribution` with media type, byte size and SPDX checksum."""
    url = facts.url(file.path)
    node: dict[str, Any] = {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": _title(file),
        "dct:description": _description(file),
        "dcat:accessURL": _ref(url),
        "dcat:downloadURL": _ref(url),
        "dcat:mediaType": _node(MEDIA_TYPE_URI + file.media_type, "dct:MediaType"),
        "dct:format": _node(FILE_TYPE_URI + file.file_type, "dct:MediaTypeOrExtent"),
        "dcat:byteSize": _typed(file.size, "nonNegativeInteger"),
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": _node("spdx:checksumAlgorithm_sha256", "spdx:ChecksumAlgorithm"),
            "spdx:checksumValue": _typed(file.sha256, "hexBinary"),
        },
        "dct:license": _ref(LICENCE_URL),
        "dcatap:availability": _ref(AVAILABILITY),
    }
    if file.path == "datapackage.json" or file.path.startswith("data/"):
        node["dct:conformsTo"] = _node(FRICTIONLESS, "dct:Standard", **{"dct:title": "Frictionless Data Package"})
    return node


def _dataset(facts: Facts, distributions: list[dict[str, Any]], files: list[PublishedFile]) -> dict[str, Any]:
    dataset: dict[str, Any] = {
        "@id": f"{facts.base_url}#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": facts.name,
        "dct:title": facts.title,
        "dct:description": facts.description,
        "dct:publisher": _ref(f"{facts.base_url}#publisher"),
        "dcat:contactPoint": {"@type": ["vcard:Organization", "vcard:Kind"], "vcard:fn": facts.publisher},
        "dct:license": _ref(LICENCE_URL),
        "dct:language": _ref(ENGLISH),
        "dcat:theme": _ref(THEME),
        "dcat:version": facts.version,
        "dcat:keyword": list(facts.keywords),
        "dcat:landingPage": _node(facts.base_url, "foaf:Document"),
        "dct:spatial": [_node(body.gss_uri, "dct:Location") for body in facts.bodies],
        "dcat:distribution": [_ref(d["@id"]) for d in distributions],
    }
    if facts.created:
        dataset["dct:issued"] = _typed(facts.created.isoformat(), "date")
        dataset["dct:modified"] = _typed(facts.created.isoformat(), "date")
    if facts.coverage:
        dataset["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": _typed(facts.coverage[0].isoformat(), "date"),
            "dcat:endDate": _typed(facts.coverage[1].isoformat(), "date"),
        }
    # The papers the rows were read from: documents, not datasets (DCAT-AP's dct:source is a dataset).
    papers = [_node(s["path"], "foaf:Document", **({"dct:title": s["title"]} if "title" in s else {}))
              for s in facts.sources if "path" in s]
    if papers:
        dataset["dct:relation"] = papers
    if any(f.path == "validation-report.html" for f in files):
        dataset["foaf:page"] = _node(facts.url("validation-report.html"), "foaf:Document",
                                     **{"dct:title": "Validation report"})
    return dataset


def dcat_document(facts: Facts, files: list[PublishedFile]) -> dict[str, Any]:
    """The `dcat.jsonld` document: a catalogue, its dataset, publisher and distributions."""
    distributions = [distribution(facts, f) for f in files if f.path.startswith(DISTRIBUTED)]
    dataset = _dataset(facts, distributions, files)
    publisher = {"@id": f"{facts.base_url}#publisher", "@type": ["foaf:Organization", "foaf:Agent"],
                 "foaf:name": facts.publisher}
    catalogue: dict[str, Any] = {
        "@id": f"{facts.base_url}#catalogue",
        "@type": "dcat:Catalog",
        "dct:title": facts.title,
        "dct:description": facts.description,
        "dct:publisher": _ref(publisher["@id"]),
        "dct:license": _ref(LICENCE_URL),
        "dct:language": _ref(ENGLISH),
        "foaf:homepage": _ref(facts.base_url),
        "dcat:themeTaxonomy": _node(THEMES, "skos:ConceptScheme", **{"dct:title": "Data theme"}),
        "dcat:dataset": _ref(dataset["@id"]),
    }
    if facts.created:
        catalogue["dct:issued"] = _typed(facts.created.isoformat(), "date")
        catalogue["dct:modified"] = _typed(facts.created.isoformat(), "date")
    shared = [_licence(), _node(ENGLISH, "dct:LinguisticSystem"),
              _concept(THEME, THEME_LABEL, THEMES),
              _concept(AVAILABILITY, AVAILABILITY_LABEL, AUTHORITY + "planned-availability")]
    return {"@context": CONTEXT, "@graph": [catalogue, dataset, publisher, *shared, *distributions]}
