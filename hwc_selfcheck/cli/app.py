"""The ``hwc-selfcheck`` application object and what every command shares.

Command modules import :data:`app` from here and add their commands to it;
:mod:`hwc_selfcheck.cli` imports them all, so nothing imports back from the
place that registers it.

Every command reports bad input as one line on stderr naming the file, the
place and the problem, and exits with status 2; no traceback reaches a user.
Mistakes in how a command is typed are reported the same way (see
:mod:`hwc_selfcheck.cli.usage`).
"""

from __future__ import annotations

from pathlib import Path

import typer

from hwc_selfcheck import __version__
from hwc_selfcheck.cli.usage import App
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.files import atomic_write_text
from hwc_selfcheck.framework.loader import Framework, load_framework

app = App(name="hwc-selfcheck", help="Work with NHS England's health and wellbeing coach framework (B1570).",
          no_args_is_help=True)
framework_app = App(help="List, show and export the framework's items.", no_args_is_help=True)
app.add_typer(framework_app, name="framework")
schema_app = App(help="Print the JSON Schema of a record format.", no_args_is_help=True)
app.add_typer(schema_app, name="schema")


def fail(message: str) -> "typer.Exit":
    """Print a one-line error and return the exit to raise (status 2)."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=2)


def write_or_fail(out: Path, text: str) -> None:
    """Save a command's output atomically; a failure is one line and exit status 2."""
    try:
        atomic_write_text(out, text)
    except OSError as exc:
        raise fail(f"{out}: cannot write ({exc.strerror})") from None


def framework_or_exit() -> Framework:
    try:
        return load_framework()
    except InputError as exc:
        raise fail(f"the framework data is broken: {exc}") from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hwc-selfcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Work with NHS England's health and wellbeing coach framework (B1570)."""
