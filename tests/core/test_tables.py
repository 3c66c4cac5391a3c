"""Small tables: escaped, and never broken inside a word, an ID or a number."""

from __future__ import annotations

from hwc_selfcheck.core.tables import HtmlTable, cell_html


def test_a_cell_without_spaces_stays_on_one_line() -> None:
    assert cell_html("PC-01") == '<td class="hwc-nowrap">PC-01</td>'
    assert cell_html("my-training.csv") == '<td class="hwc-nowrap">my-training.csv</td>'
    assert cell_html("10", "th", ' scope="col"') == '<th scope="col" class="hwc-nowrap">10</th>'


def test_ids_inside_text_stay_whole_and_text_is_escaped() -> None:
    assert cell_html("PC-10 Referring <on>") == '<td><span class="hwc-nowrap">PC-10</span> Referring &lt;on&gt;</td>'
    assert cell_html("Items expected") == "<td>Items expected</td>"


def test_table_as_html_and_as_text() -> None:
    table = HtmlTable(["ID", "Items expected"], [["PC-01", 3]])
    assert table._repr_html_() == ('<table class="hwc-table"><thead><tr><th scope="col" class="hwc-nowrap">ID</th>'
                                   '<th scope="col">Items expected</th></tr></thead><tbody><tr>'
                                   '<td class="hwc-nowrap">PC-01</td><td class="hwc-nowrap">3</td></tr></tbody></table>')
    assert repr(table) == "ID     Items expected\nPC-01  3"
