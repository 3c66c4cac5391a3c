"""Small things every page or several pages share, seen in a browser (fresh-eyes review 13, 15).

Sphinx's search count, the line on each card that points to Jupyter, checkboxes
beside their labels at 320 px, and the hint that My self-assessment's table
scrolls sideways, shown only while it does.
"""

from __future__ import annotations

from tests.site.waiting import wait_until

NARROW = {"width": 320, "height": 700}


def test_search_counts_pages_in_plain_words(page, site_url: str) -> None:
    page.goto(f"{site_url}/search.html?q=supervision")
    said = wait_until(page, "() => { const p = document.querySelector('.search-summary'); "
                            "return p && /\\d/.test(p.textContent) && p.textContent; }")
    assert "page(s)" not in said and said.startswith("Search finished. Pages that match: ") and said.endswith(".")


def test_cards_end_the_jupyter_line_with_a_full_stop(page, site_url: str) -> None:
    page.goto(f"{site_url}/book/framework/professional.html")
    wait_until(page, "() => document.querySelector('.hwc-card a.hwc-self-assess') && "
                     "document.querySelector('.hwc-card a.hwc-self-assess').textContent.startsWith('rate ')")
    line = page.locator(".hwc-card a.hwc-self-assess").first.locator("xpath=..").inner_text()
    assert line == "If you use Jupyter (a free program for notes and data), you can also rate PC-01 there."


def test_a_checkbox_sits_beside_its_label_at_320_px(page, site_url: str) -> None:
    page.set_viewport_size(NARROW)
    page.goto(f"{site_url}/book/portfolio/hours.html")
    page.wait_for_selector("#hwc-hours-nhs")
    box = page.locator("#hwc-hours-nhs").bounding_box()
    label = page.locator("label[for='hwc-hours-nhs']").bounding_box()
    assert label["x"] > box["x"] + box["width"] - 1 and label["y"] < box["y"] + box["height"], (box, label)


def test_the_wide_table_says_it_scrolls_only_while_it_does(page, site_url: str) -> None:
    page.goto(f"{site_url}/book/self-assessment/my-self-assessment.html")
    page.wait_for_selector(".hwc-results .hwc-table-box")
    assert page.locator(".hwc-scroll-hint").is_hidden()  # 1024 px: the whole table shows
    page.set_viewport_size(NARROW)
    wait_until(page, "() => !document.querySelector('.hwc-scroll-hint').hidden")
    assert page.locator(".hwc-scroll-hint").inner_text() == "Scroll sideways to see every column."
    assert page.evaluate("(b => b.scrollWidth > b.clientWidth)(document.querySelector('.hwc-results .hwc-table-box'))")
    page.set_viewport_size({"width": 1024, "height": 900})
    wait_until(page, "() => document.querySelector('.hwc-scroll-hint').hidden")


def test_own_styles_are_sent_without_their_comments(built_book) -> None:  # type: ignore[no-untyped-def]
    """site/assets.py: every rule of static/hwc*.css reaches the page, none of the comments (the 35 KB budget)."""
    from hwc_selfcheck.site.assets import CSS_COMMENT, STATIC

    sources = sorted(STATIC.glob("hwc*.css"))
    assert len(sources) >= 4
    for source in sources:
        sent = (built_book / "_static" / source.name).read_text(encoding="utf-8")
        assert "/*" not in sent and sent == CSS_COMMENT.sub("", source.read_text(encoding="utf-8")), source.name
        assert len(sent) > 200, source.name
