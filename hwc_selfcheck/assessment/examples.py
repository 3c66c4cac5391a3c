"""Example records of a fictional coach, "Sam (example)", shipped with the package.

Notebooks and the book run on these when no person is at the keyboard, so
every stored output is deterministic and proven by nbval.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from hwc_selfcheck.assessment.record import Assessment, read_assessment
from hwc_selfcheck.framework.loader import DATA_DIR

# Set by notebooks/conftest.py so tests always run on the example data.
EXAMPLE_ONLY_ENV = "HWC_SELFCHECK_EXAMPLE_ONLY"
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


def own_or_example(own_file: str, example_name: str) -> tuple[Path, bool, str]:
    """The person's own file if they have one, otherwise the example, and a sentence saying which.

    Returns the path, whether it is the example, and the sentence, so a
    notebook never silently shows someone else's records. Under nbval (and
    when building the book) the example is always used.
    """
    own = Path(own_file)
    if own.exists() and not os.environ.get(EXAMPLE_ONLY_ENV):
        return own, False, f"Using your own file, {own}."
    return example_path(example_name), True, (
        f"You have no {own} in this folder yet, so this shows the example coach, Sam, who is fictional.")


def companion_file(own_file: str, example_name: str, example: bool) -> Optional[Path]:
    """A file read beside a main one (a training record beside an hours log), following the main file's choice.

    With the example, the example's own companion; with the person's own main
    file, their own companion if they have one, otherwise None. Never a mix:
    Sam's training record beside your own hours would claim a course you may
    not have done.
    """
    if example:
        return example_path(example_name)
    own = Path(own_file)
    return own if own.exists() else None
