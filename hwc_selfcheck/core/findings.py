"""Findings: what a check of someone's records found, in plain words.

The supervision, supervisor and caseload checks all report findings of the
same shape, so the command line, the notebooks and the tests treat them alike.
Each says what was found and cites the section of the framework it rests on;
most also say what to put in place. The kinds keep advice honest: a
``shortfall`` is below something the framework recommends, ``guidance`` points
to the framework's guidance (which sets no limits), a ``suggestion`` is an
extra the framework recommends, and a ``reminder`` is something no record can
show, which a person must check for themselves.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Literal

from hwc_selfcheck.core.tables import HtmlTable

Kind = Literal["shortfall", "guidance", "suggestion", "reminder"]
KIND_LABELS: dict[str, str] = {
    "shortfall": "Below what the framework recommends",
    "guidance": "Guidance to consider",
    "suggestion": "Suggestion",
    "reminder": "Check this: a record cannot show it",
}


def cite(source_section: str) -> str:
    """A source reference in words: '4.2.2' is 'section 4.2.2'; 'Summary; 4.1' is 'summary; section 4.1'."""
    words: list[str] = []
    numbers: list[str] = []
    for part in [p.strip() for p in source_section.split(";")] + [""]:
        if part[:1].isdigit():
            numbers.append(part)
            continue
        if numbers:
            words.append(f"section {numbers[0]}" if len(numbers) == 1
                         else f"sections {', '.join(numbers[:-1])} and {numbers[-1]}")
            numbers = []
        if part:
            words.append(part[:1].lower() + part[1:])
    return "; ".join(words)


@dataclass(frozen=True)
class Finding:
    topic: str
    kind: Kind
    text: str
    source_section: str
    action: str = ""

    @property
    def sentence(self) -> str:
        """The finding with its source, as one sentence a person can read aloud."""
        return f"{self.text} ({cite(self.source_section)})."


def findings_table(findings: list[Finding]) -> HtmlTable:
    return HtmlTable(
        ["Topic", "Kind", "What was found", "What to put in place"],
        [[f.topic, KIND_LABELS[f.kind], f.sentence, f.action or "—"] for f in findings],
    )


def findings_text(findings: list[Finding], width: int = 88) -> str:
    """Findings as wrapped plain text for a terminal, grouped by kind."""
    if not findings:
        return "Nothing to report."
    lines: list[str] = []
    for kind, label in KIND_LABELS.items():
        chosen = [f for f in findings if f.kind == kind]
        if not chosen:
            continue
        lines += ["", f"{label}:"]
        for f in chosen:
            lines += textwrap.wrap(f"{f.topic}: {f.sentence}", width, initial_indent="- ", subsequent_indent="  ")
            if f.action:
                lines += textwrap.wrap(f"What to put in place: {f.action}", width,
                                       initial_indent="  ", subsequent_indent="  ")
    return "\n".join(lines).strip()
