"""Shared wording: verdicts, places, rule names and grouping."""

from __future__ import annotations

from dataclasses import replace

from scrutiny_data.report.common import group_by_rule, record_place, rule_name, rule_title, source_place, verdict
from scrutiny_data.validate import RULES
from scrutiny_data.validate.findings import Report

from .conftest import FINDINGS, TOTAL, VARIANT, WEEKDAY


def test_verdicts() -> None:
    assert verdict(Report("x", list(FINDINGS))) == "3 problems found that need fixing or acknowledging"
    assert verdict(Report("x", [TOTAL])) == "1 problem found that needs fixing or acknowledging"
    assert verdict(Report("x", [VARIANT, WEEKDAY])) == "No errors; 1 point worth checking"
    assert verdict(Report("x", [WEEKDAY])) == "No problems found; 1 known source error acknowledged"
    assert verdict(Report("x")) == "No problems found"


def test_places() -> None:
    assert record_place(TOTAL) == "the complaints table, record c-2021-22-total, field count"
    assert source_place(TOTAL) == "source 003, line 561"
    assert source_place(replace(TOTAL, source_line=None)) == "source 003"
    assert source_place(replace(TOTAL, source_id=None)) is None
    assert record_place(replace(TOTAL, record_id=None, field=None)) == "the complaints table"


def test_titles_come_from_the_registry() -> None:
    assert rule_title("total-mismatch") == RULES["total-mismatch"].title
    assert rule_title("no-such-code") == rule_name("no-such-code") == "No such code"
    assert rule_title("stale-waiver").startswith("A waiver in waivers.yaml matches no finding")


def test_groups_errors_first_then_warnings_then_acknowledged() -> None:
    groups = group_by_rule(Report("x", list(FINDINGS)))
    assert [(g.code, g.errors, g.warnings, g.waived) for g in groups] == [
        ("percent-mismatch", 1, 0, 0), ("total-mismatch", 2, 0, 0), ("name-variant", 0, 1, 0),
        ("weekday-mismatch", 0, 0, 1)]
