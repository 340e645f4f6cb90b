"""Parquet: one zstd file per resource with its Table Schema in the metadata, and reading them back."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl
import pyarrow
import pyarrow.parquet as pq

from ..dataset import Dataset, empty_frame
from ..errors import ScrutinyDataError
from ..models import RESOURCES
from ..schema import arrow_schema, field_specs, table_schema
from .facts import Facts

#: Keys of the Parquet key-value metadata every published file carries.
TABLE_SCHEMA_KEY = b"frictionless:table_schema"
VERSION_KEY = b"scrutiny_data:dataset_version"
DATASET_KEY = b"scrutiny_data:dataset_name"
RESOURCE_KEY = b"scrutiny_data:resource"


def _conform(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """A contract resource in its columns' order and dtypes, missing columns null."""
    return frame.select([
        (pl.col(spec.name).cast(spec.polars_type, strict=False) if spec.name in frame.columns
         else pl.lit(None, dtype=spec.polars_type)).alias(spec.name)
        for spec in field_specs(RESOURCES[name])
    ])


def _arrow_table(name: str, frame: pl.DataFrame) -> pyarrow.Table:
    schema = arrow_schema(RESOURCES[name])
    frame = _conform(name, frame)
    # A required column with nulls (published with --allow-errors) is written as nullable, not refused.
    has_nulls = {col for col, count in frame.null_count().row(0, named=True).items() if count}
    fields = [f.with_nullable(True) if f.name in has_nulls else f for f in schema]
    return frame.to_arrow().cast(pyarrow.schema(fields, metadata=schema.metadata))


def _metadata(name: str, *, dataset_name: str, version: str) -> dict[bytes, bytes]:
    return {
        TABLE_SCHEMA_KEY: json.dumps(table_schema(RESOURCES[name]), ensure_ascii=False).encode("utf-8"),
        VERSION_KEY: version.encode("utf-8"),
        DATASET_KEY: dataset_name.encode("utf-8"),
        RESOURCE_KEY: name.encode("utf-8"),
    }


def parquet_bytes(name: str, frame: pl.DataFrame, *, dataset_name: str, version: str) -> bytes:
    """One resource as zstd Parquet bytes with its Table Schema and the dataset version as metadata."""
    table = _arrow_table(name, frame)
    table = table.replace_schema_metadata(_metadata(name, dataset_name=dataset_name, version=version))
    sink = pyarrow.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


@contextmanager
def parquet_parts(path: Path, name: str, *, dataset_name: str, version: str) -> Iterator[Callable[[pl.DataFrame], None]]:
    """A function that appends frames of a resource to one zstd Parquet file, written at `path` when the block ends.

    Every column is written as nullable: a part cannot know whether a later one has a null.
    """
    schema = pyarrow.schema([field.with_nullable(True) for field in arrow_schema(RESOURCES[name])],
                            metadata=_metadata(name, dataset_name=dataset_name, version=version))
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        yield lambda frame: writer.write_table(_conform(name, frame).to_arrow().cast(schema))


def write_parquet(dataset: Dataset, root: Path, facts: Facts) -> None:
    """Write `parquet/<resource>.parquet` for every contract resource."""
    (root / "parquet").mkdir(parents=True, exist_ok=True)
    for name in RESOURCES:
        data = parquet_bytes(name, dataset[name], dataset_name=facts.name, version=facts.version)
        (root / "parquet" / f"{name}.parquet").write_bytes(data)


def parquet_files(path: Path) -> list[Path]:
    """The Parquet files of a published directory (its `parquet/`) or of a directory of them."""
    directory = path / "parquet" if (path / "parquet").is_dir() else path
    return sorted(directory.glob("*.parquet"))


def is_parquet_dataset(path: Path) -> bool:
    """True for a directory without `datapackage.json` that holds Parquet files."""
    return path.is_dir() and not (path / "datapackage.json").exists() and bool(parquet_files(path))


def load_parquet(path: str | Path) -> Dataset:
    """Load a directory of `<resource>.parquet` files (or one with `parquet/`) into a `Dataset`."""
    root = Path(path)
    files = parquet_files(root)
    if not files:
        raise ScrutinyDataError("no Parquet files found", path=root)
    tables: dict[str, pl.DataFrame] = {}
    meta: dict[bytes, bytes] = {}
    for file in files:
        try:
            meta = meta or (pq.read_schema(file).metadata or {})
            frame = pl.read_parquet(file)
        except (OSError, pyarrow.ArrowException, pl.exceptions.PolarsError) as exc:
            raise ScrutinyDataError(f"not a readable Parquet file: {str(exc).splitlines()[0]}", path=file) from exc
        tables[file.stem] = _conform(file.stem, frame) if file.stem in RESOURCES else frame
    tables = {**{name: empty_frame(name) for name in RESOURCES}, **tables}
    descriptor = {"name": meta.get(DATASET_KEY, root.name.encode()).decode("utf-8")}
    if VERSION_KEY in meta:
        descriptor["version"] = meta[VERSION_KEY].decode("utf-8")
    return Dataset(
        name=descriptor["name"],
        tables=tables,
        raw={name: frame.select(pl.all().cast(pl.String)) for name, frame in tables.items()},
        descriptor=descriptor,
        path=root,
    )
