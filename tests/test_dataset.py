"""`load` reads a data package into typed frames, and refuses unreadable input clearly."""

from __future__ import annotations

import json

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scrutiny_data
from scrutiny_data import ScrutinyDataError, load
from scrutiny_data.dataset import Dataset, typed, write_package
from scrutiny_data.models import RESOURCES
from scrutiny_data.schema import field_specs

from .conftest import write_package as write_test_package

MEETINGS = (
    "id,committee_id,date,municipal_year,start_time,status,source_id,source_line\n"
    "cs-2022-02-08,cs,2022-02-08,2021/22,19:00,held,000,3\n"
    "cs-2022-02-31,cs,2022-02-31,2021/22,7pm,held,000,x\n"
)


def test_load_types_resources(tmp_path) -> None:
    pkg = write_test_package(tmp_path / "pkg", {"meetings": MEETINGS, "extras": "a,b\n1,2\n"})
    dataset = scrutiny_data.load(pkg)
    meetings = dataset["meetings"]
    assert meetings.schema["date"] == pl.Date
    assert meetings.schema["source_line"] == pl.Int64
    assert meetings["date"].to_list()[0].isoformat() == "2022-02-08"
    # What does not parse is null in the typed frame and kept verbatim in the raw one.
    assert meetings["date"].to_list()[1] is None
    assert dataset.raw["meetings"]["date"].to_list()[1] == "2022-02-31"
    # Unknown resources are kept; missing optional ones are empty frames with the right dtypes.
    assert dataset["extras"].columns == ["a", "b"]
    assert dataset["attendance"].height == 0
    assert dataset["attendance"].schema["meeting_id"] == pl.String


def test_load_accepts_the_descriptor_path(tmp_path) -> None:
    pkg = write_test_package(tmp_path / "pkg", {"meetings": MEETINGS})
    assert load(pkg / "datapackage.json")["meetings"].height == 2


@pytest.mark.parametrize(("setup", "message"), [
    (lambda p: None, "no such file"),
    (lambda p: (p.mkdir(), (p / "datapackage.json").write_text("{nope")), "not valid JSON"),
    (lambda p: (p.mkdir(), (p / "datapackage.json").write_text("[]")), "not a data package"),
    (lambda p: (p.mkdir(), (p / "datapackage.json").write_text('{"resources": [{"name": "x"}]}')),
     "needs a `name` and a `path`"),
])
def test_unreadable_package_raises_one_clear_error(tmp_path, setup, message) -> None:
    path = tmp_path / "pkg"
    setup(path)
    with pytest.raises(ScrutinyDataError, match=message) as info:
        load(path)
    assert str(path) in str(info.value)


def test_broken_csv_names_the_file(tmp_path) -> None:
    pkg = write_test_package(tmp_path / "pkg", {"meetings": MEETINGS})
    (pkg / "data" / "meetings.csv").write_bytes("id,date\nréunion,x\n".encode("cp1252"))
    with pytest.raises(ScrutinyDataError, match="meetings.csv.*not UTF-8"):
        load(pkg)
    (pkg / "data" / "meetings.csv").write_text("", encoding="utf-8")
    with pytest.raises(ScrutinyDataError, match="meetings.csv.*empty file"):
        load(pkg)


def test_write_then_load_round_trips(tmp_path) -> None:
    pkg = write_test_package(tmp_path / "pkg", {"meetings": MEETINGS})
    dataset = load(pkg)
    write_package(dataset, tmp_path / "copy")
    again = load(tmp_path / "copy")
    assert again["meetings"].equals(dataset["meetings"])
    first = (tmp_path / "copy" / "data" / "meetings.csv").read_bytes()
    write_package(again, tmp_path / "copy")
    assert (tmp_path / "copy" / "data" / "meetings.csv").read_bytes() == first


def test_from_frames_fills_missing_resources() -> None:
    dataset = Dataset.from_frames("x", {"people": pl.DataFrame({"id": ["a"], "name": ["A"]})})
    assert dataset["people"]["kind"].to_list() == [None]
    assert dataset["kpis"].height == 0


def _typed_one_by_one(resource: str, raw: pl.DataFrame) -> pl.DataFrame:
    """The cast as first written: strip every value, then parse it."""
    def cast(name: str, kind: str) -> pl.Expr:
        text = pl.col(name).str.strip_chars()
        if kind == "integer":
            return text.cast(pl.Int64, strict=False)
        if kind == "number":
            return text.cast(pl.Float64, strict=False)
        if kind == "date":
            return text.str.to_date("%Y-%m-%d", strict=False)
        if kind == "boolean":
            return pl.when(text.is_in(["true", "True", "TRUE", "1"])).then(True).when(
                text.is_in(["false", "False", "FALSE", "0"])).then(False).otherwise(None)
        return pl.col(name)
    return raw.select((cast(spec.name, spec.type) if spec.name in raw.columns else pl.lit(None))
                      .cast(spec.polars_type).alias(spec.name) for spec in field_specs(RESOURCES[resource]))


#: Values that parse, values that parse only once stripped, and values that never parse.
VALUES = st.one_of(st.none(), st.sampled_from(
    ["1", " 2", "3 ", "-4", "1.5", " 2.5\t", "1e3", "x", "", "2022-02-08", " 2022-02-08", "2022-02-08 ", "2022-02-31",
     "true", " TRUE", "0", "False ", "\u00a07"]))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["actions", "reports", "kpis"]), st.data())
def test_typed_strips_only_where_it_matters_and_agrees_with_stripping_everything(resource, data) -> None:
    names = [spec.name for spec in field_specs(RESOURCES[resource])]
    rows = data.draw(st.lists(st.lists(VALUES, min_size=len(names), max_size=len(names)), max_size=5))
    raw = pl.DataFrame(rows, schema=dict.fromkeys(names, pl.String), orient="row")
    assert typed(resource, raw).equals(_typed_one_by_one(resource, raw))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.text(alphabet=st.sampled_from(list(',"\n\r =+-@ab1é')), max_size=200),
       size=st.integers(min_value=1, max_value=40))
def test_reading_in_parts_gives_the_rows_and_findings_of_reading_whole(tmp_path, body, size) -> None:
    """Parts are cut only where every line before has balanced quotes; rows, lines and findings are the file's."""
    from scrutiny_data.dataset import read_resource, read_resource_parts

    (tmp_path / "x.csv").write_text("id,b,c\n" + body, encoding="utf-8", newline="")
    descriptor, resource = tmp_path / "datapackage.json", {"name": "extras", "path": "x.csv"}
    whole, whole_found = read_resource(descriptor, resource)
    parts = list(read_resource_parts(descriptor, resource, size))
    assert pl.concat([frame for frame, _ in parts]).equals(whole)
    # In the order of the report (which sorts them): each part lists its read problems before its cells.
    def ordered(found):
        return sorted(json.dumps(f.to_dict(), sort_keys=True) for f in found)
    assert ordered(f for _, found in parts for f in found) == ordered(whole_found)
