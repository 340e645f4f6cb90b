"""The HTML report: one self-contained page, everything escaped, grouped by rule in plain words."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

from scrutiny_data.report import render
from scrutiny_data.report.common import rule_title
from scrutiny_data.validate.findings import Finding, Report, Severity

from .conftest import FINDINGS, quote_stub


class _Tags(HTMLParser):
    """Collect start tags with their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def test_script_in_the_data_stays_text(report: Report) -> None:
    page = render(report, "html")
    assert "<script" not in page
    assert "Resolution &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; has 50%" in page
    assert all(tag != "script" for tag, _ in _tags(page))


def test_self_contained_no_external_assets(report: Report) -> None:
    page = render(report, "html")
    tags = _tags(page)
    assert [tag for tag, _ in tags].count("style") == 1
    assert not [attrs for tag, attrs in tags if tag in {"link", "img", "iframe", "object"}]
    assert not [attrs for tag, attrs in tags if "src" in attrs]
    assert not re.search(r"https?://|@import|url\(", page)


def test_verdict_summary_and_every_finding(report: Report) -> None:
    page = render(report, "html", quote=quote_stub)
    assert "<h1>3 problems found that need fixing or acknowledging</h1>" in page
    assert '<header class="verdict fail">' in page
    assert '<span class="n">3</span><span class="what">errors to fix</span>' in page
    for finding in FINDINGS:
        assert escape(finding.message) in page
    assert "In the complaints table, record c-2021-22-total, field count (source 003, line 561)." in page
    assert '<p class="says">The paper says:</p>\n<blockquote>Total complaints received 90</blockquote>' in page
    assert "Acknowledged:</strong> The paper misprints the weekday" in page


def test_findings_grouped_by_rule_with_titles_errors_first(report: Report) -> None:
    page = render(report, "html")
    headings = re.findall(r'<section class="rule" id="rule-([a-z-]+)">\n<h2>([^<]*) <span class="count">'
                          r'\(([^)]*)\)</span></h2>\n<p class="rule-meta">The rule: ([^<]*) <span', page)
    assert [(code, name, counts) for code, name, counts, _ in headings] == [
        ("percent-mismatch", "Percent mismatch", "1 error"),
        ("total-mismatch", "Total mismatch", "2 errors"),
        ("name-variant", "Name variant", "1 warning"),
        ("weekday-mismatch", "Weekday mismatch", "1 acknowledged"),
    ]
    assert all(rule == escape(rule_title(code)) for code, _, _, rule in headings)
    total = page.split('id="rule-total-mismatch"')[1].split("</section>")[0]
    assert total.count('<li class="finding">') == 2 and "Code: <code>total-mismatch</code>" in total
    assert '<li><a href="#rule-total-mismatch">Total mismatch</a> (2 errors)</li>' in page


def test_a_clean_report_says_so() -> None:
    page = render(Report("clean", records=10, rules=3), "html")
    assert '<header class="verdict pass">' in page and "<h1>No problems found</h1>" in page
    assert '<section class="rule"' not in page


def test_a_code_outside_the_registry_is_not_restated() -> None:
    finding = Finding("formula-cell", Severity.warning, "events", "e-1", "description", "Starts with '='.")
    page = render(Report("x", [finding]), "html")
    assert '<p class="rule-meta"><span class="code">Code: <code>formula-cell</code></span></p>' in page
