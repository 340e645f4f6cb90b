"""Ratio rules: a printed percentage agrees with the numerator and denominator printed beside it."""

from __future__ import annotations

import polars as pl

from ..findings import Severity
from ..registry import rule
from .common import findings, half_unit, number_text


@rule("percent-mismatch", family="ratios", severity=Severity.error, resource="kpis")
def percent_matches_its_fraction(kpis: pl.LazyFrame) -> pl.LazyFrame:
    """A percentage equals numerator / denominator within its printed precision.

    35 of 292 is 11.99%: printed "12%" passes, "11%" fails; 8 of 14 is 57.14%: "57%" passes.
    """
    computed = pl.col("numerator") / pl.col("denominator") * 100
    failing = kpis.filter(
        (pl.col("unit") == "percent") & pl.col("value").is_not_null() & pl.col("numerator").is_not_null()
        & pl.col("denominator").is_not_null() & (pl.col("denominator") != 0)
        & ((computed - pl.col("value")).abs() > half_unit(pl.col("stated"), pl.col("value")) + 1e-9)
    )
    shown = pl.coalesce("stated", pl.format("{}%", number_text(pl.col("value"))))
    return findings(
        failing, "kpis", field="value",
        message=pl.format("{} of {} is {}%, but the paper prints {}.", number_text(pl.col("numerator")),
                          number_text(pl.col("denominator")), number_text(computed.round(2)), shown),
        expected=number_text(computed.round(2)), actual=number_text(pl.col("value")),
    )
