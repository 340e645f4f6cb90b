"""The generated rule catalogue and `scrutiny-data rules`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scrutiny_data.cli import main
from scrutiny_data.validate import ENGINE_CODES, RULES, catalogue_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_committed_catalogue_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == catalogue_markdown(), (
        "docs/rules.md is stale: run `scrutiny-data rules --format markdown > docs/rules.md`")


def test_catalogue_lists_every_code_with_its_docstring() -> None:
    text = catalogue_markdown()
    for code, rule in RULES.items():
        assert f"| `{code}` | {rule.family} | {rule.severity} |" in text
        assert rule.docstring in text
    assert all(f"`{code}`" in text for code in ENGINE_CODES)


def test_rules_command_formats() -> None:
    runner = CliRunner()
    as_json = runner.invoke(main, ["rules", "--format", "json"])
    assert as_json.exit_code == 0
    assert [r["code"] for r in json.loads(as_json.output)][:2] == ["type-error", "required-missing"]
    assert len(json.loads(as_json.output)) == len(RULES) + len(ENGINE_CODES)
    assert runner.invoke(main, ["rules", "--format", "markdown"]).output == catalogue_markdown()
    table = runner.invoke(main, ["rules"])
    assert table.exit_code == 0 and "percent-mismatch" in table.output
