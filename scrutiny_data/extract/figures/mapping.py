"""Apply the reviewed table mapping (tables.yaml): which cell of which table is which measure."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...errors import ScrutinyDataError
from ..document import Document
from .dates import find_dates, month_end, stated_period
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
        rows = delimited_rows(doc, spec["line"], layout, spec.get("until"))
        if spec.get("figure_first"):  # "84<TAB>Total current caseload": the figure is printed before its label
            rows = [TableRow(row.line, row.cells[-1] if row.cells else "", (row.label,), row.header) for row in rows]
        return rows
    if layout == "pdf":
        return pdf_rows(doc, spec.get("start", spec["line"] + 1), spec["until"], len(spec["columns"]))
    raise ScrutinyDataError(f"unknown layout {layout!r}", row=spec["line"], field="layout")


def sentence_figures(text: str) -> list[str]:
    """Figures printed in a sentence, in order, leaving out years and financial-year labels."""
    found = []
    for match in _SENTENCE_FIGURE.finditer(clean(text)):
        token = match.group().strip()
        if token.count("(") != token.count(")"):  # "(59%" in "England (59%)": the bracket is prose, not a negative
            token = token.strip("()")
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
            facts = {**facts, **_fraction(figures, facts, spec)}
            key = facts.get("key") or slug(str(facts.get("period", "")) + "-" + str(facts.get("category", "")))
            yield Cell(number, name, key, facts.get("label", ""), token, _stated_period({**base, **facts}, doc, spec))
        return
    if spec.get("layout") == "series":
        yield from _series_cells(doc, spec, base)
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


def _fraction(figures: list[tuple[int, str]], facts: dict, spec: dict) -> dict:
    """Numerator and denominator of a rate, read from the entry's figures that `numerator_figure` etc. name (1-based)."""
    found = {}
    for part in ("numerator", "denominator"):
        index = facts.get(f"{part}_figure")
        if index is None:
            continue
        if not 1 <= index <= len(figures):
            raise ScrutinyDataError(f"tables.yaml: {part}_figure {index} is not a figure of the entry",
                                    row=spec["line"], field=f"{part}_figure")
        found[part] = parse_figure(figures[index - 1][1]).value
    return found


def _stated_period(facts: dict, doc: Document, spec: dict) -> dict:
    """`period: stated` reads the period from the entry's text ('Between January 2022 and December 2023')."""
    if facts.get("period") != "stated":
        return facts
    text = " ".join(clean(doc.line(number)) for number in range(spec["line"], spec.get("until", spec["line"]) + 1))
    period = stated_period(text)
    if period is None:
        raise ScrutinyDataError("tables.yaml says the period is stated, but the text states none", row=spec["line"],
                                field="period")
    return {**{key: value for key, value in facts.items() if key != "period"},
            "period_start": period[0], "period_end": period[1]}


def _series_cells(doc: Document, spec: dict, base: dict) -> Iterator[Cell]:
    """A chart's data printed as month labels ('Apr 2022' ...) on lines `line`..`until`-1, then a line of figures.

    Each figure is the month-end snapshot of its month: period_start and period_end are the month's last day.
    """
    labels = " ".join(clean(doc.line(number)) for number in range(spec["line"], spec["until"]))
    months = [found for found in find_dates(labels) if found.year and found.day is None]
    figures = sentence_figures(doc.line(spec["until"]))
    if len(months) != len(figures):
        raise ScrutinyDataError(f"series {spec['name']!r}: {len(months)} months but {len(figures)} figures",
                                row=spec["until"], field="until")
    for month, token in zip(months, figures, strict=True):
        day = month_end(month)
        yield Cell(spec["until"], spec["name"], day.isoformat()[:7], month.stated, token,
                   {**base, "period_start": day, "period_end": day})


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
