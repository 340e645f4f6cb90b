"""Synthetic complaints, KPIs and budget lines: totals and breakdowns that add up, one row per figure."""

from __future__ import annotations

import numpy as np
import polars as pl

from .governance import Batch

#: Complaint categories with their typical yearly count; the representations total sums them.
CATEGORIES = {
    "compliment": 120,
    "initial_feedback": 90,
    "complaint_stage1": 150,
    "complaint_stage2": 12,
    "complaint_stage3": 3,
    "ombudsman": 4,
    "mp_enquiry": 40,
    "member_enquiry": 60,
}
#: One breakdown per broken-down category: dimension and values.
BREAKDOWNS = {
    "complaint_stage1": ("team", ("assessment", "family-support", "children-in-care", "leaving-care")),
    "complaint_stage2": ("outcome", ("upheld", "partially-upheld", "not-upheld")),
    "initial_feedback": ("timeliness", ("within-timescale", "outside-timescale")),
}
#: Monthly counted indicators (their year row is the sum of the months) with typical monthly counts.
MONTHLY = {
    "contacts": 900,
    "referrals": 160,
    "re-referrals": 30,
    "assessments": 150,
    "strategy-discussions": 60,
    "section-47-enquiries": 40,
    "initial-child-protection-conferences": 18,
    "child-protection-plans-started": 15,
    "child-protection-plans-ended": 15,
    "children-in-care-started": 12,
    "children-in-care-ceased": 11,
    "care-leavers-contacted": 80,
    "missing-episodes": 45,
    "return-interviews": 35,
    "early-help-assessments": 70,
    "private-fostering-notifications": 2,
}
#: Rates printed as a percentage with numerator and denominator: decimals printed.
RATIOS = {
    "assessments-within-45-days": 0,
    "re-referrals-within-12-months": 1,
    "cp-visits-in-timescale": 0,
    "cla-reviews-in-timescale": 1,
    "care-leavers-in-suitable-accommodation": 0,
    "care-leavers-in-eet": 1,
}
RATES = ("children-in-care-rate", "child-protection-rate", "children-in-need-rate")
RATE_COMPARATORS = ("none", "england", "statistical_neighbours")
SHARES = {
    "ethnicity": ("white", "mixed", "asian", "black-or-other"),
    "age": ("under-1", "1-to-4", "5-to-9", "10-to-15", "16-plus"),
}
PLACEMENTS = ("foster", "residential", "kinship", "other")
SERVICES = ("social-work", "children-in-care", "fostering", "early-help", "youth-offending", "education-support")


def council_years(report_frame: pl.DataFrame, council_frame: pl.DataFrame, batch: Batch) -> pl.DataFrame:
    """Council-years with the financial year reported (the one ended before the report) and its reports."""
    wide = report_frame.pivot("report_kind", index=["council", "y"], values=["id", "source_id"], maintain_order=True)
    frame = wide.join(council_frame.select("council", "council_slug"), on="council", maintain_order="left_right")
    start = pl.col("y") + batch.first_year - 1
    return frame.with_columns(
        fy_slug=pl.format("{}-{}", start.cast(pl.String), ((start + 1) % 100).cast(pl.String).str.zfill(2)),
        fy_start=pl.date(start, 4, 1),
        fy_end=pl.date(start + 1, 3, 31),
        budget_period=pl.format("{}/{}", (start + 1).cast(pl.String), ((start + 2) % 100).cast(pl.String).str.zfill(2)),
    ).sort("council", "y")


def _rows(years: pl.DataFrame, keys: dict[str, list], values: dict[str, np.ndarray]) -> pl.DataFrame:
    """Council-years crossed with `keys` (outer) in order, with per-row `values` (length years x keys)."""
    frame = years.join(pl.DataFrame(keys), how="cross", maintain_order="left_right")
    return frame.with_columns(**{name: pl.Series(array.ravel()) for name, array in values.items()})


def complaints(years: pl.DataFrame, batch: Batch) -> pl.DataFrame:
    """Per council-year: representations total, category totals, monthly counts and breakdowns."""
    rng, n = batch.rng, years.height
    cats = list(CATEGORIES)
    monthly = rng.poisson(np.array(list(CATEGORIES.values())) / 12, (n, 12, len(cats))).transpose(0, 2, 1)
    annual = monthly.sum(axis=2)
    prefix = pl.format("{}-{}-c", pl.col("council_slug"), pl.col("fy_slug"))
    common = {"report_id": pl.col("id_complaints"), "source_id": pl.col("source_id_complaints")}
    total = years.with_columns(
        id=pl.format("{}-representations", prefix),
        category=pl.lit("representations"),
        breakdown=pl.lit("none"),
        breakdown_value=pl.lit(None, pl.String),
        count=pl.Series(annual.sum(axis=1)),
        part_of=pl.lit(None, pl.String),
        period_start=pl.col("fy_start"),
        period_end=pl.col("fy_end"),
        source_line=pl.lit(100),
        **common,
    )
    by_category = _rows(years, {"category": cats, "line": range(len(cats))}, {"count": annual}).with_columns(
        id=pl.format("{}-{}", prefix, pl.col("category")),
        breakdown=pl.lit("none"),
        breakdown_value=pl.lit(None, pl.String),
        part_of=pl.format("{}-representations", prefix),
        period_start=pl.col("fy_start"),
        period_end=pl.col("fy_end"),
        source_line=101 + pl.col("line"),
        **common,
    )
    months = _rows(
        years,
        {"category": [c for c in cats for _ in range(12)], "month": list(range(12)) * len(cats)},
        {"count": monthly},
    )
    month_start = pl.col("fy_start").dt.offset_by(pl.format("{}mo", pl.col("month").cast(pl.String)))
    months = months.with_columns(period_start=month_start).with_columns(
        period_end=pl.col("period_start").dt.month_end(),
        id=pl.format("{}-{}-{}", prefix, pl.col("category"), pl.col("period_start").dt.strftime("%Y-%m")),
        breakdown=pl.lit("none"),
        breakdown_value=pl.lit(None, pl.String),
        part_of=pl.lit(None, pl.String),
        source_line=200 + pl.col("month"),
        **common,
    )
    parts = []
    for category, (dimension, labels) in BREAKDOWNS.items():
        split = rng.multinomial(annual[:, cats.index(category)], np.full(len(labels), 1 / len(labels)))
        parts.append(
            _rows(years, {"breakdown_value": list(labels)}, {"count": split}).with_columns(
                id=pl.format("{}-{}-{}", prefix, pl.lit(category), pl.col("breakdown_value")),
                category=pl.lit(category),
                breakdown=pl.lit(dimension),
                part_of=pl.format("{}-{}", prefix, pl.lit(category)),
                period_start=pl.col("fy_start"),
                period_end=pl.col("fy_end"),
                source_line=pl.lit(150),
                **common,
            )
        )
    frame = pl.concat([total, by_category, months, *parts], how="diagonal_relaxed")
    return frame.with_columns(stated=pl.col("count").cast(pl.String))


def _half_up(values: np.ndarray, decimals: int | np.ndarray) -> np.ndarray:
    """Round half away from zero, as papers print."""
    scale = 10.0 ** np.asarray(decimals)
    return np.floor(values * scale + 0.5) / scale


def printed(value: pl.Expr, decimals: pl.Expr, suffix: str = "") -> pl.Expr:
    """A value printed to `decimals` places, as text."""
    text = (
        pl.when(decimals == 0)
        .then(value.round(0).cast(pl.Int64).cast(pl.String))
        .otherwise(value.round(1).cast(pl.String))
    )
    return pl.concat_str(text, pl.lit(suffix))


def kpis(years: pl.DataFrame, batch: Batch) -> pl.DataFrame:
    """Per council-year: monthly counts with their year total, ratios, rates with comparators, shares, placements."""
    rng, n = batch.rng, years.height
    indicator = pl.format("{}.{}", pl.col("council_slug"), pl.col("measure"))
    prefix = pl.format("{}-{}-k-{}", pl.col("council_slug"), pl.col("fy_slug"), pl.col("measure"))
    common = {
        "report_id": pl.col("id_performance"),
        "source_id": pl.col("source_id_performance"),
        "indicator": indicator,
        "label": pl.col("measure").str.replace_all("-", " ").str.to_titlecase(),
    }
    measures = list(MONTHLY)
    monthly = rng.poisson(np.array(list(MONTHLY.values())), (n, 12, len(measures))).transpose(0, 2, 1)
    months = _rows(
        years,
        {"measure": [m for m in measures for _ in range(12)], "month": list(range(12)) * len(measures)},
        {"value": monthly.astype(float)},
    ).with_columns(period_start=pl.col("fy_start").dt.offset_by(pl.format("{}mo", pl.col("month").cast(pl.String))))
    months = months.with_columns(
        period_end=pl.col("period_start").dt.month_end(),
        unit=pl.lit("count"),
        id=pl.format("{}-{}", prefix, pl.col("period_start").dt.strftime("%Y-%m")),
        source_line=300 + pl.col("month"),
        decimals=pl.lit(0),
    )
    year_total = _rows(years, {"measure": measures}, {"value": monthly.sum(axis=2).astype(float)}).with_columns(
        period_start=pl.col("fy_start"),
        period_end=pl.col("fy_end"),
        unit=pl.lit("count"),
        id=prefix,
        source_line=pl.lit(299),
        decimals=pl.lit(0),
    )
    denominator = rng.poisson(200, (n, len(RATIOS))) + 20
    numerator = rng.binomial(denominator, rng.uniform(0.4, 0.95, (n, len(RATIOS))))
    decimals = np.broadcast_to(np.array(list(RATIOS.values())), (n, len(RATIOS)))
    exact = 100 * numerator / denominator
    # A true value exactly half-way between two printed values sits on the tolerance edge; nudge it off.
    on_edge = np.isclose((exact * 10.0**decimals) % 1, 0.5)
    numerator = np.where(on_edge, numerator + np.where(numerator < denominator, 1, -1), numerator)
    ratio_value = _half_up(100 * numerator / denominator, decimals)
    ratios = _rows(
        years,
        {"measure": list(RATIOS)},
        {
            "value": ratio_value,
            "numerator": numerator.astype(float),
            "denominator": denominator.astype(float),
            "decimals": decimals,
        },
    )
    ratios = ratios.with_columns(
        period_start=pl.col("fy_start"),
        period_end=pl.col("fy_end"),
        unit=pl.lit("percent"),
        id=prefix,
        source_line=pl.lit(350),
    )
    rate_keys = {
        "measure": [r for r in RATES for _ in RATE_COMPARATORS],
        "comparator": list(RATE_COMPARATORS) * len(RATES),
    }
    rates = _rows(years, rate_keys, {"value": _half_up(rng.uniform(20, 120, (n, len(rate_keys["measure"]))), 1)})
    rates = rates.with_columns(
        period_start=pl.col("fy_start"),
        period_end=pl.col("fy_end"),
        unit=pl.lit("rate_per_10k"),
        id=pl.format("{}-{}", prefix, pl.col("comparator")),
        source_line=pl.lit(360),
        decimals=pl.lit(1),
    )
    in_care = rng.poisson(250, n) + 20
    shares = [ratios, rates]
    for measure, groups in SHARES.items():
        counts = rng.multinomial(in_care, rng.dirichlet(np.ones(len(groups)) * 3))
        share_rows = _rows(years, {"group": list(groups)}, {"value": _half_up(100 * counts / in_care[:, None], 0)})
        total_row = years.with_columns(
            value=pl.lit(100.0),
            measure=pl.lit(f"children-in-care-by-{measure}"),
            group=pl.lit(None, pl.String),
            stated_total=pl.lit(True),
        )
        shares.append(
            pl.concat(
                [total_row, share_rows.with_columns(measure=pl.lit(f"children-in-care-by-{measure}"))],
                how="diagonal_relaxed",
            ).with_columns(
                unit=pl.lit("percent"),
                decimals=pl.lit(0),
                period_start=pl.col("fy_start"),
                period_end=pl.col("fy_end"),
                source_line=pl.lit(370),
                id=pl.when(pl.col("group").is_null())
                .then(prefix)
                .otherwise(pl.format("{}-{}", prefix, pl.col("group"))),
                part_of=pl.when(pl.col("group").is_not_null()).then(prefix),
            )
        )
    placements = rng.multinomial(in_care, np.array([0.7, 0.12, 0.13, 0.05]))
    place_rows = pl.concat(
        [
            years.with_columns(value=pl.Series(in_care.astype(float)), group=pl.lit(None, pl.String)),
            _rows(years, {"group": list(PLACEMENTS)}, {"value": placements.astype(float)}),
        ],
        how="diagonal_relaxed",
    )
    shares.append(
        place_rows.with_columns(
            measure=pl.lit("children-in-care-by-placement"),
            unit=pl.lit("count"),
            decimals=pl.lit(0),
            period_start=pl.col("fy_end"),
            period_end=pl.col("fy_end"),
            source_line=pl.lit(380),
        ).with_columns(
            id=pl.when(pl.col("group").is_null()).then(prefix).otherwise(pl.format("{}-{}", prefix, pl.col("group"))),
            part_of=pl.when(pl.col("group").is_not_null()).then(prefix),
        )
    )
    frame = pl.concat([months, year_total, *shares], how="diagonal_relaxed").with_columns(**common)
    suffix = pl.when(pl.col("unit") == "percent").then(pl.lit("%")).otherwise(pl.lit(""))
    stated = pl.concat_str(printed(pl.col("value"), pl.col("decimals")), suffix)
    return frame.with_columns(
        comparator=pl.col("comparator").fill_null("none"),
        stated=pl.when(pl.col("stated_total").fill_null(False)).then(pl.lit(None, pl.String)).otherwise(stated),
        label=pl.when(pl.col("group").is_not_null())
        .then(pl.format("{}: {}", pl.col("label"), pl.col("group")))
        .otherwise(pl.col("label")),
    )


def budget_lines(years: pl.DataFrame, batch: Batch) -> pl.DataFrame:
    """Per council-year: a service budget in thousands of pounds, and its total."""
    amounts = batch.rng.integers(200, 9000, (years.height, len(SERVICES))) * 1000
    prefix = pl.format("{}-{}-b", pl.col("council_slug"), pl.col("fy_slug"))
    total = years.with_columns(
        amount_gbp=pl.Series(amounts.sum(axis=1)),
        service=pl.lit(None, pl.String),
        id=pl.format("{}-total", prefix),
        label=pl.lit("Total"),
        part_of=pl.lit(None, pl.String),
    )
    lines = _rows(years, {"service": list(SERVICES)}, {"amount_gbp": amounts}).with_columns(
        id=pl.format("{}-{}", prefix, pl.col("service")),
        part_of=pl.format("{}-total", prefix),
        label=pl.col("service").str.replace_all("-", " ").str.to_titlecase(),
    )
    frame = pl.concat([total, lines], how="diagonal_relaxed")
    return frame.with_columns(
        report_id=pl.col("id_budget"),
        source_id=pl.col("source_id_budget"),
        source_line=pl.lit(500),
        budget=pl.format("Children's services budget {}", pl.col("budget_period")),
        period=pl.col("budget_period"),
        stated=pounds_millions(pl.col("amount_gbp")),
    )


def pounds_millions(amount: pl.Expr) -> pl.Expr:
    """Whole thousands of pounds printed as `£2.857m`."""
    return pl.format(
        "£{}.{}m", (amount // 1_000_000).cast(pl.String), (amount // 1000 % 1000).cast(pl.String).str.zfill(3)
    )
