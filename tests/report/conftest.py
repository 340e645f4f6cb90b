"""A hand-built report with errors, warnings and an acknowledged finding, as the engine would return."""

from __future__ import annotations

import pytest

from scrutiny_data.validate.findings import Finding, Report, Severity

TOTAL = Finding(
    code="total-mismatch", severity=Severity.error, resource="complaints", record_id="c-2021-22-total",
    field="count", message="The breakdown adds up to 88, but the total printed is 90.",
    expected="88", actual="90", source_id="003", source_line=561,
)
PERCENT = Finding(
    code="percent-mismatch", severity=Severity.error, resource="kpis", record_id="k-care-leavers-eet",
    field="value", message="35 of 292 is 12.0%, but the paper prints 11%.",
    expected="12", actual="11", source_id="003", source_line=12,
)
WEEKDAY = Finding(
    code="weekday-mismatch", severity=Severity.error, resource="events", record_id="e-walk",
    field="date_stated", message='The paper says "Wednesday 25th July", but 25 July 2022 was a Monday.',
    expected="Monday", actual="Wednesday", source_id="002", source_line=40, waived=True,
    waiver_reason="The paper misprints the weekday; the walk was on Wednesday 27 July per minute 12.",
)
VARIANT = Finding(
    code="name-variant", severity=Severity.warning, resource="people", record_id="michele-lucas",
    field="name", message="Michele Lucas and Michelle Lucas are probably one person: merge into michelle-lucas.",
    source_id="001", source_line=7,
)
HOSTILE = Finding(
    code="total-mismatch", severity=Severity.error, resource="resolutions", record_id="m-1/2/1",
    field="text", message="Resolution <script>alert('x')</script> has 50%, a: colon, a\nnewline & more.",
    source_id="004", source_line=3,
)
FINDINGS = [TOTAL, PERCENT, WEEKDAY, VARIANT, HOSTILE]


@pytest.fixture
def report() -> Report:
    """Three unwaived errors over two rules, one warning, one acknowledged error."""
    return Report(dataset="thurrock-test", findings=list(FINDINGS), records=120, rules=24)


def quote_stub(source_id: str | None, line: int | None) -> str | None:
    """A quote function that knows one line of one source."""
    if (source_id, line) == ("003", 561):
        return "Total complaints received 90"
    return None
