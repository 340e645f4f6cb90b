"""The `scrutiny-data` command: thin over the library, it parses, calls and sets the exit code."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .dataset import load
from .errors import ScrutinyDataError
from .schema import stale_schemas, write_schemas

#: Exit codes: 0 clean, 1 findings with errors, 2 input could not be read.
EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2

DEFAULT_SCHEMAS = Path("schemas")


class _Group(click.Group):
    """Turn unreadable input into one line on stderr and exit 2; `--debug` shows the traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ScrutinyDataError as exc:
            if ctx.params.get("debug"):
                raise
            click.secho(f"error: {exc}", fg="red", err=True)
            sys.exit(EXIT_UNREADABLE)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="scrutiny-data")
@click.option("--debug", is_flag=True, help="Show the full traceback when input cannot be read.")
def main(debug: bool) -> None:
    """Turn council committee papers into validated open data.

    \b
    A dataset is a Frictionless data package: a datapackage.json beside one
    CSV per resource (meetings, attendance, complaints, kpis, ...).

    \b
    Exit codes: 0 no unwaived errors, 1 errors found, 2 input could not be read.
    """


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
def info(path: Path) -> None:
    """Load the data package at PATH and list its resources with row counts.

    \b
    Example:
      scrutiny-data info datasets/thurrock-childrens-services-scrutiny
    """
    dataset = load(path)
    click.echo(f"{dataset.name}: {dataset.row_count} rows")
    for name, frame in dataset.tables.items():
        click.echo(f"  {name:<16} {frame.height:>8} rows  {frame.width:>3} columns")


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
