"""A supervisor's approval to move a coach up a tier, and the framework's conditions for giving one.

What the framework asks (its figures read from ``data/rules.yml``, never typed here):

- the tier's hours, and everything the tiers below it ask for, in the coach's
  records on the day of the approval (appendix 2 introduction; section 8.2);
- evidence of the level of competency for that tier (section 8.2), so the
  approval names the pieces of the coach's evidence the supervisor relied on;
- for Tier 2, a supervisor from outside the coach's own organisation
  (section 8.2.1);
- a health coaching supervisor at Tier 3 or above (section 4.2.3: the tier
  comes from the health coaching supervision kind's ``provider_min_tier``).

The portfolio is a supportive toolkit, not a formal assessment (section 9.2):
an approval records what the supervisor agreed, and these rules only say
what the framework still asks for before it can be recorded. The site's page
for supervisors runs the same rules (``hwc-portfolio-approval.js``), proven by the
conformance corpus in ``tests/corpus/review/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from pydantic import ConfigDict, Field, field_validator

from hwc_selfcheck.core.findings import cite
from hwc_selfcheck.core.json_types import JsonDate, StrictBool, StrictText, WholeNumber
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.framework.models import MAX_TIER, MIN_TIER
from hwc_selfcheck.framework.models import Strict as StrictModel
from hwc_selfcheck.practice.tiers import Approval, HoursEntry, TrainingRecord, tier_progress

NAME_MAX = 80
NOTE_MAX = 2000


class ApprovalView(StrictModel):
    """One approval as a review file holds it."""

    model_config = ConfigDict(str_strip_whitespace=False)

    tier: WholeNumber = Field(ge=MIN_TIER + 1, le=MAX_TIER, description="The tier approved: 2 to 4.")
    date: JsonDate
    name: StrictText = Field(min_length=1, max_length=NAME_MAX, description="The supervisor who approves it.")
    own_tier: WholeNumber = Field(ge=MIN_TIER, le=MAX_TIER, description="The supervisor's own tier.")
    independent: StrictBool = Field(description="The supervisor is from outside the coach's own organisation.")
    evidence: list[WholeNumber] = Field(default_factory=list, description="The coach's evidence relied on: "
                                                                          "entry numbers of the portfolio's "
                                                                          "evidence list, from 1.")
    note: StrictText = Field(default="", max_length=NOTE_MAX)

    @field_validator("evidence")
    @classmethod
    def _entry_numbers(cls, value: list[int]) -> list[int]:
        if any(n < 1 for n in value):
            raise ValueError("entry numbers start at 1")
        if len(set(value)) != len(value):
            raise ValueError("names an entry twice")
        return value


def supervisor_min_tier(fw: Framework) -> int:
    """The lowest tier of a health coaching supervisor (section 4.2.3)."""
    kind = next(k for k in fw.rules.supervision if k.key == "health_coaching")
    return kind.provider_min_tier or MIN_TIER


def as_approval(view: ApprovalView, number: int) -> Approval:
    """The approval as the tier rules read one: agreed evidence when it names the evidence relied on."""
    return Approval(row=number, date=view.date, tier=view.tier, approved_by=view.name, independent=view.independent,
                    competency_evidence=bool(view.evidence), note=view.note)


@dataclass(frozen=True)
class Condition:
    """One thing the framework asks for before an approval, still missing, in plain words."""

    text: str
    source_section: str


def approval_conditions(fw: Framework, view: ApprovalView, entries: Sequence[HoursEntry],
                        training: Sequence[TrainingRecord], approvals: Sequence[Approval],
                        evidence_count: int) -> list[Condition]:
    """What is still missing before ``view`` can be recorded; an empty list when nothing is.

    ``entries``, ``training`` and ``approvals`` are the coach's records (with
    any approvals of lower tiers the same review records); ``evidence_count``
    is how many pieces of evidence the coach's portfolio holds.
    """
    out = []
    lowest = supervisor_min_tier(fw)
    if view.own_tier < lowest:
        out.append(Condition(f"A health coaching supervisor is at Tier {lowest} or above; your own tier is "
                             f"{view.own_tier}.", "4.2.3"))
    tier = fw.rules.tiers[view.tier - 1]
    if tier.progression_approval and not view.independent:
        out.append(Condition(f"Tier {view.tier} is approved by a supervisor from outside the coach's own "
                             "organisation; you said you are not.", "8.2.1"))
    if not view.evidence:
        out.append(Condition(f"Tier {view.tier} asks for evidence of the coach's level of competency; tick the "
                             "pieces of their evidence you relied on.", "8.2"))
    beyond = [n for n in view.evidence if n > evidence_count]
    if beyond:
        out.append(Condition(f"Evidence entry {beyond[0]} is not in the coach's portfolio, which holds "
                             f"{evidence_count}.", "9.1"))
    progress = tier_progress(fw, entries, list(training), list(approvals), view.date)
    for t in range(1, view.tier + 1):
        for r in progress.requirements[t]:
            if r.met or (t == view.tier and r.what in ("competency", "approval")):
                continue
            out.append(Condition(f"Tier {t}, in the coach's records: {r.text}.", r.source_section))
    return out


def condition_text(condition: Condition) -> str:
    """A condition with its source, as the page and the command line show it."""
    return f"{condition.text} ({cite(condition.source_section)})"

