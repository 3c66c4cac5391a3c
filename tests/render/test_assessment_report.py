"""The supervision report in both formats."""

from hwc_selfcheck.assessment.examples import example_assessment, example_previous
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.render.assessment_report import build_report, render_html, render_markdown


def test_markdown_report_sections(fw: Framework) -> None:
    text = render_markdown(build_report(fw, example_assessment(), example_previous(), charts=False))
    for heading in ("# Self-assessment: Sam (example)", "## Where you stand", "## Development plan",
                    "## Not rated yet", "## Coming next at Tier 2", "## Changes since 2025-12-01"):
        assert heading in text
    assert "| 1 | GC-12 Holistic wellbeing, rights and interests | 0 Not yet |" in text
    assert "27 up, 0 down, 20 the same" in text


def test_html_report_is_self_contained_and_prints_on_a4(fw: Framework) -> None:
    page = render_html(build_report(fw, example_assessment(), example_previous()))
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "@page { size: A4" in page and "break-inside: avoid" in page
    assert "http://" not in page and "https://" not in page
    assert page.count('<img src="data:image/png;base64,') == 2 and page.count('alt="') == 2
    assert "<th scope=\"col\">" in page


def test_html_escapes_what_a_coach_typed(fw: Framework) -> None:
    a = example_assessment()
    a = a.model_copy(update={"pseudonym": "<b>Kit</b>"})
    assert "&lt;b&gt;Kit&lt;/b&gt;" in render_html(build_report(fw, a, charts=False))
