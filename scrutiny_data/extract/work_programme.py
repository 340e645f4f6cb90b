"""Work programme tables: meeting dates, topics, lead officers, who asked; tab tables or PDF text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .document import Document
from .reports import WORK_PROGRAMME_HEADING
from .text import DATE_PATTERN, clean, find_dates, find_time, join_lines, paragraphs

_DATE_ROW = re.compile(rf"^\s*(?P<date>{DATE_PATTERN})\s*(?:[–-]\s*(?P<note>.*?))?[\t ]*$", re.IGNORECASE)
_END = re.compile(r"^(?:Briefing Notes|To be confirmed|Updated:|Clerk:)", re.IGNORECASE)
_PERSON = r"(?:Mc)?[A-Z][a-z]+ (?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_LEAD = rf"(?:Democratic Services|{_PERSON}(?:\s*/\s*{_PERSON})*)"
_REQUESTED = (r"(?:Standing [Ii]tem(?:\s*/\s*Members)?|Officers?|Members(?: \(requested [A-Z][a-z]+ \d{4}\))?"
              r"|Chair|Officer/Member)")
_ENTRY = re.compile(rf"(?P<title>\S.*?) (?P<lead>{_LEAD}) (?P<requested>{_REQUESTED})(?= |$)")


@dataclass(frozen=True)
class Programme:
    """A work programme: its municipal year, the meetings it lists and its entries."""

    municipal_year: str
    line: int
    meetings: list[dict[str, Any]]
    entries: list[dict[str, Any]]


def parse_work_programmes(doc: Document) -> list[Programme]:
    """Every `Work Programme 2021/22` table that lists `Dates of Meetings` or a Topic header."""
    found = []
    for para in paragraphs(doc):
        heading = WORK_PROGRAMME_HEADING.search(para.text)
        if not heading:
            continue
        last = para.line_numbers[-1]
        window = " ".join(doc.lines[last:last + 8])
        if "Dates of Meetings" not in window and "Topic" not in window:
            continue
        found.append(_parse_programme(doc, heading[1], para.line_at(heading.start(1)), last + 1))
    return found


def _parse_programme(doc: Document, year: str, line: int, first: int) -> Programme:
    meetings, groups = [], []  # groups: (date, date line, [(line, raw text)])
    tabbed = False
    for number in range(first, len(doc.lines) + 1):
        raw = doc.line(number)
        text = clean(raw)
        if _END.match(text):
            break
        if text.startswith("Dates of Meetings"):
            meetings.extend({"date": d.date, "date_stated": d.stated, "source_line": number}
                            for d in find_dates(text))
            continue
        if re.match(r"^Topic\b", text):
            tabbed = "\t" in raw
            continue
        row = _DATE_ROW.match(raw)
        if row:
            date = find_dates(row["date"])[0]
            note = clean(row["note"] or "")
            meetings.append({"date": date.date, "date_stated": date.stated, "source_line": number,
                             "start_time": find_time(note) if note else None})
            groups.append((date.date, number, []))
        elif groups and text:
            groups[-1][2].append((number, raw))
    entries = []
    for date, _, rows in groups:
        entries.extend(_tabbed_rows(date, rows) if tabbed else _wrapped_rows(date, rows))
    return Programme(year, line, meetings, entries)


def _tabbed_rows(date: Any, rows: list[tuple[int, str]]) -> list[dict[str, Any]]:
    entries = []
    for number, raw in rows:
        cells = [clean(cell) for cell in raw.split("\t")]
        if not cells[0] or cells[0].upper() == "N/A":
            continue
        entries.append({"meeting_date": date, "title": cells[0], "source_line": number,
                        "lead": cells[1] if len(cells) > 1 and cells[1] else None,
                        "requested_by": cells[2] if len(cells) > 2 and cells[2] else None})
    return entries


def _wrapped_rows(date: Any, rows: list[tuple[int, str]]) -> list[dict[str, Any]]:
    """PDF text lost the columns: each entry ends `<lead officer> <who asked>`, which closes it."""
    joined = join_lines(rows)
    return [{"meeting_date": date, "title": clean(match["title"]), "source_line": joined.line_at(match.start()),
             "lead": clean(match["lead"]), "requested_by": clean(match["requested"])}
            for match in _ENTRY.finditer(joined.text)]
