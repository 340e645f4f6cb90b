"""Run every governance parser over one document and collect its facts, with people still as printed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from . import minutes as mins
from .document import Document
from .inputs import document_kind
from .names import Entry, looks_like_name
from .papers import MeetingFact, parse_front_sheet, parse_web_page
from .reports import WORK_PROGRAMME_HEADING, key_decision, parse_reports
from .text import clean, find_dates, find_time, fold, paragraphs
from .work_programme import parse_work_programmes

_OFFICER_NAME = re.compile(r"^(?:Cllr\.?\s+|Councillor\s+)?(?P<name>[^,–]+?)\s*(?:[,–]|\s-\s|$)")


@dataclass
class PersonFact:
    """A person as printed, what they were doing, and where: resolved to an id later."""

    name: str
    councillor: bool
    kind: str
    line: int
    job_title: str | None = None


@dataclass
class DocumentFacts:
    """Everything one document says about governance, keyed to its lines."""

    doc: Document
    kind: str
    title: str | None = None
    published: dt.date | None = None
    meetings: list[MeetingFact] = field(default_factory=list)
    people: list[PersonFact] = field(default_factory=list)
    memberships: list[dict[str, Any]] = field(default_factory=list)
    attendance: list[dict[str, Any]] = field(default_factory=list)
    agenda_items: list[dict[str, Any]] = field(default_factory=list)
    declarations: list[dict[str, Any]] = field(default_factory=list)
    resolutions: list[dict[str, Any]] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)
    sections: list[tuple[int, int, str]] = field(default_factory=list)  # report first line, last line, id
    work_programme: list[dict[str, Any]] = field(default_factory=list)


def _person_kind(entry: Entry, status: str) -> str:
    role = entry.role or ""
    if entry.councillor:
        return "councillor"
    if re.search(r"youth cabinet|youth parliament|young people's rep", role, re.IGNORECASE):
        return "youth"
    if status == "present" or re.search(r"representative|healthwatch", role, re.IGNORECASE):
        return "co_opted"
    return "officer"


def _person(facts: DocumentFacts, entry: Entry, kind: str, line: int) -> PersonFact:
    person = PersonFact(entry.name, entry.councillor, kind, line, entry.role)
    facts.people.append(person)
    return person


def _officer(facts: DocumentFacts, printed: str | None, line: int) -> None:
    """Register the person named at the start of `Name, Role` or `Name – Role`."""
    for part in re.split(r"\s*/\s*", printed or ""):
        match = _OFFICER_NAME.match(part)
        if match and looks_like_name(match["name"]):
            councillor = bool(re.match(r"(?:Cllr|Councillor)\b", part))
            role = clean(part[match.end():]) or None
            name = clean(match["name"])
            printed_on = next((n for n in range(line, len(facts.doc.lines) + 1)
                               if name in clean(facts.doc.line(n))), line)
            facts.people.append(PersonFact(name, councillor, "councillor" if councillor else "officer",
                                           printed_on, role))


def collect(doc: Document, committee_id: str) -> DocumentFacts:
    """Parse one document: meetings, people, memberships, attendance, items, decisions, reports, programme."""
    facts = DocumentFacts(doc, document_kind(doc))

    def meeting_id(day: dt.date) -> str:
        return f"{committee_id}-{day.isoformat()}"

    sheet = parse_front_sheet(doc)
    if sheet:
        facts.meetings.append(sheet.meeting)
        mid = meeting_id(sheet.meeting.date)
        year = sheet.meeting.date
        for entry, role, line in sheet.members:
            kind = "councillor" if entry.councillor else _person_kind(entry, "present")
            _person(facts, entry, kind, line)
            facts.memberships.append({"person": entry, "day": year, "role": role, "source_line": line})
        facts.agenda_items.extend({"meeting_id": mid, **item} for item in sheet.items)
        facts.published = sheet.meeting.agenda_published or sheet.meeting.date
        facts.title = f"Agenda: {_committee_line(doc, sheet.meeting.line)}, {sheet.meeting.date_stated}"
    page = parse_web_page(doc)
    if page:
        facts.meetings.append(page.meeting)
        facts.title = clean(doc.line(page.meeting.line))
        facts.published = page.meeting.date
        _minutes_body(facts, page.items, meeting_id(page.meeting.date), page.meeting.date, numbered=False)
    covers = parse_reports(doc)
    for para in paragraphs(doc):
        header = mins.MINUTES_HEADER.search(para.text)
        if not header:
            continue
        date = find_dates(header["date"])[0]
        end = min([c.line for c, _ in covers if c.line > para.first_line] + [_programme_line(doc)]) - 1
        finished = mins.finish_time(doc, para.first_line, end)
        if finished:
            end = finished[1]
        meeting = MeetingFact(date.date, date.stated, para.line_at(header.start("date")), rank=0, status="held",
                              start_time=find_time(header["time"] or ""), end_time=finished[0] if finished else None)
        facts.meetings.append(meeting)
        mid = meeting_id(date.date)
        _attendance(facts, mid, date.date, para.line_numbers[-1] + 1, end)
        headings = mins.minute_headings(doc, para.line_numbers[-1] + 1, end)
        _minutes_body(facts, headings, mid, date.date, numbered=True)
    for cover, last in covers:
        mid = meeting_id(cover.date)
        fields = cover.fields
        facts.meetings.append(MeetingFact(cover.date, None, cover.line, rank=3))
        report_id = f"{mid}-item-{cover.item}"
        facts.reports.append({
            "id": report_id, "meeting_id": mid, "agenda_item": cover.item, "title": fields["title"] or "",
            "report_of": fields.get("report_of"), "author": fields.get("author"), "wards": fields.get("wards"),
            "key_decision": key_decision(fields.get("key_decision")), "appendices": fields.get("appendices"),
            "source_line": fields["title_line"]})
        facts.sections.append((cover.line, last, report_id))
        for label in ("report_of", "head_of_service", "assistant_director", "director"):
            _officer(facts, fields.get(label), cover.line)
        if fields.get("author"):
            _officer(facts, fields["author"], cover.line)
    if covers and facts.published is None:
        facts.published = covers[0][0].date
        first = covers[0][0]
        facts.title = first.fields["title"] if len(covers) == 1 else (
            f"Agenda pack: {_committee_line(doc, first.line)}, {first.date.day} {first.date:%B %Y}")
    for day_stated, line, day in mins.referenced_meetings(doc):
        facts.meetings.append(MeetingFact(day, day_stated, line, rank=5, status="held"))
    for programme in parse_work_programmes(doc):
        for meeting in programme.meetings:
            facts.meetings.append(MeetingFact(meeting["date"], meeting["date_stated"], meeting["source_line"],
                                              rank=6, start_time=meeting.get("start_time")))
        for entry in programme.entries:
            facts.work_programme.append({"municipal_year": programme.municipal_year, **entry})
            _officer(facts, entry["lead"], entry["source_line"])
    return facts


def _committee_line(doc: Document, near: int) -> str:
    for number in range(max(1, near - 4), min(len(doc.lines), near + 4) + 1):
        text = clean(doc.line(number))
        if text.endswith("Committee"):
            return text
    return "Committee"


def _programme_line(doc: Document) -> int:
    for para in paragraphs(doc):
        if WORK_PROGRAMME_HEADING.search(para.text):
            return para.first_line
    return len(doc.lines) + 1


def _attendance(facts: DocumentFacts, mid: str, day: dt.date, first: int, last: int) -> None:
    headings = mins.minute_headings(facts.doc, first, last)
    block_end = headings[0].first - 1 if headings else last
    for fact in mins.parse_attendance(facts.doc, first, block_end):
        entry = fact.entry
        kind = _person_kind(entry, fact.status)
        _person(facts, entry, kind, fact.line)
        arrived = next((find_time(note) for note in entry.notes if note.lower().startswith("arrived")), None)
        role = "Chair" if entry.is_chair else "Vice-Chair" if entry.is_vice_chair else (
            "Substitute" if entry.is_substitute else entry.role)
        facts.attendance.append({"meeting_id": mid, "person": entry, "status": fact.status,
                                 "role_at_meeting": role, "substitute_for": entry.substitute_for,
                                 "arrived_at": arrived, "source_line": fact.line, "rank": 0})
        if entry.councillor and fact.status in ("present", "apologies", "absent"):
            membership = ("chair" if entry.is_chair else "vice_chair" if entry.is_vice_chair
                          else "substitute" if entry.is_substitute else "member")
            facts.memberships.append({"person": entry, "day": day, "role": membership, "source_line": fact.line})
        elif kind == "co_opted" and fact.status == "present":
            facts.memberships.append({"person": entry, "day": day, "role": "co_opted", "source_line": fact.line})


def _minutes_body(facts: DocumentFacts, items: list[mins.Minute], mid: str, day: dt.date, numbered: bool) -> None:
    doc = facts.doc
    for position, item in enumerate(items, start=1):
        number = item.number or str(position)
        facts.agenda_items.append({"meeting_id": mid, "number": number if numbered else str(position),
                                   "title": item.title, "minute_number": item.number,
                                   "source_line": item.first})
        for point in mins.parse_resolutions(doc, item.first, item.last):
            outcome = ("not_agreed" if not point.carried
                       else "recommended" if re.search(r"\brecommended (?:to|that)\b", point.text) else "resolved")
            facts.resolutions.append({"meeting_id": mid, "minute_number": number, "seq": point.seq,
                                      "text": point.text, "outcome": outcome, "source_line": point.line})
        if re.search(r"declaration", item.title, re.IGNORECASE):
            for decl in mins.parse_declarations(doc, item.first, item.last):
                facts.declarations.append({"meeting_id": mid, "who": decl.who, "item": decl.item,
                                           "kind": decl.kind, "interest": decl.interest,
                                           "source_line": decl.line})
        for move in mins.parse_movements(doc, item.first, item.last):
            person = Entry(move.who, " " not in move.who) if move.named else _holder(facts, mid, move.who)
            if person is None:
                continue
            facts.attendance.append({"meeting_id": mid, "person": person,
                                     "status": "present", "source_line": move.line, "rank": 1,
                                     "arrived_at" if move.arrived else "left_at": move.time})


def _holder(facts: DocumentFacts, mid: str, post: str) -> Entry | None:
    """The one person in attendance whose printed role holds most of the words of `post`, if any does."""
    words = set(re.findall(r"[a-z&]+", fold(post).replace("'s", "")))
    scored = []
    for row in facts.attendance:
        if row["meeting_id"] == mid and row.get("rank") == 0 and row.get("role_at_meeting") \
                and row["status"] in ("present", "in_attendance"):
            role = set(re.findall(r"[a-z&]+", fold(row["role_at_meeting"]).replace("'s", "")))
            scored.append((len(words & role) / len(words), row["person"]))
    best = [person for score, person in scored if score >= 2 / 3 and score == max(s for s, _ in scored)]
    return best[0] if len(best) == 1 else None
