"""Charts carry their data in alt text and do not rely on colour alone."""

from datetime import date

from hwc_selfcheck.assessment.examples import example_assessment, example_path, example_previous
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.practice.tiers import read_hours_log
from hwc_selfcheck.render.charts import Chart, area_profile, hours_chart, progress


def test_area_profile_alt_text_has_every_value(fw: Framework) -> None:
    chart = area_profile(fw, example_assessment())
    assert chart.png.startswith(b"\x89PNG")
    assert "Professional competencies 1.7 (10 of 10 items rated); General capabilities 2.7 (15 of 16 items rated)" in chart.alt
    assert "Models and frameworks 2.8" in chart.alt and "Group work" not in chart.alt
    html = chart.html()
    assert 'alt="Bar chart of average self-rating' in html and "<figcaption>" in html


def test_same_data_same_bytes(fw: Framework) -> None:
    assert area_profile(fw, example_assessment()).png == area_profile(fw, example_assessment()).png


def test_progress_alt_text_lists_each_date(fw: Framework, tmp_path) -> None:
    chart = progress(fw, [example_assessment(), example_previous()])
    assert "over 2 assessments" in chart.alt
    assert "Communication and enabling skills: 2025-12-01 1.9, 2026-03-02 2.7" in chart.alt
    saved = chart.save(tmp_path / "p.png")
    assert saved.read_bytes() == chart.png


def test_hours_chart_alt_text_carries_the_values(fw: Framework) -> None:
    chart = hours_chart(fw, read_hours_log(example_path("sam-hours.csv")), date(2026, 3, 31), "Sam (example)")
    assert chart.png.startswith(b"\x89PNG")
    assert "Tier 1 needs 50 supervised NHS coaching hours: reached on 24 February 2026" in chart.alt
    assert "Tier 2 needs 200 NHS coaching hours: 65 so far" in chart.alt and "2026-03 65/60" in chart.alt


def test_pages_embed_the_smaller_format_once_compressed(fw: Framework) -> None:
    import gzip
    from urllib.parse import unquote

    chart = progress(fw, [example_assessment(), example_previous()])
    url = chart.data_uri()
    assert url.startswith("data:image/svg+xml,<svg") or url.startswith("data:image/svg+xml,%3Csvg")
    assert " " not in url and "#" not in url  # a safe address
    drawing = unquote(url.split(",", 1)[1])
    assert drawing.startswith("<svg") and chart.svg.endswith(drawing[-200:].encode("utf-8"))
    assert "<metadata>" not in drawing and b"<metadata>" in chart.svg  # the prologue and metadata dropped
    assert "<text" in drawing  # text kept as text, not drawn as outlines
    assert len(gzip.compress(url.encode())) < len(chart.png) / 4


def test_a_chart_without_svg_embeds_its_png(fw: Framework) -> None:
    chart = area_profile(fw, example_assessment())
    assert Chart(chart.png, chart.alt, chart.caption).data_uri().startswith("data:image/png;base64,")
