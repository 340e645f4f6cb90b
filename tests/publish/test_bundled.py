"""The bundled Thurrock dataset publishes to formats that check out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

import scrutiny_data
from scrutiny_data.dataset import csv_bytes
from scrutiny_data.models import RESOURCES

from ..conftest import BUNDLED


@pytest.fixture(scope="module")
def bundled_publication(tmp_path_factory: pytest.TempPathFactory):
    dataset = scrutiny_data.load(BUNDLED)
    return dataset, scrutiny_data.publish(dataset, tmp_path_factory.mktemp("bundled") / "out")


def test_bundled_publication_is_valid_frictionless(bundled_publication) -> None:
    _, result = bundled_publication
    frictionless = Path(sys.executable).with_name("frictionless")
    run = subprocess.run([str(frictionless), "validate", "--json", "datapackage.json"],
                         cwd=result.out_dir, capture_output=True, text=True, check=False)
    report = json.loads(run.stdout)
    assert [e["message"] for t in report["tasks"] for e in t["errors"]] == []


def test_bundled_parquet_matches_csv_and_metadata_matches_data(bundled_publication) -> None:
    dataset, result = bundled_publication
    for name in RESOURCES:
        csv = (result.out_dir / "data" / f"{name}.csv").read_bytes()
        assert csv_bytes(pl.read_parquet(result.out_dir / "parquet" / f"{name}.parquet")) == csv, name
    descriptor = json.loads((result.out_dir / "datapackage.json").read_text(encoding="utf-8"))
    latest = max(d for d in [dataset["meetings"]["date"].max(), dataset["sources"]["published"].max()] if d)
    assert descriptor["created"] == f"{latest.isoformat()}T00:00:00Z"
    assert result.facts.bodies[0].gss == "E06000034"
