"""The portfolio of evidence, and how well it covers each competency (sections 9, 9.1, 9.2).

**Portfolio** (``hwc-selfcheck portfolio PORTFOLIO.csv``), one row per entry:

=========  ================================================================
``date``   2026-03-31 or 31/03/2026; not in the future
``type``   a portfolio entry type from ``vocabulary.yml``, such as
           ``observed_practice``, ``recorded_session``, ``client_feedback``,
           ``reflective_journal``, ``health_coaching_supervision``,
           ``certificate`` or ``attendance_log``
``items``  the item IDs the entry shows, such as ``PC-01; CE-03`` (``pc1`` works too)
``note``   what it is and where it is kept (the column may be left out)
=========  ================================================================

Each entry type maps onto the ``evidenced_by`` terms the items use, so
coverage is worked out in the framework's own terms: for every item, which of
the kinds of evidence it expects the portfolio already holds, and which are
missing. Any entry linked to an item also counts as the item's "portfolio of
evidence" term, which many items name ("recorded in the portfolio"). The
portfolio is a supportive toolkit, not a formal assessment (section 9.2).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional, Sequence, Union

from hwc_selfcheck.core.csv_records import CsvFormat, Row, heading_key, read_records
from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.core.wording import noun, plural
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.models import Item

# where_kept: where the evidence itself is kept (a reference only: never client material).
PORTFOLIO = CsvFormat("portfolio", ("date", "type", "items", "note", "where_kept"), optional=("note", "where_kept"),
                      meanings={
    "date": "the date, like 2026-03-31 or 31/03/2026; not in the future",
    "type": "the kind of entry: one of the portfolio entry types (listed below)",
    "items": "the item IDs the entry shows, such as PC-01; CE-03 (pc1 works too)",
    "note": "what it is",
    "where_kept": "where the evidence itself is kept, as a reference only: never client material",
})
PORTFOLIO_TERM = "portfolio"  # the evidenced_by term met by any linked entry
SUPERVISION_TYPES = ("line_management_supervision", "clinical_supervision", "health_coaching_supervision")


@dataclass(frozen=True)
class PortfolioEntry:
    row: int
    date: date
    type: str
    items: tuple[str, ...]
    note: str = ""
    where_kept: str = ""


def portfolio_entry(row: Row, fw: Framework, today: Optional[date] = None) -> PortfolioEntry:
    """One piece of evidence: a CSV row, or an entry of a portfolio file's ``evidence``."""
    types = list(fw.vocabulary.portfolio_entry_types)
    if heading_key(row.text("type")) == "supervision":
        raise row.error("type", "'supervision' does not say which kind; use " + ", ".join(SUPERVISION_TYPES))
    kind = row.choice("type", types)
    ids = []
    for part in (p.strip() for p in re.split(r"[;,]", row.text("items"))):
        # "gw 2" is one ID written loosely; "PC-01 PC-02" is two IDs separated by a space.
        for raw in [part] if fw.get(part) or " " not in part else part.split():
            item = fw.get(raw) if raw else None
            if raw and item is None:
                near = fw.suggest(raw)
                hint = f"; did you mean {', '.join(near)}?" if near else ""  # as the site's portfolio words it
                raise row.error("items", f"{raw!r} is not an item ID of the framework{hint}")
            if item:
                ids.append(item.id)
    return PortfolioEntry(row.number, row.date("date", today), kind, tuple(dict.fromkeys(ids)), row.text("note"),
                          row.text("where_kept"))


def read_portfolio(path: Union[str, Path], fw: Optional[Framework] = None, today: Optional[date] = None) -> list[PortfolioEntry]:
    framework = fw or load_framework()
    return read_records(path, PORTFOLIO, lambda row: portfolio_entry(row, framework, today))


@dataclass(frozen=True)
class ItemCoverage:
    """For one item: the kinds of evidence it expects that the portfolio holds, and those it lacks."""

    item: Item
    present: tuple[str, ...]  # evidenced_by terms
    missing: tuple[str, ...]
    entries: int  # how many entries are linked to the item

    @property
    def state(self) -> str:
        return "complete" if not self.missing else "partly" if self.present else "none yet"


def evidence_coverage(fw: Framework, entries: Sequence[PortfolioEntry], items: Optional[Sequence[Item]] = None) -> dict[str, ItemCoverage]:
    """Coverage of each item (default: every item except the supervisor standards), keyed by item ID."""
    types = fw.vocabulary.portfolio_entry_types
    chosen = items if items is not None else [i for i in fw.items if i.kind != "supervisor_standard"]
    out = {}
    for item in chosen:
        linked = [e for e in entries if item.id in e.items]
        shown = {term for e in linked for term in types[e.type].evidences}
        if linked:
            shown.add(PORTFOLIO_TERM)
        out[item.id] = ItemCoverage(
            item,
            tuple(t for t in item.evidenced_by if t in shown),
            tuple(t for t in item.evidenced_by if t not in shown),
            len(linked),
        )
    return out


def items_for_tier(fw: Framework, tier: Optional[int]) -> list[Item]:
    """The items a coach at ``tier`` is expected to evidence (all but supervisor standards if no tier)."""
    return [i for i in fw.items if i.kind != "supervisor_standard" and (tier is None or i.min_tier <= tier)]


def coverage_summary(coverage: dict[str, ItemCoverage]) -> str:
    """How many items have all, some or none of their evidence; word for word as the site's portfolio says it
    (hwc-portfolio-read.js, checked by the conformance corpus)."""
    states = [c.state for c in coverage.values()]

    def has(state: str) -> str:
        count = states.count(state)
        return f"{count} {noun(count, 'has', 'have')}"

    return (f"Of {plural(len(states), 'item')}, {has('complete')} every kind of evidence the framework "
            f"expects, {has('partly')} some, and {has('none yet')} none yet.")


def coverage_as_dict(coverage: dict[str, ItemCoverage]) -> dict[str, Any]:
    """Coverage as plain JSON values: what the site's port of these rules must give too (tests/corpus)."""
    return {
        "summary": coverage_summary(coverage),
        "items": [{"id": c.item.id, "present": list(c.present), "missing": list(c.missing), "entries": c.entries,
                   "state": c.state} for c in coverage.values()],
    }


def coverage_table(fw: Framework, coverage: dict[str, ItemCoverage], only_gaps: bool = False) -> HtmlTable:
    label = lambda terms: "; ".join(fw.label("evidenced_by", t) for t in terms) or "—"  # noqa: E731
    rows = [[c.item.id, c.item.title, c.entries, label(c.present), label(c.missing)]
            for c in coverage.values() if not (only_gaps and not c.missing)]
    return HtmlTable(["ID", "Item", "Entries", "In your portfolio", "Still to collect"], rows)


def coverage_text(fw: Framework, coverage: dict[str, ItemCoverage], only_gaps: bool = False, width: int = 88) -> str:
    """Coverage for a terminal: one short paragraph per item."""
    label = lambda terms: "; ".join(fw.label("evidenced_by", t) for t in terms) or "nothing yet"  # noqa: E731
    lines = []
    for c in coverage.values():
        if only_gaps and not c.missing:
            continue
        lines.append(f"{c.item.id} {c.item.title} ({c.entries} entr{'y' if c.entries == 1 else 'ies'})")
        lines += textwrap.wrap(f"in your portfolio: {label(c.present)}", width, initial_indent="  ", subsequent_indent="    ")
        if c.missing:
            lines += textwrap.wrap(f"still to collect: {label(c.missing)}", width, initial_indent="  ", subsequent_indent="    ")
    return "\n".join(lines)
