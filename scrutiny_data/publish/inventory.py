"""What a publication holds: every file with its size, checksum and media type."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

#: Suffix -> (IANA media type, EU file-type authority code).
MEDIA_TYPES = {
    ".csv": ("text/csv", "CSV"),
    ".parquet": ("application/vnd.apache.parquet", "PARQUET"),
    ".json": ("application/json", "JSON"),
    ".jsonld": ("application/ld+json", "JSON_LD"),
    ".html": ("text/html", "HTML"),
    ".yaml": ("application/yaml", "YAML"),
}


@dataclass(frozen=True)
class PublishedFile:
    """One file of a publication, its path relative to the output directory."""

    path: str
    size: int
    sha256: str

    @property
    def suffix(self) -> str:
        return Path(self.path).suffix

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES.get(self.suffix, ("application/octet-stream", "BIN"))[0]

    @property
    def file_type(self) -> str:
        """Code of the EU Publications Office file-type vocabulary (`CSV`, `PARQUET`)."""
        return MEDIA_TYPES.get(self.suffix, ("application/octet-stream", "BIN"))[1]


def inventory(root: Path) -> list[PublishedFile]:
    """Every file under `root`, sorted by path."""
    return [
        PublishedFile(path.relative_to(root).as_posix(), path.stat().st_size,
                      hashlib.sha256(path.read_bytes()).hexdigest())
        for path in sorted(root.rglob("*")) if path.is_file()
    ]
