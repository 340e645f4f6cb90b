"""The Frictionless data package: `datapackage.json` and `data/<resource>.csv`, valid unchanged."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ..dataset import Dataset, csv_bytes, resource_descriptor
from ..models import RESOURCES
from .facts import LICENCE_ID, LICENCE_TITLE, LICENCE_URL, Facts
from .jsonio import json_text
from .relax import relax

PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
LICENCE = {"name": LICENCE_ID, "title": LICENCE_TITLE, "path": LICENCE_URL}


def _resource(name: str, data: bytes) -> dict[str, Any]:
    descriptor = resource_descriptor(name)
    # Data Package v2 names a tabular resource by `type`; v1's `profile` is dropped to match `$schema`.
    descriptor.pop("profile", None)
    descriptor["type"] = "table"
    for fk in descriptor.get("schema", {}).get("foreignKeys", []):
        if fk["reference"].get("resource") == "":
            del fk["reference"]["resource"]  # v2: a reference to the same resource names none
    descriptor["bytes"] = len(data)
    descriptor["hash"] = f"sha256:{hashlib.sha256(data).hexdigest()}"
    return descriptor


def package_descriptor(facts: Facts, resources: list[dict[str, Any]],
                       relaxed: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The `datapackage.json` of a published dataset."""
    descriptor: dict[str, Any] = {
        "$schema": PACKAGE_PROFILE,
        "name": facts.name,
        "id": facts.url("datapackage.json"),
        "title": facts.title,
        "description": facts.description,
        "version": facts.version,
    }
    if facts.created_at:
        descriptor["created"] = facts.created_at
    descriptor.update({
        "homepage": facts.base_url,
        "licenses": [LICENCE],
        "keywords": list(facts.keywords),
        "contributors": list(facts.contributors),
        "sources": list(facts.sources),
        "resources": resources,
    })
    if relaxed:
        # Published with errors: the schema states what the rows satisfy, and this says what it no longer does.
        descriptor["relaxedConstraints"] = relaxed
    return descriptor


def write_package(dataset: Dataset, root: Path, facts: Facts) -> dict[str, Any]:
    """Write `data/<resource>.csv` for every contract resource and the descriptor; return the descriptor."""
    (root / "data").mkdir(parents=True, exist_ok=True)
    resources = {}
    for name in RESOURCES:
        data = csv_bytes(dataset[name])
        (root / "data" / f"{name}.csv").write_bytes(data)
        resources[name] = _resource(name, data)
    relaxed = relax(resources, {name: dataset[name] for name in RESOURCES})
    descriptor = package_descriptor(facts, list(resources.values()), relaxed)
    (root / "datapackage.json").write_text(json_text(descriptor), encoding="utf-8")
    return descriptor
