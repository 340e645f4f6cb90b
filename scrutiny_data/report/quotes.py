"""Quote the source line a finding points at, from the source papers when they are at hand."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from ..dataset import Dataset

#: Longest quote shown; longer lines are cut at a word boundary and end with an ellipsis.
QUOTE_CHARS = 200


def _repo_root(start: Path) -> Path | None:
    """The nearest directory at or above `start` that looks like a repository checkout."""
    for directory in (start, *start.parents):
        if (directory / ".git").exists() or (directory / "pyproject.toml").exists():
            return directory
    return None


def search_dirs(dataset_path: Path | None, extra: Iterable[Path] = ()) -> list[Path]:
    """Where to look for source files, first match wins.

    An explicit `--sources` directory, the dataset's own `sources/`, $SCRUTINY_SOURCES, and
    `../shared/seeds` beside the repository that holds the dataset.
    """
    dirs = [Path(d) for d in extra]
    if dataset_path is not None:
        dirs.append(dataset_path / "sources")
    if os.environ.get("SCRUTINY_SOURCES"):
        dirs.append(Path(os.environ["SCRUTINY_SOURCES"]))
    if dataset_path is not None:
        root = _repo_root(dataset_path.resolve())
        if root is not None:
            dirs.append(root.parent / "shared" / "seeds")
    return dirs


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """Cut `text` to at most `limit` characters, at a space where one is near, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def excerpt(text: str, near: str | None = None, limit: int = QUOTE_CHARS) -> str:
    """`text` cut to `limit` characters around the first occurrence of `near` (else from the start).

    A paper's paragraph is often one long line; the part worth quoting is where the figure is.
    """
    at = text.lower().find(near.lower()) if near else -1
    if len(text) <= limit or at < 0:
        return shorten(text, limit)
    start = max(0, at - (limit - len(near or "")) // 2)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < at else start
        return shorten("…" + text[start:], limit)
    return shorten(text, limit)


class SourceQuoter:
    """`quote(source_id, line)` -> the stripped text of that line, or None when it cannot be shown.

    A source file is used only when its SHA-256 matches the `sources` table, so a quote is never
    taken from a different edition of the paper than the one the data came from.
    """

    def __init__(self, sources: dict[str, tuple[str, str]], directories: Iterable[Path]) -> None:
        self._sources = sources  # source id -> (file name, sha256)
        self._directories = [Path(d) for d in directories]
        self._found: dict[str, tuple[Path, tuple[str, ...]] | None] = {}  # source id -> (file, lines)
        self.problems: list[str] = []

    @classmethod
    def for_dataset(cls, dataset: Dataset, extra_dirs: Iterable[Path] = ()) -> SourceQuoter:
        """A quoter for a loaded dataset, searching `extra_dirs` first, then the default places."""
        table = dataset.raw.get("sources")
        sources: dict[str, tuple[str, str]] = {}
        if table is not None and {"id", "file_name", "sha256"} <= set(table.columns):
            rows = table.select("id", "file_name", "sha256").drop_nulls().unique("id", keep="first")
            sources = {sid: (name, sha.strip().lower()) for sid, name, sha in rows.iter_rows()}
        return cls(sources, search_dirs(dataset.path, extra_dirs))

    def _find(self, source_id: str) -> tuple[Path, tuple[str, ...]] | None:
        file_name, sha256 = self._sources[source_id]
        base = Path(file_name).name  # a file name, never a path: a dataset cannot point outside
        for directory in self._directories:
            candidate = directory / base
            if not candidate.is_file():
                continue
            data = candidate.read_bytes()
            if hashlib.sha256(data).hexdigest() != sha256:
                self.problems.append(f"{candidate}: SHA-256 differs from the sources table; not quoted")
                continue
            text = data.decode("utf-8-sig", errors="replace")
            return candidate, tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        return None

    def _lookup(self, source_id: str) -> tuple[Path, tuple[str, ...]] | None:
        if source_id not in self._found:
            self._found[source_id] = self._find(source_id) if source_id in self._sources else None
        return self._found[source_id]

    def path(self, source_id: str | None) -> Path | None:
        """The verified file of a source, or None."""
        found = self._lookup(source_id) if source_id is not None else None
        return found[0] if found else None

    def lines(self, source_id: str) -> tuple[str, ...] | None:
        """All lines of a source whose file was found and verified, else None."""
        found = self._lookup(source_id)
        return found[1] if found else None

    def __call__(self, source_id: str | None, line: int | None, near: str | None = None) -> str | None:
        """The line's text, whitespace collapsed; a long line is cut around `near` when it occurs."""
        if source_id is None or line is None or line < 1:
            return None
        lines = self.lines(source_id)
        if lines is None or line > len(lines):
            return None
        text = " ".join(lines[line - 1].split())
        return excerpt(text, near) if text else None

    @property
    def missing(self) -> list[str]:
        """Ids of sources asked for whose file was not found (or did not match its SHA-256)."""
        return sorted(sid for sid, found in self._found.items() if found is None)

