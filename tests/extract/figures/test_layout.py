"""Table readers on small inline texts."""

from pathlib import Path

from scrutiny_data.extract.document import Document
from scrutiny_data.extract.figures.layout import (
    delimited_rows,
    pdf_rows,
    trailing_cells,
)
from scrutiny_data.extract.figures.mapping import sentence_figures


def doc(text: str) -> Document:
    return Document("999", Path("x.txt"), "0" * 64, tuple(text.split("\n")))


def test_tab_rows_end_at_blank_line_and_follow_repeated_header():
    rows = delimited_rows(doc("Area\tVolume\nAdoption\t1\nAftercare\t0\n\nLater\t9"), 1, "tabs")
    assert [(row.line, row.label, row.cells) for row in rows] == [(2, "Adoption", ("1",)), (3, "Aftercare", ("0",))]
    rows = delimited_rows(doc("No.\tA\tB\n1\tx\t2\n\nNo.\tA\tU\tB\n2\ty\t5\t3"), 1, "tabs", until=5)
    assert [(row.line, row.header) for row in rows] == [(2, ("No.", "A", "B")), (5, ("No.", "A", "U", "B"))]


def test_pipe_rows_skip_separator():
    rows = delimited_rows(doc("| Team | Total |\n|---|---|\n| MASH | 8 |"), 1, "pipes")
    assert [(row.label, row.cells) for row in rows] == [("MASH", ("8",))]


def test_trailing_cells_keep_label_numbers_and_bracketed_counts():
    assert trailing_cells("Family Support Team 4 5", 1) == ("Family Support Team 4", ["5"])
    assert trailing_cells("Adoption  1 100% (1) 0 NA", 4) == ("Adoption", ["1", "100% (1)", "0", "NA"])
    assert trailing_cells("provision (November", 2) == ("provision (November", [])


def test_pdf_rows_join_wrapped_labels_and_place_empty_cells_by_spacing():
    text = "Children Looked After\nTeam 1\n\n2\nReview of\nservices\n  £255,000   £255,000\nMASH 1"
    rows = pdf_rows(doc(text), 1, 8, 1)
    assert next((row.line, row.label, row.cells) for row in rows) == (4, "Children Looked After Team 1", ("2",))
    rows = pdf_rows(doc(text), 5, 7, 4)
    assert [(row.line, row.label, row.cells) for row in rows] == [
        (7, "Review of services", ("", "£255,000", "", "£255,000"))]


def test_sentence_figures_leave_out_years():
    assert sentence_figures("A total of **90** representations were received in 2021/22 compared to **123**") == \
        ["90", "123"]
    assert sentence_figures("There were **nil/zero** enquiries in 2022") == ["nil/zero"]
