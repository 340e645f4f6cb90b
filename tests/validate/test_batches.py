"""Batched validation of Parquet input: the same report as validating the whole package at once."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutiny_data.errors import ScrutinyDataError
from scrutiny_data.publish.parquet import load_parquet, parquet_bytes
from scrutiny_data.synth import PLANTS, generate
from scrutiny_data.validate import validate
from scrutiny_data.validate.batches import GLOBAL_RULES, validate_parquet


@pytest.fixture(scope="module")
def parquet_dir(tmp_path_factory):
    dataset, _ = generate(councils=4, years=2, seed=7, errors=2 * len(PLANTS))
    directory = tmp_path_factory.mktemp("parquet")
    for name, frame in dataset.tables.items():
        (directory / f"{name}.parquet").write_bytes(parquet_bytes(name, frame, dataset_name="synth", version="1"))
    return directory


@pytest.mark.parametrize("per_batch", [1, 3, 50])
def test_batches_give_the_whole_package_report(parquet_dir, per_batch):
    whole = validate(load_parquet(parquet_dir), waivers=[])
    batched = validate_parquet(parquet_dir, publishers_per_batch=per_batch, waivers=[])
    assert batched.to_dict() == whole.to_dict()
    assert batched.records == whole.records
    codes = {finding.code for finding in batched.findings}
    assert codes & GLOBAL_RULES and codes - GLOBAL_RULES  # both halves found something


def test_a_directory_without_parquet_is_refused(tmp_path):
    with pytest.raises(ScrutinyDataError, match="no Parquet files"):
        validate_parquet(tmp_path)


KEY_RULES = {"duplicate-key", "foreign-key"}


def _key_rules_only():
    from scrutiny_data.validate.config import ValidationConfig
    from scrutiny_data.validate.registry import RULES

    return ValidationConfig(skip=frozenset(RULES) - KEY_RULES)


def _write(directory, tables):
    directory.mkdir()
    for name, frame in tables.items():
        (directory / f"{name}.parquet").write_bytes(parquet_bytes(name, frame, dataset_name="synth", version="1"))
    return directory


@pytest.fixture(scope="module")
def small_tables():
    dataset, _ = generate(councils=3, years=1, seed=11)
    return dataset.tables


def test_foreign_keys_fit_batches_with_todays_models():
    from scrutiny_data.validate.batches import FOREIGN_KEYS_IN_BATCHES

    assert FOREIGN_KEYS_IN_BATCHES


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_references_and_keys_across_publishers_agree_with_the_whole_package(tmp_path_factory, small_tables, data):
    """Rewired references (to other publishers' rows or to none) and keys repeated across publishers."""
    import polars as pl

    tables = dict(small_tables)
    meeting_ids = tables["meetings"].get_column("id").to_list()
    people_ids = tables["people"].get_column("id").to_list()
    attendance = tables["attendance"]
    rows = data.draw(st.lists(st.integers(0, attendance.height - 1), min_size=1, max_size=6, unique=True))
    targets = data.draw(st.lists(st.sampled_from([*meeting_ids, "no-such-meeting"]), min_size=len(rows),
                                 max_size=len(rows)))
    tables["attendance"] = attendance.with_columns(meeting_id=pl.Series(
        [targets[rows.index(i)] if i in rows else m for i, m in enumerate(attendance.get_column("meeting_id"))]))
    # Repeat a few people (same key, any publisher's source) and drop some people others refer to.
    people = tables["people"]
    repeats = data.draw(st.lists(st.integers(0, people.height - 1), max_size=4))
    dropped = data.draw(st.lists(st.sampled_from(people_ids), max_size=3, unique=True))
    repeated = people[repeats].with_columns(source_id=pl.lit(tables["sources"].get_column("id")[0]))
    tables["people"] = pl.concat([people, repeated]).filter(~pl.col("id").is_in(dropped))
    directory = _write(tmp_path_factory.mktemp("rewired") / "parquet", tables)
    config = _key_rules_only()
    whole = validate(load_parquet(directory), waivers=[], config=config)
    batched = validate_parquet(directory, publishers_per_batch=1, waivers=[], config=config)
    assert batched.to_dict() == whole.to_dict()
    if "no-such-meeting" in targets:
        assert any(f.code == "foreign-key" and f.actual == "no-such-meeting" for f in batched.findings)


def test_progress_reports_every_step(parquet_dir):
    seen = []
    validate_parquet(parquet_dir, publishers_per_batch=2, waivers=[], progress=lambda done, total: seen.append((done, total)))
    total = seen[-1][1]
    assert seen == [(step, total) for step in range(1, total + 1)]


def test_zero_publishers_a_batch_is_one_batch(parquet_dir):
    whole = validate(load_parquet(parquet_dir), waivers=[])
    assert validate_parquet(parquet_dir, publishers_per_batch=0, waivers=[]).to_dict() == whole.to_dict()
    with pytest.raises(ValueError, match="negative"):
        validate_parquet(parquet_dir, publishers_per_batch=-1)


def test_batches_read_only_their_spans_and_still_match_when_rows_are_scattered(tmp_path):
    """Rows of a publisher spread through small row groups: each batch's span covers them all."""
    import polars as pl
    import pyarrow.parquet as pq

    from scrutiny_data.publish.parquet import _arrow_table

    dataset, _ = generate(councils=4, years=1, seed=3, errors=len(PLANTS))
    for name, frame in dataset.tables.items():
        # Shuffled, so a batch's rows are scattered, and in row groups of 5 rows, so spans skip groups.
        shuffled = frame.sample(fraction=1.0, shuffle=True, seed=1) if name == "attendance" else frame
        pq.write_table(_arrow_table(name, shuffled), tmp_path / f"{name}.parquet", row_group_size=5)
    whole = validate(load_parquet(tmp_path), waivers=[])
    batched = validate_parquet(tmp_path, publishers_per_batch=1, waivers=[])
    assert batched.to_dict() == whole.to_dict()
    assert pl.read_parquet(tmp_path / "attendance.parquet").height == dataset.tables["attendance"].height


def test_spans_are_each_batchs_first_and_last_row():
    import polars as pl

    from scrutiny_data.validate.batches import _spans

    attendance = pl.LazyFrame({"source_id": ["a", "b", "a", None, "c", "b", "zz"]})
    batch_of = pl.DataFrame({"id": ["a", "b", "c"], "_batch": [0, 1, 1]}, schema={"id": pl.String, "_batch": pl.UInt32})
    spans = _spans({"attendance": attendance, "committees": pl.LazyFrame({"id": ["x", "y"]})}, batch_of, unknown=2)
    # Batch 1 holds b and c (rows 1 to 5); rows of no known source (None, "zz") and a resource without
    # source_id go to the last batch.
    assert spans == [{"attendance": (0, 2)}, {"attendance": (1, 5)},
                     {"attendance": (3, 6), "committees": (0, 1)}]
