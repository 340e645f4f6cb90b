"""Schema rules: each column's contract from the models, as pandera states it, checked in one polars select."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import polars as pl

from ...models import RESOURCES, Record
from ...models.types import MUNICIPAL_YEAR_PATTERN, SLUG_PATTERN, TIME_PATTERN
from ...schema import FieldSpec, field_specs
from ..findings import FINDING_COLUMNS, Severity
from ..registry import rule
from .common import empty_findings, findings, per_run, record_id

ERROR, WARNING = Severity.error, Severity.warning
#: A raw value shaped like an ISO date; when it does not parse, `invalid-date` reports it, not `type-error`.
ISO_DATE_SHAPE = r"^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\s*$"
_TYPE_WORDS = {"integer": "a whole number", "number": "a number", "date": "a date (YYYY-MM-DD)",
               "boolean": "true or false"}
_PATTERN_WORDS = {
    SLUG_PATTERN: "a lowercase slug such as graham-snell",
    TIME_PATTERN: "a 24-hour time such as 19:00",
    MUNICIPAL_YEAR_PATTERN: "a municipal year such as 2021/22",
    r"^[0-9a-f]{64}$": "64 lowercase hexadecimal digits",
    r"^[EWSN][0-9]{8}$": "an ONS GSS code such as E06000034",
    r"^[a-z0-9][a-z0-9_.-]*$": "a lowercase slug such as looked-after-children",
}


def keyed_rows(resource: str, table: pl.LazyFrame, raw: pl.LazyFrame | None,
               where: pl.Expr | pl.LazyFrame | None = None, typed_columns: list[pl.Expr] | None = None,
               raw_columns: list[pl.Expr] | None = None) -> pl.LazyFrame:
    """Row number, record id and provenance of the rows `where` keeps; a key that did not parse is shown as read.

    `where` is a condition or a frame of `_row` numbers (all rows when None); `typed_columns` and
    `raw_columns` are carried along from the table and the raw text.
    """
    keys = RESOURCES[resource].table.primary_key
    raw_names = set(raw.collect_schema().names()) if raw is not None else set()
    raw_keys = [k for k in keys if k in raw_names]
    shown = [
        pl.coalesce(pl.col(k).cast(pl.String), pl.col(f"_raw_{k}")).alias(k) if k in raw_names else pl.col(k)
        for k in keys
    ]
    carried = [pl.col(c).alias(c) for c in dict.fromkeys([*keys, "source_id", "source_line"])]
    frame = table.select(pl.int_range(pl.len(), dtype=pl.UInt32).alias("_row"), *carried, *(typed_columns or []))
    if raw_keys or raw_columns:
        extra = raw.select(*(pl.col(k).alias(f"_raw_{k}") for k in raw_keys), *(raw_columns or []))
        frame = pl.concat([frame, extra], how="horizontal")
    if isinstance(where, pl.LazyFrame):
        frame = frame.join(where.select("_row"), on="_row", how="semi")
    elif where is not None:
        frame = frame.filter(where)
    extras = [e.meta.output_name() for e in [*(typed_columns or []), *(raw_columns or [])]]
    return frame.with_columns(shown).select("_row", record_id(resource).alias("record_id"), "source_id",
                                            "source_line", *extras)


def _read_tables(raw: dict[str, pl.LazyFrame]) -> Iterator[tuple[str, type[Record]]]:
    """Contract resources the dataset read as text (a dataset built from typed frames alone has none)."""
    for name, model in RESOURCES.items():
        if name in raw:
            yield name, model


#: A column check: (check name as pandera names it, the value that failed it or null) for one column, told
#: whether the column's value changes row after row (the whole primary key, or its last column).
CheckFailure = Callable[[FieldSpec, bool], list[tuple[str, pl.Expr]]]


def _value_checks(check_names: set[str]) -> CheckFailure:
    """The pandera checks named, as polars expressions: the failing value where it fails, else null.

    A null value passes every check, as pandera's checks skip nulls.
    """
    def failures(spec: FieldSpec, varies: bool) -> list[tuple[str, pl.Expr]]:
        value = pl.col(spec.name)
        fails: list[tuple[str, pl.Expr]] = []
        if spec.enum and "isin" in check_names:
            fails.append(("isin", ~value.is_in(list(spec.enum))))
        if spec.pattern and "str_matches" in check_names:
            anchored = spec.pattern if spec.pattern.startswith("^") else f"^{spec.pattern}"
            # A value that changes every row (kpis.id) gains nothing from runs: it is matched directly.
            matches = value.str.contains(anchored) if varies else per_run(value, lambda v: v.str.contains(anchored))
            fails.append(("str_matches", ~matches))
        if spec.minimum is not None and "greater_than_or_equal_to" in check_names:
            fails.append(("greater_than_or_equal_to", value < spec.minimum))
        if spec.maximum is not None and "less_than_or_equal_to" in check_names:
            fails.append(("less_than_or_equal_to", value > spec.maximum))
        return [(check, pl.when(fail).then(value.cast(pl.String))) for check, fail in fails]
    return failures


def _column_cases(name: str, table: pl.LazyFrame, raw: pl.LazyFrame | None, failures: CheckFailure,
                  missing: dict[str, pl.Expr] | None = None) -> pl.LazyFrame | None:
    """Every (row, column, check) that fails, in one select over the resource: pandera's failure cases.

    `missing` maps a required column to where it counts as empty (the `not_nullable` check). The
    failing rows carry their record id and provenance, so the checks run once (a join back to the
    rows made polars compute them twice).
    """
    columns: list[pl.Expr] = []
    last_key = RESOURCES[name].table.primary_key[-1]
    for spec in field_specs(RESOURCES[name]):
        empty = [("not_nullable", pl.when(missing[spec.name]).then(pl.lit("")))] \
            if missing and spec.name in missing else []
        named = failures(spec, spec.name == last_key) + empty
        columns.extend(expr.alias(f"{spec.name}\x1f{check}") for check, expr in named)
    if not columns:
        return None
    flags = [e.meta.output_name() for e in columns]
    rows = keyed_rows(name, table, raw, pl.any_horizontal(pl.col(f).is_not_null() for f in flags), columns)
    cases = rows.unpivot(on=flags, index=["record_id", "source_id", "source_line"], variable_name="_what",
                         value_name="failure_case").filter(pl.col("failure_case").is_not_null())
    what = pl.col("_what").str.split_exact("\x1f", 1)
    return cases.select(what.struct.field("field_0").alias("column"), what.struct.field("field_1").alias("check"),
                        pl.when(pl.col("_what").str.ends_with("\x1fnot_nullable")).then(None)
                        .otherwise(pl.col("failure_case")).alias("failure_case"),
                        "record_id", "source_id", "source_line")


def _column_findings(tables: dict[str, pl.LazyFrame], raw: dict[str, pl.LazyFrame], failures: CheckFailure,
                     message: pl.Expr, expected: pl.Expr,
                     missing: dict[str, dict[str, pl.Expr]] | None = None) -> pl.LazyFrame:
    """Findings for one kind of per-column check over every resource, with messages built per case."""
    frames = []
    for name, model in RESOURCES.items():
        cases = _column_cases(name, tables[name], raw.get(name), failures, (missing or {}).get(name))
        if cases is None:
            continue
        specs = pl.LazyFrame({
            "column": [s.name for s in field_specs(model)],
            "pattern": [s.pattern for s in field_specs(model)],
            "allowed": [", ".join(s.enum) if s.enum else None for s in field_specs(model)],
            "minimum": [s.minimum for s in field_specs(model)],
        }, schema={"column": pl.String, "pattern": pl.String, "allowed": pl.String, "minimum": pl.Float64})
        joined = cases.join(specs, on="column", how="left") \
            .with_columns(resource=pl.lit(name), field=pl.col("column"), actual=pl.col("failure_case"))
        frames.append(findings(joined, name, field=pl.col("field"), message=message, expected=expected,
                               actual=pl.col("actual"), record=pl.col("record_id")))
    return pl.concat(frames) if frames else empty_findings()


@rule("type-error", family="schema", severity=ERROR, resource=tuple(RESOURCES))
def values_parse_as_their_type(tables: dict[str, pl.LazyFrame], raw: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    """A value is readable as its column's type: a whole number, a number, a date or true/false."""
    frames = []
    for name, model in _read_tables(raw):
        raw_columns = raw[name].collect_schema().names()
        specs = [s for s in field_specs(model) if s.type != "string" and s.name in raw_columns]
        if not specs:
            continue
        # A value failed only where the typed one is null and some text was read: that cheap test picks the
        # few rows that get the string checks and a record id.
        suspect = pl.any_horizontal(pl.col(f"_typed_{s.name}").is_null() & pl.col(f"_text_{s.name}").is_not_null()
                                    for s in specs)
        rows = keyed_rows(name, tables[name], raw[name], suspect, [
            *(pl.col(s.name).alias(f"_typed_{s.name}") for s in specs)],
            [pl.col(s.name).alias(f"_text_{s.name}") for s in specs])
        # The string tests run as columns of the suspect rows: inside a filter they would be pushed down
        # and run over every row.
        text = {s.name: pl.col(f"_text_{s.name}").str.strip_chars() for s in specs}
        rows = rows.with_columns(
            ((text[s.name] != "") & pl.col(f"_typed_{s.name}").is_null()
             & (~text[s.name].str.contains(ISO_DATE_SHAPE) if s.type == "date" else True)).alias(f"_failed_{s.name}")
            for s in specs)
        for spec in specs:
            frames.append(findings(
                rows.filter(f"_failed_{spec.name}"), name, field=spec.name, record=pl.col("record_id"),
                message=pl.format("The {} '{}' is not {}.", pl.lit(spec.name), text[spec.name],
                                  pl.lit(_TYPE_WORDS[spec.type])),
                expected=_TYPE_WORDS[spec.type], actual=text[spec.name],
            ))
    return pl.concat(frames) if frames else empty_findings()


def _with_read_text(model: type[Record], table: pl.LazyFrame, raw: pl.LazyFrame | None
                    ) -> tuple[pl.LazyFrame, dict[str, pl.Expr]]:
    """The table with the text read for each required typed column, and where each column is empty.

    A printed value that did not parse is a type-error, and a column missing altogether is one
    finding, not one per row: neither is a missing value.
    """
    raw_columns = set(raw.collect_schema().names()) if raw is not None else None
    required = [s for s in field_specs(model) if s.required and (raw_columns is None or s.name in raw_columns)]
    printed = [s.name for s in required if raw_columns is not None and s.type != "string"]
    if printed and raw is not None:
        table = pl.concat([table, raw.select(pl.col(name).alias(f"_read_{name}") for name in printed)],
                          how="horizontal")

    def empty(name: str) -> pl.Expr:
        if name not in printed:
            return pl.col(name).is_null()
        # The text is stripped only where the typed value is null (a few rows), not in every row.
        text = pl.when(pl.col(name).is_null()).then(pl.col(f"_read_{name}")).str.strip_chars()
        return pl.col(name).is_null() & (text == "").fill_null(True)
    return table, {s.name: empty(s.name) for s in required}


@rule("required-missing", family="schema", severity=ERROR, resource=tuple(RESOURCES))
def required_values_present(tables: dict[str, pl.LazyFrame], raw: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    """A required column is present and has a value in every row (a value that did not parse is a type-error)."""
    frames = []
    flagged, empty = dict(tables), {}
    for name, model in RESOURCES.items():
        if name in raw:
            raw_columns = raw[name].collect_schema().names()
            missing = [s.name for s in field_specs(model) if s.required and s.name not in raw_columns]
            if missing:
                frames.append(pl.LazyFrame({
                    "resource": name, "record_id": None, "field": missing,
                    "message": [f"The required column {m} is missing from {name}." for m in missing],
                    "expected": "a column", "actual": None, "source_id": None, "source_line": None,
                }, schema=FINDING_COLUMNS))
        flagged[name], empty[name] = _with_read_text(model, tables[name], raw.get(name))
    frames.append(_column_findings(
        flagged, raw, lambda spec, varies: [],
        message=pl.format("The {} is empty, but every row of {} needs one.", pl.col("field"), pl.col("resource")),
        expected=pl.lit("a value"), missing=empty,
    ))
    return pl.concat(frames)


@rule("enum-invalid", family="schema", severity=ERROR, resource=tuple(RESOURCES))
def values_in_vocabulary(tables: dict[str, pl.LazyFrame], raw: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    """A vocabulary column holds one of its listed values (for example a meeting's status)."""
    return _column_findings(
        tables, raw, _value_checks({"isin"}),
        message=pl.format("The {} '{}' is not one of the allowed values: {}.", pl.col("field"), pl.col("actual"),
                          pl.col("allowed")),
        expected=pl.col("allowed"),
    )


@rule("pattern-mismatch", family="schema", severity=ERROR, resource=tuple(RESOURCES))
def values_match_pattern(tables: dict[str, pl.LazyFrame], raw: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    """Ids, times, municipal years and codes have their contracted form (a slug, `HH:MM`, `2021/22`)."""
    described = pl.col("pattern").replace_strict(_PATTERN_WORDS, default=pl.format("text matching {}", "pattern"))
    return _column_findings(
        tables, raw, _value_checks({"str_matches"}),
        message=pl.format("The {} '{}' is not {}.", pl.col("field"), pl.col("actual"), described),
        expected=described,
    )


@rule("out-of-range", family="schema", severity=ERROR, resource=tuple(RESOURCES))
def values_in_range(tables: dict[str, pl.LazyFrame], raw: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    """A number is within its column's bounds: counts and votes are not negative, lines start at 1."""
    return _column_findings(
        tables, raw, _value_checks({"greater_than_or_equal_to", "less_than_or_equal_to"}),
        message=pl.format("The {} {} is below the smallest allowed value, {}.", pl.col("field"), pl.col("actual"),
                          pl.col("minimum").cast(pl.Int64)),
        expected=pl.format(">= {}", pl.col("minimum").cast(pl.Int64)),
    )


@rule("duplicate-key", family="schema", severity=ERROR, resource=tuple(RESOURCES))
def keys_unique(tables: dict[str, pl.LazyFrame], raw: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    """No two rows of a resource share a primary key; every repeat after the first is reported."""
    frames = []
    for name, model in RESOURCES.items():
        keys = list(model.table.primary_key)
        # Equal keys hash equal, so only rows whose key hash repeats can repeat a key (a cheap test on
        # integers); the exact check over the key values below drops any hash collision.
        rows = tables[name].with_row_index("_row").filter(pl.struct(keys).hash().is_duplicated())
        rows = rows.sort("_row").with_columns(_first_line=pl.col("source_line").first().over(keys))
        repeats = rows.filter(pl.col("_row") != pl.col("_row").first().over(keys))
        frames.append(findings(
            repeats, name, field=", ".join(keys),
            message=pl.format("Another row of {} has the same key {} (first at source line {}).", pl.lit(name),
                              record_id(name), pl.col("_first_line")),
            expected="a unique key", actual=record_id(name),
        ))
    return pl.concat(frames) if frames else empty_findings()


@rule("foreign-key", family="schema", severity=ERROR, resource=tuple(RESOURCES))
def references_exist(tables: dict[str, pl.LazyFrame], raw: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    """A reference (meeting_id, person_id, part_of...) names a row that exists in the table it points to."""
    frames = []
    for name, model in RESOURCES.items():
        for fk in model.table.foreign_keys:
            fields = list(fk.fields)
            # No `unique` on the targets: an anti-join only asks whether a match exists, and deduplicating
            # every id of a large table (kpis.id for part_of) costs more than the join.
            targets = tables[fk.resource].select(
                pl.col(ref).alias(f) for ref, f in zip(fk.reference, fields, strict=True))
            dangling = tables[name].filter(pl.all_horizontal(pl.col(f).is_not_null() for f in fields)) \
                .join(targets, on=fields, how="anti")
            shown = pl.concat_str([pl.col(f).cast(pl.String) for f in fields], separator="/")
            frames.append(findings(
                dangling, name, field=", ".join(fields),
                message=pl.format("The {} '{}' refers to no row of {}.", pl.lit(", ".join(fields)), shown,
                                  pl.lit(fk.resource)),
                expected=f"an id in {fk.resource}", actual=shown,
            ))
    return pl.concat(frames) if frames else empty_findings()


@rule("unknown-field", family="schema", severity=WARNING, resource=tuple(RESOURCES))
def columns_in_contract(raw: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    """Every column of a resource is one the contract defines (a misspelt header is otherwise lost)."""
    extra = [
        (name, column)
        for name, frame in raw.items() if name in RESOURCES
        for column in frame.collect_schema().names() if column not in RESOURCES[name].model_fields
    ]
    return pl.LazyFrame({
        "resource": [n for n, _ in extra], "record_id": None, "field": [c for _, c in extra],
        "message": [f"The column {c} of {n} is not part of the data contract; it is ignored." for n, c in extra],
        "expected": None, "actual": [c for _, c in extra], "source_id": None, "source_line": None,
    }, schema=FINDING_COLUMNS)
