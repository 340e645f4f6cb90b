"""How readers and parsers say that part of a paper was skipped: a warning naming the file and page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class InputWarning(UserWarning):
    """Part of an input file could not be used (a page without a text layer, an unrecognised section)."""


@dataclass(frozen=True)
class Notice:
    """Something skipped in a paper, with where it is: printed by the CLI, never fatal."""

    path: Path
    message: str
    page: int | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = [str(self.path)]
        if self.page is not None:
            where.append(f"page {self.page}")
        if self.line is not None:
            where.append(f"line {self.line}")
        return f"{', '.join(where)}: {self.message}"
