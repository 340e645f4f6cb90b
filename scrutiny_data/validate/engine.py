"""The engine: runs every registered rule over a dataset, applies waivers, builds the Report."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from ..dataset import Dataset, empty_frame
from ..models import RESOURCES
from .config import ValidationConfig
from .findings import FINDING_COLUMNS, Finding, Report, Severity
from .registry import ENGINE_CODES, RULES, Rule
from .waivers import Waiver, resolve_waivers, waiver_frame

_SORT = ["code", "resource", "record_id", "field", "source_id", "source_line", "message"]


def _arguments(rule: Rule, tables: dict[str, pl.LazyFrame], raw: dict[str, pl.LazyFrame],
               config: ValidationConfig) -> dict[str, object]:
    given: dict[str, object] = {"tables": tables, "raw": raw, "config": config}
    return {name: given[name] if name in given else tables[name] for name in rule.parameters}


def run_rules(dataset: Dataset, config: ValidationConfig) -> pl.DataFrame:
    """Every rule's failures in one frame with code and severity (plans collected together)."""
    # No rechunk: the frames of a loaded package come in many chunks, and copying them into one (about 1 GB
    # for the 1M-row benchmark) cost more time and memory than any rule. Polars 2.1 can panic on many chunks
    # ("i < self.len()"), now and then and depending on the plan's shape (an earlier `quorum` plan did, 4 runs
    # in 60 on the benchmark package): should it, the rules run again on one chunk per column.
    frames = {name: dataset.tables.get(name, empty_frame(name)) for name in RESOURCES}
    try:
        return run_rules_lazy({name: frame.lazy() for name, frame in frames.items()},
                              {name: frame.lazy() for name, frame in dataset.raw.items()}, config, engine="in-memory")
    except pl.exceptions.PanicException:
        return run_rules_lazy({name: frame.rechunk().lazy() for name, frame in frames.items()},
                              {name: frame.rechunk().lazy() for name, frame in dataset.raw.items()}, config,
                              engine="in-memory")


def run_rules_lazy(tables: dict[str, pl.LazyFrame], raw: dict[str, pl.LazyFrame], config: ValidationConfig,
                   engine: str = "streaming") -> pl.DataFrame:
    """Every rule's failures over lazy tables (scans read only the columns each rule needs)."""
    unknown = config.skip - set(RULES)
    if unknown:
        raise ValueError(f"cannot skip unknown rule codes: {sorted(unknown)}")
    plans = []
    for rule in RULES.values():
        if rule.code in config.skip:
            continue
        plan = rule.function(**_arguments(rule, tables, raw, config))
        schema = dict(plan.collect_schema())
        if schema != FINDING_COLUMNS:
            raise TypeError(f"rule {rule.code!r} returned columns {schema}, expected {FINDING_COLUMNS}")
        plans.append(plan.with_columns(code=pl.lit(rule.code), severity=pl.lit(str(rule.severity))))
    empty = pl.DataFrame(schema={**FINDING_COLUMNS, "code": pl.String, "severity": pl.String})
    # In memory, the in-memory engine: on these plans (many joins over a few shared tables) it is about a
    # third faster than the default and peaks lower; common subplans are computed once.
    found = pl.collect_all(plans, engine=engine) if plans else []
    return pl.concat([empty, *found], how="vertical")


def _read_findings(dataset: Dataset) -> pl.DataFrame:
    """Problems the loader met reading the files (ragged rows, formula-like cells...)."""
    found: list[Finding] = list(getattr(dataset, "read_findings", []) or [])
    return pl.DataFrame(
        [{**{k: getattr(f, k) for k in FINDING_COLUMNS}, "code": f.code, "severity": str(f.severity)} for f in found],
        schema={**FINDING_COLUMNS, "code": pl.String, "severity": pl.String},
    )


def apply_waivers(found: pl.DataFrame, waivers: list[Waiver]) -> pl.DataFrame:
    """Mark waived findings (code + record id, and resource when the waiver names one); add stale waivers."""
    table = waiver_frame(waivers)
    matches = found.with_row_index("_finding").join(table, on=["code", "record_id"], how="inner").filter(
        pl.col("_waiver_resource").is_null() | (pl.col("_waiver_resource") == pl.col("resource")))
    first = matches.sort("_waiver").unique("_finding", keep="first").select("_finding", "waiver_reason")
    marked = found.with_row_index("_finding").join(first, on="_finding", how="left").with_columns(
        waived=pl.col("waiver_reason").is_not_null()).drop("_finding")
    stale = table.join(matches.select("_waiver").unique(), on="_waiver", how="anti")
    stale_findings = stale.select(
        resource=pl.coalesce("_waiver_resource", pl.lit("waivers")),
        record_id="record_id",
        field=pl.lit(None, pl.String),
        message=pl.format("The waiver for {} on {} matches no finding: remove it, or fix its code or record id.",
                          "code", "record_id"),
        expected=pl.lit(None, pl.String), actual="code",
        source_id=pl.lit(None, pl.String), source_line=pl.lit(None, pl.Int64),
        code=pl.lit("stale-waiver"), severity=pl.lit(str(ENGINE_CODES["stale-waiver"][0])),
        waiver_reason=pl.lit(None, pl.String), waived=pl.lit(False),
    )
    return pl.concat([marked, stale_findings], how="vertical")



def validate(dataset: Dataset, *, waivers: list[Waiver] | Path | None = None,
             config: ValidationConfig | None = None) -> Report:
    """Validate a dataset against every rule; waivers beside the dataset apply unless others are given."""
    config = config or ValidationConfig()
    found = pl.concat([run_rules(dataset, config), _read_findings(dataset)], how="vertical")
    return _report(dataset.name, found, resolve_waivers(waivers, dataset.path), config, dataset.row_count)


def _report(name: str, found: pl.DataFrame, acknowledged: list[Waiver], config: ValidationConfig,
            records: int) -> Report:
    """Apply the waivers to every finding and build the sorted Report."""
    found = apply_waivers(found, acknowledged).sort(_SORT, nulls_last=False)
    findings = [
        Finding(**{**row, "severity": Severity(row["severity"])})
        for row in found.select([*Finding.__dataclass_fields__]).iter_rows(named=True)
    ]
    ran = len([code for code in RULES if code not in config.skip])
    return Report(dataset=name, findings=findings, records=records, rules=ran)
