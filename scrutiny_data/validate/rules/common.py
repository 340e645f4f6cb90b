"""Building blocks rules share: record ids, finding frames, printed precision, the paper's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import polars as pl

from ...models import RESOURCES
from ..findings import FINDING_COLUMNS

_NUMBER = r"([0-9][0-9,]*(?:\.[0-9]+)?)"
_PERCENT_NUMBER = _NUMBER + r"\s*(?:%|per ?cent)"
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_MULTIPLIER = r"(?i)[0-9]\s*(bn|billion|million|thousand|m|k)\b"


def record_id(resource: str) -> pl.Expr:
    """The row's id: its primary key values joined with "/"."""
    keys = RESOURCES[resource].table.primary_key
    parts = [pl.col(k).cast(pl.String).fill_null("") for k in keys]
    return parts[0] if len(parts) == 1 else pl.concat_str(parts, separator="/")


def empty_findings() -> pl.LazyFrame:
    """A frame of no findings, with the finding columns."""
    return pl.LazyFrame(schema=FINDING_COLUMNS)


def as_expr(value: pl.Expr | str | None) -> pl.Expr:
    """A literal (or null) as an expression; expressions pass through."""
    return value if isinstance(value, pl.Expr) else pl.lit(value, dtype=pl.String)


def findings(frame: pl.LazyFrame, resource: str | pl.Expr, *, field: pl.Expr | str | None,
             message: pl.Expr, expected: pl.Expr | str | None = None, actual: pl.Expr | str | None = None,
             record: pl.Expr | None = None) -> pl.LazyFrame:
    """Select the finding columns from a frame of failing rows (of `resource` unless `record` is given)."""
    if record is None:
        assert isinstance(resource, str), "a computed resource needs an explicit record id"
        record = record_id(resource)
    columns = {
        "resource": as_expr(resource), "record_id": record, "field": as_expr(field), "message": message,
        "expected": as_expr(expected), "actual": as_expr(actual),
        "source_id": pl.col("source_id"), "source_line": pl.col("source_line"),
    }
    return frame.select(expr.cast(FINDING_COLUMNS[name]).alias(name) for name, expr in columns.items())


def per_run(value: pl.Expr, test: Callable[[pl.Expr], pl.Expr]) -> pl.Expr:
    """`test(value)` computed once per run of equal values: ids repeat row after row (a meeting's attendance)."""
    return test(value.rle().struct.field("value")).gather(value.rle_id())


def number_text(value: pl.Expr) -> pl.Expr:
    """A number as printed plainly: 88.0 as "88", 0.1 + 0.2 as "0.3"."""
    whole = value.round(0)
    return (
        pl.when(value.is_null()).then(None)
        .when((value == whole) & (value.abs() < 1e15)).then(whole.cast(pl.Int64).cast(pl.String))
        .otherwise(value.round(6).cast(pl.String))
    )


def _decimals(number: pl.Expr) -> pl.Expr:
    """Digits after the decimal point in a printed number (0 when there is none)."""
    return number.str.extract(r"\.([0-9]+)$", 1).str.len_chars().fill_null(0)


def half_unit(stated: pl.Expr, value: pl.Expr) -> pl.Expr:
    """Half a unit of the printed precision: "57%" -> 0.5, "£2.857m" -> 500 (pounds), "12.25" -> 0.005.

    Without a printed figure the precision is read from the value itself.
    """
    printed = pl.coalesce(stated.str.extract(_PERCENT_NUMBER, 1), stated.str.extract(_NUMBER, 1))
    multiplier = (
        stated.str.extract(_MULTIPLIER, 1).str.to_lowercase().replace_strict(_MULTIPLIERS, default=1.0)
        .cast(pl.Float64).fill_null(1.0)
    )
    from_value = value.cast(pl.String).str.replace(r"\.0$", "")
    decimals = pl.when(printed.is_not_null()).then(_decimals(printed)).otherwise(_decimals(from_value))
    return pl.lit(0.5) * pl.lit(10.0).pow(-decimals.cast(pl.Float64)) * multiplier


def paper_dates(frame: pl.LazyFrame, reports: pl.LazyFrame, meetings: pl.LazyFrame,
                sources: pl.LazyFrame, as_of: dt.date | None) -> pl.LazyFrame:
    """Add `paper_date`: the meeting date of the row's report, else its source's date, else `as_of`."""
    meeting_dates = reports.select(pl.col("id").alias("report_id"), "meeting_id").join(
        meetings.select(pl.col("id").alias("meeting_id"), pl.col("date").alias("_meeting_date")),
        on="meeting_id", how="left",
    ).unique("report_id", keep="first").drop("meeting_id")
    published = sources.select(pl.col("id").alias("source_id"), pl.col("published").alias("_published")) \
        .unique("source_id", keep="first")
    return (
        frame.join(meeting_dates, on="report_id", how="left")
        .join(published, on="source_id", how="left")
        .with_columns(paper_date=pl.coalesce("_meeting_date", "_published", pl.lit(as_of, dtype=pl.Date)))
        .drop("_meeting_date", "_published")
    )
