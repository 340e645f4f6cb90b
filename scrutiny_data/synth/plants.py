"""The catalogue of planted errors, and planting K of them at distinct records of a batch."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from . import plant_figures as fig
from . import plant_meetings as mtg
from .governance import COUNCILLOR_SEATS, Batch

Apply = Callable[[mtg.Tables, pl.DataFrame, Batch], tuple[mtg.Tables, pl.DataFrame]]


@dataclass(frozen=True)
class Plant:
    """One kind of planted error: the finding it must cause, where, and the change that causes it."""

    code: str
    family: str
    resource: str
    field: str | None
    pool: str
    apply: Apply


_BAD_OUTCOME = mtg.resolution_change(outcome=pl.lit("deferred"))
_NO_TEXT = mtg.resolution_change(text=pl.lit(None, pl.String))

#: Every kind of planted error, ordered so that any seven cover all seven rule families.
PLANTS: tuple[Plant, ...] = (
    Plant("type-error", "schema", "committees", "quorum", "committees", mtg.type_error),
    Plant("total-mismatch", "totals", "complaints", "count", "stage1_totals", fig.complaint_total),
    Plant("percent-mismatch", "ratios", "kpis", "value", "ratio_kpis", fig.percent_mismatch),
    Plant("weekday-mismatch", "dates", "meetings", "date_stated", "meetings", mtg.weekday_mismatch),
    Plant("attendee-not-member", "meetings", "attendance", "person_id", "meetings", mtg.attendee_not_member),
    Plant("name-variant", "entities", "people", "name", "variant_people", fig.name_variant),
    Plant("period-total", "periods", "complaints", "count", "compliment_totals", fig.period_total),
    Plant("duplicate-key", "schema", "resolutions", None, "meetings", mtg.duplicate_key),
    Plant("percent-sum", "totals", "kpis", "value", "ethnicity_totals", fig.percent_sum),
    Plant("date-order", "dates", "kpis", "period_end", "ratio_kpis", fig.date_order),
    Plant(
        "substitute-invalid",
        "meetings",
        "attendance",
        "substitute_for",
        "meetings_without_substitutes",
        mtg.substitute_invalid,
    ),
    Plant("cross-source-mismatch", "periods", "kpis", "value", "england_rates", fig.cross_source),
    Plant("enum-invalid", "schema", "resolutions", "outcome", "meetings", _BAD_OUTCOME),
    Plant("total-mismatch", "totals", "budget_lines", "amount_gbp", "budget_totals", fig.budget_total),
    Plant("implausible-date", "dates", "kpis", "period_end", "ratio_kpis", fig.implausible_date),
    Plant("late-arrival-order", "meetings", "attendance", "arrived_at", "meetings", mtg.late_arrival),
    Plant("foreign-key", "schema", "attendance", "person_id", "meetings", mtg.foreign_key),
    Plant("invalid-date", "dates", "meetings", "agenda_published", "meetings", mtg.invalid_date),
    Plant("quorum", "meetings", "meetings", None, "meetings_without_declarations", mtg.quorum),
    Plant("required-missing", "schema", "resolutions", "text", "meetings", _NO_TEXT),
    Plant("vote-count", "meetings", "resolutions", "votes_for", "meetings", mtg.vote_count),
    Plant("notice-period", "meetings", "meetings", "agenda_published", "meetings", mtg.notice_period),
    Plant(
        "declaration-not-present",
        "meetings",
        "declarations",
        "person_id",
        "meetings_with_apologies",
        mtg.declaration_not_present,
    ),
    Plant("minute-sequence", "meetings", "resolutions", "minute_number", "later_meetings", mtg.minute_sequence),
)
#: Plants that turn a typed column into text run after every plant that computes with it.
_RUN_LAST = {"invalid-date", "type-error"}


def _meeting_facts(t: mtg.Tables) -> pl.DataFrame:
    att = t["attendance"]
    subs = att.filter(pl.col("seat") >= 12).select("meeting_id").unique()
    away = att.filter(pl.col("seat").is_between(2, COUNCILLOR_SEATS - 1) & (pl.col("status") == "apologies"))
    decl = t["declarations"].select("meeting_id").unique()
    return t["meetings"].with_columns(
        has_substitute=pl.col("id").is_in(subs["meeting_id"].implode()),
        has_apologies=pl.col("id").is_in(away["meeting_id"].unique().implode()),
        has_declaration=pl.col("id").is_in(decl["meeting_id"].implode()),
    )


def _pools(t: mtg.Tables) -> dict[str, tuple[str, pl.DataFrame]]:
    """Candidate records of each pool, and the group whose records may take only one planted error."""
    facts = _meeting_facts(t)
    kpis, com = t["kpis"], t["complaints"]
    return {
        "meetings": ("meetings", facts),
        "meetings_without_substitutes": ("meetings", facts.filter(~pl.col("has_substitute"))),
        "meetings_without_declarations": ("meetings", facts.filter(~pl.col("has_declaration"))),
        "meetings_with_apologies": ("meetings", facts.filter(pl.col("has_apologies") & ~pl.col("has_declaration"))),
        "later_meetings": ("meetings", facts.filter(pl.col("slot") >= 1)),
        "committees": ("committees", t["committees"]),
        "stage1_totals": (
            "stage1_totals",
            com.filter(
                (pl.col("category") == "complaint_stage1")
                & (pl.col("breakdown") == "none")
                & pl.col("part_of").is_not_null()
            ),
        ),
        "compliment_totals": (
            "compliment_totals",
            com.filter((pl.col("category") == "compliment") & pl.col("part_of").is_not_null()),
        ),
        "budget_totals": ("budget_totals", t["budget_lines"].filter(pl.col("part_of").is_null())),
        "ratio_kpis": ("ratio_kpis", kpis.filter(pl.col("numerator").is_not_null())),
        "ethnicity_totals": (
            "ethnicity_totals",
            kpis.filter((pl.col("measure") == "children-in-care-by-ethnicity") & pl.col("part_of").is_null()),
        ),
        "england_rates": ("england_rates", kpis.filter(pl.col("comparator") == "england")),
        "variant_people": (
            "variant_people",
            t["people"].filter(pl.col("first_name").is_in(list(fig.VARIANTS)) & (pl.col("kind") == "councillor")),
        ),
    }


def assign(errors: int, batches: int) -> list[Counter[int]]:
    """Which plants each batch gets: error j is plant j mod len(PLANTS), dealt to batches in blocks."""
    dealt: list[Counter[int]] = [Counter() for _ in range(batches)]
    for j in range(errors):
        dealt[(j // len(PLANTS)) % batches][j % len(PLANTS)] += 1
    return dealt


def plant(tables: mtg.Tables, wanted: Counter[int], batch: Batch) -> tuple[mtg.Tables, list[dict]]:
    """Apply the wanted plants at distinct random records; returns the changed tables and manifest entries."""
    pools = _pools(tables)
    used: dict[str, set[str]] = {}
    chosen: list[tuple[int, pl.DataFrame]] = []
    for index in sorted(wanted):
        spec = PLANTS[index]
        group, candidates = pools[spec.pool]
        taken = used.setdefault(group, set())
        candidates = candidates.filter(~pl.col("id").is_in(list(taken)))
        order = pl.Series(batch.rng.permutation(candidates.height))
        targets = candidates[order].head(wanted[index])
        if targets.height < wanted[index]:
            raise ValueError(
                f"too many planted {spec.code} errors for this size: at most {candidates.height} fit "
                "in a batch; generate more councils or years, or plant fewer errors"
            )
        taken.update(targets["id"].to_list())
        chosen.append((index, targets))
    entries: list[dict] = []
    for index, targets in sorted(chosen, key=lambda item: PLANTS[item[0]].code in _RUN_LAST):
        spec = PLANTS[index]
        tables, records = spec.apply(tables, targets, batch)
        entries.extend(
            {
                "code": spec.code,
                "family": spec.family,
                "resource": spec.resource,
                "field": spec.field,
                "record_id": row["record_id"],
                "related": row["related"],
            }
            for row in records.iter_rows(named=True)
        )
    return tables, entries
