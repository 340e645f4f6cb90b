"""GitHub workflow commands: one line per finding, escaped as GitHub's toolkit escapes them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scrutiny_data.report import render
from scrutiny_data.report.github import annotation, escape_data, escape_property, unescape
from scrutiny_data.validate.findings import Finding, Report, Severity

from .conftest import HOSTILE, TOTAL, VARIANT, WEEKDAY


def test_each_finding_is_one_command_and_a_summary_ends_the_log(report: Report) -> None:
    lines = render(report, "github").splitlines()
    assert [line.split(" ", 1)[0] for line in lines[:-1]] == ["::error", "::error", "::notice", "::warning", "::error"]
    assert lines[-1] == "scrutiny-data thurrock-test: 3 errors, 1 warning, 1 acknowledged"


def test_file_and_line_point_at_the_record_in_the_csv() -> None:
    places = {"complaints": ("datasets/x/data/complaints.csv", 14), "people": ("datasets/x/data/people.csv", None)}

    def locate(finding: Finding) -> tuple[str, int | None] | None:
        return places.get(finding.resource)

    assert annotation(TOTAL, locate) == (
        "::error file=datasets/x/data/complaints.csv,line=14,title=total-mismatch::"
        "The breakdown adds up to 88, but the total printed is 90. "
        "(the complaints table, record c-2021-22-total, field count; source 003, line 561)")
    assert annotation(VARIANT, locate).startswith("::warning file=datasets/x/data/people.csv,title=name-variant::")
    assert annotation(HOSTILE, locate).startswith("::error title=total-mismatch::Resolution")


def test_message_escapes_percent_and_newlines_but_keeps_colons() -> None:
    line = annotation(HOSTILE)
    assert "has 50%25, a: colon, a%0Anewline & more." in line


def test_waived_findings_are_notices_with_the_reason() -> None:
    assert annotation(WEEKDAY).endswith("Acknowledged: The paper misprints the weekday; the walk was on "
                                        "Wednesday 27 July per minute 12.")


def test_property_escapes() -> None:
    assert escape_property("a,b:c%d\r\ne") == "a%2Cb%3Ac%25d%0D%0Ae"
    assert escape_data("a,b:c%d\r\ne") == "a,b:c%25d%0D%0Ae"


@given(st.text())
def test_any_message_survives_escaping_on_one_line(message: str) -> None:
    finding = Finding("total-mismatch", Severity.error, "kpis", "k-1", "value", message)
    line = annotation(finding, lambda f: ("data/kpis.csv", 2))
    assert "\n" not in line and "\r" not in line
    head, _, data = line.partition("::error ")[2].partition("::")
    assert head == "file=data/kpis.csv,line=2,title=total-mismatch"
    assert unescape(data) == f"{message} (the kpis table, record k-1, field value)"


@given(st.text())
def test_any_property_survives_escaping(value: str) -> None:
    escaped = escape_property(value)
    assert not set(escaped) & set(",:\r\n") and unescape(escaped) == value
