"""DCAT-AP (with the DCAT-AP UK profile's expectations) as JSON-LD: the catalogue record of a publication."""

from __future__ import annotations

from typing import Any

from ..models import RESOURCES
from .facts import LICENCE_URL, Facts
from .inventory import PublishedFile

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
FILE_TYPE_URI = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPE_URI = "https://www.iana.org/assignments/media-types/"
ENGLISH = "http://publications.europa.eu/resource/authority/language/ENG"
FRICTIONLESS = "https://datapackage.org/standard/data-package/"
#: Files a portal offers for download; the reports and metadata are described, not distributed.
DISTRIBUTED = ("datapackage.json", "data/", "parquet/", "popolo.json", "oparl/system.json")


def _typed(value: object, datatype: str) -> dict[str, str]:
    return {"@value": str(value), "@type": f"xsd:{datatype}"}


def _ref(uri: str) -> dict[str, str]:
    return {"@id": uri}


def _title(file: PublishedFile) -> str:
    stem = file.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if stem in RESOURCES and file.path.startswith(("data/", "parquet/")):
        return f"{RESOURCES[stem].table.title} ({file.file_type})"
    return {"datapackage.json": "Frictionless data package descriptor",
            "popolo.json": "People, committees and memberships (Popolo JSON)",
            "oparl/system.json": "OParl 1.1 entry point (System)"}.get(file.path, file.path)


def distribution(facts: Facts, file: PublishedFile) -> dict[str, Any]:
    """One file as a `dcat:Distribution` with media type, byte size and SPDX checksum."""
    url = facts.url(file.path)
    node: dict[str, Any] = {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": _title(file),
        "dcat:accessURL": _ref(url),
        "dcat:downloadURL": _ref(url),
        "dcat:mediaType": _ref(MEDIA_TYPE_URI + file.media_type),
        "dct:format": _ref(FILE_TYPE_URI + file.file_type),
        "dcat:byteSize": _typed(file.size, "nonNegativeInteger"),
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": _ref("spdx:checksumAlgorithm_sha256"),
            "spdx:checksumValue": _typed(file.sha256, "hexBinary"),
        },
        "dct:license": _ref(LICENCE_URL),
    }
    if file.path == "datapackage.json" or file.path.startswith("data/"):
        node["dct:conformsTo"] = _ref(FRICTIONLESS)
    return node


def dcat_document(facts: Facts, files: list[PublishedFile]) -> dict[str, Any]:
    """The `dcat.jsonld` document: a catalogue, its dataset, publisher and distributions."""
    distributions = [distribution(facts, f) for f in files if f.path.startswith(DISTRIBUTED)]
    publisher_id = f"{facts.base_url}#publisher"
    dataset: dict[str, Any] = {
        "@id": f"{facts.base_url}#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": facts.name,
        "dct:title": facts.title,
        "dct:description": facts.description,
        "dct:publisher": _ref(publisher_id),
        "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": facts.publisher},
        "dct:license": _ref(LICENCE_URL),
        "dct:language": _ref(ENGLISH),
        "dcat:version": facts.version,
        "dcat:keyword": list(facts.keywords),
        "dcat:landingPage": _ref(facts.base_url),
        "dct:spatial": [_ref(body.gss_uri) for body in facts.bodies],
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
    sources = [s["path"] for s in facts.sources if "path" in s]
    if sources:
        dataset["dct:source"] = [_ref(url) for url in sources]
    if any(f.path == "validation-report.html" for f in files):
        dataset["foaf:page"] = _ref(facts.url("validation-report.html"))
    publisher = {"@id": publisher_id, "@type": "foaf:Organization", "foaf:name": facts.publisher}
    catalogue = {
        "@id": f"{facts.base_url}#catalogue",
        "@type": "dcat:Catalog",
        "dct:title": facts.title,
        "dct:description": facts.description,
        "dct:publisher": _ref(publisher_id),
        "dct:license": _ref(LICENCE_URL),
        "foaf:homepage": _ref(facts.base_url),
        "dcat:dataset": _ref(dataset["@id"]),
    }
    return {"@context": CONTEXT, "@graph": [catalogue, dataset, publisher, *distributions]}
