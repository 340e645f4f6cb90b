"""Validating a Parquet package in batches of publishers, so memory is bounded by a batch, not the package."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from ..dataset import Dataset, empty_frame
from ..errors import ScrutinyDataError
from ..models import RESOURCES
from ..publish.parquet import DATASET_KEY, _conform, parquet_files
from .config import ValidationConfig
from .engine import _report, run_rules, run_rules_lazy
from .findings import Report
from .registry import RULES
from .waivers import WAIVER_FILE, Waiver, load_waivers

#: Rules that compare rows of different publishers (keys, references, people's names): run once, on the
#: whole package's projected columns; every other rule stays inside one publisher's papers.
GLOBAL_RULES = frozenset({"duplicate-key", "foreign-key", "name-variant", "unknown-field"})


def _scans(root: Path) -> dict[str, pl.LazyFrame]:
    files = {file.stem: file for file in parquet_files(root)}
    if not files:
        raise ScrutinyDataError("no Parquet files found", path=root)
    return {name: pl.scan_parquet(files[name]) if name in files else empty_frame(name).lazy() for name in RESOURCES}


def _batch(scans: dict[str, pl.LazyFrame], rows: pl.Expr) -> Dataset:
    """The rows of every resource that `rows` keeps, typed, with their text as strings."""
    tables = {name: _conform(name, scan.filter(rows).collect())
              for name, scan in scans.items()}
    raw = {name: frame.select(pl.all().cast(pl.String)) for name, frame in tables.items()}
    return Dataset(name="batch", tables=tables, raw=raw)


def validate_parquet(path: str | Path, *, publishers_per_batch: int = 50, waivers: list[Waiver] | Path | None = None,
                     config: ValidationConfig | None = None) -> Report:
    """Validate a directory of `<resource>.parquet` files a batch of publishers at a time.

    The cross-publisher rules (`GLOBAL_RULES`) run one at a time over lazily scanned, projected
    columns (their key joins set the peak memory); the others run on one batch of rows at a time.
    The findings are those of `validate(load(path))` when every reference stays within a publisher.
    """
    root = Path(path)
    config = config or ValidationConfig()
    scans = _scans(root)
    text = {name: scan.select(pl.all().cast(pl.String)) for name, scan in scans.items()}
    # One global rule at a time: their joins over the whole package's keys are what peaks, so not side by side.
    found = [run_rules_lazy(scans, text, replace(config, skip=frozenset(RULES) - {code}))
             for code in sorted(GLOBAL_RULES - config.skip)]
    sources = scans["sources"].select("id", "publisher").collect()
    publishers = sources.get_column("publisher").unique().sort(nulls_last=True)
    batch_config = replace(config, skip=config.skip | GLOBAL_RULES)
    for start in range(0, len(publishers), publishers_per_batch):
        chosen = publishers.slice(start, publishers_per_batch)
        ids = sources.filter(pl.col("publisher").is_in(chosen.implode(), nulls_equal=True)).get_column("id")
        found.append(run_rules(_batch(scans, pl.col("source_id").is_in(ids.implode())), batch_config))
    # Rows of no known source (a finding of their own) are checked together, last.
    known = sources.get_column("id").implode()
    found.append(run_rules(_batch(scans, pl.col("source_id").is_null() | ~pl.col("source_id").is_in(known)),
                           batch_config))
    records = sum(scan.select(pl.len()).collect().item() for scan in scans.values())
    beside = root / WAIVER_FILE
    acknowledged = (load_waivers(waivers) if isinstance(waivers, str | Path) else list(waivers)
                    if waivers is not None else load_waivers(beside) if beside.is_file() else [])
    name = (pq.read_schema(parquet_files(root)[0]).metadata or {}).get(DATASET_KEY, root.name.encode()).decode()
    return _report(name, pl.concat(found, how="vertical"), acknowledged, config, records)
