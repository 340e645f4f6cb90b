"""Batched validation of Parquet input: the same report as validating the whole package at once."""

from __future__ import annotations

import pytest

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
