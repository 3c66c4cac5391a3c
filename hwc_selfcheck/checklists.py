"""The induction and employer readiness checklists, and a person's ticks against them.

The checklists live in ``rules.yml`` (``checklists``), each line citing its
section. The site prints them (the ``{hwc-checklist}`` directive), the
checklists notebook lets a person tick them, and ``hwc-selfcheck checklist``
prints them or writes a page to print.

**Ticks** are saved on the person's own computer as JSON::

    {"format": "hwc-selfcheck/checklists", "schema_version": 1,
     "date": "2026-03-02",
     "done": {"induction": ["pci_course", "mandatory_training"], "employer_readiness": []}}

``done`` holds, for each checklist key, the keys of the lines ticked.
"""

from __future__ import annotations

import difflib
import html
import json
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, Optional, Union

from pydantic import Field

from . import __version__
from .errors import InputError, refuse_future
from .files import atomic_write_text, keep_aside
from .findings import cite
from .framework import Framework, load_framework
from .json_records import read_json_model
from .models import Checklist, ChecklistItem, Strict
from .notebook import HtmlTable, load_saved, saved_status
from .wording import plural

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
                f"expected lines done, and {done_extras} of {len(extras)} optional ones.")


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


def checklist_html(fw: Framework, state: ChecklistProgress) -> str:
    """A self-contained page that prints on A4, with an empty box for each line not yet done."""
    from .report import CSS

    e = html.escape
    c = state.checklist
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{e(c.title)}</title><style>{CSS}</style></head><body><main>",
             f"<h1>{e(c.title)}</h1>", f"<p class=\"meta\">For: {e(c.audience)}</p>", f"<p>{e(c.purpose)}</p>"]
    for group in c.groups:
        parts.append(f"<h2>{e(group.title)}</h2>")
        if group.note:
            parts.append(f"<p>{e(group.note)}</p>")
        parts.append('<table><thead><tr><th scope="col">Check</th><th scope="col">Source</th>'
                     '<th scope="col">Done?</th></tr></thead><tbody>')
        for item in group.items:
            mark = "Done" if item.key in state.done else "☐"
            source = cite(item.source_section)
            parts.append(f"<tr><td>{e(item_text(fw, item))}</td><td>{e(source[:1].upper() + source[1:])}</td>"
                         f"<td>{mark}</td></tr>")
        parts.append("</tbody></table>")
    parts += [f'<p class="privacy">From NHS England\'s framework (B1570), {e(cite(c.source_section))}. '
              f"Made by hwc-selfcheck {__version__} on your own device.</p>", "</main></body></html>", ""]
    return "\n".join(parts)


class ChecklistForm:
    """Tick boxes for one checklist in a notebook, saved to the person's own JSON file."""

    def __init__(self, name: str, ticks_file: Union[str, Path] = DEFAULT_TICKS_FILE, fw: Optional[Framework] = None) -> None:
        import ipywidgets as w

        self.fw = fw or load_framework()
        self.checklist = find_checklist(self.fw, name)
        self.path = Path(ticks_file)
        saved, self.problem = load_saved(self.path, lambda p: read_ticks(p, self.fw))
        done = set(saved.done.get(self.checklist.key, [])) if saved else set()
        self.boxes = {i.key: w.Checkbox(value=i.key in done, description=item_text(self.fw, i), indent=False,
                                        layout=w.Layout(width="100%")) for i in self.checklist.items}
        self.status = w.HTML(saved_status(self.path, self.problem, "Ticks are"))
        button = w.Button(description="Save my ticks", button_style="primary", icon="save")
        button.on_click(lambda _b: self.save())
        parts: list[Any] = []
        for group in self.checklist.groups:
            parts.append(w.HTML(f"<h3>{html.escape(group.title)}</h3>"
                                + (f"<p>{html.escape(group.note)}</p>" if group.note else "")))
            parts += [self.boxes[i.key] for i in group.items]
        self.widget = w.VBox([*parts, button, self.status])

    def save(self, today: Optional[date] = None) -> Path:
        """Save this checklist's ticks, keeping any other checklist's ticks already in the file."""
        done: dict[str, list[str]] = {}
        if self.path.exists():
            try:
                done = dict(read_ticks(self.path, self.fw).done)
            except InputError:
                keep_aside(self.path)
        done[self.checklist.key] = [key for key, box in self.boxes.items() if box.value]
        write_ticks(self.path, ChecklistTicks(date=today or date.today(), done=done))
        self.problem = None
        self.status.value = f"<p role='status'>Saved {plural(len(done[self.checklist.key]), 'tick')} to <code>{html.escape(str(self.path))}</code>.</p>"
        return self.path

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = checklist_table(self.fw, ChecklistProgress(self.checklist, frozenset()))._repr_html_()
        bundle["text/plain"] = f"{self.checklist.title}: {len(self.checklist.items)} tick boxes, saving to {self.path}"
        return bundle
