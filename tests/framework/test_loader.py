"""Loading and validating the data: mistakes are reported with file, item and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.loader import Framework, load_framework_from, normalise_id


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1))


def load_error(data_dir: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_framework_from(data_dir)
    return caught.value


def test_empty_statement_names_file_item_and_field(data_copy: Path) -> None:
    edit(data_copy / "items" / "group-work.yml", "statement: Manages conflict.", 'statement: ""')
    err = load_error(data_copy)
    assert err.path.endswith("group-work.yml")
    assert err.where == "item GW-04, field statement"
    assert err.problem == "is empty; fill it in"
    assert "\n" not in str(err)


def test_unknown_vocabulary_term(data_copy: Path) -> None:
    edit(data_copy / "items" / "professional.yml", "evidenced_by: [supervision_log]", "evidenced_by: [supervison_log]")
    err = load_error(data_copy)
    assert err.where == "item PC-05, field evidenced_by"
    assert "'supervison_log'" in err.problem and "supervision_log" in err.problem


def test_duplicate_id(data_copy: Path) -> None:
    edit(data_copy / "items" / "group-work.yml", "id: GW-02", "id: GW-01")
    err = load_error(data_copy)
    assert err.where == "item GW-01" and "already used" in err.problem


def test_tier_out_of_range(data_copy: Path) -> None:
    edit(data_copy / "items" / "group-work.yml", "min_tier: 2", "min_tier: 5")
    err = load_error(data_copy)
    assert err.where.endswith("field min_tier") and err.problem == "5 is too big; it must be at most 4"


def test_badly_shaped_id(data_copy: Path) -> None:
    edit(data_copy / "items" / "group-work.yml", "id: GW-02", "id: gw2")
    assert load_error(data_copy).where == "item gw2, field id"


def test_unknown_field_is_refused(data_copy: Path) -> None:
    edit(data_copy / "items" / "group-work.yml", "    title: Managing conflict", "    titel: Managing conflict")
    err = load_error(data_copy)
    assert err.where == "item GW-04, field title" and err.problem.startswith("is missing")
    assert "item GW-04, field titel: is not a known field; check the spelling" in str(err)  # every problem, a line each


def test_broken_yaml_gives_the_line(data_copy: Path) -> None:
    (data_copy / "rules.yml").write_text("tiers: [unclosed\n")
    err = load_error(data_copy)
    assert err.path.endswith("rules.yml") and err.where.startswith("line ")


def test_tiers_must_rise(data_copy: Path) -> None:
    edit(data_copy / "rules.yml", "nhs_coaching_hours: 500", "nhs_coaching_hours: 150")
    assert "hours must rise" in load_error(data_copy).problem


def test_supervisor_standard_needs_its_standard(data_copy: Path) -> None:
    edit(data_copy / "items" / "supervisor-standards.yml", "    standard: Tier 3 practitioner.\n", "")
    err = load_error(data_copy)
    assert err.where.startswith("item SS-01") and "minimum standard" in err.problem


def test_missing_file(data_copy: Path) -> None:
    (data_copy / "areas.yml").unlink()
    assert "cannot be read" in load_error(data_copy).problem


@pytest.mark.parametrize("typed, expected", [("pc1", "PC-01"), ("PC 01", "PC-01"), ("gw_6", "GW-06"), ("x", "X")])
def test_normalise_id(typed: str, expected: str) -> None:
    assert normalise_id(typed) == expected


def test_select_by_tier_keeps_what_that_tier_needs(fw: Framework) -> None:
    tier1 = fw.select(tier=1)
    assert len(tier1) == 48 and all(i.min_tier == 1 for i in tier1)
    assert len(fw.select(tier=3)) == len(fw.items)
    assert {i.id[:2] for i in fw.select(area="professional")} == {"PC", "GC"}


def test_suggest_offers_near_ids(fw: Framework) -> None:
    assert fw.suggest("PC-1O")[0] in {"PC-10", "PC-01"}
    assert fw.get("mf12").title == "Universal model of personalised care"


def test_suggest_puts_the_lookalike_digit_fix_first(fw: Framework) -> None:
    assert fw.suggest("PC-O1")[0] == "PC-01"
    assert fw.suggest("gc-l2")[0] == "GC-12"
