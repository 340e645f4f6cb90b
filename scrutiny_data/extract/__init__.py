"""Source documents -> records with provenance: `extract` reads papers, `extract_to` also writes the dataset."""

from __future__ import annotations

from .document import Document, read_text_document, source_id_for
from .inputs import expand_paths
from .pipeline import extract, extract_to

__all__ = ["Document", "extract", "extract_to", "expand_paths", "read_text_document", "source_id_for"]
