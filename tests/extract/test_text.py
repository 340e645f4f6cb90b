"""Text helpers: times, dates, slugs, wrapped lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrutiny_data.extract.document import Document
from scrutiny_data.extract.text import (
    clean, find_dates, find_time, format_time, join_lines, municipal_year, paragraphs, parse_date,
    parse_time, slugify,
)


@pytest.mark.parametrize(("printed", "clock"), [
    ("7.04pm", "19:04"), ("7.00 pm", "19:00"), ("19.27", "19:27"), ("6pm", "18:00"), ("12.15am", "00:15"),
    ("12.30 pm", "12:30"), ("9:38 p.m.", "21:38"), ("7", None), ("25.00", None), ("13pm", None),
])
def test_parse_time(printed: str, clock: str | None) -> None:
    assert parse_time(printed) == clock


def test_find_time_skips_bare_numbers() -> None:
    assert find_time("arrived 7.12pm") == "19:12"
    assert find_time("on 8 February at 19.45") == "19:45"
    assert find_time("item 46 of 2022") is None


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(["pm", " pm", "24"]))
def test_time_round_trip(hour: int, minute: int, style: str) -> None:
    clock = f"{hour:02d}:{minute:02d}"
    assert parse_time(format_time(clock, style)) == clock


def test_find_dates_keeps_the_printed_form() -> None:
    found = find_dates("held on the 20 December 2016, and Tuesday, 8th February, 2022 and 31 February 2022")
    assert [(d.date, d.stated) for d in found] == [
        (dt.date(2016, 12, 20), "20 December 2016"),
        (dt.date(2022, 2, 8), "Tuesday, 8th February, 2022"),
    ]
    assert parse_date("no date here") is None


@pytest.mark.parametrize(("day", "year"), [
    (dt.date(2021, 7, 13), "2021/22"), (dt.date(2022, 2, 8), "2021/22"), (dt.date(2022, 4, 30), "2021/22"),
    (dt.date(2022, 5, 1), "2022/23"), (dt.date(1999, 6, 1), "1999/00"),
])
def test_municipal_year(day: dt.date, year: str) -> None:
    assert municipal_year(day) == year


def test_clean_and_slugify() -> None:
    assert clean("  **Agenda**\tpublished  <i>on</i> (*arrived 7.12pm*) ") == "Agenda published on (arrived 7.12pm)"
    assert slugify("Children’s O&S — Bukky  Okunade") == "childrens-o-s-bukky-okunade"


def test_join_lines_remembers_each_line() -> None:
    joined = join_lines([(10, "Councillors Sara Muldowney (Chair), "), (11, "Abbie Akinbohun and "), (12, "James Thandi")])
    assert joined.text == "Councillors Sara Muldowney (Chair), Abbie Akinbohun and James Thandi"
    assert joined.line_at(joined.text.index("Abbie")) == 11
    assert joined.line_at(joined.text.index("James")) == 12
    assert joined.first_line == 10


def test_paragraphs_split_on_blank_lines() -> None:
    doc = Document("x", Path("x.txt"), "0" * 64, ("a", "b", " ", "c", "", "", "d"))
    assert [(p.text, p.line_numbers) for p in paragraphs(doc)] == [("a b", (1, 2)), ("c", (4,)), ("d", (7,))]
