"""Checkers from the npm registry (pa11y, the Nu HTML checker) for the site tests.

``make test`` installs them into tests/npm/node_modules (pinned by its
package-lock.json), and Java with apt when it is missing. Run without them,
their tests skip with a message; in CI (``CI`` set) they fail instead.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import chromium_or_skip

NPM = Path(__file__).resolve().parents[1] / "npm"
INSTALL_HELP = "run `make test` (it installs them), or: cd tests/npm && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts"


def missing(what: str) -> None:
    """Skip, or in CI fail, naming what is missing and how to get it."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} missing in CI")
    pytest.skip(f"{what} not found: {INSTALL_HELP}")


@pytest.fixture(scope="session")
def npm_tools() -> Path:
    """tests/npm, with its node_modules installed."""
    if not (NPM / "node_modules" / "pa11y").is_dir() or not (NPM / "node_modules" / "vnu-jar").is_dir():
        missing("pa11y and vnu-jar (tests/npm/node_modules)")
    if not shutil.which("node"):
        missing("Node.js")
    return NPM


@pytest.fixture(scope="session")
def java() -> str:
    """The system's Java, for vnu.jar (``make test`` installs default-jre-headless when root)."""
    found = shutil.which("java")
    if not found:
        missing("Java (sudo apt-get install default-jre-headless)")
    return str(found)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium, for the npm checkers (the Python tests use the ``browser`` fixture)."""
    return chromium_or_skip()
