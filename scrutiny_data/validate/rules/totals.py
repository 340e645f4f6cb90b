"""Totals rules: breakdown rows (`part_of`) add up to the total they point at, within printed rounding."""

from __future__ import annotations

import polars as pl

from ..findings import Severity
from ..registry import rule
from .common import findings, half_unit, number_text

ERROR = Severity.error


def _figures(frame: pl.LazyFrame, value: str, exact: pl.Expr, group: list[str]) -> pl.LazyFrame:
    """id, part_of, group columns, the value (where there is one), whether it is exact, unit if any."""
    names = frame.collect_schema().names()
    unit = pl.col("unit") if "unit" in names else pl.lit(None, pl.String)
    return frame.filter(pl.col(value).is_not_null()).select(
        "id", "part_of", *group, "source_id", "source_line", "stated",
        pl.col(value).cast(pl.Float64).alias("_value"), exact.alias("_exact"), unit.alias("_unit"),
    )


def _half() -> pl.Expr:
    """A figure's half-unit of printed precision (0 for exact counts)."""
    return pl.when(pl.col("_exact")).then(0.0).otherwise(half_unit(pl.col("stated"), pl.col("_value")))


def _sums(frame: pl.LazyFrame, value: str, exact: pl.Expr, group: list[str]) -> pl.LazyFrame:
    """Each total row joined to the sum of every breakdown of it (one row per total and dimension)."""
    figures = _figures(frame, value, exact, group)
    # Precision is read (three regexes) only for the parts and for the totals they point at, not every row.
    parts = figures.filter(pl.col("part_of").is_not_null()).group_by(["part_of", *group]).agg(
        _sum=pl.col("_value").sum(), _tolerance=_half().sum(), _parts=pl.len(),
        _part_unit=pl.col("_unit").first(),
    )
    totals = figures.drop(group)
    # A total the paper does not print (stated empty, e.g. the 100% of a percent breakdown) is exact.
    return parts.join(totals, left_on="part_of", right_on="id", how="inner").with_columns(
        id=pl.col("part_of"), _half=pl.when(pl.col("stated").is_null()).then(0.0).otherwise(_half()),
    ).with_columns(
        _off=((pl.col("_sum") - pl.col("_value")).abs() - pl.col("_tolerance") - pl.col("_half")) > 1e-9,
    )


def _dimension(group: list[str]) -> pl.Expr:
    return pl.format(" by {}", pl.col(group[0]).str.replace_all("_", " ")) if group else pl.lit("")


def _mismatches(frame: pl.LazyFrame, resource: str, value: str, exact: pl.Expr, group: list[str],
                percent_total: bool) -> pl.LazyFrame:
    sums = _sums(frame, value, exact, group)
    is_percent_total = (pl.col("_unit") == "percent") & (pl.col("_value") == 100)
    failing = sums.filter(pl.col("_off") & (is_percent_total if percent_total else ~is_percent_total.fill_null(False)))
    if percent_total:
        message = pl.format("The percentages in this breakdown add up to {}%, not 100%.", number_text(pl.col("_sum")))
    else:
        message = pl.format("The breakdown{} adds up to {}, but the total printed is {}.", _dimension(group),
                            number_text(pl.col("_sum")), pl.coalesce("stated", number_text(pl.col("_value"))))
    return findings(failing, resource, field=value, message=message, expected=number_text(pl.col("_sum")),
                    actual=number_text(pl.col("_value")))


@rule("total-mismatch", family="totals", severity=ERROR, resource=("complaints", "kpis", "budget_lines"))
def breakdowns_add_up(complaints: pl.LazyFrame, kpis: pl.LazyFrame, budget_lines: pl.LazyFrame) -> pl.LazyFrame:
    """The rows of a breakdown add up to the total they are part of.

    Counts must add up exactly; rounded figures may differ by the sum of every figure's half-unit of
    printed precision ("£2.857m" stands for ±£500). Complaints are summed per breakdown dimension.
    """
    exact_kpi = pl.col("unit") == "count"
    return pl.concat([
        _mismatches(complaints, "complaints", "count", pl.lit(True), ["breakdown"], percent_total=False),
        _mismatches(kpis, "kpis", "value", exact_kpi, [], percent_total=False),
        _mismatches(budget_lines, "budget_lines", "amount_gbp", pl.lit(False), [], percent_total=False),
    ])


@rule("percent-sum", family="totals", severity=ERROR, resource="kpis")
def percentages_sum_to_100(kpis: pl.LazyFrame) -> pl.LazyFrame:
    """The percentages of a breakdown sum to 100 within rounding.

    Each part printed to d decimals may be off by half a unit, so n parts may sum to 100 ± n·0.5·10^-d:
    62 + 27 + 12 = 101 is fine, 70 + 20 + 5 = 95 is not.
    """
    return _mismatches(kpis, "kpis", "value", pl.lit(False), [], percent_total=True)
