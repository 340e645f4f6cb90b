"""Schemas derived from the models: deterministic, committed, and consistent with each other."""

from __future__ import annotations

import polars as pl
import pyarrow
import pytest
from frictionless import Schema

from scrutiny_data.models import MODELS, Record
from scrutiny_data.schema import (
    arrow_schema,
    field_specs,
    pandera_schema,
    polars_schema,
    schema_json,
    stale_schemas,
    table_schema,
)

from .conftest import ROOT


def test_committed_schemas_match_the_models() -> None:
    assert stale_schemas(ROOT / "schemas") == [], "run `scrutiny-data schema --write`"


def test_drift_is_detected(tmp_path) -> None:
    (tmp_path / "people.json").write_text("{}", encoding="utf-8")
    (tmp_path / "ghosts.json").write_text("{}", encoding="utf-8")
    stale = stale_schemas(tmp_path)
    assert "people" in stale and "ghosts" in stale and "meetings" in stale


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table.name)
def test_every_model_exports_a_valid_table_schema(model: type[Record]) -> None:
    schema = table_schema(model)
    report = Schema.validate_descriptor(schema)
    assert report.valid, report.flatten(["type", "note"])
    assert schema_json(model) == schema_json(model)  # deterministic
    names = [f["name"] for f in schema["fields"]]
    assert set(schema["primaryKey"]) <= set(names)
    assert {"source_id", "source_line"} <= set(names)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table.name)
def test_derived_schemas_agree_on_columns(model: type[Record]) -> None:
    names = [spec.name for spec in field_specs(model)]
    assert list(polars_schema(model)) == names
    assert arrow_schema(model).names == names
    assert list(pandera_schema(model).columns) == names


def test_dtypes_follow_table_schema_types() -> None:
    from scrutiny_data.models import Meeting

    pl_types = polars_schema(Meeting)
    assert pl_types["date"] == pl.Date and pl_types["source_line"] == pl.Int64
    assert arrow_schema(Meeting).field("date").type == pyarrow.date32()
    assert not arrow_schema(Meeting).field("date").nullable


def test_pandera_schema_collects_every_failure() -> None:
    from scrutiny_data.models import Attendance

    frame = pl.DataFrame({
        "meeting_id": ["m-1", "m-1"], "person_id": ["p", "p"], "status": ["present", "late"],
        "role_at_meeting": [None, None], "substitute_for": [None, None],
        "arrived_at": ["7.04pm", None], "left_at": [None, None],
        "source_id": ["000", "000"], "source_line": [1, 2], "source_page": [None, None],
    }, schema=polars_schema(Attendance))
    import pandera.errors

    with pytest.raises(pandera.errors.SchemaErrors) as info:
        pandera_schema(Attendance).validate(frame, lazy=True)
    failed = set(info.value.failure_cases["column"].to_list())
    assert {"status", "arrived_at"} <= failed
