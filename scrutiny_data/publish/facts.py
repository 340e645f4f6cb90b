"""Facts about a dataset that every published format repeats, all taken from the data, never the clock."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import polars as pl

from ..dataset import Dataset
from ..models import RESOURCES

#: Open Government Licence v3.0, as each format names it.
LICENCE_ID = "OGL-UK-3.0"
LICENCE_TITLE = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
CKAN_LICENCE_ID = "uk-ogl"

DEFAULT_BASE_URL = "https://data.example.org/scrutiny-data"
DEFAULT_VERSION = "1.0.0"
GSS_URI = "http://statistics.data.gov.uk/id/statistical-geography/"
BASE_KEYWORDS = ("local government", "committee papers", "overview and scrutiny")


def slugify(text: str) -> str:
    """A lowercase slug of letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def slug_expr(column: str) -> pl.Expr:
    """`slugify` as a polars expression over a string column."""
    return (pl.col(column).str.to_lowercase().str.replace_all(r"[^a-z0-9]+", "-")
            .str.strip_chars("-"))


@dataclass(frozen=True)
class Body:
    """A council the dataset's committees belong to."""

    name: str
    gss: str

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def gss_uri(self) -> str:
        return GSS_URI + self.gss


@dataclass(frozen=True)
class Facts:
    """Title, version, dates, coverage and publisher of a dataset, shared by every output."""

    name: str
    title: str
    description: str
    version: str
    created: dt.date | None
    coverage: tuple[dt.date, dt.date] | None
    bodies: tuple[Body, ...]
    keywords: tuple[str, ...]
    base_url: str
    sources: tuple[dict[str, str], ...]
    contributors: tuple[dict[str, Any], ...]
    row_counts: dict[str, int]

    @property
    def publisher(self) -> str:
        return "; ".join(body.name for body in self.bodies) or "Unknown publisher"

    @property
    def created_at(self) -> str | None:
        """`created` as an RFC 3339 date-time at midnight UTC of the latest date in the data."""
        return f"{self.created.isoformat()}T00:00:00Z" if self.created else None

    def url(self, relative: str) -> str:
        """Where a published file will be found."""
        return f"{self.base_url}/{relative}"


def _dates(frame: pl.DataFrame, column: str) -> pl.Series:
    return frame.get_column(column).drop_nulls()


def _latest(*series: pl.Series) -> dt.date | None:
    values = [s.max() for s in series if s.len()]
    return max(values) if values else None


def _span(dates: pl.Series) -> tuple[dt.date, dt.date] | None:
    return (dates.min(), dates.max()) if dates.len() else None


def _bodies(dataset: Dataset) -> tuple[Body, ...]:
    rows = dataset["committees"].select("body", "body_gss").drop_nulls().unique(maintain_order=True).rows()
    return tuple(Body(name, gss) for name, gss in rows)


def _sources(dataset: Dataset) -> tuple[dict[str, str], ...]:
    frame = dataset["sources"].select(
        pl.coalesce("title", "file_name").alias("title"), pl.col("url").alias("path"),
    )
    return tuple({k: v for k, v in row.items() if v} for row in frame.to_dicts())


def _description(dataset: Dataset, bodies: tuple[Body, ...], coverage: tuple[dt.date, dt.date] | None) -> str:
    committees = ", ".join(dataset["committees"].get_column("name").drop_nulls().unique(maintain_order=True))
    years = f" from {coverage[0].year} to {coverage[1].year}" if coverage else ""
    of = f" of {committees}" if committees else ""
    at = f" ({'; '.join(b.name for b in bodies)})" if bodies else ""
    papers = dataset["sources"].height
    return (f"Meetings, attendance, decisions and the figures reported{of}{at}{years}, extracted from "
            f"{papers} committee papers; every row gives the source document and line it was printed on.")


def _contributor(given: dict[str, Any]) -> dict[str, Any]:
    """A contributor in Data Package v2 form: v1's one `role` becomes the list `roles`."""
    contributor = {k: v for k, v in given.items() if k != "role"}
    if "roles" not in contributor and isinstance(given.get("role"), str):
        contributor["roles"] = [given["role"]]
    return contributor


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def dataset_facts(dataset: Dataset, *, base_url: str | None = None, version: str | None = None) -> Facts:
    """Derive the shared facts of a dataset from its descriptor and its rows."""
    meta = dataset.descriptor
    meeting_dates = _dates(dataset["meetings"], "date")
    published = _dates(dataset["sources"], "published")
    coverage = _span(meeting_dates) or _span(published)
    bodies = _bodies(dataset)
    committees = dataset["committees"].get_column("name").drop_nulls().to_list()
    title = _text(meta.get("title")) or (
        f"{committees[0]}, {bodies[0].name}: committee papers as data" if committees and bodies
        else f"{dataset.name}: committee papers as data"
    )
    row_counts = {name: dataset[name].height for name in RESOURCES}
    filled = [RESOURCES[name].table.title.lower() for name, rows in row_counts.items() if rows]
    given = meta.get("keywords")
    given = [k for k in given if isinstance(k, str) and k] if isinstance(given, list) else []
    keywords = given or [*BASE_KEYWORDS, *(b.name for b in bodies), *filled]
    listed = meta.get("contributors")
    contributors = [_contributor(c) for c in (listed if isinstance(listed, list) else []) if isinstance(c, dict)]
    contributors += [{"title": b.name, "roles": ["publisher"], "path": b.gss_uri} for b in bodies
                     if not any(c.get("title") == b.name for c in contributors)]
    return Facts(
        name=slugify(dataset.name) or "dataset",
        title=title,
        description=_text(meta.get("description")) or _description(dataset, bodies, coverage),
        version=version or _text(str(meta.get("version") or "")) or DEFAULT_VERSION,
        created=_latest(meeting_dates, published),
        coverage=coverage,
        bodies=bodies,
        keywords=tuple(dict.fromkeys(keywords)),
        base_url=(base_url or f"{DEFAULT_BASE_URL}/{slugify(dataset.name) or 'dataset'}").rstrip("/"),
        sources=_sources(dataset),
        contributors=tuple(contributors),
        row_counts=row_counts,
    )
