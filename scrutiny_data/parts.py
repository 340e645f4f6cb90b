"""Reading a large CSV file in parts of whole rows, each parsed as the same rows of the whole file."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from .reading import byte_positions, odd_quote_line


def _plain_end(body: np.ndarray) -> int | None:
    """The offset just past the last line end of `body` when every line there has balanced quotes, else None.

    Only then is every line end a row end: a quote left open may carry a field over a line break.
    """
    ends = byte_positions(body, ord("\n"))
    if ends.size == 0:
        return None
    if odd_quote_line(byte_positions(body[:ends[-1]], ord('"')), ends):
        return None
    return int(ends[-1]) + 1


def has_lone_return(read: Callable[[int], bytes], size: int) -> bool:
    """True when the file has a carriage return not followed by a line feed (read `size` bytes at a time).

    Such a file is not read in parts: polars and the careful path read a lone one differently, and
    which path a file takes depends on the whole of it.
    """
    previous = b""
    while chunk := read(size):
        text = previous + chunk
        if text.count(b"\r") != text.count(b"\r\n") + text.endswith(b"\r"):
            return True
        previous = text[-1:]
    return previous == b"\r"


def csv_parts(read: Callable[[int], bytes], size: int) -> Iterator[tuple[bytes, int]]:
    """A CSV file in parts of about `size` bytes, each the header line and whole rows, with the lines before it.

    The file is cut only at line ends, and only while every line has balanced quotes; from the first
    line that does not, the rest is one part, so every part parses as the same rows of the whole file.
    `read(n)` returns the next n bytes of the file (fewer at its end; all the rest for -1).
    """
    pending = read(size)
    newline = pending.find(b"\n")
    if newline < 0 or pending[:newline].count(b'"') % 2:
        yield pending + read(-1), 0
        return
    header, pending, lines, sent = pending[:newline + 1], pending[newline + 1:], 0, False
    while True:
        more = read(size)
        if not more:
            if pending or not sent:
                yield header + pending, lines
            return
        pending += more
        end = _plain_end(np.frombuffer(pending, dtype=np.uint8))
        if end is None:
            yield header + pending + read(-1), lines
            return
        yield header + pending[:end], lines
        lines, pending, sent = lines + pending.count(b"\n", 0, end), pending[end:], True

