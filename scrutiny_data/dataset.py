"""A dataset in memory, and `load` to read one from a Frictionless data package."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from .atomic import atomic_dir, atomic_write_text
from .errors import ScrutinyDataError
from .models import RESOURCES
from .schema import field_specs, polars_schema, table_schema

_TRUE = ["true", "True", "TRUE", "1"]
_FALSE = ["false", "False", "FALSE", "0"]


@dataclass
class Dataset:
    """A data package's resources as polars frames.

    `tables` holds every resource of the contract with the models' dtypes (a value that does not
    parse is null there), `raw` holds each resource exactly as read, every column a string, so the
    validator can report what did not parse. Resources the contract does not know are kept in both.
    """

    name: str
    tables: dict[str, pl.DataFrame]
    raw: dict[str, pl.DataFrame] = field(default_factory=dict)
    descriptor: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def __getitem__(self, resource: str) -> pl.DataFrame:
        return self.tables[resource]

    @property
    def row_count(self) -> int:
        return sum(frame.height for frame in self.tables.values())

    @classmethod
    def from_frames(cls, name: str, frames: dict[str, pl.DataFrame], **kwargs: Any) -> Dataset:
        """A dataset from frames of strings or typed values; missing resources are empty."""
        raw = {res: frame.select(pl.all().cast(pl.String)) for res, frame in frames.items()}
        return cls(name=name, tables=typed_tables(raw), raw=raw, **kwargs)


def empty_frame(resource: str) -> pl.DataFrame:
    """An empty frame with a resource's columns and dtypes."""
    return pl.DataFrame(schema=polars_schema(RESOURCES[resource]))


def _cast(name: str, kind: str) -> pl.Expr:
    text = pl.col(name).str.strip_chars()
    if kind == "integer":
        return text.cast(pl.Int64, strict=False)
    if kind == "number":
        return text.cast(pl.Float64, strict=False)
    if kind == "date":
        return text.str.to_date("%Y-%m-%d", strict=False)
    if kind == "boolean":
        return pl.when(text.is_in(_TRUE)).then(True).when(text.is_in(_FALSE)).then(False).otherwise(None)
    return pl.col(name)


def typed(resource: str, raw: pl.DataFrame) -> pl.DataFrame:
    """Cast a frame of strings to a resource's dtypes; values that do not parse become null."""
    exprs = [
        (_cast(spec.name, spec.type) if spec.name in raw.columns else pl.lit(None))
        .cast(spec.polars_type).alias(spec.name)
        for spec in field_specs(RESOURCES[resource])
    ]
    return raw.select(exprs)


def typed_tables(raw: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Every contract resource typed (empty where absent), plus unknown resources as read."""
    tables = {name: typed(name, raw[name]) if name in raw else empty_frame(name) for name in RESOURCES}
    tables.update({name: frame for name, frame in raw.items() if name not in RESOURCES})
    return tables


def _descriptor_path(path: Path) -> Path:
    if path.is_dir():
        path = path / "datapackage.json"
    if not path.exists():
        raise ScrutinyDataError("no such file or directory", path=path)
    return path


def read_descriptor(path: Path) -> dict[str, Any]:
    """Read and sanity-check a datapackage.json."""
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ScrutinyDataError(f"not UTF-8 (byte {exc.start})", path=path) from exc
    except json.JSONDecodeError as exc:
        raise ScrutinyDataError(f"not valid JSON: {exc.msg} at line {exc.lineno}", path=path) from exc
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise ScrutinyDataError("not a data package: it has no `resources` list", path=path)
    return descriptor


def read_csv_strings(path: Path) -> pl.DataFrame:
    """Read a CSV file with every column as a string."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ScrutinyDataError(exc.strerror or "cannot be read", path=path) from exc
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ScrutinyDataError(f"not UTF-8 (byte {exc.start})", path=path) from exc
    if not data.strip():
        raise ScrutinyDataError("empty file: expected a header row", path=path)
    try:
        return pl.read_csv(data, infer_schema=False)
    except pl.exceptions.PolarsError as exc:
        raise ScrutinyDataError(f"not a readable CSV: {str(exc).splitlines()[0]}", path=path) from exc


def load(path: str | Path) -> Dataset:
    """Load a data package directory (or its datapackage.json) into a typed `Dataset`."""
    descriptor_path = _descriptor_path(Path(path))
    descriptor = read_descriptor(descriptor_path)
    root = descriptor_path.parent
    raw: dict[str, pl.DataFrame] = {}
    for index, resource in enumerate(descriptor["resources"]):
        name = resource.get("name") if isinstance(resource, dict) else None
        rel = resource.get("path") if isinstance(resource, dict) else None
        if not isinstance(name, str) or not isinstance(rel, str):
            raise ScrutinyDataError(f"resource {index} needs a `name` and a `path`", path=descriptor_path)
        raw[name] = read_csv_strings(root / rel)
    return Dataset(
        name=str(descriptor.get("name", root.name)),
        tables=typed_tables(raw),
        raw=raw,
        descriptor=descriptor,
        path=root,
    )


def csv_bytes(frame: pl.DataFrame) -> bytes:
    """A frame as UTF-8 CSV with ISO dates and `\\n` line endings: the same frame, the same bytes."""
    return frame.write_csv(date_format="%Y-%m-%d", line_terminator="\n").encode("utf-8")


def resource_descriptor(name: str) -> dict[str, Any]:
    """Descriptor of one contract resource, with its Table Schema inline."""
    model = RESOURCES[name]
    return {
        "name": name,
        "title": model.table.title,
        "description": model.table.description,
        "path": f"data/{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": table_schema(model),
    }


def write_package(dataset: Dataset, directory: Path, descriptor: dict[str, Any] | None = None) -> None:
    """Write `datapackage.json` and `data/<resource>.csv` for every contract resource.

    `data/` is replaced atomically, then the descriptor; files beside them (waivers, mappings)
    are never touched.
    """
    meta = {k: v for k, v in (descriptor or dataset.descriptor).items() if k != "resources"}
    meta.setdefault("name", dataset.name)
    meta["resources"] = [resource_descriptor(name) for name in RESOURCES]
    with atomic_dir(directory / "data") as data_dir:
        for name in RESOURCES:
            (data_dir / f"{name}.csv").write_bytes(csv_bytes(dataset.tables[name]))
    atomic_write_text(directory / "datapackage.json", json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
