"""Findings -> terminal, JSON, JUnit XML, GitHub annotations and HTML."""

from __future__ import annotations

import json

from ..validate.findings import Report
from .common import Locate, Quote
from .github import render_github
from .html_page import render_html
from .junit import render_junit
from .locate import RecordLocator
from .quotes import SourceQuoter
from .terminal import print_terminal, render_terminal

#: Every format `render` writes, and the file suffix each is usually saved with.
FORMATS: dict[str, str] = {"terminal": ".txt", "json": ".json", "junit": ".xml", "github": ".txt", "html": ".html"}


def render_json(report: Report) -> str:
    """The design's JSON report (`Report.to_dict()`), keys in a stable order, indented by 2."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def render(report: Report, fmt: str, *, quote: Quote | None = None, locate: Locate | None = None) -> str:
    """The report as text in format `fmt` (one of `FORMATS`).

    `quote(source_id, line)` gives the source line shown beside each finding (terminal, JUnit,
    HTML); `locate(finding)` gives the CSV file and line a GitHub annotation points at.
    """
    if fmt == "json":
        return render_json(report)
    if fmt == "junit":
        return render_junit(report, quote)
    if fmt == "github":
        return render_github(report, locate)
    if fmt == "html":
        return render_html(report, quote)
    if fmt == "terminal":
        return render_terminal(report, quote)
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "RecordLocator", "SourceQuoter", "print_terminal", "render", "render_json"]
