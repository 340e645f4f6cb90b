"""OParl 1.1 objects: each at the URL its id names, linked to one another."""

from __future__ import annotations

import json

BASE = "https://data.example.gov.uk/scrutiny/"
OPARL = "https://schema.oparl.org/1.1/"


def _get(result, url: str) -> dict:
    assert url.startswith(BASE), url
    return json.loads((result.out_dir / url.removeprefix(BASE)).read_text(encoding="utf-8"))


def test_links_resolve_from_system_to_agenda_item(published) -> None:
    _, result = published
    system = _get(result, BASE + "oparl/system.json")
    assert (system["type"], system["oparlVersion"]) == (OPARL + "System", OPARL)
    bodies = _get(result, system["body"])
    assert bodies["pagination"]["totalElements"] == 1
    body = _get(result, bodies["data"][0]["id"])
    assert body == bodies["data"][0]
    assert (body["type"], body["name"], body["system"]) == (OPARL + "Body", "Thurrock Council", system["id"])
    assert body["equivalent"] == ["http://statistics.data.gov.uk/id/statistical-geography/E06000034"]

    organization = _get(result, body["organization"])["data"][0]
    assert organization["type"] == OPARL + "Organization" and organization["body"] == body["id"]
    people = {p["name"]: p for p in _get(result, body["person"])["data"]}
    assert set(people) == {"Graham Snell", "Michele Lucas", "Jane Pothecary", "Sue Shinnick"}
    membership = people["Graham Snell"]["membership"][0]
    assert (membership["role"], membership["organization"]) == ("chair", organization["id"])
    assert _get(result, membership["id"]) == membership
    assert _get(result, membership["person"])["name"] == "Graham Snell"
    assert membership["id"] in organization["membership"]
    assert "membership" not in people["Michele Lucas"]

    meetings = {m["start"][:10] if "start" in m else m["name"]: m for m in _get(result, body["meeting"])["data"]}
    meeting = meetings["2021-11-09"]
    assert (meeting["start"], meeting["end"]) == ("2021-11-09T19:00:00+00:00", "2021-11-09T21:05:00+00:00")
    assert meeting["organization"] == [organization["id"]]
    assert meeting["location"]["description"] == "Council Chamber"
    items = meeting["agendaItem"]
    assert [(i["number"], i["order"]) for i in items] == [("1", 1), ("6", 2)]
    assert _get(result, items[1]["id"])["meeting"] == meeting["id"]
    assert _get(result, meeting["id"]) == meeting


def test_summer_meeting_times_carry_the_bst_offset(tmp_path) -> None:
    import polars as pl

    from scrutiny_data.dataset import Dataset
    from scrutiny_data.publish.facts import dataset_facts
    from scrutiny_data.publish.oparl import oparl_objects

    dataset = Dataset.from_frames("x", {
        "committees": pl.DataFrame({"id": ["c"], "name": ["C"], "body": ["B"], "body_gss": ["E06000034"]}),
        "meetings": pl.DataFrame({"id": ["c-2022-07-25"], "committee_id": ["c"], "date": ["2022-07-25"],
                                  "start_time": ["19:00"], "status": ["held"]}),
    })
    facts = dataset_facts(dataset)
    (meeting,) = oparl_objects(dataset, facts, facts.bodies[0])["meetings"]
    assert meeting["start"] == "2022-07-25T19:00:00+01:00"
    assert "end" not in meeting and "agendaItem" not in meeting
