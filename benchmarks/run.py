"""Benchmark scrutiny-data validate against pandera, frictionless and pyarrow's CSV read on one synthetic dataset.

    python benchmarks/run.py --rows 1000000 --out benchmarks/results.json [--scale 10]

Each tool runs in its own subprocess, so its peak RSS is its own. `--scale N` also generates a dataset N
times larger, converts it to Parquet and validates that in batches of publishers (`validate_parquet`).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

TOOLS = ("scrutiny_data", "pandera", "frictionless", "pyarrow_read")
#: frictionless checks about this many rows a second; past `--frictionless-budget` seconds it runs on a sample.
FRICTIONLESS_ROWS_PER_SECOND = 20_000
#: The total frictionless checks row by row (a breakdown row would need other rows): a stated ratio.
KPI_RATIO_FORMULA = (
    "numerator == None or denominator == None or unit != 'percent' or "
    "(value - 100 * numerator / denominator <= 0.5 and 100 * numerator / denominator - value <= 0.5)"
)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _csv_paths(package: Path) -> dict[str, Path]:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: package / r["path"] for r in descriptor["resources"]}


def _planted(package: Path, findings: list[Any]) -> dict[str, Any]:
    """The planted errors of the package's manifest found among the findings (nothing without a manifest)."""
    from scrutiny_data.synth import MANIFEST, match_planted

    manifest_path = package / MANIFEST
    if not manifest_path.is_file():
        return {}
    matched = match_planted(json.loads(manifest_path.read_text(encoding="utf-8")), findings)
    return {
        "found_errors": len(matched["found"]),
        "missing": [(e["code"], e["record_id"]) for e in matched["missing"]],
        "unexpected_findings": len(matched["unexpected"]),
    }


def run_scrutiny_data(package: Path) -> dict[str, Any]:
    """Load the package and run every rule; count the planted errors found."""
    from scrutiny_data.dataset import load
    from scrutiny_data.validate import validate

    start = time.perf_counter()
    report = validate(load(package))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "findings": len(report.findings), "rules": report.rules,
            **_planted(package, report.findings)}


def run_scrutiny_data_parquet(package: Path) -> dict[str, Any]:
    """Validate a directory of Parquet files in batches of publishers; count the planted errors found."""
    from scrutiny_data.validate.batches import PUBLISHERS_PER_BATCH, validate_parquet

    start = time.perf_counter()
    report = validate_parquet(package, publishers_per_batch=PUBLISHERS_PER_BATCH)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "findings": len(report.findings), "rules": report.rules,
            **_planted(package, report.findings)}


def run_pandera(package: Path) -> dict[str, Any]:
    """Read each CSV with the model's dtypes and run its pandera schema, collecting every failure."""
    import pandera.errors
    import polars as pl

    from scrutiny_data.models import RESOURCES
    from scrutiny_data.schema import pandera_schema, polars_schema

    schemas = {name: pandera_schema(model) for name, model in RESOURCES.items()}
    start = time.perf_counter()
    failures = 0
    for name, path in _csv_paths(package).items():
        frame = pl.read_csv(path, schema_overrides=polars_schema(RESOURCES[name]), ignore_errors=True)
        try:
            schemas[name].validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as exc:
            failures += exc.failure_cases.height
    return {"seconds": time.perf_counter() - start, "failure_cases": failures}


def run_pyarrow_read(package: Path) -> dict[str, Any]:
    """The floor: pyarrow reads every CSV into memory, nothing else."""
    import pyarrow.csv

    start = time.perf_counter()
    rows = sum(pyarrow.csv.read_csv(path).num_rows for path in _csv_paths(package).values())
    return {"seconds": time.perf_counter() - start, "rows": rows}


def run_frictionless(package: Path) -> dict[str, Any]:
    """`frictionless validate` of the package (schemas, keys), plus a row constraint on the kpis' ratios."""
    from frictionless import Checklist, Package, Resource, checks

    start = time.perf_counter()
    report = Package(str(package / "datapackage.json")).validate()
    kpis = (
        Resource(str(package / "data" / "kpis.csv"), schema=str(package / "kpis.schema.json"))
        if (package / "kpis.schema.json").is_file()
        else None
    )
    errors = report.stats["errors"]
    if kpis is not None:
        ratio = kpis.validate(checklist=Checklist(checks=[checks.row_constraint(formula=KPI_RATIO_FORMULA)]))
        errors += ratio.stats["errors"]
    return {"seconds": time.perf_counter() - start, "errors": errors}


def to_parquet(package: Path, out: Path) -> dict[str, Any]:
    """`scrutiny-data convert` (a part of each file at a time) with the manifest copied beside; what it found."""
    from scrutiny_data.convert import convert_to_parquet

    start = time.perf_counter()
    report = convert_to_parquet(package, out)
    seconds = time.perf_counter() - start
    manifest = package / "planted-errors.json"
    if manifest.is_file():
        (out / "planted-errors.json").write_bytes(manifest.read_bytes())
    found = [{"code": f.code, "resource": f.resource, "record_id": f.record_id, "message": f.message}
             for f in report.findings]
    return {"seconds": seconds, "findings": found}


CHILDREN = {
    "scrutiny_data": run_scrutiny_data,
    "scrutiny_data_parquet": run_scrutiny_data_parquet,
    "pandera": run_pandera,
    "frictionless": run_frictionless,
    "pyarrow_read": run_pyarrow_read,
}


def child(tool: str, package: Path) -> None:
    """Run one tool in this process and print its result with this process's peak RSS as JSON."""
    result = CHILDREN[tool](package)
    result["peak_rss_mb"] = round(_peak_rss_mb(), 1)
    print(json.dumps(result))


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The fastest of a tool's runs, with every run's seconds and the highest peak RSS seen.

    The fastest run is the tool's speed with the least interference from whatever else the machine
    is doing; the memory reported is the worst.
    """
    best = min(runs, key=lambda run: run["seconds"])
    return {**best, "runs_seconds": [round(run["seconds"], 3) for run in runs],
            "peak_rss_mb": max(run["peak_rss_mb"] for run in runs)}


def measure(tool: str, package: Path, log: Any) -> dict[str, Any]:
    """Run one tool in a fresh interpreter; its result, with the wall time including start-up."""
    log(f"  {tool:<14} on {package.name} ...")
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child", tool, "--package", str(package)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{tool} failed:\n{done.stderr[-4000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = round(time.perf_counter() - start, 3)
    log(f"  {tool:<14} {result['seconds']:8.2f} s  {result['peak_rss_mb']:8.1f} MB")
    return result


def synthesise(out: Path, councils: int, years: int, seed: int, errors: int, log: Any) -> dict[str, Any]:
    """Generate the dataset in a subprocess (the generator's memory is not charged to any tool)."""
    log(f"generating {councils} councils x {years} years, {errors} planted errors -> {out}")
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from scrutiny_data.cli import main; main()",
            "synth",
            "--councils",
            str(councils),
            "--years",
            str(years),
            "--seed",
            str(seed),
            "--errors",
            str(errors),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads((out / "planted-errors.json").read_text(encoding="utf-8"))


def sample_package(package: Path, out: Path, fraction: float) -> int:
    """The rows of the first `fraction` of councils (publishers of the sources), so keys still resolve."""
    import polars as pl

    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: r["path"] for r in descriptor["resources"]}
    sources = pl.read_csv(package / paths["sources"], infer_schema=False)
    publishers = sources["publisher"].unique(maintain_order=True)
    kept = publishers.head(max(1, round(publishers.len() * fraction)))
    keep = sources.filter(pl.col("publisher").is_in(kept.implode()))["id"].implode()
    (out / "data").mkdir(parents=True, exist_ok=True)
    rows = 0
    for res in descriptor["resources"]:
        frame = pl.read_csv(package / res["path"], infer_schema=False)
        if frame.height and fraction < 1.0:
            frame = frame.filter(pl.col("source_id").is_in(keep))
        frame.write_csv(out / res["path"])
        rows += frame.height
        if res["name"] == "kpis":
            schema = {k: v for k, v in res["schema"].items() if k != "foreignKeys"}
            (out / "kpis.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    (out / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return rows


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import frictionless
    import pandera
    import polars
    import pyarrow

    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else ""
    )
    memory_kb = (
        next(
            (
                int(line.split()[1])
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            ),
            0,
        )
        if Path("/proc/meminfo").exists()
        else 0
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024**2, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "versions": {
            "polars": polars.__version__,
            "pandera": pandera.__version__,
            "pyarrow": pyarrow.__version__,
            "frictionless": frictionless.__version__,
        },
    }


def benchmark(args: argparse.Namespace, work: Path, log: Any) -> dict[str, Any]:
    """Generate, time every tool, and put the figures together."""
    from scrutiny_data.synth import councils_for_rows

    councils = councils_for_rows(args.rows, args.years)
    package = work / "package"
    manifest = synthesise(package, councils, args.years, args.seed, args.errors, log)
    total_rows = sum(manifest["rows"].values())
    # Interleaved rounds, so a busy spell on the machine does not fall on one tool's runs only.
    rounds = [{tool: measure(tool, package, log) for tool in ("pyarrow_read", "scrutiny_data", "pandera")}
              for _ in range(max(1, args.repeat))]
    results = {tool: _best([run[tool] for run in rounds]) for tool in rounds[0]}
    estimate = total_rows / FRICTIONLESS_ROWS_PER_SECOND
    fraction = 1.0 if estimate <= args.frictionless_budget else args.frictionless_budget / estimate
    frictionless_info: dict[str, Any] = {"skipped": args.skip_frictionless}
    if not args.skip_frictionless:
        sample = work / "frictionless-sample"
        sample_rows = sample_package(package, sample, fraction)
        result = measure("frictionless", sample, log)
        scale = total_rows / sample_rows
        frictionless_info.update(
            sampled=fraction < 1.0,
            sample_rows=sample_rows,
            sample_seconds=result["seconds"],
            sample_errors=result["errors"],
            sample_peak_rss_mb=result["peak_rss_mb"],
            extrapolated=fraction < 1.0,
            note="timed on every row of the first councils and scaled linearly to the full row count"
            if fraction < 1.0
            else "timed on the full dataset",
        )
        results["frictionless"] = {**result, "seconds": result["seconds"] * scale}
    seconds = {tool: round(r["seconds"], 3) for tool, r in results.items()}
    ours = seconds["scrutiny_data"]
    ratios = {
        "scrutiny_data_vs_pyarrow_read": round(ours / seconds["pyarrow_read"], 2),
        "pandera_vs_scrutiny_data": round(seconds["pandera"] / ours, 2),
    }
    if "frictionless" in seconds:
        ratios["frictionless_vs_scrutiny_data"] = round(seconds["frictionless"] / ours, 1)
    # The same ratios within each round (tools run back to back): steadier when the machine's speed drifts.
    by_round = {
        "scrutiny_data_vs_pyarrow_read": [r["scrutiny_data"]["seconds"] / r["pyarrow_read"]["seconds"] for r in rounds],
        "pandera_vs_scrutiny_data": [r["pandera"]["seconds"] / r["scrutiny_data"]["seconds"] for r in rounds],
    }
    found = results["scrutiny_data"].get("found_errors")
    out = {
        "rows": manifest["rows"]["attendance"],
        "rows_total": total_rows,
        "rows_by_resource": {k: v for k, v in manifest["rows"].items() if v},
        "councils": councils,
        "years": args.years,
        "seed": args.seed,
        "seconds": seconds,
        "runs_seconds": {tool: r["runs_seconds"] for tool, r in results.items() if "runs_seconds" in r},
        "repeat": max(1, args.repeat),
        "peak_rss_mb": {tool: r["peak_rss_mb"] for tool, r in results.items()},
        "rows_per_second": {tool: round(total_rows / s) for tool, s in seconds.items()},
        "ratios": ratios,
        "ratios_by_round": {name: [round(value, 2) for value in values] for name, values in by_round.items()},
        "ratios_median_of_rounds": {name: round(statistics.median(values), 2) for name, values in by_round.items()},
        "targets": {
            "within_3x_pyarrow_read": ratios["scrutiny_data_vs_pyarrow_read"] <= 3,
            "at_least_100x_frictionless": ratios.get("frictionless_vs_scrutiny_data", 0) >= 100,
            "no_slower_than_pandera": ratios["pandera_vs_scrutiny_data"] >= 1,
            "every_planted_error_found": found == manifest["errors"],
        },
        "planted_errors": manifest["errors"],
        "found_errors": found,
        "missed_errors": results["scrutiny_data"].get("missing", []),
        "unexpected_findings": results["scrutiny_data"].get("unexpected_findings"),
        "frictionless": frictionless_info,
        "machine": machine(),
    }
    if args.scale > 1:
        out["scale"] = scale_run(args, work, councils, log)
    return out


def convert(package: Path, out: Path, log: Any) -> dict[str, Any]:
    """Convert the package to Parquet in a subprocess (its memory is not charged to the tool measured)."""
    log(f"converting {package.name} to Parquet -> {out}")
    done = subprocess.run([sys.executable, __file__, "--package", str(package), "--parquet-out", str(out)],
                          check=True, capture_output=True, text=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    log(f"  convert        {result['seconds']:8.2f} s  {result['peak_rss_mb']:8.1f} MB")
    return result


def scale_run(args: argparse.Namespace, work: Path, councils: int, log: Any) -> dict[str, Any]:
    """Validate a dataset `--scale` times larger, as Parquet in batches of publishers."""
    from scrutiny_data.convert import TEXT_RULES
    from scrutiny_data.synth import match_planted
    from scrutiny_data.validate.batches import PUBLISHERS_PER_BATCH

    big = work / f"package-x{args.scale}"
    big_manifest = synthesise(big, councils * args.scale, args.years, args.seed, args.errors, log)
    parquet = work / f"package-x{args.scale}-parquet"
    converted = convert(big, parquet, log)
    result = measure("scrutiny_data_parquet", parquet, log)
    text_only = sum(e["code"] in TEXT_RULES for e in big_manifest["planted"])
    # Text that does not parse is reported by the conversion (it is null in the Parquet); the rest by validation.
    by_conversion = match_planted(big_manifest, [SimpleNamespace(**f) for f in converted["findings"]])
    caught = {(e["code"], e["record_id"]) for e in by_conversion["found"]}
    missed = [pair for pair in result.get("missing", []) if tuple(pair) not in caught]
    return {
        "factor": args.scale,
        "skipped": False,
        "rows_total": sum(big_manifest["rows"].values()),
        "attendance_rows": big_manifest["rows"]["attendance"],
        "input": "parquet",
        "publishers_per_batch": PUBLISHERS_PER_BATCH,
        "seconds": round(result["seconds"], 3),
        "peak_rss_mb": result["peak_rss_mb"],
        "under_4gb": result["peak_rss_mb"] < 4096,
        "convert_seconds": round(converted["seconds"], 3),
        "convert_peak_rss_mb": converted["peak_rss_mb"],
        "found_errors": big_manifest["errors"] - len(missed),
        "found_by_conversion": len(by_conversion["found"]),
        "found_in_parquet": result.get("found_errors"),
        "planted_errors": big_manifest["errors"],
        "text_only_errors": text_only,
        "missed_errors": missed,
        "unexpected_findings": (result.get("unexpected_findings") or 0) + len(by_conversion["unexpected"]),
        "note": f"{text_only} planted errors are text that does not parse ({', '.join(sorted(TEXT_RULES))}): "
                "typed Parquet cannot hold them, so the conversion reports them",
    }


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments; run as the parent (benchmark) or as one tool's child process."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="Attendance rows (kpis+complaints are as many).")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--errors", type=int, default=96, help="Errors to plant (spread over every rule family).")
    parser.add_argument("--out", type=Path, default=None, help="Write the results JSON here.")
    parser.add_argument("--scale", type=int, default=1, help="Also validate a dataset this many times larger.")
    parser.add_argument(
        "--frictionless-budget",
        type=float,
        default=300.0,
        help="Seconds frictionless may take before it runs on a sample and is extrapolated.",
    )
    parser.add_argument("--repeat", type=int, default=3,
                        help="Runs of each fast tool (interleaved); the fastest is reported (frictionless runs once).")
    parser.add_argument("--skip-frictionless", action="store_true")
    parser.add_argument("--workdir", type=Path, default=None, help="Keep generated data here (default: a temp dir).")
    parser.add_argument("--child", choices=list(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--package", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--parquet-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.package)
        return 0
    if args.parquet_out:
        result = to_parquet(args.package, args.parquet_out)
        print(json.dumps({**result, "peak_rss_mb": round(_peak_rss_mb(), 1)}))
        return 0

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        results = benchmark(args, args.workdir, log)
    else:
        with tempfile.TemporaryDirectory(prefix="scrutiny-bench-") as tmp:
            results = benchmark(args, Path(tmp), log)
    text = json.dumps(results, indent=2) + "\n"
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
