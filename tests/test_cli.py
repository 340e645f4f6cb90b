"""The CLI: help that teaches, real commands only, exit code 2 for unreadable input."""

from __future__ import annotations

import json

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


def _parquet_package(directory):
    from scrutiny_data.dataset import load
    from scrutiny_data.publish.parquet import parquet_bytes

    from .conftest import BUNDLED

    dataset = load(BUNDLED)
    directory.mkdir()
    for name, frame in dataset.tables.items():
        (directory / f"{name}.parquet").write_bytes(parquet_bytes(name, frame, dataset_name=dataset.name, version="1"))
    return directory


def test_validate_parquet_in_batches_prints_the_same_report(tmp_path, seeds, monkeypatch) -> None:
    import scrutiny_data.cli

    package = _parquet_package(tmp_path / "parquet")
    runner = CliRunner()
    monkeypatch.setattr(scrutiny_data.cli, "PROGRESS_AFTER_SECONDS", float("inf"))  # a slow machine stays quiet
    for report_format in ("terminal", "json", "github"):
        arguments = ["validate", str(package), "-f", report_format, "--sources", str(seeds)]
        whole = runner.invoke(main, [*arguments, "--batch-publishers", "0"])
        batched = runner.invoke(main, [*arguments, "--batch-publishers", "1"])
        assert whole.exit_code == batched.exit_code == 1, batched.output
        assert batched.stdout == whole.stdout and batched.stderr == whole.stderr
    monkeypatch.setattr(scrutiny_data.cli, "PROGRESS_AFTER_SECONDS", 0.0)
    batched = runner.invoke(main, ["validate", str(package), "-f", "json"])
    assert batched.stdout == runner.invoke(main, ["validate", str(package), "-f", "json"]).stdout
    steps = [line.removeprefix(f"validating {package}: ").removesuffix(" steps done").split("/")
             for line in batched.stderr.splitlines()]
    assert steps == [[str(done), steps[0][1]] for done in range(1, len(steps) + 1)] and steps[-1][0] == steps[-1][1]


def test_published_parquet_copy_uses_the_package_waivers(tmp_path) -> None:
    import shutil

    from .conftest import BUNDLED

    # `publish` writes waivers.yaml at the package's top and the Parquet files in parquet/ below it.
    (tmp_path / "published").mkdir()
    package = _parquet_package(tmp_path / "published" / "parquet")
    shutil.copyfile(BUNDLED / "waivers.yaml", tmp_path / "published" / "waivers.yaml")
    runner = CliRunner()
    for batches in ("0", "50"):
        result = runner.invoke(main, ["validate", str(package), "-f", "json", "--batch-publishers", batches])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["summary"]["waived"] == 8
