"""A supervisor's view beside the coach's rating, and the talk-about list (largest differences first)."""

from __future__ import annotations

import json

from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT
from hwc_selfcheck.assessment.record import Rating, read_assessment
from hwc_selfcheck.assessment.review_views import (
    AGREE,
    HIGHER,
    LOWER,
    NO_VIEW,
    ItemView,
    difference_words,
    rating_fingerprint,
    talk_about,
    view_rows,
)
from hwc_selfcheck.framework.loader import Framework
from tests.corpus.review import generate


def _view(record, item_id: str, level, comment: str = "", confirmed: bool = False) -> ItemView:  # type: ignore[no-untyped-def]
    rating = record.ratings[item_id]
    return ItemView(coach_level=rating.level, level=level, comment=comment, evidence_confirmed=confirmed,
                    seen=rating_fingerprint(item_id, rating))


def test_each_view_sits_beside_the_coachs_rating_in_framework_order(fw: Framework) -> None:
    record = read_assessment(EXAMPLE_ASSESSMENT, fw)
    ids = list(record.ratings)[:4]
    levels = {ids[0]: record.ratings[ids[0]].level, ids[1]: min(4, record.ratings[ids[1]].level + 2),
              ids[2]: None, ids[3]: max(0, record.ratings[ids[3]].level - 1)}
    views = {i: _view(record, i, levels[i], comment="Say more" if i == ids[2] else "") for i in reversed(ids)}
    rows = view_rows(fw, record, views)
    assert [r.item.id for r in rows] == ids
    assert [r.supervisor_level for r in rows] == [levels[i] for i in ids]
    assert rows[0].state == AGREE and difference_words(rows[0]) == "the same"
    assert rows[2].state == NO_VIEW and difference_words(rows[2]) == "no level given"
    assert not any(r.changed for r in rows)
    states = {rows[1].state, rows[3].state} - {AGREE}
    assert states <= {HIGHER, LOWER}


def test_talk_about_puts_the_largest_difference_first_then_comments_only(fw: Framework) -> None:
    record = read_assessment(EXAMPLE_ASSESSMENT, fw)
    low = [i for i, r in record.ratings.items() if r.level <= 1][:3]
    views = {low[0]: _view(record, low[0], record.ratings[low[0]].level + 1),
             low[1]: _view(record, low[1], record.ratings[low[1]].level + 3),
             low[2]: _view(record, low[2], record.ratings[low[2]].level, comment="Good")}
    rows = view_rows(fw, record, views)
    talk = talk_about(rows)
    assert [r.item.id for r in talk] == [low[1], low[0], low[2]]
    assert difference_words(talk[0]) == "supervisor 3 higher"


def test_a_rating_changed_or_dropped_since_the_review_is_marked_changed(fw: Framework) -> None:
    record = read_assessment(EXAMPLE_ASSESSMENT, fw)
    first, second = list(record.ratings)[:2]
    views = {first: _view(record, first, 2), second: _view(record, second, 2)}
    ratings = dict(record.ratings)
    ratings[first] = Rating(**{**ratings[first].model_dump(), "note": ratings[first].note + "!"})
    del ratings[second]
    rows = view_rows(fw, record.model_copy(update={"ratings": ratings}), views)
    assert [(r.item.id, r.changed) for r in rows] == [(first, True), (second, True)]
    assert rows[1].coach_level is None and difference_words(rows[1]) == "you no longer rate it"


def test_rating_fingerprints_are_the_ones_the_conformance_corpus_holds() -> None:
    """The site fingerprints a rating the same way (tests/corpus/review/vectors.json), so every key counts."""
    committed = [c for c in json.loads((generate.CORPUS / "vectors.json").read_text(encoding="utf-8"))["cases"]
                 if "ratings" in c]
    made = [c for c in generate.vectors() if "ratings" in c]
    assert committed and [c["ratings"] for c in made] == [c["ratings"] for c in committed]
    assert any(c["ratings"] for c in committed)


def test_a_difference_says_how_many_levels_and_which_way(fw: Framework) -> None:
    record = read_assessment(EXAMPLE_ASSESSMENT, fw)
    mid = [i for i, r in record.ratings.items() if 1 <= r.level <= 3][:2]
    views = {mid[0]: _view(record, mid[0], record.ratings[mid[0]].level + 1),
             mid[1]: _view(record, mid[1], record.ratings[mid[1]].level - 1)}
    rows = view_rows(fw, record, views)
    assert [(r.state, difference_words(r)) for r in rows] == [(HIGHER, "supervisor 1 higher"),
                                                               (LOWER, "supervisor 1 lower")]


def test_talk_about_leaves_out_items_that_agree_with_nothing_written(fw: Framework) -> None:
    record = read_assessment(EXAMPLE_ASSESSMENT, fw)
    ids = list(record.ratings)[:4]
    views = {ids[0]: _view(record, ids[0], record.ratings[ids[0]].level),
             ids[1]: _view(record, ids[1], None),
             ids[2]: _view(record, ids[2], None, comment="Tell me more"),
             ids[3]: _view(record, ids[3], record.ratings[ids[3]].level, comment="   ")}
    assert [r.item.id for r in talk_about(view_rows(fw, record, views))] == [ids[2]]


def test_a_view_keeps_whether_the_evidence_was_confirmed(fw: Framework) -> None:
    record = read_assessment(EXAMPLE_ASSESSMENT, fw)
    first, second = list(record.ratings)[:2]
    views = {first: _view(record, first, 2, confirmed=True), second: _view(record, second, 2)}
    assert [r.evidence_confirmed for r in view_rows(fw, record, views)] == [True, False]
