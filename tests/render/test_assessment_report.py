"""The supervision report in both formats."""

import re

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
    # nothing from other hosts: the only addresses are the SVG charts' namespace names, which are never fetched
    assert set(re.findall(r"https?://[\w./-]+", page)) <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert page.count('<img src="data:image/svg+xml,') == 2 and page.count('alt="') == 2
    assert "<th scope=\"col\">" in page


def test_html_escapes_what_a_coach_typed(fw: Framework) -> None:
    a = example_assessment()
    a = a.model_copy(update={"pseudonym": "<b>Kit</b>"})
    assert "&lt;b&gt;Kit&lt;/b&gt;" in render_html(build_report(fw, a, charts=False))


def test_areas_and_columns_carry_the_titles_a_person_sees(fw: Framework) -> None:
    report = build_report(fw, example_assessment(), charts=False)
    text = render_markdown(report)
    assert f"| GC-16 {fw.get('GC-16').title} | General capabilities |" in text  # "Not rated yet"
    assert "| Item | Area | Essential or desirable |" in text  # "Coming next"
    assert f"| GW-01 {fw.get('GW-01').title} | Group work | essential |" in text
    assert f"| AM-01 {fw.get('AM-01').title} | Additional models and approaches | desirable |" in text
    for internal in ("| Kind |", "| professional |", "communication enabling", "models frameworks", "additional models |"):
        assert internal not in text
    page = render_html(report)
    assert '<th scope="col">Essential or desirable</th>' in page and "<td>General capabilities</td>" in page


NOTE = "<script>alert('x')</script> **loud** [link](javascript:alert(1)) | pipe\nsecond line & more"


def with_note(fw: Framework):  # type: ignore[no-untyped-def]
    a = example_assessment()
    ratings = dict(a.ratings)
    ratings["PC-01"] = ratings["PC-01"].model_copy(update={"note": NOTE, "next_step": "<img src=x onerror=alert(1)>"})
    return build_report(fw, a.model_copy(update={"ratings": ratings, "pseudonym": "<b>Kit</b>"}), charts=False)


def test_markdown_shows_what_a_person_typed_as_text_never_as_markup(fw: Framework) -> None:
    from markdown_it import MarkdownIt

    text = render_markdown(with_note(fw))
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    assert "<script" not in rendered and "<img" not in rendered and "<b>" not in rendered
    assert "<strong>loud</strong>" not in rendered and 'href="javascript' not in rendered
    assert "&lt;script&gt;alert('x')&lt;/script&gt; **loud** [link](javascript:alert(1)) | pipe second line &amp; more" in rendered
    assert "# Self-assessment: \\<b\\>Kit\\</b\\>" in text
    line = next(x for x in text.splitlines() if x.startswith("- **PC-01 Contracting**"))
    assert line.endswith("Next step: \\<img src=x onerror=alert(1)\\>")  # one line: the note's line break is a space


def test_html_shows_notes_escaped_with_the_item_title(fw: Framework) -> None:
    page = render_html(with_note(fw))
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img src=x" not in page
    assert '<strong><span class="hwc-nowrap">PC-01</span> Contracting</strong>' in page


def test_tables_scroll_in_their_own_box_and_keep_ids_whole(fw: Framework) -> None:
    page = render_html(build_report(fw, example_assessment(), example_previous(), charts=False))
    assert page.count('<div class="table-scroll" role="region" tabindex="0" aria-labelledby=') == page.count("<table") > 3
    assert "overflow-wrap: anywhere" not in page and ".table-scroll { overflow-x: auto;" in page
    assert '<td><span class="hwc-nowrap">GC-12</span> Holistic wellbeing, rights and interests</td>' in page
    assert '<td class="hwc-nowrap">1.7</td>' in page
