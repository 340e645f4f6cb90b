"""Inline datasets for rule tests: give only the columns a test is about, the rest are valid defaults."""

from __future__ import annotations

from typing import Any

import polars as pl

from scrutiny_data.dataset import Dataset
from scrutiny_data.validate import Report, ValidationConfig, validate

COMMITTEE = "thurrock-childrens-services-osc"
#: A valid value for each required column, so a test row names only what it is about.
DEFAULTS: dict[str, dict[str, Any]] = {
    "sources": {"file_name": "003.txt", "sha256": "a" * 64, "kind": "pdf_text"},
    "committees": {"id": COMMITTEE, "name": "Children's Services Overview and Scrutiny Committee",
                   "body": "Thurrock Council", "body_gss": "E06000034", "committee_type": "overview_and_scrutiny"},
    "people": {"kind": "councillor"},
    "memberships": {"committee_id": COMMITTEE, "municipal_year": "2022/23", "role": "member"},
    "meetings": {"committee_id": COMMITTEE, "municipal_year": "2022/23", "status": "held"},
    "attendance": {"status": "present"},
    "agenda_items": {"title": "Item"},
    "declarations": {"item": "general", "kind": "non_pecuniary", "interest": "School governor"},
    "resolutions": {"seq": 1, "text": "Noted.", "outcome": "noted"},
    "reports": {"title": "A report"},
    "work_programme": {"committee_id": COMMITTEE, "municipal_year": "2022/23", "title": "Item"},
    "actions": {"plan": "Plan", "action": "Do it"},
    "events": {"description": "Something happened", "tense": "past"},
    "complaints": {"period_start": "2021-04-01", "period_end": "2022-03-31", "breakdown": "none"},
    "kpis": {"indicator": "measure", "label": "Measure", "unit": "count", "comparator": "none"},
    "budget_lines": {"budget": "Savings", "label": "Line"},
}


def frame(resource: str, rows: list[dict[str, Any]]) -> pl.DataFrame:
    """Rows with defaults filled in, every value as text (as a CSV would give it)."""
    full = [{**DEFAULTS[resource], "source_id": "003", "source_line": index, **row}
            for index, row in enumerate(rows, start=1)]
    columns = list(dict.fromkeys(key for row in full for key in row))
    return pl.DataFrame({c: [None if r.get(c) is None else str(r[c]) for r in full] for c in columns},
                        schema={c: pl.String for c in columns})


def make_dataset(**tables: list[dict[str, Any]]) -> Dataset:
    """A dataset from lists of rows keyed by resource; a sources row for "003" is added if none is given."""
    tables.setdefault("sources", [{"id": "003", "published": "2022-09-13"}])
    return Dataset.from_frames("test", {name: frame(name, rows) for name, rows in tables.items()})


def found(dataset: Dataset, config: ValidationConfig | None = None, **kwargs: Any) -> list[tuple[str, str | None]]:
    """(code, record id) of every finding, in report order."""
    return [(f.code, f.record_id) for f in validate(dataset, config=config, waivers=kwargs.get("waivers", [])).findings]


def report(dataset: Dataset, **kwargs: Any) -> Report:
    """The report of a dataset, with no waivers unless given."""
    return validate(dataset, waivers=kwargs.pop("waivers", []), **kwargs)
