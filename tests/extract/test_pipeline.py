"""The pipeline: report ids by position, validation, dedupe, sorting, writing; errors for bad input."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from scrutiny_data.cli import EXIT_UNREADABLE, main
from scrutiny_data.errors import ScrutinyDataError
from scrutiny_data.dataset import load
from scrutiny_data.extract import extract, extract_to
from scrutiny_data.extract.figures_bridge import attach_reports
from scrutiny_data.extract.pipeline import assemble


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


#: A hand-written package.yaml: the committee whose papers these are.
BOROUGH_PACKAGE = (
    "name: borough\ncommittee: {id: borough-osc, name: Borough Committee, body: Borough Council,\n"
    "  body_gss: E07000001, committee_type: overview_and_scrutiny}\n"
)


def test_a_directory_without_papers_is_unreadable_input(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    with pytest.raises(ScrutinyDataError, match="holds no PDF, HTML or text files"):
        extract([tmp_path])


def test_committee_minutes_in_a_pdf_take_the_seed_path_with_pages(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for text in ("Minutes of the Meeting of the Borough Committee held on 1 February 2017 at 7.00 pm", "",
                 "Present: Councillors Ann Bell (Chair) and Carl Dunn"):
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    for text in ("1. Minutes", "", "The meeting finished at 8.45 pm"):
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "007_minutes.pdf"
    pdf.output(str(path))
    # Without a package.yaml the paper names its own committee; nobody else's is assumed.
    assert extract([path])["meetings"]["id"].to_list() == ["borough-committee-2017-02-01"]
    (tmp_path / "package.yaml").write_text(BOROUGH_PACKAGE, encoding="utf-8")
    dataset = extract([path], mapping_dir=tmp_path)
    assert dataset["meetings"].select("id", "end_time", "source_page").rows() == [
        ("borough-osc-2017-02-01", "20:45", 1)]
    assert dataset["attendance"].select("person_id", "source_page").rows() == [("ann-bell", 1), ("carl-dunn", 1)]
    assert dataset["agenda_items"].select("number", "source_page").rows() == [("1", 2)]
    assert dataset["sources"].select("id", "kind").rows() == [("007", "pdf")]


def test_other_councils_minutes_beside_the_seeds_keep_their_own_committee(seeds: Path, tmp_path: Path) -> None:
    from tests.conftest import BUNDLED

    from .fixtures import pdfs

    paper = pdfs.kingsford(tmp_path)  # the seed parsers read its minutes heading too: the council named decides
    dataset = extract([seeds, paper], BUNDLED)
    bundled = load(BUNDLED)
    assert dataset["committees"].select("id", "body_gss").rows() == [
        ("kingsford-health-and-wellbeing-board", None), ("thurrock-childrens-services-osc", "E06000034")]
    meetings = dataset["meetings"]
    assert meetings.filter(pl.col("committee_id") == "kingsford-health-and-wellbeing-board")["id"].to_list() == [
        "kingsford-health-and-wellbeing-board-2024-01-17"]
    for resource in ("meetings", "attendance", "resolutions", "memberships"):
        seed_rows = dataset.raw[resource].filter(pl.col("source_id") != paper.stem)
        assert seed_rows.select(bundled.raw[resource].columns).equals(bundled.raw[resource]), resource
    kingsford = dataset["attendance"].filter(pl.col("source_id") == paper.stem)
    assert kingsford.height == 6 and kingsford["source_page"].to_list() == [1] * 6
    assert dataset["sources"].filter(pl.col("id") == paper.stem)["kind"].to_list() == ["pdf"]


def test_extract_to_keeps_hand_written_files(tmp_path: Path) -> None:
    paper = tmp_path / "papers" / "007_minutes.txt"
    paper.parent.mkdir()
    paper.write_text("Minutes of the Meeting of the Borough Committee held on 1 February 2017 at 7.00 pm\n\n"
                     "Present: Councillors Ann Bell (Chair) and Carl Dunn\n\n1. Minutes\n\n"
                     "The meeting finished at 8.45 pm\n", encoding="utf-8")
    out = tmp_path / "dataset"
    out.mkdir()
    (out / "waivers.yaml").write_text("waivers: []\n", encoding="utf-8")
    (out / "package.yaml").write_text(BOROUGH_PACKAGE, encoding="utf-8")
    dataset = extract_to([paper.parent], out)
    assert (out / "waivers.yaml").read_text(encoding="utf-8") == "waivers: []\n"
    assert (out / "package.yaml").read_text(encoding="utf-8") == BOROUGH_PACKAGE
    assert (out / "datapackage.json").is_file()
    assert dataset["meetings"].select("id", "start_time", "end_time").rows() == [
        ("borough-osc-2017-02-01", "19:00", "20:45")]
    assert dataset["attendance"].select("person_id", "role_at_meeting").rows() == [
        ("ann-bell", "Chair"), ("carl-dunn", None)]
    assert dataset["memberships"].select("person_id", "municipal_year", "role").rows() == [
        ("ann-bell", "2016/17", "chair"), ("carl-dunn", "2016/17", "member")]


def test_cli_extract_reports_counts_and_unreadable_input(tmp_path: Path) -> None:
    paper = tmp_path / "001_x.txt"
    paper.write_text("The meeting will be held at 7.00 pm on 11 July 2017\n", encoding="utf-8")
    runner = CliRunner()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "package.yaml").write_text(BOROUGH_PACKAGE, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(paper), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "meetings                1 rows" in result.output
    assert "reading 001" in result.output
    bad = tmp_path / "002_bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    result = runner.invoke(main, ["extract", str(bad), "--out", str(tmp_path / "out2")])
    assert result.exit_code == EXIT_UNREADABLE
    assert "not UTF-8" in result.output
