"""Sweeps of the registry and the models: every rule tested and documented, every model a valid schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from frictionless import Schema

from scrutiny_data.models import MODELS, Record
from scrutiny_data.schema import table_schema
from scrutiny_data.validate import ENGINE_CODES, FAMILIES, RULES, Rule

TESTS = Path(__file__).parent / "validate"


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_every_rule_has_a_test_in_its_family_file(rule: Rule) -> None:
    test_file = TESTS / "rules" / f"test_{rule.family}.py"
    assert f'"{rule.code}"' in test_file.read_text(encoding="utf-8"), f"{test_file.name} never asserts {rule.code}"


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_every_rule_is_documented_and_named(rule: Rule) -> None:
    assert rule.family in FAMILIES
    assert rule.title.endswith(".") and len(rule.title) <= 120
    assert rule.code == rule.code.lower() and " " not in rule.code
    assert rule.function.__module__.endswith(f"rules.{rule.family}")


def test_engine_test_mentions_engine_codes() -> None:
    text = (TESTS / "test_waivers.py").read_text(encoding="utf-8")
    assert all(f'"{code}"' in text for code in ENGINE_CODES)


def test_codes_unique_across_rules_and_engine() -> None:
    assert not set(RULES) & set(ENGINE_CODES)


def test_every_design_code_is_registered() -> None:
    design = {"type-error", "required-missing", "enum-invalid", "duplicate-key", "foreign-key", "unknown-field",
              "total-mismatch", "percent-sum", "percent-mismatch", "invalid-date", "weekday-mismatch", "date-order",
              "implausible-date", "attendee-not-member", "substitute-invalid", "late-arrival-order", "quorum",
              "vote-count", "notice-period", "declaration-not-present", "minute-sequence", "name-variant",
              "period-total", "cross-source-mismatch"}
    assert design <= set(RULES)


@pytest.mark.parametrize("model", MODELS, ids=[m.table.name for m in MODELS])
def test_every_model_exports_a_valid_table_schema(model: type[Record]) -> None:
    descriptor = table_schema(model)
    report = Schema.validate_descriptor(descriptor)
    assert report.valid, [error.message for error in report.flatten(["message"])]
