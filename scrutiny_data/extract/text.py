"""Document-agnostic text helpers: markup, slugs, times, dates, wrapped lines."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from .document import Document

_MARKUP = re.compile(r"\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)|</?[a-zA-Z][^>]*>")
_SPACES = re.compile(r"[ \t\u00a0]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def clean(text: str) -> str:
    """Drop markdown emphasis and HTML tags, collapse runs of spaces and tabs, strip."""
    return _SPACES.sub(" ", _MARKUP.sub("", text)).strip()


def fold(text: str) -> str:
    """A form for comparing: markup dropped, curly quotes straightened, lower case, spaces collapsed."""
    return clean(text).translate(_QUOTES).lower()


def slugify(text: str) -> str:
    """`Bukky Okunade` -> `bukky-okunade`; apostrophes vanish, other runs become one hyphen."""
    text = fold(text).replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# -- times ------------------------------------------------------------------------------------------

TIME_PATTERN = r"(?<![\d.])(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\d])"
_TIME = re.compile(TIME_PATTERN, re.IGNORECASE)


def parse_time(text: str) -> str | None:
    """`7.04pm`, `7.00 pm`, `19.27`, `6pm` -> `HH:MM`; a bare number without am/pm is not a time."""
    match = _TIME.fullmatch(text.strip())
    if not match:
        return None
    hour, minute, meridiem = int(match[1]), int(match[2] or 0), (match[3] or "").replace(".", "").lower()
    if not meridiem and match[2] is None:
        return None
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def format_time(clock: str, style: str = "pm") -> str:
    """`19:04` -> `7.04pm` (style `pm`), `7.04 pm` (style ` pm`) or `19.04` (style `24`)."""
    hour, minute = (int(part) for part in clock.split(":"))
    if style == "24":
        return f"{hour:02d}.{minute:02d}"
    suffix = "pm" if hour >= 12 else "am"
    return f"{(hour - 1) % 12 + 1}.{minute:02d}{' ' if style.startswith(' ') else ''}{suffix}"


def find_time(text: str) -> str | None:
    """The first clock time in `text` that carries am/pm or a `HH.MM` 24-hour form."""
    for match in re.finditer(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b|\b\d{1,2}[.:]\d{2}\b", text, re.IGNORECASE):
        parsed = parse_time(match[0])
        if parsed:
            return parsed
    return None


# -- dates ------------------------------------------------------------------------------------------

MONTHS = {name: index for index, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({name[:3]: index for name, index in list(MONTHS.items())})
MONTHS["sept"] = 9
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE_PATTERN = rf"{_WEEKDAY}(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+(\d{{4}})"
_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: the date, the text as printed and where it sits."""

    date: dt.date
    stated: str
    start: int
    end: int


def find_dates(text: str) -> list[DateMatch]:
    """Every full date (`1 February 2017`, `Tuesday, 8th February, 2022`) in `text`, in order."""
    found = []
    for match in _DATE.finditer(text):
        try:
            day = dt.date(int(match[3]), MONTHS[match[2].lower()], int(match[1]))
        except ValueError:
            continue
        stated = match[0][4:] if match[0].lower().startswith("the ") else match[0]
        found.append(DateMatch(day, stated.strip(), match.start(), match.end()))
    return found


def parse_date(text: str) -> dt.date | None:
    """The date `text` states in full, or None."""
    dates = find_dates(text)
    return dates[0].date if dates else None


def municipal_year(day: dt.date) -> str:
    """`2021/22` for dates from May 2021 to April 2022: the annual council meeting is in May."""
    start = day.year if day.month >= 5 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


# -- wrapped lines ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Joined:
    """Source lines joined with spaces, remembering which line each character came from."""

    text: str
    starts: tuple[int, ...]  # offset in `text` where each joined line begins
    line_numbers: tuple[int, ...]

    def line_at(self, offset: int) -> int:
        """Source line of the character at `offset`."""
        return self.line_numbers[bisect.bisect_right(self.starts, offset) - 1]

    @property
    def first_line(self) -> int:
        return self.line_numbers[0]


def join_lines(numbered: list[tuple[int, str]]) -> Joined:
    """Join `(line_number, text)` pairs into one cleaned string; hyphenated wraps stay hyphenated."""
    parts, starts, numbers, offset = [], [], [], 0
    for number, raw in numbered:
        piece = clean(raw)
        if not piece:
            continue
        if parts:
            offset += 1
        starts.append(offset)
        numbers.append(number)
        parts.append(piece)
        offset += len(piece)
    return Joined(" ".join(parts), tuple(starts), tuple(numbers))


def paragraphs(doc: Document, first: int = 1, last: int | None = None) -> list[Joined]:
    """Runs of non-blank lines between `first` and `last` (1-based, inclusive), each joined."""
    last = len(doc.lines) if last is None else last
    found, run = [], []
    for number in range(first, last + 1):
        if clean(doc.line(number)):
            run.append((number, doc.line(number)))
        elif run:
            found.append(join_lines(run))
            run = []
    if run:
        found.append(join_lines(run))
    return found
