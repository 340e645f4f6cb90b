"""PDF papers through pypdf's text layer: lines in reading order, page of each line, page furniture removed."""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from collections import Counter
from pathlib import Path

from ...errors import ScrutinyDataError
from ..document import Document
from .notices import InputWarning

#: Runs of spaces this long in pypdf's layout text are the gap between two columns, not between words.
_COLUMN_GAP = re.compile(r" {4,}")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
#: Lines at the top and bottom of a page where running headers and footers sit.
_HEAD_LINES, _FOOT_LINES = 2, 3


def _page_lines(text: str) -> list[str]:
    """Layout text -> lines, stripped, with column gaps kept as a tab so cells stay apart."""
    return [_COLUMN_GAP.sub("\t", line.strip()) for line in text.splitlines()]


def _edges(lines: list[str]) -> list[int]:
    """Indexes of the non-blank lines where a running header or footer would sit."""
    filled = [index for index, line in enumerate(lines) if line]
    return sorted(set(filled[:_HEAD_LINES] + filled[-_FOOT_LINES:]))


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def strip_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and headers/footers repeated on at least half the pages; squeeze blank runs."""
    repeated: Counter[str] = Counter()
    inside: set[str] = set()  # a shape also printed mid-page is content (a list), not a running header
    for lines in pages:
        edges = set(_edges(lines))
        repeated.update({_shape(lines[index]) for index in edges})
        inside.update(_shape(line) for index, line in enumerate(lines) if line and index not in edges)
    repeated = Counter({shape: count for shape, count in repeated.items() if shape not in inside})
    threshold = max(2, (len(pages) + 1) // 2)
    kept_pages = []
    for number, lines in enumerate(pages, start=1):
        edges = _edges(lines)
        first_text = edges[0] if edges else -1
        # page 1's running header stays: it often names the council and the committee the paper is for
        furniture = {index for index in edges
                     if any(_PAGE_NUMBER.match(cell.strip()) for cell in lines[index].split("\t"))
                     or repeated[_shape(lines[index])] >= threshold and not (number == 1 and index == first_text)}
        kept: list[str] = []
        for index, line in enumerate(lines):
            if index not in furniture and (line or (kept and kept[-1])):
                kept.append(line)  # a vertical gap of any height is one blank line
        while kept and not kept[-1]:
            kept.pop()
        kept_pages.append(kept)
    return kept_pages


def _page_text(page: object, number: int, path: Path) -> str:
    """One page's layout text; plain text where layout mode fails; a warning when there is none."""
    from pypdf.errors import PyPdfError

    errors = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, ZeroDivisionError)
    try:
        text = page.extract_text(extraction_mode="layout")
    except errors:
        try:  # layout mode trips over some fonts and rotations; the plain text layer is still worth having
            text = page.extract_text()
        except errors as exc:
            warnings.warn(InputWarning(f"{path}: page {number} could not be read ({type(exc).__name__}); "
                                       "skipped"), stacklevel=3)
            return ""
    if not text.strip():
        warnings.warn(InputWarning(f"{path}: page {number} has no text layer (a scan?); run OCR on it to "
                                   "extract it"), stacklevel=3)
    return text


def read_pdf(path: Path, source_id: str) -> Document:
    """Read a PDF's text layer; a page with no text (a scan) is an `InputWarning`, not an error."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ScrutinyDataError(exc.strerror or "cannot be read", path=path) from exc
    from pypdf import PdfReader  # imported here: only PDF users pay for it
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ScrutinyDataError("the PDF is password-protected", path=path)
        raw_pages = [_page_lines(_page_text(page, number, path)) for number, page in
                     enumerate(reader.pages, start=1)]
    except ScrutinyDataError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        # pypdf raises a zoo of exceptions on damaged files; each means "cannot read this PDF"
        raise ScrutinyDataError(f"not a readable PDF ({type(exc).__name__}: {exc})", path=path) from exc
    lines: list[str] = []
    pages: list[int] = []
    for number, page_lines in enumerate(strip_furniture(raw_pages), start=1):
        lines.extend(page_lines)
        pages.extend([number] * len(page_lines))
    return Document(source_id=source_id, path=path, sha256=hashlib.sha256(data).hexdigest(),
                    lines=tuple(lines), pages=tuple(pages))
