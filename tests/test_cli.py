"""The CLI: help that teaches, real commands only, exit code 2 for unreadable input."""

from __future__ import annotations

from click.testing import CliRunner

from scrutiny_data import __version__
from scrutiny_data.cli import main

from .conftest import write_package

MEETINGS = "id,committee_id,date,municipal_year,status,source_id,source_line\nc-2022-01-01,c,2022-01-01,2021/22,held,0,1\n"


def test_version_and_help() -> None:
    runner = CliRunner()
    assert __version__ in runner.invoke(main, ["--version"]).output
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0 and "Exit codes" in result.output


def test_info_lists_rows(tmp_path) -> None:
    pkg = write_package(tmp_path / "pkg", {"meetings": MEETINGS})
    result = CliRunner().invoke(main, ["info", str(pkg)])
    assert result.exit_code == 0, result.output
    assert "meetings" in result.output and "1 rows" in result.output


def test_unreadable_input_exits_2_with_one_line(tmp_path) -> None:
    result = CliRunner().invoke(main, ["info", str(tmp_path / "missing")])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "missing" in result.output and "Traceback" not in result.output


def test_schema_check_passes_on_committed_schemas(tmp_path) -> None:
    from .conftest import ROOT

    runner = CliRunner()
    assert runner.invoke(main, ["schema", "--check", "--dir", str(ROOT / "schemas")]).exit_code == 0
    assert runner.invoke(main, ["schema", "--check", "--dir", str(tmp_path)]).exit_code == 1
