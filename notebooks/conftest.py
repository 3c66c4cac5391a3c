"""nbval runs the notebooks on the example data, in a scratch folder, and never touches a person's files.

This folder is where a coach opens the notebooks (``make lab``) and keeps their
own files: ``my-self-assessment.json``, ``my-hours.csv``, the reports the
notebooks save. So a test run must neither read nor write them:

- Example data only: the notebooks show the fictional coach whatever a
  developer has saved here, so every stored output is the same everywhere.
- A scratch folder: nbval starts each notebook's kernel in the notebook's own
  folder, where the notebooks save ``my-development-plan.html`` and the other
  reports. Here every kernel starts in a temporary folder instead, removed at
  the end of the run.
- A check: this folder is listed (names, sizes, times) when the run starts and
  again at its end; if any file appeared, changed or went, the run fails and
  says which.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import nbval.plugin
import pytest

from hwc_selfcheck.assessment.examples import EXAMPLE_ONLY_ENV

os.environ[EXAMPLE_ONLY_ENV] = "1"

HERE = Path(__file__).resolve().parent
SCRATCH = Path(tempfile.mkdtemp(prefix="hwc-notebooks-"))
IGNORED = {"__pycache__", ".ipynb_checkpoints"}  # Python's and Jupyter's own caches


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file below ``folder``: its size and modification time, by relative name."""
    found = {}
    for path in folder.rglob("*"):
        if path.is_file() and not IGNORED.intersection(path.relative_to(folder).parts):
            stat = path.stat()
            found[str(path.relative_to(folder))] = (stat.st_size, stat.st_mtime_ns)
    return found


BEFORE = listing(HERE)

_start_kernel = nbval.plugin.RunningKernel


def _kernel_in_scratch_folder(kernel_name: str, cwd: "str | None" = None, **options: object) -> object:
    """nbval's kernel, started in the scratch folder rather than beside the notebook (``cwd``)."""
    return _start_kernel(kernel_name, cwd=str(SCRATCH), **options)


nbval.plugin.RunningKernel = _kernel_in_scratch_folder


def changes(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> list[str]:
    """What happened to the folder between two listings, one line per file."""
    return ([f"new: {name}" for name in sorted(after.keys() - before.keys())]
            + [f"gone: {name}" for name in sorted(before.keys() - after.keys())]
            + [f"changed: {name}" for name in sorted(before.keys() & after.keys()) if before[name] != after[name]])


_found: list[str] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(SCRATCH, ignore_errors=True)
    _found[:] = changes(BEFORE, listing(HERE))
    if _found:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: "pytest.TerminalReporter") -> None:
    if _found:
        terminalreporter.write_sep("=", "the test run changed files in notebooks/, where people keep their own", red=True)
        for line in _found:
            terminalreporter.write_line(line)
