"""Minutes parsers on small inline texts: attendance, headings, resolutions, declarations, times."""

from __future__ import annotations

from pathlib import Path

from scrutiny_data.extract.document import Document
from scrutiny_data.extract.minutes import (
    finish_time, minute_headings, parse_attendance, parse_declarations, parse_movements, parse_resolutions,
    referenced_meetings,
)


def doc_of(text: str) -> Document:
    return Document("t", Path("t.txt"), "0" * 64, tuple(text.split("\n")))


WRAPPED = """Present:

Councillors Sara Muldowney (Chair), Graham Snell (Vice-Chair),
Abbie Akinbohun and
James Thandi (Substitute) (substitute for Susan Little)

 Sarah Barlow, Church of England Representative

Apologies: Councillor Susan Little

In attendance:
Janet Simon, Interim Assistant Director, Children's Social Care
and Early Help
Priscilla Bruce-Annan, Local Safeguarding Children’s
Partnership Business Manager
Youth Cabinet
Sonny Tipping, Youth Cabinet Representative (*arrived 7.12pm*)

Before the start of the meeting, all present were advised.

1. Minutes"""


def test_attendance_blocks_with_wrapped_lines() -> None:
    doc = doc_of(WRAPPED)
    facts = parse_attendance(doc, 1, len(doc.lines))
    assert [(f.status, f.entry.name, f.line) for f in facts] == [
        ("present", "Sara Muldowney", 3), ("present", "Graham Snell", 3), ("present", "Abbie Akinbohun", 4),
        ("present", "James Thandi", 5), ("present", "Sarah Barlow", 7), ("apologies", "Susan Little", 9),
        ("in_attendance", "Janet Simon", 12), ("in_attendance", "Priscilla Bruce-Annan", 14),
        ("in_attendance", "Sonny Tipping", 17),
    ]
    assert facts[3].entry.substitute_for == "Susan Little"
    assert facts[6].entry.role == "Interim Assistant Director, Children's Social Care and Early Help"
    assert facts[7].entry.role == "Local Safeguarding Children’s Partnership Business Manager"
    assert facts[8].entry.notes == ("arrived 7.12pm",)


MINUTES = """31. Minutes

The Minutes were approved.

32. Declaration of Interests

Councillor Sheridan declared a non-pecuniary interest as she had a child at St Cleres School.

Councillor Okunade declared a non-pecuniary interest in respect to Item 11 – Update as she was on a Board.

Sarah Barlow declared that she worked in a school.

33. Fees & Charges Pricing Strategy 2017-18

Some debate.

RESOLVED

- 1. That the Committee note the revised fees.**
- 2. That the Committee comment on the proposals.**

34. SEND Placements and
Residential Placements

RESOLVED:

1.1 That members reviewed the SEND Sufficiency Assessment and

agree the publication of the document.

1.2 That members recommended to cabinet the framework.

UNRESOLVED:

1.3 Members requested that Cabinet reviews their decision.

35. Work Programme

RESOLVED: That the Committee:

1. Reviewed the cross-directorate working.

Councillor Akinbohun arrived at 7.04pm. At 19.27 the LSCP Business Manager left the meeting.
The Youth Support Worker left the meeting at 7.09pm. Sonny Tipping left the meeting at 8.01 pm.

RESOLVED

That the Members note the consultation.

The meeting finished at 9.38 pm"""


def test_minute_headings_number_in_sequence() -> None:
    doc = doc_of(MINUTES)
    headings = minute_headings(doc, 1, len(doc.lines))
    assert [(m.number, m.title, m.first) for m in headings] == [
        ("31", "Minutes", 1), ("32", "Declaration of Interests", 5), ("33", "Fees & Charges Pricing Strategy 2017-18", 13),
        ("34", "SEND Placements and Residential Placements", 22), ("35", "Work Programme", 37),
    ]


def test_resolutions_one_row_per_point() -> None:
    doc = doc_of(MINUTES)
    points = parse_resolutions(doc, 1, len(doc.lines))
    assert [(p.seq, p.text, p.line) for p in points] == [
        (1, "That the Committee note the revised fees.", 19),
        (2, "That the Committee comment on the proposals.", 20),
        (3, "That members reviewed the SEND Sufficiency Assessment and agree the publication of the document.", 27),
        (4, "That members recommended to cabinet the framework.", 31),
        (5, "Members requested that Cabinet reviews their decision.", 35),
        (6, "Reviewed the cross-directorate working.", 41),
        (7, "That the Members note the consultation.", 48),
    ]
    assert [p.seq for p in points if not p.carried] == [5]  # printed under UNRESOLVED


def test_declarations_with_kind_and_item() -> None:
    doc = doc_of(MINUTES)
    found = parse_declarations(doc, 1, len(doc.lines))
    assert [(d.who, d.item, d.kind, d.line) for d in found] == [
        ("Sheridan", "general", "non_pecuniary", 7), ("Okunade", "11", "non_pecuniary", 9),
        ("Sarah Barlow", "general", "other", 11),
    ]
    assert found[0].interest == "a non-pecuniary interest as she had a child at St Cleres School."


def test_arrivals_departures_and_finish() -> None:
    doc = doc_of(MINUTES)
    moves = parse_movements(doc, 1, len(doc.lines))
    assert [(m.who, m.time, m.arrived, m.line, m.named) for m in moves] == [
        ("Akinbohun", "19:04", True, 43, True), ("LSCP Business Manager", "19:27", False, 43, False),
        ("Youth Support Worker", "19:09", False, 44, False), ("Sonny Tipping", "20:01", False, 44, True)]
    assert finish_time(doc, 1, len(doc.lines)) == ("21:38", 50)


def test_referenced_meetings() -> None:
    doc = doc_of("There minutes of the meeting held on 11 November 2021 and 1 December 2021 were approved.\n"
                 "The Minutes of the Committee, held on the 20 December 2016, were approved.")
    assert [(stated, line) for stated, line, _ in referenced_meetings(doc)] == [
        ("11 November 2021", 1), ("1 December 2021", 1), ("20 December 2016", 2)]


def test_unresolved_points_are_not_carried_and_keep_their_wrapped_lines() -> None:
    doc = doc_of(
        "RESOLVED: \n \n1.1 That members agree the publication. \n \n"
        "UNRESOLVED: \n \n1.3 Members requested that Cabinet reviews their decision to declare \n\n"
        "Grangewaters as surplus. \n \n7. Supported Accommodation \n"
    )
    points = parse_resolutions(doc, 1, len(doc.lines))
    assert [(p.seq, p.text, p.line, p.carried) for p in points] == [
        (1, "That members agree the publication.", 3, True),
        (2, "Members requested that Cabinet reviews their decision to declare Grangewaters as surplus.", 7, False),
    ]
