"""The portfolio file the site's My portfolio saves, for the notebooks.

A coach who keeps their records on the site saves them as ``my-portfolio.json``.
With that file in the notebooks' folder, the tier, supervision and evidence
notebooks read it instead of the separate CSV files, so the same records give
the same answers on the site, on the command line and in Jupyter.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Union

from hwc_selfcheck.assessment.examples import EXAMPLE_ONLY_ENV
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.records.portfolio_file import Portfolio, read_portfolio_file

PORTFOLIO_FILE = "my-portfolio.json"


def saved_portfolio(fw: Optional[Framework] = None, name: Union[str, Path] = PORTFOLIO_FILE) -> Optional[Portfolio]:
    """The saved portfolio file if it is in this folder, read and checked; None if there is none.

    Under nbval and when the book is built (the example-only setting), always
    None, so the stored pages show Sam's example whatever lies in the folder.
    A bad file raises InputError naming the entry and field, as the command does.
    """
    path = Path(name)
    if os.environ.get(EXAMPLE_ONLY_ENV) or not path.exists():
        return None
    return read_portfolio_file(path, fw)
