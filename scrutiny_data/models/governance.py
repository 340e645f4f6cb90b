"""Who met, when, who came, and what they decided."""

from __future__ import annotations

from pydantic import Field

from .base import ForeignKey, Record, Table
from .types import (
    AttendanceStatus,
    ClockTime,
    CommitteeId,
    Date,
    DateStated,
    DeclarationKind,
    MeetingId,
    MeetingStatus,
    MembershipRole,
    MunicipalYear,
    PageNumber,
    PersonId,
    PersonKind,
    ReportId,
    ResolutionOutcome,
    SourceId,
    SourceKind,
)

_PERSON = ForeignKey(("person_id",), "people")
_MEETING = ForeignKey(("meeting_id",), "meetings")
_COMMITTEE = ForeignKey(("committee_id",), "committees")


class Source(Record):
    table = Table("sources", "Sources", "The documents every fact was taken from.", ("id",))

    id: SourceId
    file_name: str = Field(description="File name of the source text, without directories.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the source file's bytes.")
    kind: SourceKind = Field(description="How the document reached us.")
    title: str | None = Field(None, description="Title of the document as printed.")
    publisher: str | None = Field(None, description="Body that published the document.")
    published: Date | None = Field(None, description="Date the document was published, or the meeting it was for.")
    url: str | None = Field(None, description="Where the document can be found online, if known.")


class Committee(Record):
    table = Table("committees", "Committees", "Committees whose papers are in the dataset.", ("id",))

    id: CommitteeId
    name: str = Field(description="Name of the committee as the council writes it.")
    body: str = Field(description="The council the committee belongs to.")
    body_gss: str = Field(pattern=r"^[EWSN][0-9]{8}$", description="ONS GSS code of the council.")
    committee_type: str = Field(description="Kind of committee, for example `overview_and_scrutiny`.")
    quorum: int | None = Field(None, ge=1, description="Members needed for the meeting to be quorate, when known.")


class Person(Record):
    table = Table("people", "People", "Councillors, officers and others named in the papers.", ("id",))

    id: PersonId
    name: str = Field(description="Full name in its most complete printed form.")
    aliases: str | None = Field(None, description="Other spellings seen in the papers, `;`-separated.")
    kind: PersonKind = Field(description="The capacity the person takes part in.")
    job_title: str | None = Field(None, description="Job title or representative role as printed.")


class Membership(Record):
    table = Table(
        "memberships", "Memberships", "Who sat on which committee in which municipal year.",
        ("committee_id", "person_id", "municipal_year"),
        (_COMMITTEE, _PERSON),
    )

    committee_id: CommitteeId
    person_id: PersonId
    municipal_year: MunicipalYear
    role: MembershipRole = Field(description="The person's place on the committee that year.")


class Meeting(Record):
    table = Table("meetings", "Meetings", "Every meeting the papers evidence.", ("id",), (_COMMITTEE,))

    id: MeetingId
    committee_id: CommitteeId
    date: Date = Field(description="Date of the meeting.")
    date_stated: DateStated | None = None
    municipal_year: MunicipalYear
    start_time: ClockTime | None = None
    end_time: ClockTime | None = None
    venue: str | None = Field(None, description="Where the meeting was held, as printed.")
    agenda_published: Date | None = Field(None, description="Date the agenda was published.")
    status: MeetingStatus = Field(description="Whether the meeting took place.")


class Attendance(Record):
    table = Table(
        "attendance", "Attendance", "Who was recorded at each meeting, and how.",
        ("meeting_id", "person_id"),
        (_MEETING, _PERSON, ForeignKey(("substitute_for",), "people")),
    )

    meeting_id: MeetingId
    person_id: PersonId
    status: AttendanceStatus = Field(description="How the person was recorded.")
    role_at_meeting: str | None = Field(None, description="Role printed beside the name (Chair, officer's title).")
    substitute_for: PersonId | None = Field(None, description="The member this person substituted for.")
    arrived_at: ClockTime | None = Field(None, description="Time of a late arrival.")
    left_at: ClockTime | None = Field(None, description="Time of an early departure.")


class AgendaItem(Record):
    table = Table(
        "agenda_items", "Agenda items", "Items on each meeting's agenda.",
        ("meeting_id", "number"), (_MEETING,),
    )

    meeting_id: MeetingId
    number: str = Field(description="Item number on the agenda as printed (\"6\", \"6a\").")
    title: str = Field(description="Title of the item as printed.")
    page_from: PageNumber | None = None
    page_to: PageNumber | None = None
    minute_number: str | None = Field(None, description="Number of the minute that records this item.")


class Declaration(Record):
    table = Table(
        "declarations", "Declarations of interest", "Interests declared at meetings.",
        ("meeting_id", "person_id", "item"), (_MEETING, _PERSON),
    )

    meeting_id: MeetingId
    person_id: PersonId
    item: str = Field(description="Agenda item or subject the interest relates to (`general` if none).")
    kind: DeclarationKind
    interest: str = Field(description="The interest as the minutes describe it.")


class Resolution(Record):
    table = Table(
        "resolutions", "Resolutions", "Decisions recorded in the minutes, one row per resolved point.",
        ("meeting_id", "minute_number", "seq"), (_MEETING,),
    )

    meeting_id: MeetingId
    minute_number: str = Field(description="Number of the minute as printed.")
    seq: int = Field(ge=1, description="Position of this point within the minute's resolution.")
    text: str = Field(description="Verbatim text of the resolved point.")
    outcome: ResolutionOutcome
    votes_for: int | None = Field(None, ge=0)
    votes_against: int | None = Field(None, ge=0)
    abstentions: int | None = Field(None, ge=0)


class Report(Record):
    table = Table("reports", "Reports", "Reports presented to meetings.", ("id",), (_MEETING,))

    id: ReportId
    meeting_id: MeetingId
    agenda_item: str | None = Field(None, description="Agenda item number the report was presented under.")
    title: str
    report_of: str | None = Field(None, description="Who the report is from, as printed.")
    author: str | None = Field(None, description="Accountable officer or author, as printed.")
    wards: str | None = Field(None, description="Wards affected, as printed.")
    key_decision: bool | None = Field(None, description="Whether the report is a key decision.")
    appendices: str | None = Field(None, description="Appendices listed, `;`-separated.")


class WorkProgrammeEntry(Record):
    table = Table(
        "work_programme", "Work programme", "Items the committee planned for its meetings.",
        ("committee_id", "municipal_year", "meeting_date", "title"), (_COMMITTEE,),
    )

    committee_id: CommitteeId
    municipal_year: MunicipalYear
    meeting_date: Date = Field(description="Date of the meeting the item is planned for.")
    title: str
    lead: str | None = Field(None, description="Officer or body leading the item.")
    requested_by: str | None = Field(None, description="Who asked for the item (officers, members).")


__all__ = [
    "AgendaItem", "Attendance", "Committee", "Declaration", "Meeting", "Membership", "Person",
    "Report", "Resolution", "Source", "WorkProgrammeEntry",
]
