"""Fictional self-assessments for a whole team, made from a seed so they are the same every time.

Used by the cohort benchmark (10,000 files) and to make the example cohort
shipped in ``hwc_selfcheck/data/examples/cohort/``. Remake the example with::

    python benchmarks/synthetic_cohort.py --example

The levels are plausible rather than random noise: items the framework gives
through training start higher than items that grow in practice, each coach has
their own strength, higher tiers rate higher, and a later round has grown.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

from hwc_selfcheck.assessment.examples import EXAMPLES_DIR
from hwc_selfcheck.assessment.record import Assessment, Rating, assessment_as_json
from hwc_selfcheck.core.files import atomic_write_text
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.providers.course_map import training_share

EXAMPLE_COHORT = EXAMPLES_DIR / "cohort"
EVIDENCE_BY_LEVEL = {0: ["none"], 1: ["none", "planned"], 2: ["planned", "collected"], 3: ["collected", "confirmed"], 4: ["confirmed"]}


def coach(fw: Framework, number: int, tier: int, when: date, growth: float, seed: str) -> Assessment:
    """One fictional coach's self-assessment; the same number and seed give the same coach in every round."""
    person = random.Random(f"{seed}/coach/{number}")
    strength = person.gauss(0, 0.5)
    rng = random.Random(f"{seed}/coach/{number}/{when.isoformat()}")
    ratings = {}
    for item in fw.items:
        if item.kind == "supervisor_standard" or item.min_tier > tier or rng.random() < 0.05:
            continue
        base = 1.1 + 1.2 * float(training_share(fw, item))
        level = round(base + strength + 0.5 * (tier - 1) + growth + rng.gauss(0, 0.7))
        level = max(0, min(4, level))
        ratings[item.id] = Rating(level=level, evidence=rng.choice(EVIDENCE_BY_LEVEL[level]))
    return Assessment(
        pseudonym=f"Coach {number:02d} (example)",
        date=when + timedelta(days=rng.randrange(0, 14)),
        tier=tier,
        ratings=ratings,
    )


def write_round(fw: Framework, folder: Path, tiers: list[int], when: date, growth: float, seed: str) -> None:
    """One file per coach, coach-01.json, coach-02.json, ...; tiers[n] is coach n+1's tier."""
    folder.mkdir(parents=True, exist_ok=True)
    width = max(2, len(str(len(tiers))))
    for number, tier in enumerate(tiers, start=1):
        record = coach(fw, number, tier, when, growth, seed)
        atomic_write_text(folder / f"coach-{number:0{width}d}.json", assessment_as_json(record, fw))


def write_example(fw: Framework) -> None:
    """The shipped example: 15 coaches in September 2026 (one more file has a typo), 12 in March 2026."""
    write_round(fw, EXAMPLE_COHORT / "march-2026", [1] * 10 + [2] * 2, date(2026, 3, 2), 0.0, "example")
    september = EXAMPLE_COHORT / "september-2026"
    write_round(fw, september, [1] * 8 + [2] * 4 + [1, 1, 3], date(2026, 9, 7), 0.5, "example")
    typo = coach(fw, 16, 1, date(2026, 9, 7), 0.5, "example")
    text = assessment_as_json(typo, fw).replace('"CE-10"', '"CE-11"')
    atomic_write_text(september / "coach-16.json", text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--example", action="store_true", help="remake the example cohort shipped with the package")
    args = parser.parse_args()
    if args.example:
        write_example(load_framework())
        print(f"Wrote the example cohort to {EXAMPLE_COHORT}")
    else:
        parser.print_help()


if __name__ == "__main__":
    main()
