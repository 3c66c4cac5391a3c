"""The report frame: escaped, self-contained, and each table's scroll box named after the heading above it."""

from __future__ import annotations

from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.render.page import page, paragraph, table


def test_tables_are_named_by_the_heading_above_them_and_text_is_escaped() -> None:
    rows = HtmlTable(["ID", "Item"], [["PC-01", "Contracting"]])
    html = page("Course <map>", "meta & more", ["<h2>Gaps &amp; claims</h2>", paragraph("<why>"), table(rows),
                                               "<h3>Empty</h3>", table(HtmlTable(["ID"], []))], "Made here")
    assert html.startswith("<!DOCTYPE html>") and "<title>Course &lt;map&gt;</title>" in html
    assert '<div class="table-scroll" role="region" tabindex="0" aria-label="Gaps &amp; claims">' in html
    assert "<p>&lt;why&gt;</p>" in html and "<p>Nothing here.</p>" in html and "meta &amp; more" in html
    assert "Made here (hwc-selfcheck " in html and "http" not in html
