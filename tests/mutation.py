"""Mutation testing of the rules modules: do the tests pin every rule?

A maintainer's tool, run by hand (``make mutation``; it takes minutes, so it is
not part of ``make test``). For each rules module listed in ``pyproject.toml``
under ``[tool.hwc-mutation.modules]`` it runs mutmut, which makes one small
change to the code at a time (a ``<`` becomes ``<=``, a string changes, a
value becomes ``None``) and runs that module's own test file against each
change. A change the tests notice is "killed"; one they do not notice
"survived", and shows a rule that no test pins down.

Each module gets a work folder of its own, ``mutants/<module>/``, holding a
copy of ``pyproject.toml`` whose ``[tool.mutmut]`` names only that module and
its test file (mutmut reads its settings from the folder it runs in), so a
module's score counts only its own tests. The folder is made anew each run.

Some mutants cannot change behaviour at all (equivalent mutants). They are
listed with a reason under ``[[tool.hwc-mutation.equivalent]]`` and left out
of the score::

    score = killed / (all mutants - equivalent ones)

Timeouts count as killed. Usage::

    python tests/mutation.py                 # every module
    python tests/mutation.py tiers cohort    # modules whose path contains a word
    python tests/mutation.py --report-only   # the last run's results again

Exit status 0 when every module run reaches the goal (95%), 1 when one does
not, 2 when it cannot run or report (a usage error, no earlier run, mutmut failing).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "mutants"
GOAL = 95.0
KILLED = {"killed", "timeout", "caught by type check", "segfault"}


@dataclass(frozen=True)
class Equivalent:
    """A mutant that cannot change behaviour, named by its module and the line before and after."""

    module: str
    before: str
    after: str
    reason: str


@dataclass
class Result:
    """One module's run: counts, and the survivors as (name, status, lines before, lines after)."""

    module: str
    total: int = 0
    killed: int = 0
    equivalent: int = 0
    survivors: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)
    seconds: float = 0.0
    changes_not_killed: set[tuple[str, str]] = field(default_factory=set)

    @property
    def score(self) -> float:
        counted = self.total - self.equivalent
        return 100.0 * self.killed / counted if counted else 100.0


def settings() -> tuple[str, dict[str, str], list[Equivalent]]:
    """pyproject.toml as text (each work folder gets a copy), the modules with their tests, the equivalents."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    tool = tomllib.loads(text)["tool"]["hwc-mutation"]
    equivalents = [Equivalent(e["module"], e["from"], e["to"], e["reason"]) for e in tool.get("equivalent", [])]
    return text, dict(tool["modules"]), equivalents


def work_folder(module: str) -> Path:
    """mutants/<module name>: mutmut keeps its copy and results in a mutants/ folder under its working folder."""
    return WORK / Path(module).stem


def prepare(module: str, tests: str, pyproject: str) -> Path:
    """A fresh work folder whose pyproject.toml points mutmut at one module and its tests."""
    folder = work_folder(module)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    extra = tomllib.loads(pyproject)["tool"]["mutmut"].get("also_copy", [])
    for name in ("hwc_selfcheck", "tests", *extra):
        (folder / name).symlink_to(ROOT / name, target_is_directory=(ROOT / name).is_dir())
    header = "[tool.mutmut]\n"
    if header not in pyproject:
        sys.exit("pyproject.toml has no [tool.mutmut] table")
    own = (f"{header}only_mutate = [{json.dumps(module)}]\n"
           f"pytest_add_cli_args_test_selection = [{json.dumps(tests)}]\n")
    (folder / "pyproject.toml").write_text(pyproject.replace(header, own, 1), encoding="utf-8")
    return folder


def run_mutmut(folder: Path) -> float:
    """Run mutmut in the folder (it reads its settings from there); its progress goes to mutmut.log."""
    started = time.monotonic()
    with open(folder / "mutmut.log", "w", encoding="utf-8") as log:
        done = subprocess.run([sys.executable, "-m", "mutmut", "run"], cwd=folder, stdout=log,
                              stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        print(f"mutmut failed in {folder} (exit status {done.returncode}); see {folder / 'mutmut.log'}",
              file=sys.stderr)
        sys.exit(2)
    return time.monotonic() - started


def changed_lines(diff: str) -> tuple[list[str], list[str]]:
    """The lines a mutant removes and adds, stripped: how an equivalent entry names a mutant, as mutant
    numbers change whenever the code above them does."""
    lines = diff.splitlines()
    before = [line[1:].strip() for line in lines if line.startswith("-") and not line.startswith("---")]
    after = [line[1:].strip() for line in lines if line.startswith("+") and not line.startswith("+++")]
    return before, after


def collect(module: str, folder: Path, equivalents: list[Equivalent], seconds: float) -> Result:
    """Count a module's mutants from mutmut's results file, and describe each survivor by its change."""
    from mutmut.configuration import reset_config
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code

    meta = folder / "mutants" / f"{module}.meta"
    if not meta.exists():
        print(f"No results for {module} in {folder}: run without --report-only first", file=sys.stderr)
        sys.exit(2)
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    result = Result(module, total=len(codes), seconds=seconds)
    mine = [e for e in equivalents if e.module == module]
    here = Path.cwd()
    os.chdir(folder)
    reset_config()
    try:
        for name, code in sorted(codes.items(), key=lambda kv: mutant_order(kv[0])):
            status = status_by_exit_code[code]
            if status in KILLED:
                result.killed += 1
                continue
            before, after = changed_lines(get_diff_for_mutant(name, path=module))
            change = (" / ".join(before), " / ".join(after))
            result.changes_not_killed.add(change)
            if any((e.before, e.after) == change for e in mine):
                result.equivalent += 1
            else:
                result.survivors.append((name, status, before, after))
    finally:
        os.chdir(here)
    return result


def mutant_order(name: str) -> tuple[str, int]:
    """Function, then mutant number as a number (so 9 comes before 10)."""
    function, _, number = name.rpartition("__mutmut_")
    return function, int(number) if number.isdigit() else 0


def stale_equivalents(results: list[Result], equivalents: list[Equivalent]) -> list[Equivalent]:
    """Entries for a module that was run but that matched no surviving mutant."""
    return [e for r in results for e in equivalents
            if e.module == r.module and (e.before, e.after) not in r.changes_not_killed]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("words", nargs="*", help="run only modules whose path contains one of these words")
    parser.add_argument("--report-only", action="store_true", help="report the last run again without running")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress shows as it happens
    pyproject, modules, equivalents = settings()
    chosen = {m: t for m, t in modules.items() if not args.words or any(w in m for w in args.words)}
    if not chosen:
        print(f"No rules module matches {' '.join(args.words)}; the modules are: {', '.join(modules)}", file=sys.stderr)
        return 2
    results = []
    for module, tests in chosen.items():
        if args.report_only:
            folder, seconds = work_folder(module), 0.0
        else:
            print(f"{module}: mutating, against {tests} ...", flush=True)
            folder = prepare(module, tests, pyproject)
            seconds = run_mutmut(folder)
        result = collect(module, folder, equivalents, seconds)
        results.append(result)
        for name, status, before, after in result.survivors:
            print(f"  {status}: {name}\n    from: {' / '.join(before)}\n    to:   {' / '.join(after)}")
    print()
    print(f"{'Module':<48} {'mutants':>7} {'equiv.':>6} {'killed':>6} {'score':>6} {'time':>6}")
    for r in results:
        print(f"{r.module:<48} {r.total:>7} {r.equivalent:>6} {r.killed:>6} {r.score:>5.1f}% {r.seconds:>5.0f}s")
    for e in stale_equivalents(results, equivalents):
        print(f"Equivalent entry matches no surviving mutant (remove or update it): {e.module}: "
              f"{e.before!r} -> {e.after!r}")
    return 0 if all(r.score >= GOAL for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
