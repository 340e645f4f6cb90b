"""Waivers: loading, matching findings, stale waivers."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny_data.errors import ScrutinyDataError
from scrutiny_data.validate import Waiver, load_waivers
from tests.validate.conftest import make_dataset, report

ROWS = [{"id": "c-total", "category": "compliment", "count": 9, "stated": "9"},
        {"id": "c-a", "category": "compliment", "breakdown": "team", "count": 4, "stated": "4", "part_of": "c-total"}]


def test_load_waivers_list_or_mapping(tmp_path: Path) -> None:
    path = tmp_path / "waivers.yaml"
    path.write_text("waivers:\n  - code: total-mismatch\n    record_id: c-total\n    reason: Source line 5 says 9.\n")
    assert load_waivers(path) == [Waiver("total-mismatch", "c-total", "Source line 5 says 9.")]
    path.write_text("- {code: quorum, record_id: m-1, reason: r, resource: meetings}\n")
    assert load_waivers(path) == [Waiver("quorum", "m-1", "r", "meetings")]
    path.write_text("")
    assert load_waivers(path) == []


@pytest.mark.parametrize(("text", "message"), [
    ("waivers: {code: x}", "expected a list"),
    ("- code: quorum\n  record_id: m\n", "waiver 1 needs a non-empty `reason`"),
    ("- [1, 2]", "waiver 1 is not a mapping"),
    ("- {code: q, record_id: m, reason: r, colour: red}", "unknown keys ['colour']"),
    ("- {code: q, record_id: m, reason: r\n", "not valid YAML"),
])
def test_malformed_waivers_raise(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "waivers.yaml"
    path.write_text(text)
    with pytest.raises(ScrutinyDataError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_waivers(path)


def test_waived_finding_is_reported_but_does_not_fail() -> None:
    waiver = Waiver("total-mismatch", "c-total", "The paper prints 9 (line 5); the teams add to 4.")
    result = report(make_dataset(complaints=ROWS), waivers=[waiver])
    assert [(f.code, f.waived, f.waiver_reason) for f in result.findings] == [
        ("total-mismatch", True, "The paper prints 9 (line 5); the teams add to 4.")]
    assert result.ok and result.summary()["waived"] == 1 and result.summary()["errors"] == 0


def test_waiver_on_another_resource_does_not_match() -> None:
    result = report(make_dataset(complaints=ROWS), waivers=[Waiver("total-mismatch", "c-total", "r", "kpis")])
    assert [(f.code, f.waived) for f in result.findings] == [("stale-waiver", False), ("total-mismatch", False)]
    assert not result.ok


def test_stale_waiver_is_a_warning() -> None:
    result = report(make_dataset(complaints=ROWS[:1]), waivers=[Waiver("total-mismatch", "c-total", "old")])
    assert [(f.code, f.record_id, str(f.severity)) for f in result.findings] == [("stale-waiver", "c-total", "warning")]
    assert result.findings[0].message == (
        "The waiver for total-mismatch on c-total matches no finding: remove it, or fix its code or record id.")
    assert result.ok


def test_waivers_beside_the_dataset_are_used(tmp_path: Path) -> None:
    dataset = make_dataset(complaints=ROWS)
    dataset.path = tmp_path
    (tmp_path / "waivers.yaml").write_text("- {code: total-mismatch, record_id: c-total, reason: known}\n")
    from scrutiny_data.validate import validate
    assert validate(dataset).waived == 1
    assert validate(dataset, waivers=[]).waived == 0
    assert validate(dataset, waivers=tmp_path / "waivers.yaml").waived == 1
