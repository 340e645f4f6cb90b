"""Findings are data: the frame rules return, and the objects users read."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from collections.abc import Sequence
from typing import Any

import polars as pl


class Severity(StrEnum):
    """How bad a finding is: errors fail a run, warnings do not."""

    error = "error"
    warning = "warning"


#: Columns of the frame every rule returns (the engine adds code, severity and waiver columns).
FINDING_COLUMNS: dict[str, pl.DataType] = {
    "resource": pl.String(),
    "record_id": pl.String(),
    "field": pl.String(),
    "message": pl.String(),
    "expected": pl.String(),
    "actual": pl.String(),
    "source_id": pl.String(),
    "source_line": pl.Int64(),
}


def _number_or_text(value: str | None) -> Any:
    """Show "88" as 88 in JSON, keep everything else as text."""
    if value is None:
        return None
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            continue
    return value


@dataclass(frozen=True)
class Finding:
    """One place where the data breaks a rule."""

    code: str
    severity: Severity
    resource: str
    record_id: str | None
    field: str | None
    message: str
    expected: str | None = None
    actual: str | None = None
    source_id: str | None = None
    source_line: int | None = None
    waived: bool = False
    waiver_reason: str | None = None

    @property
    def fails(self) -> bool:
        """An unwaived error: the kind that fails a run."""
        return self.severity == Severity.error and not self.waived

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["severity"] = str(self.severity)
        out["expected"] = _number_or_text(self.expected)
        out["actual"] = _number_or_text(self.actual)
        return out


class Tally:
    """Counts over `self.findings`, shared by a report and each of its groups."""

    findings: Sequence[Finding]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.fails)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == Severity.warning and not f.waived)

    @property
    def waived(self) -> int:
        return sum(1 for f in self.findings if f.waived)


@dataclass
class Report(Tally):
    """The outcome of validating one dataset."""

    dataset: str
    findings: list[Finding] = field(default_factory=list)
    records: int = 0
    rules: int = 0


    @property
    def ok(self) -> bool:
        """True when no unwaived finding is an error."""
        return self.errors == 0

    def summary(self) -> dict[str, int]:
        return {"errors": self.errors, "warnings": self.warnings, "waived": self.waived,
                "records": self.records, "rules": self.rules}

    def to_dict(self) -> dict[str, Any]:
        """The JSON report of the design: dataset, ok, summary, findings."""
        return {"dataset": self.dataset, "ok": self.ok, "summary": self.summary(),
                "findings": [f.to_dict() for f in self.findings]}
