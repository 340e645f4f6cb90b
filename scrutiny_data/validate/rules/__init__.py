"""Rule families, one module each; importing this package registers every rule."""

from __future__ import annotations

from . import dates, entities, meetings, periods, ratios, schema, totals

__all__ = ["dates", "entities", "meetings", "periods", "ratios", "schema", "totals"]
