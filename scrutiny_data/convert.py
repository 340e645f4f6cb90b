"""Convert a CSV data package to Parquet a part of a file at a time: memory is bounded by a part, not the package.

This is the way into `validate_parquet` for a package too large to load whole. A typed Parquet column
cannot hold text that does not parse, so those values are written as null and reported here (with
the problems met reading the files); every other rule runs on the Parquet afterwards.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import polars as pl

from .atomic import atomic_dir
from .dataset import Dataset, descriptor_file, read_descriptor, read_resource_parts, typed
from .models import RESOURCES
from .publish.parquet import parquet_parts
from .validate.config import ValidationConfig
from .validate.engine import _read_findings, _report, run_rules
from .validate.findings import Report
from .validate.registry import RULES
from .validate.waivers import WAIVER_FILE, resolve_waivers

#: The rules about text a typed column cannot hold: they run while converting, the rest on the Parquet.
TEXT_RULES = frozenset({"type-error", "invalid-date"})
#: Files are read this many bytes of whole rows at a time: memory is bounded by a part, not the largest file.
PART_BYTES = 64 << 20


def convert_to_parquet(package: str | Path, out: str | Path, *,
                       progress: Callable[[str, int], None] | None = None) -> Report:
    """Write `<resource>.parquet` into `out` for every contract resource of the CSV package at `package`.

    Resources the contract does not define are not converted (nothing validates them on Parquet).
    Files are read, checked and written a part (`PART_BYTES` of whole rows) at a time, and `out` is
    replaced only when all are written. The package's `waivers.yaml` is copied beside them, so
    validating `out` acknowledges the same findings. Returns the findings the Parquet cannot show:
    values that do not parse (written as null) and problems reading the files. `progress(resource,
    rows)` is called after each resource.
    """
    descriptor_path = descriptor_file(Path(package))
    descriptor = read_descriptor(descriptor_path)
    name = str(descriptor.get("name", descriptor_path.parent.name))
    version = str(descriptor.get("version", "1.0.0"))
    listed = {resource["name"]: resource for resource in descriptor["resources"]}
    config = ValidationConfig(skip=frozenset(RULES) - TEXT_RULES)
    found, records = [_read_findings(Dataset(name=name, tables={}))], 0
    with atomic_dir(Path(out)) as directory:
        for resource in RESOURCES:
            parts = read_resource_parts(descriptor_path, listed[resource], PART_BYTES) if resource in listed else ()
            rows = 0
            with parquet_parts(directory / f"{resource}.parquet", resource, dataset_name=name,
                               version=version) as append:
                for text, read in parts:
                    one = Dataset(name=name, tables={resource: typed(resource, text)}, raw={resource: text},
                                  read_findings=read)
                    found += [run_rules(one, config), _read_findings(one)]
                    append(one.tables[resource])
                    rows += text.height
                    del one, text
            records += rows
            if progress is not None:
                progress(resource, rows)
        waivers = descriptor_path.parent / WAIVER_FILE
        if waivers.is_file():
            shutil.copyfile(waivers, directory / WAIVER_FILE)
    findings = pl.concat(found)
    # Only waivers of findings that can arise here apply: the others wait for the Parquet's validation.
    codes = TEXT_RULES | set(findings.get_column("code"))
    acknowledged = [w for w in resolve_waivers(None, descriptor_path.parent) if w.code in codes]
    return _report(name, findings, acknowledged, config, records)
