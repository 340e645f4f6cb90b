"""Parsers for minutes: attendance blocks, minute headings, RESOLVED blocks, declarations, times."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document
from .names import Entry, NAME_WORD, looks_like_name, parse_councillor_list, parse_entry
from .text import DATE_PATTERN, TIME_PATTERN, Joined, clean, find_dates, find_time, fold, join_lines, paragraphs

ATTENDANCE_LABELS = {
    "present": "present", "councillors present": "present", "members present": "present",
    "apologies": "apologies", "apologies for absence": "apologies",
    "in attendance": "in_attendance", "also present": "in_attendance", "officers present": "in_attendance",
    "absent": "absent",
}
_LABEL = re.compile(r"^\s*(" + "|".join(sorted(ATTENDANCE_LABELS, key=len, reverse=True)) + r")\s*:\s*(.*)$",
                    re.IGNORECASE)
_BLOCK_END = re.compile(r"^\s*(?:Before the (?:start|meeting)|\d+[a-z]?\.\s+[A-Z]|Minutes?\b)", re.IGNORECASE)
_ROLE_CONTINUES = re.compile(r"(?:,|\band|\bof|\bfor|\bthe|'s|’s|[-–&])\s*$", re.IGNORECASE)
MINUTE_HEADING = re.compile(r"^\s*(\d{1,3}[a-z]?)\.\s+(\S.*?)\s*$")
MINUTES_HEADER = re.compile(
    rf"Minutes of the Meeting of (?:the )?(?P<committee>.+?) held on (?P<date>{DATE_PATTERN})"
    rf"(?: at (?P<time>{TIME_PATTERN}))?", re.IGNORECASE)
FINISHED = re.compile(rf"The meeting (?:finished|closed|ended|concluded) at (?P<time>{TIME_PATTERN})", re.IGNORECASE)
_WHO_WORD = r"(?:[A-Z][\w'’-]*|&)"
_ARRIVED = re.compile(rf"(?:At (?P<t1>{TIME_PATTERN}),? )?(?:Councillor |Cllr |[Tt]he )?"
                      rf"(?P<who>{_WHO_WORD}(?: {_WHO_WORD})*)"
                      rf" (?P<verb>arrived|joined the meeting|left the meeting)(?: at (?P<t2>{TIME_PATTERN}))?")
_RESOLVED = re.compile(r"^\s*(UN)?RESOLVED\b\s*:?\s*-?\s*(.*)$")
_POINT = re.compile(r"^\s*(?:[-•]\s*)?(\d{1,2}(?:\.\d{1,2})?)\.?\s+([A-Z].*)$")
_DECLARED = re.compile(r"^(?P<who>.+?) declared (?P<what>.+)$")
_REFERENCED = re.compile(r"minutes of (?:the )?[^.]*?(?:meeting|committee)s?,? (?:held )?on", re.IGNORECASE)


@dataclass(frozen=True)
class AttendanceFact:
    """One person recorded in an attendance block."""

    entry: Entry
    status: str
    line: int


def list_entries(numbered: list[tuple[int, str]], status: str) -> list[AttendanceFact]:
    """People in a block of lines: `Councillors A, B and C` lists and `Name, Role` lines, wraps joined."""
    facts, pending = [], []  # pending: lines of the entry being read
    lists: list[list[tuple[int, str]]] = []

    def flush() -> None:
        if pending:
            lists.append(list(pending))
            pending.clear()

    in_list = False
    for number, text in numbered:
        starts_list = bool(re.match(r"Councillors\s", text))
        continues = pending and (in_list and _ROLE_CONTINUES.search(pending[-1][1]) or
                                 not in_list and (_ROLE_CONTINUES.search(pending[-1][1]) or text[:1].islower()
                                                  or text.startswith("and ")))
        if starts_list or not continues:
            flush()
            in_list = starts_list
        pending.append((number, text))
    flush()
    for group in lists:
        joined = join_lines(group)
        if re.match(r"Councillors\s", joined.text):
            found = parse_councillor_list(joined.text)
        else:
            entry = parse_entry(joined.text)
            found = [entry] if entry else []
        facts.extend(AttendanceFact(e, status, joined.line_at(e.offset)) for e in found)
    return facts


def parse_attendance(doc: Document, first: int, last: int) -> list[AttendanceFact]:
    """Present / Apologies / In attendance / Absent blocks between two lines of a document."""
    facts: list[AttendanceFact] = []
    status, block = None, []
    for number in range(first, last + 1):
        raw = doc.line(number)
        text = clean(raw)
        label = _LABEL.match(text)
        if label:
            if status:
                facts.extend(list_entries(block, status))
            status, block = ATTENDANCE_LABELS[label[1].lower()], []
            text = label[2].strip()
        elif status and _BLOCK_END.match(text):
            break
        if status and text:
            block.append((number, text))
    if status:
        facts.extend(list_entries(block, status))
    return facts


@dataclass(frozen=True)
class Minute:
    """A numbered minute (or an unnumbered item of a web page): its lines and title."""

    number: str | None
    title: str
    first: int
    last: int


def minute_headings(doc: Document, first: int, last: int) -> list[Minute]:
    """Headings `31. Minutes` numbered one after another; a list inside a minute is not a heading."""
    found: list[tuple[str, str, int]] = []
    for number in range(first, last + 1):
        match = MINUTE_HEADING.match(clean(doc.line(number)))
        if not match:
            continue
        value = int(re.match(r"\d+", match[1])[0])
        if not found or value == int(re.match(r"\d+", found[-1][0])[0]) + 1:
            found.append((match[1], clean(match[2]), number))
    return [Minute(num, _wrapped_title(doc, title, line), line,
                   (found[i + 1][2] - 1) if i + 1 < len(found) else last)
            for i, (num, title, line) in enumerate(found)]


def _wrapped_title(doc: Document, title: str, line: int) -> str:
    """A heading whose last word is a dash, `and` or a comma carries on on the next line."""
    if line < len(doc.lines) and re.search(r"(?:[-–:,]|\band|\bof)$", title) and clean(doc.line(line + 1)):
        return clean(f"{title} {doc.line(line + 1)}")
    return title


def _units(doc: Document, first: int, last: int) -> list[Joined]:
    """Paragraphs, also cut where a line starts a numbered point or a RESOLVED label."""
    units, run = [], []
    for number in range(first, last + 1):
        text = clean(doc.line(number))
        if run and (not text or _POINT.match(text) or _RESOLVED.match(text)):
            units.append(join_lines(run))
            run = []
        if text:
            run.append((number, text))
    if run:
        units.append(join_lines(run))
    return units


@dataclass(frozen=True)
class ResolvedPoint:
    """One resolved point, verbatim, with the line it starts on."""

    seq: int
    text: str
    line: int
    carried: bool = True  # False under an UNRESOLVED label: put to the meeting and not agreed


def parse_resolutions(doc: Document, first: int, last: int) -> list[ResolvedPoint]:
    """The points of the RESOLVED blocks between two lines: numbered points, or one paragraph."""
    points: list[ResolvedPoint] = []
    paras = _units(doc, first, last)
    index = 0
    while index < len(paras):
        head = _RESOLVED.match(paras[index].text)
        index += 1
        if not head:
            continue
        carried, rest = head[1] is None, head[2].strip()
        numbered, texts, previous = False, [], ""
        if rest and not re.fullmatch(r"That the [\w ]+?:\s*-?", rest):
            texts.append([rest, paras[index - 1].first_line])
        while index < len(paras):
            para = paras[index]
            point = _POINT.match(para.text)
            if point and numbered and not _follows(previous, point[1]):
                break
            if point and (numbered or not texts):
                previous = point[1]
                numbered = True
                texts.append([point[2], para.first_line])
            elif texts and (para.text[:1].islower() or not texts[-1][0].rstrip().endswith((".", ";", ":"))):
                # a PDF line break inside a point: the point has not ended its sentence yet
                texts[-1][0] += " " + para.text
            elif not texts and not _RESOLVED.match(para.text) and not MINUTE_HEADING.match(para.text):
                texts.append([para.text, para.first_line])
                index += 1
                break
            else:
                break
            index += 1
        points.extend(ResolvedPoint(len(points) + 1, clean(text), line, carried) for text, line in texts)
    return points


def _follows(previous: str, current: str) -> bool:
    """`2` follows `1`, `1.2` follows `1.1`: a numbered list goes up by one in its last part."""
    before, after = previous.split("."), current.split(".")
    return len(before) == len(after) and before[:-1] == after[:-1] and int(after[-1]) == int(before[-1]) + 1


@dataclass(frozen=True)
class DeclarationFact:
    """An interest declared: who (as printed), which item, what kind, the words used."""

    who: str
    item: str
    kind: str
    interest: str
    line: int


def parse_declarations(doc: Document, first: int, last: int) -> list[DeclarationFact]:
    """Sentences `X declared a non-pecuniary interest in respect to Item 11 ...`."""
    facts = []
    for para in paragraphs(doc, first, last):
        match = _DECLARED.match(para.text)
        if not match:
            continue
        who = re.sub(r"^(?:Councillor|Cllr\.?)\s+", "", match["who"]).strip()
        if not (looks_like_name(who) or re.fullmatch(NAME_WORD, who)):
            continue
        what = fold(match["what"])
        kind = ("non_pecuniary" if re.search(r"non[- ]pecuniary", what)
                else "pecuniary" if "pecuniary" in what else "other")
        item = re.search(r"\bitem\s+(\d+[a-z]?)\b", match["what"], re.IGNORECASE)
        facts.append(DeclarationFact(who, item[1] if item else "general", kind, clean(match["what"]), para.first_line))
    return facts


@dataclass(frozen=True)
class MovementFact:
    """A late arrival or an early departure: who (a name or a post, as printed), when, which."""

    who: str
    time: str
    arrived: bool
    line: int
    named: bool = True  # False: a post (`the LSCP Business Manager`), matched to a role later


def parse_movements(doc: Document, first: int, last: int) -> list[MovementFact]:
    """`Councillor Akinbohun arrived at 7.04pm`, `X left the meeting at 7.09pm`, `At 19.27 X left the meeting`."""
    facts = []
    for para in paragraphs(doc, first, last):
        for match in _ARRIVED.finditer(para.text):
            clock = find_time(match["t1"] or match["t2"] or "")
            who = match["who"]
            if clock and fold(who) not in ("the", "councillor"):
                named = looks_like_name(who) or bool(re.fullmatch(NAME_WORD, who))
                facts.append(MovementFact(who, clock, match["verb"] != "left the meeting",
                                          para.line_at(match.start("who")), named))
    return facts


def finish_time(doc: Document, first: int, last: int) -> tuple[str, int] | None:
    """`The meeting finished at 8.45 pm` -> (`20:45`, line)."""
    for number in range(first, last + 1):
        match = FINISHED.search(clean(doc.line(number)))
        if match:
            return find_time(match["time"]), number
    return None


def referenced_meetings(doc: Document) -> list[tuple[str, int, object]]:
    """Meetings whose minutes a paper approves: (date as printed, line, date)."""
    found = []
    for para in paragraphs(doc):
        for phrase in _REFERENCED.finditer(para.text):
            sentence_end = para.text.find(".", phrase.end())
            sentence_end = len(para.text) if sentence_end < 0 else sentence_end
            for date in find_dates(para.text[phrase.end():sentence_end + 1]):
                found.append((date.stated, para.line_at(phrase.end() + date.start), date.date))
    return found
