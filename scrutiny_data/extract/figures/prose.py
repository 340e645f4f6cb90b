"""Figures and dated happenings stated in prose: '8 of 14 (57%)', 'The walk took place on Wednesday 25th July'."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from ..document import Document
from .dates import find_dates, stated_period, to_date
from .layout import clean
from .mapping import slug
from .numbers import WORDS_PATTERN, as_number, parse_figure

_COUNT = rf"(?:\d[\d,]*|{WORDS_PATTERN})"
_PERCENT = rf"(?:\d+(?:\.\d+)?\s?%|(?:\d+(?:\.\d+)?|{WORDS_PATTERN})\s?per\s?cent)"
_OF_THEN_PERCENT = re.compile(
    rf"\b(?P<num>{_COUNT}) (?:out )?of (?:the )?(?P<den>{_COUNT})(?P<what>(?: [A-Za-z][\w'-]*){{0,6}}?) ?\((?P<pct>{_PERCENT})\)",
    re.IGNORECASE)
# "seven per cent of children (18 of 24)": up to four words may sit between the rate and its fraction.
_PERCENT_THEN_OF = re.compile(
    rf"\b(?P<pct>{_PERCENT})(?P<what>(?: [A-Za-z][\w'-]*){{0,4}}?) \((?P<num>{_COUNT}) (?:out )?of (?P<den>{_COUNT})\)",
    re.IGNORECASE)
# "24 children (41 per cent)": a count and the rate it makes, with no denominator printed.
_COUNT_THEN_PERCENT = re.compile(
    rf"(?<![\w/.,])(?P<num>\d[\d,]*)(?P<what>(?: [A-Za-z][\w'-]*){{1,2}}) \((?P<pct>{_PERCENT})\)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘'\"(])")
_EVENT_WORDS = re.compile(
    r"\b(took place|take place|taking place|held|hosted|visit(?:ed|s)?|campaign|conference|published|publish|"
    r"launch(?:ed)?|event|walk|celebrat\w*|award\w*|inspect(?:ed|ion)|workshop|roundtable|festival|ceremony|"
    r"opened|attended|summit|fun day|training day)\b", re.IGNORECASE)
_NOT_EVENTS = re.compile(r"minutes of|meeting (?:will be )?held (?:on|at)|meeting held|agenda", re.IGNORECASE)
_FUTURE = re.compile(r"\b(will|shall|is due to|are due to|scheduled|planned|plans to|going to|upcoming|would be "
                     r"published|due to take place)\b", re.IGNORECASE)
_PRESENT = re.compile(r"\b(is taking place|are taking place|is being|are being|is currently|are currently)\b",
                      re.IGNORECASE)
_PAST = re.compile(r"\b(took place|was|were|had|held|launched|published on)\b", re.IGNORECASE)
_WEEKDAY_AFTER = re.compile(r"\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_RANGE = re.compile(r"^\s*(?:-|–|—|to|until|and)\s*$", re.IGNORECASE)


def _number(text: str) -> float | None:
    figure = parse_figure(text)
    return figure.value if figure else None


_BULLET = re.compile(r"^\s*[-•*\u2013]\s+")


def sentences(text: str) -> list[str]:
    """Split a line of prose into sentences, without the list bullet that may lead it."""
    # A bullet is layout, not words: left in, a spreadsheet would read "- 8 of 14 ..." as a formula.
    return [part for part in _SENTENCE_END.split(_BULLET.sub("", clean(text))) if part]


def _rate_matches(sentence: str) -> list[re.Match]:
    """Rate phrases in reading order; a count-and-rate inside a fuller 'N of M (P%)' phrase is left to that one."""
    full = sorted([*_OF_THEN_PERCENT.finditer(sentence), *_PERCENT_THEN_OF.finditer(sentence)],
                  key=lambda match: match.start())
    spans = [(match.start(), match.end()) for match in full]
    partial = [match for match in _COUNT_THEN_PERCENT.finditer(sentence)
               if not any(start <= match.start() < end or start < match.end() <= end for start, end in spans)]
    return sorted([*full, *partial], key=lambda match: match.start())


def prose_kpis(doc: Document) -> list[dict]:
    """KPI rows for rates printed with their numerator and denominator ('12 of 15 (80%)', 'seven per cent (18 of 24)')."""
    rows = []
    for number, text in enumerate(doc.lines, start=1):
        if "(" not in text or not re.search(r"%|per\s?cent", text):
            continue
        for sentence in sentences(text):
            period = stated_period(sentence)
            for match in _rate_matches(sentence):
                groups = match.groupdict()
                numerator, percent = _number(match["num"]), parse_figure(match["pct"])
                denominator = _number(groups["den"]) if groups.get("den") else None
                if numerator is None or percent is None or (groups.get("den") and denominator is None):
                    continue
                # Words between the rate and its fraction are not part of the figure: keep the rate as printed.
                words_between = match.re is _PERCENT_THEN_OF and match["what"]
                label = sentence if len(sentence) <= 300 else sentence[:297] + "..."
                fraction = f"{slug(match['num'])}-of-{slug(groups['den'])}" if denominator is not None \
                    else f"{slug(match['num'])}-at-{slug(match['pct'])}"
                rows.append({
                    "id": f"k-{doc.source_id}-prose-{number}-{fraction}",
                    "source_id": doc.source_id, "source_line": number,
                    "indicator": "prose-" + "-".join(slug(sentence).split("-")[:8]), "label": label,
                    "period_start": period[0] if period else None, "period_end": period[1] if period else None,
                    "value": as_number(percent.value), "unit": "percent",
                    "numerator": as_number(numerator),
                    "denominator": as_number(denominator) if denominator is not None else None,
                    "comparator": "none", "stated": match["pct"].strip() if words_between else match.group().strip(),
                })
    return _unique(rows)


def paper_dates(doc: Document) -> tuple[list[int], list[dt.date]]:
    """Line numbers where a paper's own date is printed, and that date: the document head and each report front line."""
    lines, dates = [], []
    for number, text in enumerate(doc.lines, start=1):
        if number > 15 and "ITEM" not in text:
            continue
        full = [found for found in find_dates(text) if found.year and found.day]
        if full:
            lines.append(number)
            dates.append(to_date(full[0]))
    return lines, dates


def _date_for_line(index: tuple[list[int], list[dt.date]], number: int) -> dt.date | None:
    lines, dates = index
    position = bisect.bisect_right(lines, number) - 1
    return dates[position] if position >= 0 else (dates[0] if dates else None)


def tense_of(sentence: str) -> str:
    """Future for 'will'/'planned', present for 'is taking place', otherwise past."""
    if _FUTURE.search(sentence):
        return "future"
    if _PRESENT.search(sentence):
        return "present"
    return "past"


def _infer_year(month: int, day: int | None, tense: str, paper: dt.date | None) -> int | None:
    if paper is None:
        return None
    candidate = dt.date(paper.year, month, min(day or 1, 28))
    if tense == "past" and candidate > paper:
        return paper.year - 1
    if tense == "future" and candidate < paper:
        return paper.year + 1
    return paper.year


def events(doc: Document) -> list[dict]:
    """Dated happenings: sentences naming an event (visit, campaign, conference, publication) and a date."""
    index = paper_dates(doc)
    rows = []
    for number, text in enumerate(doc.lines, start=1):
        if not text.strip():
            continue
        for sentence in sentences(text):
            found = find_dates(sentence)
            if not found or not _EVENT_WORDS.search(sentence) or _NOT_EVENTS.search(sentence):
                continue
            tense = tense_of(sentence)
            first = found[0]
            year = first.year or _infer_year(first.month, first.day, tense, _date_for_line(index, number))
            start = to_date(first, year)
            end_date, stated = None, first.stated
            weekday_cell = _WEEKDAY_AFTER.match(sentence[first.end:])
            if weekday_cell and first.weekday is None:  # "18th October 2022<TAB>Tuesday": the day in the next cell
                stated = sentence[first.start:first.end + weekday_cell.end()]
            id_text = first.stated
            if len(found) > 1 and _RANGE.match(sentence[first.end:found[1].start]):
                second = found[1]
                end_date = to_date(second, second.year or year)
                stated = id_text = sentence[first.start:second.end]
                if first.year is None and second.year and start is not None:
                    start = to_date(first, second.year)
            paper = _date_for_line(index, number)
            if tense == "past" and start and paper and start > paper and not _PAST.search(sentence):
                tense = "future"  # a dated list of coming events has no verb to tell its tense
            description = sentence if len(sentence) <= 300 else sentence[:297] + "..."
            rows.append({
                "id": f"e-{doc.source_id}-{number}-{slug(id_text)}",
                "source_id": doc.source_id, "source_line": number, "description": description,
                "date": start, "end_date": end_date, "date_stated": stated, "tense": tense,
            })
    return _unique(rows)


def _unique(rows: list[dict]) -> list[dict]:
    seen: dict[str, int] = {}
    for row in rows:
        seen[row["id"]] = seen.get(row["id"], 0) + 1
        if seen[row["id"]] > 1:
            row["id"] = f"{row['id']}-{seen[row['id']]}"
    return rows
