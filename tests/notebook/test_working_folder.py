"""Testing the notebooks leaves the folder where a coach keeps their own files exactly as it was.

Each test copies the real ``notebooks/conftest.py`` into a temporary
"notebooks" folder that holds a coach's own files, and runs pytest there.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
OWN_FILES = {
    "my-development-plan.html": "<p>The plan I printed for my supervisor</p>",
    "my-checklists.json": '{"format": "hwc-selfcheck/checklists", "mine": true}',
}


def coach_folder(tmp_path: Path, *notebooks: str) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name in ("conftest.py", "nbval-sanitize.cfg", *notebooks):
        shutil.copyfile(NOTEBOOKS / name, folder / name)
    for name, text in OWN_FILES.items():
        (folder / name).write_text(text)
    return folder


def run_pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(folder), *args],
        cwd=folder, capture_output=True, text=True, timeout=600,
    )


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_running_a_notebook_that_saves_a_report_leaves_the_coachs_files_alone(tmp_path: Path) -> None:
    folder = coach_folder(tmp_path, "my-development-plan.ipynb")
    before = files(folder)
    result = run_pytest(folder, "--nbval", "--nbval-current-env", "--nbval-sanitize-with", "nbval-sanitize.cfg",
                        "my-development-plan.ipynb")
    assert result.returncode == 0, result.stdout[-3000:]
    assert files(folder) == before  # the notebook saved its report, but in a scratch folder


def test_a_test_that_writes_into_the_folder_fails_the_run_and_says_which_file(tmp_path: Path) -> None:
    folder = coach_folder(tmp_path)
    (folder / "test_careless.py").write_text(
        "from pathlib import Path\n\n"
        "def test_saves_beside_the_notebooks():\n"
        "    Path(__file__).with_name('my-hours.csv').write_text('date,hours')\n"
        "    Path(__file__).with_name('my-development-plan.html').write_text('replaced')\n"
    )
    result = run_pytest(folder, "test_careless.py")
    assert result.returncode == 1, result.stdout[-3000:]
    assert "1 passed" in result.stdout and "the test run changed files in notebooks/" in result.stdout
    assert "new: my-hours.csv" in result.stdout and "changed: my-development-plan.html" in result.stdout
