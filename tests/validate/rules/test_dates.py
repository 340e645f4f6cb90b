"""Date rules: real dates, matching weekdays, order, plausibility against the paper's date."""

from __future__ import annotations

import datetime as dt

import pytest

from scrutiny_data.validate import ValidationConfig
from tests.validate.conftest import COMMITTEE, found, make_dataset, report

MEETING = f"{COMMITTEE}-2022-09-13"


def with_meeting(**tables: list[dict[str, object]]) -> dict[str, list[dict[str, object]]]:
    """A committee, the 13 September 2022 meeting and its report r-1, plus the given rows."""
    return {"committees": [{}], "meetings": [{"id": MEETING, "date": "2022-09-13", "status": "scheduled"}],
            "reports": [{"id": "r-1", "meeting_id": MEETING}], **tables}


def test_invalid_iso_date_is_not_a_type_error() -> None:
    result = report(make_dataset(**with_meeting(events=[
        {"id": "e-1", "report_id": "r-1", "date": "2022-02-31", "date_stated": "31 February"},
        {"id": "e-2", "report_id": "r-1", "date": "2022-02-28", "date_stated": "28 February"}])))
    assert [(f.code, f.record_id, f.field) for f in result.findings] == [("invalid-date", "e-1", "date")]
    assert result.findings[0].message == "The date 2022-02-31 is not a real date."


def test_invalid_printed_date() -> None:
    dataset = make_dataset(**with_meeting(events=[
        {"id": "e-1", "report_id": "r-1", "date_stated": "31st September 2021"},
        {"id": "e-2", "report_id": "r-1", "date": "2021-09-30", "date_stated": "30th September 2021"}]))
    assert found(dataset) == [("invalid-date", "e-1")]


@pytest.mark.parametrize(("stated", "expected"), [
    ("Wednesday 25th July", [("weekday-mismatch", "e-1")]),
    ("Monday 25th July", []),
    ("Mon 25 July 2022", []),
    ("Wed. 25 July 2022", [("weekday-mismatch", "e-1")]),
    ("25th July", []),
])
def test_weekday_mismatch(stated: str, expected: list[tuple[str, str]]) -> None:
    dataset = make_dataset(**with_meeting(events=[{"id": "e-1", "report_id": "r-1", "date": "2022-07-25",
                                                   "date_stated": stated}]))
    assert found(dataset) == expected


def test_weekday_mismatch_message_and_meeting_and_action() -> None:
    result = report(make_dataset(**with_meeting(
        events=[{"id": "e-1", "report_id": "r-1", "date": "2022-07-25", "date_stated": "Wednesday 25 July 2022"}],
        actions=[{"id": "a-1", "report_id": "r-1", "due_date": "2022-09-30", "due_stated": "Friday 30 September"},
                 {"id": "a-2", "report_id": "r-1", "due_date": "2022-09-30", "due_stated": "Thursday 30 Sept"}],
    )))
    assert [(f.code, f.record_id) for f in result.findings] == [("weekday-mismatch", "a-2"),
                                                                 ("weekday-mismatch", "e-1")]
    assert result.findings[1].message == 'The paper prints "Wednesday 25 July 2022", but 25 July 2022 was a Monday.'


def test_date_order() -> None:
    tables = with_meeting(
        events=[{"id": "e-1", "report_id": "r-1", "date": "2022-05-02", "end_date": "2022-05-01", "date_stated": "x"},
                {"id": "e-2", "report_id": "r-1", "date": "2022-05-02", "end_date": "2022-05-02", "date_stated": "x"}],
        kpis=[{"id": "k-1", "value": 1, "period_start": "2022-04-01", "period_end": "2022-03-31"}],
    )
    tables["meetings"][0].update(start_time="19:00", end_time="18:59")
    tables["meetings"].append({"id": "m-2", "date": "2022-09-14", "status": "scheduled", "start_time": "19:00",
                               "end_time": "19:00"})
    assert found(make_dataset(**tables)) == [("date-order", "e-1"), ("date-order", "k-1"), ("date-order", MEETING)]


def test_implausible_due_date_beyond_the_horizon() -> None:
    dataset = make_dataset(**with_meeting(actions=[
        {"id": "a-1", "report_id": "r-1", "due_date": "2109-10-01", "due_stated": "Oct 2109"},
        {"id": "a-2", "report_id": "r-1", "due_date": "2032-09-13", "due_stated": "13 Sept 2032"}]))
    result = report(dataset)
    assert [(f.code, f.record_id) for f in result.findings] == [("implausible-date", "a-1")]
    assert result.findings[0].message == "The due date 2109-10-01 is more than 10 years after the paper (2022-09-13)."


def test_implausible_past_event_and_period_after_the_paper() -> None:
    dataset = make_dataset(**with_meeting(
        events=[{"id": "e-past", "report_id": "r-1", "date": "2022-09-14", "date_stated": "14 Sept", "tense": "past"},
                {"id": "e-ok", "report_id": "r-1", "date": "2022-09-13", "date_stated": "13 Sept", "tense": "past"},
                {"id": "e-future", "report_id": "r-1", "date": "2022-10-01", "date_stated": "1 Oct",
                 "tense": "future"}],
        complaints=[{"id": "c-1", "report_id": "r-1", "category": "compliment", "count": 1, "stated": "1",
                     "period_start": "2022-04-01", "period_end": "2023-03-31"}],
        kpis=[{"id": "k-target", "report_id": "r-1", "comparator": "target", "value": 5,
               "period_start": "2023-04-01", "period_end": "2024-03-31"}],
    ))
    assert found(dataset) == [("implausible-date", "c-1"), ("implausible-date", "e-past")]


def test_paper_date_falls_back_to_source_then_as_of() -> None:
    event = {"id": "e-1", "date": "2023-01-05", "date_stated": "5 January 2023"}
    assert found(make_dataset(sources=[{"id": "003", "published": "2023-01-04"}], events=[event])) == [
        ("implausible-date", "e-1")]
    assert found(make_dataset(sources=[{"id": "003"}], events=[event])) == []
    config = ValidationConfig(as_of=dt.date(2023, 1, 4))
    assert found(make_dataset(sources=[{"id": "003"}], events=[event]), config=config) == [
        ("implausible-date", "e-1")]
