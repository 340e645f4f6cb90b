"""A CKAN `package_create` payload: the dataset, its resources and a data dictionary per resource."""

from __future__ import annotations

import json
import re
from typing import Any

from ..models import RESOURCES
from ..schema import field_specs
from .facts import CKAN_LICENCE_ID, Facts
from .inventory import PublishedFile

#: No organisation unless one is given: CKAN refuses an `owner_org` that does not exist on the portal.
DEFAULT_OWNER_ORG: str | None = None
#: Table Schema type -> CKAN DataStore column type.
DATASTORE_TYPES = {"string": "text", "integer": "int", "number": "numeric", "boolean": "bool", "date": "date"}
#: Table Schema type -> the DataStore loader's `type_override`, which takes only text, numeric and timestamp.
TYPE_OVERRIDES = {"string": "text", "integer": "numeric", "number": "numeric", "boolean": "text",
                  "date": "timestamp"}
#: Fields of CKAN's own package schema: never repeated as `extras` (CKAN refuses a duplicate).
CORE_FIELDS = frozenset({
    "id", "name", "title", "author", "author_email", "maintainer", "maintainer_email", "license_id", "notes",
    "url", "version", "state", "type", "owner_org", "private", "tags", "tag_string", "extras", "resources",
    "groups", "relationships_as_object", "relationships_as_subject", "metadata_modified", "plugin_data",
})
#: The EU data theme "Government and public sector", as DCAT-AP and ckanext-dcat name it.
THEME = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
ENGLISH = "http://publications.europa.eu/resource/authority/language/ENG"


def _tag(keyword: str) -> str:
    # CKAN tags allow letters, digits, spaces and `-_.`; up to 100 characters.
    return re.sub(r"[^\w .-]+", "", keyword).strip()[:100]


def data_dictionary(resource: str) -> list[dict[str, Any]]:
    """The DataStore data dictionary of a resource, from its Table Schema fields."""
    return [
        {"id": spec.name, "type": DATASTORE_TYPES[spec.type],
         "info": {"label": spec.name.replace("_", " ").capitalize(), "notes": spec.description,
                  "type_override": TYPE_OVERRIDES[spec.type]}}
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


def _extras(facts: Facts) -> dict[str, str]:
    """Extras under the names ckanext-dcat reads (temporal, spatial, publisher, theme, language, dates)."""
    bodies = facts.bodies
    extras = {
        "issued": facts.created.isoformat() if facts.created else "",
        "modified": facts.created.isoformat() if facts.created else "",
        "temporal_start": facts.coverage[0].isoformat() if facts.coverage else "",
        "temporal_end": facts.coverage[1].isoformat() if facts.coverage else "",
        "spatial_text": "; ".join(body.name for body in bodies),
        # ckanext-dcat takes one `spatial_uri`: the area itself when there is one council.
        "spatial_uri": bodies[0].gss_uri if len(bodies) == 1 else "",
        "spatial_gss": ";".join(body.gss for body in bodies),
        "publisher_name": facts.publisher if bodies else "",
        "theme": json.dumps([THEME]),
        "language": json.dumps([ENGLISH]),
        "metadata_dcat": facts.url("dcat.jsonld"),
    }
    return extras


def ckan_payload(facts: Facts, files: list[PublishedFile], *, owner_org: str | None = DEFAULT_OWNER_ORG
                 ) -> dict[str, Any]:
    """The body of a CKAN `package_create` call for a publication.

    Without `owner_org` the payload has none: give the portal's organisation before posting it
    (CKAN refuses unowned datasets unless the portal allows them).
    """
    order = {name: index for index, name in enumerate(RESOURCES)}
    tabular = sorted(
        (f for f in files if f.path.startswith(("data/", "parquet/"))),
        key=lambda f: (f.suffix, order.get(f.path.rsplit("/", 1)[-1].rsplit(".", 1)[0], len(order))),
    )
    extras = _extras(facts)
    payload: dict[str, Any] = {
        "name": facts.name[:100],
        "title": facts.title,
        "notes": facts.description,
    }
    if owner_org:
        payload["owner_org"] = owner_org
    return payload | {
        "license_id": CKAN_LICENCE_ID,
        "version": facts.version,
        "url": facts.base_url,
        "private": False,
        "tags": [{"name": tag} for tag in dict.fromkeys(_tag(k) for k in facts.keywords) if len(tag) > 1],
        "extras": [{"key": key, "value": value} for key, value in sorted(extras.items()) if value],
        "resources": [_resource(facts, f) for f in tabular],
    }
