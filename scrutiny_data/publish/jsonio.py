"""JSON as every published file writes it: the same value, the same bytes."""

from __future__ import annotations

import json
from typing import Any


def json_text(value: Any) -> str:
    """Indented, keys in the order built, UTF-8 kept, final newline."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def without_nulls(value: Any) -> Any:
    """Drop nulls and empty lists from nested dicts: the formats omit a property nobody knows."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value
