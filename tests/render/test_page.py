"""Every HTML report comes out of one frame, under the reports' Content Security Policy.

The policy allows the reports' own inline styles and data: chart images and
nothing else; Chromium, opening each report as a file, refuses nothing in it
but does refuse a script slipped into it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hwc_selfcheck import __version__
from hwc_selfcheck.assessment.examples import example_assessment, example_path, example_previous
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.notebook.providers import EXAMPLE_COURSE, EXAMPLE_TEAM, EXAMPLE_TEAM_EARLIER
from hwc_selfcheck.practice.checklists import progress, read_ticks
from hwc_selfcheck.providers.cohort import load_cohort
from hwc_selfcheck.providers.course import read_course
from hwc_selfcheck.providers.course_map import map_course
from hwc_selfcheck.quiz.bank import load_questions
from hwc_selfcheck.render import assessment_report, cohort_report, course_report
from hwc_selfcheck.render.checklist_page import checklist_html
from hwc_selfcheck.render.page import REPORT_POLICY, frame
from hwc_selfcheck.render.question_sheet import questions_as_sheet
from hwc_selfcheck.render.templates import render
from tests.conftest import record_policy_violations

KINDS = ["supervision", "checklist", "team", "course", "questions"]


def report(kind: str, fw: Framework) -> str:
    if kind == "supervision":
        return assessment_report.render_html(assessment_report.build_report(fw, example_assessment(), example_previous()))
    if kind == "checklist":
        return checklist_html(fw, progress(fw, "induction", read_ticks(example_path("sam-checklists.json"), fw)))
    if kind == "team":
        return cohort_report.render_html(fw, load_cohort(EXAMPLE_TEAM, fw), load_cohort(EXAMPLE_TEAM_EARLIER, fw))
    if kind == "course":
        return course_report.render_html(fw, map_course(fw, read_course(EXAMPLE_COURSE, fw)), "four-day-course.csv")
    return questions_as_sheet(load_questions().sets, fw)


def test_policy_allows_inline_styles_and_data_images_only() -> None:
    directives = dict(d.strip().split(" ", 1) for d in REPORT_POLICY.split(";"))
    assert directives == {"default-src": "'none'", "style-src": "'unsafe-inline'", "img-src": "data:",
                          "base-uri": "'none'", "form-action": "'none'"}


@pytest.mark.parametrize("kind", KINDS)
def test_every_report_has_the_policy_before_its_styles(kind: str, fw: Framework) -> None:
    doc = BeautifulSoup(report(kind, fw), "html.parser")
    policy = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert policy is not None and policy["content"] == REPORT_POLICY
    assert not policy.find_all_previous(["style", "img", "script", "link"])
    assert not doc.find_all(["script", "link", "iframe", "object"])
    assert all(img["src"].startswith(("data:image/png;base64,", "data:image/svg+xml,")) for img in doc.find_all("img"))


def test_frame_escapes_its_text() -> None:
    html = render("page.html", **frame("<T>", "<M>", "<F>", "<H>"))
    assert "<title>&lt;T&gt;</title>" in html and "<h1>&lt;H&gt;</h1>" in html
    assert '<p class="meta">&lt;M&gt;</p>' in html and '<p class="privacy">&lt;F&gt;</p>' in html


@pytest.mark.parametrize("kind", KINDS)
def test_every_report_names_the_package_and_its_version(kind: str, fw: Framework) -> None:
    footer = BeautifulSoup(report(kind, fw), "html.parser").find("p", class_="privacy")
    assert footer is not None and f"hwc-selfcheck {__version__}" in footer.get_text()


@pytest.mark.parametrize("kind", KINDS)
def test_report_opened_as_a_file_is_refused_nothing(kind: str, fw: Framework, browser, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.html"
    path.write_text(report(kind, fw), encoding="utf-8")
    context = browser.new_context()
    violations = record_policy_violations(context)
    tab = context.new_page()
    tab.goto(path.as_uri())
    assert tab.evaluate("getComputedStyle(document.body).maxWidth") == "960px"  # the inline stylesheet applied
    assert tab.evaluate("[...document.images].every(img => img.complete && img.naturalWidth > 0)")
    tab.evaluate("0")
    context.close()
    assert not violations, violations


def test_a_script_slipped_into_a_report_is_refused(fw: Framework, browser, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    html = report("checklist", fw).replace("</main>", '<script>document.title = "ran"</script></main>')
    path.write_text(html, encoding="utf-8")
    context = browser.new_context()
    violations = record_policy_violations(context)
    tab = context.new_page()
    tab.goto(path.as_uri())
    tab.evaluate("0")
    assert tab.title() != "ran"
    context.close()
    assert [v["directive"] for v in violations] == ["script-src-elem"]


def test_tables_scroll_in_boxes_named_by_the_heading_above_them(fw: Framework) -> None:
    doc = BeautifulSoup(report("course", fw), "html.parser")
    boxes = doc.find_all("div", class_="table-scroll")
    assert boxes and all(box["role"] == "region" and box["tabindex"] == "0" for box in boxes)
    for box in boxes:
        assert box["aria-label"] == box.find_previous(["h2", "h3"]).get_text(), box["aria-label"]
