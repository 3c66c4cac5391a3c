"""Everything that turns results into something to look at: HTML and Markdown reports, pages and charts.

Rules hand over plain data (records, findings, tables); this layer lays them
out, with alt text that carries every chart's data. It may use every rules
package; no rules module imports it.
"""
