"""Findings read as plain sentences with their source, grouped by what kind of finding they are."""

from hwc_selfcheck.core.findings import Finding, cite, findings_table, findings_text


def test_cite_in_words() -> None:
    assert cite("4.2.2") == "section 4.2.2"
    assert cite("Summary; 4.1") == "summary; section 4.1"
    assert cite("4; 4.1; 5.4") == "sections 4, 4.1 and 5.4"
    assert cite("4.2.2; appendix 2, section 6") == "section 4.2.2; appendix 2, section 6"


def test_text_groups_by_kind_and_keeps_the_action() -> None:
    found = [
        Finding("Groups", "suggestion", "No group supervision", "4.2.2", "Offer a place"),
        Finding("Clinical", "shortfall", "No clinical supervision for 4 months", "4.2.2", "Book it"),
    ]
    text = findings_text(found)
    assert text.index("Below what the framework recommends:") < text.index("Suggestion:")
    assert "- Clinical: No clinical supervision for 4 months (section 4.2.2)." in text
    assert "What to put in place: Book it" in text
    assert findings_text([]) == "Nothing to report."
    assert findings_table(found).rows[0][1] == "Suggestion"
