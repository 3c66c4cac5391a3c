"""What the Node tests in this folder compare the browser's rules with, made by the package.

Prints one JSON object:

- ``static``: the folder of the browser scripts;
- ``items``: the item list the browser gets (as in ``_static/hwc-items.js``);
- ``today``: the date both sides take as today, so no answer depends on the clock;
- ``records``: self-assessment files, each with the package's gaps and area summary;
- ``imports``: files to import, each with whether the package accepts it;
- ``questions``: every knowledge check, with the package's verdict on each answer, and what the
  package says after tries at it (``quiz.tries``: a first try, a second, asking for the answer);
- ``tries_before_answer``: the tries before the answer is shown;
- ``score_lines``: a chapter's score as the package words it, for counts of right, checked and total;
- ``portfolio``: the rule data My portfolio's scripts get (as in ``_static/hwc-portfolio-data.js``);
- ``corpus``: the folder of the portfolio conformance corpus (``tests/corpus/portfolio``).

``tests/test_js.py`` writes it to a file for ``node --test``; run alone,
``helpers.js`` runs this script itself.
"""

from __future__ import annotations

import itertools
import json
import random
from datetime import date
from pathlib import Path

from hwc_selfcheck.assessment.analysis import expected_items, gaps, summarise
from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT
from hwc_selfcheck.assessment.record import Assessment, Rating, assessment_as_json, parse_assessment
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.scales import load_scales
from hwc_selfcheck.quiz.bank import grade, load_questions
from hwc_selfcheck.quiz.models import Question
from hwc_selfcheck.quiz.tries import TRIES_BEFORE_ANSWER, Tries, key_sentence, score_line
from hwc_selfcheck.site import STATIC
from hwc_selfcheck.site.portfolio import example_payload, portfolio_payload
from hwc_selfcheck.site.selfcheck import items_payload

TODAY = date(2026, 6, 1)
EVIDENCE = ["none", "planned", "collected", "confirmed"]


def made_up_records(fw: Framework) -> list[Assessment]:
    """One record per tier with most items rated low, so the gap order meets every tie-break."""
    pick = random.Random(12)
    records = []
    for tier in (1, 2, 3, 4):
        ratings = {i.id: Rating(level=pick.choice([0, 0, 1, 1, 2, 3, 4]), evidence=pick.choice(EVIDENCE))
                   for i in fw.items if pick.random() < 0.8}
        records.append(Assessment(pseudonym=f"Tier {tier} (made up)", date=date(2026, 5, 1), tier=tier, ratings=ratings))
    return records


def record_case(fw: Framework, record: Assessment) -> dict[str, object]:
    target = load_scales().rating.target
    rated = [record.ratings[i.id] for i in expected_items(fw, record) if i.id in record.ratings]
    every = {"title": "All areas", "expected": len(expected_items(fw, record)), "rated": len(rated),
             "at_target": sum(r.level >= target for r in rated),
             "mean": sum(r.level for r in rated) / len(rated) if rated else None}
    return {
        "name": record.pseudonym,
        "text": assessment_as_json(record, fw),
        "gaps": [g.item.id for g in gaps(fw, record)],
        "summary": [{"title": s.title, "expected": s.expected, "rated": s.rated, "at_target": s.at_target,
                     "mean": s.mean_level} for s in summarise(fw, record) if s.expected] + [every],
    }


def accepted(text: str, fw: Framework) -> bool:
    try:
        parse_assessment(json.loads(text), "file.json", fw, TODAY)
    except (ValueError, InputError):  # json.JSONDecodeError is a ValueError
        return False
    return True


def import_cases(fw: Framework) -> list[dict[str, object]]:
    """Files the browser must accept or refuse just as the package does."""
    good = json.loads(EXAMPLE_ASSESSMENT.read_text())

    def changed(**fields: object) -> str:
        return json.dumps({**good, **fields})

    def rating(item: str, **fields: object) -> str:
        return changed(ratings={**good["ratings"], item: {**good["ratings"][item], **fields}})

    texts = {
        "good": EXAMPLE_ASSESSMENT.read_text(),
        "version 1": changed(schema_version=1, ratings={k: v["level"] for k, v in good["ratings"].items()}),
        "no ratings": changed(ratings={}),
        "level only": changed(tier=4, ratings={"PC-01": {"level": 2}}),
        "cut short": EXAMPLE_ASSESSMENT.read_text()[:200],
        "a list": "[]",
        "foreign": json.dumps({"name": "not ours"}),
        "newer version": changed(schema_version=3),
        "unknown version": changed(schema_version="two"),
        "no pseudonym": changed(pseudonym=" "),
        "long pseudonym": changed(pseudonym="x" * 81),
        "no date": changed(date="2 March 2026"),
        "future date": changed(date="2026-06-02"),
        "tier 5": changed(tier=5),
        "tier as text": changed(tier="2"),
        "tier true": changed(tier=True),
        "spaces around the pseudonym": changed(pseudonym=" Kit "),
        "unknown top-level field": changed(colour="blue"),
        "ratings a list": changed(ratings=[]),
        "unknown item": changed(ratings={**good["ratings"], "XX-99": {"level": 1}}),
        "rating a number": changed(ratings={"PC-01": 2}),
        "level 5": rating("PC-02", level=5),
        "level 1.5": rating("PC-02", level=1.5),
        "level 2.0": rating("PC-02", level=2.0),
        "level as text": rating("PC-02", level="2"),
        "level true": rating("PC-02", level=True),
        "unknown evidence": rating("PC-02", evidence="some"),
        "unknown field": rating("PC-02", score=3),
        "long note": rating("PC-02", note="x" * 2001),
        "note a number": rating("PC-02", note=5),
    }
    return [{"name": name, "text": text, "accepted": accepted(text, fw)} for name, text in texts.items()]


def try_cases(q: Question, answers: list[list[str]]) -> list[dict[str, object]]:
    """Every answer as a first try; each wrong one followed by asking for the answer, by the right
    answer, and by another wrong answer."""
    wrong = [a for a in answers if not grade(q, a).right]
    runs: list[tuple[list[list[str]], bool]] = [([a], False) for a in answers] + [([a], True) for a in wrong]
    for n, a in enumerate(wrong):
        runs.append(([a, q.correct_ids], False))
        if len(wrong) > 1:
            runs.append(([a, wrong[(n + 1) % len(wrong)]], False))
    cases = []
    for tries, asked in runs:
        said = Tries(tuple(grade(q, t) for t in tries), asked)
        cases.append({"tries": tries, "asked": asked, "revealed": said.revealed, "headline": said.headline,
                      "first_right": said.first_right, "explained": [[o.id, words] for o, words in said.explained]})
    return cases


def question_cases() -> list[dict[str, object]]:
    cases = []
    for q in load_questions().questions:
        letters = [o.id for o in q.options]
        sizes = [1] if q.type == "single" else range(1, len(letters) + 1)
        answers = [list(c) for n in sizes for c in itertools.combinations(letters, n)]
        cases.append({"id": q.id, "correct": q.correct_ids, "key": key_sentence(q.correct_ids),
                      "answers": [{"chosen": a, "verdict": grade(q, a).verdict} for a in answers],
                      "tries": try_cases(q, answers)})
    return cases


def fixtures() -> dict[str, object]:
    fw = load_framework()
    example = parse_assessment(json.loads(EXAMPLE_ASSESSMENT.read_text()), EXAMPLE_ASSESSMENT, fw)
    return {
        "static": str(STATIC),
        "items": items_payload(fw, {}),
        "today": TODAY.isoformat(),
        "records": [record_case(fw, r) for r in [example, *made_up_records(fw)]],
        "imports": import_cases(fw),
        "questions": question_cases(),
        "tries_before_answer": TRIES_BEFORE_ANSWER,
        "score_lines": [[r, c, t, score_line(r, c, t)] for t in (1, 2, 5, 12) for c in range(t + 1) for r in range(c + 1)],
        "portfolio": portfolio_payload(fw),
        "example": example_payload(),
        "corpus": str(Path(__file__).resolve().parents[1] / "corpus" / "portfolio"),
    }


if __name__ == "__main__":
    print(json.dumps(fixtures()))
