"""The wordings councils share: labels, name lists, minute numbers, decision labels, votes, interests."""

from __future__ import annotations

import pytest

from scrutiny_data.extract import wordings as w


@pytest.mark.parametrize(("text", "expected"), [
    ("Present: Councillors A Smith", ("present", "member", "Councillors A Smith")),
    ("PRESENT", ("present", "member", "")),
    ("Members present:", ("present", "member", "")),
    ("Substitute Members: Cllr T Wood", ("present", "substitute", "Cllr T Wood")),
    ("Also present - Councillor H Hill", ("in_attendance", "other", "Councillor H Hill")),
    ("In attendance:", ("in_attendance", "other", "")),
    ("Officers present: Jane Roe", ("in_attendance", "officer", "Jane Roe")),
    ("Apologies for absence: Cllr R Moss", ("apologies", "member", "Cllr R Moss")),
    ("Absent Councillor X Y", ("absent", "member", "Councillor X Y")),
    ("Present were the Leader and the Mayor", None),
    ("Apologies for absence were received from Cllr X", None),
])
def test_attendance_labels(text: str, expected: tuple | None) -> None:
    assert w.attendance_label(text) == expected


def test_councillor_list_with_notes_and_and() -> None:
    people, unread = w.parse_name_list("Councillors A Smith (Chair), B Jones, C Patel and D Evans (substitute for "
                                       "Cllr E Fox)")
    assert [(p.name, p.councillor, p.role_at_meeting, p.substitute_for) for p in people] == [
        ("A Smith", True, "Chair", None), ("B Jones", True, None, None), ("C Patel", True, None, None),
        ("D Evans", True, "Substitute", "E Fox")]
    assert unread == []


@pytest.mark.parametrize(("text", "name", "councillor", "role"), [
    ("Cllr Dan O'Neill", "Dan O'Neill", True, None),
    ("Mrs C Brown (co-opted member)", "C Brown", False, "co-opted member"),
    ("Dr Alan Wright (NHS Kingsford)", "Alan Wright", False, "NHS Kingsford"),
    ("Sam Patel – Head of Finance", "Sam Patel", False, "Head of Finance"),
    ("Jane Roe, Director of Children's Services", "Jane Roe", False, "Director of Children's Services"),
    ("Councillor Kerin", "Kerin", True, None),
    ("Councillor Maria de Souza", "Maria de Souza", True, None),
])
def test_one_person_with_title_and_role(text: str, name: str, councillor: bool, role: str | None) -> None:
    named = w.parse_named(text)
    assert (named.name, named.councillor, named.role_at_meeting) == (name, councillor, role)


@pytest.mark.parametrize("text", ["Head of Democratic Services", "Kerin", "the Leader", "Democratic Services Team"])
def test_not_a_person(text: str) -> None:
    assert w.parse_named(text) is None


def test_roles_split_by_and_stay_whole() -> None:
    people, _ = w.parse_name_list("Jane Roe, Director of Children's Services and Education, Sam Lee")
    assert [(p.name, p.role) for p in people] == [("Jane Roe", "Director of Children's Services and Education"),
                                                  ("Sam Lee", None)]


def test_arrival_and_departure_in_notes() -> None:
    named = w.parse_named("Cllr A Smith (arrived 7.15pm) (left at 8.30 pm)")
    assert (named.note_time("arrived"), named.note_time("left"), named.role_at_meeting) == ("19:15", "20:30", None)


@pytest.mark.parametrize(("text", "number", "title"), [
    ("42. Apologies for Absence", "42", "Apologies for Absence"),
    ("Minute 42: Declarations", "42", "Declarations"),
    ("MINUTE NO. 7 - Budget", "7", "Budget"),
    ("CS/23/12 Apologies for absence", "CS/23/12", "Apologies for absence"),
    ("42.", "42", None),
])
def test_minute_headings(text: str, number: str, title: str | None) -> None:
    match = w.MINUTE_HEADING.match(text)
    assert (match["num"] or match["dotted"] or match["ref"], match["title"]) == (number, title)


@pytest.mark.parametrize(("text", "verb", "rest"), [
    ("RESOLVED: That the report be noted.", "RESOLVED", "That the report be noted."),
    ("RESOLVED – That the report be noted.", "RESOLVED", "That the report be noted."),
    ("RESOLVED that the minutes be signed.", "RESOLVED", "that the minutes be signed."),
    ("RESOLVED", "RESOLVED", ""),
    ("Resolved: to note", "Resolved", "to note"),
    ("AGREED:", "AGREED", ""),
    ("It was AGREED that officers report back.", "AGREED", "that officers report back."),
])
def test_decision_labels(text: str, verb: str, rest: str) -> None:
    match = w.decision_label(text)
    assert (match["verb"], match["rest"]) == (verb, rest)


@pytest.mark.parametrize("text", ["Agreed targets were missed.", "Resolved issues are listed below.",
                                  "UNRESOLVED: two items"])
def test_prose_is_not_a_decision(text: str) -> None:
    assert w.decision_label(text) is None


@pytest.mark.parametrize(("text", "votes"), [
    ("For: 6, Against: 2, Abstentions: 1", (6, 2, 1)),
    ("Votes For: 6; Against: 2", (6, 2, None)),
    ("carried (6 for, 2 against)", (6, 2, None)),
    ("(6 for, 2 against and 1 abstention)", (6, 2, 1)),
    ("carried by 7 votes to 3, with 2 abstentions", (7, 3, 2)),
    ("There were 6 members for the motion", None),
])
def test_votes(text: str, votes: tuple | None) -> None:
    assert w.find_votes(text) == votes


@pytest.mark.parametrize(("words", "kind", "item"), [
    ("a non-pecuniary interest in item 6 as a governor", "non_pecuniary", "6"),
    ("a disclosable pecuniary interest in Minute 14", "pecuniary", "14"),
    ("an other registrable interest in item CS/23/15", "other", "CS/23/15"),
    ("a personal interest in agenda item 7a", "non_pecuniary", "7a"),
    ("an interest as a school governor", "other", "general"),
])
def test_declarations(words: str, kind: str, item: str) -> None:
    assert (w.declaration_kind(words), w.declared_item(words)) == (kind, item)


def test_meeting_sentence_with_venue_before_the_date() -> None:
    match = w.MEETING_OF.search("Minutes of the meeting of the Cabinet held at County Hall, Westshire on "
                                "Tuesday, 12 March 2024 at 7.00 pm")
    assert (match["committee"], match["venue"], match["date"], match["time"]) == (
        "Cabinet", "County Hall, Westshire", "Tuesday, 12 March 2024", "7.00 pm")


@pytest.mark.parametrize(("text", "council"), [
    ("Westshire County Council", "Westshire County Council"),
    ("London Borough of Eastham", "London Borough of Eastham"),
    ("Royal Borough of Kingsford", "Royal Borough of Kingsford"),
    ("Riverton Town Council - Finance Committee", "Riverton Town Council"),
    ("Southmoor District Council", "Southmoor District Council"),
])
def test_council_names(text: str, council: str) -> None:
    assert w.COUNCIL.search(text)["council"] == council
