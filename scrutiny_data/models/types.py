"""Column types and vocabularies shared by every table: one definition each."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import Field

SLUG_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
MUNICIPAL_YEAR_PATTERN = r"^[0-9]{4}/[0-9]{2}$"


def _slug(what: str) -> object:
    return Field(pattern=SLUG_PATTERN, description=f"Id of the {what}: a lowercase slug.")


SourceId = Annotated[str, _slug("source document")]
CommitteeId = Annotated[str, _slug("committee")]
PersonId = Annotated[str, _slug("person")]
MeetingId = Annotated[str, Field(
    pattern=SLUG_PATTERN,
    description="Id of the meeting: `<committee_id>-YYYY-MM-DD`.",
)]
ReportId = Annotated[str, _slug("report")]
RecordId = Annotated[str, _slug("record")]
SourceLine = Annotated[int, Field(
    ge=1, description="1-based line of the source text on which this fact is printed.",
)]
SourcePage = Annotated[int, Field(ge=1, description="1-based page of the source PDF, where known.")]
MunicipalYear = Annotated[str, Field(
    pattern=MUNICIPAL_YEAR_PATTERN,
    description="Municipal year `YYYY/YY`, running from the annual council meeting in May.",
)]
ClockTime = Annotated[str, Field(pattern=TIME_PATTERN, description="Time of day, `HH:MM` (24 h).")]
Stated = Annotated[str, Field(
    description="The figure exactly as printed (\"57%\", \"£2.857m\"); its precision sets the tolerance.",
)]
DateStated = Annotated[str, Field(
    description="The date exactly as printed (\"Wednesday 25th July\"), so weekday and precision can be checked.",
)]
PartOf = Annotated[str, Field(
    pattern=SLUG_PATTERN,
    description="Id of the row that states the total of which this row is a breakdown.",
)]
Count = Annotated[int, Field(ge=0, description="A count of things, exactly as printed.")]
Percent = Annotated[float, Field(description="A percentage, 0-100 as printed (not a fraction).")]
AmountGbp = Annotated[float, Field(description="An amount in pounds sterling, as printed.")]
PageNumber = Annotated[int, Field(ge=1, description="Page number of the agenda pack.")]
Date = Annotated[dt.date, Field(description="A calendar date, ISO `YYYY-MM-DD`.")]


class SourceKind(StrEnum):
    """How a source document reached us."""

    moderngov_html = "moderngov_html"  # text of a ModernGov meeting web page
    pdf_text = "pdf_text"  # text extracted from a PDF agenda pack
    doc_text = "doc_text"  # text extracted from a Word document
    pdf = "pdf"  # a PDF read directly, page by page


class PersonKind(StrEnum):
    """What capacity a person takes part in."""

    councillor = "councillor"  # an elected member
    officer = "officer"  # a council employee
    co_opted = "co_opted"  # a co-opted, non-elected member (church, parent governor)
    youth = "youth"  # a youth cabinet or young people's representative
    other = "other"  # anyone else: partners, guests, inspectors


class MembershipRole(StrEnum):
    """A person's place on a committee for a municipal year."""

    chair = "chair"
    vice_chair = "vice_chair"
    member = "member"
    co_opted = "co_opted"
    substitute = "substitute"


class MeetingStatus(StrEnum):
    """Whether the meeting took place."""

    scheduled = "scheduled"  # on the calendar; no minutes seen yet
    held = "held"  # minutes or attendance show it took place
    cancelled = "cancelled"
    postponed = "postponed"


class AttendanceStatus(StrEnum):
    """How a person was recorded at a meeting."""

    present = "present"  # a voting or co-opted member present
    apologies = "apologies"  # sent apologies
    absent = "absent"  # absent without apologies
    in_attendance = "in_attendance"  # officers, guests and others present who are not members


class DeclarationKind(StrEnum):
    """The kind of interest declared."""

    pecuniary = "pecuniary"  # a disclosable pecuniary interest
    non_pecuniary = "non_pecuniary"
    other = "other"  # other registrable or unspecified interests


class ResolutionOutcome(StrEnum):
    """The verb the minutes use for a decision."""

    resolved = "resolved"
    agreed = "agreed"
    noted = "noted"
    recommended = "recommended"
    not_agreed = "not_agreed"  # a proposal put to the meeting and not carried (UNRESOLVED, NOT AGREED, lost)


class Tense(StrEnum):
    """Tense of the sentence reporting an event, relative to the paper."""

    past = "past"
    present = "present"
    future = "future"


class ComplaintCategory(StrEnum):
    """Stage or kind of a representation received by the council."""

    representations = "representations"  # all representations received, the grand total
    compliment = "compliment"
    initial_feedback = "initial_feedback"
    complaint_stage1 = "complaint_stage1"
    complaint_stage2 = "complaint_stage2"
    complaint_stage3 = "complaint_stage3"
    ombudsman = "ombudsman"  # Local Government and Social Care Ombudsman enquiries
    mp_enquiry = "mp_enquiry"
    member_enquiry = "member_enquiry"


class Breakdown(StrEnum):
    """The dimension a complaints row is broken down by."""

    none = "none"  # the row is a total for its category
    team = "team"
    outcome = "outcome"  # upheld, partially upheld, not upheld
    root_cause = "root_cause"
    timeliness = "timeliness"  # within or outside timescale


class Unit(StrEnum):
    """Unit of a statistical value."""

    count = "count"
    percent = "percent"
    rate_per_10k = "rate_per_10k"  # per 10,000 children
    days = "days"
    gbp = "gbp"
    fte = "fte"  # full-time equivalent posts


class Comparator(StrEnum):
    """What a figure is, relative to the authority's own figure."""

    none = "none"  # the authority's own figure
    england = "england"
    statistical_neighbours = "statistical_neighbours"
    target = "target"
    region = "region"
    national = "national"  # a national average other than England alone (England and Wales, the UK)
