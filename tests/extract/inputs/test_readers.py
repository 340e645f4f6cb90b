"""Choosing a reader: by content and suffix; directories and lists of files; clear errors naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny_data.errors import ScrutinyDataError
from scrutiny_data.extract.inputs import document_kind, expand_paths, input_kind, read_document, read_documents

from ..fixtures import pages, pdfs


def test_kind_follows_the_content_not_only_the_suffix(tmp_path: Path) -> None:
    pdf = pdfs.kingsford(tmp_path)
    renamed = pdf.rename(tmp_path / "kingsford.txt")
    assert input_kind(renamed) == "pdf"
    html = tmp_path / "page"
    html.write_text("<!DOCTYPE html><p>Hello</p>", encoding="utf-8")
    assert input_kind(html) == "moderngov_html"
    assert read_document(html).lines == ("Hello",)


@pytest.mark.parametrize(("name", "data", "message"), [
    ("minutes.docx", b"PK\x03\x04rest", "a Word, Excel or other zip-based file"),
    ("minutes.doc", b"\xd0\xcf\x11\xe0rest", "an old Word or Excel file"),
    ("minutes.rtf", b"{\\rtf1 hello}", "an RTF file"),
    ("minutes.pdf", b"<html>not a pdf</html>", "not a PDF"),
    ("minutes.xlsx", b"plain words", "unsupported file type '.xlsx'"),
])
def test_unsupported_files_are_named_in_the_error(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ScrutinyDataError, match=rf"{name.replace('.', '[.]')}: .*{message}"):
        read_document(path)


def test_missing_file_and_directory_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ScrutinyDataError, match="no such file"):
        read_document(tmp_path / "absent.pdf")
    with pytest.raises(ScrutinyDataError, match="not a file"):
        read_document(tmp_path)
    with pytest.raises(ScrutinyDataError, match="no such file or directory"):
        expand_paths([tmp_path / "absent"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ScrutinyDataError, match="holds no PDF, HTML or text files"):
        expand_paths([empty])


def test_a_directory_gives_its_papers_in_name_order_without_hidden_files(tmp_path: Path) -> None:
    pdfs.westshire(tmp_path)
    pages.moderngov_page(tmp_path)
    pages.text_paper(tmp_path)
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    docs = read_documents([tmp_path])
    assert [d.path.name for d in docs] == ["licensing-2024-03-06.html", "midshire-cabinet-2024-02-08.txt",
                                           "westshire-audit-2024-03-12.pdf"]
    assert [document_kind(d) for d in docs] == ["moderngov_html", "pdf_text", "pdf"]


def test_two_files_with_one_source_id_are_refused(tmp_path: Path) -> None:
    (tmp_path / "minutes.txt").write_text("a", encoding="utf-8")
    (tmp_path / "minutes.html").write_text("<p>b</p>", encoding="utf-8")
    with pytest.raises(ScrutinyDataError, match="same source id 'minutes'"):
        read_documents([tmp_path / "minutes.txt", tmp_path / "minutes.html"])


def test_seed_texts_read_as_before(seeds: Path) -> None:
    from scrutiny_data.extract.document import read_text_document

    path = sorted(seeds.glob("001_*.txt"))[0]
    assert read_document(path) == read_text_document(path)
