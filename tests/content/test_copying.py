"""Our words, not the sources': no run of 12 or more words shared with a source.

Issue 15. Every text we write is compared with the two source documents in
``../shared/sources/``: the book's pages, every string in the data files
(items, rules, vocabulary, areas, scales, source map, the knowledge-check
questions with their figures filled in), the notebooks' markdown cells and
the outputs stored in the notebooks, which show on the site what the package
writes from the data. Texts and sources are cut into lowercase words
(punctuation, hyphens and markup dropped, so "face-to-face" and "face to
face" are the same) and compared as sets of 12-word runs ("shingles"): the
whole check takes about a second.

Two kinds of exception, each by name with its reason, and nothing else:

- ALLOWED: data values that are the framework's own titles (its headings);
- FIXED_LISTS: lists kept in the framework's exact words (the NHS values, the
  "I statements"). Their entries are cut out of every text before it is
  compared, so a quoted entry passes but a copied sentence around it does not,
  and a test checks that each entry really is word for word in the source.

This file reads the data and pages directly; it imports nothing from the
package, so moving the package's modules does not touch it.
"""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "hwc_selfcheck" / "data"
# Beside the repository (../shared/sources), or beside a folder it sits in (a worktree).
SOURCES = Path(
    os.environ.get("HWC_SOURCES")
    or next((p / "shared" / "sources" for p in REPO.parents if (p / "shared" / "sources").is_dir()),
            REPO.parent / "shared" / "sources")
)
SOURCE_FILES = ("hwc-workforce-development-framework.txt", "mental-health-and-coaching-collaboration.txt")
RUN = 12  # words: a shared run this long or longer counts as copying

# Texts allowed to share runs with a source, by name, each with its reason.
# A name is "file:dotted.path" for a data value ("*" stands for any one list
# position or key), or a file's path for a whole page or notebook.
ALLOWED: dict[str, str] = {
    "source-map.yml:*.title": (
        "every heading of the framework, word for word: the source map lists them and "
        "tests/test_data.py checks them against the source"
    ),
    "areas.yml:*.source_title": "the framework's own title of each appendix 2 section, shown as its title",
}

# Fixed lists that keep the framework's exact words and may be quoted in any
# text (a question's option, a page): by name, the place in rules.yml that
# holds them, and the reason. Their words are cut out of every text before
# it is compared, so a copied sentence around a quotation is still found.
FIXED_LISTS: dict[str, tuple[str, str]] = {
    "the five 'I statements'": (
        "i_statements.statements",
        "what people should be able to say, quoted exactly and shown as a quotation (section 5.2)",
    ),
    "the six NHS values": ("nhs_values.values", "names of the values, quoted exactly (section 6)"),
}

WORD = re.compile(r"[a-z0-9]+")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
ROLE = re.compile(r"\{[\w:-]+\}`([^`]*)`")  # {term}`text <target>` -> text <target>
TARGET = re.compile(r"\s*<[^<>`]*>\s*$")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # [text](url) -> text
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")
TAG = re.compile(r"<[^>]+>")
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def words(text: str) -> list[str]:
    """Lowercase words; curly and straight apostrophes split a word the same way."""
    return WORD.findall(text.lower())


def shingles(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def plain_markdown(text: str) -> str:
    """A MyST page's words: front matter, roles' targets and link addresses dropped."""
    text = FRONT_MATTER.sub("", text)
    text = ROLE.sub(lambda m: TARGET.sub("", m[1]), text)
    return LINK.sub(r"\1", text)


# --- where our texts are ---------------------------------------------------------


def _strings(node: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every string in a YAML tree, with its dotted path (list entries by position)."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, f"{path}.{i}" if path else str(i))


def _figure(rules: dict[str, Any], name: str) -> str:
    """A ``{{path}}`` of a question, filled from rules.yml like the package's loader."""
    node: Any = rules
    for part in name.split("."):
        if isinstance(node, dict):
            node = node[part]
        else:
            node = next(
                (e for e in node if isinstance(e, dict) and (e.get("key") == part or str(e.get("tier")) == part)),
                None,
            ) or node[int(part) - 1]
    return str(node)


@functools.cache
def our_texts() -> tuple[tuple[str, str], ...]:
    """(name, text) of everything we write that a reader sees."""
    return tuple(_our_texts())


def _our_texts() -> Iterator[tuple[str, str]]:
    rules = yaml.load((DATA / "rules.yml").read_text(encoding="utf-8"), Loader=LOADER)
    for path in sorted(DATA.rglob("*.yml")):
        rel = path.relative_to(DATA).as_posix()
        for where, text in _strings(yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER), ""):
            if rel.startswith("questions/"):
                text = PLACEHOLDER.sub(lambda m: _figure(rules, m[1]), text)
            yield f"{rel}:{where}", text
    pages = [REPO / "intro.md", *sorted((REPO / "book").rglob("*.md"))]
    for page in pages:
        yield page.relative_to(REPO).as_posix(), plain_markdown(page.read_text(encoding="utf-8"))
    for notebook in sorted((REPO / "notebooks").glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        name = notebook.relative_to(REPO).as_posix()
        text = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        yield name, plain_markdown(text)
        # What the stored outputs show on the site: words the package writes from the data.
        for n, cell in enumerate(cells):
            for output in cell.get("outputs", []):
                shown = output.get("text") or output.get("data", {}).get("text/html") or ""
                if shown:
                    yield f"{name} (output of cell {n})", TAG.sub(" ", "".join(shown))


def _matches(pattern: str, name: str) -> bool:
    """Whether a text's name fits an ALLOWED pattern ("*" is one list position or key)."""
    return re.fullmatch(re.escape(pattern).replace(r"\*", "[^:.]+"), name) is not None


def allowed(name: str) -> bool:
    """Whether a text is allowed by name: its file and dotted path match an ALLOWED entry."""
    return any(_matches(pattern, name) for pattern in ALLOWED)


def fixed_lists() -> list[tuple[str, ...]]:
    """The words of every entry of the FIXED_LISTS, longest first."""
    rules = yaml.load((DATA / "rules.yml").read_text(encoding="utf-8"), Loader=LOADER)
    found = []
    for path, _reason in FIXED_LISTS.values():
        node: Any = rules
        for part in path.split("."):
            node = node[part]
        found += [tuple(words(entry)) for entry in node]
    return sorted(found, key=len, reverse=True)


def cut(w: list[str], quotes: list[tuple[str, ...]]) -> list[str]:
    """``w`` with every quoted fixed entry replaced by a mark no source has."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for q in quotes:  # longest first, as fixed_lists() gives them
        if q:
            by_first.setdefault(q[0], []).append(q)
    out, i = [], 0
    while i < len(w):
        quote = next((q for q in by_first.get(w[i], ()) if tuple(w[i : i + len(q)]) == q), None)
        if quote:
            out.append("\x00")
            i += len(quote)
        else:
            out.append(w[i])
            i += 1
    return out


def copied_runs(text: str, source: set[tuple[str, ...]], quotes: list[tuple[str, ...]] = ()) -> list[str]:
    """The runs of ``text``, RUN words or longer, that a source also has (overlaps joined).

    Entries of the fixed lists in ``quotes`` are cut out first.
    """
    w = cut(words(text), list(quotes))
    spans: list[list[int]] = []
    for i in range(len(w) - RUN + 1):
        if tuple(w[i : i + RUN]) in source:
            if spans and i <= spans[-1][1]:
                spans[-1][1] = i + RUN
            else:
                spans.append([i, i + RUN])
    return [" ".join(w[start:end]) for start, end in spans]


# --- the tests --------------------------------------------------------------------


@pytest.fixture(scope="module")
def source_shingles() -> set[tuple[str, ...]]:
    missing = [name for name in SOURCE_FILES if not (SOURCES / name).exists()]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"source documents missing in CI: {missing} in {SOURCES}")
        pytest.skip(f"source documents not found in {SOURCES} (set HWC_SOURCES)")
    found: set[tuple[str, ...]] = set()
    for name in SOURCE_FILES:
        found |= shingles((SOURCES / name).read_text(encoding="utf-8"))
    return found


def test_no_run_of_twelve_words_is_copied_from_a_source(source_shingles) -> None:
    copied = {}
    quotes = fixed_lists()
    for name, text in our_texts():
        if not allowed(name) and (runs := copied_runs(text, source_shingles, quotes)):
            copied[name] = runs
    assert not copied, "copied from a source (rewrite in our own words, or allow by name with a reason):\n" + "\n".join(
        f"- {name}: '{run}'" for name, runs in copied.items() for run in runs
    )


def test_the_check_reads_every_kind_of_text() -> None:
    names = [name for name, _ in our_texts()]
    for expected in ("items/professional.yml:items.0.statement", "rules.yml:tiers.0.descriptor",
                     "questions/role-boundaries.yml:questions.0.prompt", "book/role/boundaries.md",
                     "notebooks/caseload-check.ipynb", "notebooks/caseload-check.ipynb (output of cell 3)",
                     "intro.md"):
        assert expected in names


def test_the_check_finds_a_copied_sentence_and_not_a_rewritten_one() -> None:
    source = shingles(
        "Health coaching supervisors must be able to demonstrate they recently have carried a client/patient caseload."
    )
    copied = "Our page says: health coaching supervisors must be able to demonstrate they recently have carried a caseload."
    rewritten = "A health coaching supervisor needs to show that they have had clients of their own recently."
    assert copied_runs(copied, source) == [
        "health coaching supervisors must be able to demonstrate they recently have carried a"
    ]
    assert copied_runs(rewritten, source) == []


def test_markup_does_not_hide_a_copy() -> None:
    source = shingles("working closely with colleagues in multidisciplinary teams MDTs they often support people with complex needs")
    page = plain_markdown(
        "working closely with colleagues in multidisciplinary teams ({term}`MDTs <MDT>`) "
        "they often [support](https://example.org) people with complex needs"
    )
    assert copied_runs(page, source)


def test_allow_list_is_by_name_and_every_entry_is_used() -> None:
    names = [name for name, _ in our_texts()]
    for pattern in ALLOWED:
        assert any(_matches(pattern, n) for n in names), f"ALLOWED entry matches nothing: {pattern}"
    assert allowed("source-map.yml:53.title") and not allowed("source-map.yml:53.pages.0")
    assert not allowed("book/role/boundaries.md")


def test_fixed_lists_are_exact_quotations(source_shingles) -> None:
    """A fixed list may be quoted anywhere only because it is the framework's own words."""
    source = " ".join(words(" ".join((SOURCES / name).read_text(encoding="utf-8") for name in SOURCE_FILES)))
    for entry in fixed_lists():
        assert f" {' '.join(entry)} " in f" {source} ", f"not word for word in the source: {' '.join(entry)}"


def test_a_quoted_fixed_entry_is_cut_out_but_a_copy_around_it_is_not() -> None:
    source = shingles(
        "Health and wellbeing coaches should ensure the people they support are able to say: "
        "I am respected and treated with dignity as an individual."
    )
    quotes = [tuple(words("I am respected and treated with dignity as an individual."))]
    assert copied_runs('People should be able to say "I am respected and treated with dignity as an individual."',
                       source, quotes) == []
    assert copied_runs("Health and wellbeing coaches should ensure the people they support are able to say this.",
                       source, quotes)

