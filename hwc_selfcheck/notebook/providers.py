"""What the "Map your course" and "Your team's training needs" notebooks read.

A provider's or employer's own files when they have put them beside the
notebook, otherwise the fictional examples shipped with the package, with a
sentence saying which, so a notebook never silently shows someone else's data.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Union

from hwc_selfcheck.assessment.examples import EXAMPLE_ONLY_ENV, EXAMPLES_DIR
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.providers.cohort import Cohort, load_cohort
from hwc_selfcheck.providers.course import Course, read_course

EXAMPLE_COURSE = EXAMPLES_DIR / "four-day-course.csv"
EXAMPLE_TEAM = EXAMPLES_DIR / "cohort" / "september-2026"
EXAMPLE_TEAM_EARLIER = EXAMPLES_DIR / "cohort" / "march-2026"
DEFAULT_COURSE_FILE = "my-course.csv"
DEFAULT_TEAM_FOLDER = "my-team"
DEFAULT_EARLIER_FOLDER = "my-team-earlier"


def _own(path: Path) -> bool:
    return path.exists() and not os.environ.get(EXAMPLE_ONLY_ENV)


def course_or_example(path: Union[str, Path] = DEFAULT_COURSE_FILE, fw: Optional[Framework] = None) -> tuple[Course, str]:
    """Your course file if there is one, otherwise the example four-day course."""
    fw = fw or load_framework()
    own = Path(path)
    if _own(own):
        return read_course(own, fw), f"Using your course from {own}."
    return read_course(EXAMPLE_COURSE, fw), (
        f"No course file was found ({own}), so this shows an example four-day course, which is fictional. "
        f"Save your own course as {own} beside this notebook to map it."
    )


def cohort_or_example(
    folder: Union[str, Path] = DEFAULT_TEAM_FOLDER,
    earlier: Union[str, Path] = DEFAULT_EARLIER_FOLDER,
    fw: Optional[Framework] = None,
) -> tuple[Cohort, Optional[Cohort], str]:
    """Your team's folder (and an earlier round's, if there is one), otherwise the example team."""
    fw = fw or load_framework()
    own, before = Path(folder), Path(earlier)
    if _own(own):
        previous = load_cohort(before, fw) if before.is_dir() else None
        return load_cohort(own, fw), previous, f"Using the self-assessments in the folder {own}."
    return load_cohort(EXAMPLE_TEAM, fw), load_cohort(EXAMPLE_TEAM_EARLIER, fw), (
        f"No folder called {own} was found, so this shows an example team of fictional coaches, "
        "assessed in March and September 2026."
    )
