"""The models accept good records and reject bad ones with field-level messages."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from scrutiny_data.models import Attendance, Kpi, Meeting, Membership, Record, Table

MEETING = {
    "id": "cs-osc-2022-02-08", "committee_id": "cs-osc", "date": "2022-02-08",
    "municipal_year": "2021/22", "start_time": "19:00", "status": "held",
    "source_id": "000", "source_line": 3,
}


def errors_by_field(exc: ValidationError) -> dict[str, str]:
    return {".".join(str(p) for p in e["loc"]): e["type"] for e in exc.errors()}


def test_good_meeting_parses_to_typed_values() -> None:
    meeting = Meeting(**MEETING)
    assert meeting.date == dt.date(2022, 2, 8)
    assert meeting.status == "held"


@pytest.mark.parametrize(("field", "value", "error"), [
    ("date", "2022-02-31", "date_from_datetime_parsing"),
    ("start_time", "7.00pm", "string_pattern_mismatch"),
    ("start_time", "24:00", "string_pattern_mismatch"),
    ("municipal_year", "2021-22", "string_pattern_mismatch"),
    ("status", "happened", "enum"),
    ("id", "CS OSC", "string_pattern_mismatch"),
    ("source_line", 0, "greater_than_equal"),
])
def test_bad_meeting_value_names_its_field(field: str, value: object, error: str) -> None:
    with pytest.raises(ValidationError) as info:
        Meeting(**{**MEETING, field: value})
    assert errors_by_field(info.value) == {field: error}


def test_unknown_field_and_missing_required_are_both_reported() -> None:
    record = {**MEETING, "chair": "x"}
    del record["committee_id"]
    with pytest.raises(ValidationError) as info:
        Meeting(**record)
    assert errors_by_field(info.value) == {"committee_id": "missing", "chair": "extra_forbidden"}


def test_attendance_enum_and_time() -> None:
    row = Attendance(meeting_id="m-2022-02-08", person_id="abbie-akinbohun", status="present",
                     arrived_at="19:04", source_id="000", source_line=36)
    assert row.arrived_at == "19:04"
    with pytest.raises(ValidationError):
        Attendance(meeting_id="m", person_id="p", status="late", source_id="0", source_line=1)


def test_kpi_counts_cannot_be_negative_but_values_can() -> None:
    Kpi(id="k1", indicator="budget_variance", label="Variance", value=-3.5, unit="gbp",
        comparator="none", source_id="004", source_line=10)
    with pytest.raises(ValidationError):
        Membership(committee_id="c", person_id="p", municipal_year="2021/22", role="boss",
                   source_id="0", source_line=1)


def test_a_typo_in_a_key_fails_at_class_definition() -> None:
    with pytest.raises(TypeError, match="unknown fields"):
        class Broken(Record):  # noqa: F841 - defining it is the test
            table = Table("broken", "Broken", "A table with a typo.", ("idd",))
            id: str
