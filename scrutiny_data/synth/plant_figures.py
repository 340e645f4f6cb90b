"""Planted errors in figures and people: totals, ratios, periods, dates and name variants."""

from __future__ import annotations

import polars as pl

from .figures import printed, pounds_millions
from .governance import Batch, slug
from .plant_meetings import Tables, by_id

#: Spelling variants planted as a second person: printed first name -> variant.
VARIANTS = {"Michelle": "Michele", "Philip": "Phillip", "Sarah": "Sara", "Matthew": "Mathew", "Alan": "Allan"}


def _restated(frame: pl.DataFrame) -> pl.DataFrame:
    """Reprint `stated` from `value` after a change, keeping the printed precision."""
    suffix = pl.when(pl.col("unit") == "percent").then(pl.lit("%")).otherwise(pl.lit(""))
    return frame.with_columns(
        stated=pl.when(pl.col("stated").is_null())
        .then(None)
        .otherwise(pl.concat_str(printed(pl.col("value"), pl.col("decimals")), suffix))
    )


def _with_related(targets: pl.DataFrame, related: pl.Expr) -> pl.DataFrame:
    return targets.select(record_id=pl.col("id"), related=related)


def complaint_total(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A stage 1 complaints team breakdown that no longer adds up to its total."""
    leaf = pl.col("part_of").is_in(targets["id"].implode()) & (pl.col("breakdown_value") == "assessment")
    com = tables["complaints"].with_columns(count=pl.when(leaf).then(pl.col("count") + 5).otherwise(pl.col("count")))
    com = com.with_columns(stated=pl.col("count").cast(pl.String))
    return {**tables, "complaints": com}, _with_related(targets, pl.format("{}-assessment", pl.col("id")))


def period_total(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A month of compliments that no longer adds up to the year."""
    month = pl.format("{}-{}", pl.col("id"), pl.col("period_start").dt.strftime("%Y-%m"))
    first_months = targets.select(month.alias("month_id"))["month_id"].implode()
    hit = pl.col("id").is_in(first_months)
    com = tables["complaints"].with_columns(count=pl.when(hit).then(pl.col("count") + 4).otherwise(pl.col("count")))
    return {**tables, "complaints": com.with_columns(stated=pl.col("count").cast(pl.String))}, _with_related(
        targets, month
    )


def budget_total(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A budget line that no longer adds up to the budget's total."""
    line = pl.col("part_of").is_in(targets["id"].implode()) & (pl.col("service") == "social-work")
    bud = tables["budget_lines"].with_columns(
        amount_gbp=pl.when(line).then(pl.col("amount_gbp") + 250_000).otherwise(pl.col("amount_gbp"))
    )
    bud = bud.with_columns(stated=pounds_millions(pl.col("amount_gbp")))
    return {**tables, "budget_lines": bud}, _with_related(targets, pl.col("id").str.replace(r"-total$", "-social-work"))


def _kpi_change(tables: Tables, ids: pl.Series, **changes: pl.Expr) -> Tables:
    hit = pl.col("id").is_in(ids.implode())
    kpi = tables["kpis"].with_columns(**{k: pl.when(hit).then(v).otherwise(pl.col(k)) for k, v in changes.items()})
    return {**tables, "kpis": _restated(kpi)}


def percent_sum(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A percentage breakdown that sums to 92 or 108."""
    parts = targets.select(pl.format("{}-white", pl.col("id")).alias("part"))["part"]
    shifted = pl.when(pl.col("value") >= 8).then(pl.col("value") - 8).otherwise(pl.col("value") + 8)
    return _kpi_change(tables, parts, value=shifted), _with_related(targets, pl.format("{}-white", pl.col("id")))


def percent_mismatch(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A percentage 3 points away from its numerator over denominator."""
    off = pl.when(pl.col("value") <= 90).then(pl.col("value") + 3).otherwise(pl.col("value") - 3)
    return _kpi_change(tables, targets["id"], value=off), by_id(targets)


def date_order(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A KPI period that ends the day before it starts."""
    return _kpi_change(tables, targets["id"], period_end=pl.col("period_start") - pl.duration(days=1)), by_id(targets)


def implausible_date(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A KPI period that ends two years after the paper reporting it."""
    return _kpi_change(tables, targets["id"], period_end=pl.col("period_end").dt.offset_by("2y")), by_id(targets)


def cross_source(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """The same figure restated, differently, in another paper of the same year."""
    # The same figure restated in another paper of the same year (the first meeting of another committee).
    other = (
        tables["meetings"]
        .filter((pl.col("comm") == 1) & (pl.col("slot") == 0))
        .select("council", "y", pl.col("source_id").alias("other_source"))
    )
    copies = (
        targets.join(other, on=["council", "y"], maintain_order="left_right")
        .with_columns(
            id=pl.format("{}-restated", pl.col("id")),
            source_id=pl.col("other_source"),
            report_id=pl.lit(None, pl.String),
            value=pl.col("value") + 5,
            source_line=pl.lit(42),
        )
        .drop("other_source")
    )
    kpi = pl.concat([tables["kpis"], _restated(copies)], how="diagonal_relaxed")
    return {**tables, "kpis": kpi}, _with_related(copies, pl.col("id").str.replace(r"-restated$", ""))


def name_variant(tables: Tables, targets: pl.DataFrame, batch: Batch) -> tuple[Tables, pl.DataFrame]:
    """A second person with the same surname and a spelling variant of the first name."""
    variant = pl.col("first_name").replace_strict(VARIANTS, default=pl.col("first_name"), return_dtype=pl.String)
    copies = (
        targets.with_columns(original=pl.col("id"), first_name=variant)
        .with_columns(name=pl.format("{} {}", pl.col("first_name"), pl.col("surname")))
        .with_columns(id=slug(pl.col("name")))
    )
    people = pl.concat([tables["people"], copies.drop("original")], how="diagonal_relaxed")
    return {**tables, "people": people}, copies.select(record_id=pl.col("id"), related=pl.col("original"))
