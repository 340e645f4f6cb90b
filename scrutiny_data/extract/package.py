"""Dataset metadata: read from a hand-written `package.yaml` beside the data, completed from the data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from ..errors import ScrutinyDataError

PACKAGE_FILE = "package.yaml"
MAPPING_FILE = "tables.yaml"

def read_yaml(path: Path) -> dict[str, Any]:
    """A YAML mapping from `path`, `{}` when the file is absent."""
    if not path.is_file():
        return {}
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ScrutinyDataError(f"not readable YAML: {str(exc).splitlines()[0]}", path=path) from exc
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise ScrutinyDataError("expected a mapping at the top level", path=path)
    return loaded


def package_settings(directory: Path | None) -> dict[str, Any]:
    """The dataset's `package.yaml` (name, title, licence, the committee its papers belong to); `{}` if none."""
    return read_yaml(directory / PACKAGE_FILE) if directory else {}


def descriptor(settings: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any]:
    """datapackage.json metadata (without resources): `created` is the latest source date, not the clock."""
    published = [s["published"] for s in sources if s.get("published")]
    created = max(published) if published else None
    meta = {key: value for key, value in settings.items() if key != "committee"}
    if isinstance(created, dt.date):
        meta["created"] = f"{created.isoformat()}T00:00:00Z"
    meta["sources"] = [
        {"title": source.get("title") or source["file_name"], "path": source["file_name"]}
        for source in sources
    ]
    return meta
