"""Parsers for the parts of a committee paper around the minutes: front sheet, web page, source kind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .document import Document
from .minutes import Minute, list_entries
from .names import Entry
from .text import DATE_PATTERN, TIME_PATTERN, clean, find_dates, find_time, paragraphs

_WILL_BE_HELD = re.compile(
    rf"The meeting will be held at (?P<time>{TIME_PATTERN}) on (?P<date>{DATE_PATTERN})", re.IGNORECASE)
_PUBLISHED = re.compile(rf"Agenda published on:?\s*(?P<date>{DATE_PATTERN})", re.IGNORECASE)
_AGENDA_ROW = re.compile(r"^\s*(\d{1,2}[a-z]?)[\t ]+(\S.*?)(?:\t+\s*(\d+)\s*[-–]\s*(\d+))?[\t ]*$")
_PAGE_HEADER = re.compile(r"^\s*Page\s*$")
_WEB_TITLE = re.compile(rf"^(?P<name>.+?) - (?P<date>{DATE_PATTERN})\s+(?P<time>{TIME_PATTERN})\s*$", re.IGNORECASE)
_WEB_DOCUMENT = re.compile(r"\s*pdf icon PDF [\d.]+ [KM]B\s*$")
_WEB_ITEM_ANCHOR = re.compile(r"view the full minutes text for item (\d+)", re.IGNORECASE)


@dataclass
class MeetingFact:
    """What one passage says about a meeting; `rank` orders passages by authority (lower wins)."""

    date: Any
    date_stated: str | None
    line: int
    rank: int
    status: str = "scheduled"
    start_time: str | None = None
    end_time: str | None = None
    venue: str | None = None
    agenda_published: Any = None


@dataclass
class FrontSheet:
    """An agenda front sheet: the meeting, its membership, its agenda table."""

    meeting: MeetingFact
    members: list[tuple[Entry, str, int]] = field(default_factory=list)  # entry, membership role, line
    items: list[dict[str, Any]] = field(default_factory=list)


def _find_line(doc: Document, pattern: str, first: int = 1, last: int | None = None) -> int | None:
    compiled = re.compile(pattern, re.IGNORECASE)
    for number in range(first, (last or len(doc.lines)) + 1):
        if compiled.search(clean(doc.line(number))):
            return number
    return None


def parse_front_sheet(doc: Document) -> FrontSheet | None:
    """`The meeting will be held at 7.00 pm on 11 July 2017`, venue, Membership, agenda table, publication."""
    for para in paragraphs(doc, 1, min(len(doc.lines), 80)):
        held = _WILL_BE_HELD.search(para.text)
        if held:
            break
    else:
        return None
    date = find_dates(held["date"])[0]
    meeting = MeetingFact(date.date, date.stated, para.line_at(held.start("date")), rank=2,
                          start_time=find_time(held["time"]))
    after = [p for p in paragraphs(doc, para.line_numbers[-1] + 1, min(len(doc.lines), para.line_numbers[-1] + 6))]
    if after and not after[0].text.endswith(":"):
        meeting.venue = after[0].text
    sheet = FrontSheet(meeting)
    end = _find_line(doc, r"^(Queries regarding|Agenda published)", para.first_line) or len(doc.lines)
    published = _find_line(doc, r"^Agenda published on", para.first_line, min(len(doc.lines), end + 5))
    if published:
        stated = _PUBLISHED.search(clean(doc.line(published)))
        meeting.agenda_published = find_dates(stated["date"])[0].date if stated else None
    membership = _find_line(doc, r"^Membership\s*:", para.first_line, end)
    substitutes = _find_line(doc, r"^Substitutes\s*:", para.first_line, end)
    agenda = _find_line(doc, r"^Agenda$", para.first_line, end) or end
    if membership:
        block = [(n, clean(doc.line(n))) for n in range(membership + 1, (substitutes or agenda) - 1 + 1)
                 if clean(doc.line(n))]
        for fact in list_entries(block, "member"):
            role = ("chair" if fact.entry.is_chair else "vice_chair" if fact.entry.is_vice_chair
                    else "member" if fact.entry.councillor else "co_opted")
            sheet.members.append((fact.entry, role, fact.line))
    if substitutes:
        block = [(n, clean(doc.line(n))) for n in range(substitutes + 1, agenda) if clean(doc.line(n))]
        sheet.members.extend((f.entry, "substitute", f.line) for f in list_entries(block, "substitute"))
    sheet.items = parse_agenda_table(doc, agenda + 1, end - 1)
    return sheet


def parse_agenda_table(doc: Document, first: int, last: int) -> list[dict[str, Any]]:
    """Rows `2 Minutes<TAB>5 - 16` or `6<TAB>Title<TAB>17 - 22`: number, title, page range."""
    items: list[dict[str, Any]] = []
    for number in range(first, last + 1):
        match = _AGENDA_ROW.match(doc.line(number))
        if not match or _PAGE_HEADER.match(doc.line(number)):
            continue
        if items and int(re.match(r"\d+", match[1])[0]) <= int(re.match(r"\d+", items[-1]["number"])[0]):
            continue
        items.append({"number": match[1], "title": clean(match[2]), "source_line": number,
                      "page_from": int(match[3]) if match[3] else None,
                      "page_to": int(match[4]) if match[4] else None})
    return items


@dataclass
class WebPage:
    """A ModernGov meeting page: the meeting and its unnumbered items."""

    meeting: MeetingFact
    committee_name: str
    items: list[Minute]


def parse_web_page(doc: Document) -> WebPage | None:
    """ModernGov `Agenda and minutes` page text: title line with date and time, venue, items."""
    title_line = _find_line(doc, _WEB_TITLE.pattern, 1, min(len(doc.lines), 10))
    if title_line is None:
        return None
    head = _WEB_TITLE.match(clean(doc.line(title_line)))
    date = find_dates(head["date"])[0]
    meeting = MeetingFact(date.date, date.stated, title_line, rank=1, start_time=find_time(head["time"]))
    venue_line = _find_line(doc, r"^Venue:", title_line, min(len(doc.lines), title_line + 6))
    if venue_line:
        meeting.venue = clean(doc.line(venue_line))[len("Venue:"):].strip()
    start = (_find_line(doc, r"^No\.?\s+Item\b", title_line) or title_line) + 1
    titles = []
    for number in range(start, len(doc.lines) + 1):
        text = clean(doc.line(number))
        gap = all(not clean(doc.line(n)) for n in range(max(start, number - 2), number))
        if text and (number == start or gap and number - 2 >= start) and not re.search(r"[.:]$", text) \
                and len(text) <= 200:
            titles.append((number, _WEB_DOCUMENT.sub("", text)))
    items = [Minute(None, title, line, (titles[i + 1][0] - 1) if i + 1 < len(titles) else len(doc.lines))
             for i, (line, title) in enumerate(titles)]
    if items:
        meeting.status = "held"
    return WebPage(meeting, clean(head["name"]), _number_web_items(doc, items))


def _number_web_items(doc: Document, items: list[Minute]) -> list[Minute]:
    """Minute numbers from `view the full minutes text for item 46`, when every anchor gives one offset."""
    offsets = set()
    for position, item in enumerate(items, start=1):
        for number in range(item.first, item.last + 1):
            for anchor in _WEB_ITEM_ANCHOR.finditer(doc.line(number)):
                offsets.add(int(anchor[1]) - position)
    if len(offsets) != 1:
        return items
    offset = offsets.pop()
    return [Minute(str(position + offset), item.title, item.first, item.last)
            for position, item in enumerate(items, start=1)]


def source_kind(doc: Document) -> str:
    """`moderngov_html` (web page furniture), `doc_text` (markdown or tab tables kept), else `pdf_text`.

    PDF text extraction hard-wraps lines and loses tables and emphasis; a Word conversion keeps
    them; a ModernGov page has its `pdf icon` links and `view the full minutes text` anchors.
    """
    text = doc.text
    if _WEB_DOCUMENT.search(text) or "pdf icon" in text or _WEB_ITEM_ANCHOR.search(text):
        return "moderngov_html"
    if re.search(r"\*\*\S", text) or sum("\t" in line for line in doc.lines) >= 5:
        return "doc_text"
    return "pdf_text"
