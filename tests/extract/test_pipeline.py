"""The pipeline: report ids by position, validation, dedupe, sorting, writing; errors for bad input."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from scrutiny_data.cli import EXIT_UNREADABLE, main
from scrutiny_data.errors import ScrutinyDataError
from scrutiny_data.extract import extract_to
from scrutiny_data.extract.figures_bridge import attach_reports
from scrutiny_data.extract.pipeline import assemble, source_paths


def test_attach_reports_by_section() -> None:
    sections = pl.DataFrame({"source_id": ["001", "001", "002"], "first_line": [100, 200, 50],
                             "last_line": [180, 300, 60], "report_id": ["r1", "r2", "r3"]})
    rows = [{"source_id": "001", "source_line": line} for line in (99, 100, 150, 190, 250, 301)]
    rows.append({"source_id": "002", "source_line": 55})
    assert [row["report_id"] for row in attach_reports(rows, sections)] == [None, "r1", "r1", None, "r2", None, "r3"]


def _resolution(seq: int, line: int, text: str = "That it was noted.") -> dict:
    return {"meeting_id": "c-2022-02-08", "minute_number": "9", "seq": seq, "text": text, "outcome": "resolved",
            "source_id": "000", "source_line": line}


def test_assemble_dedupes_on_key_and_sorts() -> None:
    frame = assemble("resolutions", [_resolution(2, 30), _resolution(1, 20), _resolution(1, 25, "Later copy.")])
    assert frame.select("seq", "text", "source_line").rows() == [
        ("1", "That it was noted.", "20"), ("2", "That it was noted.", "30")]


def test_assemble_fails_loudly_on_a_row_the_contract_rejects() -> None:
    with pytest.raises(ValueError, match="resolutions row from source 000 line 20"):
        assemble("resolutions", [{**_resolution(1, 20), "outcome": "maybe"}])


def test_source_paths(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    assert [p.name for p in source_paths([tmp_path])] == ["a.txt", "b.txt"]
    with pytest.raises(ScrutinyDataError, match="no such file"):
        source_paths([tmp_path / "missing.txt"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ScrutinyDataError, match="no source documents"):
        source_paths([empty])


def test_extract_to_keeps_hand_written_files(tmp_path: Path) -> None:
    paper = tmp_path / "papers" / "007_minutes.txt"
    paper.parent.mkdir()
    paper.write_text("Minutes of the Meeting of the Borough Committee held on 1 February 2017 at 7.00 pm\n\n"
                     "Present: Councillors Ann Bell (Chair) and Carl Dunn\n\n1. Minutes\n\n"
                     "The meeting finished at 8.45 pm\n", encoding="utf-8")
    out = tmp_path / "dataset"
    out.mkdir()
    (out / "waivers.yaml").write_text("waivers: []\n", encoding="utf-8")
    dataset = extract_to([paper.parent], out)
    assert (out / "waivers.yaml").read_text(encoding="utf-8") == "waivers: []\n"
    assert (out / "datapackage.json").is_file()
    assert dataset["meetings"].select("id", "start_time", "end_time").rows() == [
        ("thurrock-childrens-services-osc-2017-02-01", "19:00", "20:45")]
    assert dataset["attendance"].select("person_id", "role_at_meeting").rows() == [
        ("ann-bell", "Chair"), ("carl-dunn", None)]
    assert dataset["memberships"].select("person_id", "municipal_year", "role").rows() == [
        ("ann-bell", "2016/17", "chair"), ("carl-dunn", "2016/17", "member")]


def test_cli_extract_reports_counts_and_unreadable_input(tmp_path: Path) -> None:
    paper = tmp_path / "001_x.txt"
    paper.write_text("The meeting will be held at 7.00 pm on 11 July 2017\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(paper), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "meetings                1 rows" in result.output
    assert "reading 001" in result.output
    bad = tmp_path / "002_bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    result = runner.invoke(main, ["extract", str(bad), "--out", str(tmp_path / "out2")])
    assert result.exit_code == EXIT_UNREADABLE
    assert "not UTF-8" in result.output
