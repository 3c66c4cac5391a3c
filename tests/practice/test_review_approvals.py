"""The framework's conditions before a supervisor's approval to move a coach up a tier."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.practice.review_approvals import (
    ApprovalView,
    approval_conditions,
    as_approval,
    condition_text,
    supervisor_min_tier,
)
from hwc_selfcheck.practice.tiers import Approval, HoursEntry, TrainingRecord

DAY = date(2026, 4, 14)
COURSE = [TrainingRecord(1, date(2025, 9, 11), "PCI course", True, 4)]


def hours(total: int, supervised: bool = True, day: date = date(2026, 1, 5)) -> list[HoursEntry]:
    return [HoursEntry(n, day, Decimal(10), "", True, supervised) for n in range(1, total // 10 + 1)]


def approval(**change) -> ApprovalView:  # type: ignore[no-untyped-def]
    return ApprovalView.model_validate({"tier": 2, "date": DAY.isoformat(), "name": "Alex Morgan", "own_tier": 3,
                                        "independent": True, "evidence": [1], **change})


def test_nothing_is_missing_when_the_records_meet_tier_2(fw: Framework) -> None:
    assert approval_conditions(fw, approval(), hours(200), COURSE, [], 1) == []


def test_the_supervisor_tier_comes_from_the_data(fw: Framework) -> None:
    assert supervisor_min_tier(fw) == 3
    missing = approval_conditions(fw, approval(own_tier=2), hours(200), COURSE, [], 1)
    assert [condition_text(c) for c in missing] == [
        "A health coaching supervisor is at Tier 3 or above; your own tier is 2. (section 4.2.3)"]


def test_tier_2_needs_an_independent_supervisor_and_evidence_relied_on(fw: Framework) -> None:
    missing = approval_conditions(fw, approval(independent=False, evidence=[]), hours(200), COURSE, [], 1)
    assert [condition_text(c) for c in missing] == [
        "Tier 2 is approved by a supervisor from outside the coach's own organisation; you said you are not. "
        "(section 8.2.1)",
        "Tier 2 asks for evidence of the coach's level of competency; tick the pieces of their evidence you relied "
        "on. (section 8.2)"]


def test_hours_are_counted_on_the_day_of_the_approval(fw: Framework) -> None:
    later = hours(200, day=date(2026, 5, 1))
    missing = [condition_text(c) for c in approval_conditions(fw, approval(), later, COURSE, [], 1)]
    assert missing == [
        "Tier 1, in the coach's records: 50 supervised NHS coaching hours: 0 logged, 50 still to go. (section 8.2)",
        "Tier 2, in the coach's records: 200 NHS coaching hours: 0 logged, 200 still to go. (section 8.2)"]


def test_tier_3_builds_on_tier_2s_approval_from_the_same_review(fw: Framework) -> None:
    tier_3 = approval(tier=3, independent=False)
    without = approval_conditions(fw, tier_3, hours(500), COURSE, [], 1)
    assert {c.source_section for c in without} == {"8.2", "8.2.1"}
    assert approval_conditions(fw, tier_3, hours(500), COURSE, [as_approval(approval(), 1)], 1) == []


def test_an_evidence_entry_beyond_the_portfolio_is_named(fw: Framework) -> None:
    missing = approval_conditions(fw, approval(evidence=[1, 4]), hours(200), COURSE, [], 2)
    assert [(c.text, c.source_section) for c in missing] == [
        ("Evidence entry 4 is not in the coach's portfolio, which holds 2.", "9.1")]


@pytest.mark.parametrize("change", [{"tier": 1}, {"tier": 5}, {"own_tier": 0}, {"independent": "yes"},
                                    {"evidence": [0]}, {"evidence": [1, 1]}, {"evidence": ["1"]}])
def test_an_approval_as_written_is_checked_strictly(change) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        approval(**change)


def test_an_approval_counts_as_agreed_evidence_only_when_it_names_some() -> None:
    assert as_approval(approval(), 1).competency_evidence is True
    assert as_approval(approval(evidence=[]), 1).competency_evidence is False


def test_an_approval_reads_as_the_tier_rules_read_one() -> None:
    assert as_approval(approval(note="Seen in May"), 3) == Approval(
        row=3, date=DAY, tier=2, approved_by="Alex Morgan", independent=True, competency_evidence=True,
        note="Seen in May")
