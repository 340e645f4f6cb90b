"""Cells a spreadsheet would mangle (formula-like, oversized), and a resource's read problems as findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from .models import RESOURCES

if TYPE_CHECKING:
    from .reading import CsvRead
    from .validate.findings import Finding

#: Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = r"^[=+\-@]"
#: ...unless it is clearly a number: -3.5, +44 1375 652652, -12%.
_CLEARLY_NUMERIC = r"^[+-]\s?[0-9][0-9\s,.()]*%?$"
#: Excel and LibreOffice keep at most this many characters in a cell and cut the rest.
SPREADSHEET_CELL_LIMIT = 32_767


def _suspect_columns(frame: pl.DataFrame, names: list[str]) -> list[str]:
    """The columns that may hold a formula-like or oversized cell, judged from each one's min, max and longest.

    Every value lies between the column's min and max, so its first character does too: a column of
    dates, digits or letters only cannot start a cell with `=`, `+`, `-` or `@`.
    """
    if not names or frame.height == 0:
        return names
    bounds = frame.select(
        *(pl.col(name).min().alias(f"low{i}") for i, name in enumerate(names)),
        *(pl.col(name).max().alias(f"high{i}") for i, name in enumerate(names)),
        *(pl.col(name).str.len_bytes().max().alias(f"longest{i}") for i, name in enumerate(names))).row(0)
    count = len(names)
    return [name for i, name in enumerate(names)
            if bounds[i] is not None and ((bounds[2 * count + i] or 0) > SPREADSHEET_CELL_LIMIT or not bounds[i]
                                          or any(bounds[i][0] <= start <= bounds[count + i][0] for start in "=+-@"))]


def cell_problems(frame: pl.DataFrame) -> pl.DataFrame:
    """Cells a spreadsheet would mangle: (row index, field, code, start of the value)."""
    schema = {"row": pl.Int64, "code": pl.String, "actual": pl.String, "length": pl.UInt32, "field": pl.String}
    names = _suspect_columns(frame, [name for name, dtype in frame.schema.items() if dtype == pl.String])
    if not names or frame.height == 0:
        return pl.DataFrame(schema=schema)
    # Columns by position, so no header can clash with "row"; one cheap pass over every string column
    # picks the few suspect rows, and only they are looked at closely.
    positions = [str(position) for position in range(len(names))]
    suspect = pl.any_horizontal(
        pl.col(column).str.contains(_FORMULA_START) | (pl.col(column).str.len_bytes() > SPREADSHEET_CELL_LIMIT)
        for column in positions)
    rows = frame.select(pl.int_range(pl.len(), dtype=pl.Int64).alias("row"),
                        *(pl.col(name).alias(column) for name, column in zip(names, positions, strict=True))
                        ).filter(suspect)
    if rows.height == 0:
        return pl.DataFrame(schema=schema)
    cells = rows.unpivot(index="row", variable_name="position", value_name="value")
    value = pl.col("value")
    length = value.str.len_chars()
    formula = value.str.contains(_FORMULA_START) & ~value.str.contains(_CLEARLY_NUMERIC) & (length > 1)
    code = pl.when(length > SPREADSHEET_CELL_LIMIT).then(pl.lit("oversized-cell")).when(formula).then(
        pl.lit("formula-cell"))
    position = pl.col("position").cast(pl.Int64)
    return (cells.with_columns(code=code, actual=value.str.slice(0, 40), length=length,
                               field=position.replace_strict(list(range(len(names))), names))
            .filter(pl.col("code").is_not_null()).sort(position, "row")
            .select(pl.col(name).cast(dtype) for name, dtype in schema.items()))


def _record_ids(frame: pl.DataFrame, resource: str, rows_before: int = 0) -> pl.Series:
    """Each row's key (primary key values joined by `/`), else `row N`."""
    model = RESOURCES.get(resource)
    key = list(model.table.primary_key) if model else ["id"]
    rows = frame.select(pl.format("row {}", pl.int_range(1, pl.len() + 1) + rows_before)).to_series()
    if all(name in frame.columns for name in key):
        ids = frame.select(pl.concat_str([pl.col(name) for name in key], separator="/")).to_series()
        return ids.zip_with(ids.is_not_null(), rows)
    return rows


def read_findings(read: CsvRead, resource: str, shown_path: str) -> list[Finding]:
    """The problems met while reading one resource, as findings."""
    from .validate.findings import Finding, Severity  # lazily: validate imports this package's loader

    findings = [
        Finding(code=code, severity=Severity.error, resource=resource, record_id=f"row {row}", field=None,
                message=f"{shown_path} line {line}: {message}")
        for code, row, line, message in read.problems
    ]
    cells = cell_problems(read.frame)
    if cells.is_empty():
        return findings
    ids = _record_ids(read.frame, resource, read.rows_before)
    source_ids = read.frame.get_column("source_id") if "source_id" in read.frame.columns else None
    source_lines = (read.frame.get_column("source_line").str.strip_chars().cast(pl.Int64, strict=False)
                    if "source_line" in read.frame.columns else None)
    for row, code, actual, length, name in cells.iter_rows():
        if code == "formula-cell":
            severity = Severity.warning
            message = (f"{shown_path} line {read.lines[row]}: `{name}` begins {actual!r}, which a "
                       "spreadsheet would run as a formula; it is kept as data")
        else:
            severity = Severity.error
            message = (f"{shown_path} line {read.lines[row]}: `{name}` holds {length} characters; "
                       f"spreadsheets keep only {SPREADSHEET_CELL_LIMIT} and cut the rest")
        findings.append(Finding(
            code=code, severity=severity, resource=resource, record_id=ids[row], field=name, message=message,
            actual=actual, source_id=source_ids[row] if source_ids is not None else None,
            source_line=source_lines[row] if source_lines is not None else None))
    return findings
