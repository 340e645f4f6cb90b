"""Waivers: acknowledged source errors, read from `waivers.yaml` and matched to findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl
import yaml

from ..errors import ScrutinyDataError

WAIVER_FILE = "waivers.yaml"
_KEYS = {"code", "record_id", "reason", "resource"}


@dataclass(frozen=True)
class Waiver:
    """An acknowledged finding: its code and record id (and resource, if given), and why it stands."""

    code: str
    record_id: str
    reason: str
    resource: str | None = None


def _entries(document: object, path: Path) -> list[object]:
    if document is None:
        return []
    if isinstance(document, dict) and set(document) == {"waivers"}:
        document = document["waivers"] or []
    if not isinstance(document, list):
        raise ScrutinyDataError("expected a list of waivers (or a `waivers:` key holding one)", path=path)
    return document


def resolve_waivers(given: list[Waiver] | str | Path | None, directory: Path | None) -> list[Waiver]:
    """The waivers given (a list or a file), else those kept with the dataset in `directory`.

    A dataset keeps its `waivers.yaml` beside it; the `parquet/` folder of a published package uses
    the package's, one level up.
    """
    if isinstance(given, str | Path):
        return load_waivers(given)
    if given is not None:
        return list(given)
    places = [directory, directory.parent] if directory is not None and directory.name == "parquet" else [directory]
    beside = next((place / WAIVER_FILE for place in places if place is not None and (place / WAIVER_FILE).is_file()),
                  None)
    return load_waivers(beside) if beside is not None else []


def load_waivers(path: str | Path) -> list[Waiver]:
    """Read a waivers file; anything malformed raises ScrutinyDataError naming the entry."""
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScrutinyDataError(exc.strerror or "cannot be read", path=path) from exc
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ScrutinyDataError(f"not valid YAML: {str(exc).splitlines()[0]}", path=path) from exc
    waivers = []
    for number, entry in enumerate(_entries(document, path), start=1):
        if not isinstance(entry, dict):
            raise ScrutinyDataError(f"waiver {number} is not a mapping of code, record_id and reason", path=path)
        unknown = set(entry) - _KEYS
        if unknown:
            raise ScrutinyDataError(f"waiver {number} has unknown keys {sorted(unknown)}", path=path)
        for key in ("code", "record_id", "reason"):
            value = entry.get(key)
            if not isinstance(value, str | int) or not str(value).strip():
                raise ScrutinyDataError(f"waiver {number} needs a non-empty `{key}`", path=path)
        resource = entry.get("resource")
        if resource is not None and not isinstance(resource, str):
            raise ScrutinyDataError(f"waiver {number}: `resource` must be text", path=path)
        waivers.append(Waiver(code=str(entry["code"]).strip(), record_id=str(entry["record_id"]).strip(),
                              reason=str(entry["reason"]).strip(), resource=resource))
    return waivers


def waiver_frame(waivers: list[Waiver]) -> pl.DataFrame:
    """Waivers as a frame, numbered in file order (the first matching waiver gives the reason)."""
    return pl.DataFrame({
        "_waiver": list(range(len(waivers))),
        "code": [w.code for w in waivers],
        "record_id": [w.record_id for w in waivers],
        "_waiver_resource": [w.resource for w in waivers],
        "waiver_reason": [w.reason for w in waivers],
    }, schema={"_waiver": pl.Int64, "code": pl.String, "record_id": pl.String, "_waiver_resource": pl.String,
               "waiver_reason": pl.String})
