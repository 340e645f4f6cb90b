"""Figures as printed: words, thousands separators, pounds with m/k, percentages."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES: dict[str, int] = {word: value for value, word in enumerate(_UNITS)}
WORD_VALUES.update({word: 10 * (index + 2) for index, word in enumerate(_TENS)})
WORD_VALUES.update({"nil": 0, "none": 0, "no": 0})
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_SUFFIX = {"m": 1_000_000, "k": 1000, "bn": 1_000_000_000}

_WORD = r"(?:" + "|".join(sorted(list(WORD_VALUES) + list(_SCALES), key=len, reverse=True)) + r")"
WORDS_PATTERN = rf"{_WORD}(?:[\s-]+(?:and\s+)?{_WORD})*"
NUMERIC_PATTERN = r"\(?[+-]?£?\d[\d,]*(?:\.\d+)?(?:bn|m|k)?\)?(?:\s?%|\s?per\s?cent)?"
NOT_APPLICABLE = {"n/a", "na", "-", "–", ""}


@dataclass(frozen=True)
class Figure:
    """A number read from text, with what it measured."""

    value: float
    percent: bool = False
    gbp: bool = False


def words_to_number(text: str) -> int | None:
    """'twenty-one' -> 21, 'three hundred and six' -> 306, 'nil/zero' -> 0; None if not all number words."""
    parts = [part for part in re.split(r"[\s/-]+", text.lower().strip()) if part and part != "and"]
    if not parts:
        return None
    total, current = 0, 0
    for part in parts:
        if part in WORD_VALUES:
            current += WORD_VALUES[part]
        elif part in _SCALES:
            scale = _SCALES[part]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
    return total + current


def int_to_words(number: int) -> str:
    """123 -> `one hundred and twenty-three` (British style), for 0 <= number < 1e9."""
    if number < 20:
        return _UNITS[number]
    if number < 100:
        tens, unit = divmod(number, 10)
        return _TENS[tens - 2] + (f"-{_UNITS[unit]}" if unit else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{_UNITS[hundreds]} hundred" + (f" and {int_to_words(rest)}" if rest else "")
    for scale, size in (("million", 1_000_000), ("thousand", 1000)):
        if number >= size:
            head, rest = divmod(number, size)
            tail = "" if not rest else (f" and {int_to_words(rest)}" if rest < 100 else f" {int_to_words(rest)}")
            return f"{int_to_words(head)} {scale}{tail}"
    raise ValueError(number)  # pragma: no cover


def parse_figure(text: str) -> Figure | None:
    """Parse one printed figure ('1,161', '£2.857m', '(£46,288,000)', '57%', 'seven per cent', '+7')."""
    cleaned = text.strip().strip("*").strip()
    lowered = cleaned.lower()
    if lowered in NOT_APPLICABLE:
        return None
    percent = lowered.endswith("%") or bool(re.search(r"per\s?cent$", lowered))
    body = re.sub(r"(%|per\s?cent)$", "", lowered).strip()
    negative = body.startswith("(") and body.endswith(")")
    body = body.strip("()").strip()
    gbp = "£" in body
    body = body.replace("£", "")
    if body.startswith(("-", "+")):
        negative = negative or body.startswith("-")
        body = body[1:]
    match = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)(bn|m|k)?", body)
    if match:
        digits, suffix = match.groups()
        if "," in digits and not re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", digits):
            return None
        value = float(digits.replace(",", "")) * _SUFFIX.get(suffix or "", 1)
    else:
        number = words_to_number(body)
        if number is None:
            return None
        value = float(number)
    value = round(-value if negative else value, 6)
    return Figure(value=value, percent=percent, gbp=gbp)


def as_number(value: float) -> int | float:
    """A whole float as int, so 15.0 counts as the count 15."""
    return int(value) if float(value).is_integer() else value
