"""Meeting rules: who may attend as a member, arrivals, quorum, votes, notice, declarations, minutes."""

from __future__ import annotations

from datetime import timedelta
from functools import cache

import holidays as holiday_calendars
import polars as pl

from ...models.types import TIME_PATTERN
from ..config import ValidationConfig
from ..findings import Severity
from ..registry import rule
from .common import findings

ERROR, WARNING = Severity.error, Severity.warning
#: Membership roles that count towards a quorum (co-opted members advise and vote only on some items).
QUORATE_ROLES = ("chair", "vice_chair", "member")
#: A present row counts towards a quorum; without a membership list for the year, everyone present as a member does.
_QUORATE = pl.col("_role").is_in(QUORATE_ROLES) | pl.col("substitute_for").is_not_null() | ~pl.col("_year_known")


def _meeting_facts(meetings: pl.LazyFrame) -> pl.LazyFrame:
    """One row per meeting id: its committee, municipal year, date and times."""
    return meetings.select(pl.col("id").alias("meeting_id"), "committee_id", "municipal_year",
                           pl.col("date").alias("_date"), "start_time", "end_time").unique("meeting_id")


def _with_meeting(attendance: pl.LazyFrame, meetings: pl.LazyFrame) -> pl.LazyFrame:
    """Attendance rows with their meeting's committee, municipal year, date and times."""
    return attendance.join(_meeting_facts(meetings), on="meeting_id", how="left")


def _with_role(frame: pl.LazyFrame, memberships: pl.LazyFrame, person: str = "person_id",
               alias: str = "_role") -> pl.LazyFrame:
    """Add the person's membership role on the meeting's committee that municipal year (null if none)."""
    roles = memberships.select("committee_id", pl.col("person_id").alias(person), "municipal_year",
                               pl.col("role").alias(alias)).unique(["committee_id", person, "municipal_year"])
    return frame.join(roles, on=["committee_id", person, "municipal_year"], how="left")


def _with_known_year(frame: pl.LazyFrame, memberships: pl.LazyFrame) -> pl.LazyFrame:
    """Add `_year_known`: whether the dataset lists any membership of the committee that municipal year."""
    years = memberships.select("committee_id", "municipal_year").unique().with_columns(_year_known=pl.lit(True))
    return frame.join(years, on=["committee_id", "municipal_year"], how="left") \
        .with_columns(pl.col("_year_known").fill_null(False))


def _present_rows(attendance: pl.LazyFrame, meetings: pl.LazyFrame, memberships: pl.LazyFrame) -> pl.LazyFrame:
    """Attendance rows recorded present, with their meeting, `_year_known` and the person's `_role`."""
    # Whether the year's membership is known is looked up per meeting, not per attendance row.
    meeting = _with_known_year(_meeting_facts(meetings), memberships)
    present = attendance.filter(pl.col("status") == "present").join(meeting, on="meeting_id", how="left")
    return _with_role(present, memberships).with_columns(pl.col("_year_known").fill_null(False))


def _rolls(present: pl.LazyFrame, **counts: pl.Expr) -> pl.LazyFrame:
    """Per meeting whose roll is recorded, the `counts` over its rows recorded present.

    A meeting cannot open with nobody present, so when everyone recorded present arrived late the
    record is only a note of late arrivals (minutes on a web page often have no roll): such
    meetings are left out rather than reported inquorate.
    """
    return present.group_by("meeting_id").agg(_roll=pl.col("arrived_at").is_null().any(), **counts).filter("_roll")


@rule("attendee-not-member", family="meetings", severity=ERROR, resource="attendance")
def present_members_are_members(attendance: pl.LazyFrame, meetings: pl.LazyFrame,
                                memberships: pl.LazyFrame) -> pl.LazyFrame:
    """Someone recorded present as a member (not as a substitute) sits on the committee that municipal year.

    Checked only for years whose membership the dataset lists: a year with no list is a gap, not N errors.
    """
    failing = _present_rows(attendance, meetings, memberships).filter(
        pl.col("substitute_for").is_null() & pl.col("_role").is_null() & pl.col("_year_known"))
    return findings(failing, "attendance", field="person_id",
                    message=pl.format("{} is recorded present as a member on {}, but has no membership of the "
                                      "committee in {}.", pl.col("person_id"), pl.col("_date").cast(pl.String),
                                      pl.col("municipal_year")),
                    expected=pl.format("a member in {}", pl.col("municipal_year")), actual=pl.col("person_id"))


@rule("substitute-invalid", family="meetings", severity=ERROR, resource="attendance")
def substitutes_replace_absent_members(attendance: pl.LazyFrame, meetings: pl.LazyFrame,
                                       memberships: pl.LazyFrame) -> pl.LazyFrame:
    """A substitute stands in for a member of the committee who sent apologies to that meeting."""
    substitutes = attendance.filter(pl.col("substitute_for").is_not_null())
    # Only the rows of the members replaced, found by a semi-join, go through the unique.
    replaced = attendance.select("meeting_id", pl.col("person_id").alias("substitute_for"),
                                 pl.col("status").alias("_replaced_status")) \
        .join(substitutes.select("meeting_id", "substitute_for"), on=["meeting_id", "substitute_for"], how="semi",
              maintain_order="left") \
        .unique(["meeting_id", "substitute_for"])
    rows = _with_role(_with_meeting(substitutes, meetings),
                      memberships, person="substitute_for", alias="_replaced_role") \
        .join(replaced, on=["meeting_id", "substitute_for"], how="left")
    reason = (
        pl.when(pl.col("substitute_for") == pl.col("person_id")).then(pl.lit("cannot substitute for themselves"))
        .when(pl.col("_replaced_role").is_null() | (pl.col("_replaced_role") == "substitute"))
        .then(pl.format("substitutes for {}, who is not a member of the committee in {}", "substitute_for",
                        "municipal_year"))
        .when(pl.col("_replaced_status").fill_null("unrecorded") != "apologies")
        .then(pl.format("substitutes for {}, who did not send apologies (recorded as {})", "substitute_for",
                        pl.col("_replaced_status").fill_null("not recorded").str.replace_all("_", " ")))
    )
    failing = rows.with_columns(_reason=reason).filter(pl.col("_reason").is_not_null())
    return findings(failing, "attendance", field="substitute_for",
                    message=pl.format("{} {}.", pl.col("person_id"), pl.col("_reason")),
                    expected="a member who sent apologies", actual=pl.col("substitute_for"))


@rule("late-arrival-order", family="meetings", severity=ERROR, resource="attendance")
def arrival_within_meeting(attendance: pl.LazyFrame, meetings: pl.LazyFrame) -> pl.LazyFrame:
    """A late arrival or early departure happens after the meeting starts and before it ends."""
    # Only rows with a time recorded can fail: they alone are joined to their meeting.
    rows = _with_meeting(attendance.filter(pl.col("arrived_at").is_not_null() | pl.col("left_at").is_not_null()),
                         meetings)
    frames = []
    for column, what in (("arrived_at", "arrived"), ("left_at", "left")):
        time = pl.col(column)
        valid = time.str.contains(TIME_PATTERN)
        start = pl.when(pl.col("start_time").str.contains(TIME_PATTERN)).then(pl.col("start_time"))
        end = pl.when(pl.col("end_time").str.contains(TIME_PATTERN)).then(pl.col("end_time"))
        outside = valid & ((time < start).fill_null(False) | (time > end).fill_null(False))
        if column == "left_at":
            arrived = pl.col("arrived_at")
            outside |= valid & arrived.str.contains(TIME_PATTERN).fill_null(False) & (time < arrived).fill_null(False)
        frames.append(findings(
            rows.filter(outside.fill_null(False)), "attendance", field=column,
            message=pl.format("{} {} at {}, outside the meeting's {} to {} (arrived {}).", pl.col("person_id"),
                              pl.lit(what), time, pl.col("start_time").fill_null("?"),
                              pl.col("end_time").fill_null("?"), pl.col("arrived_at").fill_null("on time")),
            expected=pl.format("{}-{}", pl.col("start_time").fill_null(""), pl.col("end_time").fill_null("")),
            actual=time,
        ))
    return pl.concat(frames)


@rule("quorum", family="meetings", severity=ERROR, resource="meetings")
def meetings_quorate(meetings: pl.LazyFrame, attendance: pl.LazyFrame, memberships: pl.LazyFrame,
                     committees: pl.LazyFrame, config: ValidationConfig) -> pl.LazyFrame:
    """A meeting held with its roll recorded has at least a quorum of members present.

    The quorum is the committee's own `quorum` where given, else the configured default (3).
    Members, the chair, the vice-chair and substitutes count; co-opted members and officers do not.
    """
    quorums = committees.select(pl.col("id").alias("committee_id"), pl.col("quorum").alias("_quorum")) \
        .unique("committee_id")
    rows = meetings.filter(pl.col("status") == "held") \
        .join(_rolls(_present_rows(attendance, meetings, memberships), _quorate=_QUORATE.sum()), left_on="id",
              right_on="meeting_id") \
        .join(quorums, on="committee_id", how="left").with_columns(_quorum=pl.col("_quorum").fill_null(config.quorum))
    failing = rows.filter(pl.col("_quorate") < pl.col("_quorum"))
    return findings(failing, "meetings", field="status",
                    message=pl.format("Only {} present on {}; the quorum is {}.",
                                      pl.when(pl.col("_quorate") == 1).then(pl.lit("1 member was"))
                                      .otherwise(pl.format("{} members were", pl.col("_quorate"))),
                                      pl.col("date").cast(pl.String), pl.col("_quorum")),
                    expected=pl.format(">= {}", pl.col("_quorum")), actual=pl.col("_quorate").cast(pl.String))


@rule("vote-count", family="meetings", severity=ERROR, resource="resolutions")
def votes_within_members_present(resolutions: pl.LazyFrame, attendance: pl.LazyFrame, meetings: pl.LazyFrame,
                                 memberships: pl.LazyFrame) -> pl.LazyFrame:
    """Votes for, against and abstentions add up to no more than the members present."""
    votes = ["votes_for", "votes_against", "abstentions"]
    cast = pl.sum_horizontal(pl.col(v).fill_null(0) for v in votes)
    rows = resolutions.filter(pl.any_horizontal(pl.col(v).is_not_null() for v in votes)) \
        .join(_rolls(attendance.filter(pl.col("status") == "present"), _voters=pl.len()), on="meeting_id")
    failing = rows.filter(cast > pl.col("_voters"))
    return findings(failing, "resolutions", field="votes_for",
                    message=pl.format("{} votes were cast ({} for, {} against, {} abstaining), but only {} members "
                                      "were present.", cast, *(pl.col(v).fill_null(0) for v in votes),
                                      pl.col("_voters")),
                    expected=pl.format("<= {}", pl.col("_voters")), actual=cast.cast(pl.String))


@cache
def bank_holidays(country: str, subdivision: str, first_year: int, last_year: int) -> pl.Series:
    """Bank holidays of the years given, as a date series (built once per calendar and span)."""
    calendar = holiday_calendars.country_holidays(country, subdiv=subdivision, years=range(first_year, last_year + 1))
    return pl.Series("holidays", sorted(calendar), dtype=pl.Date)


@rule("notice-period", family="meetings", severity=WARNING, resource="meetings")
def agenda_published_in_time(meetings: pl.LazyFrame, config: ValidationConfig) -> pl.LazyFrame:
    """An agenda is published at least five clear working days before its meeting (LGA 1972 s.100B).

    Clear days leave out the day of publication and the day of the meeting; weekends and the bank
    holidays of England and Wales are not working days.
    """
    noticed = meetings.filter(pl.col("agenda_published").is_not_null() & pl.col("date").is_not_null())
    span = noticed.select(pl.col("agenda_published").dt.year().min().alias("first"),
                          pl.col("date").dt.year().max().alias("last")).collect()
    first, last = span.row(0)
    calendar = bank_holidays(config.holiday_country, config.holiday_subdivision, first or 2000, last or 2000)
    clear = pl.business_day_count(pl.col("agenda_published") + timedelta(days=1), pl.col("date"),
                                  holidays=calendar.to_list()).clip(lower_bound=0)
    failing = noticed.with_columns(_clear=clear).filter(pl.col("_clear") < config.notice_days)
    return findings(failing, "meetings", field="agenda_published",
                    message=pl.format("The agenda was published on {}, {} clear working days before the meeting on "
                                      "{}; the law asks for {}.", pl.col("agenda_published").cast(pl.String),
                                      pl.col("_clear"), pl.col("date").cast(pl.String), pl.lit(config.notice_days)),
                    expected=f">= {config.notice_days} clear working days", actual=pl.col("_clear").cast(pl.String))


@rule("declaration-not-present", family="meetings", severity=ERROR, resource="declarations")
def declarations_by_people_present(declarations: pl.LazyFrame, attendance: pl.LazyFrame) -> pl.LazyFrame:
    """Whoever declares an interest at a meeting is recorded present (or in attendance) at it."""
    # Only the attendance of meetings with a declaration is looked at (a semi-join against a few ids).
    declared = attendance.join(declarations.select("meeting_id").unique(), on="meeting_id", how="semi")
    recorded = declared.select("meeting_id").unique()
    there = declared.filter(pl.col("status").is_in(["present", "in_attendance"])).select("meeting_id", "person_id")
    failing = declarations.join(recorded, on="meeting_id", how="semi").join(there, on=["meeting_id", "person_id"],
                                                                             how="anti")
    return findings(failing, "declarations", field="person_id",
                    message=pl.format("{} declared an interest in item {}, but is not recorded present at the meeting.",
                                      pl.col("person_id"), pl.col("item")),
                    expected="present at the meeting", actual=pl.col("person_id"))


@rule("minute-sequence", family="meetings", severity=ERROR, resource="meetings")
def minutes_numbered_in_order(meetings: pl.LazyFrame, agenda_items: pl.LazyFrame,
                              resolutions: pl.LazyFrame) -> pl.LazyFrame:
    """Minute numbers keep increasing through a municipal year: each meeting starts after the last one ended."""
    numbers = pl.concat([agenda_items.select("meeting_id", "minute_number"),
                         resolutions.select("meeting_id", "minute_number")])
    # A few dozen distinct minute numbers recur across half a million rows: each is parsed once.
    parsed = numbers.select(pl.col("minute_number").unique()).with_columns(
        _number=pl.col("minute_number").str.extract(r"([0-9]+)", 1).cast(pl.Int64))
    numbers = numbers.join(parsed, on="minute_number", how="left") \
        .group_by("meeting_id").agg(_first=pl.col("_number").min(), _last=pl.col("_number").max()) \
        .filter(pl.col("_first").is_not_null())
    ordered = meetings.join(numbers, left_on="id", right_on="meeting_id").sort("date", "id").with_columns(
        _previous_last=pl.col("_last").shift(1).over(["committee_id", "municipal_year"]),
        _previous_date=pl.col("date").shift(1).over(["committee_id", "municipal_year"]),
    )
    failing = ordered.filter(pl.col("_first") <= pl.col("_previous_last"))
    return findings(failing, "meetings", field="minute_number",
                    message=pl.format("The minutes of {} start at number {}, but the previous meeting of {} ({}) "
                                      "already reached {}.", pl.col("date").cast(pl.String), pl.col("_first"),
                                      pl.col("municipal_year"), pl.col("_previous_date").cast(pl.String),
                                      pl.col("_previous_last")),
                    expected=pl.format("> {}", pl.col("_previous_last")), actual=pl.col("_first").cast(pl.String))
