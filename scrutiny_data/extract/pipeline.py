"""Source documents -> one validated, deduplicated, sorted dataset, written atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
from pydantic import ValidationError

from ..dataset import Dataset, write_package
from ..models import RESOURCES
from .collect import DocumentFacts, collect
from .council_rows import PeopleIndex, council_rows
from .councils import find_heading
from .document import Document
from .figures_bridge import figures_rows
from .inputs import Notice, iter_documents
from .package import MAPPING_FILE, descriptor, package_settings, read_yaml
from .resolve import resolve_people
from .text import fold, slugify

#: Columns a resource is sorted by when its primary key alone reads badly (numbers held as text).
_NUMERIC_TEXT = ("number", "minute_number", "agenda_item")
#: Meetings of this rank or after are only mentioned (referenced, on a programme), not the paper's own.
_REFERENCED_ONLY = 5


def _seed_shaped(facts: DocumentFacts, committee: dict[str, Any]) -> bool:
    """Whether the committee's own parsers found the paper's structure (minutes, agenda, report cover, web page,
    work programme) and the paper names no other council: else the any-council minutes parser reads it."""
    if not facts.work_programme and not any(meeting.rank < _REFERENCED_ONLY for meeting in facts.meetings):
        return False
    heading = find_heading(facts.doc)
    return heading is None or heading.council is None or fold(heading.council) == fold(committee.get("body", ""))


def _seed_rows(collected: list[DocumentFacts], committee: dict[str, Any],
               mapping: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Rows of the papers of the configured committee, people resolved across them, figures included."""
    rows = resolve_people(collected, committee)
    rows["committees"] = [{**committee, "source_id": collected[0].doc.source_id, "source_line": 1}]
    rows["sources"] = [{
        "id": f.doc.source_id, "file_name": f.doc.path.name, "sha256": f.doc.sha256, "kind": f.kind,
        "title": f.title, "publisher": committee.get("body"), "published": f.published,
        "source_id": f.doc.source_id, "source_line": 1,
    } for f in collected]
    for resource, found in figures_rows(collected, mapping).items():
        rows.setdefault(resource, []).extend(found)
    return rows


def extract(paths: list[Path], mapping_dir: Path | None = None,
            progress: Callable[[Document], None] | None = None, existing: Dataset | None = None,
            on_notice: Callable[[Notice], None] | None = None, name: str | None = None) -> Dataset:
    """Extract every fact of the papers at `paths` (PDF, HTML, text, or directories of them) into a dataset.

    Nothing is written. Papers of the committee in `package.yaml` go through its parsers; any other council's
    minutes through the general parser, reusing the person and committee ids of `existing`.
    """
    settings = package_settings(mapping_dir)
    committee = settings.get("committee")  # without package.yaml, every paper names its own committee
    mapping = read_yaml(mapping_dir / MAPPING_FILE) if mapping_dir else {}
    seed: list[DocumentFacts] = []
    others: list[Document] = []
    for doc in iter_documents(paths, on_notice):
        if progress:
            progress(doc)
        facts = collect(doc, committee["id"]) if committee else None
        if facts is not None and _seed_shaped(facts, committee):
            seed.append(facts)
        else:
            others.append(doc)
    rows: dict[str, list[dict[str, Any]]] = {resource: [] for resource in RESOURCES}
    for resource, found in (_seed_rows(seed, committee, mapping) if seed else {}).items():
        rows.setdefault(resource, []).extend(found)
    committees = {row["id"]: row for row in (existing.tables["committees"].to_dicts() if existing else [])}
    committees.update({row["id"]: row for row in rows["committees"]})
    if committee and committee["id"] not in committees and others:
        committees[committee["id"]] = {**committee, "source_id": others[0].source_id, "source_line": 1}
    known_people = [*(existing.tables["people"].to_dicts() if existing else []), *rows["people"]]
    people = PeopleIndex(known_people)
    found_rows, notices = council_rows(others, people, committees)
    for notice in notices:
        if on_notice:
            on_notice(notice)
    for resource, found in found_rows.items():
        rows[resource].extend(found)
    rows["people"].extend(people.rows.values())
    used = {row["committee_id"] for row in rows["meetings"]} | {row["id"] for row in rows["committees"]}
    rows["committees"] = [row for committee_id, row in sorted(committees.items()) if committee_id in used]
    frames = {resource: assemble(resource, rows[resource]) for resource in RESOURCES if resource != "committees"}
    frames["committees"] = _committees(rows["committees"])
    pages = _pages([*(f.doc for f in seed), *others])
    frames = {resource: _with_pages(frame, pages) for resource, frame in frames.items()}
    if not settings:
        settings = {"name": name or "council-minutes"}
    meta = descriptor(settings, rows["sources"])
    return Dataset.from_frames(meta.get("name", "dataset"), frames, descriptor=meta)


def _committees(rows: list[dict[str, Any]]) -> pl.DataFrame:
    """Committees as found: a new council's committee may lack its GSS code (a notice said so), so such rows
    skip the model check and the validator reports the gap instead."""
    columns = list(RESOURCES["committees"].model_fields)
    complete = assemble("committees", [row for row in rows if row.get("body_gss")])
    lacking = pl.DataFrame([{c: None if row.get(c) is None else str(row[c]) for c in columns}
                            for row in rows if not row.get("body_gss")],
                           schema={c: pl.String for c in columns}, orient="row")
    return pl.concat([complete, lacking]).sort("id")


def _pages(docs: list[Document]) -> pl.DataFrame:
    """The page of every line of the paginated papers (PDFs), as text like the assembled frames."""
    frames = [pl.DataFrame({"_page": doc.pages}, schema={"_page": pl.Int64}).with_row_index("source_line", offset=1)
              .select(pl.lit(doc.source_id).alias("source_id"), pl.col("source_line").cast(pl.String),
                      pl.col("_page").cast(pl.String))
              for doc in docs if doc.pages]
    return pl.concat(frames) if frames else pl.DataFrame(schema={c: pl.String for c in
                                                                 ("source_id", "source_line", "_page")})


def _with_pages(frame: pl.DataFrame, pages: pl.DataFrame) -> pl.DataFrame:
    """`source_page` filled from the page its source line is on, where the paper has pages."""
    if pages.is_empty() or "source_page" not in frame.columns:
        return frame
    return (frame.join(pages, on=["source_id", "source_line"], how="left", maintain_order="left")
            .with_columns(pl.coalesce("source_page", "_page").alias("source_page")).select(frame.columns))


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
               progress: Callable[[Document], None] | None = None, existing: Dataset | None = None,
               on_notice: Callable[[Notice], None] | None = None) -> Dataset:
    """Extract and write `datapackage.json` + `data/*.csv` into `out_dir`; other files there are kept."""
    dataset = extract(paths, mapping_dir or out_dir, progress, existing, on_notice,
                      name=slugify(out_dir.resolve().name) or None)
    write_package(dataset, out_dir)
    dataset.path = out_dir
    return dataset
