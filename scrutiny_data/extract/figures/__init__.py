"""Figures from a source paper: complaints, kpis, budget_lines, actions and events."""

from __future__ import annotations

from ...errors import ScrutinyDataError
from ...models import RESOURCES
from ..document import Document
from .prose import events, prose_kpis
from .tables import BUILDERS

FIGURE_RESOURCES = ("complaints", "kpis", "budget_lines", "actions", "events")


def mapping_entries(mapping: dict, source_id: str) -> list[dict]:
    """The entries of a parsed tables.yaml that concern one source, in file order."""
    entries = mapping.get("tables", []) if mapping else []
    for entry in entries:
        for key in ("source", "line", "resource", "name"):
            if key not in entry:
                raise ScrutinyDataError(f"tables.yaml entry lacks {key!r}", row=entry.get("line"), field=key)
        if entry["resource"] not in BUILDERS:
            raise ScrutinyDataError(f"tables.yaml: unknown resource {entry['resource']!r}", row=entry["line"])
    return [entry for entry in entries if str(entry["source"]) == source_id]


def extract_figures(doc: Document, mapping: dict) -> dict[str, list[dict]]:
    """Rows of each figure resource found in `doc`, without `report_id` (the pipeline fills it)."""
    found: dict[str, list[dict]] = {name: [] for name in FIGURE_RESOURCES}
    for entry in mapping_entries(mapping, doc.source_id):
        if entry["line"] > len(doc.lines):
            raise ScrutinyDataError(f"tables.yaml names line {entry['line']} beyond the end", path=doc.path)
        found[entry["resource"]].extend(BUILDERS[entry["resource"]](doc, entry))
    for entry in mapping_entries(mapping, doc.source_id):
        _link_totals(found[entry["resource"]], entry)
    found["kpis"].extend(prose_kpis(doc))
    found["events"].extend(events(doc))
    for name, rows in found.items():
        model = RESOURCES[name]
        for row in rows:
            model(**row)  # a row the contract rejects is a bug in the mapping or a parser: fail loudly
    return found


def _link_totals(rows: list[dict], entry: dict) -> None:
    """Point the parts an entry's `totals` lists at the total stated in prose (the parts printed elsewhere)."""
    by_id = {row["id"]: row for row in rows}
    for total_id, part_ids in (entry.get("totals") or {}).items():
        for part_id in [total_id, *part_ids]:
            if part_id not in by_id:
                raise ScrutinyDataError(f"tables.yaml totals: no row {part_id!r}", row=entry["line"], field="totals")
        for part_id in part_ids:
            if by_id[part_id].get("part_of"):
                raise ScrutinyDataError(f"tables.yaml totals: {part_id!r} is already part of "
                                        f"{by_id[part_id]['part_of']!r}", row=entry["line"], field="totals")
            by_id[part_id]["part_of"] = total_id


__all__ = ["FIGURE_RESOURCES", "extract_figures", "mapping_entries"]
