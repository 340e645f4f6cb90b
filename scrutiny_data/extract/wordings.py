"""The wordings councils share in minutes: attendance labels, name lists, minute numbers, decisions, votes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import NAME_WORD, split_top_level
from .text import DATE_PATTERN, TIME_PATTERN, clean, find_time, fold

TITLE = r"(?:Councillors?|Cllrs?\.?|Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Revd|Rev|Reverend|Sir|Dame)"
_TITLE_START = re.compile(rf"^{TITLE}\s+", re.IGNORECASE)
_COUNCILLOR_TITLE = re.compile(r"^(?:Councillors?|Cllrs?\.?)\s+", re.IGNORECASE)
_PARTICLE = r"(?:de|da|di|du|van|von|der|le|la|al|bin|ben)"
_NAME = re.compile(rf"(?:{NAME_WORD}|{_PARTICLE})(?: (?:{NAME_WORD}|{_PARTICLE})){{0,4}}")
_NOT_NAME_WORDS = {"council", "committee", "services", "service", "officer", "director", "manager", "head", "team",
                   "board", "chair", "members", "member", "officers", "none", "nil", "democratic", "and", "of",
                   "the", "for", "lead", "assistant", "cabinet", "portfolio", "representative", "clerk"}
_PARENS = re.compile(r"\(([^()]*)\)")
_ROLE_SEPARATOR = re.compile(r"\s*(?:,|\s[-–—]\s|:)\s*")

#: Attendance labels -> (status, default kind of the people listed).
LABELS = {
    "present": ("present", "member"), "members present": ("present", "member"),
    "councillors present": ("present", "member"), "committee members present": ("present", "member"),
    "substitute members": ("present", "substitute"), "substitutes": ("present", "substitute"),
    "substitute members present": ("present", "substitute"),
    "apologies": ("apologies", "member"), "apologies for absence": ("apologies", "member"),
    "absent": ("absent", "member"), "members absent": ("absent", "member"),
    "also present": ("in_attendance", "other"), "also in attendance": ("in_attendance", "other"),
    "in attendance": ("in_attendance", "other"), "officers present": ("in_attendance", "officer"),
    "officers in attendance": ("in_attendance", "officer"), "officers": ("in_attendance", "officer"),
}
_LABEL = re.compile(r"^(?P<label>" + "|".join(sorted(LABELS, key=len, reverse=True)) + r")\b\s*(?P<colon>[:\-–])?"
                    r"\s*(?P<rest>.*)$", re.IGNORECASE)
APOLOGIES_SENTENCE = re.compile(r"Apologies(?: for absence)? (?:were|was|had been) (?:received|submitted|given|noted|"
                                r"reported|tendered) (?:from|on behalf of|by) (?P<names>.+?)(?:\.(?:\s|$)|$)")
SUBSTITUTION = re.compile(rf"(?P<sub>(?:{TITLE} )?{NAME_WORD}(?: {NAME_WORD}){{0,3}}) (?:attended as (?:a |the )?"
                          rf"substitute for|substituted for|was substituting for|was present as substitute for) "
                          rf"(?P<for>(?:{TITLE} )?{NAME_WORD}(?: {NAME_WORD}){{0,3}})")
MOVEMENT = re.compile(rf"(?:At (?P<t1>{TIME_PATTERN}),? )?(?P<who>{TITLE} {NAME_WORD}(?: {NAME_WORD}){{0,3}}) "
                      rf"(?P<verb>arrived|joined|left|departed)\b(?P<tail>(?:[^.]|\.(?=\d))*)", re.IGNORECASE)
DECLARED = re.compile(rf"(?P<who>(?:{TITLE} )?{NAME_WORD}(?: {NAME_WORD}){{0,3}}) declared (?P<what>[^.]*)")
_ITEM = re.compile(r"\b(?:agenda )?(?:item|minute)s?\s+(?:no\.?\s*)?(?P<item>[A-Z]{1,6}/\d{1,4}/\d{1,4}|\d{1,4}[a-z]?)"
                   r"\b", re.IGNORECASE)
MINUTE_HEADING = re.compile(r"^(?:Minute\s+(?:No\.?\s*)?(?P<num>\d{1,4}[a-z]?)[.:]?|(?P<dotted>\d{1,4}[a-z]?)[.)]|"
                            r"(?P<ref>[A-Z]{1,6}/\d{1,4}/\d{1,4})[.:]?)(?:\s+[-–:]?\s*(?P<title>\S.*))?$",
                            re.IGNORECASE)
DECISION = re.compile(r"^(?:It was |and )?(?P<verb>RESOLVED|AGREED|RECOMMENDED|NOTED|Resolved|Agreed|Recommended)"
                      r"(?:\s*(?P<sep>[:\-–—])[:\-–—]*)?\s*(?P<rest>.*)$")
POINT = re.compile(r"^(?:\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]|[•▪\-–])"
                   r"\s+(?P<text>\S.*)$")
VOTES = (
    re.compile(r"\bFor\s*[:\-–]?\s*(?P<for>\d+)[,;\s]+Against\s*[:\-–]?\s*(?P<against>\d+)"
               r"(?:[,;\s]+(?:Abstentions?|Abstained|Abstain)\s*[:\-–]?\s*(?P<abstain>\d+))?", re.IGNORECASE),
    re.compile(r"\((?P<for>\d+) for,?\s*(?P<against>\d+) against(?:,?\s*(?:and )?(?P<abstain>\d+) abstentions?)?\)",
               re.IGNORECASE),
    re.compile(r"\bby (?P<for>\d+) votes? to (?P<against>\d+)(?:,? with (?P<abstain>\d+) abstentions?)?",
               re.IGNORECASE),
)
MEETING_OF = re.compile(rf"\bmeeting of (?:the )?(?P<committee>[A-Z][^.]*?) held (?:(?:at|in) (?P<venue>[^.]+?) )?on "
                        rf"(?P<date>{DATE_PATTERN})(?:,? (?:at|commencing at) (?P<time>{TIME_PATTERN}))?"
                        rf"(?:,? (?:at|in) (?P<venue2>[^.]+?))?(?:\.?$)", re.IGNORECASE)
COMMITTEE_LINE = re.compile(r"^(?:Minutes of (?:the )?)?(?P<committee>(?:[A-Z][\w'’&,-]*\s+|and\s+|of\s+|for\s+)*"
                            r"(?:Committee|Sub-Committee|Panel|Board|Cabinet|Forum|Commission))\b", re.IGNORECASE)
COUNCIL = re.compile(r"\b(?P<council>(?:London|Royal) Borough of(?: [A-Z][\w'’-]+)+|"
                     r"(?:City|Borough) of(?: [A-Z][\w'’-]+)+ Council|(?:[A-Z][\w'’-]+ )+?(?:(?:County|Borough|City|District|Metropolitan Borough|Town) )?"
                     r"Council)\b")
FINISHED = re.compile(rf"\b(?:The )?meeting (?:finished|closed|ended|concluded|terminated) at (?P<time>{TIME_PATTERN})",
                      re.IGNORECASE)
NOTHING_DECLARED = re.compile(r"\bno (?:declarations|interests)\b|\bnone (?:were )?declared\b", re.IGNORECASE)


@dataclass(frozen=True)
class Named:
    """One person as listed: name without title, flags and notes, and where it sits in its line."""

    name: str
    councillor: bool
    titled: bool
    role: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def role_at_meeting(self) -> str | None:
        """`Chair`, `Vice-Chair`, `Substitute`, else the role printed beside the name."""
        for note in self.notes:
            folded = fold(note).replace(" ", "-")
            if folded in ("chair", "chairman", "chairperson", "vice-chair", "vice-chairman"):
                return "Vice-Chair" if folded.startswith("vice") else "Chair"
            if folded.startswith("substitut"):
                return "Substitute"
        return self.role or next((n for n in self.notes if not n.lower().startswith(("arrived", "left"))), None)

    @property
    def substitute_for(self) -> str | None:
        """The member named in a `(substitute for X)` note."""
        for note in self.notes:
            match = re.match(rf"substitut\w* for (?:{TITLE}\s+)?(.+)", note.strip(), re.IGNORECASE)
            if match:
                return clean(match[1])
        return None

    def note_time(self, verb: str) -> str | None:
        """Time from a note `(arrived 7.15pm)` or `(left at 8.30 pm)`."""
        return next((find_time(n) for n in self.notes if n.lower().startswith(verb)), None)


def looks_like_person(text: str, titled: bool) -> bool:
    """Two or more name words (one is enough after a title), none of them a post or a body."""
    words = text.split()
    if not words or not _NAME.fullmatch(text) or any(w.lower() in _NOT_NAME_WORDS for w in words):
        return False
    return len(words) >= 2 or titled


def starts_with_title(text: str) -> bool:
    """Whether a line starts with `Cllr`, `Councillor`, `Mr`, `Mrs` and the like."""
    return bool(_TITLE_START.match(text))


def parse_named(text: str, councillors: bool = False) -> Named | None:
    """`Cllr A Smith (Chair)`, `Mrs C Brown`, `Jane Roe – Director of Finance` -> a Named, or None."""
    notes = tuple(clean(n) for n in _PARENS.findall(text))
    bare = clean(_PARENS.sub("", text)).rstrip(".;,")
    titled = bool(_TITLE_START.match(bare))
    councillor = councillors or bool(_COUNCILLOR_TITLE.match(bare))
    bare = _TITLE_START.sub("", bare)
    name, *role = _ROLE_SEPARATOR.split(bare, maxsplit=1)
    if not looks_like_person(name.strip(), titled or councillors):
        return None
    return Named(name.strip(), councillor, titled or councillors, clean(role[0]) if role and clean(role[0]) else None,
                 notes)


def parse_name_list(text: str) -> tuple[list[Named], list[str]]:
    """A list (`Councillors A, B (Chair) and C`, `Cllr A; Mrs B`) -> people, and the parts not read as names."""
    councillors = bool(re.match(r"^(?:Councillors|Cllrs)\b", text, re.IGNORECASE))
    people: list[Named] = []
    unread: list[str] = []
    listed = text.replace(";", ",")
    previous_end = 0
    for offset, part in split_top_level(listed):
        named = parse_named(part, councillors)
        if named:
            people.append(named)
        elif people and not councillors and not re.match(rf"{TITLE}\s", part):  # `Jane Roe, Director of X`
            last = people[-1]
            joiner = " and " if "and" in listed[previous_end:offset] else ", "
            people[-1] = Named(last.name, last.councillor, last.titled,
                               f"{last.role}{joiner}{clean(part)}" if last.role else clean(part), last.notes)
        else:
            unread.append(part)
        previous_end = offset + len(part)
    return people, unread


def attendance_label(text: str) -> tuple[str, str, str] | None:
    """`Present: Councillors ...` -> (status, listed kind, rest); a label needs a colon or to stand alone."""
    match = _LABEL.match(text)
    if not match:
        return None
    rest = match["rest"].strip()
    if not match["colon"] and rest and not starts_with_title(rest):
        return None
    status, kind = LABELS[match["label"].lower()]
    return status, kind, rest


def decision_label(text: str) -> re.Match[str] | None:
    """`RESOLVED: That ...`, `RESOLVED that ...`, `Agreed:`, `It was AGREED that ...`; not `Agreed to ...` in prose."""
    match = DECISION.match(text)
    if match and (match["verb"].isupper() or match["sep"] or not match["rest"]
                  or match["rest"].lower().startswith("that ")):
        return match
    return None


def declaration_kind(words: str) -> str:
    """`non-pecuniary` and personal interests, `disclosable pecuniary`, else `other` (other registrable)."""
    folded = fold(words)
    if re.search(r"non[- ]?pecuniary|non[- ]?registrable|personal", folded):
        return "non_pecuniary"
    if "pecuniary" in folded:
        return "pecuniary"
    return "other"


def declared_item(words: str) -> str:
    """The item or minute an interest concerns (`6`, `CS/23/12`), `general` when none is named."""
    match = _ITEM.search(words)
    return match["item"] if match else "general"


def find_votes(text: str) -> tuple[int, int, int | None] | None:
    """`For: 6, Against: 2, Abstentions: 1` or `(6 for, 2 against)` -> (for, against, abstentions)."""
    for pattern in VOTES:
        match = pattern.search(text)
        if match:
            abstain = match["abstain"]
            return int(match["for"]), int(match["against"]), int(abstain) if abstain else None
    return None


def strip_title(text: str) -> str:
    """`Councillor A Smith` -> `A Smith`."""
    return _TITLE_START.sub("", clean(text))
