"""The terminal report: a summary table, then findings grouped by rule, in colour, quoting the source."""

from __future__ import annotations

import io
import re

from rich.console import Console, Group
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..validate.findings import Finding, Report, Severity
from .common import (
    Quote,
    RuleGroup,
    group_by_rule,
    plural,
    quote_finding,
    record_place,
    source_place,
    verdict,
    waiver_text,
)

#: Control characters (ESC above all) that would let a cell of the data drive the user's terminal.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_STYLE = {"error": "bold red", "warning": "yellow", "waived": "cyan"}


def _label(finding: Finding) -> tuple[str, str]:
    if finding.waived:
        return "acknowledged", _STYLE["waived"]
    return str(finding.severity), _STYLE["error" if finding.severity == Severity.error else "warning"]


def printable(text: str) -> str:
    """`text` with control characters shown as `\\x1b` instead of sent to the terminal."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def summary_table(report: Report) -> Table:
    """Counts of errors, warnings, acknowledged findings, records and rules."""
    table = Table(title=Text(f"scrutiny-data: {printable(report.dataset)}"), title_justify="left", show_header=True)
    table.add_column("errors", justify="right", style=_STYLE["error"] if report.errors else "green")
    table.add_column("warnings", justify="right", style=_STYLE["warning"])
    table.add_column("acknowledged", justify="right", style=_STYLE["waived"])
    table.add_column("records", justify="right")
    table.add_column("rules", justify="right")
    table.add_row(str(report.errors), str(report.warnings), str(report.waived),
                  str(report.records), str(report.rules))
    return table


def finding_row(finding: Finding, quote: Quote | None) -> tuple[Text, Group]:
    """One finding: its label, and the message, where it is, the quoted source line and any waiver."""
    # Text objects, never markup strings: a `[bold]` in the data must print as itself.
    label, style = _label(finding)
    source = source_place(finding)
    parts: list[Text] = [
        Text(printable(finding.message)),
        Text(printable(record_place(finding) + (f" · {source}" if source else "")), style="dim"),
    ]
    quoted = quote_finding(quote, finding)
    if quoted:
        parts.append(Text.assemble(("> ", "dim"), (printable(quoted), "italic")))
    if finding.waived:
        parts.append(Text(f"acknowledged: {printable(waiver_text(finding))}", style=_STYLE["waived"]))
    return Text(label, style=style), Group(*parts)


def group_heading(group: RuleGroup) -> Text:
    """"total-mismatch (2 errors)", coloured by the worst finding in the group."""
    counts = [plural(n, noun) for n, noun in ((group.errors, "error"), (group.warnings, "warning")) if n]
    if group.waived:
        counts.append(f"{group.waived} acknowledged")
    style = _STYLE["error"] if group.tier == 0 else _STYLE["warning"] if group.tier == 1 else _STYLE["waived"]
    return Text.assemble((printable(group.code), style), " ", (f"({', '.join(counts)})", "dim"))


def print_terminal(report: Report, console: Console, *, quote: Quote | None = None) -> None:
    """Print the report to a rich console."""
    console.print(summary_table(report))
    for group in group_by_rule(report):
        console.print(Rule(group_heading(group), align="left", style="dim"))
        console.print(Text(printable(group.title), style="bold"))
        grid = Table.grid(padding=(0, 1))
        grid.leading = 1
        grid.add_column(justify="right", width=12, no_wrap=True)
        grid.add_column(ratio=1)
        for finding in group.findings:
            grid.add_row(*finding_row(finding, quote))
        console.print(grid)
        console.print()
    colour = "bold red" if report.errors else "bold green"
    console.print(Text(verdict(report) + ".", style=colour))


def render_terminal(report: Report, quote: Quote | None = None, width: int = 100) -> str:
    """The terminal report as plain text (for `--output`)."""
    console = Console(record=True, width=width, file=io.StringIO(), color_system=None)
    print_terminal(report, console, quote=quote)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"

