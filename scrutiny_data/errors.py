"""The one exception for input that cannot be read."""

from __future__ import annotations

from pathlib import Path


class ScrutinyDataError(Exception):
    """Input could not be read. The message names the file, and the row and field when known."""

    def __init__(self, message: str, *, path: Path | str | None = None,
                 row: int | None = None, field: str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.row = row
        self.field = field
        where = ", ".join(
            part for part in (
                str(path) if path is not None else "",
                f"row {row}" if row is not None else "",
                f"field {field!r}" if field is not None else "",
            ) if part
        )
        super().__init__(f"{where}: {message}" if where else message)
