"""Typed models of the framework data.

They are strict (unknown fields are refused) so that a typo in a YAML key is
reported instead of silently ignored.
"""

from __future__ import annotations

import re
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hwc_selfcheck.core.wording import noun

Kind = Literal["competency", "general_capability", "additional_model", "supervisor_standard"]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]

ID_PATTERN = re.compile(r"^[A-Z]{2}-\d{2}$")
MIN_TIER, MAX_TIER = 1, 4

NonEmpty = Field(min_length=1)


class Strict(BaseModel):
    """Base for all data models: refuses unknown keys and strips whitespace."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class VocabularyTerm(Strict):
    label: str = NonEmpty
    route: Optional[Literal["training", "practice", "supervision", "self_directed"]] = None


class PortfolioEntryType(Strict):
    """A kind of portfolio entry and the ``evidenced_by`` terms it can show (sections 9.1, 9.2)."""

    label: str = NonEmpty
    evidences: list[str] = Field(min_length=1)


class Vocabulary(Strict):
    gained_through: dict[str, VocabularyTerm]
    evidenced_by: dict[str, VocabularyTerm]
    portfolio_entry_types: dict[str, PortfolioEntryType]

    @model_validator(mode="after")
    def _entry_types_use_known_terms(self) -> "Vocabulary":
        # The portfolio maps onto the evidence vocabulary; it is not a second, unrelated list.
        for key, entry in self.portfolio_entry_types.items():
            unknown = [t for t in entry.evidences if t not in self.evidenced_by]
            if unknown:
                raise ValueError(
                    f"portfolio_entry_types.{key}.evidences: unknown evidenced_by {noun(len(unknown), 'term')} {', '.join(unknown)}"
                )
        return self


class Area(Strict):
    key: str = NonEmpty
    code: str = Field(pattern=r"^[A-Z]{2}$")
    number: int = Field(ge=1)
    title: str = NonEmpty
    source_title: str = NonEmpty
    min_tier: int = Field(ge=MIN_TIER, le=MAX_TIER)
    summary: str = NonEmpty
    note: Optional[str] = Field(default=None, min_length=1)


class Item(Strict):
    """One entry of appendix 2: a competency, capability, model or standard."""

    id: str
    area: str = NonEmpty
    kind: Kind
    title: str = NonEmpty
    statement: str = NonEmpty
    gained_through: list[str]
    evidenced_by: list[str]
    gained_note: Optional[str] = Field(default=None, min_length=1)
    evidence_note: Optional[str] = Field(default=None, min_length=1)
    standard: Optional[str] = Field(default=None, min_length=1)
    standard_note: Optional[str] = Field(default=None, min_length=1)
    min_tier: int = Field(ge=MIN_TIER, le=MAX_TIER)
    essential: bool = True
    source_section: str = NonEmpty

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not ID_PATTERN.match(value):
            raise ValueError("must look like two capital letters, a hyphen and two digits, e.g. PC-01")
        return value

    @field_validator("gained_through", "evidenced_by")
    @classmethod
    def _no_repeats(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("lists a term more than once")
        return value

    @model_validator(mode="after")
    def _kind_rules(self) -> "Item":
        if not self.evidenced_by:
            raise ValueError("evidenced_by: must name at least one kind of evidence")
        if self.kind == "supervisor_standard":
            if not self.standard:
                raise ValueError("standard: a supervisor standard needs its minimum standard")
        elif not self.gained_through:
            raise ValueError("gained_through: must name at least one route")
        return self

    @property
    def anchor(self) -> str:
        """The HTML id of the item's card in the book."""
        return self.id.lower()


class Tier(Strict):
    tier: int = Field(ge=MIN_TIER, le=MAX_TIER)
    nhs_coaching_hours: int = Field(gt=0)
    hours_must_be_supervised: bool
    training: Optional[str] = None
    evidence_of_competency: Optional[str] = None
    competency_agreed_with_supervisor: bool
    progression_approval: Optional[str] = None
    descriptor: str = NonEmpty
    stage_note: Optional[str] = None
    source_section: str = NonEmpty


class SupervisionKind(Strict):
    key: Literal["line_management", "clinical", "health_coaching"]
    title: str = NonEmpty
    frequency: str = NonEmpty
    interval_months: int = Field(ge=1)
    interval_months_min: Optional[int] = Field(default=None, ge=1)
    ad_hoc: bool = False
    pro_rata: bool = False
    urgent_route_required: bool = False
    minutes_per_month: Optional[int] = Field(default=None, gt=0)
    minutes_per_month_max: Optional[int] = Field(default=None, gt=0)
    group_recommended: bool = False
    provider: str = NonEmpty
    provider_min_tier: Optional[int] = Field(default=None, ge=MIN_TIER, le=MAX_TIER)
    purpose: list[str] = Field(min_length=1)
    source_section: str = NonEmpty


class SourcedNote(Strict):
    text: str = NonEmpty
    source_section: str = NonEmpty


class Sessions(Strict):
    typical_minutes_min: int = Field(gt=0)
    typical_minutes_max: int = Field(gt=0)
    longer_first_session: bool
    review_every_sessions: int = Field(gt=0)
    max_sessions_per_day_min: int = Field(gt=0)
    max_sessions_per_day_max: int = Field(gt=0)
    frequency_set_by: str = NonEmpty
    number_of_sessions_set_by: str = NonEmpty
    reasons_for_daily_limit: list[str] = Field(min_length=1)
    caseload_factors: list[str] = Field(min_length=1)
    source_section: str = NonEmpty


class NhsValues(Strict):
    values: list[str] = Field(min_length=1)
    source_section: str = NonEmpty


class IStatements(Strict):
    statements: list[str] = Field(min_length=1)
    source_section: str = NonEmpty


class Recording(Strict):
    system: str = NonEmpty
    code: str = Field(pattern=r"^\d+$")
    term: str = NonEmpty
    setting: str = NonEmpty
    source_section: str = NonEmpty


class MinimumTraining(Strict):
    course: str = NonEmpty
    days: int = Field(gt=0)
    funded_by: str = NonEmpty
    when: str = NonEmpty
    source_section: str = NonEmpty


class RecentCaseload(Strict):
    """The one supervisor standard with a figure a tool can check (SS-02)."""

    item: str = Field(pattern=ID_PATTERN.pattern)
    hours: int = Field(gt=0)
    months: int = Field(ge=1)
    source_section: str = NonEmpty


ChecklistShow = Literal[
    "supervision:line_management", "supervision:clinical", "supervision:health_coaching", "recording", "minimum_training"
]


class ChecklistItem(Strict):
    """One line of a checklist. ``show`` adds figures from other rule data, so none is typed twice."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    text: str = NonEmpty
    show: Optional[ChecklistShow] = None
    source_section: str = NonEmpty


class ChecklistGroup(Strict):
    title: str = NonEmpty
    note: Optional[str] = Field(default=None, min_length=1)
    optional: bool = False  # helpful or "if it applies", rather than expected of everyone
    items: list[ChecklistItem] = Field(min_length=1)


class Checklist(Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = NonEmpty
    audience: str = NonEmpty
    purpose: str = NonEmpty
    groups: list[ChecklistGroup] = Field(min_length=1)
    source_section: str = NonEmpty

    @model_validator(mode="after")
    def _unique_keys(self) -> "Checklist":
        keys = [i.key for g in self.groups for i in g.items]
        repeated = sorted({k for k in keys if keys.count(k) > 1})
        if repeated:
            raise ValueError(f"item {noun(len(repeated), 'key')} used more than once: {', '.join(repeated)}")
        return self

    @property
    def items(self) -> list[ChecklistItem]:
        return [item for group in self.groups for item in group.items]


class Rules(Strict):
    tiers: list[Tier] = Field(min_length=MAX_TIER, max_length=MAX_TIER)
    supervision: list[SupervisionKind] = Field(min_length=3, max_length=3)
    supervision_notes: list[SourcedNote]
    sessions: Sessions
    nhs_values: NhsValues
    i_statements: IStatements
    recording: Recording
    minimum_training: MinimumTraining
    supervisor_recent_caseload: RecentCaseload
    checklists: list[Checklist] = Field(min_length=1)

    def supervision_kind(self, key: str) -> SupervisionKind:
        return next(k for k in self.supervision if k.key == key)

    def checklist(self, key: str) -> Checklist:
        return next(c for c in self.checklists if c.key == key)

    @model_validator(mode="after")
    def _tiers_in_order(self) -> "Rules":
        numbers = [t.tier for t in self.tiers]
        if numbers != list(range(MIN_TIER, MAX_TIER + 1)):
            raise ValueError(f"tiers: must be tiers 1 to 4 in order, found {numbers}")
        hours = [t.nhs_coaching_hours for t in self.tiers]
        if hours != sorted(hours) or len(set(hours)) != len(hours):
            raise ValueError(f"tiers: hours must rise from tier to tier, found {hours}")
        return self

    @model_validator(mode="after")
    def _unique_checklists(self) -> "Rules":
        keys = [c.key for c in self.checklists]
        if len(set(keys)) != len(keys):
            raise ValueError(f"checklists: each needs its own key, found {keys}")
        return self


class SourceSection(Strict):
    """One heading of the source document and the book page that covers it."""

    number: str = NonEmpty
    title: str = NonEmpty
    pages: list[str] = Field(min_length=1)
