"""How every conformance corpus is written and checked: one file per kind of case, one case a line.

The generators (tests/corpus/*/generate.py) make their cases from the
package; this module writes them in one shape, so a change to a rule shows as
changed lines in review, and the corpus tests compare the committed files with
what the package makes now in the same shape.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def as_text(document: dict[str, Any]) -> str:
    """One case a line: small, and a change to a rule shows as changed lines."""
    lines = [json.dumps(case, ensure_ascii=False, sort_keys=True) for case in document["cases"]]
    return '{"about": ' + json.dumps(document["about"]) + ',\n"cases": [\n' + ",\n".join(lines) + "\n]}\n"


def stale(folder: Path, documents: dict[str, dict[str, Any]]) -> list[str]:
    """The names of the committed files that differ from what the generator makes now."""
    return [name for name, document in documents.items()
            if (folder / name).read_text(encoding="utf-8") != as_text(document)]


def write(folder: Path, documents: dict[str, dict[str, Any]]) -> None:
    """Write every corpus file and say how many cases each holds."""
    for name, document in documents.items():
        (folder / name).write_text(as_text(document), encoding="utf-8")
        print(f"wrote {folder / name}: {len(document['cases'])} cases")
