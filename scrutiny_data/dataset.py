"""A dataset in memory, and `load` to read one from a Frictionless data package."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import polars as pl

from .atomic import atomic_dir, atomic_write_text
from .cells import read_findings
from .errors import ScrutinyDataError
from .models import RESOURCES
from .encoding import is_text_encoding, is_utf8_name, utf8_bytes
from .parts import csv_parts, has_lone_return
from .reading import parse_csv
from .safety import fetch_remote, is_remote, local_resource_path
from .schema import field_specs, polars_schema, table_schema

if TYPE_CHECKING:
    from .validate.findings import Finding

_TRUE = ["true", "True", "TRUE", "1"]
_FALSE = ["false", "False", "FALSE", "0"]


@dataclass
class Dataset:
    """A data package's resources as polars frames.

    `tables` holds every resource of the contract with the models' dtypes (a value that does not
    parse is null there), `raw` holds each resource exactly as read, every column a string, so the
    validator can report what did not parse. Resources the contract does not know are kept in both.
    `read_findings` holds what went wrong while reading (ragged rows, formula cells, ...).
    """

    name: str
    tables: dict[str, pl.DataFrame]
    raw: dict[str, pl.DataFrame] = field(default_factory=dict)
    descriptor: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    read_findings: list[Finding] = field(default_factory=list)

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


def _parse(text: pl.Expr, kind: str) -> pl.Expr:
    if kind == "integer":
        return text.cast(pl.Int64, strict=False)
    if kind == "number":
        return text.cast(pl.Float64, strict=False)
    if kind == "date":
        return text.str.to_date("%Y-%m-%d", strict=False)
    return pl.when(text.is_in(_TRUE)).then(True).when(text.is_in(_FALSE)).then(False).otherwise(None)


def typed(resource: str, raw: pl.DataFrame) -> pl.DataFrame:
    """Cast a frame of strings to a resource's dtypes; values that do not parse become null."""
    specs = field_specs(RESOURCES[resource])
    parsed = [spec for spec in specs if spec.name in raw.columns and spec.type != "string"]
    values = raw.select(_parse(pl.col(spec.name), spec.type).alias(spec.name) for spec in parsed)
    # Stripping costs a pass; it can only help a column where some value failed to parse as it is.
    again = [spec for spec in parsed if values[spec.name].null_count() > raw[spec.name].null_count()]
    if again:
        values = values.with_columns(
            raw.select(_parse(pl.col(spec.name).str.strip_chars(), spec.type).alias(spec.name) for spec in again))
    return raw.with_columns(values).select(
        (pl.col(spec.name) if spec.name in raw.columns else pl.lit(None)).cast(spec.polars_type).alias(spec.name)
        for spec in specs)


def typed_tables(raw: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Every contract resource typed (empty where absent), plus unknown resources as read."""
    tables = {name: typed(name, raw[name]) if name in raw else empty_frame(name) for name in RESOURCES}
    tables.update({name: frame for name, frame in raw.items() if name not in RESOURCES})
    return tables


def _os_reason(exc: OSError | ValueError) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or "cannot be read"


def descriptor_file(path: Path) -> Path:
    """The datapackage.json that `path` names: a package directory, or the file itself."""
    try:
        if path.is_dir():
            if not (path / "datapackage.json").exists():
                raise ScrutinyDataError("directory has no datapackage.json", path=path)
            path = path / "datapackage.json"
        if not path.exists():
            raise ScrutinyDataError("no such file or directory", path=path)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise ScrutinyDataError(_os_reason(exc), path=path) from exc
    return path


def _open(path: Path, resource: str | None = None) -> BinaryIO:
    try:
        # A FIFO or device would block or never end: only regular files are read.
        if not path.is_file():
            why = "not a regular file" if path.exists() else "no such file"
            raise ScrutinyDataError(f"{why} (resource {resource!r})" if resource else why, path=path)
        return path.open("rb")
    except (OSError, ValueError) as exc:
        raise ScrutinyDataError(_os_reason(exc), path=path) from exc


def _reader(handle: BinaryIO, path: Path) -> Callable[[int], bytes]:
    """`handle.read`, with a failure to read as a one-line error naming the file."""
    def read(size: int = -1) -> bytes:
        try:
            return handle.read(size)
        except OSError as exc:
            raise ScrutinyDataError(_os_reason(exc), path=path) from exc
    return read


def _read_bytes(path: Path, resource: str | None = None) -> bytes:
    with _open(path, resource) as handle:
        return _reader(handle, path)()


def _check_resources(resources: list[Any], path: Path) -> None:
    """Each resource is an object with a unique string `name`, a string `path` and a string `encoding` if any."""
    names: set[str] = set()
    for index, resource in enumerate(resources):
        name = resource.get("name") if isinstance(resource, dict) else None
        location = resource.get("path") if isinstance(resource, dict) else None
        if isinstance(location, list):
            raise ScrutinyDataError(f"resource {index} ({name!r}): multi-part `path` lists are not supported",
                                    path=path)
        if not isinstance(name, str) or not name or not isinstance(location, str):
            raise ScrutinyDataError(f"resource {index} needs a `name` and a `path`", path=path)
        if name in names:
            raise ScrutinyDataError(f"resource {index}: the name {name!r} is used twice", path=path)
        names.add(name)
        encoding = resource.get("encoding", "utf-8")
        if not isinstance(encoding, str) or not is_text_encoding(encoding):
            raise ScrutinyDataError(f"resource {name!r}: unknown `encoding` {encoding!r}", path=path)


def read_descriptor(path: Path) -> dict[str, Any]:
    """Read and sanity-check a datapackage.json: a JSON object with a `resources` list of named paths."""
    data = _read_bytes(path)
    if not data.strip():
        raise ScrutinyDataError("empty file: expected a JSON data package", path=path)
    try:
        descriptor = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ScrutinyDataError(f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                                path=path) from exc
    except json.JSONDecodeError as exc:
        raise ScrutinyDataError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                                path=path) from exc
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number, or arrays nested thousands deep
        raise ScrutinyDataError(f"not valid JSON: {str(exc) or type(exc).__name__}", path=path) from exc
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise ScrutinyDataError("not a data package: it has no `resources` list", path=path)
    _check_resources(descriptor["resources"], path)
    return descriptor


def read_resource(descriptor_path: Path, resource: dict[str, Any], *,
                  allow_remote: bool = False) -> tuple[pl.DataFrame, list[Finding]]:
    """One resource of a checked descriptor as read (every column a string), with what went wrong reading it."""
    name, location = resource["name"], resource["path"]
    if is_remote(location):
        shown: Path | str = location
        data = fetch_remote(location, resource=name, descriptor=descriptor_path, allow_remote=allow_remote)
    else:
        shown = local_resource_path(descriptor_path.parent, location, resource=name, descriptor=descriptor_path)
        data = _read_bytes(shown, name)
    parsed = parse_csv(utf8_bytes(data, shown, resource.get("encoding")), shown, name)
    del data  # the bytes can go before the next file is read
    return parsed.frame, read_findings(parsed, name, location)


def read_resource_parts(descriptor_path: Path, resource: dict[str, Any], size: int, *,
                        allow_remote: bool = False) -> Iterator[tuple[pl.DataFrame, list[Finding]]]:
    """`read_resource` about `size` bytes of whole rows at a time (see `csv_parts`), numbered as in the whole file.

    For files too large to hold at once; a remote file, or one in an encoding other than UTF-8, is read whole.
    """
    name, location, encoding = resource["name"], resource["path"], resource.get("encoding")
    if is_remote(location) or not is_utf8_name(encoding):
        yield read_resource(descriptor_path, resource, allow_remote=allow_remote)
        return
    shown = local_resource_path(descriptor_path.parent, location, resource=name, descriptor=descriptor_path)
    with _open(shown, name) as handle:
        if has_lone_return(_reader(handle, shown), size):
            yield read_resource(descriptor_path, resource)
            return
        handle.seek(0)
        rows = 0
        for data, lines in csv_parts(_reader(handle, shown), size):
            parsed = parse_csv(utf8_bytes(data, shown, encoding), shown, name).after(rows, lines)
            rows += parsed.frame.height + len(parsed.problems)
            yield parsed.frame, read_findings(parsed, name, location)


def load(path: str | Path, *, allow_remote: bool = False) -> Dataset:
    """Load a data package directory (or its datapackage.json) into a typed `Dataset`.

    Resource paths must stay inside the package; http(s) URLs are fetched only with
    `allow_remote`. Problems with single rows or cells become `read_findings`; a file that
    cannot be read at all raises `ScrutinyDataError`. A directory of published Parquet files
    (with `parquet/`, or the folder itself) and no datapackage.json loads from the Parquet.
    """
    from .publish.parquet import is_parquet_dataset, load_parquet  # imported late: publish imports this module

    try:
        parquet = is_parquet_dataset(Path(path))
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        raise ScrutinyDataError(_os_reason(exc), path=path) from exc
    if parquet:
        return load_parquet(path)
    descriptor_path = descriptor_file(Path(path))
    descriptor = read_descriptor(descriptor_path)
    root = descriptor_path.parent
    # Two files at a time: the byte checks of one run while polars parses the other. Results (and the
    # first error) come back in the descriptor's order.
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(partial(read_resource, descriptor_path, allow_remote=allow_remote),
                             descriptor["resources"]))
    raw = {resource["name"]: frame for resource, (frame, _) in zip(descriptor["resources"], done, strict=True)}
    findings = [finding for _, found in done for finding in found]
    return Dataset(
        name=str(descriptor.get("name", root.name)),
        tables=typed_tables(raw),
        raw=raw,
        descriptor=descriptor,
        path=root,
        read_findings=findings,
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
