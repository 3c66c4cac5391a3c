"""The shipped data holds every item of appendix 2, no more and no less."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from hwc_selfcheck.framework.loader import Framework, load_framework_from
from tests.source_text import count_source_items, headings

REPO = Path(__file__).resolve().parents[2]

# Expected counts, each with where it comes from in the source document
# (appendix 2 of B1570). A missing or extra item fails these tests.
EXPECTED_COUNTS = {
    # Appendix 2, section 1: ten "Competency:" entries, contracting to referral.
    "professional": 10,
    # Appendix 2, section 1: the bullet list after "The following are general
    # capabilities", safeguarding to basic first aid.
    "general_capability": 16,
    # Appendix 2, section 2: ten "Competency:" entries.
    "communication_enabling": 10,
    # Appendix 2, section 3: twelve "Competency:" entries, the last being the
    # universal model of personalised care.
    "models_frameworks": 12,
    # Appendix 2, section 4 (Tier 2 and above): six "Competency:" entries.
    "group_work": 6,
    # Appendix 2, section 5 (Tier 2 and above, desirable): 28 bullets.
    "additional_model": 28,
    # Appendix 2, section 6: eight "Health coaching supervision statement:" entries.
    "supervisor_standard": 8,
}


def count_items(fw: Framework) -> dict[str, int]:
    """Count the loaded items with the same keys as EXPECTED_COUNTS."""
    counts: Counter[str] = Counter()
    for item in fw.items:
        key = item.area if item.kind == "competency" else item.kind
        counts[key] += 1
    return dict(counts)


def test_counts_match_the_cited_figures(fw: Framework) -> None:
    assert count_items(fw) == EXPECTED_COUNTS


def test_counts_match_the_source_text(source_lines: list[str]) -> None:
    assert count_source_items(source_lines) == EXPECTED_COUNTS


def test_removing_any_one_item_is_caught(data_copy) -> None:
    path = data_copy / "items" / "group-work.yml"
    raw = yaml.safe_load(path.read_text())
    raw["items"].pop(3)
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    assert count_items(load_framework_from(data_copy)) != EXPECTED_COUNTS


def test_kinds_areas_and_tiers_follow_the_source(fw: Framework) -> None:
    by_prefix = {
        "PC": ("professional", "competency", 1),
        "GC": ("professional", "general_capability", 1),
        "CE": ("communication_enabling", "competency", 1),
        "MF": ("models_frameworks", "competency", 1),
        "GW": ("group_work", "competency", 2),
        "AM": ("additional_models", "additional_model", 2),
        "SS": ("supervision", "supervisor_standard", 3),
    }
    for item in fw.items:
        assert (item.area, item.kind, item.min_tier) == by_prefix[item.id[:2]], item.id
        assert item.essential == (item.kind != "additional_model"), item.id


def test_ids_are_numbered_without_gaps(fw: Framework) -> None:
    numbers: dict[str, list[int]] = {}
    for item in fw.items:
        numbers.setdefault(item.id[:2], []).append(int(item.id[3:]))
    for prefix, found in numbers.items():
        assert sorted(found) == list(range(1, len(found) + 1)), prefix


def test_tiers_hours_and_rules_are_exact(fw: Framework) -> None:
    rules = fw.rules
    assert [(t.tier, t.nhs_coaching_hours) for t in rules.tiers] == [(1, 50), (2, 200), (3, 500), (4, 1000)]
    assert rules.tiers[0].hours_must_be_supervised  # 8.2: "50 hours supervised coaching experience"
    assert rules.tiers[1].progression_approval and "outside their own organisation" in rules.tiers[1].progression_approval
    assert [t.competency_agreed_with_supervisor for t in rules.tiers] == [False, False, True, True]
    kinds = {k.key: k for k in rules.supervision}
    assert kinds["line_management"].interval_months == 1 and kinds["line_management"].ad_hoc
    assert (kinds["clinical"].interval_months_min, kinds["clinical"].interval_months) == (2, 3)
    assert kinds["clinical"].pro_rata and kinds["clinical"].urgent_route_required
    assert (kinds["health_coaching"].minutes_per_month, kinds["health_coaching"].minutes_per_month_max) == (60, 120)
    assert kinds["health_coaching"].provider_min_tier == 3
    s = rules.sessions
    assert (s.typical_minutes_min, s.typical_minutes_max, s.review_every_sessions) == (45, 50, 6)
    assert (s.max_sessions_per_day_min, s.max_sessions_per_day_max) == (4, 5)
    assert rules.recording.code == "148471000000103"
    assert len(rules.nhs_values.values) == 6
    assert len(rules.i_statements.statements) == 5
    assert rules.minimum_training.days == 4


def test_nhs_values_are_the_six_named_in_section_6(fw: Framework, source_lines: list[str]) -> None:
    start = next(i for i, l in enumerate(source_lines) if l.startswith("There are six NHS values"))
    listed = [l[2:].strip() for l in source_lines[start + 1 : start + 7]]
    assert fw.rules.nhs_values.values == listed


def test_snomed_code_is_the_one_in_section_9_1(fw: Framework, source_lines: list[str]) -> None:
    assert any(f"SNOMED code: {fw.rules.recording.code}" in l for l in source_lines)


def test_source_map_lists_every_heading_of_the_source(fw: Framework, source_lines: list[str]) -> None:
    in_source = headings(source_lines)
    in_map = [(s.number, s.title) for s in fw.source_sections]
    assert in_map == in_source


def test_source_map_pages_are_in_the_table_of_contents(fw: Framework) -> None:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text())
    docs = {toc["root"]} | {c["file"] for p in toc["parts"] for c in p["chapters"]}
    for section in fw.source_sections:
        for page in section.pages:
            assert page in docs, f"{section.number}: {page} is not in _toc.yml"


@pytest.mark.parametrize("item_id", ["PC-01", "GC-16", "SS-08"])
def test_every_item_has_text_and_a_source(fw: Framework, item_id: str) -> None:
    item = fw.get(item_id)
    assert item is not None
    assert item.title and item.statement and item.source_section.startswith("Appendix 2")
