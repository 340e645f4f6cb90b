"""Saved ModernGov pages: visible text only, blocks as lines, headings and paragraphs apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny_data.errors import ScrutinyDataError
from scrutiny_data.extract.inputs import read_document
from scrutiny_data.extract.inputs.html import html_lines

from ..fixtures import pages


def test_scripts_styles_menus_and_footers_are_dropped(tmp_path: Path) -> None:
    doc = read_document(pages.moderngov_page(tmp_path))
    text = doc.text
    for hidden in ("tracking", "Menu Item", "Footer", "mgHeader", "Committees >", "home"):
        assert hidden not in text
    assert doc.lines[:5] == ("Westshire County Council", "", "Agenda and minutes", "",
                             "Licensing Committee - Wednesday, 6th March, 2024 10.00 am")
    assert doc.pages is None


def test_list_items_are_lines_and_entities_are_decoded() -> None:
    lines = html_lines("<ul><li>Rosa Evans &ndash; Licensing Manager</li><li>Paul&nbsp;Fry</li></ul>")
    assert lines == ["Rosa Evans – Licensing Manager", "Paul Fry"]


def test_table_cells_are_tab_separated_and_rows_are_lines() -> None:
    lines = html_lines("<table><tr><td>Present:</td><td>Cllr A Smith</td></tr><tr><td></td><td>Cllr B Jones</td>"
                       "</tr></table>")
    assert lines == ["Present:\tCllr A Smith", "Cllr B Jones"]


def test_inline_markup_does_not_break_lines_and_br_does() -> None:
    lines = html_lines("<p><strong>RESOLVED:</strong> That the <em>report</em> be noted<br>and filed.</p>")
    assert lines == ["RESOLVED: That the report be noted", "and filed."]


def test_unclosed_furniture_does_not_swallow_the_page() -> None:
    lines = html_lines("<div class='cookie-banner'><p>We use cookies</div><p>Present: Cllr A Smith</p>")
    assert lines == ["Present: Cllr A Smith"]


def test_windows_1252_page_is_read(tmp_path: Path) -> None:
    path = tmp_path / "old.htm"
    path.write_bytes("<p>Children’s Services – minutes</p>".encode("cp1252"))
    assert read_document(path).lines == ("Children’s Services – minutes",)


def test_undecodable_page_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(b"<p>\x81\x8d\x8f\x90\x9d</p>")
    with pytest.raises(ScrutinyDataError, match=r"bad\.html: neither UTF-8 nor Windows-1252"):
        read_document(path)
