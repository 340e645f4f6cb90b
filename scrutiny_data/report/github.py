"""GitHub Actions workflow commands: each finding becomes an annotation on the file it is about."""

from __future__ import annotations

from ..validate.findings import Finding, Report, Severity
from .common import Locate, plural, record_place, source_place, waiver_text


def escape_data(text: str) -> str:
    """Escape a command's message as GitHub's toolkit does: `%`, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title): the data escapes plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def unescape(text: str) -> str:
    """Undo either escape (what GitHub shows)."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def annotation(finding: Finding, locate: Locate | None = None) -> str:
    """One finding as `::error file=...,line=...,title=code::message`.

    Waived findings are notices (they do not fail the run); the file is the resource's CSV in the
    data package and the line is the record's line there when known.
    """
    command = "notice" if finding.waived else "error" if finding.severity == Severity.error else "warning"
    place = locate(finding) if locate else None
    properties: list[tuple[str, str]] = []
    if place is not None:
        properties.append(("file", place[0]))
        if place[1] is not None:
            properties.append(("line", str(place[1])))
    properties.append(("title", finding.code))
    source = source_place(finding)
    message = f"{finding.message} ({record_place(finding)}" + (f"; {source})" if source else ")")
    if finding.waived:
        message += f" Acknowledged: {waiver_text(finding)}"
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{command} {props}::{escape_data(message)}"


def render_github(report: Report, locate: Locate | None = None) -> str:
    """Every finding as a workflow command, then a one-line summary for the log."""
    lines = [annotation(finding, locate) for finding in report.findings]
    summary = (f"scrutiny-data {report.dataset}: {plural(report.errors, 'error')}, "
               f"{plural(report.warnings, 'warning')}, {report.waived} acknowledged")
    lines.append(escape_data(summary))
    return "\n".join(lines) + "\n"
