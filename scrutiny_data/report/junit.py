"""JUnit XML: one test suite, one test case per rule that ran, failing when it has unwaived errors."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..validate.findings import Finding, Report
from .common import (
    Quote,
    plural,
    quote_finding,
    ran_codes,
    record_place,
    registry,
    rule_family,
    rule_title,
    source_place,
    waiver_text,
)

#: Characters XML 1.0 cannot hold at all, even escaped; a hostile cell must not break the file.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` with characters XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def finding_line(finding: Finding, quote: Quote | None) -> str:
    """One finding as a plain line: what, where, and the quoted source when at hand."""
    place = record_place(finding)
    source = source_place(finding)
    text = f"[{finding.severity}] {finding.message} ({place}" + (f"; {source})" if source else ")")
    if finding.waived:
        text += f" Acknowledged: {waiver_text(finding)}"
    quoted = quote_finding(quote, finding)
    return xml_safe(text + (f'\n    > "{quoted}"' if quoted else ""))


def render_junit(report: Report, quote: Quote | None = None) -> str:
    """The report as JUnit XML that CI systems (GitLab, Jenkins, Azure) show as test results."""
    rules = registry()
    by_code: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_code.setdefault(finding.code, []).append(finding)
    codes = ran_codes(report, rules)
    failing = [code for code in codes if any(f.fails for f in by_code.get(code, []))]
    suite = ET.Element("testsuite", {
        "name": xml_safe(f"scrutiny-data: {report.dataset}"),
        "tests": str(len(codes)),
        "failures": str(len(failing)),
        "errors": "0",
        "skipped": "0",
    })
    properties = ET.SubElement(suite, "properties")
    for key, value in report.summary().items():
        ET.SubElement(properties, "property", {"name": key, "value": str(value)})
    for code in codes:
        found = by_code.get(code, [])
        case = ET.SubElement(suite, "testcase", {
            "classname": f"scrutiny_data.{rule_family(code, rules)}", "name": xml_safe(code),
        })
        errors = [f for f in found if f.fails]
        if errors:
            failure = ET.SubElement(case, "failure", {
                "type": xml_safe(code),
                "message": xml_safe(f"{rule_title(code, rules)}: {plural(len(errors), 'error')}"),
            })
            failure.text = "\n".join(finding_line(f, quote) for f in errors)
        others = [f for f in found if not f.fails]
        if others:
            ET.SubElement(case, "system-out").text = "\n".join(finding_line(f, quote) for f in others)
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
