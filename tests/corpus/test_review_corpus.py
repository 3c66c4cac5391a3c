"""The review conformance corpus is what the package makes now (tests/corpus/review/generate.py).

``tests/js/review.test.js`` runs the site's ``hwc-portfolio-fingerprint.js`` (with ``-review.js``, ``-reviewfile.js`` and ``-approval.js``) over the
committed files. Regenerate with ``.venv/bin/python -m tests.corpus.review.generate``.
"""

from __future__ import annotations

import json

from tests.corpus.files import stale
from tests.corpus.review import generate


def test_the_committed_review_corpus_is_what_the_package_makes_now() -> None:
    old = stale(generate.CORPUS, generate.build())
    assert not old, f"regenerate with: python -m tests.corpus.review.generate (stale: {', '.join(old)})"


def test_the_review_corpus_covers_both_verdicts_every_match_and_an_approval_allowed() -> None:
    read = lambda name: json.loads((generate.CORPUS / name).read_text(encoding="utf-8"))["cases"]  # noqa: E731
    assert {f["accepted"] for f in read("files.json")} == {True, False}
    assert {v["match"]["state"] for v in read("views.json")} == {"same", "changed", "different"}
    assert any(not c["missing"] for c in read("conditions.json")), "an approval with nothing missing"
    texts = [v["canonical"] for v in read("vectors.json") if "canonical" in v]
    assert all(t.isascii() for t in texts) and any("\\ud83d\\ude42" in t for t in texts), "astral characters escaped"
