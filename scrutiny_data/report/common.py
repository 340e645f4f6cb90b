"""What every report format shares: rule titles, grouping by rule, and plain-English places."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..validate.findings import Finding, Report, Tally
from ..validate.registry import ENGINE_CODES, RULES

#: `quote(source_id, line)` -> the source line's text, or None when the source is not at hand.
Quote = Callable[[str | None, int | None], str | None]
#: `locate(finding)` -> (CSV file, line or None) of the finding's record, or None when unknown.
Locate = Callable[[Finding], "tuple[str, int | None] | None"]


def registry() -> dict[str, Any]:
    """The validator's rule registry: code -> rule (with its title, family and docstring)."""
    return dict(RULES)


def rule_title(code: str, rules: dict[str, Any] | None = None) -> str:
    """The rule's plain title from the registry (or the engine's own codes), else its code in words."""
    title = getattr((registry() if rules is None else rules).get(code), "title", None)
    if not title and code in ENGINE_CODES:
        title = ENGINE_CODES[code][1]
    return str(title) if title else rule_name(code)


def rule_name(code: str) -> str:
    """A short heading for a rule: its code in words ("total-mismatch" -> "Total mismatch")."""
    return code.replace("-", " ").capitalize()


def rule_family(code: str, rules: dict[str, Any]) -> str:
    """The rule's family ("totals", "dates", ...), or "other" for codes outside the registry."""
    return str(getattr(rules.get(code), "family", None) or "other")


def ran_codes(report: Report, rules: dict[str, Any]) -> list[str]:
    """Codes of the rules that ran: the registry's, plus any other code a finding carries."""
    return sorted(set(rules) | {f.code for f in report.findings})


def quote_finding(quote: Quote | None, finding: Finding) -> str | None:
    """The quoted source line of a finding; a SourceQuoter cuts long lines around the printed value."""
    if quote is None:
        return None
    from .quotes import SourceQuoter

    if isinstance(quote, SourceQuoter):
        return quote(finding.source_id, finding.source_line, near=finding.actual)
    return quote(finding.source_id, finding.source_line)


@dataclass(frozen=True)
class RuleGroup(Tally):
    """The findings of one rule."""

    code: str
    title: str
    findings: tuple[Finding, ...]

    @property
    def tier(self) -> int:
        """0 when the group holds errors, 1 warnings, 2 only acknowledged findings."""
        return 0 if self.errors else 1 if self.warnings else 2


def group_by_rule(report: Report, rules: dict[str, Any] | None = None) -> list[RuleGroup]:
    """Findings grouped by rule: groups with errors first, then warnings, then acknowledged; by code."""
    rules = registry() if rules is None else rules
    by_code: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_code.setdefault(finding.code, []).append(finding)
    groups = [RuleGroup(code, rule_title(code, rules), tuple(found)) for code, found in by_code.items()]
    return sorted(groups, key=lambda g: (g.tier, g.code))


def record_place(finding: Finding) -> str:
    """"the complaints table, record c-2021-22-total, field count" (the parts that are known)."""
    parts = [f"the {finding.resource} table"]
    if finding.record_id:
        parts.append(f"record {finding.record_id}")
    if finding.field:
        parts.append(f"field {finding.field}")
    return ", ".join(parts)


def source_place(finding: Finding) -> str | None:
    """"source 003, line 561", or None when the finding has no source."""
    if finding.source_id is None:
        return None
    if finding.source_line is None:
        return f"source {finding.source_id}"
    return f"source {finding.source_id}, line {finding.source_line}"


def waiver_text(finding: Finding) -> str:
    """The waiver's reason as a sentence without a doubled full stop."""
    reason = (finding.waiver_reason or "").strip().rstrip(".")
    return (reason or "no reason given") + "."


def verdict(report: Report) -> str:
    """One sentence on the outcome, for the top of a report."""
    if report.errors:
        needs = "needs" if report.errors == 1 else "need"
        return f"{plural(report.errors, 'problem')} found that {needs} fixing or acknowledging"
    if report.warnings:
        noun = "point" if report.warnings == 1 else "points"
        return f"No errors; {report.warnings} {noun} worth checking"
    if report.waived:
        return f"No problems found; {plural(report.waived, 'known source error')} acknowledged"
    return "No problems found"


def plural(count: int, noun: str) -> str:
    """"1 error", "2 errors"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
