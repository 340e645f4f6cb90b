"""dcat.jsonld parses as JSON-LD and says what DCAT-AP (UK) asks for."""

from __future__ import annotations

import rdflib
from rdflib import namespace as ns

SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
BASE = "https://data.example.gov.uk/scrutiny"


def _graph(result) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(result.out_dir / "dcat.jsonld", format="json-ld")
    return graph


def test_dataset_triples(published) -> None:
    _, result = published
    graph = _graph(result)
    dataset = rdflib.URIRef(f"{BASE}#dataset")
    assert (dataset, ns.RDF.type, ns.DCAT.Dataset) in graph
    assert str(graph.value(dataset, ns.DCTERMS.title)) == "Test package"
    assert graph.value(dataset, ns.DCTERMS.license) == rdflib.URIRef(
        "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
    publisher = graph.value(dataset, ns.DCTERMS.publisher)
    assert str(graph.value(publisher, ns.FOAF.name)) == "Thurrock Council"
    assert graph.value(dataset, ns.DCTERMS.spatial) == rdflib.URIRef(
        "http://statistics.data.gov.uk/id/statistical-geography/E06000034")
    period = graph.value(dataset, ns.DCTERMS.temporal)
    assert graph.value(period, ns.DCAT.startDate) == rdflib.Literal("2021-11-09", datatype=ns.XSD.date)
    assert graph.value(period, ns.DCAT.endDate) == rdflib.Literal("2022-01-18", datatype=ns.XSD.date)
    keywords = {str(k) for k in graph.objects(dataset, ns.DCAT.keyword)}
    assert {"local government", "Thurrock Council", "complaints and representations"} <= keywords
    assert (rdflib.URIRef(f"{BASE}#catalogue"), ns.DCAT.dataset, dataset) in graph


def test_distributions_have_media_type_size_and_checksum(published) -> None:
    _, result = published
    graph = _graph(result)
    files = {f.path: f for f in result.files}
    rows = graph.query("""
        SELECT ?url ?media ?size ?sum WHERE {
          ?ds dcat:distribution ?d . ?d dcat:downloadURL ?url ; dcat:mediaType ?media ; dcat:byteSize ?size ;
             spdx:checksum [ spdx:algorithm spdx:checksumAlgorithm_sha256 ; spdx:checksumValue ?sum ] .
        }""", initNs={"dcat": ns.DCAT, "spdx": SPDX})
    found = {str(url).removeprefix(BASE + "/"): (str(media), int(size), str(total))
             for url, media, size, total in rows}
    assert len(found) == 16 * 2 + 3  # every CSV and Parquet, the descriptor, Popolo, the OParl system
    for path, (media, size, total) in found.items():
        assert (size, total) == (files[path].size, files[path].sha256), path
    assert found["data/kpis.csv"][0] == "https://www.iana.org/assignments/media-types/text/csv"
    assert found["parquet/kpis.parquet"][0].endswith("application/vnd.apache.parquet")
    csv = rdflib.URIRef(f"{BASE}/data/kpis.csv")
    assert graph.value(csv, ns.DCTERMS["format"]) == rdflib.URIRef(
        "http://publications.europa.eu/resource/authority/file-type/CSV")
