"""The CLI's error path: one line, never a traceback, unless --debug asks for it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import scrutiny_data.cli as cli
from scrutiny_data import ScrutinyDataError
from scrutiny_data.cli import EXIT_INTERNAL, EXIT_UNREADABLE, main


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom\nsecond line")


def test_internal_error_is_one_line_and_exit_3(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(cli, "load", _boom)
    result = CliRunner().invoke(main, ["info", str(tmp_path)])
    assert result.exit_code == EXIT_INTERNAL == 3
    assert result.stdout == ""
    assert result.stderr == ("internal error: RuntimeError: boom\\nsecond line (a bug in scrutiny-data; rerun with "
                             "--debug for the traceback and report it)\n")


def test_debug_lets_the_exception_through(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(cli, "load", _boom)
    result = CliRunner().invoke(main, ["--debug", "info", str(tmp_path)])
    assert isinstance(result.exception, RuntimeError)


def test_debug_shows_unreadable_input_as_the_exception(tmp_path) -> None:
    missing = CliRunner().invoke(main, ["--debug", "info", str(tmp_path / "missing")])
    assert isinstance(missing.exception, ScrutinyDataError)


def test_usage_errors_stay_with_click(tmp_path) -> None:
    result = CliRunner().invoke(main, ["info"])
    assert result.exit_code == 2 and "Missing argument" in result.stderr
    assert CliRunner().invoke(main, ["info", "--help"]).exit_code == 0


@pytest.mark.parametrize("name", ["evil\nname", "bell\x07\x1b[31mred", "tab\there"])
def test_hostile_file_names_stay_on_one_line(tmp_path, name) -> None:
    result = CliRunner().invoke(main, ["info", str(tmp_path / name)])
    assert result.exit_code == EXIT_UNREADABLE
    assert result.stderr.count("\n") == 1 and "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert result.stderr.endswith(": no such file or directory\n")


def test_directory_without_descriptor(tmp_path) -> None:
    result = CliRunner().invoke(main, ["info", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (2, f"error: {tmp_path}: directory has no datapackage.json\n")


def test_deeply_nested_descriptor_is_a_clean_error(tmp_path) -> None:
    (tmp_path / "datapackage.json").write_text("[" * 200_000, encoding="utf-8")
    result = CliRunner().invoke(main, ["info", str(tmp_path)])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(f"error: {tmp_path}/datapackage.json: not valid JSON")


def test_error_message_is_one_line_even_from_the_library() -> None:
    error = ScrutinyDataError("bad\r\nthing", path="a\nb.csv", row=3, field="x\x1b")
    assert str(error) == "a\\nb.csv, row 3, field 'x\\x1b': bad\\r\\nthing"
    assert error.reason == "bad\r\nthing" and error.row == 3


def test_file_name_too_long_is_a_clean_error(tmp_path) -> None:
    result = CliRunner().invoke(main, ["info", str(tmp_path / ("a" * 5000))])
    assert result.exit_code == EXIT_UNREADABLE
    assert result.stderr.endswith(": File name too long\n") and result.stderr.count("\n") == 1


def test_info_points_at_read_problems(package) -> None:
    result = CliRunner().invoke(main, ["info", str(package(meetings="ragged-short-row.csv"))])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].startswith("read findings: 1 (ragged rows")
