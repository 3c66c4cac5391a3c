"""Boxes that scroll get the keyboard focus and a name (the heading above them), unique on the page."""

from __future__ import annotations

from pathlib import Path

from hwc_selfcheck.site.table_regions import label_table_boxes

BODY = ('<h1>Tiers<a class="headerlink" href="#t">#</a></h1><p>x</p>'
        '<div class="table-wrapper colwidths-auto docutils container"><table></table></div>'
        '<h2>Hours &amp; more</h2><div class="table-wrapper docutils container" id="t2"><table></table></div>'
        '<div class="table-wrapper docutils container"><table></table></div>'
        '<div class="output text_html"><table class="hwc-table"></table></div>'
        '<div class="output text_html"><figure></figure></div>'
        '<div class="highlight"><pre>hwc-selfcheck tier my-hours.csv</pre></div>')


def test_each_box_is_named_after_the_heading_above_it() -> None:
    out = label_table_boxes(BODY, "Page")
    assert '<div class="table-wrapper colwidths-auto docutils container" role="region" tabindex="0" ' \
           'aria-label="Table: Tiers">' in out
    assert '<div class="table-wrapper docutils container" id="t2" role="region" tabindex="0" ' \
           'aria-label="Table: Hours &amp; more">' in out
    assert 'aria-label="Table 2: Hours &amp; more"' in out and 'aria-label="Table 3: Hours &amp; more"' in out
    assert '<div class="output text_html"><figure>' in out  # not a table: left alone
    assert '<div class="highlight"><pre tabindex="0">' in out


def test_every_table_box_in_the_book_is_reachable(built_book: Path) -> None:
    import re

    for path in built_book.rglob("*.html"):
        text = path.read_text()
        boxes = re.findall(r'<div class="table-wrapper[^>]*>', text)
        assert all('tabindex="0"' in b and 'role="region"' in b for b in boxes), path
        labels = re.findall(r'role="region" tabindex="0" aria-label="([^"]*)"', text)
        assert len(labels) == len(set(labels)), path
