"""publish(): refuses unwaived errors, writes every format atomically and byte-for-byte reproducibly."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import scrutiny_data
from scrutiny_data import PublishRefused, ScrutinyDataError, load
from scrutiny_data.publish import publisher as publisher_module
from scrutiny_data.publish.inventory import inventory

from ..conftest import write_package
from .conftest import TABLES, clean_report, failing_report


def _checksums(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def dataset(package_dir):
    return load(package_dir)


def test_refuses_unwaived_errors_and_writes_nothing(dataset, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(publisher_module, "_validate", failing_report)
    with pytest.raises(PublishRefused, match="1 unwaived error") as info:
        scrutiny_data.publish(dataset, tmp_path / "out")
    assert info.value.report.errors == 1
    assert not (tmp_path / "out").exists()


def test_allow_errors_publishes_with_the_report(dataset, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(publisher_module, "_validate", failing_report)
    result = scrutiny_data.publish(dataset, tmp_path / "out", allow_errors=True)
    report = json.loads((tmp_path / "out" / "validation-report.json").read_text(encoding="utf-8"))
    assert (report["ok"], report["summary"]["errors"]) == (False, 1)
    assert report["findings"][0]["code"] == "total-mismatch"
    html = (tmp_path / "out" / "validation-report.html").read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") and "total" in html.lower()
    assert "PUBLISHED WITH ERRORS" in result.summary()


def test_writes_every_format_and_lists_each_file(published) -> None:
    _, result = published
    paths = {f.path for f in result.files}
    assert {"datapackage.json", "dcat.jsonld", "ckan.json", "popolo.json", "oparl/system.json",
            "validation-report.json", "validation-report.html", "data/kpis.csv", "parquet/kpis.parquet"} <= paths
    assert result.files == inventory(result.out_dir)
    assert all(f.sha256 == hashlib.sha256((result.out_dir / f.path).read_bytes()).hexdigest()
               for f in result.files)
    summary = result.summary()
    assert "Validation: valid (0 errors, 1 warnings, 0 waived" in summary
    assert "parquet/ (16 files)" in summary and "Rows: 32 in 16 resources" in summary


def test_publishing_twice_gives_identical_bytes(dataset, tmp_path) -> None:
    first = scrutiny_data.publish(dataset, tmp_path / "a", report=clean_report(dataset))
    second = scrutiny_data.publish(load(dataset.path), tmp_path / "b", report=clean_report(dataset))
    assert _checksums(tmp_path / "a") == _checksums(tmp_path / "b")
    assert first.files == second.files
    again = scrutiny_data.publish(dataset, tmp_path / "a", report=clean_report(dataset))
    assert again.files == first.files


def test_a_failure_leaves_the_previous_output_untouched(dataset, tmp_path, monkeypatch) -> None:
    scrutiny_data.publish(dataset, tmp_path / "out", report=clean_report(dataset))
    before = _checksums(tmp_path / "out")

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("disk full")

    for writer in ("write_oparl", "ckan_payload"):
        monkeypatch.setattr(publisher_module, writer, broken)
        with pytest.raises(RuntimeError, match="disk full"):
            scrutiny_data.publish(dataset, tmp_path / "out", report=clean_report(dataset), version="9.9.9")
        monkeypatch.undo()
        assert _checksums(tmp_path / "out") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "thurrock-test"]


def test_refuses_to_replace_the_dataset_or_a_foreign_directory(dataset, tmp_path) -> None:
    with pytest.raises(ScrutinyDataError, match="would replace the dataset"):
        scrutiny_data.publish(dataset, dataset.path, report=clean_report(dataset))
    with pytest.raises(ScrutinyDataError, match="would replace the dataset"):
        scrutiny_data.publish(dataset, tmp_path, report=clean_report(dataset))
    foreign = tmp_path / "home"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ScrutinyDataError, match="not an earlier publication"):
        scrutiny_data.publish(dataset, foreign, report=clean_report(dataset))
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_waivers_travel_with_the_data(tmp_path) -> None:
    package = write_package(tmp_path / "pkg", TABLES)
    waivers = "waivers:\n  - code: total-mismatch\n    record_id: c-total\n    reason: printed so\n"
    (package / "waivers.yaml").write_text(waivers, encoding="utf-8")
    dataset = load(package)
    scrutiny_data.publish(dataset, tmp_path / "out", report=clean_report(dataset))
    assert (tmp_path / "out" / "waivers.yaml").read_text(encoding="utf-8") == waivers
