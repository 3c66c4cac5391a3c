"""The ``hwc-selfcheck`` application object and what every command shares.

Command modules import :data:`app` from here and add their commands to it;
:mod:`hwc_selfcheck.cli` imports them all, so nothing imports back from the
place that registers it.

Every command reports bad input as one line on stderr naming the file, the
place and the problem, and exits with status 2; no traceback reaches a user.
Mistakes in how a command is typed are reported the same way (see
:mod:`hwc_selfcheck.cli.usage`).
Every command saves through :func:`write_outputs`, which refuses to write
over any of the command's inputs (or into the package's own data), so a
mistyped ``--out`` can never replace the file a person was reporting on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence, Union

import typer

from hwc_selfcheck import __version__
from hwc_selfcheck.cli.usage import App
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.files import atomic_write_bytes, is_inside, overwritten_input
from hwc_selfcheck.framework.loader import DATA_DIR, Framework, load_framework

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


@dataclass(frozen=True)
class Output:
    """A file a command writes, and how the person named it, for messages."""

    path: Path
    data: Union[str, bytes]
    option: str = "--out"
    label: str = ""  # how to name a file written beside the one given ("--out x.html: the CSV beside it, x.csv,")

    def named(self) -> str:
        return self.label or f"{self.option} {self.path}"


def write_outputs(outputs: Sequence[Output], inputs: Mapping[Path, str]) -> None:
    """Save a command's files atomically, after checking that none of them is one of its inputs.

    ``inputs`` maps each file the command read to what it is ("the course
    plan (COURSE.csv)"). A clash, by real path or as the same file on disk, is
    refused with one line and exit status 2 before anything is written; so is
    a file inside the package's own data folder, which every command reads.
    """
    for out in outputs:
        if is_inside(out.path, DATA_DIR):
            raise fail(f"{out.named()} is inside hwc-selfcheck's own data folder, which every command reads; "
                       f"nothing was written. Choose a file elsewhere for {out.option}.")
    clash = overwritten_input([out.path for out in outputs], inputs)
    if clash:
        target, source = clash
        out = next(o for o in outputs if o.path == target)
        raise fail(f"{out.named()} would overwrite {source}, {inputs[source]}, which this command reads; "
                   f"nothing was written. Choose another file for {out.option}.")
    for out in outputs:
        data = out.data.encode("utf-8") if isinstance(out.data, str) else out.data
        try:
            atomic_write_bytes(out.path, data)
        except OSError as exc:
            raise fail(f"{out.path}: cannot write ({exc.strerror})") from None


def write_or_fail(out: Path, text: str, inputs: Mapping[Path, str]) -> None:
    """Save one ``--out`` file (see :func:`write_outputs`); a failure is one line and exit status 2."""
    write_outputs([Output(out, text)], inputs)


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
