"""A published schema states only what its rows satisfy: constraints the data breaks are dropped, and listed."""

from __future__ import annotations

from typing import Any

import polars as pl

FieldCheck = tuple[str, pl.Expr]


def _missing(column: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    """Missing as a CSV reader sees it: null, or (in a text column) the empty string."""
    return column.is_null() | (column == "") if dtype == pl.String else column.is_null()


def _broken(name: str, constraints: dict[str, Any], dtype: pl.DataType) -> list[FieldCheck]:
    """For each constraint of a field, an expression true where a row breaks it."""
    column = pl.col(name)
    present = ~_missing(column, dtype)
    text = column.cast(pl.String)
    checks: list[FieldCheck] = []
    if constraints.get("required"):
        checks.append(("required", ~present))
    if "pattern" in constraints:
        checks.append(("pattern", present & ~text.str.contains(f"^(?:{constraints['pattern']})$")))
    if "enum" in constraints:
        allowed = [str(value) for value in constraints["enum"]]
        checks.append(("enum", present & ~text.is_in(allowed)))
    numeric = dtype.is_numeric()
    for bound, breaks in (("minimum", column.__lt__), ("maximum", column.__gt__)):
        if bound in constraints and numeric:
            checks.append((bound, present & breaks(constraints[bound])))
    for bound, breaks in (("minLength", pl.Expr.__lt__), ("maxLength", pl.Expr.__gt__)):
        if bound in constraints and dtype == pl.String:
            checks.append((bound, present & breaks(text.str.len_chars(), constraints[bound])))
    if constraints.get("unique"):
        checks.append(("unique", present & column.is_duplicated()))
    return checks


def _fields(frame: pl.DataFrame, schema: dict[str, Any], resource: str) -> list[dict[str, Any]]:
    relaxed = []
    checks: list[tuple[dict[str, Any], str, pl.Expr]] = []
    for field in schema.get("fields", []):
        if field["name"] in frame.columns and field.get("constraints"):
            dtype = frame.schema[field["name"]]
            checks += [(field, kind, broken.sum().alias(f"{len(checks) + i}"))
                       for i, (kind, broken) in enumerate(_broken(field["name"], field["constraints"], dtype))]
    if not checks:
        return relaxed
    counts = frame.select(expr for _, _, expr in checks).row(0)
    for (field, kind, _), count in zip(checks, counts, strict=True):
        if count:
            field["constraints"].pop(kind)
            if not field["constraints"]:
                field.pop("constraints")
            relaxed.append({"resource": resource, "field": field["name"], "constraint": kind, "rows": count})
    return relaxed


def _keys(frame: pl.DataFrame, schema: dict[str, Any], resource: str,
          tables: dict[str, pl.DataFrame]) -> list[dict[str, Any]]:
    relaxed = []
    key = schema.get("primaryKey")
    if key and all(k in frame.columns for k in key):
        rows = frame.select(pl.any_horizontal(_missing(pl.col(k), frame.schema[k]) for k in key).sum()
                            + pl.struct(key).is_duplicated().sum()).item()
        if rows:
            schema.pop("primaryKey")
            relaxed.append({"resource": resource, "field": ",".join(key), "constraint": "primaryKey", "rows": rows})
    kept = []
    for fk in schema.get("foreignKeys", []):
        target = fk["reference"].get("resource") or resource
        parent, fields, parent_fields = tables.get(target), fk["fields"], fk["reference"]["fields"]
        if parent is None or not all(f in frame.columns for f in fields):
            kept.append(fk)
            continue
        child = frame.select(pl.col(f).cast(pl.String).alias(p) for f, p in zip(fields, parent_fields, strict=True))
        child = child.filter(pl.all_horizontal(pl.col(p).is_not_null() & (pl.col(p) != "") for p in parent_fields))
        known = parent.select(pl.col(p).cast(pl.String) for p in parent_fields).unique()
        rows = child.join(known, on=parent_fields, how="anti").height
        if rows:
            relaxed.append({"resource": resource, "field": ",".join(fields), "constraint": "foreignKey",
                            "rows": rows})
        else:
            kept.append(fk)
    if "foreignKeys" in schema:
        schema["foreignKeys"] = kept
        if not kept:
            schema.pop("foreignKeys")
    return relaxed


def relax(descriptors: dict[str, dict[str, Any]], tables: dict[str, pl.DataFrame]) -> list[dict[str, Any]]:
    """Drop from each resource's schema the constraints its rows break; return what was dropped, and how often."""
    relaxed = []
    for name, descriptor in descriptors.items():
        schema, frame = descriptor["schema"], tables[name]
        relaxed += _fields(frame, schema, name)
        relaxed += _keys(frame, schema, name, tables)
    return relaxed
