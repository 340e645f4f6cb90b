"""Parquet files hold exactly the CSV's data, with proper types, the Table Schema and the version."""

from __future__ import annotations

import json

import polars as pl
import pyarrow
import pyarrow.parquet as pq
import pytest

from scrutiny_data import ScrutinyDataError, load
from scrutiny_data.dataset import csv_bytes
from scrutiny_data.models import RESOURCES
from scrutiny_data.publish.parquet import load_parquet, parquet_bytes
from scrutiny_data.schema import table_schema


@pytest.mark.parametrize("resource", list(RESOURCES))
def test_parquet_reads_back_as_the_csv(published, resource) -> None:
    _, result = published
    csv = (result.out_dir / "data" / f"{resource}.csv").read_bytes()
    path = result.out_dir / "parquet" / f"{resource}.parquet"
    assert csv_bytes(pl.read_parquet(path)) == csv
    assert csv_bytes(pl.from_arrow(pq.read_table(path))) == csv
    assert pq.read_metadata(path).row_group(0).column(0).compression == "ZSTD"


def test_every_fixture_resource_has_rows(published) -> None:
    dataset, _ = published
    assert all(dataset[name].height for name in RESOURCES)


def test_parquet_metadata_and_arrow_types(published) -> None:
    _, result = published
    path = result.out_dir / "parquet" / "meetings.parquet"
    schema = pq.read_schema(path)
    meta = schema.metadata
    assert json.loads(meta[b"frictionless:table_schema"]) == table_schema(RESOURCES["meetings"])
    assert meta[b"scrutiny_data:dataset_version"] == b"1.2.0"
    assert meta[b"scrutiny_data:resource"] == b"meetings"
    assert schema.field("date").type == pyarrow.date32()
    assert schema.field("date").nullable is False
    assert schema.field("source_line").type == pyarrow.int64()
    assert schema.field("source_page").type == pyarrow.int64()
    assert schema.field("venue").type == pyarrow.string()
    assert schema.field("date").metadata[b"description"] == b"Date of the meeting."
    kpis = pq.read_schema(result.out_dir / "parquet" / "kpis.parquet")
    assert kpis.field("value").type == pyarrow.float64()
    assert pq.read_schema(result.out_dir / "parquet" / "reports.parquet").field("key_decision").type == pyarrow.bool_()


def test_required_column_with_nulls_is_written_nullable() -> None:
    from scrutiny_data.dataset import typed

    frame = typed("meetings", pl.DataFrame({"id": ["m"], "date": ["2022-02-31"]}))
    data = parquet_bytes("meetings", frame, dataset_name="x", version="1")
    schema = pq.read_schema(pyarrow.BufferReader(data))
    assert (schema.field("id").nullable, schema.field("date").nullable) == (False, True)


def test_load_reads_a_parquet_directory_like_the_csv_package(published, tmp_path) -> None:
    dataset, result = published
    import shutil

    copy = tmp_path / "only-parquet"
    shutil.copytree(result.out_dir / "parquet", copy / "parquet")
    for path in (copy, copy / "parquet"):
        from_parquet = load(path)
        assert from_parquet.name == "thurrock-test"
        assert from_parquet.descriptor["version"] == "1.2.0"
        for name in RESOURCES:
            assert from_parquet[name].equals(dataset[name]), name
            assert from_parquet.raw[name].schema == pl.Schema({c: pl.String for c in dataset[name].columns})
    assert load(copy).raw["meetings"]["date"].to_list() == ["2021-11-09", "2022-01-18"]
    # A published directory keeps loading from its datapackage.json.
    assert load(result.out_dir).descriptor["version"] == "1.2.0"


def test_load_parquet_fills_missing_resources_and_refuses_garbage(tmp_path) -> None:
    (tmp_path / "people.parquet").write_bytes(
        parquet_bytes("people", pl.DataFrame({"id": ["a"], "name": ["A"], "kind": ["other"]}).with_columns(
            source_id=pl.lit("0"), source_line=pl.lit(1)), dataset_name="x", version="1"))
    dataset = load(tmp_path)
    assert dataset["people"]["source_page"].to_list() == [None]
    assert dataset["kpis"].height == 0
    (tmp_path / "kpis.parquet").write_bytes(b"not parquet")
    with pytest.raises(ScrutinyDataError, match="kpis.parquet.*not a readable Parquet file"):
        load_parquet(tmp_path)
    with pytest.raises(ScrutinyDataError, match="no Parquet files"):
        load_parquet(tmp_path / "nothing")
