"""Where a finding's record sits in the data package: the resource's CSV file and its line."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ..dataset import Dataset
from ..models import RESOURCES
from ..validate.findings import Finding


def display_path(path: Path, base: Path | None = None) -> str:
    """`path` relative to `base` (the working directory) when inside it, else absolute, with `/`."""
    base = (base or Path.cwd()).resolve()
    path = path.resolve()
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def record_lines(resource: str, raw: pl.DataFrame, record_ids: Iterable[str]) -> dict[str, int]:
    """Line in the CSV file (header is line 1) of each wanted record id of a resource.

    Record ids are the primary key values joined with "/", as the validator writes them. A quoted
    value with line breaks in it pushes the following records down; that is counted, vectorised.
    """
    model = RESOURCES.get(resource)
    wanted = sorted(set(record_ids))
    if model is None or not wanted or not set(model.table.primary_key) <= set(raw.columns):
        return {}
    breaks = pl.sum_horizontal(pl.col(name).str.count_matches("\n").fill_null(0) for name in raw.columns)
    located = (
        raw.with_row_index("row")
        .select(
            pl.concat_str([pl.col(k).fill_null("") for k in model.table.primary_key], separator="/").alias("record_id"),
            (pl.col("row").cast(pl.Int64) + 2 + breaks.cum_sum() - breaks).alias("line"),
        )
        .filter(pl.col("record_id").is_in(wanted))
        .unique("record_id", keep="first", maintain_order=True)
    )
    return dict(located.iter_rows())


@dataclass
class RecordLocator:
    """`locate(finding)` -> (CSV file as shown to the user, line or None), or None when unknown."""

    files: dict[str, str] = field(default_factory=dict)  # resource -> display path of its CSV
    lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (resource, record id) -> line

    @classmethod
    def for_dataset(cls, dataset: Dataset, findings: Iterable[Finding], base: Path | None = None) -> RecordLocator:
        """Locate the records of `findings` in the dataset's CSV files."""
        if dataset.path is None:
            return cls()
        files: dict[str, str] = {}
        for resource in dataset.descriptor.get("resources", []):
            if isinstance(resource, dict) and isinstance(resource.get("path"), str):
                files[str(resource.get("name"))] = display_path(dataset.path / resource["path"], base)
        wanted: dict[str, set[str]] = {}
        for finding in findings:
            if finding.record_id is not None and finding.resource in dataset.raw:
                wanted.setdefault(finding.resource, set()).add(finding.record_id)
        lines = {
            (resource, record_id): line
            for resource, ids in wanted.items()
            for record_id, line in record_lines(resource, dataset.raw[resource], ids).items()
        }
        return cls(files, lines)

    def __call__(self, finding: Finding) -> tuple[str, int | None] | None:
        path = self.files.get(finding.resource)
        if path is None:
            return None
        return path, self.lines.get((finding.resource, finding.record_id or ""))


def relative_source(path: Path | None, base: Path | None = None) -> str | None:
    """A source file's path for an annotation, only when it lies inside the working directory."""
    if path is None:
        return None
    shown = display_path(path, base)
    return None if os.path.isabs(shown) else shown
