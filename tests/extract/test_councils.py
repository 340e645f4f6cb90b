"""Minutes of any council through `extract`: six PDF layouts, a ModernGov page and a text paper, checked
against what they state."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from click.testing import CliRunner

from scrutiny_data.cli import main
from scrutiny_data.dataset import Dataset, load
from scrutiny_data.extract import extract
from scrutiny_data.extract.council_rows import PeopleIndex, committee_type, council_rows
from scrutiny_data.extract.councils import find_heading, parse_minutes
from scrutiny_data.extract.document import Document
from scrutiny_data.extract.inputs import Notice, read_document
from scrutiny_data.extract.pipeline import assemble
from scrutiny_data.models import RESOURCES

from .fixtures import pages, pdfs

#: Per fixture: builder, committee id, meeting date, council, committee name,
#: attendance {person: (status, role_at_meeting, substitute_for, arrived_at, left_at, page)},
#: declarations [(person, item, kind)], resolutions [(minute, seq, outcome, votes, page, text start)].
EXPECTED = {
    "westshire": (pdfs.westshire, "westshire-audit-and-governance-committee", "2024-03-12",
                  "Westshire County Council", "Audit and Governance Committee", {
                      "alan-smith": ("present", "Chair", None, None, None, 1),
                      "beth-jones": ("present", "Vice-Chair", None, None, None, 1),
                      "chandra-patel": ("present", None, None, None, None, 1),
                      "david-evans": ("present", None, None, None, None, 1),
                      "erin-fox": ("present", None, None, None, None, 1),
                      "gwen-green": ("apologies", None, None, None, None, 1),
                      "harry-hill": ("in_attendance", "Cabinet Member for Finance", None, None, None, 1),
                      "jane-roe": ("in_attendance", "Director of Finance", None, None, None, 1),
                      "sam-lee": ("in_attendance", "Democratic Services Officer", None, None, None, 1),
                  }, [("chandra-patel", "45", "non_pecuniary")], [
                      ("44", 1, "resolved", (None, None, None), 1, "That the minutes of the meeting held on 12"),
                      ("45", 1, "resolved", (None, None, None), 2, "approves the Internal Audit Plan"),
                      ("45", 2, "resolved", (4, 1, None), 2, "asks for a progress report"),
                  ]),
    "eastham": (pdfs.eastham, "eastham-children-and-young-people-scrutiny-panel", "2024-02-08",
                "Eastham Borough Council", "Children and Young People Scrutiny Panel", {
                    "ann-baker": ("present", "Chair", None, None, None, 1),
                    "ben-carter": ("present", None, None, None, None, 1),
                    "dan-oneill": ("present", None, None, "19:15", None, 1),
                    "priya-shah": ("present", "Vice-Chair", None, None, None, 1),
                    "tom-wood": ("present", "Substitute", "ruth-moss", None, None, 1),
                    "ruth-moss": ("apologies", None, None, None, None, 1),
                    "carol-brown": ("in_attendance", "Head of Education", None, None, None, 1),
                    "raj-gill": ("in_attendance", "Youth Council", None, None, None, 1),
                }, [("ben-carter", "14", "pecuniary")], [
                    ("13", 1, "resolved", (None, None, None), 1, "That the report be noted."),
                    ("14", 1, "resolved", (4, 1, 0), 1, "That the Panel recommends"),
                ]),
    "northbury": (pdfs.northbury, "northbury-corporate-scrutiny-committee", "2023-12-04",
                  "Northbury City Council", "Corporate Scrutiny Committee", {
                      "alexandra-montgomery-smith": ("present", "Chair", None, None, None, 1),
                      "kevin-price": ("present", None, None, None, None, 1),
                      "lena-ortiz": ("present", None, None, None, None, 1),
                      "mark-quill": ("present", "Vice-Chair", None, None, None, 1),
                      "peter-quinn": ("present", "co-opted member", None, None, None, 1),
                      "susan-reid": ("present", "co-opted member", None, None, None, 1),
                  }, [("kevin-price", "CS/23/15", "other")], [
                      ("CS/23/14", 1, "agreed", (None, None, None), 2, "That the work programme be updated"),
                      ("CS/23/15", 1, "resolved", (None, None, None), 2, "That the review's findings"),
                      ("CS/23/15", 2, "resolved", (None, None, None), 2, "That officers report back"),
                  ]),
    "southmoor": (pdfs.southmoor, "southmoor-planning-committee", "2024-01-15",
                  "Southmoor District Council", "Planning Committee", {
                      "lucy-hart": ("present", "Chair", None, None, None, 1),
                      "omar-khan": ("present", "Vice-Chair", None, None, None, 1),
                      "nina-patel": ("present", None, None, None, None, 1),
                      "owen-reed": ("present", None, None, None, "20:40", 1),
                      "sara-lowe": ("present", "Substitute", "paul-ives", None, None, 1),
                      "paul-ives": ("apologies", None, None, None, None, 1),
                  }, [("lucy-hart", "4", "pecuniary")], [
                      ("3", 1, "resolved", (None, None, None), 1, "that the minutes of the meeting held on 11"),
                      ("4", 1, "resolved", (3, 1, 1), 1, "That planning permission be granted"),
                  ]),
    "kingsford": (pdfs.kingsford, "kingsford-health-and-wellbeing-board", "2024-01-17",
                  "Royal Borough of Kingsford", "Health and Wellbeing Board", {
                      "maya-singh": ("present", "Chair", None, None, None, 1),
                      "noel-ward": ("present", None, None, None, None, 1),
                      "alan-wright": ("present", "NHS Kingsford", None, None, None, 1),
                      "helen-park": ("present", "Healthwatch Kingsford", None, None, None, 1),
                      "fiona-grant": ("in_attendance", "Director of Public Health", None, None, None, 1),
                      "ian-bell": ("in_attendance", "Policy Officer", None, None, None, 1),
                  }, [], [
                      ("8", 1, "agreed", (None, None, None), 1, "to adopt the refreshed strategy;"),
                      ("8", 2, "agreed", (None, None, None), 1, "to review progress in January 2025."),
                  ]),
    "riverton": (pdfs.riverton, "riverton-town-finance-committee", "2023-06-05",
                 "Riverton Town Council", "Finance Committee", {
                     "grace-ellis": ("present", "Chair", None, None, None, 1),
                     "henry-ford": ("present", None, None, "19:40", None, 1),
                     "iris-gale": ("present", None, None, None, None, 1),
                     "john-hale": ("apologies", None, None, None, None, 1),
                     "tom-fisher": ("in_attendance", "Town Clerk", None, None, None, 1),
                 }, [("iris-gale", "9", "non_pecuniary")], [
                     ("8", 1, "resolved", (3, 0, 0), 1, "That the accounts be approved."),
                     ("9", 1, "resolved", (None, None, None), 2, "That allotment rents rise by 5%"),
                 ]),
    "moderngov": (pages.moderngov_page, "westshire-licensing-committee", "2024-03-06",
                  "Westshire County Council", "Licensing Committee", {
                      "wendy-adams": ("present", "Chair", None, None, None, None),
                      "victor-bloom": ("present", None, None, None, None, None),
                      "uma-chen": ("present", None, None, None, "11:20", None),
                      "tariq-dean": ("apologies", None, None, None, None, None),
                      "rosa-evans": ("in_attendance", "Licensing Manager", None, None, None, None),
                      "paul-fry": ("in_attendance", "Solicitor", None, None, None, None),
                  }, [("victor-bloom", "19", "non_pecuniary")], [
                      ("18", 1, "resolved", (None, None, None), None, "That the minutes of the meeting held on 7"),
                      ("19", 1, "resolved", (2, 0, None), None, "That the licence be granted"),
                  ]),
    "text": (pages.text_paper, "midshire-cabinet", "2024-02-08", "Midshire County Council", "Cabinet", {
        "a-smith": ("present", "Chair", None, None, None, None),
        "b-jones": ("present", None, None, None, None, None),
        "c-patel": ("present", None, None, None, None, None),
    }, [], [("101", 1, "resolved", (2, 1, 0), None, "That the budget be recommended to Council.")]),
}


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each fixture paper alone in a directory of its own, under one shared directory."""
    directory = tmp_path_factory.mktemp("papers")
    built = {}
    for name, spec in EXPECTED.items():
        (directory / name).mkdir()
        built[name] = spec[0](directory / name)
    return built


def _extract(paths: list[Path], existing: Dataset | None = None) -> tuple[Dataset, list[Notice]]:
    notices: list[Notice] = []
    return extract(paths, existing=existing, on_notice=notices.append), notices


@pytest.fixture(scope="module")
def extracted(papers: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Dataset, list]]:
    """`scrutiny-data extract <directory of one paper> --out DIR` for every fixture, read back, with its warnings."""
    out = tmp_path_factory.mktemp("out")
    found = {}
    for name, path in papers.items():
        result = CliRunner().invoke(main, ["extract", str(path.parent), "--out", str(out / name)])
        assert result.exit_code == 0, result.output
        warned = [line.removeprefix("warning: ") for line in result.stderr.splitlines() if line.startswith("warning: ")]
        found[name] = (load(out / name), warned)
    return found


def _rows(frame: pl.DataFrame) -> list[dict]:
    return frame.to_dicts()


@pytest.mark.parametrize("name", EXPECTED)
def test_meeting_and_committee_are_read_from_the_paper(extracted: dict, name: str) -> None:
    _, committee_id, date, council, committee, *_ = EXPECTED[name]
    dataset, _ = extracted[name]
    assert _rows(dataset.raw["committees"].select("id", "name", "body")) == [
        {"id": committee_id, "name": committee, "body": council}]
    assert dataset.raw["meetings"]["id"].to_list() == [f"{committee_id}-{date}"]


@pytest.mark.parametrize("name", EXPECTED)
def test_attendance_is_what_the_paper_states(extracted: dict, name: str) -> None:
    attendance = EXPECTED[name][5]
    dataset, _ = extracted[name]
    frame = dataset.tables["attendance"]
    found = {row["person_id"]: (row["status"], row["role_at_meeting"], row["substitute_for"], row["arrived_at"],
                                row["left_at"], row["source_page"]) for row in frame.to_dicts()}
    assert found == attendance


@pytest.mark.parametrize("name", EXPECTED)
def test_declarations_are_what_the_paper_states(extracted: dict, name: str) -> None:
    dataset, _ = extracted[name]
    found = sorted(dataset.tables["declarations"].select("person_id", "item", "kind").iter_rows())
    assert found == sorted(EXPECTED[name][6])


@pytest.mark.parametrize("name", EXPECTED)
def test_resolutions_are_what_the_paper_states(extracted: dict, name: str) -> None:
    dataset, _ = extracted[name]
    frame = dataset.tables["resolutions"]
    found = [(r["minute_number"], r["seq"], r["outcome"], (r["votes_for"], r["votes_against"], r["abstentions"]),
              r["source_page"]) for r in frame.to_dicts()]
    assert found == [expected[:5] for expected in EXPECTED[name][7]]
    for text, expected in zip(frame["text"].to_list(), EXPECTED[name][7]):
        assert text.startswith(expected[5])


@pytest.mark.parametrize("name", [name for name in EXPECTED if name not in ("moderngov", "text")])
def test_every_row_of_a_pdf_names_its_page(extracted: dict, name: str) -> None:
    dataset, _ = extracted[name]
    for resource in ("meetings", "attendance", "memberships", "declarations", "resolutions", "agenda_items",
                     "people", "committees", "sources"):
        frame = dataset.tables[resource]
        assert frame.height > 0 or resource == "declarations" and not EXPECTED[name][6], resource
        assert frame["source_page"].null_count() == 0, resource
        assert set(frame["source_page"]) <= {1, 2}, resource


@pytest.mark.parametrize("name", EXPECTED)
def test_every_row_fits_the_contract_and_points_at_its_source_line(extracted: dict, papers: dict,
                                                                   name: str) -> None:
    dataset, _ = extracted[name]
    for resource in ("meetings", "attendance", "declarations", "resolutions", "agenda_items", "people", "sources"):
        for row in dataset.raw[resource].to_dicts():
            RESOURCES[resource](**{k: v for k, v in row.items() if v is not None})
            assert row["source_id"] == papers[name].stem


def test_declaration_rows_quote_the_sentence_on_their_line(extracted: dict, papers: dict) -> None:
    dataset, _ = extracted["eastham"]
    row = dataset.tables["declarations"].row(0, named=True)
    doc = read_document(papers["eastham"])
    assert doc.line(row["source_line"]).startswith("Cllr Ben Carter declared a disclosable pecuniary interest")
    assert doc.page(row["source_line"]) == row["source_page"] == 1


def test_memberships_come_from_members_lists_not_officers(extracted: dict) -> None:
    dataset, _ = extracted["eastham"]
    found = sorted(dataset.tables["memberships"].select("person_id", "role").iter_rows())
    assert found == [("ann-baker", "chair"), ("ben-carter", "member"), ("dan-oneill", "member"),
                     ("priya-shah", "vice_chair"), ("ruth-moss", "member"), ("tom-wood", "substitute")]
    assert set(dataset.tables["memberships"]["municipal_year"]) == {"2023/24"}


def test_people_kinds_follow_titles_and_lists(extracted: dict) -> None:
    dataset, _ = extracted["kingsford"]
    kinds = dict(dataset.tables["people"].select("id", "kind").iter_rows())
    assert kinds == {"maya-singh": "councillor", "noel-ward": "councillor", "alan-wright": "co_opted",
                     "helen-park": "co_opted", "fiona-grant": "officer", "ian-bell": "officer"}


def test_existing_people_keep_their_ids(papers: dict) -> None:
    existing = Dataset.from_frames("known", {
        "people": pl.DataFrame({"id": ["smith-alan", "cllr-b-jones", "chandra-patel-2"],
                                "name": ["Alan Smith", "Beth Jones", "Chandra Patel"],
                                "aliases": [None, None, None], "kind": ["councillor"] * 3,
                                "source_id": ["x"] * 3, "source_line": ["1"] * 3}),
        "committees": pl.DataFrame({"id": ["westshire-audit"], "name": ["Audit and Governance Committee"],
                                    "body": ["Westshire County Council"], "body_gss": ["E10000099"],
                                    "committee_type": ["audit"], "source_id": ["x"], "source_line": ["1"]}),
    })
    dataset, notices = _extract([papers["westshire"], papers["text"]], existing)
    westshire = dataset.tables["attendance"].filter(pl.col("meeting_id").str.starts_with("westshire-audit-2024"))
    assert {"smith-alan", "chandra-patel-2"} <= set(westshire["person_id"])
    midshire = dataset.tables["attendance"].filter(pl.col("meeting_id").str.starts_with("midshire"))
    # `Cllr A Smith` is matched by initial to the one known Alan Smith: the ids given are reused, not new ones
    assert sorted(midshire["person_id"]) == ["chandra-patel-2", "cllr-b-jones", "smith-alan"]
    assert dataset.tables["declarations"]["person_id"].to_list() == ["chandra-patel-2"]
    people = {row["id"]: row["aliases"] for row in dataset.tables["people"].to_dicts()}
    assert people["smith-alan"] == "A Smith"
    # the known committee is reused (with its id and GSS code), only Midshire's is new
    assert dataset.tables["committees"].select("id", "body_gss").rows() == [("midshire-cabinet", None),
                                                                            ("westshire-audit", "E10000099")]
    assert set(dataset.tables["meetings"]["committee_id"]) == {"midshire-cabinet", "westshire-audit"}
    assert not any("Westshire" in n.message and "GSS" in n.message for n in notices)


def test_known_council_lends_its_gss_code_to_a_new_committee(papers: dict) -> None:
    existing = Dataset.from_frames("known", {
        "committees": pl.DataFrame({"id": ["westshire-cabinet"], "name": ["Cabinet"],
                                    "body": ["Westshire County Council"], "body_gss": ["E10000099"],
                                    "committee_type": ["executive"], "source_id": ["x"], "source_line": ["1"]})})
    dataset, notices = _extract([papers["moderngov"]], existing)
    assert dataset.tables["committees"].select("id", "body_gss").rows() == [
        ("westshire-licensing-committee", "E10000099")]
    assert [n.message for n in notices] == []


def test_unknown_gss_code_is_a_notice(extracted: dict, papers: dict) -> None:
    _, notices = extracted["riverton"]
    assert notices == [
        f"{papers['riverton']}, page 1, line 3: ONS GSS code of 'Riverton Town Council' unknown: "
        "set body_gss of committee riverton-town-finance-committee"]


def test_a_paper_without_a_meeting_heading_is_skipped_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("Dear resident,\n\nThe library will close early on Friday.\n", encoding="utf-8")
    dataset, notices = _extract([path])
    assert dataset.row_count == 0
    assert [str(n) for n in notices] == [
        f"{path}, line 1: no meeting heading (committee and date) recognised; paper skipped"]


def test_unrecognised_section_before_the_minutes_names_its_page(tmp_path: Path) -> None:
    lines = ["Westshire County Council", "", "Minutes of the meeting of the Cabinet held on 1 May 2024", "",
             "Present: Councillors Alan Smith and Beth Jones", "", "A map of the ward boundaries follows.",
             "Appendix A ward map", "", "5. Budget", "RESOLVED: That the budget be approved."]
    pages = (1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3)
    doc = Document("w", tmp_path / "w.pdf", "0" * 64, tuple(lines), pages)
    minutes = parse_minutes(doc)
    assert [(n.page, n.line, n.message) for n in minutes.notices] == [
        (2, 7, "nothing recognised; section skipped")]
    assert [(d.minute, d.text) for d in minutes.decisions] == [("5", "That the budget be approved.")]


def test_name_not_read_in_a_list_is_a_notice(tmp_path: Path) -> None:
    lines = ["Minutes of the meeting of the Cabinet held on 1 May 2024", "",
             "Present: Councillors Alan Smith, the Leader of the Council"]
    minutes = parse_minutes(Document("w", tmp_path / "w.txt", "0" * 64, tuple(lines)))
    assert [n.message for n in minutes.notices] == [
        "not read as a name in the present list: 'the Leader of the Council'"]
    assert [listed.named.name for listed in minutes.listed] == ["Alan Smith"]


def test_heading_on_separate_lines_in_capitals(tmp_path: Path) -> None:
    lines = ["WESTSHIRE COUNTY COUNCIL", "ADULT SOCIAL CARE SCRUTINY COMMITTEE", "Tuesday 9 July 2024 at 7pm"]
    heading = find_heading(Document("w", tmp_path / "w.txt", "0" * 64, tuple(lines)))
    assert (heading.council, heading.committee, str(heading.date), heading.start_time, heading.line) == (
        "Westshire County Council", "Adult Social Care Scrutiny Committee", "2024-07-09", "19:00", 2)


@pytest.mark.parametrize(("name", "kind"), [("Children's Services Overview and Scrutiny Committee",
                                             "overview_and_scrutiny"), ("Cabinet", "executive"),
                                            ("Audit Committee", "audit"), ("Licensing Sub-Committee", "regulatory"),
                                            ("Health and Wellbeing Board", "committee")])
def test_committee_type_from_its_name(name: str, kind: str) -> None:
    assert committee_type(name) == kind


def test_several_papers_and_a_directory(papers: dict) -> None:
    directory = papers["westshire"].parent.parent
    dataset, _ = _extract([directory])
    assert dataset.tables["meetings"].height == len(EXPECTED)
    assert sorted(dataset.tables["sources"]["kind"]) == ["moderngov_html"] + ["pdf"] * 6 + ["pdf_text"]


def test_cli_writes_the_dataset_and_prints_notices(papers: dict, tmp_path: Path) -> None:
    out = tmp_path / "westshire"
    result = CliRunner().invoke(main, ["extract", str(papers["westshire"]), str(papers["moderngov"]),
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"westshire: {load(out).row_count} rows written to {out}"
    assert ["attendance", "15", "rows"] in [line.split() for line in result.stdout.splitlines()]
    assert result.stderr.count("warning: ") == 2 and "ONS GSS code of 'Westshire County Council'" in result.stderr
    dataset = load(out)
    assert dataset.tables["meetings"]["id"].to_list() == ["westshire-audit-and-governance-committee-2024-03-12",
                                                         "westshire-licensing-committee-2024-03-06"]
    again = CliRunner().invoke(main, ["extract", str(papers["riverton"]), str(papers["westshire"]),
                                      "--out", str(tmp_path / "r"), "--people", str(out)])
    assert again.exit_code == 0, again.output
    # the committee and people of the earlier dataset keep their ids; its GSS gap is not warned about twice
    assert load(tmp_path / "r").tables["attendance"].filter(pl.col("person_id") == "alan-smith").height == 1
    assert again.stderr.count("warning: ") == 1 and "Riverton Town Council" in again.stderr


def test_cli_unreadable_paper_exits_2_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    path.write_bytes(b"PK\x03\x04")
    result = CliRunner().invoke(main, ["extract", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"{path}: unsupported file" in result.stderr
    assert not (tmp_path / "out").exists()


def test_thurrock_seed_minutes_agree_with_the_bundled_dataset(seeds: Path) -> None:
    """Written for other councils, the parser still finds the reviewed Thurrock facts, and nothing else."""
    from tests.conftest import BUNDLED

    bundled = load(BUNDLED)
    docs = [read_document(next(seeds.glob(f"{source}_*.txt"))) for source in ("001", "003")]
    committees = {row["id"]: row for row in bundled.tables["committees"].to_dicts()}
    rows, notices = council_rows(docs, PeopleIndex(bundled.tables["people"].to_dicts()), committees)
    dataset = Dataset.from_frames("general", {resource: assemble(resource, rows[resource]) for resource in
                                              ("meetings", "attendance", "declarations", "resolutions")})
    assert dataset.tables["meetings"]["id"].to_list() == ["thurrock-childrens-services-osc-2017-02-01",
                                                         "thurrock-childrens-services-osc-2022-06-16"]
    for resource, key in [("attendance", ["meeting_id", "person_id", "status"]),
                          ("declarations", ["meeting_id", "person_id", "item", "kind"]),
                          ("resolutions", ["meeting_id", "minute_number", "seq"])]:
        mine = dataset.tables[resource].select(key).sort(key)
        reviewed = bundled.tables[resource].select(key).filter(
            pl.col("meeting_id").is_in(dataset.tables["meetings"]["id"].to_list())).sort(key)
        assert mine.rows() == reviewed.rows(), resource
    assert [n.message.split(" lines")[1] for n in notices] == [" before the minutes not recognised; skipped",
                                                               " after the minutes not recognised; skipped"] * 2


def test_substitution_sentence_completes_the_listing(tmp_path: Path) -> None:
    path = tmp_path / "sub.txt"
    path.write_text("Westshire County Council\n\nMinutes of the meeting of the Cabinet held on 1 May 2024\n\n"
                    "Present: Councillors Alan Smith (Chair), Beth Jones and Tom Wood\n\n"
                    "Apologies: Councillor Ruth Moss\n\n"
                    "1. Substitutes\nCouncillor Tom Wood attended as substitute for Councillor Ruth Moss.\n",
                    encoding="utf-8")
    dataset, notices = _extract([path])
    rows = dataset.tables["attendance"].select("person_id", "status", "role_at_meeting", "substitute_for").rows()
    assert rows == [("alan-smith", "present", "Chair", None), ("beth-jones", "present", None, None),
                    ("ruth-moss", "apologies", None, None), ("tom-wood", "present", "Substitute", "ruth-moss")]
    assert [n.message for n in notices if "GSS" not in n.message] == []


def test_scanned_pdf_gives_notices_not_a_crash(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 100)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    dataset, notices = _extract([path])
    assert dataset.row_count == 0
    assert [n.message for n in notices] == [
        "page 1 has no text layer (a scan?); run OCR on it to extract it",
        "no meeting heading (committee and date) recognised; paper skipped"]
