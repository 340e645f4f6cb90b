"""The loader's fast path: one polars read when the file is regular, the careful path otherwise."""

from __future__ import annotations

import polars as pl
import pytest

from scrutiny_data.reading import cell_problems, parse_csv


@pytest.mark.parametrize("text", [
    "a,b,c\n1,2,3\n4,5,6\n",          # plain: checked after polars reads it
    "a,b,c\r\n1,2,3\r\n4,5,6\r\n",    # CRLF line ends
    'a,b,c\n1,"2,x",3\n4,5,6\n',      # quoted: checked before
    "a,b,c\n1,2,3\n4,5,6",            # no final newline
])
def test_regular_files_read_in_one_go(text) -> None:
    read = parse_csv(text, "x.csv", "extras")
    assert read.problems == []
    assert read.lines.to_list() == [2, 3]
    assert read.frame.height == 2


@pytest.mark.parametrize(("text", "problem_line"), [
    ("a,b,c\n1,2,3\n,,,\n", 3),        # extra empty fields polars would drop silently
    ("a,b,c\n1,2\n4,5,6\n", 2),        # a short row polars would pad
    ("a,b,c\n1,2,3,4\n4,5\n", 2),      # one long, one short: the same number of commas in all
])
def test_ragged_rows_without_quotes_are_found(text, problem_line) -> None:
    read = parse_csv(text, "x.csv", "extras")
    assert [(code, line) for code, _, line, _ in read.problems][0] == ("ragged-row", problem_line)


def test_bytes_and_text_read_alike() -> None:
    text = 'a,b\n1,"x\ny"\n\n2,z\n'
    assert parse_csv(text.encode("utf-8"), "x.csv", "extras").frame.rows() == \
        parse_csv(text, "x.csv", "extras").frame.rows() == [("1", "x\ny"), ("2", "z")]


def test_cell_scan_copes_with_columns_named_like_its_own() -> None:
    frame = pl.DataFrame({"row": ["=a", "b", "c"], "value": ["x", "@b", "d"], "n": [1, 2, 3]})
    assert cell_problems(frame).select("row", "field", "code").rows() == [
        (0, "row", "formula-cell"), (1, "value", "formula-cell")]
