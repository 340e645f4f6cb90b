"""PDF text layer: reading order, pages of lines, column gaps, running headers and page numbers dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from scrutiny_data.errors import ScrutinyDataError
from scrutiny_data.extract.inputs import InputWarning, read_document
from scrutiny_data.extract.inputs.pdf import strip_furniture

from ..fixtures import pdfs


def _pdf(path: Path, pages: list[list[str]], footer: str | None = None) -> Path:
    class Paper(FPDF):
        def footer(self) -> None:
            if footer:
                self.set_y(-15)
                self.set_font("Helvetica", size=8)
                self.cell(0, 5, footer.format(page=self.page_no()), align="C")

    pdf = Paper(format="A4")
    pdf.set_font("Helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_lines_carry_their_page(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "two.pdf", [["First page text"], ["Second page text", "More"]])
    doc = read_document(path)
    assert doc.lines == ("First page text", "Second page text", "More")
    assert doc.pages == (1, 2, 2)
    assert doc.page(3) == 2
    assert doc.source_id == "two"


def test_page_numbers_and_repeated_footers_are_dropped(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "f.pdf", [["Present:", "Cllr A Smith"], ["Cllr B Jones"]],
                footer="Westshire County Council - Page {page}")
    doc = read_document(path)
    assert doc.lines == ("Present:", "Cllr A Smith", "Cllr B Jones")


def test_two_columns_are_kept_apart_with_a_tab(tmp_path: Path) -> None:
    doc = read_document(pdfs.eastham(tmp_path))
    assert doc.lines[6:8] == ("Cllr Ann Baker (Chair)\tCllr Ben Carter",
                              "Cllr Dan O'Neill\tCllr Priya Shah (Vice-Chair)")


def test_a_list_broken_by_a_page_footer_reads_on(tmp_path: Path) -> None:
    doc = read_document(pdfs.northbury(tmp_path))
    start = doc.lines.index("Mrs Susan Reid (co-opted member)")
    assert doc.lines[start - 1:start + 2] == ("Mr Peter Quinn (co-opted member)", "Mrs Susan Reid (co-opted member)",
                                              "CS/23/12 Apologies for absence")
    assert not any("Page" in line or "Northbury City Council" == line for line in doc.lines[1:])


def test_first_page_keeps_its_running_header(tmp_path: Path) -> None:
    doc = read_document(pdfs.riverton(tmp_path))
    assert doc.lines[0] == "Riverton Town Council - Finance Committee"
    assert doc.lines.count("Riverton Town Council - Finance Committee") == 1


def test_a_vertical_gap_is_one_blank_line(tmp_path: Path) -> None:
    doc = read_document(pdfs.northbury(tmp_path))
    assert "" in doc.lines
    assert not any(a == b == "" for a, b in zip(doc.lines, doc.lines[1:]))


def test_a_page_without_text_is_a_warning_not_an_error(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)  # a scan has pictures, not text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.warns(InputWarning, match=r"scan\.pdf: page 1 has no text layer"):
        doc = read_document(path)
    assert doc.lines == ()
    assert doc.pages == ()


def test_damaged_pdf_is_unreadable_and_named(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage")
    with pytest.raises(ScrutinyDataError, match=r"broken\.pdf: not a readable PDF"):
        read_document(path)


def test_password_protected_pdf_is_unreadable(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "Confidential")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(ScrutinyDataError, match=r"locked\.pdf: the PDF is password-protected"):
        read_document(path)


def test_strip_furniture_keeps_lines_that_repeat_only_once() -> None:
    pages = [["Agenda item 5", "Body one", "", "", "3"], ["Agenda item 5", "Body two", "Westshire - 4"],
             ["Other header", "Body three", "Westshire - 5"]]
    assert strip_furniture(pages) == [["Agenda item 5", "Body one"], ["Body two"], ["Other header", "Body three"]]


def test_strip_furniture_keeps_list_lines_that_look_alike() -> None:
    pages = [[f"{n}. Councillor Number {n}" for n in range(start, start + 8)] for start in (1, 9, 17)]
    assert strip_furniture(pages) == pages


def test_running_footer_with_the_date_and_page_is_dropped() -> None:
    pages = [["Body one", "Audit Committee 12 March 2024 - page 1"],
             ["Body two", "Audit Committee 12 March 2024 - page 2"]]
    assert strip_furniture(pages) == [["Body one"], ["Body two"]]


def test_a_page_layout_mode_cannot_read_falls_back_to_plain_text(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PageObject

    plain = PageObject.extract_text

    def layout_fails(self: PageObject, *args: object, **kwargs: object) -> str:
        if kwargs.get("extraction_mode") == "layout":
            raise ZeroDivisionError("font without widths")
        return plain(self, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", layout_fails)
    path = _pdf(tmp_path / "odd.pdf", [["Present: Cllr A Smith"]])
    assert read_document(path).lines == ("Present: Cllr A Smith",)


def test_a_page_no_mode_can_read_is_skipped_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PageObject

    def fails(self: PageObject, *args: object, **kwargs: object) -> str:
        raise KeyError("/Font")

    path = _pdf(tmp_path / "odd.pdf", [["Present: Cllr A Smith"]])
    monkeypatch.setattr(PageObject, "extract_text", fails)
    with pytest.warns(InputWarning, match=r"odd\.pdf: page 1 could not be read \(KeyError\); skipped"):
        assert read_document(path).lines == ()
