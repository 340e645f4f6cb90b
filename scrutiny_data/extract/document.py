"""A source document as numbered lines of text, with its provenance."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import ScrutinyDataError


@dataclass(frozen=True)
class Document:
    """The text of one source document. `line(n)` is 1-based, as `source_line` is."""

    source_id: str
    path: Path
    sha256: str
    lines: tuple[str, ...]
    pages: tuple[int, ...] | None = None  # page of each line, for PDFs

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    def page(self, number: int) -> int | None:
        return self.pages[number - 1] if self.pages else None

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def source_id_for(path: Path) -> str:
    """`003_dac6ef46.txt` -> `003`; otherwise the file's stem as a slug."""
    stem = path.stem.lower()
    head = stem.split("_", 1)[0]
    return head if head.isdigit() else "".join(c if c.isalnum() else "-" for c in stem).strip("-")


def read_text_document(path: Path, source_id: str | None = None) -> Document:
    """Read a UTF-8 text file (a BOM and CRLF endings are accepted) as a Document."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ScrutinyDataError(exc.strerror or "cannot be read", path=path) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScrutinyDataError(f"not UTF-8 (byte {exc.start})", path=path) from exc
    return Document(
        source_id=source_id or source_id_for(path),
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        lines=tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")),
    )
