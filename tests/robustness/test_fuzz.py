"""Hypothesis fuzzing of the CSV and descriptor loaders: only a clean error or a Dataset ever comes out."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutiny_data import Dataset, ScrutinyDataError, load
from scrutiny_data.reading import parse_csv

from .conftest import BASE

#: Modest by default so the suite stays fast; FUZZ_EXAMPLES=1000 for a longer hunt.
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
MEETINGS_CSV = (BASE / "data" / "meetings.csv").read_bytes()
DESCRIPTOR = (BASE / "datapackage.json").read_bytes()
#: Characters that matter to a CSV reader or a spreadsheet, and a few that do not.
CSV_CHARS = st.sampled_from(list(',"\n\r\t =+-@;ab1é£\ufeff'))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


def _load_package(meetings: bytes = MEETINGS_CSV, descriptor: bytes = DESCRIPTOR) -> Dataset | ScrutinyDataError:
    """Load the base package with one file replaced; return the Dataset or the clean error."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "pkg"
        shutil.copytree(BASE, root)
        (root / "data" / "meetings.csv").write_bytes(meetings)
        (root / "datapackage.json").write_bytes(descriptor)
        try:
            dataset = load(root)
        except ScrutinyDataError as exc:
            assert "\n" not in str(exc)
            return exc
    _check(dataset)
    return dataset


def _check(dataset: Dataset) -> None:
    for frame in dataset.raw.values():
        assert all(dtype == pl.String for dtype in frame.schema.values())
    for finding in dataset.read_findings:
        assert finding.resource in dataset.raw and "line " in finding.message


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for position, kind, payload in edits:
        at = position % (len(data) + 1)
        if kind == 0:
            data = data[:at] + payload + data[at:]
        elif kind == 1:
            data = data[:at] + data[at + len(payload) + 1:]
        elif kind == 2:
            data = data[:at]
        else:
            data = data[:at] + bytes([b ^ 0x80 for b in data[at:at + 2]]) + data[at + 2:]
    return data


EDITS = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 3),
                           st.sampled_from([b",", b'"', b"\n", b"\r\n", b"\x00", b"\xff", b"\xef\xbb\xbf", b"=",
                                            b"..", b"/", b"}", b"[", b"'", b"\\"])), max_size=6)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_as_csv(data) -> None:
    _load_package(meetings=MEETINGS_CSV.split(b"\n")[0] + b"\n" + data)
    _load_package(meetings=data)


@FUZZ
@given(st.text(CSV_CHARS, max_size=300))
def test_csv_shaped_text(text) -> None:
    _load_package(meetings=MEETINGS_CSV + text.encode("utf-8"))


@FUZZ
@given(EDITS)
def test_mutated_csv(edits) -> None:
    _load_package(meetings=_mutate(MEETINGS_CSV, edits))


@FUZZ
@given(EDITS)
def test_mutated_descriptor(edits) -> None:
    _load_package(descriptor=_mutate(DESCRIPTOR, edits))


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_as_descriptor(data) -> None:
    assert isinstance(_load_package(descriptor=data), ScrutinyDataError)


@FUZZ
@given(JSON_VALUES, st.integers(0, 2))
def test_random_json_in_the_descriptor(value, where) -> None:
    descriptor = json.loads(DESCRIPTOR)
    if where == 0:
        descriptor = value
    elif where == 1:
        descriptor["resources"] = value
    else:
        descriptor["resources"][2] = value
    _load_package(descriptor=json.dumps(descriptor).encode("utf-8"))


@FUZZ
@given(st.lists(st.tuples(*[st.text(st.sampled_from(list(',"\n =+-@ab1£')), max_size=8)] * 3), max_size=12))
def test_what_polars_writes_reads_back_unchanged(rows) -> None:
    frame = pl.DataFrame(rows, schema=["a", "b", "c"], orient="row").cast(pl.String)
    text = frame.write_csv()
    read = parse_csv(text, Path("x.csv"), "extras")
    expected = frame.with_columns(pl.all().replace("", None))
    assert read.problems == []
    assert read.frame.with_columns(pl.all().replace("", None)).equals(expected)
    assert read.lines.len() == frame.height
