"""Figures rows from every document, each tied to the report whose section contains its line."""

from __future__ import annotations

from typing import Any

import polars as pl

from .collect import DocumentFacts
from .figures import extract_figures


def attach_reports(rows: list[dict[str, Any]], sections: pl.DataFrame) -> list[dict[str, Any]]:
    """Set `report_id` on rows by position: the last report starting at or before the row's line in
    its source, provided the row lies before that report's section ends."""
    if not rows:
        return []
    frame = pl.DataFrame({
        "index": list(range(len(rows))),
        "source_id": [row["source_id"] for row in rows],
        "source_line": [int(row["source_line"]) for row in rows],
    })
    if sections.is_empty():
        return [{**row, "report_id": None} for row in rows]
    joined = (frame.sort("source_line")
              .join_asof(sections.sort("first_line"), left_on="source_line", right_on="first_line",
                         by="source_id", strategy="backward", check_sortedness=False)
              .with_columns(pl.when(pl.col("source_line") <= pl.col("last_line"))
                            .then(pl.col("report_id")).alias("report_id"))
              .sort("index"))
    return [{**row, "report_id": report_id} for row, report_id in zip(rows, joined["report_id"].to_list())]


def report_sections(collected: list[DocumentFacts]) -> pl.DataFrame:
    """(source_id, first_line, last_line, report_id) of every report section."""
    records = [{"source_id": f.doc.source_id, "first_line": first, "last_line": last, "report_id": report_id}
               for f in collected for first, last, report_id in f.sections]
    schema = {"source_id": pl.String, "first_line": pl.Int64, "last_line": pl.Int64, "report_id": pl.String}
    return pl.DataFrame(records, schema=schema)


def figures_rows(collected: list[DocumentFacts], mapping: dict) -> dict[str, list[dict[str, Any]]]:
    """Rows of every figures resource across documents, with `report_id` filled in."""
    sections = report_sections(collected)
    found: dict[str, list[dict[str, Any]]] = {}
    for facts in collected:
        for resource, rows in extract_figures(facts.doc, mapping).items():
            found.setdefault(resource, []).extend(rows)
    return {resource: attach_reports(rows, sections) for resource, rows in found.items()}
