"""ckan.json is a package_create payload CKAN 2.12 accepts, with the extras ckanext-dcat reads."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scrutiny_data.models import RESOURCES
from scrutiny_data.publish.ckan import CORE_FIELDS, ckan_payload, data_dictionary
from scrutiny_data.publish.facts import dataset_facts

DATA = Path(__file__).parent / "data"
#: CKAN 2.12's own rules, dumped from the ckan package itself (see `generated_by` in the file).
RULES = json.loads((DATA / "ckan-2.12-rules.json").read_text(encoding="utf-8"))


def _payload(result) -> dict:
    return json.loads((result.out_dir / "ckan.json").read_text(encoding="utf-8"))


def test_payload_fields(published) -> None:
    _, result = published
    payload = _payload(result)
    assert payload["name"] == "thurrock-test"
    assert payload["title"] == "Test package"
    assert payload["license_id"] == "uk-ogl"
    assert payload["owner_org"] == "thurrock-council"
    assert payload["version"] == "1.2.0"
    assert {"name": "local government"} in payload["tags"]
    extras = {e["key"]: e["value"] for e in payload["extras"]}
    assert extras["spatial_gss"] == "E06000034"
    assert [e["key"] for e in payload["extras"]] == sorted(extras)


def test_extras_carry_the_names_ckanext_dcat_reads(published) -> None:
    _, result = published
    extras = {e["key"]: e["value"] for e in _payload(result)["extras"]}
    assert (extras["temporal_start"], extras["temporal_end"]) == ("2021-11-09", "2022-01-18")
    assert extras["publisher_name"] == "Thurrock Council"
    assert extras["spatial_text"] == "Thurrock Council"
    assert extras["spatial_uri"] == "http://statistics.data.gov.uk/id/statistical-geography/E06000034"
    assert json.loads(extras["theme"]) == ["http://publications.europa.eu/resource/authority/data-theme/GOVE"]
    assert not {"temporal_coverage-from", "temporal_coverage-to", "publisher", "version"} & extras.keys()


def test_payload_keeps_to_ckan_2_12_package_schema(published) -> None:
    _, result = published
    payload = _payload(result)
    assert set(payload) <= set(RULES["package_fields"])
    extras = [e["key"] for e in payload["extras"]]
    assert not set(extras) & set(RULES["package_fields"])  # CKAN: "There is a schema field with the same name"
    assert CORE_FIELDS >= set(RULES["package_fields"]) - {"return_to", "save", "__junk"}
    assert len(extras) == len(set(extras)) and all(e["value"] for e in payload["extras"])
    name = payload["name"]
    assert RULES["name_min_length"] <= len(name) <= RULES["name_max_length"]
    assert re.match(RULES["name_pattern"], name) and name not in {"new", "edit", "search"}
    for tag in payload["tags"]:
        assert RULES["tag_min_length"] <= len(tag["name"]) <= RULES["tag_max_length"]
        assert re.match(RULES["tag_pattern"], tag["name"])
    for resource in payload["resources"]:
        assert resource["url"] and resource["name"]
        overrides = {f["info"]["type_override"] for f in resource.get("data_dictionary", [])}
        assert overrides <= set(RULES["type_overrides"])


def test_resources_with_hashes_and_dictionaries(published) -> None:
    _, result = published
    files = {f.path: f for f in result.files}
    resources = _payload(result)["resources"]
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
    assert fields["source_line"]["info"]["type_override"] == "numeric"
    assert fields["id"]["info"]["type_override"] == "text"
    assert fields["date"]["info"] == {"label": "Date", "notes": "Date of the meeting.", "type_override": "timestamp"}


def test_without_an_organisation_the_payload_has_none(published) -> None:
    dataset, result = published
    payload = ckan_payload(result.facts, result.files)
    assert "owner_org" not in payload
    assert ckan_payload(dataset_facts(dataset), result.files, owner_org="org")["owner_org"] == "org"


def _ckan_python() -> str | None:
    """A Python with CKAN installed: $SCRUTINY_CKAN_PYTHON, or this one if it has CKAN."""
    given = os.environ.get("SCRUTINY_CKAN_PYTHON")
    if given:
        return shutil.which(given) or given
    probe = subprocess.run([sys.executable, "-c", "import ckan.logic.schema"], capture_output=True, check=False)
    return sys.executable if probe.returncode == 0 else None


def test_ckan_own_validators_accept_the_payload(published, tmp_path) -> None:
    python = _ckan_python()
    if python is None:
        pytest.skip("CKAN is not installed here; set SCRUTINY_CKAN_PYTHON to a Python with `pip install ckan`")
    _, result = published
    bad = {**_payload(result), "name": "Not A Name",
           "extras": [*_payload(result)["extras"], {"key": "version", "value": "1"}]}
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    good = str(result.out_dir / "ckan.json")
    run = subprocess.run([python, str(DATA / "ckan_validate.py"), good, str(tmp_path / "bad.json")],
                         capture_output=True, text=True, check=True)
    errors = json.loads(run.stdout)
    assert errors[good] == {}
    assert "name" in errors[str(tmp_path / "bad.json")]
    assert "There is a schema field with the same name" in json.dumps(errors[str(tmp_path / "bad.json")])
