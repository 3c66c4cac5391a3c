"""The groups that provider and employer views count items in.

They follow the framework's areas, except that the general capabilities are
counted apart from the professional competencies they sit beside in appendix 2,
section 1: the framework says they usually come from the employer's mandatory
training, so a team sees them as a block of their own, and a course map keeps
them out of a course's coverage and gaps altogether. The book gives them a
page of their own too, so a person may ask for them by name ("General
capabilities") or by their ID prefix (GC), as for any area.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Optional

from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.models import Item

GENERAL_CAPABILITIES = "General capabilities"
GENERAL_CAPABILITY = "general_capability"  # the item kind


def group_title(fw: Framework, item: Item) -> str:
    return GENERAL_CAPABILITIES if item.kind == GENERAL_CAPABILITY else fw.area(item.area).title


@dataclass(frozen=True)
class ItemGroup:
    """A group of items as a person sees it: its key, its ID prefix, its title and its items."""

    key: str
    code: str
    title: str
    items: tuple[Item, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Every way a person may name the group: 'General capabilities', 'general_capabilities', 'GC'."""
        return (self.title, self.key, self.code)


def _plain(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


def item_groups(fw: Framework) -> list[ItemGroup]:
    """The areas of appendix 2 in order, with the general capabilities as a group of their own after the first."""
    groups = []
    for area in fw.areas:
        own = tuple(i for i in fw.items if i.area == area.key and i.kind != GENERAL_CAPABILITY)
        groups.append(ItemGroup(area.key, area.code, area.title, own))
        general = tuple(i for i in fw.items if i.area == area.key and i.kind == GENERAL_CAPABILITY)
        if general:
            groups.append(ItemGroup("general_capabilities", "GC", GENERAL_CAPABILITIES, general))
    return groups


def find_group(fw: Framework, name: str) -> Optional[ItemGroup]:
    """The group a person means by ``name``: its title, its key or its ID prefix, in any case."""
    wanted = _plain(name)
    return next((g for g in item_groups(fw) if wanted in {_plain(n) for n in g.names}), None)


def suggest_group(fw: Framework, name: str) -> Optional[ItemGroup]:
    """The group whose title or key is closest to a mistyped ``name``, if any is close."""
    names = {_plain(n): g for g in item_groups(fw) for n in g.names[:2]}
    near = difflib.get_close_matches(_plain(name), list(names), n=1, cutoff=0.6)
    return names[near[0]] if near else None
