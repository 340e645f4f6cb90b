"""Meeting rules: membership, substitutes, arrivals, quorum, votes, notice, declarations, minutes."""

from __future__ import annotations

import datetime as dt

import pytest

from scrutiny_data.validate import ValidationConfig
from tests.validate.conftest import COMMITTEE, found, make_dataset, report

MEETING = f"{COMMITTEE}-2022-09-13"
MEMBERS = ["adam-carter", "george-coxshall", "alex-anderson", "martin-kerin"]


def tables(attendance: list[dict[str, object]] | None = None, **extra: list[dict[str, object]]) -> dict:
    """Four members in 2022/23, an officer, and a meeting on Tuesday 13 September 2022, 19:00-21:00."""
    people = [{"id": p, "name": p.replace("-", " ").title()} for p in [*MEMBERS, "sue-green", "jo-officer"]]
    present = [{"meeting_id": MEETING, "person_id": p, "status": "present"} for p in MEMBERS[:3]]
    return {
        "committees": [{}], "people": people,
        "memberships": [{"person_id": p} for p in MEMBERS],
        "meetings": [{"id": MEETING, "date": "2022-09-13", "start_time": "19:00", "end_time": "21:00"}],
        "attendance": present + (attendance or []), **extra,
    }


def test_baseline_meeting_is_clean() -> None:
    assert found(make_dataset(**tables())) == []


def test_attendee_not_member() -> None:
    dataset = make_dataset(**tables([{"meeting_id": MEETING, "person_id": "sue-green", "status": "present"},
                                     {"meeting_id": MEETING, "person_id": "jo-officer", "status": "in_attendance"}]))
    result = report(dataset)
    assert [(f.code, f.record_id) for f in result.findings] == [("attendee-not-member", f"{MEETING}/sue-green")]
    assert result.findings[0].message == (
        "sue-green is recorded present as a member on 2022-09-13, but has no membership of the committee in 2022/23.")


def test_attendee_not_member_only_where_the_year_has_a_membership_list() -> None:
    data = tables([{"meeting_id": MEETING, "person_id": "sue-green", "status": "present"}])
    data["memberships"] = [{"person_id": p, "municipal_year": "2021/22"} for p in MEMBERS]
    assert found(make_dataset(**data)) == []


def test_quorum_counts_everyone_present_when_the_year_has_no_membership_list() -> None:
    data = tables()
    del data["memberships"]
    assert found(make_dataset(**data)) == []
    data["attendance"] = data["attendance"][:2]
    assert found(make_dataset(**data)) == [("quorum", MEETING)]


@pytest.mark.parametrize(("replaced_status", "substitute_for", "expected"), [
    ("apologies", "martin-kerin", []),
    ("absent", "martin-kerin", [("substitute-invalid", f"{MEETING}/sue-green")]),
    ("apologies", "jo-officer", [("substitute-invalid", f"{MEETING}/sue-green")]),
])
def test_substitute_invalid(replaced_status: str, substitute_for: str, expected: list) -> None:
    rows = [{"meeting_id": MEETING, "person_id": substitute_for, "status": replaced_status},
            {"meeting_id": MEETING, "person_id": "sue-green", "status": "present", "substitute_for": substitute_for}]
    assert found(make_dataset(**tables(rows))) == expected


def test_substitute_message_names_the_reason() -> None:
    rows = [{"meeting_id": MEETING, "person_id": "martin-kerin", "status": "absent"},
            {"meeting_id": MEETING, "person_id": "sue-green", "status": "present", "substitute_for": "martin-kerin"}]
    finding = report(make_dataset(**tables(rows))).findings[0]
    assert finding.message == "sue-green substitutes for martin-kerin, who did not send apologies (recorded as absent)."


def test_late_arrival_order() -> None:
    rows = [{"meeting_id": MEETING, "person_id": "martin-kerin", "status": "present", "arrived_at": "21:01"},
            {"meeting_id": MEETING, "person_id": "jo-officer", "status": "in_attendance", "arrived_at": "19:00",
             "left_at": "21:00"},
            {"meeting_id": MEETING, "person_id": "sue-green", "status": "in_attendance", "arrived_at": "20:00",
             "left_at": "19:30"}]
    result = report(make_dataset(**tables(rows)))
    assert [(f.code, f.record_id, f.field) for f in result.findings] == [
        ("late-arrival-order", f"{MEETING}/martin-kerin", "arrived_at"),
        ("late-arrival-order", f"{MEETING}/sue-green", "left_at")]


def test_quorum_default_and_committee_setting() -> None:
    short = tables()
    short["attendance"] = short["attendance"][:2]
    assert found(make_dataset(**short)) == [("quorum", MEETING)]
    short["committees"] = [{"quorum": 2}]
    assert found(make_dataset(**short)) == []
    assert found(make_dataset(**tables()), config=ValidationConfig(quorum=4)) == [("quorum", MEETING)]


def test_quorum_message_and_no_roll_means_no_check() -> None:
    short = tables()
    short["attendance"] = short["attendance"][:2]
    message = report(make_dataset(**short)).findings[0].message
    assert message == "Only 2 members were present on 2022-09-13; the quorum is 3."
    late_only = tables()
    late_only["attendance"] = [{"meeting_id": MEETING, "person_id": "adam-carter", "status": "present",
                                "arrived_at": "19:04"}]
    assert found(make_dataset(**late_only)) == []
    late_only["attendance"][0]["arrived_at"] = None
    assert found(make_dataset(**late_only)) == [("quorum", MEETING)]


def test_quorum_does_not_count_co_opted_or_officers() -> None:
    data = tables([{"meeting_id": MEETING, "person_id": "sue-green", "status": "present"}])
    data["attendance"] = data["attendance"][1:]
    data["memberships"].append({"person_id": "sue-green", "role": "co_opted"})
    assert found(make_dataset(**data)) == [("quorum", MEETING)]


@pytest.mark.parametrize(("votes", "expected"), [
    ({"votes_for": 2, "votes_against": 1}, []),
    ({"votes_for": 2, "votes_against": 1, "abstentions": 1}, [("vote-count", f"{MEETING}/7/1")]),
])
def test_vote_count(votes: dict, expected: list) -> None:
    resolution = {"meeting_id": MEETING, "minute_number": "7", **votes}
    assert found(make_dataset(**tables(resolutions=[resolution]))) == expected


@pytest.mark.parametrize(("published", "expected"), [
    ("2022-09-05", []),  # Tue 6 .. Mon 12: five clear working days
    ("2022-09-06", [("notice-period", MEETING)]),  # four
])
def test_notice_period(published: str, expected: list) -> None:
    data = tables()
    data["meetings"][0]["agenda_published"] = published
    assert found(make_dataset(**data)) == expected


def test_notice_period_counts_bank_holidays() -> None:
    meeting = f"{COMMITTEE}-2022-08-31"
    # 29 August 2022 was the summer bank holiday: Tue 23 Aug to Wed 31 Aug leaves four clear working days.
    data = {"committees": [{}], "meetings": [{"id": meeting, "date": "2022-08-31", "agenda_published": "2022-08-23"},
                                             {"id": "m-2", "date": "2022-08-31", "agenda_published": "2022-08-22"}]}
    result = report(make_dataset(**data))
    assert [(f.code, f.record_id) for f in result.findings] == [("notice-period", meeting)]
    assert result.findings[0].message == ("The agenda was published on 2022-08-23, 4 clear working days before the "
                                          "meeting on 2022-08-31; the law asks for 5.")
    assert found(make_dataset(**data), config=ValidationConfig(notice_days=4)) == []
    assert found(make_dataset(**data), config=ValidationConfig(notice_days=4, as_of=dt.date(2022, 9, 1))) == []


def test_declaration_not_present() -> None:
    declarations = [{"meeting_id": MEETING, "person_id": "adam-carter"},
                    {"meeting_id": MEETING, "person_id": "martin-kerin"}]
    assert found(make_dataset(**tables(declarations=declarations))) == [
        ("declaration-not-present", f"{MEETING}/martin-kerin/general")]


def test_minute_sequence_within_a_municipal_year() -> None:
    later = f"{COMMITTEE}-2022-11-08"
    next_year = f"{COMMITTEE}-2023-06-20"
    data = tables(agenda_items=[{"meeting_id": MEETING, "number": "1", "minute_number": "12"},
                                {"meeting_id": MEETING, "number": "2", "minute_number": "15"},
                                {"meeting_id": later, "number": "1", "minute_number": "15"},
                                {"meeting_id": next_year, "number": "1", "minute_number": "1"}])
    data["meetings"] += [{"id": later, "date": "2022-11-08", "status": "scheduled"},
                         {"id": next_year, "date": "2023-06-20", "municipal_year": "2023/24", "status": "scheduled"}]
    result = report(make_dataset(**data))
    assert [(f.code, f.record_id) for f in result.findings] == [("minute-sequence", later)]
    assert result.findings[0].message == ("The minutes of 2022-11-08 start at number 15, but the previous meeting of "
                                          "2022/23 (2022-09-13) already reached 15.")
    data["agenda_items"][2]["minute_number"] = "16."
    assert found(make_dataset(**data)) == []
