"""Ratio rules: a percentage agrees with its numerator and denominator."""

from __future__ import annotations

import pytest

from tests.validate.conftest import found, make_dataset, report


def rate(numerator: int, denominator: int, stated: str) -> dict[str, object]:
    value = stated.split("%")[0]
    return {"id": "k-rate", "unit": "percent", "value": value, "stated": stated, "numerator": numerator,
            "denominator": denominator}


@pytest.mark.parametrize(("row", "expected"), [
    (rate(35, 292, "11%"), [("percent-mismatch", "k-rate")]),
    (rate(35, 292, "12%"), []),
    (rate(8, 14, "57%"), []),
    (rate(8, 14, "57.1%"), []),
    (rate(8, 14, "57.2%"), [("percent-mismatch", "k-rate")]),
    (rate(18, 24, "75% (18 of 24)"), []),
    (rate(3, 0, "0%"), []),
])
def test_percent_mismatch_within_printed_precision(row: dict[str, object], expected: list[tuple[str, str]]) -> None:
    assert found(make_dataset(kpis=[row])) == expected


def test_percent_mismatch_message() -> None:
    finding = report(make_dataset(kpis=[rate(35, 292, "11%")])).findings[0]
    assert finding.message == "35 of 292 is 11.99%, but the paper prints 11%."
    assert (finding.expected, finding.actual, finding.field) == ("11.99", "11", "value")
