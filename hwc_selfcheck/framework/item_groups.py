"""The groups that provider and employer views count items in.

They follow the framework's areas, except that the general capabilities are
counted apart from the professional competencies they sit beside in appendix 2,
section 1: the framework says they usually come from the employer's mandatory
training, so a team sees them as a block of their own, and a course map keeps
them out of a course's coverage and gaps altogether.
"""

from __future__ import annotations

from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.models import Item

GENERAL_CAPABILITIES = "General capabilities"
GENERAL_CAPABILITY = "general_capability"  # the item kind


def group_title(fw: Framework, item: Item) -> str:
    return GENERAL_CAPABILITIES if item.kind == GENERAL_CAPABILITY else fw.area(item.area).title
