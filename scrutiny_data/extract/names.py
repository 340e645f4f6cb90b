"""People in committee papers: name lists, `Name, Role` entries, and one id per person across spellings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import clean, fold, slugify

NAME_WORD = r"(?:Mc|Mac|O')?[A-Z][a-zA-Z'’]*(?:-[A-Z][a-zA-Z'’]*)?"
FULL_NAME = rf"{NAME_WORD}(?: {NAME_WORD}){{1,3}}"
_FULL_NAME = re.compile(FULL_NAME)
_PARENS = re.compile(r"\(([^()]*)\)")
_TITLE = re.compile(r"^(?:Councillors?|Cllrs?\.?)\s+", re.IGNORECASE)
#: Words that make a capitalised phrase a body or a post rather than a person.
NOT_PERSON = {"services", "service", "council", "cabinet", "team", "board", "partnership", "committee",
              "officer", "officers", "members", "member", "chair", "democratic", "youth", "tbc", "n/a",
              "thurrock", "representative", "director", "manager", "lead", "head", "group", "and"}

KIND_RANK = {"councillor": 0, "co_opted": 1, "youth": 2, "officer": 3, "other": 4}


@dataclass(frozen=True)
class Entry:
    """One person in a list as printed: name, title flags, role and notes in brackets."""

    name: str
    councillor: bool
    role: str | None = None
    notes: tuple[str, ...] = ()
    offset: int = 0  # where the name starts in the text it was parsed from

    @property
    def is_chair(self) -> bool:
        return any(fold(note) == "chair" for note in self.notes)

    @property
    def is_vice_chair(self) -> bool:
        return any(fold(note).replace(" ", "-") == "vice-chair" for note in self.notes)

    @property
    def substitute_for(self) -> str | None:
        for note in self.notes:
            match = re.match(r"substitute for (?:Councillor\s+)?(.+)", note.strip(), re.IGNORECASE)
            if match:
                return match[1].strip()
        return None

    @property
    def is_substitute(self) -> bool:
        return any(fold(note).startswith("substitute") for note in self.notes)


def looks_like_name(text: str) -> bool:
    """A person's name: two to four capitalised words, none of them a body or a post."""
    text = clean(text)
    return bool(_FULL_NAME.fullmatch(text)) and not any(w.lower() in NOT_PERSON for w in text.split())


def split_top_level(text: str) -> list[tuple[int, str]]:
    """Split a list on commas and ` and ` outside brackets; each part with its offset."""
    parts, depth, start, index = [], 0, 0, 0
    while index < len(text):
        char = text[index]
        depth += char == "("
        depth -= char == ")"
        cut = 0
        if depth == 0 and char == ",":
            cut = 1
        elif depth == 0 and text.startswith(" and ", index):
            cut = 5
        if cut:
            parts.append((start, text[start:index]))
            start = index + cut
            index += cut
            continue
        index += 1
    parts.append((start, text[start:]))
    return [(offset + len(part) - len(part.lstrip()), part.strip()) for offset, part in parts if part.strip()]


def parse_councillor_list(text: str) -> list[Entry]:
    """`Councillors A B (Chair), C D and E F (Substitute) (substitute for G H)` -> entries."""
    body = _TITLE.sub("", text)
    shift = len(text) - len(body)
    entries = []
    for offset, part in split_top_level(body):
        notes = tuple(clean(note) for note in _PARENS.findall(part))
        name = clean(_TITLE.sub("", _PARENS.sub("", part)))
        if looks_like_name(name) or re.fullmatch(NAME_WORD, name):
            entries.append(Entry(name, True, None, notes, shift + offset))
    return entries


def parse_entry(text: str) -> Entry | None:
    """`Kim James, Chief Operating Officer, HealthWatch` or `Councillor Kerin` -> an entry."""
    notes = tuple(clean(note) for note in _PARENS.findall(text))
    bare = clean(_PARENS.sub("", text))
    councillor = bool(_TITLE.match(bare))
    bare = _TITLE.sub("", bare)
    name, _, role = bare.partition(",")
    name = name.strip()
    if not (looks_like_name(name) or (councillor and re.fullmatch(NAME_WORD, name))):
        return None
    return Entry(name, councillor, clean(role) or None, notes, text.find(name))


# -- one id per person ------------------------------------------------------------------------------


def _edit_distance_at_most_one(left: str, right: str) -> bool:
    if left == right:
        return True
    if abs(len(left) - len(right)) > 1:
        return False
    if len(left) > len(right):
        left, right = right, left
    for index, (a, b) in enumerate(zip(left, right)):
        if a != b:
            tail = index + (len(left) == len(right))
            return left[tail:] == right[index + 1:]
    return True


def shortened(short: str, long: str) -> bool:
    """`Joe` of `Joseph`, `Pat` of `Patrick`: same first two letters, the short form's letters in order."""
    if len(short) < 3 or len(long) - len(short) < 2 or short[:2].lower() != long[:2].lower():
        return False
    rest = iter(long.lower())
    return all(letter in rest for letter in short.lower())


def variant_of(left: str, right: str) -> bool:
    """Two full names that are probably one person: a nickname or a one-letter slip in one part."""
    first_l, *_, last_l = fold(left).split()
    first_r, *_, last_r = fold(right).split()
    if last_l == last_r:
        return shortened(first_l, first_r) or shortened(first_r, first_l) or _edit_distance_at_most_one(
            first_l, first_r)
    return first_l == first_r and len(last_l) > 3 and _edit_distance_at_most_one(last_l, last_r)


@dataclass
class Person:
    """Everything seen of one person: spellings with their counts, kind, and where first named."""

    spellings: dict[str, int] = field(default_factory=dict)
    kind: str = "other"
    job_title: str | None = None
    first_seen: tuple[str, int] = ("~", 0)

    @property
    def name(self) -> str:
        def rank(spelling: str) -> tuple[int, int, str]:
            first = spelling.split()[0]
            others = [s.split()[0] for s in self.spellings if s != spelling]
            nickname_of_other = any(shortened(first, other) for other in others)
            return (nickname_of_other, -self.spellings[spelling], spelling)
        return min(self.spellings, key=rank)

    @property
    def person_id(self) -> str:
        return slugify(self.name)


class PersonRegistry:
    """Collects the people named in the papers and resolves every mention to one person id."""

    def __init__(self) -> None:
        self.people: list[Person] = []

    def _find(self, name: str) -> Person | None:
        for person in self.people:
            if any(variant_of(name, spelling) for spelling in person.spellings):
                return person
        return None

    def add(self, name: str, kind: str, where: tuple[str, int], job_title: str | None = None) -> Person:
        """Record a full name (merging spelling variants) and return its person."""
        name = clean(name).replace("’", "'")
        person = self._find(name)
        if person is None:
            person = Person()
            self.people.append(person)
        person.spellings[name] = person.spellings.get(name, 0) + 1
        if KIND_RANK[kind] < KIND_RANK[person.kind]:
            person.kind = kind
        if job_title and person.job_title is None:
            person.job_title = job_title
        person.first_seen = min(person.first_seen, where)
        return person

    def resolve(self, name: str, councillor: bool = False) -> str | None:
        """Person id for a full name, or for a surname alone when one person has it (councillors first)."""
        name = clean(name).replace("’", "'")
        if " " in name:
            person = self._find(name)
            return person.person_id if person else None
        matches = [p for p in self.people if any(fold(s).split()[-1] == fold(name) for s in p.spellings)]
        if councillor and len(matches) > 1:
            matches = [p for p in matches if p.kind == "councillor"]
        return matches[0].person_id if len(matches) == 1 else None

    def scan_variants(self, source_id: str, lines: tuple[str, ...]) -> None:
        """Add spellings printed anywhere (`Joe Tynan`) that are variants of a known person's name."""
        surnames = {fold(s).split()[-1] for p in self.people for s in p.spellings}
        if not surnames:
            return
        pattern = re.compile(rf"\b({NAME_WORD}) ({NAME_WORD})\b")
        for number, line in enumerate(lines, start=1):
            for match in pattern.finditer(line):
                full = f"{match[1]} {match[2]}".replace("’", "'")
                if fold(match[2]) not in surnames:
                    continue
                person = self._find(full)
                if person is not None and full not in person.spellings and looks_like_name(full):
                    self.add(full, person.kind, (source_id, number))
