"""Action plans printed from PDF as column blocks: the actions, then their due dates, then their leads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Document
from .dates import find_dates, parse_due
from .layout import clean
from .mapping import slug

_REF = re.compile(r"^\s*(?P<ref>[A-Z]\d{1,2})\s*[.:]\s+(?P<text>\S.*)$")
_SUB_ACTION = re.compile(r"^\s*(?P<letter>[a-z])\)\s+(?P<text>\S.*)$")
_LEAD = re.compile(r"^\s*(?P<lead>[A-Z][A-Z0-9]{1,9})\s*$")
_OPEN_DUE = re.compile(r"^\s*(?P<due>ongoing|termly|monthly|quarterly)\s*$", re.IGNORECASE)
# A printed section break: what follows is progress narrative or the next area, not this action's cells.
_SECTION_END = re.compile(r"progress update|area of concern|kpi.?s\s*/\s*targets", re.IGNORECASE)
_RAG_GRID = re.compile(r"^\s*RAG(?: rating)?\s*$", re.IGNORECASE)  # the colour-only RAG column's heading
_NOT_LEADS = {"RAG", "KPI", "KPIS", "SEND", "CME", "EHC", "EHCP"}


@dataclass
class _Segment:
    """Sub-actions printed together, followed by the due dates and leads of their rows, in order."""

    actions: list[tuple[int, str, str]] = field(default_factory=list)  # line, letter, text
    dues: list[str] = field(default_factory=list)
    leads: list[str] = field(default_factory=list)


def due_line(text: str) -> str | None:
    """The due date when a line holds exactly one date ('Oct 2109', 'Ongoing'); None otherwise."""
    stripped = clean(text)
    if _OPEN_DUE.match(stripped):
        return stripped
    found = find_dates(stripped)
    if len(found) == 1 and found[0].year and found[0].stated == stripped:
        return stripped
    return None


def lead_line(text: str) -> str | None:
    """A lead printed as a lone code ('ADES', 'P16SM'); None otherwise."""
    match = _LEAD.match(text)
    return match["lead"] if match and match["lead"] not in _NOT_LEADS else None


def _continue(text: str, number: int, lines: tuple[str, ...], until: int) -> str:
    """A cell's text with the lines that wrap it, up to a blank line or the next numbered item."""
    parts = [text]
    for following in range(number + 1, until + 1):
        line = lines[following - 1]
        if not line.strip() or _SUB_ACTION.match(line) or _REF.match(line) or due_line(line) or lead_line(line) \
                or _RAG_GRID.match(line) or len(find_dates(line)) > 1:
            break
        parts.append(line)
    return clean(" ".join(parts))


def _segments(doc: Document, start: int, until: int) -> list[tuple[tuple[int, str, str], list[_Segment]]]:
    """Each referenced action ('A5: ...') with its segments of sub-actions, due dates and leads."""
    plans: list[tuple[tuple[int, str, str], list[_Segment]]] = []
    expected = ""  # the next sub-action letter; a letter out of sequence starts narrative, not an action
    closed = True
    for number in range(start, until + 1):
        text = doc.line(number)
        ref = _REF.match(text)
        if ref:
            plans.append(((number, ref["ref"], _continue(ref["text"], number, doc.lines, until)), [_Segment()]))
            expected, closed = "a", False
            continue
        if not plans or closed:
            continue
        if _SECTION_END.search(text):
            closed = True
            continue
        segment = plans[-1][1][-1]
        sub = _SUB_ACTION.match(text)
        if sub:
            if sub["letter"] != expected:
                closed = True
                continue
            if segment.dues or segment.leads:
                segment = _Segment()
                plans[-1][1].append(segment)
            segment.actions.append((number, sub["letter"], _continue(sub["text"], number, doc.lines, until)))
            expected = chr(ord(expected) + 1)
            continue
        if not segment.actions:
            continue
        due, lead = due_line(text), lead_line(text)
        if due and not segment.leads:
            segment.dues.append(due)
        elif lead:
            segment.leads.append(lead)
    return plans


def block_action_rows(doc: Document, spec: dict) -> list[dict]:
    """One row per action and sub-action; dates and leads are paired with sub-actions only when their counts agree."""
    rows = []
    for (line, ref, text), segments in _segments(doc, spec["line"], spec["until"]):
        rows.append(_row(doc, spec, line, ref, text, None, None))
        for segment in segments:
            dues = segment.dues if len(segment.dues) == len(segment.actions) else [None] * len(segment.actions)
            leads = segment.leads if len(segment.leads) == len(segment.actions) else [None] * len(segment.actions)
            for (number, letter, action), due, lead in zip(segment.actions, dues, leads, strict=True):
                rows.append(_row(doc, spec, number, f"{ref} {letter})", action, due, lead))
    return rows


def _row(doc: Document, spec: dict, line: int, ref: str, action: str, due: str | None, lead: str | None) -> dict:
    return {
        "id": f"a-{doc.source_id}-{spec['name']}-{slug(ref)}",
        "source_id": doc.source_id, "source_line": line, "plan": spec["plan"], "ref": ref,
        "action": action, "lead": lead, "due_date": parse_due(due) if due else None, "due_stated": due,
        "status": None, "score": None, "previous_score": None,
    }
