"""OParl 1.1: system, body, committee, people, memberships, meetings and agenda items as linked JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from ..dataset import Dataset
from .facts import LICENCE_URL, Body, Facts, slug_expr
from .jsonio import json_text, without_nulls

SCHEMA = "https://schema.oparl.org/1.1/"
LONDON = "Europe/London"


def _page(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """An OParl list: every object embedded, on one page."""
    count = len(objects)
    return {"data": objects, "pagination": {"totalElements": count, "elementsPerPage": max(count, 1),
                                            "currentPage": 1, "totalPages": 1}, "links": {}}


def _url(base: str, kind: str, key: pl.Expr) -> pl.Expr:
    return pl.concat_str(pl.lit(f"{base}/{kind}/"), key, pl.lit(".json"))


def _local_time(date: str, time: str) -> pl.Expr:
    """A date and an `HH:MM` in UK local time as an ISO 8601 date-time with its offset."""
    return (pl.concat_str(pl.col(date).cast(pl.String), pl.lit("T"), pl.col(time))
            .str.to_datetime("%Y-%m-%dT%H:%M", strict=False)
            .dt.replace_time_zone(LONDON, ambiguous="earliest", non_existent="null")
            .dt.to_string("%Y-%m-%dT%H:%M:%S%:z"))


class _Urls:
    """Where each OParl object lives under the publication's base URL."""

    def __init__(self, facts: Facts) -> None:
        self.root = f"{facts.base_url}/oparl"

    def body(self, body: Body, list_name: str = "") -> str:
        return f"{self.root}/body/{body.slug}{'/' + list_name if list_name else ''}.json"

    def of(self, kind: str, key: pl.Expr) -> pl.Expr:
        return _url(self.root, kind, key)


def _memberships(dataset: Dataset, urls: _Urls) -> pl.DataFrame:
    return dataset["memberships"].select(
        urls.of("membership", pl.concat_str("committee_id", "person_id", slug_expr("municipal_year"),
                                            separator="-")).alias("id"),
        pl.lit(SCHEMA + "Membership").alias("type"),
        urls.of("person", pl.col("person_id")).alias("person"),
        urls.of("organization", pl.col("committee_id")).alias("organization"),
        pl.col("role"),
        pl.concat_list(pl.concat_str(pl.lit("municipal year "), "municipal_year")).alias("keyword"),
        "person_id", "committee_id",
    )


def _agenda_items(dataset: Dataset, urls: _Urls) -> pl.DataFrame:
    return dataset["agenda_items"].select(
        urls.of("agenda-item", pl.concat_str("meeting_id", slug_expr("number"), separator="-")).alias("id"),
        pl.lit(SCHEMA + "AgendaItem").alias("type"),
        urls.of("meeting", pl.col("meeting_id")).alias("meeting"),
        pl.col("number"),
        (pl.int_range(pl.len()).over("meeting_id") + 1).alias("order"),
        pl.col("title").alias("name"),
        pl.lit(True).alias("public"),
        "meeting_id",
    )


def _nest(frame: pl.DataFrame, key: str, column: str, children: pl.DataFrame, child_key: str) -> pl.DataFrame:
    """Embed `children` rows as a list of objects in `column`, joined on `key` = `child_key`."""
    fields = [c for c in children.columns if c not in ("person_id", "committee_id", "meeting_id")]
    grouped = children.group_by(child_key, maintain_order=True).agg(pl.struct(fields).alias(column))
    return frame.join(grouped, left_on=key, right_on=child_key, how="left", maintain_order="left")


def oparl_objects(dataset: Dataset, facts: Facts, body: Body) -> dict[str, list[dict[str, Any]]]:
    """The organizations, people and meetings of one body, with memberships and agenda items embedded."""
    urls = _Urls(facts)
    body_url = urls.body(body)
    committees = dataset["committees"].filter(pl.col("body") == body.name)
    memberships = _memberships(dataset, urls)
    organizations = committees.select(
        urls.of("organization", pl.col("id")).alias("url"), pl.lit(SCHEMA + "Organization").alias("type"),
        pl.lit(body_url).alias("body"), "name", pl.lit("Gremium").alias("organizationType"),
        pl.col("committee_type").alias("classification"), pl.col("id").alias("key"),
    ).join(memberships.group_by("committee_id", maintain_order=True).agg(pl.col("id").alias("membership")),
           left_on="key", right_on="committee_id", how="left", maintain_order="left")
    own = set(committees.get_column("id").to_list())
    people = dataset["people"].select(
        urls.of("person", pl.col("id")).alias("url"), pl.lit(SCHEMA + "Person").alias("type"),
        pl.lit(body_url).alias("body"), "name", pl.concat_list("kind").alias("status"), pl.col("id").alias("key"),
    )
    people = _nest(people, "key", "membership", memberships.filter(pl.col("committee_id").is_in(own)), "person_id")
    meetings = dataset["meetings"].filter(pl.col("committee_id").is_in(own)).join(
        committees.select(pl.col("id").alias("committee_id"), pl.col("name").alias("committee")),
        on="committee_id", how="left", maintain_order="left",
    ).select(
        urls.of("meeting", pl.col("id")).alias("url"), pl.lit(SCHEMA + "Meeting").alias("type"),
        pl.concat_str("committee", pl.col("date").cast(pl.String), separator=", ").alias("name"),
        pl.col("status").alias("meetingState"), (pl.col("status") == "cancelled").alias("cancelled"),
        _local_time("date", "start_time").alias("start"), _local_time("date", "end_time").alias("end"),
        pl.when(pl.col("venue").is_not_null()).then(pl.struct(
            pl.concat_str(urls.of("meeting", pl.col("id")), pl.lit("#location")).alias("id"),
            pl.lit(SCHEMA + "Location").alias("type"), pl.col("venue").alias("description"),
        )).alias("location"),
        pl.concat_list(urls.of("organization", pl.col("committee_id"))).alias("organization"),
        pl.col("id").alias("key"),
    )
    meetings = _nest(meetings, "key", "agendaItem", _agenda_items(dataset, urls), "meeting_id")

    def objects(frame: pl.DataFrame) -> list[dict[str, Any]]:
        rows = frame.rename({"url": "id"}).drop("key").to_dicts()
        return [without_nulls(row) for row in rows]

    return {"organizations": objects(organizations), "people": objects(people), "meetings": objects(meetings)}


def _body_object(facts: Facts, body: Body, urls: _Urls) -> dict[str, Any]:
    return {
        "id": urls.body(body), "type": SCHEMA + "Body", "system": f"{urls.root}/system.json",
        "name": body.name, "license": LICENCE_URL, "equivalent": [body.gss_uri],
        "organization": urls.body(body, "organizations"), "person": urls.body(body, "people"),
        "meeting": urls.body(body, "meetings"), "paper": urls.body(body, "papers"), "legislativeTerm": [],
    }


def write_oparl(dataset: Dataset, root: Path, facts: Facts) -> None:
    """Write `oparl/`: each object at the path its `id` names, and the lists that link them."""
    urls = _Urls(facts)
    prefix = f"{facts.base_url}/"

    def put(url: str, value: dict[str, Any]) -> None:
        path = root / url.removeprefix(prefix)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json_text(value), encoding="utf-8")

    bodies = [_body_object(facts, body, urls) for body in facts.bodies]
    put(f"{urls.root}/system.json", {
        "id": f"{urls.root}/system.json", "type": SCHEMA + "System", "oparlVersion": SCHEMA,
        "name": facts.title, "license": LICENCE_URL, "body": f"{urls.root}/bodies.json",
    })
    put(f"{urls.root}/bodies.json", _page(bodies))
    for body, body_object in zip(facts.bodies, bodies, strict=True):
        put(body_object["id"], body_object)
        put(urls.body(body, "papers"), _page([]))
        lists = oparl_objects(dataset, facts, body)
        for list_name, objects in lists.items():
            put(urls.body(body, list_name), _page(objects))
            for obj in objects:
                put(obj["id"], obj)
                for embedded in obj.get("membership", []) + obj.get("agendaItem", []):
                    if isinstance(embedded, dict):
                        put(embedded["id"], embedded)
