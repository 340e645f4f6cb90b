"""Apply the reviewed table mapping (tables.yaml): which cell of which table is which measure."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...errors import ScrutinyDataError
from ..document import Document
from .layout import TableRow, clean, delimited_rows, pdf_rows
from .numbers import NUMERIC_PATTERN, parse_figure

RESOURCE_PREFIX = {"complaints": "c", "kpis": "k", "budget_lines": "b", "actions": "a"}
_BRACKETED = re.compile(r"\((\d+)\)\s*$")
_SENTENCE_FIGURE = re.compile(
    rf"(?<![\w/.]){NUMERIC_PATTERN}(?![\w/])|\b(?:nil|zero)(?:/(?:nil|zero))?\b", re.IGNORECASE)
_YEAR = re.compile(r"^(19|20)\d\d$")


def slug(text: str) -> str:
    """Lowercase slug of a label: 'Children Looked After Team 3/UAS' -> 'children-looked-after-team-3-uas'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("&", "and").replace("%", "pct")).strip("-") or "x"


def financial_year(period: str) -> tuple[dt.date, dt.date]:
    """'2021/22' -> 1 April 2021 .. 31 March 2022."""
    match = re.fullmatch(r"(\d{4})/(\d{2})", period)
    if not match:
        raise ScrutinyDataError(f"period {period!r} is not a financial year YYYY/YY", field="period")
    start = int(match.group(1))
    return dt.date(start, 4, 1), dt.date(start + 1, 3, 31)


@dataclass(frozen=True)
class Cell:
    """One figure of a mapped table, with the facts the mapping gives it."""

    line: int
    row_key: str
    column_key: str
    label: str
    stated: str
    facts: dict


def _row_keys(rows: list[TableRow]) -> list[str]:
    seen: dict[str, int] = {}
    keys = []
    for row in rows:
        key = slug(row.label)
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key}-{seen[key]}")
    return keys


def table_rows(doc: Document, spec: dict) -> list[TableRow]:
    """The rows of the table a mapping entry names."""
    layout = spec.get("layout", "tabs")
    if layout in ("tabs", "pipes"):
        return delimited_rows(doc, spec["line"], layout, spec.get("until"))
    if layout == "pdf":
        return pdf_rows(doc, spec.get("start", spec["line"] + 1), spec["until"], len(spec["columns"]))
    raise ScrutinyDataError(f"unknown layout {layout!r}", row=spec["line"], field="layout")


def sentence_figures(text: str) -> list[str]:
    """Figures printed in a sentence, in order, leaving out years and financial-year labels."""
    found = []
    for match in _SENTENCE_FIGURE.finditer(clean(text)):
        token = match.group().strip()
        if _YEAR.match(token) or parse_figure(token.replace("/", " ")) is None and "/" not in token:
            continue
        found.append(token)
    return found


def mapped_cells(doc: Document, spec: dict) -> Iterator[Cell]:
    """Every mapped figure of one mapping entry, with its row and column facts merged."""
    name = spec["name"]
    base = {key: value for key, value in spec.get("defaults", {}).items()}
    if spec.get("layout") == "sentence":
        figures = [(number, token) for number in range(spec["line"], spec.get("until", spec["line"]) + 1)
                   for token in sentence_figures(doc.line(number))]
        for (number, token), facts in zip(figures, spec["figures"], strict=False):
            if facts is None:
                continue
            key = facts.get("key") or slug(str(facts.get("period", "")) + "-" + str(facts.get("category", "")))
            yield Cell(number, name, key, facts.get("label", ""), token, {**base, **facts})
        return
    rows = table_rows(doc, spec)
    row_facts = spec.get("rows")
    for row, row_key in zip(rows, _row_keys(rows), strict=True):
        facts_of_row = {}
        if row_facts is not None:
            if row.label not in row_facts:
                continue
            facts_of_row = row_facts[row.label] or {}
        for column, column_facts in spec["columns"].items():
            index = column - 1
            if column_facts is None or index >= len(row.cells) or not row.cells[index].strip():
                continue
            key = column_facts.get("key") or slug(str(column_facts.get("period", column)))
            label, cell_row_key = row.label, row_key
            if column_facts.get("label_cell"):  # a second table printed beside the first
                label = row.cells[column_facts["label_cell"] - 1]
                cell_row_key = slug(label)
            yield Cell(row.line, cell_row_key, key, label, row.cells[index], {**base, **facts_of_row, **column_facts})


def record_id(resource: str, doc: Document, spec: dict, row_key: str, column_key: str) -> str:
    """`c-003-upheld-adoption-2021-22`: prefix, source, table name, row, column."""
    parts = [RESOURCE_PREFIX[resource], doc.source_id, spec["name"], row_key, column_key]
    return "-".join(dict.fromkeys(part for part in parts if part))


def total_of(spec: dict, row_key: str) -> str | None:
    """The row key that states the total of `row_key`, per the entry's `total` and `groups`."""
    groups = spec.get("groups", {})
    if row_key in groups:
        return groups[row_key]
    total = spec.get("total")
    if total and row_key != total and row_key not in groups.values():
        return total
    return None


def count_of(stated: str) -> int | None:
    """A count cell: '15', '100% (1)' -> 1, '0%' -> 0; None for a percent without its count."""
    bracketed = _BRACKETED.search(stated)
    if bracketed:
        return int(bracketed.group(1))
    figure = parse_figure(stated)
    if figure is None or (figure.percent and figure.value != 0) or figure.value < 0:
        return None
    return int(figure.value)
