"""Period rules: months add up to the year to date; the same measure agrees across sources."""

from __future__ import annotations

import pytest

from tests.validate.conftest import found, make_dataset, report

MONTH_ENDS = ["2022-04-30", "2022-05-31", "2022-06-30"]


def monthly(values: list[int], year_to_date: int, **extra: object) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [
        {"id": f"k-m{n}", "indicator": "referrals", "value": v, "period_start": end[:8] + "01", "period_end": end,
         **extra} for n, (v, end) in enumerate(zip(values, MONTH_ENDS, strict=False))]
    rows.append({"id": "k-ytd", "indicator": "referrals", "value": year_to_date, "period_start": "2022-04-01",
                 "period_end": "2022-06-30", **extra})
    return rows


@pytest.mark.parametrize(("values", "ytd", "expected"), [
    ([10, 20, 30], 60, []),
    ([10, 20, 30], 61, [("period-total", "k-ytd")]),
    ([10, 20], 61, []),  # a month is missing: nothing to compare
])
def test_period_total_kpis(values: list[int], ytd: int, expected: list) -> None:
    assert found(make_dataset(kpis=monthly(values, ytd))) == expected


def test_period_total_ignores_rates_and_other_sources() -> None:
    assert found(make_dataset(kpis=monthly([10, 20, 30], 61, unit="percent"))) == []
    rows = monthly([10, 20, 30], 61)
    rows[-1]["source_id"] = "004"
    assert found(make_dataset(sources=[{"id": "003"}, {"id": "004"}], kpis=rows)) == []


def test_period_total_complaints_message() -> None:
    rows = [{"id": f"c-{n}", "category": "compliment", "count": c, "stated": str(c),
             "period_start": end[:8] + "01", "period_end": end}
            for n, (c, end) in enumerate(zip([1, 2, 3], MONTH_ENDS, strict=True))]
    rows.append({"id": "c-q1", "category": "compliment", "count": 7, "stated": "7", "period_start": "2022-04-01",
                 "period_end": "2022-06-30"})
    result = report(make_dataset(complaints=rows))
    assert [(f.code, f.record_id) for f in result.findings] == [("period-total", "c-q1")]
    assert result.findings[0].message == "The 3 months add up to 6, but the figure for the whole period is 7."


def two_sources(first: str, second: str) -> list[dict[str, object]]:
    base = {"indicator": "cla-rate", "label": "Children looked after", "unit": "percent",
            "period_start": "2021-04-01", "period_end": "2022-03-31"}
    return [{**base, "id": "k-003", "value": first.rstrip("%"), "stated": first, "source_id": "003", "source_line": 40},
            {**base, "id": "k-004", "value": second.rstrip("%"), "stated": second, "source_id": "004",
             "source_line": 9}]


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("57%", "57%", []),
    ("57%", "57.4%", []),
    ("57%", "57.6%", [("cross-source-mismatch", "k-004")]),
    ("57%", "59%", [("cross-source-mismatch", "k-004")]),
])
def test_cross_source_mismatch(first: str, second: str, expected: list) -> None:
    dataset = make_dataset(sources=[{"id": "003"}, {"id": "004"}], kpis=two_sources(first, second))
    assert found(dataset) == expected


def test_cross_source_message() -> None:
    dataset = make_dataset(sources=[{"id": "003"}, {"id": "004"}], kpis=two_sources("57%", "59%"))
    finding = report(dataset).findings[0]
    assert finding.message == "Source 004 states 59% for this measure and period, but source 003 (line 40) states 57%."
    assert (str(finding.severity), finding.source_id, finding.source_line) == ("warning", "004", 9)


def stage1(difference: str, unit: str = "count", later: str = "8", earlier: str = "17") -> list[dict[str, object]]:
    rows = [
        {"id": "k-later", "indicator": "stage1", "period_start": "2020-04-01", "period_end": "2021-03-31",
         "value": later.rstrip("%"), "stated": later, "unit": unit},
        {"id": "k-earlier", "indicator": "stage1", "period_start": "2019-04-01", "period_end": "2020-03-31",
         "value": earlier.rstrip("%"), "stated": earlier, "unit": unit},
        {"id": "k-diff", "indicator": "stage1-difference", "period_start": "2019-04-01", "period_end": "2021-03-31",
         "value": difference.rstrip("%"), "stated": difference, "unit": unit},
    ]
    return rows


@pytest.mark.parametrize(("rows", "expected"), [
    (stage1("-7"), [("difference-mismatch", "k-diff")]),
    (stage1("-9"), []),
    (stage1("+28%", "percent", "75%", "47%"), []),
    (stage1("+29%", "percent", "75%", "47%"), []),  # three rounded figures: 1.5 points of slack
    (stage1("+30%", "percent", "75%", "47%"), [("difference-mismatch", "k-diff")]),
    (stage1("-7")[2:], []),  # nothing to compare with
    ([*stage1("-7"), {**stage1("-7")[0], "id": "k-other-council", "value": "9"}], []),  # ambiguous: no finding
])
def test_difference_mismatch(rows: list[dict[str, object]], expected: list[tuple[str, str]]) -> None:
    assert found(make_dataset(kpis=rows)) == expected


def test_difference_mismatch_message() -> None:
    finding = report(make_dataset(kpis=stage1("-7"))).findings[0]
    assert finding.message == "8 minus 17 is -9, but the paper prints -7 as the difference."
    assert (finding.expected, finding.actual, finding.field, finding.source_line) == ("-9", "-7", "value", 3)


@pytest.mark.parametrize(("ytd", "expected"), [(60, []), (149, [("period-total", "k-ytd")])])
def test_period_total_month_stated_twice_counts_its_first_figure(ytd: int, expected: list) -> None:
    rows = monthly([10, 20, 30], ytd)
    rows.append({**rows[0], "id": "k-m0-again", "value": 99})
    assert found(make_dataset(kpis=rows)) == expected
