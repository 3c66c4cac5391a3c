"""The supervisor's column and the talk-about list in the self-assessment report."""

from __future__ import annotations

from hwc_selfcheck.assessment.examples import example_path
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.records.portfolio_file import read_portfolio_file
from hwc_selfcheck.render.assessment_report import build_report, render_html, render_markdown
from hwc_selfcheck.render.review_sections import reviewed_part

PORTFOLIO, REVIEW = example_path("sam-portfolio.json"), example_path("sam-review.json")


def test_the_report_shows_both_views_and_what_to_talk_about_largest_first(fw: Framework) -> None:
    record = read_portfolio_file(PORTFOLIO, fw).assessment
    assert record is not None
    report = build_report(fw, record, charts=False)
    report.review = reviewed_part(fw, PORTFOLIO, record, REVIEW)
    text = render_markdown(report)
    both = text.split("## Your supervisor's view")[1].split("\n## ")[0]
    assert "not a formal assessment (section 9.2)" in both
    assert "| PC-01 Contracting | 1 Starting | 2 Developing | supervisor 1 higher | yes |" in both
    talk = text.split("## Talk about in supervision")[1].split("\n## ")[0]
    order = [line.split(" | ")[1].split()[0] for line in talk.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert order == ["PC-06", "PC-01", "PC-02"]
    page = render_html(report)
    assert 'id="talk-about"' in page and "Your supervisor&#39;s view" in page


def test_a_self_assessment_file_alone_is_matched_by_its_items(fw: Framework) -> None:
    from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT
    from hwc_selfcheck.assessment.record import read_assessment

    record = read_assessment(EXAMPLE_ASSESSMENT, fw)
    part = reviewed_part(fw, EXAMPLE_ASSESSMENT, record, REVIEW)
    assert (part.match.state, part.match.text) == (
        "same", "No item the review by Alex Morgan (example) (2026-04-14) looked at has changed since.")
    renamed = reviewed_part(fw, EXAMPLE_ASSESSMENT, record.model_copy(update={"pseudonym": "Kim"}), REVIEW)
    assert renamed.match.state == "different"
