"""Report cover sheets (`13 September 2022 ITEM: 6`, title, report of, wards, key decision) and their sections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .document import Document
from .text import DATE_PATTERN, clean, find_dates, fold, join_lines

_COVER_SAME_LINE = re.compile(rf"^\s*(?P<date>{DATE_PATTERN})\s+ITEM:\s*(?P<item>\d+[a-z]?)\s*$", re.IGNORECASE)
_DATE_ONLY = re.compile(rf"^\s*(?P<date>{DATE_PATTERN})\s*$", re.IGNORECASE)
_ITEM_ONLY = re.compile(r"^\s*ITEM:\s*(?P<item>\d+[a-z]?)\s*$", re.IGNORECASE)
COVER_LABELS = {
    "wards and communities affected": "wards",
    "key decision": "key_decision",
    "report of": "report_of",
    "accountable head of service": "head_of_service",
    "accountable assistant director": "assistant_director",
    "accountable director": "director",
    "this report is": "publicity",
}
_LABEL = re.compile(r"(?<![\w])(" + "|".join(COVER_LABELS) + r")\s*:?", re.IGNORECASE)
_STOP = re.compile(r"^(?:This report is|Executive Summary|1\.\s)", re.IGNORECASE)
WORK_PROGRAMME_HEADING = re.compile(r"\bWork Programme\s*(\d{4}/\d{2})\b")


@dataclass(frozen=True)
class Cover:
    """Where a report begins and what its cover sheet says."""

    line: int
    date: Any
    item: str
    fields: dict[str, Any]


def find_covers(doc: Document) -> list[tuple[int, Any, str]]:
    """(line, meeting date, item number) of every cover sheet: `DATE ITEM: N` on one line or two."""
    found = []
    for number, raw in enumerate(doc.lines, start=1):
        match = _COVER_SAME_LINE.match(raw)
        if match:
            found.append((number, find_dates(match["date"])[0].date, match["item"]))
            continue
        if _DATE_ONLY.match(raw):
            following = [n for n in range(number + 1, min(len(doc.lines), number + 5) + 1) if clean(doc.line(n))]
            item = _ITEM_ONLY.match(doc.line(following[0])) if following else None
            if item:
                found.append((number, find_dates(raw)[0].date, item["item"]))
    return found


def _section_end(doc: Document, starts: list[int], index: int) -> int:
    end = starts[index + 1] - 1 if index + 1 < len(starts) else len(doc.lines)
    for number in range(starts[index] + 1, end + 1):
        if WORK_PROGRAMME_HEADING.search(clean(doc.line(number))) and number + 3 <= end and any(
                "Dates of Meetings" in doc.line(n) or "Topic" in doc.line(n) for n in range(number, number + 6)):
            return _paragraph_start(doc, number) - 1
    return end


def _paragraph_start(doc: Document, number: int) -> int:
    while number > 1 and clean(doc.line(number - 1)):
        number -= 1
    return number


def parse_cover(doc: Document, line: int, last: int) -> dict[str, Any]:
    """Title, labelled fields and the `Report Author:` and appendices of the report starting at `line`."""
    body = []
    for number in range(line + 1, min(last, line + 40) + 1):
        text = clean(doc.line(number))
        if _STOP.match(text):
            break
        if text and not _ITEM_ONLY.match(text):
            body.append((number, text))
    committee = next((i for i, (_, text) in enumerate(body) if re.search(r"Committee\s*$", text)), -1)
    labelled = next((i for i, (_, text) in enumerate(body) if _LABEL.match(text)), len(body))
    title = join_lines(body[committee + 1:labelled]) if labelled > committee + 1 else None
    joined = join_lines(body[labelled:])
    fields: dict[str, Any] = {}
    labels = list(_LABEL.finditer(joined.text))
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(joined.text)
        fields[COVER_LABELS[label[1].lower()]] = joined.text[label.end():end].strip(" :\t") or None
    fields["title"] = title.text if title else None
    fields["title_line"] = title.first_line if title else line
    fields["author"] = _after_label(doc, r"^Report Author", line, last)
    fields["appendices"] = _appendices(doc, line, last)
    return fields


def _after_label(doc: Document, pattern: str, first: int, last: int) -> str | None:
    for number in range(first, last + 1):
        if re.match(pattern, clean(doc.line(number)), re.IGNORECASE):
            for following in range(number + 1, min(last, number + 6) + 1):
                text = clean(doc.line(following))
                if text and not text.endswith(":"):
                    return text
    return None


def _appendices(doc: Document, first: int, last: int) -> str | None:
    start = next((n for n in range(first, last + 1)
                  if re.search(r"Appendices to the report", clean(doc.line(n)), re.IGNORECASE)), None)
    if start is None:
        return None
    lines = []
    for number in range(start + 1, last + 1):
        text = clean(doc.line(number))
        if re.match(r"^(Report Author|\d+\.\s)", text, re.IGNORECASE):
            break
        lines.append((number, text.lstrip("-•\uf0b7 ")))
    text = join_lines(lines).text
    if not text or fold(text).startswith("none"):
        return None
    found = re.findall(r"Appendix\s+\w+\s*[–-]\s*.+?(?=\s*Appendix\s+\w+\s*[–-]|$)", text)
    return "; ".join(clean(item) for item in found) or text


def parse_reports(doc: Document) -> list[tuple[Cover, int]]:
    """Every report in a document with the last line of its section (before the next report)."""
    covers = find_covers(doc)
    starts = [line for line, _, _ in covers]
    reports = []
    for index, (line, date, item) in enumerate(covers):
        last = _section_end(doc, starts, index)
        reports.append((Cover(line, date, item, parse_cover(doc, line, last)), last))
    return reports


def key_decision(value: str | None) -> bool | None:
    """`Key` -> True, `Non-key`/`No` -> False, `Not applicable`/`N/A`/missing -> None."""
    folded = fold(value or "")
    if folded.startswith("key") or folded == "yes":
        return True
    if folded.startswith(("non-key", "non key", "no")) and not folded.startswith("not"):
        return False
    return None
