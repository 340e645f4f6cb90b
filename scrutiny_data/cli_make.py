"""The commands that make datasets: `extract` reads council papers, `synth` invents a national-scale package."""

from __future__ import annotations

from pathlib import Path

import click

from .dataset import load


@click.command("extract")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Dataset directory to write datapackage.json and data/*.csv into.")
@click.option("--mapping-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Directory holding package.yaml and tables.yaml (default: the --out directory).")
@click.option("--people", "people_from", type=click.Path(path_type=Path), default=None,
              help="An existing data package whose people and committees keep their ids.")
def extract_command(sources: tuple[Path, ...], out_dir: Path, mapping_dir: Path | None,
                    people_from: Path | None) -> None:
    """Extract the papers in SOURCES into a dataset.

    \b
    SOURCES are PDF files (their text layer), ModernGov pages saved from a
    browser, plain text files, or directories of them. Papers of the committee
    in package.yaml are read in full (minutes, agendas, reports, figures); any
    other council's minutes give meetings, attendance, interests and decisions.
    Parts that cannot be read are skipped with a warning naming the file and page.

    Writes datapackage.json and data/<resource>.csv atomically; hand-written
    files beside them (package.yaml, tables.yaml, waivers.yaml) are read, never
    overwritten.

    \b
    Examples:
      scrutiny-data extract ../shared/seeds --out datasets/thurrock-childrens-services-scrutiny
      scrutiny-data extract minutes/ --out datasets/westshire --people datasets/westshire
    """
    from .extract import extract_to

    existing = load(people_from) if people_from else None
    dataset = extract_to(list(sources), out_dir, mapping_dir,
                         progress=lambda doc: click.echo(f"reading {doc.source_id}  {doc.path.name}", err=True),
                         existing=existing,
                         on_notice=lambda notice: click.secho(f"warning: {notice}", fg="yellow", err=True))
    click.echo(f"{dataset.name}: {dataset.row_count} rows written to {out_dir}")
    for name, frame in dataset.tables.items():
        click.echo(f"  {name:<16} {frame.height:>8} rows")


@click.command("synth")
@click.option("--councils", type=click.IntRange(min=1), default=10, show_default=True, help="Councils to invent.")
@click.option("--years", type=click.IntRange(min=1), default=5, show_default=True, help="Municipal years each.")
@click.option("--seed", type=int, default=1, show_default=True, help="Seed: the same seed, the same data.")
@click.option("--errors", type=click.IntRange(min=0), default=0, show_default=True,
              help="Errors to plant, spread over every rule family.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Directory to write the data package and planted-errors.json to.")
def synth_command(councils: int, years: int, seed: int, errors: int, out_dir: Path) -> None:
    """Generate a synthetic data package at national scale, with planted errors.

    Realistic committees, members, meetings, attendance, resolutions, complaints,
    KPIs and budgets; every figure is invented. planted-errors.json lists each
    planted error's code and record, so a validator's findings can be checked.

    \b
    Examples:
      scrutiny-data synth --councils 3 --years 2 --errors 24 --out out/synthetic
      scrutiny-data synth --councils 305 --years 10 --seed 1 --out out/national   # ~1M attendance rows
    """
    from .synth import write  # numpy is imported only by the command that needs it

    try:
        manifest = write(out_dir, councils, years, seed, errors, progress=lambda line: click.echo(line, err=True))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--errors") from exc
    rows = ", ".join(f"{name} {count:,}" for name, count in manifest["rows"].items() if count)
    click.echo(f"{out_dir}: {rows}; {manifest['errors']} planted errors in {out_dir / 'planted-errors.json'}")


@click.command("convert")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to write <resource>.parquet into; built aside and swapped in when complete.")
@click.pass_context
def convert_command(ctx: click.Context, path: Path, out_dir: Path) -> None:
    """Convert the CSV data package at PATH to Parquet, 64 MB of rows at a time.

    For a package too large to validate in memory: converting needs about
    1 GB whatever the package's size, and `scrutiny-data validate OUT` then
    checks the Parquet a batch of publishers at a time, with the package's
    waivers (waivers.yaml is copied into OUT).

    A typed Parquet column cannot hold a value that does not parse (a date
    such as 31/02/2023, a count such as "twelve"): such values are written as
    null and listed here, with the problems met reading the files (validating
    OUT then reports a required one as missing). Resources the contract does
    not define are not converted.

    \b
    Exit codes: 0 converted, 1 converted but values were lost (listed),
    2 input could not be read.

    \b
    Examples:
      scrutiny-data convert out/national --out out/national-parquet
      scrutiny-data validate out/national-parquet
    """
    from rich.console import Console

    from .convert import convert_to_parquet
    from .report import print_terminal

    report = convert_to_parquet(path, out_dir, progress=lambda name, rows: click.echo(
        f"converted {name:<16} {rows:>10,} rows", err=True))
    click.echo(f"{out_dir}: {report.records:,} rows as Parquet; validate them with "
               f"`scrutiny-data validate {out_dir}`", err=True)
    if report.findings:
        print_terminal(report, Console())
    if not report.ok:
        ctx.exit(1)  # the values listed are null in the Parquet
