"""Fixtures for the broken-file corpus: a clean base package to break one file at a time."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
BASE = CORPUS / "base"


@pytest.fixture
def package(tmp_path: Path) -> Callable[..., Path]:
    """A copy of the clean base package, with `data/meetings.csv` or `datapackage.json` swapped for a corpus file."""

    made = iter(range(1_000))

    def make(*, meetings: str | bytes | None = None, descriptor: str | None = None) -> Path:
        root = tmp_path / f"pkg{next(made)}"
        shutil.copytree(BASE, root)
        if isinstance(meetings, bytes):
            (root / "data" / "meetings.csv").write_bytes(meetings)
        elif meetings is not None:
            shutil.copyfile(CORPUS / "csv" / meetings, root / "data" / "meetings.csv")
        if descriptor is not None:
            shutil.copyfile(CORPUS / "descriptor" / descriptor, root / "datapackage.json")
        return root

    return make
