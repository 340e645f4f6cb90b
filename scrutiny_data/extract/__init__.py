"""Source documents -> records with provenance: `extract` reads papers, `extract_to` also writes the dataset."""

from __future__ import annotations

from .document import Document, read_text_document, source_id_for
from .pipeline import extract, extract_to, source_paths

__all__ = ["Document", "extract", "extract_to", "read_text_document", "source_id_for", "source_paths"]
