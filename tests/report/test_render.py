"""`render`: the JSON report is the design's shape and round-trips; unknown formats are refused."""

from __future__ import annotations

import json

import pytest

from scrutiny_data.report import FORMATS, render
from scrutiny_data.validate.findings import Finding, Report, Severity

FINDING_KEYS = ["code", "severity", "resource", "record_id", "field", "message", "expected", "actual",
                "source_id", "source_line", "waived", "waiver_reason"]


def test_json_has_the_design_shape(report: Report) -> None:
    data = json.loads(render(report, "json"))
    assert list(data) == ["dataset", "ok", "summary", "findings"]
    assert data["dataset"] == "thurrock-test" and data["ok"] is False
    assert data["summary"] == {"errors": 3, "warnings": 1, "waived": 1, "records": 120, "rules": 24}
    assert [list(f) for f in data["findings"]] == [FINDING_KEYS] * 5
    first = data["findings"][0]
    assert (first["code"], first["expected"], first["actual"], first["source_line"]) == ("total-mismatch", 88, 90, 561)
    assert data["findings"][2]["waived"] is True and data["findings"][2]["expected"] == "Monday"


def test_json_round_trips(report: Report) -> None:
    text = render(report, "json")
    assert json.loads(text) == report.to_dict()
    data = json.loads(text)

    def rebuilt(item: dict) -> Finding:
        as_text = {k: None if item[k] is None else str(item[k]) for k in ("expected", "actual")}
        return Finding(**{**item, **as_text, "severity": Severity(item["severity"])})

    again = Report(data["dataset"], [rebuilt(f) for f in data["findings"]],
                   records=data["summary"]["records"], rules=data["summary"]["rules"])
    assert again == report
    assert render(again, "json") == text


def test_json_of_a_clean_report_is_ok() -> None:
    data = json.loads(render(Report("empty", records=3, rules=2), "json"))
    assert data == {"dataset": "empty", "ok": True,
                    "summary": {"errors": 0, "warnings": 0, "waived": 0, "records": 3, "rules": 2},
                    "findings": []}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_renders_text_ending_in_a_newline(report: Report, fmt: str) -> None:
    text = render(report, fmt)
    assert text.endswith("\n") and "thurrock-test" in text


def test_unknown_format_is_refused(report: Report) -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        render(report, "pdf")
