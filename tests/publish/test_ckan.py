"""ckan.json is a package_create payload with resources and a data dictionary."""

from __future__ import annotations

import json

from scrutiny_data.models import RESOURCES
from scrutiny_data.publish.ckan import data_dictionary


def test_payload_fields(published) -> None:
    _, result = published
    payload = json.loads((result.out_dir / "ckan.json").read_text(encoding="utf-8"))
    assert payload["name"] == "thurrock-test"
    assert payload["title"] == "Test package"
    assert payload["license_id"] == "uk-ogl"
    assert payload["owner_org"] == "thurrock-council"
    assert payload["version"] == "1.2.0"
    assert {"name": "local government"} in payload["tags"]
    extras = {e["key"]: e["value"] for e in payload["extras"]}
    assert extras["spatial_gss"] == "E06000034"
    assert (extras["temporal_coverage-from"], extras["temporal_coverage-to"]) == ("2021-11-09", "2022-01-18")
    assert [e["key"] for e in payload["extras"]] == sorted(extras)


def test_resources_with_hashes_and_dictionaries(published) -> None:
    _, result = published
    payload = json.loads((result.out_dir / "ckan.json").read_text(encoding="utf-8"))
    files = {f.path: f for f in result.files}
    resources = payload["resources"]
    assert [r["format"] for r in resources] == ["CSV"] * len(RESOURCES) + ["PARQUET"] * len(RESOURCES)
    first = resources[0]
    assert first["url"] == "https://data.example.gov.uk/scrutiny/data/sources.csv"
    assert first["hash"] == f"sha256:{files['data/sources.csv'].sha256}"
    assert first["size"] == files["data/sources.csv"].size
    assert first["data_dictionary"] == data_dictionary("sources")
    assert "data_dictionary" not in resources[-1]


def test_data_dictionary_from_table_schema() -> None:
    fields = {f["id"]: f for f in data_dictionary("meetings")}
    assert list(fields)[:3] == ["id", "committee_id", "date"]
    assert fields["date"]["type"] == "date"
    assert fields["source_line"]["type"] == "int"
    assert fields["date"]["info"] == {"label": "Date", "notes": "Date of the meeting.", "type_override": "date"}
