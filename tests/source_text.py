"""Readers of the source document's structure, used by the data tests.

They work from the plain-text framework: headings are numbered lines, and
appendix 2 lists its items as "Competency:" lines, bullet lists and
"Health coaching supervision statement:" lines.
"""

from __future__ import annotations

import re

SUBSECTION = re.compile(r"^(\d+\.\d+(?:\.\d+)?) (\S.*)$")
TOP = re.compile(r"^(\d+)\. (\S.*)$")
APPENDIX_2 = "13.2 Appendix 2"


def headings(lines: list[str]) -> list[tuple[str, str]]:
    """(number, title) of every heading, with appendix 2's own sections as 'A2 n'.

    Numbered lists inside sections also start "1.", so a "n." line only counts
    as a heading when it is the next top-level number in sequence.
    """
    found: list[tuple[str, str]] = [("Summary", lines[0].strip())]
    last_top, in_appendix_2 = 0, False
    for line in lines[1:]:
        line = line.strip()
        sub = SUBSECTION.match(line)
        top = TOP.match(line)
        if sub and not in_appendix_2:
            found.append((sub[1], sub[2]))
            if line.startswith(APPENDIX_2):
                in_appendix_2, last_top = True, 0
        elif top and int(top[1]) == last_top + 1:
            last_top = int(top[1])
            found.append((f"A2 {top[1]}" if in_appendix_2 else top[1], top[2]))
        elif in_appendix_2 and line in ("Introduction", "Footnotes"):
            found.append(("A2 Introduction" if line == "Introduction" else "Footnotes", line))
    return found


def appendix_2_sections(lines: list[str]) -> dict[str, list[str]]:
    """The lines of each appendix 2 section, keyed 'A2 1' ... 'A2 6'."""
    sections: dict[str, list[str]] = {}
    current = None
    in_appendix = False
    last_top = 0
    for line in lines:
        line = line.strip()
        if line.startswith(APPENDIX_2):
            in_appendix = True
            continue
        if not in_appendix:
            continue
        top = TOP.match(line)
        if top and int(top[1]) == last_top + 1:
            last_top = int(top[1])
            current = f"A2 {top[1]}"
            sections[current] = []
        elif line == "Footnotes":
            break
        elif current:
            sections[current].append(line)
    return sections


def count_source_items(lines: list[str]) -> dict[str, int]:
    """How many items of each kind the source lists, keyed like EXPECTED_COUNTS."""
    s = appendix_2_sections(lines)
    competencies = {k: sum(l.startswith("Competency:") for l in s[k]) for k in ("A2 1", "A2 2", "A2 3", "A2 4")}
    a2_1 = s["A2 1"]
    start = next(i for i, l in enumerate(a2_1) if l.startswith("The following are general capabilities"))
    return {
        "professional": competencies["A2 1"],
        "general_capability": sum(l.startswith("- ") for l in a2_1[start:]),
        "communication_enabling": competencies["A2 2"],
        "models_frameworks": competencies["A2 3"],
        "group_work": competencies["A2 4"],
        "additional_model": sum(l.startswith("- ") for l in s["A2 5"]),
        "supervisor_standard": sum(l.startswith("Health coaching supervision statement:") for l in s["A2 6"]),
    }
