"""Date rules: real dates, printed weekdays that match, ends after starts, dates a paper could print."""

from __future__ import annotations

import polars as pl

from ...models import RESOURCES
from ...schema import field_specs
from ..config import ValidationConfig
from ..findings import Severity
from ..registry import rule
from .common import findings, paper_dates
from .schema import ISO_DATE_SHAPE, keyed_rows

ERROR = Severity.error
#: (resource, column with the date as printed, column with the parsed date).
STATED_DATES = (("meetings", "date_stated", "date"), ("events", "date_stated", "date"),
                ("actions", "due_stated", "due_date"))
_WEEKDAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}
_WEEKDAY = (r"(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b")
_MONTHS = {m: n for n, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                        "dec"), start=1)}
_DAY_MONTH_YEAR = (r"(?i)\b([0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                   r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+([0-9]{4})\b")


def _printed_dates(resource: str, frame: pl.LazyFrame, stated: str) -> pl.LazyFrame:
    """Rows whose printed date names a day, month and year that make no real date (31 September)."""
    parts = pl.col(stated).str.extract_groups(_DAY_MONTH_YEAR)
    month = parts.struct.field("2").str.to_lowercase().replace_strict(_MONTHS, default=None, return_dtype=pl.Int64)
    iso = pl.format("{}-{}-{}", parts.struct.field("3"), month.cast(pl.String).str.zfill(2),
                    parts.struct.field("1").str.zfill(2))
    # Papers print the same dates again and again: each distinct text is parsed once (a regex with groups).
    impossible = frame.select(pl.col(stated).unique()).filter(
        month.is_not_null() & iso.str.to_date("%Y-%m-%d", strict=False).is_null())
    failing = frame.join(impossible, on=stated, how="semi")
    return findings(failing, resource, field=stated,
                    message=pl.format("The paper prints the date \"{}\", which does not exist.", pl.col(stated)),
                    expected="a real date", actual=pl.col(stated))


@rule("invalid-date", family="dates", severity=ERROR, resource=tuple(RESOURCES))
def dates_exist(tables: dict[str, pl.LazyFrame], raw: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    """A date is a real calendar date: no 31 September, no 29 February outside a leap year."""
    frames = []
    for name, model in RESOURCES.items():
        if name not in raw:
            continue
        raw_columns = raw[name].collect_schema().names()
        for spec in (s for s in field_specs(model) if s.type == "date" and s.name in raw_columns):
            text = pl.col("_raw").str.strip_chars()
            # The regex runs only on the few values that did not parse (a filter holding it would be pushed
            # down to every row).
            rows = keyed_rows(name, tables[name], raw[name], pl.col("_typed").is_null() & pl.col("_raw").is_not_null(),
                              [pl.col(spec.name).alias("_typed")], [pl.col(spec.name).alias("_raw")]) \
                .with_columns(_iso_shaped=text.str.contains(ISO_DATE_SHAPE))
            frames.append(findings(
                rows.filter("_iso_shaped"), name,
                field=spec.name, record=pl.col("record_id"), expected="a real date", actual=text,
                message=pl.format("The {} {} is not a real date.", pl.lit(spec.name), text),
            ))
    frames += [_printed_dates(name, tables[name], stated) for name, stated, _ in STATED_DATES]
    return pl.concat(frames)


@rule("weekday-mismatch", family="dates", severity=ERROR, resource=("meetings", "events", "actions"))
def printed_weekday_matches(meetings: pl.LazyFrame, events: pl.LazyFrame, actions: pl.LazyFrame) -> pl.LazyFrame:
    """A weekday printed with a date is the weekday of that date ("Wednesday 25th July" 2022 was a Monday)."""
    frames = []
    for name, frame in (("meetings", meetings), ("events", events), ("actions", actions)):
        _, stated, parsed = next(entry for entry in STATED_DATES if entry[0] == name)
        printed = pl.col(stated).str.extract(_WEEKDAY, 1).str.to_lowercase().str.slice(0, 3)
        weekday = printed.replace_strict(_WEEKDAYS, default=None, return_dtype=pl.Int8)
        failing = frame.filter(weekday.is_not_null() & pl.col(parsed).is_not_null()
                               & (weekday != pl.col(parsed).dt.weekday()))
        frames.append(findings(
            failing, name, field=stated,
            message=pl.format("The paper prints \"{}\", but {} was a {}.", pl.col(stated),
                              pl.col(parsed).dt.strftime("%-d %B %Y"), pl.col(parsed).dt.strftime("%A")),
            expected=pl.col(parsed).dt.strftime("%A"), actual=pl.col(stated),
        ))
    return pl.concat(frames)


def _ends_before_starts(frame: pl.LazyFrame, resource: str, start: str, end: str, what: str) -> pl.LazyFrame:
    failing = frame.filter(pl.col(end) < pl.col(start))
    return findings(failing, resource, field=end,
                    message=pl.format("The {} ends ({}) before it starts ({}).", pl.lit(what),
                                      pl.col(end).cast(pl.String), pl.col(start).cast(pl.String)),
                    expected=pl.format("on or after {}", pl.col(start).cast(pl.String)),
                    actual=pl.col(end).cast(pl.String))


@rule("date-order", family="dates", severity=ERROR, resource=("meetings", "events", "complaints", "kpis"))
def ends_after_starts(meetings: pl.LazyFrame, events: pl.LazyFrame, complaints: pl.LazyFrame,
                      kpis: pl.LazyFrame) -> pl.LazyFrame:
    """Nothing ends before it starts: meetings, events and reporting periods."""
    time_shape = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
    timed = meetings.filter(pl.col("start_time").str.contains(time_shape)
                            & pl.col("end_time").str.contains(time_shape))
    return pl.concat([
        _ends_before_starts(timed, "meetings", "start_time", "end_time", "meeting"),
        _ends_before_starts(events, "events", "date", "end_date", "event"),
        _ends_before_starts(complaints, "complaints", "period_start", "period_end", "reporting period"),
        _ends_before_starts(kpis, "kpis", "period_start", "period_end", "reporting period"),
    ])


def _after_paper(frame: pl.LazyFrame, resource: str, field: str, limit: pl.Expr, message: str) -> pl.LazyFrame:
    failing = frame.filter(pl.col(field) > limit)
    return findings(failing, resource, field=field,
                    message=pl.format(message, pl.col(field).cast(pl.String), pl.col("paper_date").cast(pl.String)),
                    expected=pl.format("on or before {}", limit.cast(pl.String)), actual=pl.col(field).cast(pl.String))


@rule("implausible-date", family="dates", severity=ERROR,
      resource=("actions", "events", "complaints", "kpis"))
def dates_plausible_for_paper(actions: pl.LazyFrame, events: pl.LazyFrame, complaints: pl.LazyFrame,
                              kpis: pl.LazyFrame, reports: pl.LazyFrame, meetings: pl.LazyFrame,
                              sources: pl.LazyFrame, config: ValidationConfig) -> pl.LazyFrame:
    """A date is one the paper could print: no due date decades ahead, no past event or reported period after the paper.

    The paper's date is the meeting its report went to, else its source's publication date, else `as_of`.
    """
    def dated(frame: pl.LazyFrame) -> pl.LazyFrame:
        return paper_dates(frame, reports, meetings, sources, config.as_of)

    horizon = pl.col("paper_date").dt.offset_by(f"{config.horizon_years}y")
    past_events = dated(events).filter(pl.col("tense") == "past").with_columns(
        _last_day=pl.coalesce("end_date", "date"))
    return pl.concat([
        _after_paper(dated(actions), "actions", "due_date", horizon,
                     f"The due date {{}} is more than {config.horizon_years} years after the paper ({{}})."),
        findings(past_events.filter(pl.col("_last_day") > pl.col("paper_date")), "events", field="date",
                 message=pl.format("The paper ({}) describes this event in the past tense, but it is dated {}.",
                                   pl.col("paper_date").cast(pl.String), pl.col("_last_day").cast(pl.String)),
                 expected=pl.format("on or before {}", pl.col("paper_date").cast(pl.String)),
                 actual=pl.col("_last_day").cast(pl.String)),
        _after_paper(dated(complaints), "complaints", "period_end", pl.col("paper_date"),
                     "The reported period ends on {}, after the paper's own date ({})."),
        _after_paper(dated(kpis).filter(pl.col("comparator") != "target"), "kpis", "period_end",
                     pl.col("paper_date"), "The reported period ends on {}, after the paper's own date ({})."),
    ])
