"""The broken-file corpus through the CLI: exit 2 with one exact line, or findings and the rest still read."""

from __future__ import annotations

import json

import polars as pl
import pytest
from click.testing import CliRunner

from scrutiny_data import load
from scrutiny_data.cli import main

from .conftest import BASE, CORPUS

REENCODE = "re-save as UTF-8 or declare `encoding` in the descriptor"
M1, M2, M3 = (f"thurrock-childrens-services-osc-{day}" for day in ("2022-02-08", "2022-03-08", "2022-04-12"))

#: CSV files that cannot be read: (corpus file, what follows "<path>" in the error line).
UNREADABLE_CSV = [
    ("empty.csv", ": empty file: expected a header row"),
    ("blank-lines-only.csv", ": empty file: expected a header row"),
    ("windows-1252.csv", f": not UTF-8 (byte 0x96 at line 2); looks like Windows-1252; {REENCODE}"),
    ("utf-16.csv", f": not UTF-8: looks like UTF-16; {REENCODE}"),
    ("excel-workbook.csv", ": not a CSV file: looks like an Excel workbook or other zip file; export it as CSV UTF-8"),
    ("nul-byte.csv", ": not a CSV file: NUL byte at line 2 (binary data)"),
    ("duplicate-header.csv", ", row 1, field 'id': duplicate header: two columns have this name"),
    ("empty-header.csv", ", row 1: header 7 is empty: every column needs a name"),
    ("semicolon-separated.csv", ", row 1: the header has no commas but ';': re-save as comma-separated CSV"),
    ("missing-header-row.csv", ", row 1: missing header row: the first row "
                               "('thurrock-childrens-services-osc-2022-02-08,thurrock-children') "
                               "names none of the `meetings` columns"),
]

#: Descriptors that cannot be read, or that point where no package may read.
UNREADABLE_DESCRIPTOR = [
    ("empty.datapackage.json", "datapackage.json: empty file: expected a JSON data package"),
    ("not-json.datapackage.json", "datapackage.json: not valid JSON: Expecting value at line 1 column 29"),
    ("latin-1.datapackage.json", "datapackage.json: not UTF-8 (byte 0xe9 at offset 13)"),
    ("json-array.datapackage.json", "datapackage.json: not a data package: it has no `resources` list"),
    ("no-resources.datapackage.json", "datapackage.json: not a data package: it has no `resources` list"),
    ("resource-without-path.datapackage.json", "datapackage.json: resource 0 needs a `name` and a `path`"),
    ("duplicate-resource.datapackage.json", "datapackage.json: resource 1: the name 'meetings' is used twice"),
    ("unknown-encoding.datapackage.json", "datapackage.json: resource 'meetings': unknown `encoding` 'klingon-8'"),
    ("absolute-path.datapackage.json",
     "datapackage.json: resource 'meetings': `path` '/etc/passwd' is absolute; paths must be relative to the package"),
    ("windows-drive-path.datapackage.json",
     "datapackage.json: resource 'meetings': `path` 'C:\\\\Windows\\\\win.ini' is absolute; "
     "paths must be relative to the package"),
    ("dotdot-path.datapackage.json",
     "datapackage.json: resource 'meetings': `path` 'data/../../../../etc/passwd' has a `..` segment; "
     "it may not leave the package"),
    ("file-url.datapackage.json",
     "datapackage.json: resource 'meetings': `path` 'file:///etc/passwd' is a URL of a kind that is never fetched"),
    ("remote-path.datapackage.json",
     "datapackage.json: resource 'meetings': `path` 'https://example.invalid/meetings.csv' is remote and is not "
     "fetched; pass --allow-remote to fetch it"),
    ("missing-resource-file.datapackage.json", "data/missing.csv: no such file (resource 'meetings')"),
    ("directory-as-resource.datapackage.json", "data: not a regular file (resource 'meetings')"),
]

#: Readable files with bad rows or cells: (corpus file, read findings as (code, severity, record, field, message end)).
READ_FINDINGS = [
    ("ragged-short-row.csv", [("ragged-row", "error", "row 2", None,
                               "line 3: 3 fields where the header has 10; the row is skipped")]),
    ("ragged-long-row.csv", [("ragged-row", "error", "row 2", None,
                              "line 3: 11 fields where the header has 10; the row is skipped")]),
    ("unbalanced-quote.csv", [("unbalanced-quote", "error", "row 2", None,
                               "line 3: a quote opened here is not closed where the row ends; "
                               "this line is skipped and reading resumes on the next")]),
    ("formula-cells.csv", [
        ("formula-cell", "warning", M1, "venue",
         "line 2: `venue` begins '=HYPERLINK(\"http://example.invalid\",\"cli', which a spreadsheet would run "
         "as a formula; it is kept as data"),
        ("formula-cell", "warning", M2, "venue",
         "line 3: `venue` begins '@SUM(A1:A9)', which a spreadsheet would run as a formula; it is kept as data"),
    ]),
    ("wrong-types.csv", []),
    ("quoted-line-break.csv", []),
    ("bom-crlf.csv", []),
]


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", ["info", "validate"])
@pytest.mark.parametrize(("corpus_file", "message"), UNREADABLE_CSV)
def test_unreadable_csv_exits_2_with_one_line(package, command, corpus_file, message) -> None:
    root = package(meetings=corpus_file)
    code, stdout, stderr = _run(command, str(root))
    assert (code, stdout) == (2, "")
    assert stderr == f"error: {root / 'data' / 'meetings.csv'}{message}\n"


@pytest.mark.parametrize("command", ["info", "validate"])
@pytest.mark.parametrize(("corpus_file", "message"), UNREADABLE_DESCRIPTOR)
def test_unreadable_descriptor_exits_2_with_one_line(package, command, corpus_file, message) -> None:
    root = package(descriptor=corpus_file)
    code, stdout, stderr = _run(command, str(root))
    assert (code, stdout) == (2, "")
    assert stderr == f"error: {root}/{message}\n"


@pytest.mark.parametrize(("corpus_file", "expected"), READ_FINDINGS)
def test_bad_rows_and_cells_become_read_findings(package, corpus_file, expected) -> None:
    dataset = load(package(meetings=corpus_file))
    found = [(f.code, str(f.severity), f.record_id, f.field, f.message) for f in dataset.read_findings]
    assert found == [(code, sev, rec, fld, f"data/meetings.csv {end}") for code, sev, rec, fld, end in expected]
    # The good rows are all still there; only a row that could not be split into fields is left out.
    skipped = {"ragged-short-row.csv": M2, "ragged-long-row.csv": M2, "unbalanced-quote.csv": M2}
    kept = [m for m in (M1, M2, M3) if m != skipped.get(corpus_file)]
    assert dataset.raw["meetings"]["id"].to_list() == kept


def test_formula_cells_are_kept_as_data_and_numbers_are_not_flagged(package) -> None:
    dataset = load(package(meetings="formula-cells.csv"))
    assert dataset.raw["meetings"]["venue"].to_list() == [
        '=HYPERLINK("http://example.invalid","click")', "@SUM(A1:A9)", "-3.5"]
    flagged = {f.record_id for f in dataset.read_findings}
    assert M3 not in flagged  # -3.5 is a number, not a formula
    finding = dataset.read_findings[0]
    shown = ('=HYPERLINK("http://example.invalid","cli', "000", 3)  # the value's first 40 characters
    assert (finding.actual, finding.source_id, finding.source_line) == shown


def test_bom_and_crlf_change_nothing(package) -> None:
    clean = load(BASE)
    crlf = load(package(meetings="bom-crlf.csv"))
    assert crlf.raw["meetings"].equals(clean.raw["meetings"])
    assert crlf["meetings"].equals(clean["meetings"])


def test_quoted_line_break_is_one_cell(package) -> None:
    dataset = load(package(meetings="quoted-line-break.csv"))
    assert dataset.raw["meetings"]["venue"].to_list()[0] == "Committee Room 1,\nCivic Offices"
    assert dataset.raw["meetings"].height == 3


def test_wrong_types_are_null_in_typed_frame_and_kept_raw(package) -> None:
    dataset = load(package(meetings="wrong-types.csv"))
    assert dataset.raw["meetings"]["date"].to_list()[1] == "31/02/2022"
    assert dataset["meetings"]["date"].to_list()[1] is None
    assert dataset["meetings"]["source_line"].to_list() == [3, 4, None]


def test_fifty_megabyte_field_is_a_finding_and_the_rest_is_read(package) -> None:
    text = (BASE / "data" / "meetings.csv").read_text(encoding="utf-8")
    huge = text.replace('"Committee Room 1, Civic Offices",held,000,4', f'"{"x" * 50_000_000}",held,000,4')
    dataset = load(package(meetings=huge.encode("utf-8")))
    assert dataset.raw["meetings"]["id"].to_list() == [M1, M2, M3]
    assert [(f.code, str(f.severity), f.record_id, f.field) for f in dataset.read_findings] == [
        ("oversized-cell", "error", M2, "venue")]
    assert "holds 50000000 characters; spreadsheets keep only 32767" in dataset.read_findings[0].message


def test_declared_encoding_is_decoded(package) -> None:
    root = package(meetings="windows-1252.csv")
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][2]["encoding"] = "windows-1252"
    (root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    venue = load(root).raw["meetings"]["venue"].to_list()
    assert venue == ["Committee Room 1, Civic Offices – Grays £"]


@pytest.mark.parametrize("corpus_file", [name for name, _ in READ_FINDINGS])
def test_validate_reports_read_findings_with_exit_code(package, corpus_file) -> None:
    root = package(meetings=corpus_file)
    code, stdout, _ = _run("validate", str(root), "--format", "json")
    report = json.loads(stdout)
    read_codes = {"ragged-row", "unbalanced-quote", "formula-cell", "oversized-cell"}
    expected = dict(READ_FINDINGS)[corpus_file]
    found = [(f["code"], f["record_id"], f["field"]) for f in report["findings"] if f["code"] in read_codes]
    assert sorted(found, key=str) == sorted([(c, r, f) for c, _, r, f, _ in expected], key=str)
    has_errors = any(f["severity"] == "error" and not f["waived"] for f in report["findings"])
    assert code == (1 if has_errors else 0)
    # The base package is clean, so only the broken rows and cells decide the exit code; formula cells warn.
    failing = {"ragged-short-row.csv", "ragged-long-row.csv", "unbalanced-quote.csv", "wrong-types.csv"}
    assert code == (1 if corpus_file in failing else 0)


def test_base_package_is_clean() -> None:
    code, stdout, _ = _run("validate", str(BASE), "--format", "json")
    assert (code, json.loads(stdout)["summary"]["errors"]) == (0, 0)


def test_wrong_types_are_reported_by_the_validator(package) -> None:
    report = json.loads(_run("validate", str(package(meetings="wrong-types.csv")), "--format", "json")[1])
    errors = {(f["record_id"], f["field"]) for f in report["findings"] if f["severity"] == "error"}
    assert {(M2, "date"), (M3, "source_line")} <= errors


def test_validate_of_bom_crlf_matches_the_clean_package(package) -> None:
    clean = json.loads(_run("validate", str(BASE), "--format", "json")[1])
    crlf = json.loads(_run("validate", str(package(meetings="bom-crlf.csv")), "--format", "json")[1])
    assert crlf["findings"] == clean["findings"]


def test_every_corpus_file_is_described_in_the_readme() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    files = [p.name for folder in ("csv", "descriptor") for p in sorted((CORPUS / folder).iterdir())]
    assert [name for name in files if f"`{name}`" not in readme] == []
    covered = {name for name, _ in UNREADABLE_CSV + UNREADABLE_DESCRIPTOR + READ_FINDINGS}
    assert set(files) == covered


def test_frames_hold_strings_whatever_the_path(package) -> None:
    for corpus_file in ("ragged-short-row.csv", "bom-crlf.csv"):
        frame = load(package(meetings=corpus_file)).raw["meetings"]
        assert set(frame.schema.values()) == {pl.String}
