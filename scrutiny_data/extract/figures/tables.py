"""Rows of complaints, kpis, budget_lines and actions from the tables the mapping names."""

from __future__ import annotations

from ..document import Document
from .dates import parse_due
from .layout import delimited_rows
from .mapping import (
    Cell,
    count_of,
    financial_year,
    mapped_cells,
    record_id,
    slug,
    total_of,
)
from .numbers import as_number, parse_figure
from .plans import block_action_rows


def _period(facts: dict) -> dict:
    if facts.get("period_start") or facts.get("period_end"):
        return {"period_start": facts.get("period_start"), "period_end": facts.get("period_end")}
    period = facts.get("period")
    if not period:
        return {}
    first, _, last = str(period).partition(" to ")  # '2019/20 to 2020/21': from the first year's start to the last's end
    return {"period_start": financial_year(first)[0], "period_end": financial_year(last or first)[1]}


def _part_of(resource: str, doc: Document, spec: dict, cell_row: str, column: str, facts: dict) -> str | None:
    if facts.get("part_of"):
        return facts["part_of"]
    total_row = total_of(spec, cell_row)
    return record_id(resource, doc, spec, total_row, column) if total_row else None


def complaint_rows(doc: Document, spec: dict) -> list[dict]:
    """Complaints rows: one per mapped cell that states a count."""
    rows = []
    for cell in mapped_cells(doc, spec):
        count = count_of(cell.stated)
        if count is None:
            continue
        facts = cell.facts
        breakdown = facts.get("breakdown", "none")
        value = facts.get("breakdown_value")
        if breakdown != "none" and value is None:
            value = cell.label
        if facts.get("value_prefix"):
            value = f"{facts['value_prefix']}: {cell.label}"
        rows.append({
            "id": record_id("complaints", doc, spec, cell.row_key, cell.column_key),
            "source_id": doc.source_id, "source_line": cell.line, **_period(facts),
            "category": facts["category"], "breakdown": breakdown, "breakdown_value": value,
            "count": count, "part_of": _part_of("complaints", doc, spec, cell.row_key, cell.column_key, facts),
            "stated": cell.stated,
        })
    return rows


def kpi_rows(doc: Document, spec: dict) -> list[dict]:
    """KPI rows: one per mapped cell with a figure; `percent_total` adds the 100% each row or column breaks down."""
    rows, totals = [], {}
    for cell in mapped_cells(doc, spec):
        figure = parse_figure(_strip_bracket(cell.stated))
        if figure is None:
            continue
        facts = cell.facts
        unit = "percent" if figure.percent else "gbp" if figure.gbp else facts.get("unit", "count")
        label = facts.get("label") or cell.label
        if facts.get("label") and cell.label and cell.label != facts["label"]:
            label = f"{facts['label']} ({cell.label})"
        rows.append({
            "id": record_id("kpis", doc, spec, cell.row_key, cell.column_key),
            "source_id": doc.source_id, "source_line": cell.line,
            "indicator": (facts.get("indicator") or facts.get("indicator_prefix", "") + slug(label)[:60].strip("-"))
            + facts.get("indicator_suffix", ""),
            "label": label,
            **_period(facts), "value": as_number(figure.value), "unit": unit,
            "numerator": _optional_number(facts.get("numerator")),
            "denominator": _optional_number(facts.get("denominator")),
            "comparator": facts.get("comparator", "none"),
            "part_of": _part_of("kpis", doc, spec, cell.row_key, cell.column_key, facts), "stated": cell.stated,
        })
        if spec.get("percent_total") and unit == "percent":
            rows[-1]["part_of"] = _percent_total(totals, doc, spec, cell, rows[-1])
    return [*rows, *totals.values()]


def _percent_total(totals: dict, doc: Document, spec: dict, cell: Cell, row: dict) -> str:
    """The id of the unprinted 100% a row (or column) of percentages breaks down, made on first use."""
    by_row = spec["percent_total"] == "rows"
    total_id = record_id("kpis", doc, spec, cell.row_key if by_row else "total", "total" if by_row else cell.column_key)
    if total_id not in totals:
        totals[total_id] = {
            **row, "id": total_id, "indicator": f"{spec['name']}-total",
            "label": f"{cell.label if by_row else spec['name']}: total of the breakdown (not printed)",
            "value": 100, "numerator": None, "denominator": None, "part_of": None, "stated": None,
        }
    return total_id


def _optional_number(value: float | None) -> int | float | None:
    return None if value is None else as_number(value)


def _strip_bracket(stated: str) -> str:
    return stated.split("(")[0].strip() if stated.rstrip().endswith(")") and "%" in stated else stated


def budget_rows(doc: Document, spec: dict) -> list[dict]:
    """Budget lines: one per mapped amount; the service is split off the label where the mapping lists it."""
    rows = []
    services = spec.get("services", [])
    for cell in mapped_cells(doc, spec):
        figure = parse_figure(cell.stated)
        if figure is None:
            continue
        facts = cell.facts
        label, service = cell.label, facts.get("service")
        for name in services:
            if label.startswith(name + " ") or label == name:
                service, label = name, label[len(name):].strip() or name
                break
        rows.append({
            "id": record_id("budget_lines", doc, spec, cell.row_key, cell.column_key),
            "source_id": doc.source_id, "source_line": cell.line, "budget": facts["budget"],
            "period": facts.get("period"), "service": service, "label": label,
            "amount_gbp": as_number(figure.value),
            "part_of": _part_of("budget_lines", doc, spec, cell.row_key, cell.column_key, facts),
            "stated": cell.stated,
        })
    return rows


def _header_index(header: tuple[str, ...], wanted: str | int) -> int | None:
    if isinstance(wanted, int):
        return wanted
    wanted_key = slug(wanted)
    for index, name in enumerate(header):
        if slug(name).startswith(wanted_key):
            return index
    return None


def action_rows(doc: Document, spec: dict) -> list[dict]:
    """Action plan rows; cells are found by header name, so a plan whose columns shift between pages still reads."""
    if spec.get("layout") == "blocks":
        return block_action_rows(doc, spec)
    rows, ref, seq = [], None, 0
    fields = spec["fields"]
    for table_row in delimited_rows(doc, spec["line"], spec.get("layout", "tabs"), spec.get("until")):
        cells = (table_row.label, *table_row.cells)
        values = {}
        for field_name, header_name in fields.items():
            index = _header_index(table_row.header, header_name)
            values[field_name] = cells[index].strip() if index is not None and index < len(cells) else ""
        if values.get("ref"):
            ref, seq = values["ref"], 0
        seq += 1
        if not values.get("action"):
            continue
        due_stated = values.get("due_stated") or None
        rows.append({
            "id": f"a-{doc.source_id}-{spec['name']}-{slug(ref or 'x')}-{seq}",
            "source_id": doc.source_id, "source_line": table_row.line, "plan": spec["plan"], "ref": ref,
            "action": values["action"], "lead": values.get("lead") or None,
            "due_date": parse_due(due_stated) if due_stated else None, "due_stated": due_stated,
            "status": values.get("status") or None,
            "score": _score(values.get("score")), "previous_score": _score(values.get("previous_score")),
        })
    return rows


def _score(text: str | None) -> float | None:
    figure = parse_figure(text) if text else None
    return figure.value if figure else None


BUILDERS = {"complaints": complaint_rows, "kpis": kpi_rows, "budget_lines": budget_rows, "actions": action_rows}
