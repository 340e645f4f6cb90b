"""The one way a file name is made from a value in the data: safe on every file system, inside the output."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

from ..errors import ScrutinyDataError

#: Characters kept as they are; every other one is percent-encoded (UTF-8), so names stay distinct.
SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
#: Longest name kept whole (bytes); longer ones are cut and end in `~` and a hash of the whole value.
MAX_NAME = 120
#: What a missing (null) or empty value is called; `~` never appears in an encoded value otherwise.
NULL_NAME, EMPTY_NAME = "~null", "~empty"
_PLAIN = rf"^[A-Za-z0-9_-]{{1,{MAX_NAME}}}$"


def safe_name(value: str | None) -> str:
    """A file name for `value`: the same value always gives the same name, different values different ones.

    Letters, digits, `-` and `_` are kept; anything else (`/`, `.`, spaces, non-ASCII) is
    percent-encoded, so `../x` cannot leave the directory and `.` or `..` cannot be a name.
    """
    if value is None:
        return NULL_NAME
    if value == "":
        return EMPTY_NAME
    encoded = "".join(ch if ch in SAFE else "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
                      for ch in value)
    if len(encoded) <= MAX_NAME:
        return encoded
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{encoded[:MAX_NAME - 17]}~{digest}"


def safe_names(values: pl.Series) -> pl.Series:
    """`safe_name` of every value; only values that are not plain already go through Python."""
    values = values.cast(pl.String)
    odd = values.filter(~values.str.contains(_PLAIN).fill_null(False)).unique()
    mapping = {value: safe_name(value) for value in odd.to_list() if value is not None}
    named = values.replace(mapping) if mapping else values
    return named.fill_null(NULL_NAME).alias(values.name)


def inside(root: Path, relative: str) -> Path:
    """`root / relative`, refused (as unreadable input) if it would lead outside `root`."""
    path = (root / relative).resolve()
    if not path.is_relative_to(root.resolve()):
        raise ScrutinyDataError("a file name made from the data would lead outside the output directory",
                                path=relative)
    return path
