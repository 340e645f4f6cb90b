"""`load` reads a data package into typed frames, and refuses unreadable input clearly."""

from __future__ import annotations

import polars as pl
import pytest

import scrutiny_data
from scrutiny_data import ScrutinyDataError, load
from scrutiny_data.dataset import Dataset, write_package

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
