"""Reports come from templates that escape every value (HTML by autoescaping, Markdown by markdown_text),
and refuse a value they were not given."""

from __future__ import annotations

import jinja2
import pytest

from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.render.page import frame
from hwc_selfcheck.render.templates import TEMPLATES, environment, keep_ids, markdown_text, render, table_html


def test_every_value_a_report_template_prints_is_escaped() -> None:
    html = render("course-map.html", **frame("Notes <b>&</b>", "for <i>Kit</i>", "footer <script>"),
                  coverage="<c>", expected_rule="", coverage_table=HtmlTable(["ID"], []), minimum_course="<m>",
                  minimum_source="s", minimum_days=4, days="1 day", modes="online", ranking_rule="", gaps=HtmlTable(["ID"], []),
                  outside_rule="", outside=HtmlTable(["ID"], []), employer_rule="", employer_text="", employer=None,
                  later=None, matrix=HtmlTable(["ID"], []), without_items=[{"label": "<script>alert(1)</script>", "row": 2}],
                  csv_name="a&b.csv")
    assert "<title>Notes &lt;b&gt;&amp;&lt;/b&gt;</title>" in html and "for &lt;i&gt;Kit&lt;/i&gt;" in html
    assert "footer &lt;script&gt;" in html and "<li>&lt;script&gt;alert(1)&lt;/script&gt; (row 2)</li>" in html
    assert "&lt;c&gt;" in html and "the &lt;m&gt;" in html and "a&amp;b.csv" in html
    assert "<script" not in html


def test_the_table_macro_writes_what_html_table_writes_in_a_named_scroll_box() -> None:
    table = HtmlTable(["Item", "Note"], [["PC-01", "<script>alert(1)</script>"]])
    macro = environment().from_string('{% from "tables.html" import table %}{{ table(t, "Notes") }}')
    assert macro.render(t=table) == (f'<div class="table-scroll" role="region" tabindex="0" aria-label="Notes">'
                                     f"{table._repr_html_()}</div>")
    assert "&lt;script&gt;" in macro.render(t=table)
    assert macro.render(t=HtmlTable(["A"], [])) == "<p>Nothing here.</p>"


def test_a_missing_value_is_an_error_not_an_empty_string() -> None:
    with pytest.raises(jinja2.UndefinedError):
        render("page.html", title="T", meta="m", footer="f", css="", body="")


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
    css = (TEMPLATES / "report.css").read_text()
    assert ".table-scroll { overflow-x: auto;" in css and "anywhere" not in css and "@page { size: A4" in css
