"""The induction and employer readiness checklists, and a person's ticks against them.

The checklists live in ``rules.yml`` (``checklists``), each line citing its
section. The site prints them (the ``{hwc-checklist}`` directive), the
checklists notebook lets a person tick them (``hwc_selfcheck.notebook.checklist_form``), and ``hwc-selfcheck checklist``
prints them or writes a page to print.

**Ticks** are saved on the person's own computer as JSON::

    {"format": "hwc-selfcheck/checklists", "schema_version": 1,
     "date": "2026-03-02",
     "done": {"induction": ["pci_course", "mandatory_training"], "employer_readiness": []}}

``done`` holds, for each checklist key, the keys of the lines ticked.
"""

from __future__ import annotations

import difflib
import json
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal, Optional, Union

from pydantic import Field

from hwc_selfcheck.core.errors import InputError, refuse_future
from hwc_selfcheck.core.files import atomic_write_text
from hwc_selfcheck.core.findings import cite
from hwc_selfcheck.core.json_records import read_json_model
from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.models import Checklist, ChecklistItem, Strict

FORMAT = "hwc-selfcheck/checklists"
SCHEMA_VERSION = 1
DEFAULT_TICKS_FILE = "my-checklists.json"


class ChecklistTicks(Strict):
    format: Literal["hwc-selfcheck/checklists"] = FORMAT
    schema_version: Literal[1] = SCHEMA_VERSION
    date: date
    done: dict[str, list[str]] = Field(default_factory=dict)


def item_text(fw: Framework, item: ChecklistItem) -> str:
    """A line's text with the figures its ``show`` names, taken from the rule data."""
    rules = fw.rules
    extra = ""
    if item.show and item.show.startswith("supervision:"):
        kind = rules.supervision_kind(item.show.split(":", 1)[1])
        extra = f" How often: {kind.frequency} Who: {kind.provider}"
    elif item.show == "recording":
        r = rules.recording
        extra = f" The code is {r.code}, '{r.term}' ({r.system})."
    elif item.show == "minimum_training":
        extra = f" The minimum training is a {rules.minimum_training.course[0].lower()}{rules.minimum_training.course[1:]}."
    return item.text + extra


def find_checklist(fw: Framework, name: str) -> Checklist:
    """A checklist by key; 'employer-readiness' and 'Employer readiness' work too."""
    key = "_".join(name.strip().lower().replace("-", " ").split())
    keys = [c.key for c in fw.rules.checklists]
    if key not in keys:
        near = difflib.get_close_matches(key, keys, n=1, cutoff=0.5)
        hint = f"; did you mean {near[0]}?" if near else ""
        raise InputError("checklist", None, f"{name!r} is not a checklist; choose from {', '.join(keys)}{hint}")
    return fw.rules.checklist(key)


def read_ticks(path: Union[str, Path], fw: Optional[Framework] = None, today: Optional[date] = None) -> ChecklistTicks:
    """Read saved ticks; every checklist and line key must exist."""
    fw = fw or load_framework()
    ticks = read_json_model(path, FORMAT, "checklists file", ChecklistTicks)
    refuse_future(path, "date", ticks.date, today)
    keys = [c.key for c in fw.rules.checklists]
    for name, done in ticks.done.items():
        if name not in keys:
            raise InputError(path, f"field done.{name}", f"is not a checklist; choose from {', '.join(keys)}")
        lines = [i.key for i in fw.rules.checklist(name).items]
        for n, key in enumerate(done):
            if key not in lines:
                near = difflib.get_close_matches(key, lines, n=1, cutoff=0.6)
                hint = f"; did you mean {near[0]}?" if near else ""
                raise InputError(path, f"field done.{name}.{n}", f"{key!r} is not a line of the {name} checklist{hint}")
    return ticks


def write_ticks(path: Union[str, Path], ticks: ChecklistTicks) -> Path:
    return atomic_write_text(path, json.dumps(ticks.model_dump(mode="json"), indent=2) + "\n")


@dataclass(frozen=True)
class ChecklistProgress:
    checklist: Checklist
    done: frozenset[str]

    @property
    def expected(self) -> list[ChecklistItem]:
        return [i for g in self.checklist.groups if not g.optional for i in g.items]

    @property
    def still_to_do(self) -> list[ChecklistItem]:
        return [i for i in self.expected if i.key not in self.done]

    def summary(self) -> str:
        extras = [i for g in self.checklist.groups if g.optional for i in g.items]
        done_extras = sum(1 for i in extras if i.key in self.done)
        return (f"{self.checklist.title}: {len(self.expected) - len(self.still_to_do)} of {len(self.expected)} "
                f"expected lines done, and {done_extras} of {plural(len(extras), 'optional one')}.")


def progress(fw: Framework, name: str, ticks: Optional[ChecklistTicks] = None) -> ChecklistProgress:
    checklist = find_checklist(fw, name)
    done = frozenset(ticks.done.get(checklist.key, [])) if ticks else frozenset()
    return ChecklistProgress(checklist, done)


def rows(fw: Framework, state: ChecklistProgress) -> list[list[str]]:
    """#, group, line, source and done, for every line in order."""
    out = []
    n = 0
    for group in state.checklist.groups:
        title = group.title + (" (optional)" if group.optional else "")
        for item in group.items:
            n += 1
            source = cite(item.source_section)
            out.append([str(n), title, item_text(fw, item), source[:1].upper() + source[1:],
                        "yes" if item.key in state.done else ""])
    return out


def checklist_table(fw: Framework, state: ChecklistProgress) -> HtmlTable:
    return HtmlTable(["#", "Part", "Check", "Source", "Done?"], rows(fw, state))


def checklist_text(fw: Framework, state: ChecklistProgress, width: int = 88) -> str:
    """The checklist for a terminal: each part as a heading, each line with a box and its source."""
    c = state.checklist
    lines = [c.title, f"For: {c.audience}", *textwrap.wrap(c.purpose, width)]
    part = None
    for number, title, text, source, done in rows(fw, state):
        if title != part:
            lines += ["", title + ":"]
            part = title
        cited = source[:1].lower() + source[1:]
        lines += textwrap.wrap(f"[{'x' if done else ' '}] {number}. {text} ({cited})", width, subsequent_indent="    ")
    return "\n".join(lines)
