"""The one exception for input that cannot be read, and how its message is kept to one line."""

from __future__ import annotations

from pathlib import Path


def one_line(text: str) -> str:
    """Text safe to print as one terminal line: line breaks and control characters escaped."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


class ScrutinyDataError(Exception):
    """Input could not be read. The message names the file, and the row and field when known.

    The message is always one line: a hostile file name or cell cannot add lines or
    terminal escape sequences to it.
    """

    def __init__(self, message: str, *, path: Path | str | None = None,
                 row: int | None = None, field: str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.row = row
        self.field = field
        self.reason = message
        where = ", ".join(
            part for part in (
                str(path) if path is not None else "",
                f"row {row}" if row is not None else "",
                f"field {field!r}" if field is not None else "",
            ) if part
        )
        super().__init__(one_line(f"{where}: {message}" if where else message))
