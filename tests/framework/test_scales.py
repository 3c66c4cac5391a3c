"""The shared rating scale and evidence states."""

from hwc_selfcheck.framework.scales import load_scales


def test_scale_levels_and_target() -> None:
    s = load_scales()
    assert [lvl.level for lvl in s.rating.levels] == [0, 1, 2, 3, 4]
    assert s.rating.label(0) == "Not yet" and s.rating.label(s.rating.target) == "Confident"
    assert s.rating.label(4) == "Can support others"
    assert [o.state for o in s.evidence] == ["none", "planned", "collected", "confirmed"]
    assert s.evidence_label("confirmed") == "Confirmed in supervision"
