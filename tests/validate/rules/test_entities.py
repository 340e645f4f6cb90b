"""Entity rules: two ids that are probably one person."""

from __future__ import annotations

import pytest

from tests.validate.conftest import found, make_dataset, report


def people(*names: str) -> list[dict[str, object]]:
    return [{"id": name.lower().replace(" ", "-").replace(".", ""), "name": name} for name in names]


@pytest.mark.parametrize(("names", "expected"), [
    (("Michele Lucas", "Michelle Lucas"), [("name-variant", "michele-lucas")]),
    (("Joe Smith", "Joseph Smith"), [("name-variant", "joe-smith")]),
    (("Jon Brown", "John Brown"), [("name-variant", "jon-brown")]),
    (("J Smith", "Jane Smith"), [("name-variant", "j-smith")]),
    (("Cllr Sara Khan", "Sarah Khan"), [("name-variant", "cllr-sara-khan")]),
    (("Mark Lucas", "Michelle Lucas"), []),
    (("Joe Smith", "Joseph Brown"), []),
    (("Dan Jones", "Dean Jones"), []),
])
def test_name_variant(names: tuple[str, str], expected: list[tuple[str, str]]) -> None:
    assert found(make_dataset(people=people(*names))) == expected


def test_name_variant_is_a_warning_suggesting_a_merge() -> None:
    result = report(make_dataset(people=people("Michele Lucas", "Michelle Lucas")))
    finding = result.findings[0]
    assert str(finding.severity) == "warning" and result.ok
    assert finding.message == ("Michele Lucas (michele-lucas) and Michelle Lucas (michelle-lucas) are probably the "
                               "same "
                               "person; consider merging michele-lucas into michelle-lucas.")
    assert finding.source_line == 1
