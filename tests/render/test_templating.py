"""Templates escape what people write: HTML by Jinja2's autoescaping, Markdown by markdown_text."""

from __future__ import annotations

import pytest

from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.render.templating import keep_ids, markdown_text, stylesheet, table_html


@pytest.mark.parametrize("value, expected", [
    ("plain words", "plain words"),
    ("<b>bold</b>", "\\<b\\>bold\\</b\\>"),
    ("**star** _under_ `code`", "\\*\\*star\\*\\* \\_under\\_ \\`code\\`"),
    ("a | b", "a \\| b"),
    ("[x](javascript:y)", "\\[x\\](javascript:y)"),
    ("line one\nline two\r\n  three", "line one line two three"),
    ("Tom & Jerry #1 ~x~", "Tom \\& Jerry \\#1 \\~x\\~"),
    (3, "3"),
    (None, ""),
])
def test_markdown_text_is_literal(value: object, expected: str) -> None:
    assert markdown_text(value) == expected


def test_ids_stay_whole_and_everything_is_escaped() -> None:
    assert str(keep_ids("PC-10 <Referring> & CE-02")) == (
        '<span class="hwc-nowrap">PC-10</span> &lt;Referring&gt; &amp; <span class="hwc-nowrap">CE-02</span>')


def test_a_report_table_scrolls_in_its_own_box() -> None:
    html = str(table_html(HtmlTable(["ID", "Item"], [["PC-01", "<Contracting>"]]), "Gaps & <claims>"))
    assert html.startswith('<div class="table-scroll" role="region" tabindex="0" aria-label="Gaps &amp; &lt;claims&gt;">'
                           '<table class="hwc-table">') and "&lt;Contracting&gt;" in html
    css = stylesheet()
    assert ".table-scroll { overflow-x: auto;" in css and "anywhere" not in css and "@page { size: A4" in css
