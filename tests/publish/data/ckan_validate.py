"""Validate ckan.json files with CKAN's own package_create schema, run under a Python that has CKAN installed.

    python ckan_validate.py ckan.json...   ->  prints {"file": {field: [messages]}} as JSON

CKAN's validators run as CKAN runs them; the few that ask the portal's database (does the
name exist yet, does the organisation exist, is the vocabulary known, is the user a sysadmin)
are replaced by ones that accept, since there is no portal here. CKAN 2.12 is configured to
refuse datasets without an organisation unless `ckan.auth.create_unowned_dataset` is set.
"""

import json
import sys

from ckan.lib.navl.dictization_functions import validate
from ckan.logic import schema as schemas

#: Validators that query the database of a running portal.
NEEDS_PORTAL = {"package_name_validator", "owner_org_validator", "vocabulary_id_exists",
                "empty_if_not_sysadmin", "package_id_not_changed", "group_id_exists"}


def _accept(value, *args, **kwargs):
    return value if not args else None


def _offline(schema):
    if isinstance(schema, dict):
        return {key: _offline(value) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_accept if getattr(v, "__name__", "") in NEEDS_PORTAL else _offline(v) for v in schema]
    return schema


def check(payload):
    schema = _offline(schemas.default_create_package_schema())
    _, errors = validate(payload, schema, {"model": None, "session": None, "user": "", "api_version": 3})
    return errors


if __name__ == "__main__":
    results = {}
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            results[path] = check(json.load(handle))
    print(json.dumps(results, default=str))
