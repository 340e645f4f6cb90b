"""Shared fixtures: where the seed papers are, and small hand-made data packages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "datasets" / "thurrock-childrens-services-scrutiny"


def sources_dir() -> Path:
    """The seed papers: $SCRUTINY_SOURCES, else ../shared/seeds beside the repository."""
    return Path(os.environ.get("SCRUTINY_SOURCES", ROOT.parent / "shared" / "seeds"))


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The seed papers; skips where they are absent, fails under CI where they must be present."""
    path = sources_dir()
    if not path.is_dir() or not any(path.glob("*.txt")):
        if os.environ.get("CI") == "true":
            pytest.fail(f"seed papers not found at {path} (set SCRUTINY_SOURCES)")
        pytest.skip(f"seed papers not found at {path} (set SCRUTINY_SOURCES)")
    return path


def write_package(directory: Path, tables: dict[str, str], **descriptor: object) -> Path:
    """Write a minimal data package from CSV texts keyed by resource name."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "data").mkdir(exist_ok=True)
    resources = []
    for name, text in tables.items():
        (directory / "data" / f"{name}.csv").write_text(text, encoding="utf-8")
        resources.append({"name": name, "path": f"data/{name}.csv"})
    (directory / "datapackage.json").write_text(
        json.dumps({"name": directory.name, "resources": resources, **descriptor}), encoding="utf-8"
    )
    return directory
