"""Readers that turn a council paper (PDF text layer, saved ModernGov page, plain text) into a Document."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ...errors import ScrutinyDataError
from ..document import Document, read_text_document, source_id_for
from ..papers import source_kind
from .html import read_html
from .notices import InputWarning, Notice
from .pdf import read_pdf

PDF_SUFFIXES = {".pdf"}
HTML_SUFFIXES = {".htm", ".html", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
SUPPORTED_SUFFIXES = PDF_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES
#: Formats users are likely to hand us that we cannot read, with what to do instead.
_CONVERT_FIRST = {
    b"PK\x03\x04": "a Word, Excel or other zip-based file; save it as PDF or plain text",
    b"\xd0\xcf\x11\xe0": "an old Word or Excel file; save it as PDF or plain text",
    b"{\\rtf": "an RTF file; save it as PDF or plain text",
}


def _sniff(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(512)
    except OSError as exc:
        raise ScrutinyDataError(exc.strerror or "cannot be read", path=path) from exc


def input_kind(path: Path) -> str:
    """The `sources.kind` of a file: `pdf`, `moderngov_html` or `pdf_text` (text of unknown origin)."""
    head = _sniff(path)
    if head.startswith(b"%PDF-"):
        return "pdf"
    for magic, advice in _CONVERT_FIRST.items():
        if head.startswith(magic):
            raise ScrutinyDataError(f"unsupported file: {advice}", path=path)
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        raise ScrutinyDataError("not a PDF (no %PDF- header): the file is damaged or misnamed", path=path)
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if suffix in HTML_SUFFIXES or lowered.startswith((b"<!doctype html", b"<html")):
        return "moderngov_html"
    if suffix in TEXT_SUFFIXES or not suffix:
        return "pdf_text"
    raise ScrutinyDataError(f"unsupported file type {suffix!r}: expected PDF, HTML or plain text", path=path)


def read_document(path: Path, source_id: str | None = None) -> Document:
    """Read one paper as a Document; PDFs carry the page of every line.

    A PDF page without a text layer is reported as an `InputWarning`, never an error.
    """
    path = Path(path)
    if not path.is_file():
        raise ScrutinyDataError("no such file" if not path.exists() else "not a file", path=path)
    kind = input_kind(path)
    source_id = source_id or source_id_for(path)
    if kind == "pdf":
        return read_pdf(path, source_id)
    if kind == "moderngov_html":
        return read_html(path, source_id)
    return read_text_document(path, source_id)


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files named, and the supported files inside directories named (sorted, hidden files skipped)."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not inside:
                raise ScrutinyDataError("directory holds no PDF, HTML or text files", path=path)
            found.extend(inside)
        elif path.exists():
            found.append(path)
        else:
            raise ScrutinyDataError("no such file or directory", path=path)
    return found


def _read_noting(path: Path, on_notice: Callable[[Notice], None]) -> Document:
    """`read_document`, its `InputWarning`s passed on as Notices; other warnings are left alone."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        doc = read_document(path)
    for warned in caught:
        if issubclass(warned.category, InputWarning):
            on_notice(Notice(path, str(warned.message).removeprefix(f"{path}: ")))
        else:
            warnings.warn_explicit(warned.message, warned.category, warned.filename, warned.lineno)
    return doc


def iter_documents(paths: Iterable[Path | str],
                   on_notice: Callable[[Notice], None] | None = None) -> Iterator[Document]:
    """Read the files named or inside directories named, one by one; `on_notice` gets InputWarnings as Notices."""
    seen: dict[str, Path] = {}
    for path in expand_paths(paths):
        doc = read_document(path) if on_notice is None else _read_noting(path, on_notice)
        if doc.source_id in seen:  # rows of the two would be indistinguishable
            raise ScrutinyDataError(f"same source id {doc.source_id!r} as {seen[doc.source_id]}; rename one",
                                    path=path)
        seen[doc.source_id] = path
        yield doc


def read_documents(paths: Iterable[Path | str]) -> list[Document]:
    """Read every file named or found in the directories named; two files may not share a source id."""
    return list(iter_documents(paths))


def document_kind(doc: Document) -> str:
    """The `sources.kind` of a Document that `read_document` returned."""
    if doc.pages is not None:
        return "pdf"
    if doc.path.suffix.lower() in HTML_SUFFIXES:
        return "moderngov_html"
    return source_kind(doc)  # a text file's origin shows in its furniture (web links, Word tables)


__all__ = ["InputWarning", "Notice", "SUPPORTED_SUFFIXES", "document_kind", "expand_paths", "input_kind",
           "iter_documents", "read_document", "read_documents"]
