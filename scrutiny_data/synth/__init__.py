"""Seeded synthetic data packages at national scale, with planted errors of every rule family."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from ..atomic import atomic_dir, atomic_write_text
from ..dataset import Dataset, csv_bytes, resource_descriptor
from ..models import RESOURCES
from ..schema import field_specs
from . import attendance as att
from . import figures, governance
from .plants import PLANTS, assign, plant

#: Councils generated together: one vectorised pass each (the random stream is per batch, so fixed).
BATCH_COUNCILS = 50
#: The last municipal year generated starts in May of this year.
LAST_YEAR = 2024
MANIFEST = "planted-errors.json"
#: Attendance rows per meeting on average: 12 members, 3 officers and the substitutes (measured).
ATTENDANCE_PER_MEETING = 15.6

Progress = Callable[[str], None]


def _first_source(meeting_frame: pl.DataFrame) -> pl.DataFrame:
    return meeting_frame.filter(pl.col("slot") == 0).select("committee_id", "y", "source_id", "source_line")


def _build(batch: governance.Batch) -> dict[str, pl.DataFrame]:
    """Every table of one batch of councils, clean: all totals, dates and meetings consistent."""
    councils = governance.councils(batch)
    committees = governance.committees(councils, batch)
    members = governance.memberships(committees, batch)
    people = governance.people(members, councils, batch)
    members = members.join(
        people.select("person_index", pl.col("id").alias("person_id")), on="person_index", maintain_order="left_right"
    )
    meetings = governance.meetings(committees, batch)
    first = _first_source(meetings)
    members = members.join(first, on=["committee_id", "y"], maintain_order="left_right").with_columns(
        source_line=pl.col("source_line") + 2 + pl.col("seat")
    )
    committees = committees.with_columns(y=pl.lit(0)).join(first, on=["committee_id", "y"], maintain_order="left_right")
    joined = members.group_by("person_index", maintain_order=True).agg(
        pl.col("source_id").first(), pl.col("source_line").first()
    )
    council_source = committees.filter(pl.col("comm") == 0).select(
        "council", pl.col("source_id").alias("council_source")
    )
    people = (
        people.join(joined, on="person_index", how="left", maintain_order="left")
        .join(council_source, on="council", maintain_order="left_right")
        .with_columns(
            source_id=pl.coalesce("source_id", "council_source"), source_line=pl.col("source_line").fill_null(3)
        )
    )
    attendance = att.attendance(meetings, members, people, batch)
    reports = att.reports(meetings)
    years = figures.council_years(reports, councils, batch)
    return {
        "sources": governance.sources(meetings, councils, batch),
        "committees": committees.with_columns(
            name=pl.format("{} {}", pl.col("place_name"), pl.col("comm_name")),
            committee_type=pl.lit("overview_and_scrutiny"),
            id=pl.col("committee_id"),
        ),
        "people": people,
        "memberships": members,
        "meetings": meetings,
        "attendance": attendance,
        "declarations": att.declarations(meetings, attendance, batch),
        "resolutions": att.resolutions(meetings, attendance, batch),
        "reports": reports,
        "complaints": figures.complaints(years, batch),
        "kpis": figures.kpis(years, batch),
        "budget_lines": figures.budget_lines(years, batch),
    }


def _contract_columns(resource: str, frame: pl.DataFrame) -> pl.DataFrame:
    """A resource's contract columns in order, every value as text (missing columns empty)."""
    exprs = []
    for spec in field_specs(RESOURCES[resource]):
        column = pl.col(spec.name) if spec.name in frame.columns else pl.lit(None)
        if spec.name in frame.columns and frame.schema[spec.name] == pl.Date:
            column = column.dt.strftime("%Y-%m-%d")
        exprs.append(column.cast(pl.String).alias(spec.name))
    return frame.select(exprs)


def generate(
    councils: int, years: int, seed: int, errors: int = 0, *, progress: Progress | None = None
) -> tuple[Dataset, dict[str, Any]]:
    """A synthetic dataset of `councils` councils over `years` municipal years with `errors` planted errors.

    Returns the dataset and its manifest: `{"planted": [{"code", "family", "resource", "record_id",
    "field", "related"}...], ...}`. The same arguments give the same data.
    """
    if councils < 1 or years < 1 or errors < 0:
        raise ValueError("councils and years must be at least 1, errors at least 0")
    batches = math.ceil(councils / BATCH_COUNCILS)
    dealt = assign(errors, batches)
    parts: dict[str, list[pl.DataFrame]] = {}
    planted: list[dict[str, Any]] = []
    for index in range(batches):
        first = index * BATCH_COUNCILS
        batch = governance.Batch(
            first,
            min(BATCH_COUNCILS, councils - first),
            years,
            LAST_YEAR - years + 1,
            np.random.default_rng([seed, index]),
        )
        tables, entries = plant(_build(batch), dealt[index], batch)
        planted.extend(entries)
        for resource, frame in tables.items():
            parts.setdefault(resource, []).append(_contract_columns(resource, frame))
        if progress:
            progress(
                f"councils {first + batch.councils}/{councils}: "
                f"{sum(p[-1].height for p in parts.values()):,} rows, {len(entries)} errors planted"
            )
    frames = {resource: pl.concat(frames) for resource, frames in parts.items()}
    name = f"synthetic-scrutiny-{councils}x{years}-seed{seed}"
    descriptor = {
        "name": name,
        "title": f"Synthetic council scrutiny data: {councils} councils, {years} years (seed {seed})",
        "description": "Generated by scrutiny_data.synth; every figure is invented. "
        f"{len(planted)} errors are planted on purpose: see {MANIFEST}.",
        "licenses": [
            {
                "name": "OGL-UK-3.0",
                "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
                "title": "Open Government Licence v3.0",
            }
        ],
    }
    dataset = Dataset.from_frames(name, frames, descriptor=descriptor)
    manifest = {
        "generator": "scrutiny_data.synth",
        "councils": councils,
        "years": years,
        "seed": seed,
        "errors": len(planted),
        "rows": {res: frame.height for res, frame in frames.items()},
        "planted": planted,
    }
    return dataset, manifest


def write(
    out: Path, councils: int, years: int, seed: int, errors: int = 0, *, progress: Progress | None = None
) -> dict[str, Any]:
    """Generate a dataset and write it as a data package with its `planted-errors.json`; returns the manifest."""
    dataset, manifest = generate(councils, years, seed, errors, progress=progress)
    out.mkdir(parents=True, exist_ok=True)
    # The CSVs are written from the raw text, not the typed tables: a planted "three" must stay "three".
    with atomic_dir(out / "data") as data_dir:
        for name in RESOURCES:
            frame = dataset.raw.get(name, dataset.tables[name].select(pl.all().cast(pl.String)))
            (data_dir / f"{name}.csv").write_bytes(csv_bytes(frame))
    descriptor = {**dataset.descriptor, "resources": [resource_descriptor(name) for name in RESOURCES]}
    atomic_write_text(out / "datapackage.json", json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
    atomic_write_text(out / MANIFEST, json.dumps(manifest, indent=2) + "\n")
    if progress:
        progress(f"wrote {out} ({dataset.row_count:,} rows, {manifest['errors']} planted errors)")
    return manifest


def match_planted(manifest: dict[str, Any], findings: list[Any]) -> dict[str, list[dict[str, Any]]]:
    """Planted errors found and missed, and findings at no planted record.

    A planted error is found when a finding has its code at its record (or at its `related` record:
    a name variant may be reported on either person, a restated figure on either source's row).
    """
    seen = {(f.code, f.record_id) for f in findings}
    found, missing = [], []
    for entry in manifest["planted"]:
        records = {entry["record_id"], entry.get("related")} - {None}
        (found if any((entry["code"], r) in seen for r in records) else missing).append(entry)
    planted = {(e["code"], r) for e in manifest["planted"] for r in (e["record_id"], e.get("related")) if r}
    unexpected = [
        {"code": f.code, "resource": f.resource, "record_id": f.record_id, "message": f.message}
        for f in findings
        if (f.code, f.record_id) not in planted
    ]
    return {"found": found, "missing": missing, "unexpected": unexpected}


def councils_for_rows(attendance_rows: int, years: int) -> int:
    """About how many councils give `attendance_rows` attendance rows over `years` years."""
    per_council_year = len(governance.COMMITTEES) * len(governance.MEETING_SLOTS) * ATTENDANCE_PER_MEETING
    return max(1, round(attendance_rows / (per_council_year * years)))


__all__ = ["MANIFEST", "PLANTS", "councils_for_rows", "generate", "match_planted", "write"]
