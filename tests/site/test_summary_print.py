"""My self-assessment printed to PDF by headless Chromium, on A4 and on US Letter.

The example coach's answers are imported, the page is printed as a person's
browser prints it (Playwright's ``page.pdf``, which fires ``beforeprint`` and
``afterprint`` and honours the page's own print style and margins), and the
PDF's text and drawing positions are read back with pypdf: the complete gap
list with whole numbers, every column of the progress table, the folded lists
and the notes in full, a page header naming whose self-assessment it is on
every page, link addresses, nothing outside the margins, no heading left at
the foot of a page, and no table or list entry split across pages.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from hwc_selfcheck.assessment.analysis import coming_next, gaps, not_yet_rated, summarise
from hwc_selfcheck.assessment.examples import EXAMPLE_ASSESSMENT
from hwc_selfcheck.assessment.record import Assessment, read_assessment
from hwc_selfcheck.framework.loader import Framework

SUMMARY = "book/self-assessment/my-self-assessment.html"
MARGIN = 15 / 25.4 * 72  # the print style's 15 mm side margins, in points
SLACK = 1.0  # points: a border one pixel (0.75 pt) wide drawn on the margin's edge
PAPER = {"A4": (595.92, 842.88), "Letter": (612.0, 792.0)}


@dataclass
class Printed:
    """A printed PDF: each page's text (lines joined where a word was broken at a hyphen), size and drawing."""

    pages: list[str]
    sizes: list[tuple[float, float]]
    text_x: list[list[tuple[float, str]]]  # where each run of text starts, per page
    rules_x: list[list[float]]  # the left and right ends of every thin filled rectangle (table borders)


def read_pdf(data: bytes) -> Printed:
    reader = PdfReader(io.BytesIO(data))
    printed = Printed([], [], [], [])
    for page in reader.pages:
        runs: list[tuple[float, str]] = []
        rules: list[float] = []

        def on_text(text, cm, tm, font, size) -> None:  # type: ignore[no-untyped-def]
            if text.strip():
                runs.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], text))

        def on_operator(op, args, cm, tm) -> None:  # type: ignore[no-untyped-def]
            if op == b"re":
                x, _y, w, h = (float(a) for a in args)
                if min(abs(w), abs(h)) * max(abs(cm[0]), abs(cm[3])) <= 2:  # a border, not a background or clip
                    rules.extend(cm[0] * px + cm[4] for px in (x, x + w))

        text = page.extract_text(visitor_text=on_text, visitor_operand_before=on_operator)
        printed.pages.append(re.sub(r"-\n", "-", text))
        printed.sizes.append((float(page.mediabox.width), float(page.mediabox.height)))
        printed.text_x.append(runs)
        printed.rules_x.append(rules)
    return printed


def flat(text: str) -> str:
    return " ".join(text.split())


def sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


@pytest.fixture(scope="module")
def example(fw: Framework) -> Assessment:
    return read_assessment(EXAMPLE_ASSESSMENT, fw)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_printed_summary_is_whole_and_tidy(page, site_url: str, fw: Framework, example: Assessment, paper: str) -> None:
    page.goto(f"{site_url}/{SUMMARY}")
    page.wait_for_selector(".hwc-summary[data-ready]")
    page.set_input_files("#hwc-import", str(EXAMPLE_ASSESSMENT))
    page.wait_for_selector("ol.hwc-gaps")
    today = page.evaluate("() => HWC.today()")
    printed = read_pdf(page.pdf(format=paper))
    pages = [flat(p) for p in printed.pages]
    text = " ".join(pages)

    # The paper asked for, and the same header on every page.
    assert len(pages) > 1 and all(abs(w - PAPER[paper][0]) < 1 and abs(h - PAPER[paper][1]) < 1 for w, h in printed.sizes)
    header = f"Self-assessment of {example.pseudonym}, Tier {example.tier}, printed {today}"
    for number, one in enumerate(pages, start=1):
        assert header in one and f"Page {number} of {len(pages)}" in one, (number, one[:200])

    # Every column of the progress table, with every row, on one page.
    rows = ["Area Items expected Rated At 3 or above Average"] + [
        f"{s.title} {s.expected} {s.rated} {s.at_target} {s.mean_level:.1f}" for s in summarise(fw, example) if s.expected]
    assert any(all(row in one for row in rows) for one in pages), rows

    # The whole gap list, numbered 1, 2, 3 ... in the package's order, each entry on one page,
    # next steps with one full stop, and where each item's page is.
    ordered = gaps(fw, example)
    assert re.findall(r"(\d+)\. ([A-Z]{2}-\d\d) ", text) == [(str(n), g.item.id) for n, g in enumerate(ordered, start=1)]
    for number, gap in enumerate(ordered, start=1):
        link = re.escape(f"{site_url}/book/framework/") + r"[a-z-]+\.html#" + gap.item.id.lower()
        entry = rf"{number}\. {re.escape(gap.item.id)} {re.escape(gap.item.title)} \({link}\): rated {gap.rating.level} "
        if gap.rating.next_step:
            entry += r"[^.]*\. Next step: " + re.escape(sentence(gap.rating.next_step)) + r"(?= |$)"
        assert any(re.search(entry, one) for one in pages), entry
    assert ".." not in text

    # The lists folded on screen, printed open, and every note and next step the coach wrote.
    for item in [*not_yet_rated(fw, example), *coming_next(fw, example)]:
        assert f"{item.id} {item.title} (" in text, item.id
    for item_id, rating in example.ratings.items():
        for words in (rating.note, rating.next_step):
            if words:
                assert flat(sentence(words)) in text, item_id
    assert not page.evaluate("() => [...document.querySelectorAll('.hwc-summary details')].some(d => d.open)")

    # Nothing outside the side margins: no list number cut ("0." for "10."), no table past the edge.
    width = PAPER[paper][0]
    for number, (runs, rules) in enumerate(zip(printed.text_x, printed.rules_x), start=1):
        assert all(x >= MARGIN - SLACK for x, _ in runs), (number, [r for r in runs if r[0] < MARGIN - SLACK][:3])
        assert all(x < width - MARGIN for x, _ in runs), number
        assert rules == [] or (min(rules) >= MARGIN - SLACK and max(rules) <= width - MARGIN + SLACK), (number, min(rules), max(rules))

    # No heading at the foot of a page with its content on the next.
    headings = ("Your progress", "Your gaps", "Not rated yet", "Coming next", "Notes and next steps")
    for number, one in enumerate(printed.pages, start=1):
        last = [line for line in one.splitlines() if line.strip()][-1]
        assert not last.startswith(headings), (number, last)
