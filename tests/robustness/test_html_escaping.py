"""The HTML report shows hostile text as text: a `<script>` in the data never becomes markup."""

from __future__ import annotations

import json

from click.testing import CliRunner

from scrutiny_data import load
from scrutiny_data.cli import main
from scrutiny_data.report import render
from scrutiny_data.validate.findings import Finding, Report, Severity

SCRIPT = "<script>alert('owned')</script>"
ESCAPED = "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;"


def test_report_escapes_every_shown_value() -> None:
    finding = Finding(code="total-mismatch", severity=Severity.error, resource="resolutions",
                      record_id=f"r-{SCRIPT}", field="text", message=f"Resolution text {SCRIPT} fails",
                      expected="1", actual=SCRIPT, source_id="000", source_line=3)
    page = render(Report(dataset=f"d{SCRIPT}", findings=[finding], records=1, rules=1), "html",
                  quote=lambda source_id, line: f"quoted {SCRIPT}")
    assert "<script" not in page.lower()
    assert ESCAPED in page


def test_resolution_text_with_script_stays_text_end_to_end(package) -> None:
    root = package()
    (root / "data" / "resolutions.csv").write_text(
        "meeting_id,minute_number,seq,text,outcome,source_id,source_line\n"
        f"thurrock-childrens-services-osc-2022-02-08,1,1,\"={SCRIPT}\",noted,000,6\n", encoding="utf-8")
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"].append({"name": "resolutions", "path": "data/resolutions.csv"})
    (root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert [f.code for f in load(root).read_findings] == ["formula-cell"]
    result = CliRunner().invoke(main, ["validate", str(root), "--format", "html"])
    assert result.exit_code in (0, 1), result.output
    assert "<script" not in result.stdout.lower()
    assert "&lt;script&gt;alert(" in result.stdout
