"""Dates as printed, due dates, tense and year inference."""

import datetime as dt
from pathlib import Path

from scrutiny_data.extract.document import Document
from scrutiny_data.extract.figures.dates import (
    find_dates,
    parse_due,
    stated_period,
    to_date,
)
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


def test_stated_period():
    assert stated_period("sentenced to custody between April 2017 and December 2022 were") == \
        (dt.date(2017, 4, 1), dt.date(2022, 12, 31))
    assert stated_period("met. Between January 2022 and December 2023, 27 young people") == \
        (dt.date(2022, 1, 1), dt.date(2023, 12, 31))
    assert stated_period("In 2021/2022, 24 children (41 per cent) given") == (dt.date(2021, 4, 1), dt.date(2022, 3, 31))
    assert stated_period("At the end of the academic year 21/22, there was 292 pupils") == \
        (dt.date(2021, 9, 1), dt.date(2022, 8, 31))
    assert stated_period("demonstrates that in 2020 86% of new EHC plans") == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert stated_period("As of quarter three in 2021/2022, only three of the 17") is None  # a point, not a year
    assert stated_period("In 2021/2023 something") is None  # not one financial year


def test_prose_kpis_words_between_rate_and_fraction_and_count_with_rate():
    doc = Document("999", Path("x.txt"), "0" * 64, (
        ("It found that seven per cent of children (18 of 24) who were sentenced to custody between April 2017 and "
        "December 2022 were seen. In 2021/2022, 24 children (41 per cent) given disposals."),
        "only three of the 17 children (18 per cent) on a disposal"))
    rows = [(r["id"], r["value"], r["numerator"], r["denominator"], r["stated"], r["period_start"], r["period_end"])
            for r in prose_kpis(doc)]
    assert rows == [
        ("k-999-prose-1-18-of-24", 7, 18, 24, "seven per cent", dt.date(2017, 4, 1), dt.date(2022, 12, 31)),
        ("k-999-prose-1-24-at-41-per-cent", 41, 24, None, "24 children (41 per cent)",
         dt.date(2021, 4, 1), dt.date(2022, 3, 31)),
        # "17 children (18 per cent)" is inside the fuller "three of the 17 children (18 per cent)": one row only.
        ("k-999-prose-2-three-of-17", 18, 3, 17, "three of the 17 children (18 per cent)", None, None),
    ]
