"""Publish a validated dataset: data package, Parquet, DCAT-AP, CKAN, OParl, Popolo and the report."""

from __future__ import annotations

from .inventory import PublishedFile
from .parquet import load_parquet
from .publisher import PublishRefused, PublishResult, publish

__all__ = ["PublishRefused", "PublishResult", "PublishedFile", "load_parquet", "publish"]
