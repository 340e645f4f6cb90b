"""Decisions in any council's minutes: RESOLVED / AGREED blocks, their points, and recorded votes."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from . import wordings as w
from .text import clean

if TYPE_CHECKING:
    from .councils import CouncilMinutes

Votes = tuple[int, int, int | None]
_TALLY_LINE = re.compile(r"^(?:Votes?\s*[:\-–]?\s*)?For\s*[:\-–]?\s*\d+", re.IGNORECASE)


@dataclass(frozen=True)
class Decision:
    """One resolved point of a minute, verbatim, with any recorded vote."""

    minute: str
    seq: int
    text: str
    outcome: str
    line: int
    votes: Votes | None = None


def _block(numbered: list[tuple[int, str]], start: int, heading_lines: set[int]) -> list[tuple[int, str]]:
    """Lines after a decision label up to a blank line not followed by a point, a heading or a new label."""
    lines: list[tuple[int, str]] = []
    for index in range(start, len(numbered)):
        number, text = numbered[index]
        if number in heading_lines or w.decision_label(text) or w.attendance_label(text) or w.FINISHED.search(text):
            break
        if not text:
            following = next((t for _, t in numbered[index + 1:index + 3] if t), "")
            if lines and not (w.POINT.match(following) or w.find_votes(following)):
                break
            continue
        lines.append((number, text.replace("\t", " ")))
    return lines


def _points(rest: str, label_line: int, lines: list[tuple[int, str]]) -> list[list]:
    """[text, line] of each point: the label's own sentence, or each `(a)`, `1.`, `•` point after a stem."""
    stem = not rest or rest.rstrip(" -–").endswith(":")
    points: list[list] = [] if stem else [[rest, label_line]]
    for number, text in lines:
        point = w.POINT.match(text)
        if point and stem:
            points.append([point["text"], number])
        elif points:
            points[-1][0] += " " + text
        else:
            points.append([text, number])
    return points


def read_decisions(minutes: CouncilMinutes, numbered: list[tuple[int, str]]) -> None:
    """Add each decision point to `minutes.decisions`; a vote recorded apart goes to the nearest block."""
    headings = [(line, number) for number, _, line in minutes.minutes]
    heading_lines = {line for line, _ in headings}
    seqs: dict[str, int] = {}
    blocks: list[tuple[int, range]] = []  # label line, positions of its decisions in minutes.decisions
    in_blocks: set[int] = set()
    for index, (number, text) in enumerate(numbered):
        match = w.decision_label(text)
        if not match:
            continue
        minute = next((num for line, num in reversed(headings) if line < number), None)
        if minute is None:
            minutes.notice("decision outside any numbered minute; skipped", number)
            continue
        lines = _block(numbered, index + 1, heading_lines)
        tallies = [(n, text) for n, text in lines if _TALLY_LINE.match(text)]
        start = len(minutes.decisions)
        for point_text, line in _points(clean(match["rest"]), number, [ln for ln in lines if ln not in tallies]):
            seqs[minute] = seqs.get(minute, 0) + 1
            words = clean(point_text)
            minutes.decisions.append(Decision(minute, seqs[minute], words, match["verb"].lower(), line,
                                              w.find_votes(words)))
        for _, text in tallies:  # `For: 5, Against: 1` under a resolution is its vote
            for position in range(start, len(minutes.decisions)):
                if minutes.decisions[position].votes is None:
                    minutes.decisions[position] = replace(minutes.decisions[position], votes=w.find_votes(text))
        blocks.append((number, range(start, len(minutes.decisions))))
        in_blocks.update([number, *(n for n, _ in lines)])
    minutes.used.update(in_blocks)
    for number, text in numbered:
        votes = w.find_votes(text.replace("\t", " ")) if number not in in_blocks else None
        if not votes or not blocks:
            continue
        _, positions = min(blocks, key=lambda block: abs(block[0] - number))
        for position in positions:
            if minutes.decisions[position].votes is None:
                minutes.decisions[position] = replace(minutes.decisions[position], votes=votes)
        minutes.used.add(number)
