"""Shared fixtures: the framework, the source documents and a built book."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hwc_selfcheck.framework import DATA_DIR, Framework, load_framework

REPO = Path(__file__).resolve().parents[1]
SOURCES = Path(os.environ.get("HWC_SOURCES", REPO.parent / "shared" / "sources"))
FRAMEWORK_TXT = SOURCES / "hwc-workforce-development-framework.txt"


@pytest.fixture(scope="session")
def fw() -> Framework:
    return load_framework()


@pytest.fixture(scope="session")
def source_lines() -> list[str]:
    """The framework's text, one line per paragraph; CI always has it beside the repo."""
    if not FRAMEWORK_TXT.exists():
        if os.environ.get("CI"):
            pytest.fail(f"source document missing in CI: {FRAMEWORK_TXT}")
        pytest.skip(f"source document not found at {FRAMEWORK_TXT} (set HWC_SOURCES)")
    return FRAMEWORK_TXT.read_text(encoding="utf-8").splitlines()


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the data folder that a test may break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def built_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the book once, strictly (-W -n), and return the HTML folder."""
    out = tmp_path_factory.mktemp("book")
    jb = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jb), "build", str(REPO), "-W", "-n", "--keep-going", "--path-output", str(out)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail("the book build failed or warned:\n" + result.stdout[-6000:] + result.stderr[-3000:])
    return out / "_build" / "html"
