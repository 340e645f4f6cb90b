"""OParl 1.1: system, body, committee, people, memberships, meetings and agenda items as linked JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote

import polars as pl

from ..dataset import Dataset
from .facts import LICENCE_URL, Body, Facts, slug_expr
from .jsonio import json_text, without_nulls
from .names import inside, safe_name, safe_names

SCHEMA = "https://schema.oparl.org/1.1/"
LONDON = "Europe/London"
#: Attendance statuses of people who were there: OParl's `participant` lists those actually present.
PRESENT = ("present", "in_attendance")


def _page(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """An OParl list: every object embedded, on one page."""
    count = len(objects)
    return {"data": objects, "pagination": {"totalElements": count, "elementsPerPage": max(count, 1),
                                            "currentPage": 1, "totalPages": 1}, "links": {}}


def _local_time(date: str, time: str) -> pl.Expr:
    """A date and an `HH:MM` in UK local time as an ISO 8601 date-time with its offset."""
    return (pl.concat_str(pl.col(date).cast(pl.String), pl.lit("T"), pl.col(time))
            .str.to_datetime("%Y-%m-%dT%H:%M", strict=False)
            .dt.replace_time_zone(LONDON, ambiguous="earliest", non_existent="null")
            .dt.to_string("%Y-%m-%dT%H:%M:%S%:z"))


def _keyed(frame: pl.DataFrame, **keys: pl.Expr) -> pl.DataFrame:
    """`frame` with a safe file-name column for each expression (`safe_names` of its value)."""
    raw = frame.select(**keys) if keys else pl.DataFrame()
    return frame.with_columns(safe_names(raw.get_column(name)).alias(name) for name in keys)


class _Urls:
    """Where each OParl object lives under the publication's base URL; every name made safe."""

    def __init__(self, facts: Facts) -> None:
        self.root = f"{facts.base_url}/oparl"

    def body(self, body: Body, list_name: str = "") -> str:
        name = safe_name(body.slug).replace("%", "%25")
        return f"{self.root}/body/{name}{'/' + list_name if list_name else ''}.json"

    def of(self, kind: str, key: str) -> pl.Expr:
        """The URL of an object whose safe file name is in column `key` (its `%` escaped as `%25`)."""
        name = pl.col(key).str.replace_all("%", "%25", literal=True)
        return pl.concat_str(pl.lit(f"{self.root}/{kind}/"), name, pl.lit(".json"))


def _stamps(facts: Facts) -> list[pl.Expr]:
    """`created` and `modified`, which OParl 1.1 requires of every object, from the latest date in the data."""
    stamp = pl.lit(facts.created_at, dtype=pl.String)
    return [stamp.alias("created"), stamp.alias("modified")]


def _memberships(dataset: Dataset, urls: _Urls, facts: Facts) -> pl.DataFrame:
    frame = _keyed(dataset["memberships"],
                   k_id=pl.concat_str("committee_id", "person_id", slug_expr("municipal_year"), separator="-"),
                   k_person=pl.col("person_id"), k_org=pl.col("committee_id"))
    return frame.select(
        urls.of("membership", "k_id").alias("id"),
        pl.lit(SCHEMA + "Membership").alias("type"),
        urls.of("person", "k_person").alias("person"),
        urls.of("organization", "k_org").alias("organization"),
        pl.col("role"),
        pl.concat_list(pl.concat_str(pl.lit("municipal year "), "municipal_year")).alias("keyword"),
        *_stamps(facts),
        "person_id", "committee_id",
    )


def _agenda_items(dataset: Dataset, urls: _Urls, facts: Facts) -> pl.DataFrame:
    frame = _keyed(dataset["agenda_items"], k_id=pl.concat_str("meeting_id", slug_expr("number"), separator="-"),
                   k_meeting=pl.col("meeting_id"))
    return frame.select(
        urls.of("agenda-item", "k_id").alias("id"),
        pl.lit(SCHEMA + "AgendaItem").alias("type"),
        urls.of("meeting", "k_meeting").alias("meeting"),
        pl.col("number"),
        (pl.int_range(pl.len()).over("meeting_id") + 1).alias("order"),
        pl.col("title").alias("name"),
        pl.lit(True).alias("public"),
        *_stamps(facts),
        "meeting_id",
    )


def _participants(dataset: Dataset, urls: _Urls) -> pl.DataFrame:
    """Per meeting, the people the attendance table records as there, in the order it lists them."""
    present = _keyed(dataset["attendance"].filter(pl.col("status").is_in(PRESENT)), k_person=pl.col("person_id"))
    return (present.select("meeting_id", urls.of("person", "k_person").alias("participant"))
            .unique(maintain_order=True)
            .group_by("meeting_id", maintain_order=True).agg("participant"))


def _nest(frame: pl.DataFrame, key: str, column: str, children: pl.DataFrame, child_key: str) -> pl.DataFrame:
    """Embed `children` rows as a list of objects in `column`, joined on `key` = `child_key`."""
    fields = [c for c in children.columns if c not in ("person_id", "committee_id", "meeting_id")]
    grouped = children.group_by(child_key, maintain_order=True).agg(pl.struct(fields).alias(column))
    return frame.join(grouped, left_on=key, right_on=child_key, how="left", maintain_order="left")


def _meetings(dataset: Dataset, urls: _Urls, facts: Facts, committees: pl.DataFrame) -> pl.DataFrame:
    own = committees.get_column("id")
    meetings = _keyed(dataset["meetings"].filter(pl.col("committee_id").is_in(own.to_list())),
                      k_id=pl.col("id"), k_org=pl.col("committee_id")).join(
        committees.select(pl.col("id").alias("committee_id"), pl.col("name").alias("committee")),
        on="committee_id", how="left", maintain_order="left",
    )
    meetings = meetings.select(
        urls.of("meeting", "k_id").alias("url"), pl.lit(SCHEMA + "Meeting").alias("type"),
        pl.concat_str("committee", pl.col("date").cast(pl.String), separator=", ").alias("name"),
        pl.col("status").alias("meetingState"), (pl.col("status") == "cancelled").alias("cancelled"),
        _local_time("date", "start_time").alias("start"), _local_time("date", "end_time").alias("end"),
        pl.when(pl.col("venue").is_not_null()).then(pl.struct(
            pl.concat_str(urls.of("meeting", "k_id"), pl.lit("#location")).alias("id"),
            pl.lit(SCHEMA + "Location").alias("type"), pl.col("venue").alias("description"),
            *_stamps(facts),
        )).alias("location"),
        pl.concat_list(urls.of("organization", "k_org")).alias("organization"),
        *_stamps(facts),
        pl.col("id").alias("key"),
    )
    meetings = meetings.join(_participants(dataset, urls), left_on="key", right_on="meeting_id",
                             how="left", maintain_order="left")
    return _nest(meetings, "key", "agendaItem", _agenda_items(dataset, urls, facts), "meeting_id")


def oparl_objects(dataset: Dataset, facts: Facts, body: Body) -> dict[str, list[dict[str, Any]]]:
    """The organizations, people and meetings of one body, with memberships and agenda items embedded."""
    urls = _Urls(facts)
    body_url = urls.body(body)
    committees = dataset["committees"].filter(pl.col("body") == body.name)
    memberships = _memberships(dataset, urls, facts)
    organizations = _keyed(committees, k_id=pl.col("id")).select(
        urls.of("organization", "k_id").alias("url"), pl.lit(SCHEMA + "Organization").alias("type"),
        pl.lit(body_url).alias("body"), "name", pl.lit("Gremium").alias("organizationType"),
        pl.col("committee_type").alias("classification"), *_stamps(facts), pl.col("id").alias("key"),
    ).join(memberships.group_by("committee_id", maintain_order=True).agg(pl.col("id").alias("membership")),
           left_on="key", right_on="committee_id", how="left", maintain_order="left")
    own = committees.get_column("id").to_list()
    people = _keyed(dataset["people"], k_id=pl.col("id")).select(
        urls.of("person", "k_id").alias("url"), pl.lit(SCHEMA + "Person").alias("type"),
        pl.lit(body_url).alias("body"), "name", pl.concat_list("kind").alias("status"), *_stamps(facts),
        pl.col("id").alias("key"),
    )
    people = _nest(people, "key", "membership", memberships.filter(pl.col("committee_id").is_in(own)), "person_id")
    meetings = _meetings(dataset, urls, facts, committees)

    def objects(frame: pl.DataFrame) -> list[dict[str, Any]]:
        rows = frame.rename({"url": "id"}).drop("key").to_dicts()
        return [without_nulls(row) for row in rows]

    return {"organizations": objects(organizations), "people": objects(people), "meetings": objects(meetings)}


def _with_stamps(facts: Facts, value: dict[str, Any]) -> dict[str, Any]:
    return {**value, "created": facts.created_at, "modified": facts.created_at} if facts.created_at else value


def _body_object(facts: Facts, body: Body, urls: _Urls) -> dict[str, Any]:
    return _with_stamps(facts, {
        "id": urls.body(body), "type": SCHEMA + "Body", "system": f"{urls.root}/system.json",
        "name": body.name, "license": LICENCE_URL, "equivalent": [body.gss_uri],
        "organization": urls.body(body, "organizations"), "person": urls.body(body, "people"),
        "meeting": urls.body(body, "meetings"), "paper": urls.body(body, "papers"), "legislativeTerm": [],
    })


def write_oparl(dataset: Dataset, root: Path, facts: Facts) -> None:
    """Write `oparl/`: each object at the path its `id` names, and the lists that link them."""
    urls = _Urls(facts)
    prefix = f"{facts.base_url}/"

    def put(url: str, value: dict[str, Any]) -> None:
        path = inside(root, unquote(url.removeprefix(prefix).split("#", 1)[0]))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json_text(value), encoding="utf-8")

    bodies = [_body_object(facts, body, urls) for body in facts.bodies]
    put(f"{urls.root}/system.json", _with_stamps(facts, {
        "id": f"{urls.root}/system.json", "type": SCHEMA + "System", "oparlVersion": SCHEMA,
        "name": facts.title, "license": LICENCE_URL, "body": f"{urls.root}/bodies.json",
    }))
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
