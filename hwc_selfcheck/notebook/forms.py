"""Friendly helpers for the self-assessment notebooks.

The notebooks stay thin: they call these functions. :class:`RatingForm` is
the interactive form (ipywidgets) for one area; its answers are saved to the
coach's own JSON file, on their own device, with an atomic write. When the
notebook is run without a person (CI, the book), the form also carries a
static HTML version that the book shows instead of the live widgets.
"""

from __future__ import annotations

import html
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, TypeVar, Union

from hwc_selfcheck.assessment.analysis import development_plan, summarise
from hwc_selfcheck.assessment.examples import EXAMPLE_ONLY_ENV
from hwc_selfcheck.assessment.record import Assessment, Rating, read_assessment, write_assessment
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.files import keep_aside
from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.models import Item
from hwc_selfcheck.framework.scales import load_scales

DEFAULT_ANSWERS_FILE = "my-self-assessment.json"
DEFAULT_PREVIOUS_FILE = "my-previous-self-assessment.json"


def items_for(fw: Framework, area: Optional[str] = None, kind: Optional[str] = None) -> list[Item]:
    """The items a notebook covers: an area's competencies, or every item of one kind."""
    if kind:
        return fw.select(kind=kind)
    return fw.select(area=area, kind="competency")


def rating_anchor(item: Item) -> str:
    """The HTML id of an item's place in its self-assessment notebook (the book's "Self-assess" links)."""
    return f"rate-{item.anchor}"


def static_form_html(items: list[Item]) -> str:
    """What the book shows in place of the live form: every item, with its anchor."""
    scale = load_scales()
    levels = " · ".join(f"{lvl.level} {html.escape(lvl.label)}" for lvl in scale.rating.levels)
    rows = "".join(
        f'<li id="{rating_anchor(i)}"><strong>{i.id} {html.escape(i.title)}</strong> '
        f"(Tier {i.min_tier} and above). {html.escape(i.statement)}</li>"
        for i in items
    )
    return (
        '<div class="hwc-static-form"><p><strong>The form.</strong> When you run this notebook in Jupyter, '
        "each item below gets a rating, an evidence state, a note and a next step. "
        f"Rating scale: {levels}.</p><ol>{rows}</ol></div>"
    )


T = TypeVar("T")


def load_saved(path: Path, read: Callable[[Path], T]) -> tuple[Optional[T], Optional[str]]:
    """A form's saved file and, if it could not be read, what to tell the person (nothing is lost)."""
    if not path.exists():
        return None, None
    try:
        return read(path), None
    except InputError as exc:
        return None, f"{exc} Saving will keep that file aside first, so nothing is lost."


def saved_status(path: Path, problem: Optional[str], what: str) -> str:
    """The line under a notebook form: where it saves, or why the saved file was not loaded."""
    if problem:
        return f"<p role='alert'><strong>Your file was not loaded:</strong> {html.escape(problem)}</p>"
    return f"<p role='status'>{what} saved to <code>{html.escape(str(path))}</code> on this computer only.</p>"


class RatingForm:
    """An ipywidgets form for a set of items, saving to the coach's JSON file."""

    def __init__(self, items: list[Item], answers_file: Union[str, Path] = DEFAULT_ANSWERS_FILE, fw: Optional[Framework] = None) -> None:
        import ipywidgets as w

        self.fw = fw or load_framework()
        self.items = items
        self.path = Path(answers_file)
        self.scales = load_scales()
        record, self.problem = load_saved(self.path, lambda p: read_assessment(p, self.fw))
        self.pseudonym = w.Text(value=record.pseudonym if record else "", description="Pseudonym",
                                placeholder="Any name you like; it need not be your real name")
        self.tier = w.Dropdown(options=[(f"Tier {n}", n) for n in range(1, 5)], value=record.tier if record else 1,
                               description="Your tier")
        self.level_options = [("Not rated", None)] + [(f"{lvl.level} {lvl.label}", lvl.level) for lvl in self.scales.rating.levels]
        self.evidence_options = [(o.label, o.state) for o in self.scales.evidence]
        self.rows: dict[str, dict[str, Any]] = {}
        boxes = []
        for item in items:
            saved = record.ratings.get(item.id) if record else None
            row = {
                "level": w.Dropdown(options=self.level_options, value=saved.level if saved else None, description="Rating"),
                "evidence": w.Dropdown(options=self.evidence_options, value=saved.evidence if saved else "none", description="Evidence"),
                "note": w.Textarea(value=saved.note if saved else "", description="Note", placeholder="What shows this?"),
                "next_step": w.Text(value=saved.next_step if saved else "", description="Next step"),
            }
            self.rows[item.id] = row
            header = w.HTML(f"<h3 id='{rating_anchor(item)}'>{item.id} {html.escape(item.title)}</h3>"
                            f"<p>{html.escape(item.statement)}</p>")
            boxes.append(w.VBox([header, *row.values()]))
        self.status = w.HTML(saved_status(self.path, self.problem, "Answers are"))
        self.save_button = w.Button(description="Save my answers", button_style="primary", icon="save")
        self.save_button.on_click(lambda _b: self.save())
        scale_help = w.HTML("<p><strong>Rating scale:</strong> " + "; ".join(
            f"{lvl.level} {html.escape(lvl.label)}: {html.escape(lvl.description)}" for lvl in self.scales.rating.levels) + "</p>")
        self.widget = w.VBox([scale_help, self.pseudonym, self.tier, *boxes, self.save_button, self.status])

    def answers(self) -> dict[str, Rating]:
        return {
            item_id: Rating(level=row["level"].value, evidence=row["evidence"].value,
                            note=row["note"].value, next_step=row["next_step"].value)
            for item_id, row in self.rows.items()
            if row["level"].value is not None
        }

    def save(self, today: Optional[date] = None) -> Path:
        """Merge this form's answers into the file (other areas' answers are kept) and save atomically."""
        existing: dict[str, Rating] = {}
        if self.path.exists():
            try:
                existing = dict(read_assessment(self.path, self.fw).ratings)
            except InputError:
                keep_aside(self.path)
                self.problem = None
        for item in self.items:
            existing.pop(item.id, None)
        existing.update(self.answers())
        record = Assessment(pseudonym=self.pseudonym.value.strip() or "Me", date=today or date.today(),
                            tier=self.tier.value, ratings=existing)
        write_assessment(self.path, record, self.fw)
        self.status.value = (f"<p role='status'>Saved {plural(len(existing), 'answer')} to "
                             f"<code>{html.escape(str(self.path))}</code> at {datetime.now():%H:%M}.</p>")
        return self.path

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = static_form_html(self.items)
        bundle["text/plain"] = f"Self-assessment form for {plural(len(self.items), 'item')}, saving to {self.path}"
        return bundle


def area_table(fw: Framework, record: Assessment, items: list[Item]) -> HtmlTable:
    """A worked-example table of one area's ratings."""
    scale = load_scales()
    rows = []
    for item in items:
        r = record.ratings.get(item.id)
        rows.append([item.id, item.title, "not rated" if r is None else f"{r.level} {scale.rating.label(r.level)}",
                     "" if r is None else scale.evidence_label(r.evidence), "" if r is None else r.note])
    return HtmlTable(["ID", "Item", "Rating", "Evidence", "Note"], rows)


def summary_table(fw: Framework, record: Assessment) -> HtmlTable:
    rows = [[s.title, s.expected, s.rated, s.at_target, "—" if s.mean_level is None else f"{s.mean_level:.1f}", s.later]
            for s in summarise(fw, record)]
    return HtmlTable(["Area", "Expected now", "Rated", "At target", "Average", "Later tiers"], rows)


def plan_table(fw: Framework, record: Assessment, limit: int = 10, coverage: Optional[Mapping[str, Any]] = None) -> HtmlTable:
    """The plan; with a portfolio's ``coverage``, the evidence it holds and what is still to collect."""
    scale = load_scales()
    header = ["#", "Item", "Rating", "How it is gained", "Evidence expected", "Next step"]
    rows = [[p.gap.rank, f"{p.gap.item.id} {p.gap.item.title}", f"{p.gap.rating.level} {scale.rating.label(p.gap.rating.level)}",
             "; ".join(p.routes) or "—", "; ".join(p.evidence_expected), p.next_step]
            + ([] if coverage is None else ["; ".join(p.in_portfolio or []) or "—", "; ".join(p.to_collect or []) or "—"])
            for p in development_plan(fw, record, limit, coverage)]
    return HtmlTable(header + ([] if coverage is None else ["In your portfolio", "Still to collect"]), rows)


def load_for_plan(
    answers_file: Union[str, Path] = DEFAULT_ANSWERS_FILE,
    previous_file: Union[str, Path] = DEFAULT_PREVIOUS_FILE,
    fw: Optional[Framework] = None,
) -> tuple[Assessment, Optional[Assessment], str]:
    """The coach's own answers if they have saved some, otherwise the example coach's.

    Returns the assessment, an earlier one if there is one, and a sentence
    saying which was used, so the notebook never silently shows someone else's.
    """
    from hwc_selfcheck.assessment.examples import example_assessment, example_previous

    fw = fw or load_framework()
    own = Path(answers_file)
    if own.exists() and not os.environ.get(EXAMPLE_ONLY_ENV):
        earlier = Path(previous_file)
        previous = read_assessment(earlier, fw) if earlier.exists() else None
        return read_assessment(own, fw), previous, f"Using your answers from {own}."
    return example_assessment(), example_previous(), (
        f"You have not saved any answers yet ({own} was not found), so this shows the example coach, "
        "Sam, who is fictional. Fill in the area notebooks first to see your own plan."
    )
