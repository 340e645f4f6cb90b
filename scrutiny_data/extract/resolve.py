"""Collected facts -> contract rows: one id per person, one row per meeting, memberships by year."""

from __future__ import annotations

from typing import Any

import polars as pl

from .collect import DocumentFacts
from .names import PersonRegistry
from .text import municipal_year

#: When one person holds several places in a year, the first of these wins.
ROLE_ORDER = ["chair", "vice_chair", "member", "co_opted", "substitute"]
_MEETING_FIELDS = ["date_stated", "start_time", "end_time", "venue", "agenda_published"]


def _registry(collected: list[DocumentFacts]) -> PersonRegistry:
    registry = PersonRegistry()
    for facts in collected:
        for person in facts.people:
            if " " in person.name:
                registry.add(person.name, person.kind, (facts.doc.source_id, person.line), person.job_title)
    for facts in collected:
        registry.scan_variants(facts.doc.source_id, facts.doc.lines)
    return registry


def _person_id(registry: PersonRegistry, facts: DocumentFacts, name: str, councillor: bool, line: int) -> str:
    """Id of a printed name; a surname nobody else carries becomes a person of its own."""
    found = registry.resolve(name, councillor)
    if found:
        return found
    kind = "councillor" if councillor else "other"
    printed = f"Councillor {name}" if councillor and " " not in name else name
    return registry.add(printed, kind, (facts.doc.source_id, line)).person_id


def _meetings(collected: list[DocumentFacts], committee_id: str) -> list[dict[str, Any]]:
    facts_rows = [{
        "id": f"{committee_id}-{m.date.isoformat()}", "committee_id": committee_id, "date": m.date,
        "municipal_year": municipal_year(m.date), "status": m.status, "rank": m.rank,
        "source_id": facts.doc.source_id, "source_line": m.line,
        **{name: getattr(m, name) for name in _MEETING_FIELDS},
    } for facts in collected for m in facts.meetings]
    if not facts_rows:
        return []
    frame = pl.DataFrame(facts_rows, infer_schema_length=None).sort(["id", "rank", "source_id", "source_line"])
    merged = frame.group_by("id", maintain_order=True).agg(
        pl.col("committee_id", "date", "municipal_year", "source_id", "source_line").first(),
        *[pl.col(name).drop_nulls().first() for name in _MEETING_FIELDS],
        pl.when((pl.col("status") == "held").any()).then(pl.lit("held"))
        .otherwise(pl.col("status").first()).first().alias("status"),
    )
    return merged.to_dicts()


def _attendance(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per person and meeting: the attendance block first, arrival and departure times added."""
    if not rows:
        return []
    fields = ["status", "role_at_meeting", "substitute_for", "arrived_at", "left_at"]
    frame = pl.DataFrame([{name: row.get(name) for name in
                           ["meeting_id", "person_id", "rank", "source_id", "source_line", *fields]} for row in rows],
                         infer_schema_length=None)
    merged = frame.sort(["meeting_id", "person_id", "rank", "source_id", "source_line"]).group_by(
        ["meeting_id", "person_id"], maintain_order=True).agg(
        pl.col("source_id", "source_line").first(),
        *[pl.col(name).drop_nulls().first() for name in fields],
    )
    return merged.to_dicts()


def _memberships(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not rows:
        return []
    frame = pl.DataFrame(rows, infer_schema_length=None).with_columns(
        pl.col("role").replace_strict(ROLE_ORDER, list(range(len(ROLE_ORDER)))).alias("order"))
    return (frame.sort(["order", "source_id", "source_line"])
            .unique(["committee_id", "person_id", "municipal_year"], keep="first", maintain_order=True)
            .drop("order").to_dicts())


def resolve_people(collected: list[DocumentFacts], committee: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every governance resource as rows of model fields, people resolved to ids."""
    committee_id = committee["id"]
    registry = _registry(collected)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in (
        "memberships", "attendance", "agenda_items", "declarations", "resolutions", "reports", "work_programme")}
    memberships, attendance = [], []
    for facts in collected:
        source = {"source_id": facts.doc.source_id}
        for fact in facts.memberships:
            entry = fact["person"]
            memberships.append({"committee_id": committee_id, "municipal_year": municipal_year(fact["day"]),
                                "person_id": _person_id(registry, facts, entry.name, entry.councillor,
                                                        fact["source_line"]),
                                "role": fact["role"], "source_line": fact["source_line"], **source})
        for fact in facts.attendance:
            entry = fact["person"]
            row = {key: value for key, value in fact.items() if key != "person"}
            row["person_id"] = _person_id(registry, facts, entry.name, entry.councillor, fact["source_line"])
            if row.get("substitute_for"):
                row["substitute_for"] = _person_id(registry, facts, row["substitute_for"], True, fact["source_line"])
            attendance.append({**row, **source})
        for fact in facts.declarations:
            row = {key: value for key, value in fact.items() if key != "who"}
            row["person_id"] = _person_id(registry, facts, fact["who"], " " not in fact["who"], fact["source_line"])
            rows["declarations"].append({**row, **source})
        rows["agenda_items"].extend({**row, **source} for row in facts.agenda_items)
        rows["resolutions"].extend({**row, **source} for row in facts.resolutions)
        rows["reports"].extend({**row, **source} for row in facts.reports)
        rows["work_programme"].extend({"committee_id": committee_id, **row, **source} for row in facts.work_programme)
    rows["memberships"] = _memberships(memberships)
    rows["attendance"] = _attendance(attendance)
    rows["meetings"] = _meetings(collected, committee_id)
    rows["people"] = [{
        "id": person.person_id, "name": person.name, "kind": person.kind, "job_title": person.job_title,
        "aliases": ";".join(sorted(s for s in person.spellings if s != person.name)) or None,
        "source_id": person.first_seen[0], "source_line": person.first_seen[1],
    } for person in registry.people]
    return rows
