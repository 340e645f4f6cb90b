"""Converting a CSV package to Parquet one resource at a time, then validating the Parquet in batches."""

from __future__ import annotations

import json

import polars as pl
import pytest
from click.testing import CliRunner

from scrutiny_data.cli import main
from scrutiny_data.convert import TEXT_RULES, convert_to_parquet
from scrutiny_data.dataset import load
from scrutiny_data.synth import PLANTS, write
from scrutiny_data.validate import validate
from scrutiny_data.validate.batches import validate_parquet
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    directory = tmp_path_factory.mktemp("csv")
    write(directory, councils=3, years=1, seed=5, errors=len(PLANTS))
    return directory


def _keys(findings):
    return {(f.code, f.resource, f.record_id, f.field, f.message) for f in findings}


def test_conversion_and_the_parquet_find_what_the_csv_finds(package, tmp_path):
    converted = convert_to_parquet(package, tmp_path / "parquet")
    batched = validate_parquet(tmp_path / "parquet", publishers_per_batch=1, waivers=[])
    whole = validate(load(package), waivers=[])
    assert {f.code for f in converted.findings} == TEXT_RULES  # the planted text that does not parse
    assert _keys(converted.findings) | _keys(batched.findings) == _keys(whole.findings)
    assert converted.records == batched.records == whole.records


def test_values_that_do_not_parse_are_null_in_the_parquet(package, tmp_path):
    converted = convert_to_parquet(package, tmp_path / "parquet")
    wrong = next(f for f in converted.findings if f.code == "type-error")
    frame = pl.read_parquet(tmp_path / "parquet" / f"{wrong.resource}.parquet")
    key = "id" if "id" in frame.columns else frame.columns[0]
    assert frame.filter(pl.col(key) == wrong.record_id).get_column(wrong.field).to_list() == [None]
    assert not converted.ok


def test_waivers_come_along_and_progress_is_reported(tmp_path):
    seen = []
    converted = convert_to_parquet(BUNDLED, tmp_path / "parquet", progress=lambda name, rows: seen.append(name))
    assert converted.ok and not converted.findings
    assert (tmp_path / "parquet" / "waivers.yaml").read_bytes() == (BUNDLED / "waivers.yaml").read_bytes()
    report = validate_parquet(tmp_path / "parquet")
    assert report.ok and report.waived == 8
    assert seen[0] == "sources" and len(seen) == 16


def test_unknown_resources_are_left_out(package, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    descriptor = json.loads((package / "datapackage.json").read_text())
    (copy / "notes.csv").write_text("a,b\n1,2\n")
    descriptor["resources"] = [{"name": "notes", "path": "notes.csv"}]
    (copy / "datapackage.json").write_text(json.dumps(descriptor))
    converted = convert_to_parquet(copy, tmp_path / "parquet")
    assert not (tmp_path / "parquet" / "notes.parquet").exists()
    assert converted.records == 0 and pl.read_parquet(tmp_path / "parquet" / "kpis.parquet").height == 0


def test_cli_lists_lost_values_and_exits_1(package, tmp_path):
    result = CliRunner().invoke(main, ["convert", str(package), "--out", str(tmp_path / "parquet")])
    assert result.exit_code == 1, result.output
    assert "type-error" in result.output and "converted kpis" in result.output
    assert (tmp_path / "parquet" / "kpis.parquet").is_file()


def test_cli_unreadable_input_exits_2_and_keeps_the_old_output(package, tmp_path):
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(package, broken)
    (broken / "data" / "kpis.csv").unlink()  # read after several resources are already converted
    out = tmp_path / "parquet"
    out.mkdir()
    (out / "kept.parquet").write_bytes(b"old")
    result = CliRunner().invoke(main, ["convert", str(broken), "--out", str(out)])
    assert result.exit_code == 2 and "kpis.csv" in result.output
    assert [p.name for p in out.iterdir()] == ["kept.parquet"] and (out / "kept.parquet").read_bytes() == b"old"
