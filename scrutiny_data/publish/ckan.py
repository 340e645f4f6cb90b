"""A CKAN `package_create` payload: the dataset, its resources and a data dictionary per resource."""

from __future__ import annotations

import re
from typing import Any

from ..models import RESOURCES
from ..schema import field_specs
from .facts import CKAN_LICENCE_ID, Facts
from .inventory import PublishedFile

DEFAULT_OWNER_ORG = "replace-with-your-organisation"
#: Table Schema type -> CKAN DataStore column type.
DATASTORE_TYPES = {"string": "text", "integer": "int", "number": "numeric", "boolean": "bool", "date": "date"}


def _tag(keyword: str) -> str:
    # CKAN tags allow letters, digits, spaces and `-_.`; up to 100 characters.
    return re.sub(r"[^\w .-]+", "", keyword).strip()[:100]


def data_dictionary(resource: str) -> list[dict[str, Any]]:
    """The DataStore data dictionary of a resource, from its Table Schema fields."""
    return [
        {"id": spec.name, "type": DATASTORE_TYPES[spec.type],
         "info": {"label": spec.name.replace("_", " ").capitalize(), "notes": spec.description,
                  "type_override": DATASTORE_TYPES[spec.type]}}
        for spec in field_specs(RESOURCES[resource])
    ]


def _resource(facts: Facts, file: PublishedFile) -> dict[str, Any]:
    name = file.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if name not in RESOURCES:
        return {"name": file.path, "url": facts.url(file.path), "format": file.file_type,
                "mimetype": file.media_type, "size": file.size, "hash": f"sha256:{file.sha256}"}
    model = RESOURCES[name]
    entry: dict[str, Any] = {
        "name": f"{model.table.title} ({file.file_type})",
        "description": model.table.description,
        "url": facts.url(file.path),
        "format": file.file_type,
        "mimetype": file.media_type,
        "size": file.size,
        "hash": f"sha256:{file.sha256}",
    }
    if file.suffix == ".csv":
        entry["data_dictionary"] = data_dictionary(name)
    return entry


def ckan_payload(facts: Facts, files: list[PublishedFile], *, owner_org: str = DEFAULT_OWNER_ORG) -> dict[str, Any]:
    """The body of a CKAN `package_create` call for a publication."""
    order = {name: index for index, name in enumerate(RESOURCES)}
    tabular = sorted(
        (f for f in files if f.path.startswith(("data/", "parquet/"))),
        key=lambda f: (f.suffix, order.get(f.path.rsplit("/", 1)[-1].rsplit(".", 1)[0], len(order))),
    )
    extras = {
        "version": facts.version,
        "created": facts.created.isoformat() if facts.created else "",
        "temporal_coverage-from": facts.coverage[0].isoformat() if facts.coverage else "",
        "temporal_coverage-to": facts.coverage[1].isoformat() if facts.coverage else "",
        "spatial_gss": ";".join(body.gss for body in facts.bodies),
        "spatial_uri": ";".join(body.gss_uri for body in facts.bodies),
        "publisher": facts.publisher,
        "metadata_dcat": facts.url("dcat.jsonld"),
    }
    return {
        "name": facts.name[:100],
        "title": facts.title,
        "notes": facts.description,
        "owner_org": owner_org,
        "license_id": CKAN_LICENCE_ID,
        "version": facts.version,
        "url": facts.base_url,
        "private": False,
        "tags": [{"name": tag} for tag in dict.fromkeys(_tag(k) for k in facts.keywords) if len(tag) > 1],
        "extras": [{"key": key, "value": value} for key, value in sorted(extras.items()) if value],
        "resources": [_resource(facts, f) for f in tabular],
    }
