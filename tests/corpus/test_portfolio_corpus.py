"""The portfolio conformance corpus is what the package makes now (tests/corpus/portfolio/generate.py).

The Node tests (tests/js/portfolio-*.test.js) and the browser test run the site's
port of the rules over the committed files, so a stale file would let the two
drift apart unseen. Regenerate with ``.venv/bin/python -m tests.corpus.portfolio.generate``.
"""

from __future__ import annotations

import json

from tests.corpus.files import stale
from tests.corpus.portfolio import generate


def test_the_committed_corpus_is_what_the_package_makes_now() -> None:
    old = stale(generate.CORPUS, generate.build())
    assert not old, f"regenerate with: python -m tests.corpus.portfolio.generate (stale: {', '.join(old)})"


def test_the_corpus_has_what_the_issue_asks_for() -> None:
    cases = json.loads((generate.CORPUS / "cases.json").read_text())["cases"]
    assert len(cases) >= 40
    supervision = [c["expected"]["supervision"] for c in cases if c["period"]]
    tiers = {c["expected"]["tier_progress"]["tier"] for c in cases}
    assert tiers == {0, 1, 2, 3, 4}, "every tier, and none yet"
    assert {c["fte"] for c in cases} >= {"1", "0.6", "0.5", "1/3"}, "full time and part-time"
    assert any("error" in s for s in supervision), "a period the package refuses"
    assert any(d["overdue"] for s in supervision if "due" in s for d in s["due"]), "something overdue"
    files = json.loads((generate.CORPUS / "files.json").read_text())["cases"]
    assert {f["accepted"] for f in files} == {True, False}
