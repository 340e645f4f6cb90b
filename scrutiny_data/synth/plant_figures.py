"""Planted errors in figures and people: totals, ratios, periods, dates and name variants."""

from __future__ import annotations

import polars as pl

from .figures import _printed, pounds_millions
from .governance import Batch, slug
from .plant_meetings import Tables, by_id

#: Spelling variants planted as a second person: printed first name -> variant.
VARIANTS = {"Michelle": "Michele", "Philip": "Phillip", "Sarah": "Sara", "Matthew": "Mathew", "Alan": "Allan"}


def _restated(frame: pl.DataFrame) -> pl.DataFrame:
    """Reprint `stated` from `value` after a change, keeping the printed precision."""
    suffix = pl.when(pl.col("unit") == "percent").then(pl.lit("%")).otherwise(pl.lit(""))
    return frame.with_columns(stated=pl.when(pl.col("stated").is_null()).then(None)
                              .otherwise(pl.concat_str(_printed(pl.col("value"), pl.col("decimals")), suffix)))


def _with_related(targets: pl.DataFrame, related: pl.Expr) -> pl.DataFrame:
    return targets.select(record_id=pl.col("id"), related=related)


def complaint_total(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    leaf = pl.col("part_of").is_in(tg["id"].implode()) & (pl.col("breakdown_value") == "assessment")
    com = t["complaints"].with_columns(count=pl.when(leaf).then(pl.col("count") + 5).otherwise(pl.col("count")))
    com = com.with_columns(stated=pl.col("count").cast(pl.String))
    return {**t, "complaints": com}, _with_related(tg, pl.format("{}-assessment", pl.col("id")))


def period_total(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    month = pl.format("{}-{}", pl.col("id"), pl.col("period_start").dt.strftime("%Y-%m"))
    first_months = tg.select(month.alias("month_id"))["month_id"].implode()
    hit = pl.col("id").is_in(first_months)
    com = t["complaints"].with_columns(count=pl.when(hit).then(pl.col("count") + 4).otherwise(pl.col("count")))
    return {**t, "complaints": com.with_columns(stated=pl.col("count").cast(pl.String))}, _with_related(tg, month)


def budget_total(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    line = pl.col("part_of").is_in(tg["id"].implode()) & (pl.col("service") == "social-work")
    bud = t["budget_lines"].with_columns(
        amount_gbp=pl.when(line).then(pl.col("amount_gbp") + 250_000).otherwise(pl.col("amount_gbp")))
    bud = bud.with_columns(stated=pounds_millions(pl.col("amount_gbp")))
    return {**t, "budget_lines": bud}, _with_related(tg, pl.col("id").str.replace(r"-total$", "-social-work"))


def _kpi_change(t: Tables, ids: pl.Series, **changes: pl.Expr) -> Tables:
    hit = pl.col("id").is_in(ids.implode())
    kpi = t["kpis"].with_columns(**{k: pl.when(hit).then(v).otherwise(pl.col(k)) for k, v in changes.items()})
    return {**t, "kpis": _restated(kpi)}


def percent_sum(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    parts = tg.select(pl.format("{}-white", pl.col("id")).alias("part"))["part"]
    shifted = pl.when(pl.col("value") >= 8).then(pl.col("value") - 8).otherwise(pl.col("value") + 8)
    return _kpi_change(t, parts, value=shifted), _with_related(tg, pl.format("{}-white", pl.col("id")))


def percent_mismatch(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    off = pl.when(pl.col("value") <= 90).then(pl.col("value") + 3).otherwise(pl.col("value") - 3)
    return _kpi_change(t, tg["id"], value=off), by_id(tg)


def date_order(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    return _kpi_change(t, tg["id"], period_end=pl.col("period_start") - pl.duration(days=1)), by_id(tg)


def implausible_date(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    return _kpi_change(t, tg["id"], period_end=pl.col("period_end").dt.offset_by("2y")), by_id(tg)


def cross_source(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    # The same figure restated in another paper of the same year (the first meeting of another committee).
    other = t["meetings"].filter((pl.col("comm") == 1) & (pl.col("slot") == 0)).select(
        "council", "y", pl.col("source_id").alias("other_source"))
    copies = tg.join(other, on=["council", "y"], maintain_order="left_right").with_columns(
        id=pl.format("{}-restated", pl.col("id")), source_id=pl.col("other_source"), report_id=pl.lit(None, pl.String),
        value=pl.col("value") + 5, source_line=pl.lit(42)).drop("other_source")
    kpi = pl.concat([t["kpis"], _restated(copies)], how="diagonal_relaxed")
    return {**t, "kpis": kpi}, _with_related(copies, pl.col("id").str.replace(r"-restated$", ""))


def name_variant(t: Tables, tg: pl.DataFrame, b: Batch) -> tuple[Tables, pl.DataFrame]:
    variant = pl.col("first_name").replace_strict(VARIANTS, default=pl.col("first_name"), return_dtype=pl.String)
    copies = tg.with_columns(original=pl.col("id"), first_name=variant).with_columns(
        name=pl.format("{} {}", pl.col("first_name"), pl.col("surname"))).with_columns(id=slug(pl.col("name")))
    people = pl.concat([t["people"], copies.drop("original")], how="diagonal_relaxed")
    return {**t, "people": people}, copies.select(record_id=pl.col("id"), related=pl.col("original"))
