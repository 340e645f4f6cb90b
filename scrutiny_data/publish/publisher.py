"""Publish a dataset: validate it, then build every format in a temporary directory and swap it in."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import atomic_dir
from ..dataset import Dataset
from ..errors import ScrutinyDataError
from ..validate.findings import Report
from ..validate.waivers import WAIVER_FILE
from .ckan import DEFAULT_OWNER_ORG, ckan_payload
from .dcat import dcat_document
from .facts import Facts, dataset_facts
from .inventory import PublishedFile, inventory
from .jsonio import json_text
from .oparl import write_oparl
from .package import write_package
from .parquet import write_parquet
from .popolo import popolo_document

#: A directory holding these was written by `publish`, so it may be replaced by a new publication.
PUBLISHED_MARKERS = ("datapackage.json", "dcat.jsonld")


class PublishRefused(Exception):
    """The dataset has unwaived errors, and `allow_errors` was not given."""

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__(f"not published: {report.errors} unwaived error(s) in {report.dataset}; "
                         "fix or waive them, or publish with allow_errors")


@dataclass
class PublishResult:
    """What was published where: every file with its size and SHA-256, and the validation verdict."""

    out_dir: Path
    files: list[PublishedFile]
    report: Report
    facts: Facts
    row_counts: dict[str, int] = field(default_factory=dict)
    #: What the publication lacks that a portal needs (placeholder URLs, no CKAN organisation), in words.
    warnings: list[str] = field(default_factory=list)

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    def summary(self) -> str:
        """A readable account: verdict, rows per resource, files by folder with sizes."""
        verdict = "valid" if self.report.ok else "PUBLISHED WITH ERRORS"
        counts = self.report.summary()
        lines = [
            f"Published {self.facts.name} {self.facts.version} to {self.out_dir}",
            f"Validation: {verdict} ({counts['errors']} errors, {counts['warnings']} warnings, "
            f"{counts['waived']} waived; {counts['rules']} rules over {counts['records']} records)",
            f"Rows: {sum(self.row_counts.values())} in {len(self.row_counts)} resources",
            *(f"  {name:<16} {rows:>7}" for name, rows in self.row_counts.items()),
            f"Files: {len(self.files)}, {_size(self.total_bytes)}",
        ]
        groups: dict[str, list[PublishedFile]] = {}
        for file in self.files:
            groups.setdefault(file.path.split("/", 1)[0] if "/" in file.path else file.path, []).append(file)
        for group, members in groups.items():
            label = f"{group}/ ({len(members)} files)" if len(members) > 1 or "/" in members[0].path else group
            lines.append(f"  {label:<34} {_size(sum(m.size for m in members)):>10}")
        return "\n".join(lines)


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} B"
    return f"{count / 1024:.1f} KiB" if count < 1024**2 else f"{count / 1024**2:.1f} MiB"


def _validate(dataset: Dataset, **options: Any) -> Report:
    from ..validate import validate

    return validate(dataset, **options)


def _check_target(out_dir: Path, dataset: Dataset) -> None:
    """Refuse to replace the dataset itself or a directory that is not an earlier publication."""
    target = out_dir.resolve()
    if dataset.path is not None:
        source = Path(dataset.path).resolve()
        if target == source or target in source.parents:
            raise ScrutinyDataError("the output directory would replace the dataset being published", path=out_dir)
    if target.exists() and (not target.is_dir() or (
            any(target.iterdir()) and not all((target / m).is_file() for m in PUBLISHED_MARKERS))):
        raise ScrutinyDataError("exists and is not an earlier publication; choose an empty or new directory",
                                path=out_dir)


def _write_reports(report: Report, root: Path, quote: Callable[[str, int], str | None] | None) -> None:
    from ..report import render

    (root / "validation-report.json").write_text(render(report, "json"), encoding="utf-8")
    (root / "validation-report.html").write_text(render(report, "html", quote=quote), encoding="utf-8")


def _quoter(dataset: Dataset) -> Callable[[str, int], str | None] | None:
    from ..report import SourceQuoter

    return SourceQuoter.for_dataset(dataset, ())


def _warnings(base_url: str | None, owner_org: str | None, facts: Facts) -> list[str]:
    warnings = []
    if not base_url:
        warnings.append(f"no base URL given: every id and download link points at the placeholder host "
                        f"{facts.base_url}; publish again with the URL the files will be served from")
    if not owner_org:
        warnings.append("ckan.json has no owner_org: CKAN needs the name of an organisation that exists on "
                        "the portal; publish again with it before calling package_create")
    return warnings


def publish(dataset: Dataset, out_dir: str | Path, *, allow_errors: bool = False, report: Report | None = None,
            base_url: str | None = None, owner_org: str | None = DEFAULT_OWNER_ORG, version: str | None = None,
            **validate_options: Any) -> PublishResult:
    """Validate `dataset` and publish every format to `out_dir`, atomically and byte-for-byte reproducibly.

    Raises `PublishRefused` when unwaived errors remain and `allow_errors` is false; `report`
    skips validation with a report already made; other options go to `validate`.
    """
    out = Path(out_dir)
    report = report if report is not None else _validate(dataset, **validate_options)
    if not report.ok and not allow_errors:
        raise PublishRefused(report)
    _check_target(out, dataset)
    facts = dataset_facts(dataset, base_url=base_url, version=version)
    with atomic_dir(out) as root:
        write_package(dataset, root, facts)
        write_parquet(dataset, root, facts)
        (root / "popolo.json").write_text(json_text(popolo_document(dataset, facts)), encoding="utf-8")
        write_oparl(dataset, root, facts)
        _write_reports(report, root, _quoter(dataset))
        waivers = Path(dataset.path) / WAIVER_FILE if dataset.path is not None else None
        if waivers is not None and waivers.is_file():
            shutil.copyfile(waivers, root / WAIVER_FILE)
        (root / "dcat.jsonld").write_text(json_text(dcat_document(facts, inventory(root))), encoding="utf-8")
        payload = ckan_payload(facts, inventory(root), owner_org=owner_org)
        (root / "ckan.json").write_text(json_text(payload), encoding="utf-8")
        files = inventory(root)
    return PublishResult(out_dir=out, files=files, report=report, facts=facts, row_counts=facts.row_counts,
                         warnings=_warnings(base_url, owner_org, facts))
