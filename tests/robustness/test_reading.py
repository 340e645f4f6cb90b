"""The defensive CSV reader: encodings, headers, the two parsing paths, and cell checks."""

from __future__ import annotations

import polars as pl
import pytest

from scrutiny_data import ScrutinyDataError
from scrutiny_data.cells import cell_problems
from scrutiny_data.encoding import decode
from scrutiny_data.reading import parse_csv


@pytest.mark.parametrize(("data", "encoding", "text"), [
    (b"\xef\xbb\xbfa,b\n", None, "a,b\n"),
    ("a,£\n".encode("cp1252"), "cp1252", "a,£\n"),
    ("\ufeffa,é\n".encode("utf-16"), "utf-16", "a,é\n"),
    (b"a,b\n", "UTF-8", "a,b\n"),
])
def test_decode(data, encoding, text) -> None:
    assert decode(data, "x.csv", encoding) == text


@pytest.mark.parametrize(("data", "message"), [
    (b"a,b\n\x81\x8d\n",
     "x.csv: not UTF-8 (byte 0x81 at line 2); re-save as UTF-8 or declare `encoding` in the descriptor"),
    (b"%PDF-1.7", "x.csv: not a CSV file: looks like a PDF; extract its tables first"),
])
def test_decode_refuses(data, message) -> None:
    with pytest.raises(ScrutinyDataError) as info:
        decode(data, "x.csv")
    assert str(info.value) == message


def test_a_file_polars_would_misread_takes_the_careful_path() -> None:
    # A short row: polars would pad it with nulls silently.
    read = parse_csv("a,b,c\n1,2,3\n4,5\n6,7,8\n", "x.csv", "extras")
    assert read.frame.rows() == [("1", "2", "3"), ("6", "7", "8")]
    assert read.lines.to_list() == [2, 4]
    assert [(code, row, line) for code, row, line, _ in read.problems] == [("ragged-row", 2, 3)]


def test_blank_lines_and_quoted_breaks_keep_line_numbers() -> None:
    read = parse_csv('a,b\n1,"x\ny"\n\n2,z\n', "x.csv", "extras")
    assert read.frame.rows() == [("1", "x\ny"), ("2", "z")]
    assert read.lines.to_list() == [2, 5]
    assert read.problems == []


def test_empty_and_quoted_empty_are_both_missing() -> None:
    fast = parse_csv('a,b\n"",x\n,y\n', "x.csv", "extras").frame
    careful = parse_csv('a,b\n"",x\n,y\n\n', "x.csv", "extras").frame
    assert fast.rows() == careful.rows() == [(None, "x"), (None, "y")]


def test_first_line_blank_is_no_header() -> None:
    with pytest.raises(ScrutinyDataError, match="x.csv, row 1: the first line is blank"):
        parse_csv("\na,b\n", "x.csv", "extras")


def test_cell_problems_flag_formulas_not_numbers() -> None:
    frame = pl.DataFrame({"v": ["=1+2", "+44 1375 652652", "-3.5", "-12%", "-", "@A1", "-cmd|' /C calc'!A0",
                                "plain", None, "x" * 32_768]})
    found = cell_problems(frame).select("row", "code").rows()
    assert found == [(0, "formula-cell"), (5, "formula-cell"), (6, "formula-cell"), (9, "oversized-cell")]
