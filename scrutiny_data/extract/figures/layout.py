"""Table rows from text: tab or pipe separated rows, and PDF text whose label cells wrap over lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document
from .numbers import NUMERIC_PATTERN, parse_figure

# One printed cell: a figure, a figure with its count in brackets ("100% (1)"), or not applicable.
_CELL = rf"(?:{NUMERIC_PATTERN}(?:\s?\(\d+\))?|N/?A)"
_TRAILING_CELL = re.compile(rf"(?:^|\s)({_CELL})\s*$", re.IGNORECASE)
_MARKUP = re.compile(r"\*\*|<[^>]+>")


@dataclass(frozen=True)
class TableRow:
    """One row of a table: the line its figures are printed on, its label and its cells."""

    line: int
    label: str
    cells: tuple[str, ...]
    header: tuple[str, ...] = ()


def clean(text: str) -> str:
    """Drop markdown emphasis and HTML tags; collapse whitespace."""
    return re.sub(r"\s+", " ", _MARKUP.sub(" ", text)).strip()


def split_row(text: str, layout: str) -> list[str]:
    """Cells of one tab- or pipe-separated line."""
    if layout == "pipes":
        return [clean(cell) for cell in text.strip().strip("|").split("|")]
    return [clean(cell) for cell in text.split("\t")]


def delimited_rows(doc: Document, header_line: int, layout: str, until: int | None = None) -> list[TableRow]:
    """Rows after a header line; a blank line ends the table unless `until` names its last line.

    A repeated header (a table continued over a page) becomes the header of the rows after it.
    """
    separator = "|" if layout == "pipes" else "\t"
    header = tuple(split_row(doc.line(header_line), layout))
    rows: list[TableRow] = []
    last = until or len(doc.lines)
    for number in range(header_line + 1, last + 1):
        text = doc.line(number)
        if not text.strip():
            if until is None:
                break
            continue
        if separator not in text or re.fullmatch(r"[\s|:-]+", text):
            continue
        cells = split_row(text, layout)
        if header[0] and cells[0].lower() == header[0].lower():
            header = tuple(cells)
            continue
        rows.append(TableRow(number, cells[0], tuple(cells[1:]), header))
    return rows


def _spaced_cells(text: str, width: int) -> list[str]:
    """Cells of a line of figures only, where each empty cell left two more spaces in the PDF text."""
    cells: list[str] = []
    position = 0
    for match in re.finditer(r"\S+", text):
        gap = match.start() - position
        empties = gap // 2 if position == 0 else (gap - 1) // 2
        cells.extend([""] * empties)
        cells.append(match.group())
        position = match.end()
    cells.extend([""] * (width - len(cells)))
    return cells[:width] if len(cells) >= width else cells


def trailing_cells(text: str, width: int) -> tuple[str, list[str]]:
    """Split a PDF text line into its leading label and up to `width` trailing figure cells."""
    label, cells = text.rstrip(), []
    while len(cells) < width:
        match = _TRAILING_CELL.search(label)
        token = match.group(1) if match else ""
        if token.count("(") != token.count(")"):  # "(November" / "2022)": a bracketed date, not a figure
            break
        if not match or parse_figure(re.sub(r"\(\d+\)$", "", match.group(1)).strip()) is None and \
                match.group(1).upper().replace("/", "") != "NA":
            break
        cells.insert(0, match.group(1).strip())
        label = label[: match.start(1)].rstrip()
    return label.strip(), cells


def pdf_rows(doc: Document, start_line: int, until: int, width: int) -> list[TableRow]:
    """Rows of a PDF-text table from `start_line` to `until`: label text may wrap over the lines above its figures."""
    rows: list[TableRow] = []
    pending: list[str] = []
    lines = [(number, doc.line(number)) for number in range(start_line, until + 1) if doc.line(number).strip()]
    split = [trailing_cells(text, width) for _, text in lines]
    for position, (number, text) in enumerate(lines):
        label, cells = split[position]
        following = split[position + 1] if position + 1 < len(split) else ("", [])
        # "Children Looked After Team 1" above a line holding only "2": the 1 belongs to the label.
        if label and cells and not following[0] and following[1]:
            cells = []
        if not cells:
            pending.append(clean(text))
            continue
        if not label and len(cells) < width:
            cells = _spaced_cells(text, width)
        full_label = clean(" ".join([*pending, label]))
        rows.append(TableRow(number, full_label, tuple(cells)))
        pending = []
    return rows
