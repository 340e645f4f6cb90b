"""Dates as printed, due dates, tense and year inference."""

import datetime as dt
from pathlib import Path

from scrutiny_data.extract.document import Document
from scrutiny_data.extract.figures.dates import find_dates, parse_due, to_date
from scrutiny_data.extract.figures.prose import events, prose_kpis, tense_of


def test_find_dates_keeps_weekday_and_precision():
    (found,) = find_dates("The walk took place on Wednesday 25th July at Grangewaters")
    assert (found.stated, found.weekday, found.year, found.month, found.day) == \
        ("Wednesday 25th July", "Wednesday", None, 7, 25)
    assert to_date(found, 2022) == dt.date(2022, 7, 25)
    assert [d.stated for d in find_dates("in October 2021 and on 1 February 2017")] == ["October 2021", "1 February 2017"]
    assert find_dates("you may attend") == []


def test_parse_due():
    assert parse_due("Oct 2109") == dt.date(2109, 10, 1)
    assert parse_due("28.4.17") == dt.date(2017, 4, 28)
    assert parse_due("Implement within 1 month") is None


def test_tense():
    assert tense_of("The walk took place on 25th July") == "past"
    assert tense_of("The report will be published by 31st May 2023") == "future"


def test_events_infer_year_from_paper_date():
    doc = Document("999", Path("x.txt"), "0" * 64, (
        "13 September 2022 ITEM: 7", "", "The walk took place on Wednesday 25th July at the centre."))
    (event,) = events(doc)
    assert (event["date"], event["date_stated"], event["tense"], event["source_line"]) == \
        (dt.date(2022, 7, 25), "Wednesday 25th July", "past", 3)


def test_prose_kpis_both_orders():
    doc = Document("999", Path("x.txt"), "0" * 64, (
        "Of those, 35 of 292 (11%) were seen.", "It was seven per cent (18 of 24) last year."))
    rows = [(r["source_line"], r["value"], r["numerator"], r["denominator"], r["stated"]) for r in prose_kpis(doc)]
    assert rows == [(1, 11, 35, 292, "35 of 292 (11%)"), (2, 7, 18, 24, "seven per cent (18 of 24)")]
