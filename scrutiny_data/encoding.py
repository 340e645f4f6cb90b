"""Bytes to text: UTF-8 by default, the encoding a descriptor declares, and one-line refusals of the rest."""

from __future__ import annotations

import codecs
from pathlib import Path

import numpy as np
import pyarrow as pa

from .errors import ScrutinyDataError

_UTF8_NAMES = {"utf-8", "utf8", "utf_8", "utf-8-sig", "utf_8_sig"}
_NOT_TEXT = {
    b"PK\x03\x04": "an Excel workbook or other zip file; export it as CSV UTF-8",
    b"\xd0\xcf\x11\xe0": "an old Excel (.xls) workbook; export it as CSV UTF-8",
    b"%PDF": "a PDF; extract its tables first",
}
_UTF16 = (b"\xff\xfe", b"\xfe\xff")
_REENCODE = "re-save as UTF-8 or declare `encoding` in the descriptor"


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def is_text_encoding(encoding: str) -> bool:
    """True for an encoding Python can decode bytes to text with (rot13 and base64 are not)."""
    try:
        return bool(codecs.lookup(encoding)._is_text_encoding)
    except (LookupError, ValueError):
        return False


def _declared(data: bytes, path: Path | str, encoding: str) -> str:
    if not is_text_encoding(encoding):
        raise ScrutinyDataError(f"the descriptor declares unknown encoding {encoding!r}", path=path,
                                field="encoding")
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise ScrutinyDataError(f"not valid {encoding} as the descriptor declares (byte 0x{data[exc.start]:02x} "
                                f"at line {_line_of(data, exc.start)})", path=path) from exc


def decode(data: bytes, path: Path | str, encoding: str | None = None) -> str:
    """Bytes as text: UTF-8 (a BOM is dropped), or the encoding the descriptor declares."""
    kind = next((what for magic, what in _NOT_TEXT.items() if data.startswith(magic)), None)
    if kind:
        raise ScrutinyDataError(f"not a CSV file: looks like {kind}", path=path)
    if encoding and encoding.lower() not in _UTF8_NAMES:
        return _declared(data, path, encoding)
    if data.startswith(_UTF16):
        raise ScrutinyDataError(f"not UTF-8: looks like UTF-16; {_REENCODE}", path=path)
    if b"\x00" in data:
        raise ScrutinyDataError(f"not a CSV file: NUL byte at line {_line_of(data, data.index(0))} "
                                "(binary data)", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02x} at line {_line_of(data, exc.start)}"
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            raise ScrutinyDataError(f"not UTF-8 ({where}); {_REENCODE}", path=path) from exc
        raise ScrutinyDataError(f"not UTF-8 ({where}); looks like Windows-1252; {_REENCODE}", path=path) from exc


def _is_utf8(data: bytes) -> bool:
    """True when the bytes are valid UTF-8, checked by pyarrow without decoding them to text."""
    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
    try:
        pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, pa.py_buffer(data)]).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def is_utf8_name(encoding: str | None) -> bool:
    """True for no encoding (UTF-8 is the default) or a name of UTF-8."""
    return not encoding or encoding.lower() in _UTF8_NAMES


def utf8_bytes(data: bytes, path: Path | str, encoding: str | None = None) -> bytes:
    """The file as UTF-8 bytes without a BOM, refusing what `decode` refuses; valid UTF-8 is not copied."""
    utf8 = is_utf8_name(encoding)
    if utf8 and b"\x00" not in data and not any(data.startswith(magic) for magic in (*_NOT_TEXT, *_UTF16)):
        if data.isascii():
            return data
        if _is_utf8(data):
            return data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    return decode(data, path, encoding).encode("utf-8")
