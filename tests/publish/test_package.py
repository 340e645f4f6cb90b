"""The published data package passes `frictionless validate` and carries its metadata from the data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from scrutiny_data.models import RESOURCES


def test_frictionless_cli_validates_the_package(published) -> None:
    _, result = published
    frictionless = Path(sys.executable).with_name("frictionless")
    run = subprocess.run([str(frictionless), "validate", "--json", "datapackage.json"],
                         cwd=result.out_dir, capture_output=True, text=True, check=False)
    report = json.loads(run.stdout)
    errors = [error["message"] for task in report["tasks"] for error in task["errors"]]
    assert (report["valid"], errors, run.returncode) == (True, [], 0)
    assert len(report["tasks"]) == len(RESOURCES)


def test_frictionless_cli_catches_a_tampered_file(published, tmp_path) -> None:
    import shutil

    _, result = published
    copy = Path(shutil.copytree(result.out_dir, tmp_path / "copy"))
    csv = copy / "data" / "people.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("Graham", "Graeme"), encoding="utf-8")
    frictionless = Path(sys.executable).with_name("frictionless")
    run = subprocess.run([str(frictionless), "validate", "--json", "datapackage.json"],
                         cwd=copy, capture_output=True, text=True, check=False)
    assert json.loads(run.stdout)["valid"] is False


def test_descriptor_metadata_comes_from_the_data(published) -> None:
    _, result = published
    descriptor = json.loads((result.out_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert descriptor["name"] == "thurrock-test"
    assert descriptor["title"] == "Test package"
    assert descriptor["version"] == "1.2.0"
    # The latest date in the data (meeting 2022-01-18, later than any source's publication), not the clock.
    assert descriptor["created"] == "2022-01-18T00:00:00Z"
    assert descriptor["licenses"] == [{
        "name": "OGL-UK-3.0", "title": "Open Government Licence v3.0",
        "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    }]
    assert descriptor["sources"] == [
        {"title": "Minutes, 9 November 2021"},
        {"title": "Agenda pack", "path": "https://example.org/a.pdf"},
    ]
    assert descriptor["contributors"] == [{
        "title": "Thurrock Council", "roles": ["publisher"],
        "path": "http://statistics.data.gov.uk/id/statistical-geography/E06000034",
    }]
    assert descriptor["homepage"] == "https://data.example.gov.uk/scrutiny"
    assert "attendance" in descriptor["keywords"] and "Thurrock Council" in descriptor["keywords"]


def test_resources_have_schemas_with_keys_sizes_and_hashes(published) -> None:
    _, result = published
    descriptor = json.loads((result.out_dir / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert list(resources) == list(RESOURCES)
    attendance = resources["attendance"]
    assert attendance["type"] == "table" and "profile" not in attendance
    assert attendance["schema"]["primaryKey"] == ["meeting_id", "person_id"]
    assert {"fields": ["meeting_id"], "reference": {"resource": "meetings", "fields": ["id"]}} in \
        attendance["schema"]["foreignKeys"]
    files = {f.path: f for f in result.files}
    for name, resource in resources.items():
        published_file = files[f"data/{name}.csv"]
        assert resource["bytes"] == published_file.size
        assert resource["hash"] == f"sha256:{published_file.sha256}"


def test_created_falls_back_to_source_dates_and_is_absent_without_dates() -> None:
    import polars as pl

    from scrutiny_data.dataset import Dataset
    from scrutiny_data.publish.facts import dataset_facts

    sources = pl.DataFrame({"id": ["0"], "file_name": ["a.txt"], "published": ["2019-05-02"]})
    assert dataset_facts(Dataset.from_frames("x", {"sources": sources})).created_at == "2019-05-02T00:00:00Z"
    facts = dataset_facts(Dataset.from_frames("x", {}))
    assert (facts.created_at, facts.coverage, facts.version) == (None, None, "1.0.0")
