"""tables.yaml features on small inline papers: series, figure-first tables, implied 100%, prose totals."""

import datetime as dt
from pathlib import Path

import pytest

from scrutiny_data.errors import ScrutinyDataError
from scrutiny_data.extract.document import Document
from scrutiny_data.extract.figures import extract_figures


def doc(text: str) -> Document:
    return Document("999", Path("x.txt"), "0" * 64, tuple(text.split("\n")))


def figures(text: str, *entries: dict) -> dict[str, list[dict]]:
    return extract_figures(doc(text), {"tables": [{"source": "999", **entry} for entry in entries]})


def by_id(rows: list[dict]) -> dict[str, dict]:
    return {row["id"]: row for row in rows}


def test_series_pairs_month_labels_with_the_line_of_figures():
    text = "CLA Cohort\nApr\n2022\nMay\n2022\nOpen at Month End 292 287"
    rows = figures(text, {"line": 1, "until": 6, "resource": "kpis", "name": "cla", "layout": "series",
                          "defaults": {"indicator": "cla-month-end", "label": "CLA"}})["kpis"]
    assert [(r["id"], r["value"], r["period_start"], r["period_end"], r["label"], r["source_line"]) for r in rows] == [
        ("k-999-cla-2022-04", 292, dt.date(2022, 4, 30), dt.date(2022, 4, 30), "CLA (Apr 2022)", 6),
        ("k-999-cla-2022-05", 287, dt.date(2022, 5, 31), dt.date(2022, 5, 31), "CLA (May 2022)", 6),
    ]
    with pytest.raises(ScrutinyDataError, match="2 months but 3 figures"):
        figures(text + " 1", {"line": 1, "until": 6, "resource": "kpis", "name": "cla", "layout": "series"})


def test_figure_first_rows_with_groups():
    text = "Caseload\n84\tTotal, of which:\n33\tCourt\n51\tOut of court\n29\tCommunity\n02\tCustody"
    rows = by_id(figures(text, {"line": 1, "until": 6, "resource": "kpis", "name": "yos", "figure_first": True,
                                "groups": {"court": "total-of-which", "out-of-court": "total-of-which",
                                           "community": "court", "custody": "court"},
                                "columns": {1: {"key": "count"}}})["kpis"])
    assert (rows["k-999-yos-custody-count"]["value"], rows["k-999-yos-custody-count"]["stated"],
            rows["k-999-yos-custody-count"]["part_of"]) == (2, "02", "k-999-yos-court-count")
    assert rows["k-999-yos-court-count"]["part_of"] == "k-999-yos-total-of-which-count"
    assert rows["k-999-yos-total-of-which-count"]["part_of"] is None


def test_percent_rows_break_down_an_unprinted_hundred():
    text = "Gender\tMale\tFemale\nThurrock YOS\t87%\t13%\nNational average\t86%\t13%"
    rows = by_id(figures(text, {"line": 1, "resource": "kpis", "name": "gender", "percent_total": "rows",
                                "columns": {1: {"key": "male"}, 2: {"key": "female"}}})["kpis"])
    total = rows["k-999-gender-national-average-total"]
    assert (total["value"], total["unit"], total["stated"], total["part_of"], total["source_line"]) == \
        (100, "percent", None, None, 3)
    assert rows["k-999-gender-national-average-male"]["part_of"] == "k-999-gender-national-average-total"
    assert rows["k-999-gender-thurrock-yos-female"]["part_of"] == "k-999-gender-thurrock-yos-total"


def test_difference_row_spans_both_periods():
    text = "Feedback\tStage 1\n2020/21\t8\n2019/20\t17\nDifference\t-7"
    rows = by_id(figures(text, {"line": 1, "resource": "kpis", "name": "stages",
                                "rows": {"2020/21": {"period": "2020/21"}, "2019/20": {"period": "2019/20"},
                                         "Difference": {"period": "2019/20 to 2020/21",
                                                        "indicator_suffix": "-difference"}},
                                "columns": {1: {"key": "stage1", "indicator": "complaints-stage1"}}})["kpis"])
    difference = rows["k-999-stages-difference-stage1"]
    assert (difference["indicator"], difference["value"], difference["stated"], difference["period_start"],
            difference["period_end"]) == ("complaints-stage1-difference", -7, "-7", dt.date(2019, 4, 1),
                                          dt.date(2021, 3, 31))
    assert rows["k-999-stages-2019-20-stage1"]["indicator"] == "complaints-stage1"


def test_prose_total_of_parts_printed_elsewhere_and_fraction_from_other_figures():
    text = ("savings of £1,415,500 over two years.\nYear\tA\tB\nTotal\t£704,500\t£711,000\n"
            "there was 292 pupils and in total there were 35 UASC.\nThis equates to 11% of the cohort.")
    found = figures(
        text,
        {"line": 1, "resource": "budget_lines", "name": "prose", "layout": "sentence",
         "figures": [{"key": "two-years", "budget": "Savings", "label": "Two years"}],
         "totals": {"b-999-prose-two-years": ["b-999-savings-total-y1", "b-999-savings-total-y2"]}},
        {"line": 2, "resource": "budget_lines", "name": "savings", "defaults": {"budget": "Savings"},
         "columns": {1: {"key": "y1"}, 2: {"key": "y2"}}},
        {"line": 4, "until": 5, "resource": "kpis", "name": "vs", "layout": "sentence",
         "figures": [{"key": "pupils"}, {"key": "uasc"}, {"key": "pct", "numerator_figure": 2, "denominator_figure": 1}]},
    )
    parts = [r["part_of"] for r in found["budget_lines"] if r["id"].startswith("b-999-savings")]
    assert parts == ["b-999-prose-two-years", "b-999-prose-two-years"]
    rate = by_id(found["kpis"])["k-999-vs-pct"]
    assert (rate["value"], rate["numerator"], rate["denominator"], rate["source_line"]) == (11, 35, 292, 5)
    with pytest.raises(ScrutinyDataError, match="no row 'b-999-nothing'"):
        figures(text, {"line": 1, "resource": "budget_lines", "name": "prose", "layout": "sentence",
                       "figures": [{"key": "two-years", "budget": "Savings", "label": "Two years"}],
                       "totals": {"b-999-prose-two-years": ["b-999-nothing"]}})
