"""The Typer application and the options and output helpers its commands share."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import track

from newsprism import __version__
from newsprism.config import Settings, load_settings
from newsprism.errors import ConfigError, StoreError
from newsprism.ingest.outlets import OutletMap, OutletResolver
from newsprism.model import Failure

app = typer.Typer(name="newsprism", no_args_is_help=True, add_completion=False,
                  help="Line up news articles about one story and show, with evidence, "
                       "how each outlet told it.")
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

T = TypeVar("T")

JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON (JSON Lines for many records).")]
DbOption = Annotated[
    Path, typer.Option("--db", envvar="NEWSPRISM_DB", help="SQLite database file.")]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Settings file (TOML) overriding the defaults.")]
OutletsOption = Annotated[
    Path | None,
    typer.Option("--outlets", help="File mapping file names or domains to outlets (TOML/CSV).")]
OutletOption = Annotated[
    str | None, typer.Option("--outlet", help="Outlet for inputs that name none.")]
IncludeOption = Annotated[
    list[str] | None,
    typer.Option("--include", help="Glob of file names taken from folders (repeatable; "
                                   "replaces the defaults).")]
ExcludeOption = Annotated[
    list[str] | None,
    typer.Option("--exclude", help="Glob of paths skipped in folders (repeatable; "
                                   "added to the defaults).")]
PathsArgument = Annotated[
    list[str], typer.Argument(help="Files, folders or - for stdin.", show_default=False)]


def _version(value: bool) -> None:
    if value:
        out.print(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """newsprism: one story, many outlets."""


def settings_for(config: Path | None, include: list[str] | None,
                 exclude: list[str] | None) -> Settings:
    """Settings from defaults, the user's file and command-line globs; usage error if bad."""
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        raise typer.BadParameter(str(exc), param_hint="--config") from exc
    ingest = settings.ingest
    if include:
        ingest = replace(ingest, include=tuple(include))
    if exclude:
        ingest = replace(ingest, exclude=ingest.exclude + tuple(exclude))
    return replace(settings, ingest=ingest)


def outlet_resolver(outlets: Path | None, outlet: str | None) -> OutletResolver:
    try:
        mapping = OutletMap.load(outlets) if outlets else OutletMap()
    except ConfigError as exc:
        raise typer.BadParameter(str(exc), param_hint="--outlets") from exc
    return OutletResolver(mapping, outlet)


def progress(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    """Iterate with a progress bar on stderr when it is a terminal."""
    count = total if total is not None else len(items) if isinstance(items, Sequence) else None
    yield from track(items, description=description, console=err, transient=True, total=count,
                     disable=not err.is_terminal or (count or 0) < 2)


def print_json(record: Any) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def report_failures(failures: Iterable[Failure]) -> int:
    """Print one line per failure on stderr and a summary; the exit status to use."""
    failures = list(failures)
    for failure in failures:
        stage = "" if failure.stage == "ingest" else f" [{failure.stage}]"
        err.print(f"[red]error[/red]{stage}: {escape(failure.source)}: "
                  f"{escape(failure.problem)}", soft_wrap=True)
    if failures:
        err.print(f"{len(failures)} input(s) failed; the others were processed.")
    return 1 if failures else 0


def fail_store(exc: StoreError) -> typer.Exit:
    err.print(f"[red]error[/red]: {escape(str(exc))}", soft_wrap=True)
    return typer.Exit(1)


# Importing the command modules registers their commands on `app`.
from newsprism.cli import (  # noqa: E402,F401
    articles,
    compare,
    stories,
)
