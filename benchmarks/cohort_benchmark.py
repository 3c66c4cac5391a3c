"""How long the cohort view takes for a large provider: 10,000 self-assessments.

Not a test (timings depend on the machine): run it by hand and read the
figures. The goal is loading and aggregating 10,000 files in under 2 seconds
on a two-core machine::

    python benchmarks/cohort_benchmark.py [--people 10000]

It writes fictional assessments into a temporary folder (deleted afterwards),
then times ``load_cohort``, which reads, fully validates and counts every
file (each is counted as it is read, then let go), and then the check that
chooses which figures a report may show. To show where the time
goes it also times the counting alone, on records already in memory. Peak
memory is measured in a second, separate run under ``tracemalloc``, because
tracing slows Python down and would spoil the timings.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_cohort import write_round  # noqa: E402

from hwc_selfcheck.assessment.record import read_assessment  # noqa: E402
from hwc_selfcheck.framework.loader import load_framework  # noqa: E402
from hwc_selfcheck.framework.scales import load_scales  # noqa: E402
from hwc_selfcheck.providers.cohort import aggregate, load_cohort  # noqa: E402

GOAL_SECONDS = 2.0


def timed_load(folder: Path) -> tuple[float, int]:
    fw = load_framework()
    start = time.perf_counter()
    cohort = load_cohort(folder, fw)
    seconds = time.perf_counter() - start
    assert not cohort.left_out, "every synthetic file should be valid"
    return seconds, cohort.people


def timed_publishing(folder: Path) -> float:
    """Working out which figures may be shown (the privacy check over every table), once the counts are made."""
    cohort = load_cohort(folder, load_framework())
    start = time.perf_counter()
    cohort.figures  # noqa: B018 (computed on first use)
    return time.perf_counter() - start


def timed_counting(folder: Path) -> float:
    fw = load_framework()
    records = [read_assessment(p, fw) for p in sorted(folder.iterdir())]
    start = time.perf_counter()
    aggregate(fw, records)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description="Time loading and aggregating many self-assessments.")
    parser.add_argument("--people", type=int, default=10_000, help="how many assessments to generate (default 10000)")
    args = parser.parse_args()
    fw = load_framework()
    load_scales()  # cached, as in any real run, so its one-off cost is not timed
    rng = random.Random("benchmark")
    tiers = [rng.choices([1, 2, 3, 4], weights=[70, 22, 6, 2])[0] for _ in range(args.people)]
    with tempfile.TemporaryDirectory(prefix="hwc-cohort-bench-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        write_round(fw, folder, tiers, date(2026, 3, 2), 0.3, "benchmark")
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(f"Generated {args.people} assessments ({size / 1e6:.1f} MB) in {time.perf_counter() - start:.1f} s")
        print(f"CPU cores available: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()}")

        total, people = timed_load(folder)
        print(f"Load, validate and aggregate: {total:.2f} s for {people} people "
              f"({'within' if total < GOAL_SECONDS else 'OVER'} the {GOAL_SECONDS:.0f} s goal)")

        tracemalloc.start()
        timed_load(folder)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"Peak memory traced by Python during load and aggregate: {peak / 1e6:.1f} MB")
        print(f"Peak resident memory of the whole process so far: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")
        print(f"Counting alone, on {people:,} records already in memory: {timed_counting(folder):.2f} s")
        print(f"Working out which figures may be shown: {timed_publishing(folder):.2f} s")

if __name__ == "__main__":
    main()
