"""Example records of a fictional coach, "Sam (example)", shipped with the package.

Notebooks and the book run on these when no person is at the keyboard, so
every stored output is deterministic and proven by nbval.
"""

from __future__ import annotations

from pathlib import Path

from .assessment import Assessment, read_assessment
from .framework import DATA_DIR

EXAMPLES_DIR = DATA_DIR / "examples"
EXAMPLE_ASSESSMENT = EXAMPLES_DIR / "assessment-2026-03-02.json"
EXAMPLE_PREVIOUS = EXAMPLES_DIR / "assessment-2025-12-01.json"


def example_assessment() -> Assessment:
    """Sam's latest self-assessment (Tier 1, 2 March 2026)."""
    return read_assessment(EXAMPLE_ASSESSMENT)


def example_previous() -> Assessment:
    """Sam's earlier self-assessment (1 December 2025), for progress views."""
    return read_assessment(EXAMPLE_PREVIOUS)


def example_path(name: str) -> Path:
    return EXAMPLES_DIR / name
