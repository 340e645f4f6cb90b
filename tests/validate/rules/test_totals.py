"""Totals rules: breakdowns add up to their totals within printed rounding."""

from __future__ import annotations

import pytest

from tests.validate.conftest import found, make_dataset, report


def complaints(total: int, parts: list[int]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [{"id": "c-2021-22-total", "category": "complaint_stage1", "count": total,
                                      "stated": str(total)}]
    rows += [{"id": f"c-2021-22-{n}", "category": "complaint_stage1", "breakdown": "outcome",
              "breakdown_value": f"outcome {n}", "count": count, "stated": str(count), "part_of": "c-2021-22-total"}
             for n, count in enumerate(parts)]
    return rows


def percents(values: list[str], total_stated: str | None = None) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [{"id": "k-total", "unit": "percent", "value": 100, "stated": total_stated}]
    rows += [{"id": f"k-{n}", "unit": "percent", "value": value.rstrip("%"), "stated": value, "part_of": "k-total"}
             for n, value in enumerate(values)]
    return rows


def test_total_mismatch_counts_are_exact() -> None:
    result = report(make_dataset(complaints=complaints(90, [50, 38])))
    assert [(f.code, f.record_id) for f in result.findings] == [("total-mismatch", "c-2021-22-total")]
    finding = result.findings[0]
    assert finding.message == "The breakdown by outcome adds up to 88, but the total printed is 90."
    assert (finding.expected, finding.actual, finding.field, finding.source_line) == ("88", "90", "count", 1)


def test_total_matches_exactly() -> None:
    assert found(make_dataset(complaints=complaints(88, [50, 38]))) == []


def test_complaint_breakdowns_are_summed_per_dimension() -> None:
    rows = complaints(88, [50, 38]) + [
        {"id": "c-team-a", "category": "complaint_stage1", "breakdown": "team", "count": 80, "stated": "80",
         "part_of": "c-2021-22-total"},
        {"id": "c-team-b", "category": "complaint_stage1", "breakdown": "team", "count": 7, "stated": "7",
         "part_of": "c-2021-22-total"},
    ]
    result = report(make_dataset(complaints=rows))
    assert [(f.code, f.record_id) for f in result.findings] == [("total-mismatch", "c-2021-22-total")]
    assert result.findings[0].message == "The breakdown by team adds up to 87, but the total printed is 88."


def budget(total: str, parts: list[str]) -> list[dict[str, object]]:
    def amount(text: str) -> float:
        return float(text.strip("£m")) * 1e6
    rows: list[dict[str, object]] = [{"id": "b-total", "amount_gbp": amount(total), "stated": total}]
    rows += [{"id": f"b-{n}", "amount_gbp": amount(p), "stated": p, "part_of": "b-total"} for n, p in enumerate(parts)]
    return rows


def test_budget_total_within_rounding_of_millions() -> None:
    # 1.234 + 1.623 = 2.857; each figure is ±£500, so 2.858 is within 3 half-units and 2.859 is not.
    assert found(make_dataset(budget_lines=budget("£2.858m", ["£1.234m", "£1.623m"]))) == []
    assert found(make_dataset(budget_lines=budget("£2.860m", ["£1.234m", "£1.623m"]))) == [
        ("total-mismatch", "b-total")]


def test_kpi_counts_exact_and_rates_rounded() -> None:
    rows = [{"id": "k-total", "value": 10, "stated": "10"},
            {"id": "k-a", "value": 4, "stated": "4", "part_of": "k-total"},
            {"id": "k-b", "value": 5, "stated": "5", "part_of": "k-total"}]
    assert found(make_dataset(kpis=rows)) == [("total-mismatch", "k-total")]


@pytest.mark.parametrize(("values", "total_stated", "expected"), [
    (["62%", "27%", "12%"], None, []),
    (["70%", "20%", "5%"], None, [("percent-sum", "k-total")]),
    (["33.4%", "33.3%", "33.4%"], None, []),
    (["33.5%", "33.4%", "33.3%"], None, [("percent-sum", "k-total")]),
    (["34%", "34%", "34%"], "100%", []),
    (["34%", "34%", "34%"], None, [("percent-sum", "k-total")]),
])
def test_percent_sum_within_half_units(values: list[str], total_stated: str | None,
                                       expected: list[tuple[str, str]]) -> None:
    assert found(make_dataset(kpis=percents(values, total_stated))) == expected


def test_percent_sum_message() -> None:
    result = report(make_dataset(kpis=percents(["70%", "20%", "5%"])))
    assert result.findings[0].message == "The percentages in this breakdown add up to 95%, not 100%."
    assert (result.findings[0].expected, result.findings[0].actual) == ("95", "100")
