"""Charts carry their data in alt text and do not rely on colour alone."""

from hwc_selfcheck.charts import area_profile, progress
from hwc_selfcheck.examples import example_assessment, example_previous
from hwc_selfcheck.framework import Framework


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
