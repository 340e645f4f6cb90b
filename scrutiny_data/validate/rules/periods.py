"""Period rules: months add up to the year to date; one measure, one period, one figure across sources."""

from __future__ import annotations

import polars as pl

from ..findings import Severity
from ..registry import rule
from .common import findings, half_unit, number_text

#: What identifies one measure in each resource, and the column holding its figure.
MEASURES = {
    "kpis": (["indicator", "comparator", "unit"], "value"),
    "complaints": (["category", "breakdown", "breakdown_value"], "count"),
}
#: Units whose monthly figures can be added up (a rate or a percentage cannot).
ADDITIVE_UNITS = ("count", "gbp")


def _month_index(column: str) -> pl.Expr:
    return pl.col(column).dt.year() * 12 + pl.col(column).dt.month()


def _month_sums(frame: pl.LazyFrame, keys: list[str], value: str) -> pl.LazyFrame:
    """Each multi-month row joined to the sum of the single-month rows of its measure, source and span."""
    dated = frame.filter(pl.col("period_start").is_not_null() & pl.col("period_end").is_not_null()
                         & pl.col(value).is_not_null()).with_columns(
        _months=_month_index("period_end") - _month_index("period_start") + 1)
    monthly = dated.filter((pl.col("_months") == 1) & (pl.col("period_start").dt.day() == 1)) \
        .unique([*keys, "source_id", "period_start"], keep="first") \
        .select(*keys, "source_id", pl.col("period_start").alias("_month"), pl.col(value).alias("_month_value"))
    to_date = dated.filter(pl.col("_months") > 1)
    return to_date.join(monthly, on=[*keys, "source_id"], nulls_equal=True) \
        .filter(pl.col("_month").is_between("period_start", "period_end")) \
        .group_by("id", "source_id", "source_line", "_months", value) \
        .agg(_sum=pl.col("_month_value").sum(), _covered=pl.len())


@rule("period-total", family="periods", severity=Severity.error, resource=("kpis", "complaints"))
def months_add_up_to_year(kpis: pl.LazyFrame, complaints: pl.LazyFrame) -> pl.LazyFrame:
    """Monthly figures of one measure add up to the figure for the whole period (year to date) in the same paper.

    Only periods whose every month is stated are checked, and only counts and amounts (not rates).
    """
    frames = []
    for name, frame in (("kpis", kpis.filter(pl.col("unit").is_in(ADDITIVE_UNITS))), ("complaints", complaints)):
        keys, value = MEASURES[name]
        sums = _month_sums(frame, keys, value)
        failing = sums.filter((pl.col("_covered") == pl.col("_months")) & (pl.col("_sum") != pl.col(value)))
        frames.append(findings(
            failing, name, field=value,
            message=pl.format("The {} months add up to {}, but the figure for the whole period is {}.",
                              pl.col("_months"), number_text(pl.col("_sum")), number_text(pl.col(value))),
            expected=number_text(pl.col("_sum")), actual=number_text(pl.col(value)),
        ))
    return pl.concat(frames)


@rule("cross-source-mismatch", family="periods", severity=Severity.warning, resource=("kpis", "complaints"))
def one_figure_per_measure(kpis: pl.LazyFrame, complaints: pl.LazyFrame, sources: pl.LazyFrame) -> pl.LazyFrame:
    """The same measure for the same period is stated with the same figure in every source (within rounding).

    Only sources of one publisher are compared (two councils' figures differ legitimately).
    Reported on the row of the later source, naming the earlier one.
    """
    # Without the publisher in the key, a national dataset compares every council with every other:
    # wrong findings, and a join that grows with the square of the number of councils.
    publishers = sources.select(pl.col("id").alias("source_id"), pl.col("publisher").alias("_publisher")).unique(
        "source_id", keep="first")
    frames = []
    for name, frame, keys, value, exact in (
        ("kpis", kpis, ["indicator", "label", "comparator"], "value", pl.col("unit") == "count"),
        ("complaints", complaints, MEASURES["complaints"][0], "count", pl.lit(True)),
    ):
        key = [*keys, "period_start", "period_end", "_publisher"]
        rows = frame.filter(pl.col(value).is_not_null()).join(publishers, on="source_id", how="left").with_columns(
            _half=pl.when(exact).then(0.0).otherwise(half_unit(pl.col("stated"), pl.col(value).cast(pl.Float64))))
        earlier = rows.select(*key, *(pl.col(c).alias(f"_earlier_{c}") for c in
                                      ("source_id", "source_line", value, "_half", "stated")))
        pairs = rows.join(earlier, on=key, nulls_equal=True).filter(
            (pl.col("_earlier_source_id") < pl.col("source_id"))
            & ((pl.col(value) - pl.col(f"_earlier_{value}")).abs() > pl.col("_half") + pl.col("_earlier__half") + 1e-9))
        first = pairs.sort("_earlier_source_id", "_earlier_source_line").unique("id", keep="first")
        shown = pl.coalesce("stated", number_text(pl.col(value).cast(pl.Float64)))
        earlier_shown = pl.coalesce("_earlier_stated", number_text(pl.col(f"_earlier_{value}").cast(pl.Float64)))
        frames.append(findings(
            first, name, field=value,
            message=pl.format("Source {} states {} for this measure and period, but source {} (line {}) states {}.",
                              "source_id", shown, "_earlier_source_id", "_earlier_source_line", earlier_shown),
            expected=number_text(pl.col(f"_earlier_{value}").cast(pl.Float64)),
            actual=number_text(pl.col(value).cast(pl.Float64)),
        ))
    return pl.concat(frames)
