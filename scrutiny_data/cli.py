"""The `scrutiny-data` command: thin over the library, it parses, calls and sets the exit code."""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path

import click

from . import __version__
from .cli_make import convert_command, extract_command, synth_command
from .dataset import load
from .errors import ScrutinyDataError, one_line
from .publish.ckan import DEFAULT_OWNER_ORG
from .schema import stale_schemas, write_schemas
from .validate.batches import PUBLISHERS_PER_BATCH

#: Exit codes: 0 clean, 1 findings with errors, 2 input could not be read, 3 internal error (a bug).
EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_INTERNAL = 0, 1, 2, 3

DEFAULT_SCHEMAS = Path("schemas")
#: A batched validation reports its steps on stderr once it has run this long (short runs stay quiet).
PROGRESS_AFTER_SECONDS = 2.0


class _Group(click.Group):
    """One line on stderr instead of a traceback: exit 2 for unreadable input, 3 for a bug.

    `--debug` lets the exception through, traceback and all.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ScrutinyDataError as exc:
            if ctx.params.get("debug"):
                raise
            click.secho(f"error: {exc}", fg="red", err=True)
            sys.exit(EXIT_UNREADABLE)
        except (click.ClickException, click.exceptions.Exit, click.Abort, BrokenPipeError):
            raise  # click reports these itself
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            detail = one_line(str(exc))[:200]
            click.secho(f"internal error: {type(exc).__name__}: {detail} (a bug in scrutiny-data; "
                        "rerun with --debug for the traceback and report it)", fg="red", err=True)
            sys.exit(EXIT_INTERNAL)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="scrutiny-data")
@click.option("--debug", is_flag=True, help="Show the full traceback instead of a one-line error.")
def main(debug: bool) -> None:
    """Turn council committee papers into validated open data.

    \b
    A dataset is a Frictionless data package: a datapackage.json beside one
    CSV per resource (meetings, attendance, complaints, kpis, ...).

    \b
    Exit codes: 0 no unwaived errors, 1 errors found, 2 input could not be read,
    3 internal error (rerun with --debug and report it).
    """


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--allow-remote", is_flag=True,
              help="Fetch resources whose path is an http(s) URL (refused by default).")
def info(path: Path, allow_remote: bool) -> None:
    """Load the data package at PATH and list its resources with row counts.

    \b
    Example:
      scrutiny-data info datasets/thurrock-childrens-services-scrutiny
    """
    dataset = load(path, allow_remote=allow_remote)
    click.echo(f"{dataset.name}: {dataset.row_count} rows")
    for name, frame in dataset.tables.items():
        click.echo(f"  {name:<16} {frame.height:>8} rows  {frame.width:>3} columns")
    if dataset.read_findings:
        click.echo(f"read findings: {len(dataset.read_findings)} (ragged rows, formula-like cells...); "
                   f"`scrutiny-data validate {path}` lists them")


@main.command()
@click.option("--write", "mode", flag_value="write", help="Regenerate the schema files from the models.")
@click.option("--check", "mode", flag_value="check", default=True,
              help="Fail (exit 1) when the schema files differ from the models (default).")
@click.option("--dir", "directory", type=click.Path(path_type=Path), default=DEFAULT_SCHEMAS,
              show_default=True, help="Directory of <resource>.json Table Schema files.")
def schema(mode: str, directory: Path) -> None:
    """Generate or check the Table Schema JSON of every resource.

    The models in scrutiny_data/models are the single source of truth; the
    files in schemas/ are derived from them.

    \b
    Examples:
      scrutiny-data schema --write     # after changing a model
      scrutiny-data schema --check     # in CI: exit 1 on drift
    """
    if mode == "write":
        for path in write_schemas(directory):
            click.echo(f"wrote {path}")
        return
    stale = stale_schemas(directory)
    if stale:
        click.echo(f"schemas out of date in {directory}: {', '.join(stale)}; run `scrutiny-data schema --write`")
        sys.exit(EXIT_FINDINGS)
    click.echo(f"schemas in {directory} match the models")


_SUFFIX_FORMATS = {".json": "json", ".xml": "junit", ".html": "html", ".htm": "html"}


def _is_parquet(path: Path) -> bool:
    """A directory of Parquet files; an unusable path is left for `load` to explain."""
    from .publish.parquet import is_parquet_dataset

    try:
        return is_parquet_dataset(path)
    except (OSError, ValueError):
        return False


def _progress_lines(path: Path) -> Callable[[int, int], None]:
    """Say on stderr how far a long batched validation has got (stdout keeps the report alone)."""
    start = time.monotonic()

    def show(done: int, total: int) -> None:
        if time.monotonic() - start >= PROGRESS_AFTER_SECONDS:
            click.echo(f"validating {path}: {done}/{total} steps done", err=True)
    return show


@main.command("validate")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "-f", "report_format",
              type=click.Choice(["terminal", "json", "junit", "github", "html"]), default=None,
              help="Report format. Default: from the --output suffix (.json, .xml, .html), else terminal.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to FILE (atomically) instead of printing it.")
@click.option("--sources", "source_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory holding the source papers, to quote the line each finding comes from "
                   "(repeatable; also searched: <dataset>/sources, $SCRUTINY_SOURCES, ../shared/seeds).")
@click.option("--quorum", type=click.IntRange(min=1), default=None,
              help="Members needed for a quorum when the committees table gives none (default 3).")
@click.option("--waivers", "waivers_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Waivers file (default: waivers.yaml beside datapackage.json, if any).")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Date the check is for, YYYY-MM-DD: stands in for a paper's date where a row has none.")
@click.option("--allow-remote", is_flag=True,
              help="Fetch resources whose path is an http(s) URL (refused by default).")
@click.option("--batch-publishers", type=click.IntRange(min=0), default=PUBLISHERS_PER_BATCH, show_default=True,
              help="Parquet input: validate this many publishers' rows at a time, so memory stays bounded "
                   "by a batch, not the package (the report is the same); 0 loads it all at once.")
def validate_command(path: Path, report_format: str | None, output: Path | None, source_dirs: tuple[Path, ...],
                     quorum: int | None, waivers_path: Path | None, as_of: dt.datetime | None,
                     allow_remote: bool, batch_publishers: int) -> None:
    """Check the data package at PATH against every rule and report what does not add up.

    Waived findings (known errors in the source papers, listed in
    waivers.yaml with a reason) are reported but do not fail the run.

    \b
    Examples:
      scrutiny-data validate datasets/thurrock-childrens-services-scrutiny
      scrutiny-data validate DATASET --format json > report.json
      scrutiny-data validate DATASET --output report.html         # for people
      scrutiny-data validate DATASET --format junit -o junit.xml  # CI test results
      scrutiny-data validate DATASET --format github              # GitHub annotations
      scrutiny-data validate DATASET --quorum 4 --as-of 2023-03-31
      scrutiny-data validate PUBLISHED/parquet --batch-publishers 20   # a large Parquet package

    \b
    Exit codes: 0 no unwaived errors, 1 errors found, 2 input could not be read.
    """
    from rich.console import Console

    from .atomic import atomic_write_text
    from .report import RecordLocator, SourceQuoter, print_terminal, render
    from .report.common import plural

    fmt = report_format or (_SUFFIX_FORMATS.get(output.suffix.lower(), "terminal") if output else "terminal")
    batched = batch_publishers > 0 and _is_parquet(path)
    dataset = None if batched else load(path, allow_remote=allow_remote)
    from .validate import validate  # the engine loads its rules; only worth it once the input reads
    from .validate.batches import sources_dataset, validate_parquet
    from .validate.config import ValidationConfig

    settings = {"quorum": quorum, "as_of": as_of.date() if as_of is not None else None}
    config = ValidationConfig(**{key: value for key, value in settings.items() if value is not None})
    if dataset is None:
        report = validate_parquet(path, publishers_per_batch=batch_publishers, waivers=waivers_path, config=config,
                                  progress=_progress_lines(path))
        dataset = sources_dataset(path)
    else:
        report = validate(dataset, waivers=waivers_path, config=config)
    quote = SourceQuoter.for_dataset(dataset, source_dirs)
    if output is None and fmt == "terminal":
        print_terminal(report, Console(), quote=quote)
    else:
        locate = RecordLocator.for_dataset(dataset, report.findings) if fmt == "github" else None
        text = render(report, fmt, quote=quote, locate=locate)
        if output is None:
            click.echo(text, nl=False)
        else:
            atomic_write_text(output, text)
            click.echo(f"wrote {output}: {plural(report.errors, 'error')}, {plural(report.warnings, 'warning')}, "
                       f"{report.waived} acknowledged", err=True)
    for problem in dict.fromkeys(quote.problems):
        click.echo(f"note: {problem}", err=True)
    if quote.missing and fmt in {"terminal", "html", "junit"}:
        click.echo(f"note: source files of {', '.join(quote.missing)} not found, so their lines are not "
                   "quoted; pass --sources DIR", err=True)
    if not report.ok:
        sys.exit(EXIT_FINDINGS)


@main.command("publish")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to publish to; built aside and swapped in, so a failure leaves the old one.")
@click.option("--allow-errors", is_flag=True,
              help="Publish even with unwaived errors (the validation report goes into the output).")
@click.option("--base-url", default=None,
              help="URL the output will be served from; ids and download links are built on it "
                   "(without it they point at a placeholder host, and a warning says so).")
@click.option("--owner-org", default=DEFAULT_OWNER_ORG,
              help="CKAN organisation (existing on the portal) that will own the dataset, for ckan.json; "
                   "without it ckan.json has no owner_org, and a warning says so.")
@click.option("--dataset-version", default=None,
              help="Version to publish as (default: the descriptor's `version`, else 1.0.0).")
@click.option("--waivers", "waivers_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Waivers file (default: waivers.yaml beside datapackage.json, if any).")
def publish_command(path: Path, out_dir: Path, allow_errors: bool, base_url: str | None, owner_org: str | None,
                    dataset_version: str | None, waivers_path: Path | None) -> None:
    """Validate the dataset at PATH and publish it to --out for open-data portals.

    \b
    Writes, byte-for-byte the same each time for the same input:
      datapackage.json, data/*.csv   Frictionless data package (OGL v3.0)
      parquet/*.parquet              zstd Parquet, Table Schema in the metadata
      dcat.jsonld                    DCAT-AP catalogue record (UK profile fields)
      ckan.json                      CKAN package_create payload
      oparl/, popolo.json            OParl 1.1 objects, Popolo people and memberships
      validation-report.json/.html   the validation report

    Refuses (exit 1, report shown) when unwaived errors remain, unless
    --allow-errors.

    \b
    Examples:
      scrutiny-data publish datasets/thurrock-childrens-services-scrutiny --out out
      scrutiny-data publish DATASET --out site/data --base-url https://data.example.gov.uk/scrutiny
    """
    from rich.console import Console

    from .publish import PublishRefused, publish
    from .report import SourceQuoter, print_terminal

    dataset = load(path)
    options = {"waivers": waivers_path} if waivers_path is not None else {}
    try:
        result = publish(dataset, out_dir, allow_errors=allow_errors, base_url=base_url, owner_org=owner_org,
                         version=dataset_version, **options)
    except PublishRefused as refused:
        print_terminal(refused.report, Console(), quote=SourceQuoter.for_dataset(dataset, ()))
        click.secho(f"error: not published: {refused.report.errors} unwaived error(s); fix them, acknowledge "
                    "them in waivers.yaml, or rerun with --allow-errors", fg="red", err=True)
        sys.exit(EXIT_FINDINGS)
    click.echo(result.summary())
    for warning in result.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    if not result.report.ok:
        click.secho(f"warning: published with {result.report.errors} unwaived error(s); see "
                    f"{out_dir / 'validation-report.html'}", fg="yellow", err=True)


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["table", "markdown", "json"]), default="table",
              show_default=True, help="A terminal table, the Markdown of docs/rules.md, or JSON.")
def rules_command(output_format: str) -> None:
    """List every validation rule: code, family, severity and what it checks.

    \b
    Examples:
      scrutiny-data rules
      scrutiny-data rules --format markdown > docs/rules.md
    """
    import json

    from .validate import catalogue_markdown, catalogue_records

    if output_format == "markdown":
        click.echo(catalogue_markdown(), nl=False)
        return
    records = catalogue_records()
    if output_format == "json":
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table as RichTable

    table = RichTable(title=f"{len(records)} rule codes")
    for column in ("code", "family", "severity", "what it checks"):
        table.add_column(column)
    for record in records:
        colour = "red" if record["severity"] == "error" else "yellow"
        table.add_row(record["code"], record["family"], f"[{colour}]{record['severity']}[/]", record["title"])
    Console().print(table)


main.add_command(extract_command)
main.add_command(synth_command)
main.add_command(convert_command)
