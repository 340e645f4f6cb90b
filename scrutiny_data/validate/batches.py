"""Validating a Parquet package in batches of publishers, so memory is bounded by a batch, not the package."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import polars as pl
import pyarrow
import pyarrow.parquet as pq

from ..dataset import Dataset, empty_frame
from ..errors import ScrutinyDataError
from ..models import RESOURCES
from ..publish.parquet import DATASET_KEY, _conform, parquet_files
from ..schema import field_specs
from .config import ValidationConfig
from .engine import _report, run_rules, run_rules_lazy
from .findings import Report
from .registry import RULES
from .waivers import Waiver, resolve_waivers

#: Rules that compare rows of different publishers (keys, references, people's names): each is run so that
#: it sees the whole package; every other rule stays inside one publisher's papers.
GLOBAL_RULES = frozenset({"duplicate-key", "foreign-key", "name-variant", "unknown-field"})

#: Publishers a batch by default: measured on the 10x benchmark package, 100 took 29 s against 38 s for 50
#: (each batch has a fixed cost), with peak memory set by the whole-package rules, not the batch.
PUBLISHERS_PER_BATCH = 100

#: Called after each step with (steps done, steps in all).
Progress = Callable[[int, int], None]


def _foreign_keys_fit_batches() -> bool:
    """True when no rows added to a batch as reference targets (key columns only) can refer to anything themselves."""
    return not any(
        set(own.fields) <= set(fk.reference)
        for model in RESOURCES.values() for fk in model.table.foreign_keys
        for own in RESOURCES[fk.resource].table.foreign_keys
    )


#: Whether `foreign-key` runs inside the batches (with the targets it names from other batches added).
FOREIGN_KEYS_IN_BATCHES = _foreign_keys_fit_batches()


def _files(root: Path) -> dict[str, Path]:
    """The Parquet file of each contract resource the package has."""
    files = {file.stem: file for file in parquet_files(root)}
    if not files:
        raise ScrutinyDataError("no Parquet files found", path=root)
    return {name: files[name] for name in RESOURCES if name in files}


def _scans(files: dict[str, Path]) -> dict[str, pl.LazyFrame]:
    return {name: pl.scan_parquet(files[name]) if name in files else empty_frame(name).lazy() for name in RESOURCES}


def _typed(name: str, scan: pl.LazyFrame, columns: list[str]) -> list[pl.Expr]:
    """Columns of a scanned resource in their contract dtypes (null where the file lacks one)."""
    present = set(scan.collect_schema().names())
    specs = {spec.name: spec for spec in field_specs(RESOURCES[name])}
    return [(pl.col(c).cast(specs[c].polars_type, strict=False) if c in present else pl.lit(None, specs[c].polars_type))
            .alias(c) for c in columns]


def _dataset(tables: dict[str, pl.DataFrame]) -> Dataset:
    """A dataset of typed frames (every contract resource), their text as strings."""
    # One chunk per column: frames read in pieces by the streaming engine have made polars 2.1 panic
    # ("i < self.len()") in string expressions of the rules; a batch is small enough to copy.
    tables = {name: tables.get(name, empty_frame(name)).rechunk() for name in RESOURCES}
    raw = {name: frame.select(pl.all().cast(pl.String)) for name, frame in tables.items()}
    return Dataset(name="batch", tables=tables, raw=raw)


def _batch(scans: dict[str, pl.LazyFrame], rows: pl.Expr, spans: dict[str, tuple[int, int]]) -> Dataset:
    """The rows of every resource that `rows` keeps, typed; only the span (first, last row) given is read.

    A resource without `source_id` (its rows belong to no known source) is read whole where it has a span.
    """
    frames = {}
    for name, scan in scans.items():
        first, last = spans.get(name, (0, -1))
        part = scan.slice(first, last - first + 1)
        if "source_id" in scan.collect_schema().names():
            part = part.filter(rows)
        frames[name] = _conform(name, part.collect(engine="streaming"))
    return _dataset(frames)


def _spans(scans: dict[str, pl.LazyFrame], batch_of: pl.DataFrame, unknown: int) -> list[dict[str, tuple[int, int]]]:
    """For each batch, the first and last row of each resource that it holds (one pass over the `source_id`s).

    `batch_of` gives each source id its batch (an id listed twice may have two); rows of no known source
    are in batch `unknown`. Rows are usually grouped by their paper, so a batch's rows lie close together
    and reading its span skips most of each file.
    """
    spans: list[dict[str, tuple[int, int]]] = [{} for _ in range(unknown + 1)]
    for name, scan in scans.items():
        if "source_id" not in scan.collect_schema().names():
            rows = scan.select(pl.len()).collect().item()
            if rows:
                spans[unknown][name] = (0, rows - 1)
            continue
        bounds = scan.select(pl.int_range(pl.len(), dtype=pl.UInt64).alias("_row"), "source_id") \
            .join(batch_of.lazy(), left_on="source_id", right_on="id", how="left") \
            .group_by(pl.col("_batch").fill_null(unknown)).agg(pl.col("_row").min().alias("first"),
                                                               pl.col("_row").max().alias("last")) \
            .collect(engine="streaming")
        for index, first, last in bounds.iter_rows():
            spans[index][name] = (first, last)
    return spans


def _own(found: pl.DataFrame) -> pl.DataFrame:
    """Findings copied out of the batch: polars strings are views that would keep the batch's buffers alive."""
    return pl.from_arrow(found.to_arrow(compat_level=pl.CompatLevel.oldest()))  # type: ignore[return-value]


def _only(config: ValidationConfig, code: str) -> ValidationConfig:
    return replace(config, skip=frozenset(RULES) - {code})


def _rows_at(file: Path, positions: pl.Series) -> pl.DataFrame:
    """The rows of a Parquet file at these sorted positions, read a column of a row group at a time."""
    parquet = pq.ParquetFile(file)
    parts, start = [], 0
    for group in range(parquet.num_row_groups):
        size = parquet.metadata.row_group(group).num_rows
        inside = positions.filter((positions >= start) & (positions < start + size)) - start
        if not inside.is_empty():
            taken = {name: parquet.read_row_group(group, columns=[name]).column(0).take(inside.to_arrow())
                     for name in parquet.schema_arrow.names}
            parts.append(pl.from_arrow(pyarrow.table(taken)))
        start += size
    return pl.concat(parts)


def duplicate_keys(files: dict[str, Path], scans: dict[str, pl.LazyFrame], config: ValidationConfig) -> pl.DataFrame:
    """`duplicate-key` over the whole package, holding a hash per row rather than the keys.

    The unchanged rule runs on the rows whose key hash repeats, in their order: every row of a
    repeated key is among them, and a hash collision only adds rows the rule then finds unique.
    """
    candidates = {}
    for name, file in files.items():
        keys = list(RESOURCES[name].table.primary_key)
        hashes = scans[name].select(pl.int_range(pl.len(), dtype=pl.UInt32).alias("_row"),
                                    pl.struct(_typed(name, scans[name], keys)).hash().alias("_hash")) \
            .collect(engine="streaming")
        # Sorted, a repeated hash sits next to its copy: lighter than a group-by over every row.
        ordered = hashes.get_column("_hash").sort()
        repeated = ordered.filter(ordered == ordered.shift(1)).unique()
        del ordered
        if not repeated.is_empty():
            rows = hashes.filter(pl.col("_hash").is_in(repeated.implode())).get_column("_row").sort()
            # Only those rows are read, a column at a time: the whole row groups of a wide table peak.
            candidates[name] = _conform(name, _rows_at(file, rows))
    return run_rules(_dataset(candidates), _only(config, "duplicate-key"))


def foreign_keys(batch: Dataset, scans: dict[str, pl.LazyFrame], config: ValidationConfig) -> pl.DataFrame | None:
    """`foreign-key` on a batch, with the rows of other batches that its dangling references name added as targets.

    Only the key columns of those targets are scanned, and only when the batch has a reference it
    cannot resolve itself; None when every reference resolves inside the batch.
    """
    added: dict[str, list[pl.DataFrame]] = {}
    for name, model in RESOURCES.items():
        for fk in model.table.foreign_keys:
            fields, keys = list(fk.fields), list(fk.reference)
            inside = batch.tables[fk.resource].select(pl.col(k).alias(f) for k, f in zip(keys, fields, strict=True))
            dangling = batch.tables[name].select(fields).drop_nulls().unique().join(inside, on=fields, how="anti")
            if dangling.is_empty():
                continue
            elsewhere = scans[fk.resource].select(_typed(fk.resource, scans[fk.resource], keys)) \
                .join(dangling.lazy().select(pl.col(f).alias(k) for k, f in zip(keys, fields, strict=True)),
                      on=keys, how="semi").unique()
            added.setdefault(fk.resource, []).append(elsewhere.collect(engine="streaming"))
    if not added:
        return None
    # Target rows carry their key columns alone: `FOREIGN_KEYS_IN_BATCHES` says none of them refers anywhere.
    tables = {name: pl.concat([frame, *added.get(name, [])], how="diagonal_relaxed").select(frame.columns)
              for name, frame in batch.tables.items()}
    return run_rules(_dataset(tables), _only(config, "foreign-key"))


def sources_dataset(path: str | Path) -> Dataset:
    """A Parquet package's sources table alone, as text: what reports need to quote source lines."""
    root = Path(path)
    files = _files(root)
    sources = pl.read_parquet(files["sources"]) if "sources" in files else empty_frame("sources")
    return Dataset(name=root.name, tables={"sources": _conform("sources", sources)},
                   raw={"sources": sources.select(pl.all().cast(pl.String))}, path=root)


def validate_parquet(path: str | Path, *, publishers_per_batch: int = PUBLISHERS_PER_BATCH,
                     waivers: list[Waiver] | Path | None = None, config: ValidationConfig | None = None,
                     progress: Progress | None = None) -> Report:
    """Validate a directory of `<resource>.parquet` files a batch of publishers at a time (0: all in one batch).

    `duplicate-key` hashes each resource's keys over the whole package; `foreign-key` runs in each
    batch and looks up only its unresolved references in the whole package's key columns;
    `name-variant` and `unknown-field` run over the projected columns of the whole package; the others
    run on one batch of rows at a time. The findings are those of `validate(load_parquet(path))`.
    """
    if publishers_per_batch < 0:
        raise ValueError(f"publishers_per_batch cannot be negative ({publishers_per_batch})")
    root = Path(path)
    config = config or ValidationConfig()
    files = _files(root)
    scans = _scans(files)
    text = {name: scan.select(pl.all().cast(pl.String)) for name, scan in scans.items()}
    in_batches = {"foreign-key"} if FOREIGN_KEYS_IN_BATCHES else set()
    whole = sorted((GLOBAL_RULES - {"duplicate-key"} - in_batches) - config.skip)
    sources = scans["sources"].select("id", "publisher").collect()
    # Publishers in the order the sources list them, which is usually the order of the rows too.
    publishers = sources.get_column("publisher").unique(maintain_order=True)
    size = publishers_per_batch or max(1, len(publishers))
    batches = -(-len(publishers) // size)
    numbered = pl.DataFrame({"publisher": publishers,
                             "_batch": pl.int_range(len(publishers), dtype=pl.UInt32, eager=True) // size})
    batch_of = sources.join(numbered, on="publisher", how="left", nulls_equal=True).select("id", "_batch")
    steps, done = batches + 1 + bool(whole) + ("duplicate-key" not in config.skip), 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, steps)

    # One global rule at a time: their work over the whole package's keys is what peaks, so not side by side.
    found = [run_rules_lazy(scans, text, _only(config, code)) for code in whole]
    if whole:
        step()
    if "duplicate-key" not in config.skip:
        found.append(duplicate_keys(files, scans, config))
        step()
    batch_config = replace(config, skip=config.skip | GLOBAL_RULES)
    known = sources.get_column("id").implode()
    # Rows of no known source (a finding of their own) are checked together, last.
    selections = [pl.col("source_id").is_in(batch_of.filter(pl.col("_batch") == index).get_column("id").implode())
                  for index in range(batches)] + [pl.col("source_id").is_null() | ~pl.col("source_id").is_in(known)]
    for rows, span in zip(selections, _spans(scans, batch_of, batches), strict=True):
        batch = _batch(scans, rows, span)
        found.append(_own(run_rules(batch, batch_config)))
        if in_batches - config.skip:
            dangling = foreign_keys(batch, scans, config)
            if dangling is not None:
                found.append(_own(dangling))
        del batch
        step()
    records = sum(scan.select(pl.len()).collect().item() for scan in scans.values())
    acknowledged = resolve_waivers(waivers, root)
    name = (pq.read_schema(parquet_files(root)[0]).metadata or {}).get(DATASET_KEY, root.name.encode()).decode()
    return _report(name, pl.concat(found, how="vertical"), acknowledged, config, records)
