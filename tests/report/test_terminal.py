"""The terminal report: summary table, findings grouped by rule, quoted source lines, markup kept as text."""

from __future__ import annotations

import io

from rich.console import Console

from scrutiny_data.report import print_terminal, render
from scrutiny_data.report.common import rule_title
from scrutiny_data.validate.findings import Finding, Report, Severity

from .conftest import quote_stub


def _printed(report: Report) -> str:
    console = Console(record=True, width=100, file=io.StringIO())
    print_terminal(report, console, quote=quote_stub)
    return console.export_text()


def test_summary_table_then_groups_in_order(report: Report) -> None:
    text = _printed(report)
    header = text.splitlines()[2]
    assert [cell.strip() for cell in header.strip("┃").split("┃")] == [
        "errors", "warnings", "acknowledged", "records", "rules"]
    assert [cell.strip() for cell in text.splitlines()[4].strip("│").split("│")] == ["3", "1", "1", "120", "24"]
    starts = [text.index(f"{code} (") for code in
              ("percent-mismatch", "total-mismatch", "name-variant", "weekday-mismatch")]
    assert starts == sorted(starts)
    assert "total-mismatch (2 errors)" in text and "weekday-mismatch (1 acknowledged)" in text
    assert rule_title("total-mismatch") in text
    assert text.rstrip().endswith("3 problems found that need fixing or acknowledging.")


def test_each_finding_shows_where_and_the_quote(report: Report) -> None:
    text = _printed(report)
    total = text[text.index("total-mismatch ("):text.index("name-variant (")]
    assert "error The breakdown adds up to 88, but the total printed is 90." in total
    assert "the complaints table, record c-2021-22-total, field count · source 003, line 561" in total
    assert "> Total complaints received 90" in total
    assert "acknowledged: The paper misprints the weekday" in text


def test_rich_markup_in_data_is_printed_as_is() -> None:
    finding = Finding("total-mismatch", Severity.error, "kpis", "k-[bold]", None, "Value [red]x[/red] is wrong")
    text = _printed(Report("x", [finding]))
    assert "Value [red]x[/red] is wrong" in text and "record k-[bold]" in text


def test_render_terminal_is_plain_text_without_trailing_spaces(report: Report) -> None:
    text = render(report, "terminal", quote=quote_stub)
    assert "\x1b[" not in text and all(line == line.rstrip() for line in text.splitlines())
    assert "> Total complaints received 90" in text


def test_control_characters_in_data_cannot_drive_the_terminal() -> None:
    finding = Finding("type-error", Severity.error, "kpis", "k-\x1b]0;x\x07", None, "Cell \x1b[2J\x1b[31mred\x9b here")
    console = Console(record=True, width=100, file=io.StringIO(), force_terminal=True)
    print_terminal(Report("data\x1b[5m", [finding]), console)
    out = console.file.getvalue()
    assert "\x1b[2J" not in out and "\x1b[31mred" not in out and "\x9b" not in out and "\x1b]0" not in out
    text = console.export_text()
    assert "Cell \\x1b[2J\\x1b[31mred\\x9b here" in text and "record k-\\x1b]0;x\\x07" in text
    assert "scrutiny-data: data\\x1b[5m" in text
