"""Every schema derived from the models: Table Schema, polars, pandera and Arrow."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandera.polars as pa
import polars as pl
import pyarrow

from .models import MODELS, RESOURCES, Record

#: Table Schema type -> polars dtype. Times are `HH:MM` strings, checked by pattern.
POLARS_TYPES: dict[str, pl.DataType] = {
    "string": pl.String(),
    "integer": pl.Int64(),
    "number": pl.Float64(),
    "boolean": pl.Boolean(),
    "date": pl.Date(),
}
ARROW_TYPES: dict[str, pyarrow.DataType] = {
    "string": pyarrow.string(),
    "integer": pyarrow.int64(),
    "number": pyarrow.float64(),
    "boolean": pyarrow.bool_(),
    "date": pyarrow.date32(),
}
_JSON_TO_TABLE = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}


@dataclass(frozen=True)
class FieldSpec:
    """One column of a resource, as every derived schema sees it."""

    name: str
    type: str
    required: bool
    description: str
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None

    @property
    def polars_type(self) -> pl.DataType:
        return POLARS_TYPES[self.type]


def _resolve(prop: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """Flatten a JSON Schema property: follow $ref/allOf and drop the `null` branch of Optional."""
    merged = {k: v for k, v in prop.items() if k not in ("anyOf", "allOf", "$ref")}
    if "$ref" in prop:
        merged = {**defs[prop["$ref"].rsplit("/", 1)[-1]], **merged}
    for branch in prop.get("allOf", []) + [b for b in prop.get("anyOf", []) if b.get("type") != "null"]:
        merged = {**_resolve(branch, defs), **merged}
    return merged


@cache
def field_specs(model: type[Record]) -> tuple[FieldSpec, ...]:
    """The columns of a model: its own in declaration order, then provenance."""
    js = model.model_json_schema()
    defs = js.get("$defs", {})
    required = set(js.get("required", []))
    specs = []
    # Provenance columns (declared on the base class) go last: a row reads id first.
    names = sorted(js["properties"], key=lambda n: n in Record.model_fields)
    for name in names:
        prop = js["properties"][name]
        flat = _resolve(prop, defs)
        kind = "date" if flat.get("format") == "date" else _JSON_TO_TABLE[flat["type"]]
        specs.append(FieldSpec(
            name=name,
            type=kind,
            required=name in required,
            description=flat.get("description") or flat.get("title", name),
            enum=tuple(flat["enum"]) if "enum" in flat else None,
            pattern=flat.get("pattern"),
            minimum=flat.get("minimum"),
            maximum=flat.get("maximum"),
        ))
    return tuple(specs)


def table_schema(model: type[Record]) -> dict[str, Any]:
    """Frictionless Table Schema of a model, with primary and foreign keys."""
    fields = []
    for spec in field_specs(model):
        field: dict[str, Any] = {"name": spec.name, "type": spec.type, "description": spec.description}
        constraints: dict[str, Any] = {}
        if spec.required:
            constraints["required"] = True
        if spec.enum:
            constraints["enum"] = list(spec.enum)
        if spec.pattern:
            constraints["pattern"] = spec.pattern.removeprefix("^").removesuffix("$")
        if spec.minimum is not None:
            constraints["minimum"] = spec.minimum
        if spec.maximum is not None:
            constraints["maximum"] = spec.maximum
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    table = model.table
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""], "primaryKey": list(table.primary_key)}
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(fk.fields),
                "reference": {
                    "resource": "" if fk.resource == table.name else fk.resource,
                    "fields": list(fk.reference),
                },
            }
            for fk in table.foreign_keys
        ]
    return schema


def polars_schema(model: type[Record]) -> dict[str, pl.DataType]:
    """Column name -> polars dtype, the dtypes `load` gives a resource."""
    return {spec.name: spec.polars_type for spec in field_specs(model)}


def arrow_schema(model: type[Record]) -> pyarrow.Schema:
    """Arrow schema of a model, with each column's description as field metadata."""
    return pyarrow.schema([
        pyarrow.field(
            spec.name, ARROW_TYPES[spec.type], nullable=not spec.required,
            metadata={"description": spec.description},
        )
        for spec in field_specs(model)
    ])


def pandera_schema(model: type[Record]) -> pa.DataFrameSchema:
    """pandera (polars backend) schema of a model's per-column contract."""
    columns = {}
    for spec in field_specs(model):
        checks = []
        if spec.enum:
            checks.append(pa.Check.isin(list(spec.enum)))
        if spec.pattern:
            checks.append(pa.Check.str_matches(spec.pattern))
        if spec.minimum is not None:
            checks.append(pa.Check.ge(spec.minimum))
        if spec.maximum is not None:
            checks.append(pa.Check.le(spec.maximum))
        columns[spec.name] = pa.Column(
            spec.polars_type, checks=checks, nullable=not spec.required, required=spec.required,
            description=spec.description,
        )
    return pa.DataFrameSchema(columns, name=model.table.name, unique=list(model.table.primary_key))


def schema_json(model: type[Record]) -> str:
    """The committed text of a model's Table Schema: stable key order, trailing newline."""
    return json.dumps(table_schema(model), indent=2, ensure_ascii=False) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write `<resource>.json` for every model; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for model in MODELS:
        path = directory / f"{model.table.name}.json"
        path.write_text(schema_json(model), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(directory: Path) -> list[str]:
    """Resources whose committed schema file differs from the models (or is missing or extra)."""
    stale = [
        name for name, model in RESOURCES.items()
        if not (directory / f"{name}.json").is_file()
        or (directory / f"{name}.json").read_text(encoding="utf-8") != schema_json(model)
    ]
    extra = [p.stem for p in directory.glob("*.json") if p.stem not in RESOURCES]
    return sorted(stale + extra)
