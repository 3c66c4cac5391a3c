"""The team report shows no one: no pseudonyms, no counted file names, nothing about fewer than five."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hwc_selfcheck.assessment import Assessment, Rating, assessment_as_json
from hwc_selfcheck.cohort import HELD_BACK, aggregate, load_cohort
from hwc_selfcheck.cohort_report import ANONYMITY_RULE, groups_chart, groups_table, render_html, tiers_table
from hwc_selfcheck.framework import Framework
from hwc_selfcheck.provider_notebooks import EXAMPLE_TEAM, EXAMPLE_TEAM_EARLIER


def team_folder(tmp_path: Path, fw: Framework, people: int) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    for n in range(people):
        record = Assessment(pseudonym=f"Zebedee{n}", date=date(2026, 3, 2), tier=1,
                            ratings={"PC-01": Rating(level=n % 5, note=f"private note {n}")})
        (folder / f"person-{n}-name.json").write_text(assessment_as_json(record, fw))
    (folder / "bad-file.json").write_text("{")
    return folder


def test_no_pseudonym_note_or_counted_file_name_appears(fw: Framework, tmp_path: Path) -> None:
    cohort = load_cohort(team_folder(tmp_path, fw, 6), fw)
    page = render_html(fw, cohort, cohort)
    assert "Zebedee" not in page and "private note" not in page and "-name.json" not in page
    assert "bad-file.json" in page and ANONYMITY_RULE.split(",")[0] in page
    assert page.startswith("<!DOCTYPE html>") and "@page { size: A4" in page and "https://" not in page


def test_a_team_of_four_shows_nothing_but_the_rule_and_left_out_files(fw: Framework, tmp_path: Path) -> None:
    cohort = load_cohort(team_folder(tmp_path, fw, 4), fw)
    page = render_html(fw, cohort)
    assert "Fewer than 5 valid self-assessments, so nothing more can be shown." in page
    assert "<h2>Areas</h2>" not in page and "dates held back" in page and f"{HELD_BACK} people" in page
    assert [row[1] for row in tiers_table(cohort).rows] == [HELD_BACK] * 5


def test_held_back_cells_say_so(fw: Framework) -> None:
    records = [Assessment(pseudonym=f"C{n}", date=date(2026, 3, 2), tier=1, ratings={"PC-01": Rating(level=2)})
               for n in range(5)]
    table = groups_table(aggregate(fw, records))
    general = next(r for r in table.rows if r[0] == "General capabilities")
    assert set(general[1:]) == {HELD_BACK}
    professional = next(r for r in table.rows if r[0] == "Professional competencies")
    assert professional[1:] == ["5", "0%", "0%", "100%", "0%", "0%", "0%"]


def test_change_section_and_chart_on_the_example(fw: Framework) -> None:
    now, earlier = load_cohort(EXAMPLE_TEAM, fw), load_cohort(EXAMPLE_TEAM_EARLIER, fw)
    page = render_html(fw, now, earlier, chart=False)
    assert "<h2>Change since March 2026</h2>" in page and "points</td>" in page
    chart = groups_chart(now, earlier)
    assert chart.png.startswith(b"\x89PNG") and "Earlier (March 2026)" in chart.alt and "Now (September 2026)" in chart.alt
    assert f"Group work {HELD_BACK}" in chart.alt
