"""RecordLocator: the CSV file and line of a finding's record, counting line breaks inside values."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from scrutiny_data.dataset import load
from scrutiny_data.report.locate import RecordLocator, display_path, record_lines
from scrutiny_data.validate.findings import Finding, Severity

from ..conftest import write_package

COMPLAINTS = (
    "id,category,count,source_id,source_line\n"
    "c-1,complaint_stage1,5,003,10\n"
    'c-2,"complaint\nstage2",6,003,11\n'
    "c-3,complaint_stage3,7,003,12\n"
)


def test_record_lines_count_embedded_newlines(tmp_path: Path) -> None:
    pkg = write_package(tmp_path / "pkg", {"complaints": COMPLAINTS})
    raw = load(pkg).raw["complaints"]
    assert record_lines("complaints", raw, ["c-1", "c-2", "c-3", "c-9"]) == {"c-1": 2, "c-2": 3, "c-3": 5}


def test_composite_keys_join_with_a_slash() -> None:
    raw = pl.DataFrame({"meeting_id": ["m-1", "m-1"], "person_id": ["a", "b"], "status": ["present", "absent"]})
    assert record_lines("attendance", raw, ["m-1/b"]) == {"m-1/b": 3}
    assert record_lines("no-such-resource", raw, ["m-1/b"]) == {}


def test_locator_for_dataset(tmp_path: Path) -> None:
    pkg = write_package(tmp_path / "pkg", {"complaints": COMPLAINTS})
    findings = [Finding("total-mismatch", Severity.error, "complaints", "c-3", "count", "m"),
                Finding("total-mismatch", Severity.error, "complaints", "c-gone", "count", "m"),
                Finding("stale-waiver", Severity.warning, "waivers", None, None, "m")]
    locate = RecordLocator.for_dataset(load(pkg), findings, base=tmp_path)
    assert locate(findings[0]) == ("pkg/data/complaints.csv", 5)
    assert locate(findings[1]) == ("pkg/data/complaints.csv", None)
    assert locate(findings[2]) is None


def test_display_path_outside_base_is_absolute(tmp_path: Path) -> None:
    assert display_path(tmp_path / "a" / "b.csv", tmp_path) == "a/b.csv"
    assert display_path(tmp_path / "b.csv", tmp_path / "a") == (tmp_path / "b.csv").resolve().as_posix()
