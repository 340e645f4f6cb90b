"""popolo.json: persons, organizations and memberships."""

from __future__ import annotations

import json


def test_popolo_document(published) -> None:
    _, result = published
    popolo = json.loads((result.out_dir / "popolo.json").read_text(encoding="utf-8"))
    persons = {p["id"]: p for p in popolo["persons"]}
    assert persons["michele-lucas"]["other_names"] == [{"name": "Michelle Lucas"}]
    assert "other_names" not in persons["graham-snell"]
    council, committee = popolo["organizations"]
    assert council["identifiers"] == [{"scheme": "gss", "identifier": "E06000034"}]
    assert (committee["classification"], committee["parent_id"]) == ("committee", council["id"])
    assert popolo["memberships"][0] == {
        "id": "thurrock-childrens-services-osc-graham-snell-2021-22", "person_id": "graham-snell",
        "organization_id": "thurrock-childrens-services-osc", "role": "chair",
        "legislative_period_id": "municipal-year-2021-22",
    }
    assert popolo["events"] == [{"id": "municipal-year-2021-22", "name": "Municipal year 2021/22",
                                 "classification": "legislative period"}]
