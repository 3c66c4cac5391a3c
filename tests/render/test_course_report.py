"""The course map report: a self-contained printable page and a CSV beside it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.notebook.providers import EXAMPLE_COURSE
from hwc_selfcheck.providers.course import Course, Session, read_course
from hwc_selfcheck.providers.course_map import map_course
from hwc_selfcheck.render.course_report import (
    CSV_COLUMNS,
    RANKING_RULE,
    course_map_csv,
    coverage_text,
    matrix_table,
    render_html,
    sessions_table,
    write_course_map,
)


def small_course() -> Course:
    return Course("<b>mine</b>", (
        Session(2, 1, "Contracting & more", "Agree a contract", ("PC-01", "PC-04"), "face_to_face"),
        Session(3, 2, "MECC", "Brief conversations", ("AM-16", "GW-01", "GC-03"), "e_learning"),
        Session(4, 2, "Close", "Goodbye", (), "online_live"),
    ))


def test_csv_has_one_row_per_mapped_item(fw: Framework) -> None:
    cmap = map_course(fw, small_course())
    rows = list(csv.DictReader(io.StringIO(course_map_csv(fw, cmap))))
    assert list(rows[0]) == CSV_COLUMNS and [r["id"] for r in rows] == [r.item.id for r in cmap.rows]
    by_id = {r["id"]: r for r in rows}
    assert by_id["PC-01"]["status"] == "covered" and by_id["PC-01"]["course_rows"] == "2"
    assert by_id["PC-04"]["status"] == "outside_training" and by_id["PC-04"]["training_share"] == "none"
    assert by_id["AM-16"]["status"] == "later_tier" and by_id["AM-16"]["days"] == "2"
    assert by_id["GW-01"]["training_share"] == "2 of 4"  # the ways counted, not a reduced fraction
    assert by_id["GC-03"]["status"] == "employer_training" and by_id["GC-03"]["gap_rank"] == ""
    assert "GC-04" not in by_id  # an untouched general capability is the employer's, not a gap
    gap_ranks = [int(r["gap_rank"]) for r in rows if r["status"] == "gap"]
    assert sorted(gap_ranks) == list(range(1, len(cmap.gaps) + 1))


def test_matrix_marks_days_and_gaps(fw: Framework) -> None:
    cmap = map_course(fw, small_course())
    table = matrix_table(cmap)
    assert table.header == ["Item", "Status", "Day 1", "Day 2"]
    rows = {r[0].split()[0]: r for r in table.rows}
    assert rows["PC-01"][1:] == ["Covered", "Contracting & more", "—"]
    assert rows["AM-16"][1:] == ["Covered (expected from Tier 2)", "—", "MECC"]
    assert rows["PC-02"][1].startswith("Gap, rank ") and rows["PC-02"][2:] == ["—", "—"]
    assert rows["GC-03"][1:] == ["Employer's mandatory training (not counted)", "—", "MECC"]


def test_html_is_self_contained_printable_and_escaped(fw: Framework) -> None:
    page = render_html(fw, map_course(fw, small_course()), "mine.csv")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page and "@page { size: A4" in page
    assert "http://" not in page and "https://" not in page
    assert "&lt;b&gt;mine&lt;/b&gt;" in page and "Contracting &amp; more" in page
    assert RANKING_RULE.split(".")[0] in page
    assert "Sessions that name no framework items" in page and "Day 2, Close (row 4)" in page
    assert f"It lasts {fw.rules.minimum_training.days} days; this course runs over 2 days" in page
    assert "<h2>Employer's mandatory training: not counted as gaps</h2>" in page
    assert "The course touches 1 of the 16 general capabilities." in page and "3 sessions over 2 days" in page


def test_the_example_course_is_measured_against_competencies_only(fw: Framework) -> None:
    cmap = map_course(fw, read_course(EXAMPLE_COURSE, fw))
    assert coverage_text(cmap) == ("The course covers 26 of the 27 competencies a Tier 1 coach is expected to gain "
                                   "through training.")
    assert [g.coverage.item.id for g in cmap.gaps] == ["MF-04"]
    assert [r.item.id for r in cmap.employer_touched] == ["GC-01", "GC-06", "GC-07", "GC-14"]


def test_write_puts_the_csv_beside_the_report(fw: Framework, tmp_path: Path) -> None:
    cmap = map_course(fw, read_course(EXAMPLE_COURSE, fw))
    html_path, csv_path = write_course_map(fw, cmap, tmp_path / "out" / "map.html")
    assert csv_path == tmp_path / "out" / "map.csv"
    assert "map.csv, saved next to this report" in html_path.read_text()
    assert csv_path.read_text().startswith(",".join(CSV_COLUMNS))


def test_sessions_table_shows_the_file_as_read(fw: Framework) -> None:
    table = sessions_table(small_course(), limit=2)
    assert table.rows == [["2", "1", "Contracting & more", "Agree a contract", "PC-01, PC-04", "Face to face"],
                          ["3", "2", "MECC", "Brief conversations", "AM-16, GW-01, GC-03", "E-learning"]]
