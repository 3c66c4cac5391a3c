"""Reports come from templates that escape every value, and refuse a value they were not given."""

from __future__ import annotations

import jinja2
import pytest

from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.render.page import page
from hwc_selfcheck.render.templates import environment, render


def test_values_are_escaped_and_html_parts_are_not() -> None:
    html = page("Notes <b>&</b>", "for <i>Kit</i>", ["<p>already escaped</p>"], "footer <script>")
    assert "<title>Notes &lt;b&gt;&amp;&lt;/b&gt;</title>" in html and "for &lt;i&gt;Kit&lt;/i&gt;" in html
    assert "<p>already escaped</p>" in html and "footer &lt;script&gt;" in html


def test_the_table_macro_writes_what_html_table_writes() -> None:
    table = HtmlTable(["Item", "Note"], [["PC-01", "<script>alert(1)</script>"]])
    macro = environment().from_string('{% from "tables.html" import table %}{{ table(t) }}')
    assert macro.render(t=table) == table._repr_html_()
    assert macro.render(t=HtmlTable(["A"], [])) == "<p>Nothing here.</p>"


def test_a_missing_value_is_an_error_not_an_empty_string() -> None:
    with pytest.raises(jinja2.UndefinedError):
        render("page.html", title="T", meta="m", footer="f", css="", body="")
