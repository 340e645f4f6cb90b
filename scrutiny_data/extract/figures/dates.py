"""Dates as printed in committee papers: '25th July', 'Wednesday 25 July 2022', 'Oct 2109', '28.4.17'."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from dataclasses import dataclass

MONTHS = {name: index for index, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], start=1)}
MONTHS.update({name[:3]: index for name, index in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20|21)\d\d"

# Longest forms first, so "Wednesday 25th July 2018" is one date, not a weekday and a month.
DATE_PATTERN = re.compile(
    rf"\b(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{_DAY})(?:\s+of)?\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?\b"
    rf"|\b(?:(?P<weekday2>{_WEEKDAY}),?\s+)?(?P<month2>{_MONTH})\s+(?P<day2>{_DAY})(?:,?\s+(?P<year2>{_YEAR}))?\b"
    rf"|\b(?P<month3>{_MONTH})\s+(?P<year3>{_YEAR})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StatedDate:
    """A date found in text: the text as printed and what could be read from it."""

    stated: str
    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    weekday: str | None


def find_dates(text: str) -> list[StatedDate]:
    """Every day-month, month-day and month-year date printed in `text`."""
    found = []
    for match in DATE_PATTERN.finditer(text):
        groups = match.groupdict()
        month_text = groups["month"] or groups["month2"] or groups["month3"]
        day_text = groups["day"] or groups["day2"]
        year_text = groups["year"] or groups["year2"] or groups["year3"]
        if month_text.lower().rstrip(".") == "may" and day_text is None and year_text is None:
            continue
        day = int(re.match(r"\d+", day_text).group()) if day_text else None
        if day is not None and not 1 <= day <= 31:
            continue
        found.append(StatedDate(
            stated=match.group().strip(), start=match.start(), end=match.end(),
            year=int(year_text) if year_text else None, month=MONTHS[month_text.lower().rstrip(".")], day=day,
            weekday=groups["weekday"] or groups["weekday2"],
        ))
    return found


def to_date(found: StatedDate, year: int | None = None) -> dt.date | None:
    """The calendar date (first of the month when no day is printed); None when impossible."""
    try:
        return dt.date(found.year or year or 0, found.month, found.day or 1)
    except ValueError:
        return None


def parse_due(text: str) -> dt.date | None:
    """A due date as printed in an action plan ('Oct 2109', 'April 2018', '31/03/2018', '28.4.17'); None if relative."""
    numeric = re.search(r"\b(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})\b", text)
    if numeric:
        day, month, year = (int(part) for part in numeric.groups())
        try:
            return dt.date(year + 2000 if year < 100 else year, month, day)
        except ValueError:
            return None
    dates = [found for found in find_dates(text) if found.year]
    return to_date(dates[0]) if dates else None


def paper_date(doc_lines: tuple[str, ...] | list[str], before: int) -> dt.date | None:
    """The paper's own date: the last full date printed on a report's front line ('13 September 2022 ITEM: 7')."""
    best = None
    for number in range(1, before + 1):
        text = doc_lines[number - 1]
        if "ITEM" in text or number <= 12:
            full = [found for found in find_dates(text) if found.year and found.day]
            if full:
                best = to_date(full[0])
    return best


_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_AND_TO = re.compile(r"^\s+(?:and|to|until|-|–)\s+$", re.IGNORECASE)
_ACADEMIC_YEAR = re.compile(r"\bacademic year (?P<start>(?:20)?\d\d)/(?:20)?\d\d\b", re.IGNORECASE)
_CALENDAR_YEAR = re.compile(r"\bin ((?:19|20)\d\d)\b(?![/-]\d)")
_FINANCIAL_YEAR = re.compile(r"(?:^|[.;]\s+)In (?P<start>(?:19|20)\d\d)/(?:\d\d)?(?P<end>\d\d)\b")


def month_end(found: StatedDate) -> dt.date | None:
    """The last day of a printed month ('December 2022' -> 2022-12-31), or the day itself when printed."""
    if found.day or not found.year:
        return to_date(found)
    return dt.date(found.year, found.month, calendar.monthrange(found.year, found.month)[1])


def stated_period(sentence: str) -> tuple[dt.date, dt.date] | None:
    """The period a sentence reports on: 'between April 2017 and December 2022', 'the academic year 21/22',
    'In 2021/2022, ...', 'in 2020'."""
    found = [date for date in find_dates(sentence) if date.year]
    for first, second in itertools.pairwise(found):
        if _BETWEEN.search(sentence[:first.start]) and _AND_TO.match(sentence[first.end:second.start]):
            start, end = to_date(first), month_end(second)
            if start and end:
                return start, end
    academic = _ACADEMIC_YEAR.search(sentence)
    if academic:
        start_year = int(academic["start"]) % 100 + 2000
        return dt.date(start_year, 9, 1), dt.date(start_year + 1, 8, 31)
    year = _FINANCIAL_YEAR.search(sentence)
    if year:
        start_year = int(year["start"])
        if (start_year + 1) % 100 == int(year["end"]):
            return dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31)
    calendar_year = _CALENDAR_YEAR.search(sentence)
    if calendar_year:
        return dt.date(int(calendar_year[1]), 1, 1), dt.date(int(calendar_year[1]), 12, 31)
    return None
