"""`scrutiny-data publish` and `validate` on published Parquet, with the real validator."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from scrutiny_data.cli import main

from ..conftest import write_package
from .conftest import TABLES


def test_publish_clean_dataset_prints_a_summary(tmp_path) -> None:
    package = write_package(tmp_path / "pkg", TABLES, version="2.0.0")
    result = CliRunner().invoke(main, ["publish", str(package), "--out", str(tmp_path / "out"),
                                       "--base-url", "https://example.gov.uk/x", "--owner-org", "org"])
    assert result.exit_code == 0, result.output
    assert "Validation: valid (0 errors" in result.output
    assert "Published pkg 2.0.0" in result.output and "dcat.jsonld" in result.output
    assert json.loads((tmp_path / "out" / "ckan.json").read_text(encoding="utf-8"))["owner_org"] == "org"
    report = json.loads((tmp_path / "out" / "validation-report.json").read_text(encoding="utf-8"))
    assert report["ok"] is True and report["summary"]["rules"] > 0

    # The published Parquet validates like the CSV it came from.
    shutil.copytree(tmp_path / "out" / "parquet", tmp_path / "pq" / "parquet")
    validated = CliRunner().invoke(main, ["validate", str(tmp_path / "pq"), "--format", "json"])
    assert validated.exit_code == 0, validated.output
    assert json.loads(validated.output)["summary"]["records"] == 32


def test_publish_refuses_errors_unless_allowed(tmp_path) -> None:
    tables = {**TABLES, "complaints": TABLES["complaints"].replace("none,,90,,90", "none,,91,,91")}
    package = write_package(tmp_path / "pkg", tables)
    out = tmp_path / "out"
    refused = CliRunner().invoke(main, ["publish", str(package), "--out", str(out)])
    assert refused.exit_code == 1
    assert "total-mismatch" in refused.output and "not published" in refused.output
    assert not out.exists()

    allowed = CliRunner().invoke(main, ["publish", str(package), "--out", str(out), "--allow-errors"])
    assert allowed.exit_code == 0, allowed.output
    assert "PUBLISHED WITH ERRORS" in allowed.output
    report = json.loads((out / "validation-report.json").read_text(encoding="utf-8"))
    assert [f["code"] for f in report["findings"] if not f["waived"]] == ["total-mismatch"]

    # The Parquet of an erroneous publication fails validation the same way (exit 1).
    validated = CliRunner().invoke(main, ["validate", str(out / "parquet"), "--format", "json"])
    assert validated.exit_code == 1
    assert [f["code"] for f in json.loads(validated.output)["findings"]] == ["total-mismatch"]


def test_publish_unreadable_input_exits_2(tmp_path) -> None:
    result = CliRunner().invoke(main, ["publish", str(tmp_path / "missing"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
