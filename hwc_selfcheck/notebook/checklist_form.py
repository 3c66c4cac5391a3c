"""Tick boxes for a checklist in a notebook (ipywidgets), saved to the person's own file.

The rules (what the lines are, reading and writing ticks) live in
:mod:`hwc_selfcheck.practice.checklists`; this is only the form around them.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any, Optional, Union

from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.files import keep_aside
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.notebook.forms import load_saved, saved_status
from hwc_selfcheck.practice.checklists import (
    DEFAULT_TICKS_FILE,
    ChecklistProgress,
    ChecklistTicks,
    checklist_table,
    find_checklist,
    item_text,
    read_ticks,
    write_ticks,
)


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
        bundle["text/plain"] = f"{self.checklist.title}: {plural(len(self.checklist.items), 'tick box', 'tick boxes')}, saving to {self.path}"
        return bundle
