"""The benchmark script runs end to end on a tiny dataset and writes the results in the agreed shape."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = {"scrutiny_data", "pandera", "frictionless", "pyarrow_read"}


def test_benchmark_writes_results_json(tmp_path):
    out = tmp_path / "results.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--rows",
            "2000",
            "--years",
            "1",
            "--errors",
            "24",
            "--out",
            str(out),
            "--workdir",
            str(tmp_path / "work"),
            "--frictionless-budget",
            "0.05",
            "--scale",
            "2",
            "--repeat",
            "2",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results == json.loads(done.stdout)
    assert set(results["seconds"]) == set(results["peak_rss_mb"]) == set(results["rows_per_second"]) == TOOLS
    assert all(value > 0 for value in results["seconds"].values())
    assert results["rows"] == results["rows_by_resource"]["attendance"] > 0
    # Each fast tool ran twice; the fastest run is the one reported.
    for tool in TOOLS - {"frictionless"}:
        runs = results["runs_seconds"][tool]
        assert len(runs) == 2 and results["seconds"][tool] == min(runs)
    assert results["planted_errors"] == results["found_errors"] == 24
    assert results["missed_errors"] == [] and results["unexpected_findings"] == 0
    # A tiny budget forces frictionless onto a sample, scaled up and said so.
    assert results["frictionless"]["sampled"] is True
    assert 0 < results["frictionless"]["sample_rows"] < results["rows_total"]
    assert len(results["ratios_by_round"]["scrutiny_data_vs_pyarrow_read"]) == 2
    assert set(results["ratios_median_of_rounds"]) == set(results["ratios_by_round"])
    assert set(results["ratios"]) == {
        "scrutiny_data_vs_pyarrow_read",
        "pandera_vs_scrutiny_data",
        "frictionless_vs_scrutiny_data",
    }
    scale = results["scale"]
    assert scale["factor"] == 2 and scale["skipped"] is False and scale["input"] == "parquet"
    assert scale["rows_total"] > results["rows_total"]
    # Parquet holds typed values: the conversion reports the text that does not parse, validation the rest.
    assert scale["planted_errors"] == scale["found_errors"] == 24 and scale["missed_errors"] == []
    assert scale["found_by_conversion"] == scale["text_only_errors"] > 0
    assert scale["found_in_parquet"] == 24 - scale["text_only_errors"]
    assert scale["unexpected_findings"] == 0 and scale["peak_rss_mb"] > 0 and scale["convert_peak_rss_mb"] > 0
    assert results["machine"]["cores"] >= 1 and "polars" in results["machine"]["versions"]
