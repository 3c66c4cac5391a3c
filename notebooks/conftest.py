"""nbval runs the notebooks on the shipped example data, whatever a developer has saved."""

import os

from hwc_selfcheck.assessment.examples import EXAMPLE_ONLY_ENV

os.environ[EXAMPLE_ONLY_ENV] = "1"
