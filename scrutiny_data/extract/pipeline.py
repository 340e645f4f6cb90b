"""Source documents -> one validated, deduplicated, sorted dataset, written atomically."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import polars as pl
from pydantic import ValidationError

from ..dataset import Dataset, write_package
from ..errors import ScrutinyDataError
from ..models import RESOURCES
from .collect import DocumentFacts, collect
from .document import Document
from .inputs import read_document
from .figures_bridge import figures_rows
from .package import MAPPING_FILE, descriptor, package_settings, read_yaml
from .resolve import resolve_people

#: Columns a resource is sorted by when its primary key alone reads badly (numbers held as text).
_NUMERIC_TEXT = ("number", "minute_number", "agenda_item")


def source_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the `*.txt` files of directories named, in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.glob("*.txt")))
        elif path.is_file():
            found.append(path)
        else:
            raise ScrutinyDataError("no such file or directory", path=path)
    if not found:
        raise ScrutinyDataError("no source documents (*.txt) found", path=", ".join(map(str, paths)))
    return found


def extract(paths: list[Path], mapping_dir: Path | None = None,
            progress: Callable[[Document], None] | None = None) -> Dataset:
    """Extract every fact of the documents at `paths` into a dataset (nothing is written)."""
    settings = package_settings(mapping_dir)
    committee = settings["committee"]
    mapping = read_yaml(mapping_dir / MAPPING_FILE) if mapping_dir else {}
    collected: list[DocumentFacts] = []
    for path in source_paths(paths):
        doc = read_document(path)  # PDF text layer, saved web page or plain text
        if progress:
            progress(doc)
        collected.append(collect(doc, committee["id"]))
    rows = resolve_people(collected, committee)
    rows["committees"] = [{**committee, "source_id": collected[0].doc.source_id, "source_line": 1}]
    rows["sources"] = [{
        "id": f.doc.source_id, "file_name": f.doc.path.name, "sha256": f.doc.sha256, "kind": f.kind,
        "title": f.title, "publisher": committee.get("body"), "published": f.published,
        "source_id": f.doc.source_id, "source_line": 1,
    } for f in collected]
    for resource, found in figures_rows(collected, mapping).items():
        rows.setdefault(resource, []).extend(found)
    frames = {resource: assemble(resource, rows.get(resource, [])) for resource in RESOURCES}
    meta = descriptor(settings, rows["sources"])
    return Dataset.from_frames(meta.get("name", "dataset"), frames, descriptor=meta)


def validated(resource: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every row through its model: a ValidationError here is a bug in an extractor, so it is raised."""
    model = RESOURCES[resource]
    out = []
    for row in rows:
        try:
            out.append(model(**row).model_dump(mode="json"))
        except ValidationError as exc:
            raise ValueError(f"{resource} row from source {row.get('source_id')} line "
                             f"{row.get('source_line')} does not fit the contract: {exc}") from exc
    return out


def assemble(resource: str, rows: list[dict[str, Any]]) -> pl.DataFrame:
    """Validate, dedupe on the primary key (first by source and line wins) and sort by the key."""
    model = RESOURCES[resource]
    columns = list(model.model_fields)
    text_rows = [{k: (None if v is None else str(v).lower() if isinstance(v, bool) else str(v))
                  for k, v in row.items()} for row in validated(resource, rows)]
    frame = pl.DataFrame(text_rows, schema={c: pl.String for c in columns}, orient="row") if text_rows \
        else pl.DataFrame(schema={c: pl.String for c in columns})
    key = list(model.table.primary_key)
    order = [pl.col("source_id"), pl.col("source_line").cast(pl.Int64)]
    frame = frame.sort(order).unique(subset=key, keep="first", maintain_order=True)
    sort_by = [pl.col(c).cast(pl.Int64, strict=False) if c in _NUMERIC_TEXT else pl.col(c) for c in key]
    sort_by += [pl.col(c) for c in key if c in _NUMERIC_TEXT]
    if "seq" in key:
        sort_by = [pl.col(c).cast(pl.Int64, strict=False) if c in (*_NUMERIC_TEXT, "seq") else pl.col(c)
                   for c in key]
    return frame.sort(sort_by, nulls_last=True)


def extract_to(paths: list[Path], out_dir: Path, mapping_dir: Path | None = None,
               progress: Callable[[Document], None] | None = None) -> Dataset:
    """Extract and write `datapackage.json` + `data/*.csv` into `out_dir`; other files there are kept."""
    dataset = extract(paths, mapping_dir or out_dir, progress)
    write_package(dataset, out_dir)
    dataset.path = out_dir
    return dataset
