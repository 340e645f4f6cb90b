"""`scrutiny-data validate`: formats, --output, options passed to the engine, and exit codes 0/1/2."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

import scrutiny_data.validate as validate_package
from scrutiny_data.cli import main
from scrutiny_data.validate.findings import Report

from ..conftest import write_package
from .conftest import FINDINGS

SOURCE_TEXT = "Complaints\nTotal complaints received 90\n"
SHA = hashlib.sha256(SOURCE_TEXT.encode()).hexdigest()
COMPLAINTS = "id,category,count,source_id,source_line\nc-2021-22-total,complaint_stage1,90,003,2\n"


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A package whose sources table points at a real file in its sources/ directory."""
    sources = f"id,file_name,sha256,kind,source_id,source_line\n003,003_x.txt,{SHA},pdf_text,003,1\n"
    pkg = write_package(tmp_path / "pkg", {"sources": sources, "complaints": COMPLAINTS})
    (pkg / "sources").mkdir()
    (pkg / "sources" / "003_x.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    return pkg


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Stand in a fixed report for the engine; records what the command passed it."""
    calls: list[dict] = []

    def fake_validate(dataset, *, waivers=None, config=None) -> Report:
        calls.append({"dataset": dataset.name, "waivers": waivers, "config": config})
        has_errors = dataset.path is not None and dataset.path.name == "errors"
        return Report(dataset.name, [replace(FINDINGS[0], source_line=2)] if has_errors else [FINDINGS[3]], 2, 5)

    monkeypatch.setattr(validate_package, "validate", fake_validate, raising=False)
    return calls


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["validate", *args])
    return result.exit_code, result.stdout, result.stderr


def test_errors_exit_1_with_the_quoted_line(tmp_path: Path, package: Path, engine: list[dict]) -> None:
    errors = package.rename(tmp_path / "errors")
    code, out, _ = _run(str(errors))
    assert code == 1
    assert "The breakdown adds up to 88, but the total printed is 90." in out
    assert "> Total complaints received 90" in out


def test_warnings_only_exit_0(package: Path, engine: list[dict]) -> None:
    code, out, _ = _run(str(package), "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["warnings"] == 1


def test_options_reach_the_engine(package: Path, engine: list[dict], tmp_path: Path) -> None:
    waivers = tmp_path / "w.yaml"
    waivers.write_text("[]\n")
    code, _, _ = _run(str(package), "--quorum", "4", "--as-of", "2023-03-31", "--waivers", str(waivers))
    assert code == 0
    config = engine[0]["config"]
    assert (config.quorum, config.as_of, engine[0]["waivers"]) == (4, dt.date(2023, 3, 31), waivers)


def test_output_file_by_suffix(package: Path, engine: list[dict], tmp_path: Path) -> None:
    for name, check in (("r.json", lambda t: json.loads(t)["dataset"] == "pkg"),
                        ("r.xml", lambda t: ET.fromstring(t).tag == "testsuite"),
                        ("r.html", lambda t: t.startswith("<!DOCTYPE html>"))):
        code, out, err = _run(str(package), "--output", str(tmp_path / name))
        assert code == 0 and out == "" and err.startswith(f"wrote {tmp_path / name}: 0 errors, 1 warning")
        assert check((tmp_path / name).read_text(encoding="utf-8"))


def test_github_points_at_the_csv_line(tmp_path: Path, package: Path, engine: list[dict],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    errors = package.rename(tmp_path / "errors")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run("errors", "--format", "github")
    assert code == 1
    assert out.splitlines()[0].startswith("::error file=errors/data/complaints.csv,line=2,title=total-mismatch::")


def test_sha_mismatch_is_a_note_and_no_quote(tmp_path: Path, package: Path, engine: list[dict]) -> None:
    errors = package.rename(tmp_path / "errors")
    (errors / "sources" / "003_x.txt").write_text("edited\n", encoding="utf-8")
    code, out, err = _run(str(errors))
    assert code == 1 and "> Total complaints" not in out
    assert err.startswith("note: ") and "003_x.txt: SHA-256 differs from the sources table; not quoted" in err


def test_unreadable_input_exits_2(tmp_path: Path, engine: list[dict]) -> None:
    code, out, err = _run(str(tmp_path / "missing"))
    assert code == 2 and "Traceback" not in err
    assert err.strip().startswith("error:") and "missing" in err


def test_help_teaches_with_examples() -> None:
    result = CliRunner().invoke(main, ["validate", "--help"])
    assert result.exit_code == 0
    assert "scrutiny-data validate DATASET --format github" in result.output and "Exit codes" in result.output


# The real engine, end to end.

ENGINE_SOURCE = "Complaints\nStage 1 complaints 50\nStage 2 complaints 38\nTotal complaints received 90\n"
ENGINE_COMPLAINTS = (
    "id,period_start,period_end,category,breakdown,breakdown_value,count,part_of,stated,source_id,source_line\n"
    "c-total,2021-04-01,2022-03-31,complaint_stage1,none,,{total},,{total},003,4\n"
    "c-a,2021-04-01,2022-03-31,complaint_stage1,team,A,50,c-total,50,003,2\n"
    "c-b,2021-04-01,2022-03-31,complaint_stage1,team,B,38,c-total,38,003,3\n"
)


def _engine_package(directory: Path, total: int) -> Path:
    sha = hashlib.sha256(ENGINE_SOURCE.encode()).hexdigest()
    sources = f"id,file_name,sha256,kind,title,source_id,source_line\n003,003_x.txt,{sha},pdf_text,Complaints,003,1\n"
    pkg = write_package(directory, {"sources": sources, "complaints": ENGINE_COMPLAINTS.format(total=total)})
    (pkg / "sources").mkdir()
    (pkg / "sources" / "003_x.txt").write_text(ENGINE_SOURCE, encoding="utf-8")
    return pkg


def test_real_engine_clean_package_exits_0(tmp_path: Path) -> None:
    code, out, _ = _run(str(_engine_package(tmp_path / "clean", 88)), "--format", "json")
    assert code == 0, out
    assert json.loads(out)["ok"] is True and json.loads(out)["findings"] == []


def test_real_engine_error_exits_1_quoting_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _engine_package(tmp_path / "bad", 90)
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run("bad")
    assert code == 1
    assert "total-mismatch (1 error)" in out and "adds up to 88, but the total printed is 90" in out
    assert "> Total complaints received 90" in out
    code, out, _ = _run("bad", "--format", "github")
    assert code == 1
    assert out.startswith("::error file=bad/data/complaints.csv,line=2,title=total-mismatch::")


def test_real_engine_waived_error_exits_0(tmp_path: Path) -> None:
    pkg = _engine_package(tmp_path / "waived", 90)
    (pkg / "waivers.yaml").write_text(
        "- code: total-mismatch\n  record_id: c-total\n  reason: The paper's total includes two late complaints.\n",
        encoding="utf-8")
    code, out, _ = _run(str(pkg), "--format", "json")
    assert code == 0, out
    (finding,) = json.loads(out)["findings"]
    assert finding["waived"] is True and finding["waiver_reason"].startswith("The paper's total")


def test_real_engine_malformed_waivers_exit_2(tmp_path: Path) -> None:
    pkg = _engine_package(tmp_path / "w", 88)
    (pkg / "waivers.yaml").write_text("- just text\n", encoding="utf-8")
    code, _, err = _run(str(pkg))
    assert code == 2 and "waivers.yaml" in err and "Traceback" not in err
