"""JUnit XML: parses, one test case per rule that ran, failures only for unwaived errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from scrutiny_data.report import render
from scrutiny_data.report.common import ran_codes, registry
from scrutiny_data.validate.findings import Finding, Report, Severity

from .conftest import quote_stub


def test_counts_match_the_findings(report: Report) -> None:
    suite = ET.fromstring(render(report, "junit", quote=quote_stub))
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    codes = ran_codes(report, registry())
    assert suite.tag == "testsuite" and sorted(cases) == codes
    assert {"total-mismatch", "percent-mismatch", "weekday-mismatch", "name-variant"} <= set(cases)
    assert int(suite.get("tests")) == len(codes)
    failing = sorted(name for name, case in cases.items() if case.find("failure") is not None)
    assert failing == ["percent-mismatch", "total-mismatch"]
    assert int(suite.get("failures")) == 2 and suite.get("errors") == "0"
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert properties == {"errors": "3", "warnings": "1", "waived": "1", "records": "120", "rules": "24"}


def test_failure_lists_each_unwaived_error_with_its_quote(report: Report) -> None:
    suite = ET.fromstring(render(report, "junit", quote=quote_stub))
    total = next(c for c in suite.iter("testcase") if c.get("name") == "total-mismatch")
    failure = total.find("failure")
    assert failure.get("type") == "total-mismatch" and failure.get("message").endswith(": 2 errors")
    assert "The breakdown adds up to 88, but the total printed is 90." in failure.text
    assert '> "Total complaints received 90"' in failure.text
    assert "<script>alert('x')</script>" in failure.text  # escaped in the file, text once parsed


def test_warnings_and_waived_go_to_system_out(report: Report) -> None:
    suite = ET.fromstring(render(report, "junit"))
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert cases["name-variant"].find("failure") is None
    assert "[warning] Michele Lucas" in cases["name-variant"].find("system-out").text
    weekday = cases["weekday-mismatch"]
    assert weekday.find("failure") is None
    assert "Acknowledged: The paper misprints the weekday" in weekday.find("system-out").text


def test_control_characters_do_not_break_the_xml() -> None:
    bad = Finding("type-error", Severity.error, "kpis", "k\x00", "value", "bell \x07 and nul \x00 here")
    suite = ET.fromstring(render(Report("x", [bad]), "junit"))
    case = next(c for c in suite.iter("testcase") if c.get("name") == "type-error")
    assert "bell \ufffd and nul \ufffd here" in case.find("failure").text
