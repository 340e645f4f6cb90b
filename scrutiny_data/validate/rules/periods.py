"""Period rules: months add up to the year to date; one measure, one period, one figure across sources; a printed
difference between two periods is the later figure minus the earlier one."""

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
    monthly = dated.filter((pl.col("_months") == 1) & (pl.col("period_start").dt.day() == 1)).with_row_index("_row") \
        .select("_row", *keys, "source_id", pl.col("period_start").alias("_month"), pl.col(value).alias("_month_value"))
    # Row numbers stand in for strings: a month stated twice keeps its first row (a window over two integers,
    # not a `unique` over five string columns), and totals are grouped by their row number.
    to_date = dated.filter(pl.col("_months") > 1).with_row_index("_total")
    return to_date.join(monthly, on=[*keys, "source_id"], nulls_equal=True) \
        .filter(pl.col("_month").is_between("period_start", "period_end")) \
        .filter(pl.col("_row") == pl.col("_row").min().over("_total", "_month")) \
        .group_by("_total").agg(*(pl.col(c).first() for c in ("id", "source_id", "source_line", "_months", value)),
                                _sum=pl.col("_month_value").sum(), _covered=pl.len())


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
        # Only measures stated more than once can disagree: keep those before the publisher join and the pairing.
        # A repeated hash of the key (a cheap test on integers) finds them; the exact count drops collisions.
        rows = frame.filter(pl.col(value).is_not_null()).filter(pl.struct(key[:-1]).hash().is_duplicated()) \
            .join(publishers, on="source_id", how="left").filter(pl.struct(key).hash().is_duplicated()) \
            .filter(pl.len().over(key) > 1).with_columns(
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


#: Suffix of the indicator of a printed difference row (`complaints-stage1-difference`).
DIFFERENCE_SUFFIX = "-difference"
_DIFFERENCE_KEY = ["source_id", "_measure", "comparator"]


def _period_side(figures: pl.LazyFrame, name: str, on: str, other: str) -> pl.LazyFrame:
    """One period's figures, named for a join on `on` (the period bound it shares with the difference row)."""
    return figures.filter(~pl.col("indicator").str.ends_with(DIFFERENCE_SUFFIX)).select(
        "source_id", pl.col("indicator").alias("_measure"), "comparator", on,
        pl.col(other).alias(f"_{name}_{other}"), pl.col("value").alias(f"_{name}"),
        pl.col("unit").alias(f"_{name}_unit"), pl.col("stated").alias(f"_{name}_stated"),
    )


def _half(value: str, stated: str, unit: str) -> pl.Expr:
    """Half a unit of a figure's printed precision, 0 for a count."""
    return pl.when(pl.col(unit) == "count").then(0.0).otherwise(half_unit(pl.col(stated), pl.col(value)))


@rule("difference-mismatch", family="periods", severity=Severity.error, resource="kpis")
def difference_is_later_minus_earlier(kpis: pl.LazyFrame) -> pl.LazyFrame:
    """A printed difference between two periods equals the later figure minus the earlier one, within rounding.

    The difference row has the indicator `<measure>-difference` and spans both periods (from the earlier period's
    start to the later period's end); both periods' figures are rows of `<measure>` in the same source.
    Stage 1 complaints 8 in 2020/21 and 17 in 2019/20: a printed "-9" passes, "-7" fails.
    """
    figures = kpis.filter(pl.col("value").is_not_null())
    differences = figures.filter(pl.col("indicator").str.ends_with(DIFFERENCE_SUFFIX)).with_columns(
        _measure=pl.col("indicator").str.strip_suffix(DIFFERENCE_SUFFIX))
    pairs = (
        differences
        .join(_period_side(figures, "later", "period_end", "period_start"), on=[*_DIFFERENCE_KEY, "period_end"])
        .filter(pl.col("_later_period_start") > pl.col("period_start"))
        .join(_period_side(figures, "earlier", "period_start", "period_end"), on=[*_DIFFERENCE_KEY, "period_start"])
        .filter(pl.col("_earlier_period_end") < pl.col("period_end"))
        # Two candidate figures for one period means the measure is ambiguous: no finding rather than a wrong one.
        .filter(pl.len().over("id") == 1)
        # Precision is read (three regexes) only for the few figures paired, not for every row.
        .with_columns(_change=pl.col("_later") - pl.col("_earlier"), _half=_half("value", "stated", "unit"),
                      _later_half=_half("_later", "_later_stated", "_later_unit"),
                      _earlier_half=_half("_earlier", "_earlier_stated", "_earlier_unit"))
    )
    tolerance = pl.col("_half") + pl.col("_later_half") + pl.col("_earlier_half") + 1e-9
    failing = pairs.filter((pl.col("_change") - pl.col("value")).abs() > tolerance)
    return findings(
        failing, "kpis", field="value",
        message=pl.format("{} minus {} is {}, but the paper prints {} as the difference.",
                          number_text(pl.col("_later")), number_text(pl.col("_earlier")),
                          number_text(pl.col("_change")), pl.coalesce("stated", number_text(pl.col("value")))),
        expected=number_text(pl.col("_change")), actual=number_text(pl.col("value")),
    )
