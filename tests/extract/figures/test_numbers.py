"""Number parsing: words, separators, pounds, percentages; round trips."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrutiny_data.extract.figures.numbers import Figure, int_to_words, parse_figure, words_to_number


def test_printed_forms():
    assert parse_figure("1,161") == Figure(1161.0)
    assert parse_figure("£2.857m") == Figure(2_857_000.0, gbp=True)
    assert parse_figure("(£46,288,000)") == Figure(-46_288_000.0, gbp=True)
    assert parse_figure("57%") == Figure(57.0, percent=True)
    assert parse_figure("seven per cent") == Figure(7.0, percent=True)
    assert parse_figure("+7") == Figure(7.0)
    assert parse_figure("-32") == Figure(-32.0)
    assert parse_figure("N/A") is None
    assert parse_figure("1,16") is None


def test_words():
    assert words_to_number("nil/zero") == 0
    assert words_to_number("twenty-one") == 21
    assert words_to_number("three hundred and six") == 306
    assert words_to_number("several") is None


@given(st.integers(min_value=0, max_value=999))
def test_words_round_trip(value):
    assert parse_figure(int_to_words(value)) == Figure(float(value))


@given(st.integers(min_value=0, max_value=10**9))
def test_thousands_separator_round_trip(value):
    assert parse_figure(f"{value:,}") == Figure(float(value))


@given(st.integers(min_value=0, max_value=99_999))
def test_pounds_millions_round_trip(thousands):
    printed = f"£{thousands / 1000:.3f}m"
    assert parse_figure(printed) == Figure(thousands * 1000.0, gbp=True)


@given(st.integers(min_value=0, max_value=100))
def test_percent_round_trip(value):
    assert parse_figure(f"{value}%") == Figure(float(value), percent=True)


@given(st.integers(0, 999_999_999))
def test_number_words_round_trip(number: int) -> None:
    assert words_to_number(int_to_words(number)) == number


@pytest.mark.parametrize(("words", "number"), [
    ("eighteen", 18), ("twenty-four", 24), ("one hundred and forty", 140), ("seven", 7),
    ("two thousand and five", 2005), ("eleven hundred", 1100), ("many", None), ("", None),
])
def test_words_to_number(words: str, number: int | None) -> None:
    assert words_to_number(words) == number
