"""Schema rules: the per-column contract, all failures collected."""

from __future__ import annotations

import polars as pl

from scrutiny_data.dataset import Dataset
from tests.validate.conftest import COMMITTEE, frame, found, make_dataset, report

MEETING = f"{COMMITTEE}-2022-09-13"


def meeting(**overrides: object) -> dict[str, object]:
    return {"id": MEETING, "date": "2022-09-13", **overrides}


def test_valid_rows_give_no_findings() -> None:
    dataset = make_dataset(committees=[{}], meetings=[meeting(start_time="19:00", end_time="21:05")])
    assert found(dataset) == []


def test_type_error_reports_a_value_that_does_not_parse() -> None:
    dataset = make_dataset(committees=[{}], meetings=[meeting()],
                           resolutions=[{"meeting_id": MEETING, "minute_number": "12", "seq": "one"},
                                        {"meeting_id": MEETING, "minute_number": "13", "seq": " 2 "}])
    result = report(dataset)
    assert [(f.code, f.record_id, f.field, f.actual) for f in result.findings] == [
        ("type-error", f"{MEETING}/12/one", "seq", "one")]
    assert result.findings[0].message == "The seq 'one' is not a whole number."


def test_required_missing_but_not_for_an_unparsed_value() -> None:
    dataset = make_dataset(committees=[{}], meetings=[meeting(), meeting(id="m2", date="next week", status=None)])
    assert found(dataset) == [("required-missing", "m2"), ("type-error", "m2")]


def test_required_missing_column_is_one_finding() -> None:
    rows = frame("people", [{"id": "a-b", "name": "A B"}]).drop("kind")
    dataset = Dataset.from_frames("t", {"people": rows, "sources": frame("sources", [{"id": "003"}])})
    assert found(dataset) == [("required-missing", None)]


def test_enum_invalid_collects_every_failure() -> None:
    dataset = make_dataset(committees=[{}], meetings=[meeting(status="nope"), meeting(id="m2", status="held"),
                                                      meeting(id="m3", status="maybe")])
    result = report(dataset)
    assert [(f.code, f.record_id) for f in result.findings] == [("enum-invalid", "m3"), ("enum-invalid", MEETING)]
    assert result.findings[1].message == (
        "The status 'nope' is not one of the allowed values: scheduled, held, cancelled, postponed.")


def test_pattern_mismatch_and_out_of_range() -> None:
    dataset = make_dataset(committees=[{}],
                           meetings=[meeting(start_time="25:00"), meeting(id="m2", start_time="23:59")],
                           resolutions=[{"meeting_id": MEETING, "minute_number": "1", "votes_for": -1},
                                        {"meeting_id": MEETING, "minute_number": "2", "votes_for": 0}])
    result = report(dataset)
    assert [(f.code, f.record_id, f.field) for f in result.findings] == [
        ("out-of-range", f"{MEETING}/1/1", "votes_for"), ("pattern-mismatch", MEETING, "start_time")]
    assert result.findings[1].message == "The start_time '25:00' is not a 24-hour time such as 19:00."


def test_duplicate_key_reports_the_repeat_only() -> None:
    dataset = make_dataset(people=[{"id": "graham-snell", "name": "Graham Snell"},
                                   {"id": "graham-snell", "name": "Graham Snell"},
                                   {"id": "adam-carter", "name": "Adam Carter"}])
    result = report(dataset)
    assert [(f.code, f.record_id, f.source_line) for f in result.findings] == [("duplicate-key", "graham-snell", 2)]
    assert "first at source line 1" in result.findings[0].message


def test_foreign_key_names_the_missing_target() -> None:
    dataset = make_dataset(committees=[{}], meetings=[meeting(status="scheduled")],
                           people=[{"id": "adam-carter", "name": "Adam Carter"}],
                           attendance=[{"meeting_id": MEETING, "person_id": "adam-carter", "status": "in_attendance"},
                                       {"meeting_id": MEETING, "person_id": "nobody", "status": "in_attendance"}])
    assert found(dataset) == [("foreign-key", f"{MEETING}/nobody")]


def test_foreign_key_self_reference_part_of() -> None:
    dataset = make_dataset(complaints=[{"id": "c-1", "category": "compliment", "count": 3, "stated": "3",
                                        "part_of": "c-missing"}])
    assert found(dataset) == [("foreign-key", "c-1")]


def test_unknown_field_is_a_warning() -> None:
    dataset = make_dataset(people=[{"id": "a-b", "name": "A B", "nickname": "Al"}])
    result = report(dataset)
    assert [(f.code, f.field, str(f.severity)) for f in result.findings] == [("unknown-field", "nickname", "warning")]
    assert result.ok


def test_frame_with_all_columns_as_typed_values_is_accepted() -> None:
    typed = pl.DataFrame({"id": ["003"], "file_name": ["003.txt"], "sha256": ["b" * 64], "kind": ["pdf"],
                          "source_line": [1], "source_id": ["003"]})
    assert found(Dataset.from_frames("t", {"sources": typed})) == []
