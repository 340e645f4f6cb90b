"""Minutes of any council, in the wordings councils share: the meeting, who attended, interests, decisions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import wordings as w
from .council_decisions import Decision, read_decisions
from .document import Document
from .inputs.notices import Notice
from .text import Joined, clean, find_dates, find_time, join_lines, paragraphs

_HEAD_LINES = 40  # the meeting heading sits at the top of the first page


@dataclass
class MeetingHeading:
    """What the paper says about itself: council, committee, date, time, venue, and the heading's line."""

    committee: str
    council: str | None
    date: Any
    date_stated: str
    line: int
    start_time: str | None = None
    end_time: str | None = None
    venue: str | None = None


@dataclass(frozen=True)
class Listed:
    """A person named in an attendance list or sentence, with their status and the line they are on."""

    named: w.Named
    status: str
    kind: str  # member, substitute, officer or other: what the list says about them
    line: int


@dataclass
class CouncilMinutes:
    """Everything recognised in one paper's minutes, each fact keyed to its line."""

    doc: Document
    heading: MeetingHeading | None = None
    listed: list[Listed] = field(default_factory=list)
    movements: list[tuple[str, str, str, int]] = field(default_factory=list)  # who, arrived_at|left_at, time, line
    declarations: list[tuple[str, str, str, str, int]] = field(default_factory=list)  # who, item, kind, words, line
    minutes: list[tuple[str, str, int]] = field(default_factory=list)  # number, title, line
    decisions: list[Decision] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # lines some recogniser read
    span: tuple[int, int] = (1, 0)  # first and last line of the minutes

    def notice(self, message: str, line: int | None = None) -> None:
        """Record something skipped, with the page of `line`."""
        page = self.doc.page(line) if line else None
        self.notices.append(Notice(self.doc.path, message, page, line))


_SMALL_WORDS = re.compile(r"(?<=\s)(?:And|Of|For|The|In|On|To)(?=\s)")


def _title_case(text: str) -> str:
    """`CHILDREN AND YOUNG PEOPLE PANEL` -> `Children and Young People Panel`; other text unchanged."""
    if not text.isupper():
        return text
    titled = re.sub(r"['’]S\b", lambda m: m[0].lower(), text.title())
    return _SMALL_WORDS.sub(lambda m: m[0].lower(), titled)


def _council(doc: Document, top: list[tuple[int, str]]) -> str | None:
    """The council named at the top of the paper, else the one the paper names most often."""
    for _, text in top:
        for match in w.COUNCIL.finditer(_title_case(text)):
            return match["council"]
    counts = Counter(m["council"] for line in doc.lines for m in w.COUNCIL.finditer(line))
    return counts.most_common(1)[0][0] if counts else None


def _meeting_sentence(para: Joined, council: str | None) -> MeetingHeading | None:
    match = w.MEETING_OF.search(para.text.replace("\t", " "))
    if not match:
        return None
    date = find_dates(match["date"])[0]
    return MeetingHeading(_title_case(clean(match["committee"])), council, date.date, date.stated,
                          para.line_at(match.start()), find_time(match["time"] or ""), None,
                          clean(match["venue"] or match["venue2"] or "") or None)


def find_heading(doc: Document) -> MeetingHeading | None:
    """The meeting a paper records: `Minutes of the meeting of X held on DATE` (at the top, or opening the
    minutes inside an agenda pack), else a committee heading with a date a few lines below."""
    top = [(n, clean(doc.line(n))) for n in range(1, min(len(doc.lines), _HEAD_LINES) + 1)]
    council = _council(doc, top)
    paras = paragraphs(doc)
    for para in paras:
        if para.first_line <= _HEAD_LINES or re.match(r"Minutes of", para.text, re.IGNORECASE):
            found = _meeting_sentence(para, council)
            if found:
                return found
    for index, (number, text) in enumerate(top):
        title = re.match(r"^(?P<name>.+?) [-–] (?P<rest>.+)$", text)  # ModernGov: `Committee - Tuesday, 8th ...`
        heading = w.COMMITTEE_LINE.match(title["name"] if title else text)
        if not heading or w.COUNCIL.fullmatch(_title_case(text)):
            continue
        for _, later in top[index:index + 5]:
            dates = find_dates(later.replace("\t", " "))
            if dates:
                return MeetingHeading(_title_case(clean(heading["committee"])), council, dates[0].date,
                                      dates[0].stated, number, find_time(later))
    return None


def _looks_like_entry(text: str) -> bool:
    """Whether a line after a gap still belongs to a list: a titled name, or `Name, Role`."""
    if w.starts_with_title(text) or text.startswith("Councillors") or w.attendance_label(text):
        return bool(w.starts_with_title(text) or text.startswith("Councillors"))
    first = re.split(r",|\s[-–—]\s|\(|\t", text, maxsplit=1)[0].strip()
    return w.parse_named(first) is not None


def _continues(previous: str, line: str, titled_block: bool) -> bool:
    """Whether `line` carries on the entry of `previous` (a name or list wrapped over lines)."""
    if re.search(r"(?:[,&\-–]|\band|\bof|\bfor|\bthe)$", previous) or line[:1].islower() or line[:1] == "(":
        return True
    if not titled_block or w.starts_with_title(line) or previous.endswith(")"):
        return False
    tail = w.strip_title(re.split(r",| and ", previous)[-1])
    return len(tail.split()) == 1  # `Cllr Alexandra` / `Montgomery-Smith (Vice-Chair)`


def _read_block(minutes: CouncilMinutes, label: tuple[str, str, str], lines: list[tuple[int, str]]) -> None:
    """The people of one attendance list: cells of two-column layouts, wrapped names joined again."""
    status, kind, _ = label
    cells = [(n, cell.strip()) for n, text in lines for cell in text.split("\t") if cell.strip()]
    titled = bool(cells) and (w.starts_with_title(cells[0][1]) or re.match(r"Councillors\b", cells[0][1]) is not None)
    entries: list[list[tuple[int, str]]] = []
    for number, text in cells:
        if entries and _continues(entries[-1][-1][1], text, titled):
            entries[-1].append((number, text))
        else:
            entries.append([(number, text)])
    councillors_list = False
    for group in entries:
        joined = join_lines(group)
        text = joined.text
        if re.fullmatch(r"(?:Councillors|Cllrs):?", text):
            councillors_list = True  # `Councillors` over a list laid out one name a line
            continue
        if councillors_list and not w.starts_with_title(text):
            text = f"Councillor {text}"
        if len(entries) > 1 and not re.match(r"Councillors\b|Cllrs\b", text):
            named = w.parse_named(text)  # one person a line: `Name, Role, Organisation`
            people, unread = ([named], []) if named else ([], [text])
        else:
            people, unread = w.parse_name_list(text)
        for named in people:
            minutes.listed.append(Listed(named, status, kind, joined.first_line))
        for part in unread:
            minutes.notice(f"not read as a name in the {status.replace('_', ' ')} list: {part!r}", joined.first_line)
        minutes.used.update(joined.line_numbers)
    if not entries:
        minutes.notice(f"{status.replace('_', ' ')} list with no names", lines[0][0] if lines else None)


def _clean_cells(text: str) -> str:
    """A line cleaned cell by cell: the tab between two columns survives."""
    return "\t".join(cell for cell in (clean(part) for part in text.split("\t")) if cell)


def _minute_heading(text: str, next_text: str, last_number: int | None) -> tuple[str, str] | None:
    match = w.MINUTE_HEADING.match(text.replace("\t", " "))
    if not match:
        return None
    number = match["num"] or match["dotted"] or match["ref"]
    value = int(re.findall(r"\d+", number)[-1])
    title = clean(match["title"] or "") or next_text  # `42.` alone: the title is on the next line
    if last_number is not None and value != last_number + 1:
        return None
    if not title or title.startswith(("That ", "that ")) or title.endswith((".", ";", ",")) or len(title) > 150:
        return None
    if match["dotted"] and not (title[:1].isupper() or title[:1].isdigit()):
        return None
    return number, title


def parse_minutes(doc: Document) -> CouncilMinutes:
    """Read a paper's minutes; what cannot be read becomes a notice naming the file and page."""
    minutes = CouncilMinutes(doc, find_heading(doc))
    if minutes.heading is None:
        minutes.notice("no meeting heading (committee and date) recognised; paper skipped", 1 if doc.lines else None)
        return minutes
    minutes.used.add(minutes.heading.line)
    first = minutes.heading.line  # an agenda pack's front sheet and agenda come before the minutes
    last = next((n for n in range(first, len(doc.lines) + 1) if w.FINISHED.search(clean(doc.line(n)))),
                len(doc.lines))  # reports may follow the minutes in a pack
    minutes.span = (first, last)
    numbered = [(n, _clean_cells(doc.line(n))) for n in range(first, last + 1)]
    label, block, last_number = None, [], None
    for index, (number, text) in enumerate(numbered):
        next_text = next((t for _, t in numbered[index + 1:index + 3] if t), "")
        heading = _minute_heading(text, next_text, last_number) if text else None
        found_label = w.attendance_label(text) if text else None
        ends_block = not text and block and not _looks_like_entry(next_text)
        if label and (heading or found_label or ends_block or w.decision_label(text) or
                      (text.endswith(".") and len(text.split()) > 8)):
            _read_block(minutes, label, block)
            label, block = None, []
        if heading:
            minute_number, title = heading
            last_number = int(re.findall(r"\d+", minute_number)[-1])
            minutes.minutes.append((minute_number, title, number))
            minutes.used.add(number)
            continue
        if found_label:
            label = found_label
            minutes.used.add(number)
            block = [(number, found_label[2])] if found_label[2] else []
            continue
        if label and text:
            block.append((number, text))
    if label:
        _read_block(minutes, label, block)
    _sentences(minutes)
    read_decisions(minutes, numbered)
    _unrecognised_pages(minutes)
    return minutes


def _sentences(minutes: CouncilMinutes) -> None:
    """Apologies, substitutions, arrivals and departures, declarations, and the closing time, in prose."""
    doc = minutes.doc
    run: list[tuple[int, str]] = []
    paras = []
    first, last = minutes.span
    for number in range(first, last + 2):
        text = clean(doc.line(number)) if number <= last else ""
        if text and not w.MINUTE_HEADING.match(text) and not w.decision_label(text):
            run.append((number, text.replace("\t", " ")))
        elif run:
            paras.append(join_lines(run))
            run = []
    for para in paras:
        for match in w.APOLOGIES_SENTENCE.finditer(para.text):
            people, _ = w.parse_name_list(match["names"])
            for named in people:
                minutes.listed.append(Listed(named, "apologies", "member", para.line_at(match.start("names"))))
            minutes.used.update(para.line_numbers)
        for match in w.SUBSTITUTION.finditer(para.text):
            sub = w.parse_named(match["sub"])
            if sub:
                named = w.Named(sub.name, sub.councillor, sub.titled, None,
                                ("Substitute", f"substitute for {w.strip_title(match['for'])}"))
                minutes.listed.append(Listed(named, "present", "substitute", para.line_at(match.start())))
                minutes.used.update(para.line_numbers)
        for match in w.MOVEMENT.finditer(para.text):
            clock = find_time(match["t1"] or "") or find_time(match["tail"])
            if clock:
                column = "arrived_at" if match["verb"].lower() in ("arrived", "joined") else "left_at"
                minutes.movements.append((w.strip_title(match["who"]), column, clock, para.line_at(match.start("who"))))
                minutes.used.update(para.line_numbers)
        for match in w.DECLARED.finditer(para.text):
            if "interest" not in match["what"].lower():
                continue
            who = w.strip_title(match["who"])
            minutes.declarations.append((who, w.declared_item(match["what"]), w.declaration_kind(match["what"]),
                                         clean(f"declared {match['what']}"), para.line_at(match.start("who"))))
            minutes.used.update(para.line_numbers)
        if w.NOTHING_DECLARED.search(para.text):
            minutes.used.update(para.line_numbers)
        finished = w.FINISHED.search(para.text)
        if finished and minutes.heading:
            minutes.heading.end_time = find_time(finished["time"])
            minutes.used.update(para.line_numbers)


def _pages(doc: Document, numbers: list[int]) -> str:
    pages = sorted({doc.page(n) for n in numbers} - {None})
    return "" if not pages else f" (page {pages[0]})" if len(pages) == 1 else f" (pages {pages[0]}-{pages[-1]})"


def _unrecognised_pages(minutes: CouncilMinutes) -> None:
    """Notices for what was skipped: pages of the minutes' opening where nothing was read, and whatever
    an agenda pack holds before the minutes (when it is more than a title block) or after them."""
    doc = minutes.doc
    first, last = minutes.span
    filled = [n for n in range(1, len(doc.lines) + 1) if clean(doc.line(n))]
    before = [n for n in filled if n < first]
    if before and first > _HEAD_LINES:
        minutes.notice(f"{len(before)} lines before the minutes{_pages(doc, before)} not recognised; skipped",
                       before[0])
    pages: dict[int | None, list[int]] = {}
    first_minute = minutes.minutes[0][2] if minutes.minutes else last + 1
    for number in filled:
        if first <= number < first_minute:
            pages.setdefault(doc.page(number), []).append(number)
    for page, numbers in pages.items():
        if not minutes.used.intersection(numbers):
            minutes.notices.append(Notice(doc.path, "nothing recognised; section skipped", page, numbers[0]))
    after = [n for n in filled if n > last]
    if after:
        minutes.notice(f"{len(after)} lines after the minutes{_pages(doc, after)} not recognised; skipped",
                       after[0])
