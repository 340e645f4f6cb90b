"""ModernGov meeting pages saved from a browser: the text a reader sees, without scripts, styles and menus."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from ...errors import ScrutinyDataError
from ..document import Document

_SKIPPED_TAGS = {"script", "style", "noscript", "template", "head", "nav", "header", "footer", "form", "button",
                 "select", "svg", "iframe", "object"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
               "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption", "blockquote", "pre",
               "address", "fieldset", "figure", "figcaption"}
_SPACED_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "table", "ul", "ol", "blockquote", "section"}
_CELL_TAGS = {"td", "th"}
#: Page furniture by class, id or ARIA role: site menus, breadcrumbs, cookie banners, search boxes.
_FURNITURE = re.compile(r"breadcrumb|cookie|skip-?link|skiplink|menu|navigation|sidebar|banner|search|"
                        r"contentinfo|mgLinks|mgSideBar|footer|masthead", re.IGNORECASE)


class _PageText(HTMLParser):
    """Collects visible text: blocks become lines, headings and paragraphs get blank lines, cells tabs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping: list[str] = []  # open tags whose content is hidden
        self.preformatted = 0

    def _break(self, blank: bool = False) -> None:
        text = "".join(self.current).strip(" ")
        text = re.sub(r" *\t *", "\t", text).strip("\t")
        if text:
            self.lines.append(text)
        self.current = []
        if blank and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            if tag == "br" and not self.skipping:
                self._break()
            return
        marks = " ".join(value or "" for name, value in attrs if name in ("class", "id", "role"))
        if self.skipping or tag in _SKIPPED_TAGS or (marks and _FURNITURE.search(marks)):
            self.skipping.append(tag)
            return
        if tag in _BLOCK_TAGS:
            self._break(blank=tag in _SPACED_TAGS)
        elif tag in _CELL_TAGS and self.current:
            self.current.append("\t")
        if tag == "pre":
            self.preformatted += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in self.skipping:
                while self.skipping.pop() != tag:
                    pass
            return
        if tag == "pre":
            self.preformatted = max(0, self.preformatted - 1)
        if tag in _BLOCK_TAGS:
            self._break(blank=tag in _SPACED_TAGS)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.preformatted:
            *complete, rest = data.split("\n")
            for piece in complete:
                self.current.append(piece)
                self._break()
            self.current.append(rest)
            return
        text = re.sub(r"\s+", " ", data.replace("\u00a0", " "))
        if text.strip() or (self.current and not self.current[-1].endswith((" ", "\t"))):
            self.current.append(text)

    def text_lines(self) -> list[str]:
        self._break()
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return self.lines


def html_lines(markup: str) -> list[str]:
    """The visible lines of an HTML page, as a browser would lay them out in plain text."""
    parser = _PageText()
    parser.feed(markup)
    parser.close()
    return parser.text_lines()


def read_html(path: Path, source_id: str) -> Document:
    """Read a saved web page (UTF-8, else Windows-1252) as a Document of its visible text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ScrutinyDataError(exc.strerror or "cannot be read", path=path) from exc
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            markup = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ScrutinyDataError("neither UTF-8 nor Windows-1252 text", path=path)
    return Document(source_id=source_id, path=path, sha256=hashlib.sha256(data).hexdigest(),
                    lines=tuple(html_lines(markup)))
