"""Any council's minutes -> contract rows, reusing the person and committee ids already known."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..models import RESOURCES
from .councils import CouncilMinutes, parse_minutes
from .document import Document
from .inputs import Notice, document_kind
from .names import KIND_RANK, variant_of
from .text import fold, municipal_year, slugify

_COUNCIL_WORDS = re.compile(r"\b(?:council|county|borough|city|district|metropolitan|london|royal|of|the)\b",
                            re.IGNORECASE)
_OFFICER_ROLE = re.compile(r"officer|director|manager|head of|clerk|solicitor|lawyer|accountant|advisor|adviser|"
                           r"democratic|executive|lead|team", re.IGNORECASE)


def committee_type(name: str) -> str:
    """`overview_and_scrutiny`, `executive`, `audit`, `regulatory` or `committee`, from the committee's name."""
    folded = fold(name)
    for word, kind in (("scrutiny", "overview_and_scrutiny"), ("cabinet", "executive"), ("audit", "audit"),
                       ("planning", "regulatory"), ("licensing", "regulatory")):
        if word in folded:
            return kind
    return "committee"


class PeopleIndex:
    """Person ids by name: those of an existing dataset first, then new ones slugged from the full name."""

    def __init__(self, known: Iterable[dict[str, Any]] = ()) -> None:
        self.names: dict[str, str] = {}  # folded spelling -> id
        self.rows: dict[str, dict[str, Any]] = {}
        self.existing: dict[str, dict[str, Any]] = {}
        for row in known:
            self.existing[row["id"]] = row
            for spelling in [row["name"], *((row.get("aliases") or "").split(";"))]:
                if spelling.strip():
                    self.names[fold(spelling)] = row["id"]

    def _match(self, name: str) -> str | None:
        key = fold(name)
        if key in self.names:
            return self.names[key]
        if " " not in key:  # `Councillor Kerin`: the one known person of that surname
            found = {pid for spelling, pid in self.names.items() if spelling.split()[-1] == key}
            return found.pop() if len(found) == 1 else None
        first, *_, last = key.split()
        found = set()
        for spelling, person_id in self.names.items():
            other_first, *_, other_last = spelling.split() if " " in spelling else ("", spelling)
            if other_last != last or not first or not other_first:
                continue
            short, long = sorted((first.rstrip("."), other_first.rstrip(".")), key=len)
            if (len(short) == 1 and long.startswith(short)) or variant_of(name, spelling):
                found.add(person_id)
        return found.pop() if len(found) == 1 else None

    def person_id(self, name: str, kind: str, job_title: str | None, where: tuple[str, int, int | None]) -> str:
        """The id for a printed full name (matched to a known person when one fits), recording the person."""
        person_id = self._match(name) or slugify(name)
        self.names.setdefault(fold(name), person_id)
        row = self.rows.get(person_id)
        if row is None:
            known = self.existing.get(person_id)
            row = dict(known) if known else {"id": person_id, "name": name, "aliases": None, "kind": kind,
                                             "job_title": job_title}
            row.update(source_id=where[0], source_line=where[1], source_page=where[2])
            self.rows[person_id] = row
        spellings = [s for s in (row.get("aliases") or "").split(";") if s]
        if name != row["name"] and name not in spellings:
            row["aliases"] = ";".join([*spellings, name])
        if KIND_RANK[kind] < KIND_RANK[row["kind"]]:
            row["kind"] = kind
        return person_id

    def by_surname(self, name: str, among: Iterable[str]) -> str | None:
        """Id of the one person of `among` a mention fits: `Smith`, `A Smith` or `Alan Smith`."""
        words = fold(name).split()
        found = set()
        for person_id in among:
            known = fold(self.rows[person_id]["name"]).split()
            if known[-1] == words[-1] and (len(words) == 1 or known[0][:1] == words[0][:1]):
                found.add(person_id)
        return found.pop() if len(found) == 1 else None


def _kind(listed_kind: str, councillor: bool, role: str | None) -> str:
    """Councillor by title; officer by list or job; anyone else on a members' list is co-opted."""
    if councillor:
        return "councillor"
    if role and re.search(r"co-?opted|representative", role, re.IGNORECASE):
        return "co_opted"
    if listed_kind == "officer" or (role and _OFFICER_ROLE.search(role)):
        return "officer"
    return "co_opted" if listed_kind in ("member", "substitute") else "other"


def minutes_rows(minutes: CouncilMinutes, people: PeopleIndex, committees: dict[str, dict[str, Any]],
                 known_gss: dict[str, str]) -> dict:
    """Contract rows for one paper's minutes: meeting, attendance, memberships, decisions (committees grows)."""
    doc, heading = minutes.doc, minutes.heading
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in RESOURCES}
    if heading is None:
        return rows
    source = lambda line: {"source_id": doc.source_id, "source_line": line, "source_page": doc.page(line)}  # noqa: E731
    key = (fold(heading.committee), fold(heading.council or ""))
    committee = next((c for c in committees.values() if (fold(c["name"]), fold(c.get("body") or "")) == key), None)
    same_name = [c for c in committees.values() if fold(c["name"]) == key[0]]
    if committee is None and heading.council is None and len(same_name) == 1:
        committee = same_name[0]  # the paper does not name its council; the one committee of that name it is
    if committee is None:
        council = heading.council or "council not named in the paper"
        committee = {"id": slugify(f"{_COUNCIL_WORDS.sub(' ', heading.council or '')} {heading.committee}"),
                     "name": heading.committee, "body": council, "body_gss": known_gss.get(fold(council)),
                     "committee_type": committee_type(heading.committee), **source(heading.line)}
        committees[committee["id"]] = committee
        if committee["body_gss"] is None:
            minutes.notice(f"ONS GSS code of {council!r} unknown: set body_gss of committee {committee['id']}",
                           heading.line)
    meeting_id = f"{committee['id']}-{heading.date.isoformat()}"
    year = municipal_year(heading.date)
    rows["meetings"].append({"id": meeting_id, "committee_id": committee["id"], "date": heading.date,
                             "date_stated": heading.date_stated, "municipal_year": year, "status": "held",
                             "start_time": heading.start_time, "end_time": heading.end_time,
                             "venue": heading.venue, **source(heading.line)})
    attendance: dict[str, dict[str, Any]] = {}
    for listed in minutes.listed:
        named = listed.named
        kind = _kind(listed.kind, named.councillor, named.role)
        where = (doc.source_id, listed.line, doc.page(listed.line))
        person_id = people.person_id(named.name, kind, named.role if kind == "officer" else None, where)
        found = {"meeting_id": meeting_id, "person_id": person_id, "status": listed.status,
                 "role_at_meeting": named.role_at_meeting, "substitute_for": named.substitute_for,
                 "arrived_at": named.note_time("arrived"), "left_at": named.note_time("left"), **source(listed.line)}
        if person_id in attendance:  # `X substituted for Y` after the list: details fill the first listing
            first = attendance[person_id]
            if first["status"] != listed.status:
                minutes.notice(f"{named.name} listed as {first['status']} and as {listed.status}; the first is kept",
                               listed.line)
            attendance[person_id] = {**found, **{k: v for k, v in first.items() if v is not None}}
            continue
        attendance[person_id] = found
        if listed.kind in ("member", "substitute") and kind in ("councillor", "co_opted"):
            role = {"Chair": "chair", "Vice-Chair": "vice_chair", "Substitute": "substitute"}.get(
                named.role_at_meeting or "", "substitute" if listed.kind == "substitute" else
                "member" if kind == "councillor" else "co_opted")
            rows["memberships"].append({"committee_id": committee["id"], "person_id": person_id,
                                        "municipal_year": year, "role": role, **source(listed.line)})
    for row in attendance.values():
        replaced = row["substitute_for"]
        if replaced:
            row["substitute_for"] = people.by_surname(replaced, attendance) or (people.person_id(
                replaced, "councillor", None, (doc.source_id, row["source_line"], row["source_page"]))
                if " " in replaced else None)
    for who, column, clock, line in minutes.movements:
        person_id = people.by_surname(who, attendance)
        if person_id is None:
            minutes.notice(f"arrival or departure of {who!r} matches nobody listed; skipped", line)
            continue
        attendance[person_id][column] = clock
    rows["attendance"] = list(attendance.values())
    for number, title, line in minutes.minutes:
        rows["agenda_items"].append({"meeting_id": meeting_id, "number": number, "title": title,
                                     "minute_number": number, **source(line)})
    for who, item, kind, words, line in minutes.declarations:
        person_id = people.by_surname(who, attendance)
        if person_id is None and " " in who:
            person_id = people.person_id(who, "other", None, (doc.source_id, line, doc.page(line)))
        if person_id is None:
            minutes.notice(f"declaration by {who!r} matches nobody listed; skipped", line)
            continue
        rows["declarations"].append({"meeting_id": meeting_id, "person_id": person_id, "item": item,
                                     "kind": kind, "interest": words, **source(line)})
    for decision in minutes.decisions:
        votes = decision.votes or (None, None, None)
        rows["resolutions"].append({"meeting_id": meeting_id, "minute_number": decision.minute, "seq": decision.seq,
                                    "text": decision.text, "outcome": decision.outcome, "votes_for": votes[0],
                                    "votes_against": votes[1], "abstentions": votes[2], **source(decision.line)})
    rows["sources"].append({"id": doc.source_id, "file_name": doc.path.name, "sha256": doc.sha256,
                            "kind": document_kind(doc), "title": doc.line(heading.line).replace("\t", " ").strip(),
                            "publisher": heading.council, "published": heading.date, **source(heading.line)})
    return rows


def council_rows(docs: Iterable[Document], people: PeopleIndex,
                 committees: dict[str, dict[str, Any]]) -> tuple[dict[str, list[dict[str, Any]]], list[Notice]]:
    """Rows of any council's minutes in `docs` (people and committees grow as found) and what was skipped."""
    known_gss = {fold(c["body"]): c["body_gss"] for c in committees.values() if c.get("body") and c.get("body_gss")}
    rows: dict[str, list[dict[str, Any]]] = {resource: [] for resource in RESOURCES}
    notices: list[Notice] = []
    for doc in docs:
        minutes = parse_minutes(doc)
        found = minutes_rows(minutes, people, committees, known_gss)
        notices.extend(minutes.notices)
        for resource, found_rows in found.items():
            rows[resource].extend(found_rows)
    return rows, notices
