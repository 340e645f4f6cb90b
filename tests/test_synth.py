"""The synthetic generator: seeded, valid against the models, consistent, and its planted errors found."""

from __future__ import annotations

import json

import polars as pl
import pytest
from click.testing import CliRunner

from scrutiny_data.cli import main
from scrutiny_data.dataset import load
from scrutiny_data.models import RESOURCES
from scrutiny_data.schema import pandera_schema
from scrutiny_data.synth import PLANTS, generate, match_planted, write
from scrutiny_data.validate import validate

FAMILIES = {"schema", "totals", "ratios", "dates", "meetings", "entities", "periods"}


@pytest.fixture(scope="module")
def clean():
    return generate(councils=3, years=3, seed=11, errors=0)[0]


@pytest.fixture(scope="module")
def planted():
    return generate(councils=3, years=2, seed=4, errors=2 * len(PLANTS))


def test_same_seed_gives_the_same_data_and_another_seed_does_not():
    first, manifest = generate(2, 2, seed=5, errors=len(PLANTS))
    again, manifest_again = generate(2, 2, seed=5, errors=len(PLANTS))
    other, _ = generate(2, 2, seed=6, errors=len(PLANTS))
    assert manifest == manifest_again
    assert set(first.raw) == set(again.raw)
    for name in first.raw:
        assert first.raw[name].equals(again.raw[name]), name
    assert not first.raw["attendance"].equals(other.raw["attendance"])


def test_every_resource_the_generator_fills_passes_its_pandera_schema(clean):
    filled = [name for name in RESOURCES if clean.tables[name].height]
    assert set(filled) == {
        "sources",
        "committees",
        "people",
        "memberships",
        "meetings",
        "attendance",
        "declarations",
        "resolutions",
        "reports",
        "complaints",
        "kpis",
        "budget_lines",
    }
    for name in filled:
        pandera_schema(RESOURCES[name]).validate(clean.tables[name], lazy=True)
        raw, typed = clean.raw[name], clean.tables[name]
        unparsed = raw.select((pl.col(c).is_not_null() & typed[c].is_null()).sum() for c in raw.columns)
        assert unparsed.sum_horizontal().item() == 0, name


def test_breakdowns_and_months_add_up_in_clean_data(clean):
    complaints = clean.tables["complaints"]
    sums = complaints.filter(pl.col("part_of").is_not_null()).group_by("part_of").agg(pl.col("count").sum())
    totals = sums.join(complaints.select(pl.col("id").alias("part_of"), pl.col("count").alias("total")), on="part_of")
    assert totals.height == sums.height > 0
    assert totals.filter(pl.col("count") != pl.col("total")).height == 0
    monthly = complaints.filter(pl.col("period_start").dt.month_end() == pl.col("period_end"))
    by_year = monthly.group_by("source_id", "category").agg(pl.col("count").sum(), pl.len())
    assert set(by_year["len"].to_list()) == {12}
    years = complaints.filter((pl.col("breakdown") == "none") & pl.col("part_of").is_not_null())
    paired = by_year.join(
        years.select("source_id", "category", pl.col("count").alias("year")), on=["source_id", "category"]
    )
    assert paired.height == by_year.height and (paired["count"] == paired["year"]).all()
    budget = clean.tables["budget_lines"]
    lines = budget.filter(pl.col("part_of").is_not_null()).group_by("part_of").agg(pl.col("amount_gbp").sum())
    checked = lines.join(
        budget.select(pl.col("id").alias("part_of"), pl.col("amount_gbp").alias("total")), on="part_of"
    )
    assert checked.height == lines.height and (checked["amount_gbp"] == checked["total"]).all()


def test_clean_meetings_are_consistent(clean):
    att, meetings = clean.tables["attendance"], clean.tables["meetings"]
    subs = att.filter(pl.col("substitute_for").is_not_null()).join(
        att.select("meeting_id", pl.col("person_id").alias("substitute_for"), pl.col("status").alias("replaced")),
        on=["meeting_id", "substitute_for"],
    )
    assert subs.height > 0 and set(subs["replaced"].to_list()) == {"apologies"}
    present = att.filter(pl.col("status") == "present").group_by("meeting_id").len()
    assert present["len"].min() >= 4
    notice = meetings.select((pl.col("date") - pl.col("agenda_published")).dt.total_days())
    assert notice.to_series().min() >= 14
    assert (meetings["date"].dt.weekday() <= 4).all()


def test_planted_errors_cover_every_family_and_name_their_records(planted):
    _dataset, manifest = planted
    assert manifest["errors"] == len(manifest["planted"]) == 2 * len(PLANTS)
    assert {entry["family"] for entry in manifest["planted"]} == FAMILIES
    assert {entry["family"] for entry in generate(1, 1, seed=2, errors=7)[1]["planted"]} == FAMILIES
    records = [(entry["code"], entry["record_id"]) for entry in manifest["planted"]]
    assert len(set(records)) == len(records)


def test_the_validator_finds_nothing_in_clean_data(clean):
    assert [(f.code, f.record_id) for f in validate(clean).findings] == []


def test_the_validator_finds_each_planted_error_at_its_record_and_nothing_else(planted):
    dataset, manifest = planted
    matched = match_planted(manifest, validate(dataset).findings)
    assert [(e["code"], e["record_id"]) for e in matched["missing"]] == []
    assert matched["unexpected"] == []


def test_written_package_keeps_unparseable_planted_values(tmp_path):
    manifest = write(tmp_path / "pkg", councils=2, years=1, seed=8, errors=len(PLANTS))
    on_disk = json.loads((tmp_path / "pkg" / "planted-errors.json").read_text(encoding="utf-8"))
    assert on_disk == manifest
    matched = match_planted(manifest, validate(load(tmp_path / "pkg")).findings)
    assert [(e["code"], e["record_id"]) for e in matched["missing"]] == []


def test_more_errors_than_records_is_refused():
    with pytest.raises(ValueError, match="too many planted"):
        generate(1, 1, seed=1, errors=len(PLANTS) * 40)


def test_synth_command_writes_package_and_manifest(tmp_path):
    result = CliRunner().invoke(
        main,
        ["synth", "--councils", "1", "--years", "1", "--seed", "3", "--errors", "7", "--out", str(tmp_path / "out")],
    )
    assert result.exit_code == 0, result.output
    assert "7 planted errors" in result.output
    manifest = json.loads((tmp_path / "out" / "planted-errors.json").read_text(encoding="utf-8"))
    assert manifest["errors"] == 7 and manifest["councils"] == 1
    assert load(tmp_path / "out").tables["attendance"].height == manifest["rows"]["attendance"]
