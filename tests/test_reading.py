"""The loader's fast paths: one polars read when the file is regular, the careful path otherwise."""

from __future__ import annotations

import re

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrutiny_data import ScrutinyDataError
from scrutiny_data.cells import SPREADSHEET_CELL_LIMIT, cell_problems
from scrutiny_data.encoding import decode, utf8_bytes
from scrutiny_data.reading import _careful, _empty_is_null, _plain_read, byte_positions, parse_csv


@pytest.mark.parametrize("text", [
    "a,b,c\n1,2,3\n4,5,6\n",          # plain
    "a,b,c\r\n1,2,3\r\n4,5,6\r\n",    # CRLF line ends
    'a,b,c\n1,"2,x",3\n4,5,6\n',      # quoted
    "a,b,c\n1,2,3\n4,5,6",            # no final newline
])
def test_regular_files_read_in_one_go(text) -> None:
    read = parse_csv(text, "x.csv", "extras")
    assert read.problems == []
    assert read.lines.to_list() == [2, 3]
    assert read.frame.height == 2


@pytest.mark.parametrize(("text", "problem_line"), [
    ("a,b,c\n1,2,3\n,,,\n", 3),        # extra empty fields
    ("a,b,c\n1,2\n4,5,6\n", 2),        # a short row polars would pad
    ("a,b,c\n1,2,3,4\n4,5\n", 2),      # one long, one short: the same number of commas in all
])
def test_ragged_rows_without_quotes_are_found(text, problem_line) -> None:
    read = parse_csv(text, "x.csv", "extras")
    assert [(code, line) for code, _, line, _ in read.problems][0] == ("ragged-row", problem_line)


@pytest.mark.parametrize("text", [
    "a,b\n1,2\n",
    "a,b\r\n1,2\r\n",
    'a,b\n"1,x",2\n"y","z"',
    "a,b\n,\n",                        # a row of empty cells is a row
    'a,b\nx,""\n',                     # quoted empty
    'a,b\n"p""q",""""\n',              # escaped quotes
    "a\n1\n 2\n",
    "a,b\n",                           # a header alone
    "a,b",
])
def test_plain_files_take_the_one_read(text) -> None:
    data = text.encode("utf-8")
    assert _plain_read(data, data.split(b"\n")[0].decode().rstrip("\r").replace('"', "").split(",")) is not None


@pytest.mark.parametrize("text", [
    "a,b\n1\n3,4\n",                   # short row: polars pads it
    "a,b\n1,2\n\n3,4\n",               # blank line
    "a,b\n1,2\n3,4\n\n",               # blank last line
    "a\n1\n\n2\n",                     # blank line in one column: no padding to see
    "a\n1\n\r\n2\n",                  # ...ended CRLF
    'a,b\nx,"p\nq"\n',                 # quoted line break: the careful path numbers the lines
    'a,b,c\nx,"p\nq",y\n',             # ...even where a split at the break would give two rows of two
    'a,b\nx,""p\n',                    # text after a quoted empty
    'a,b\nx,"p"""q\n',                 # ...after an escaped quote and the closing one
    'a,b\nx,p"q"\n',                   # quote inside a field
    'a,b\nx,"p"q\n',                   # text after the closing quote
    'a,b\nx, "p"\n',                   # space before the opening quote
    'a,b\nx,"p\n',                     # unbalanced
    "a,b\n1,2\r3,4\n",                 # lone carriage return
    "a,b\n1,2,3\n",                    # long row
])
def test_irregular_files_are_left_to_the_checked_paths(text) -> None:
    data = text.encode("utf-8")
    header = data.split(b"\n")[0].decode().split(",")
    assert _plain_read(data, header) is None


def test_bytes_and_text_read_alike() -> None:
    text = 'a,b\n1,"x\ny"\n\n2,z\n'
    assert parse_csv(text.encode("utf-8"), "x.csv", "extras").frame.rows() == \
        parse_csv(text, "x.csv", "extras").frame.rows() == [("1", "x\ny"), ("2", "z")]


#: Mostly well-formed fields (plain, or quoted around a comma), now and then one that may break a reader.
GOOD_FIELDS = st.one_of(st.text(st.sampled_from(list("ab1 é")), max_size=3),
                        st.text(st.sampled_from(list("a, é")), min_size=1, max_size=3).map(lambda text: f'"{text}"'))
ODD_FIELDS = st.one_of(st.text(st.sampled_from(list('a, "\n\r')), max_size=3).map(lambda text: f'"{text}"'),
                       st.text(st.sampled_from(list(',"\r\n ab')), max_size=3))
FIELDS = st.integers(0, 7).flatmap(lambda pick: ODD_FIELDS if pick == 0 else GOOD_FIELDS)


@st.composite
def csv_texts(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A header of one to three columns and lines mostly of that many fields."""
    header = list("abc"[:draw(st.integers(1, 3))])
    line = st.one_of(st.lists(FIELDS, min_size=len(header), max_size=len(header)), st.lists(FIELDS, max_size=4))
    lines = draw(st.lists(line.map(",".join), max_size=8))
    return "\n".join([",".join(header), *lines]) + draw(st.sampled_from(["", "\n", "\r\n"])), header


@settings(max_examples=400, deadline=None)
@given(csv_texts())
def test_the_one_read_agrees_with_the_careful_path(text_and_header) -> None:
    text, header = text_and_header
    frame = _plain_read(text.encode("utf-8"), header)
    if frame is not None:
        careful = _careful(text, header)
        assert careful.problems == []
        assert careful.lines.to_list() == list(range(2, frame.height + 2))
        assert frame.equals(_empty_is_null(careful.frame))


def test_cell_scan_copes_with_columns_named_like_its_own() -> None:
    frame = pl.DataFrame({"row": ["=a", "b", "c"], "value": ["x", "@b", "d"], "n": [1, 2, 3]})
    assert cell_problems(frame).select("row", "field", "code").rows() == [
        (0, "row", "formula-cell"), (1, "value", "formula-cell")]


def _cell_problems_one_by_one(frame: pl.DataFrame) -> list[tuple[int, str, str]]:
    found = []
    for name in frame.columns:
        for row, value in enumerate(frame[name]):
            if value is None:
                continue
            if len(value) > SPREADSHEET_CELL_LIMIT:
                found.append((row, name, "oversized-cell"))
            elif (re.match(r"[=+\-@]", value) and not re.fullmatch(r"[+-]\s?[0-9][0-9\s,.()]*%?", value)
                  and len(value) > 1):
                found.append((row, name, "formula-cell"))
    return found


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), st.text(st.sampled_from(list("=+-@ 0a.,%Zé\u00a0")), max_size=5)),
                         min_size=3, max_size=3), max_size=6))
def test_cell_scan_skips_no_column_it_should_look_at(rows) -> None:
    frame = pl.DataFrame(rows, schema=["x", "y", "z"], orient="row")
    assert cell_problems(frame).select("row", "field", "code").rows() == _cell_problems_one_by_one(frame)


def test_a_long_cell_is_found_in_a_column_of_plain_words() -> None:
    frame = pl.DataFrame({"x": ["b", "y" * (SPREADSHEET_CELL_LIMIT + 1)], "y": ["c", "d"]})
    assert cell_problems(frame).select("row", "field", "code").rows() == [(1, "x", "oversized-cell")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([b"a", b",", b"\n", b"\xc3\xa9", b"\xe2\x80\x93", b"\xef\xbb\xbf", b"\xed\xa0\x80",
                                 b"\xc0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\xff", b"\xf0\x9f\x98\x80"]),
                max_size=8).map(b"".join))
def test_utf8_bytes_match_decoding_and_encoding_again(data) -> None:
    try:
        expected: bytes | str = decode(data, "x.csv").encode("utf-8")
    except ScrutinyDataError as exc:
        expected = str(exc)
    try:
        found: bytes | str = utf8_bytes(data, "x.csv")
    except ScrutinyDataError as exc:
        found = str(exc)
    assert found == expected


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64).map(lambda data: data.replace(b"x", b"\n")), st.integers(1, 9),
       st.sampled_from(b'\n",x'))
def test_byte_positions_found_a_chunk_at_a_time_are_every_one(data, chunk, byte) -> None:
    body = np.frombuffer(data, dtype=np.uint8)
    found = byte_positions(body, byte, chunk)
    assert found.dtype == np.intp
    assert found.tolist() == np.flatnonzero(body == byte).tolist()
