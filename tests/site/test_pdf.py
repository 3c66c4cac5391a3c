"""The PDF edition: it opens, is tagged, has the book's bookmarks, page numbers, links and every item.

The PDF is made once per test session by the ``book_pdf`` fixture, exactly as
``make pdf`` makes it (a strict single-page build, then
``python -m hwc_selfcheck.site.pdf``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.site.pdf import start_page

REPO = Path(__file__).resolve().parents[2]


def plain(text: str) -> str:
    """Straight quotes and single spaces: the book prints curly quotes, the data may have either."""
    return " ".join(text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")).split())


@lru_cache(maxsize=1)
def read(pdf: Path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(pdf)
    return reader, [plain(p.extract_text() or "") for p in reader.pages]


def outline(reader: PdfReader) -> list[tuple[str, list]]:
    """The bookmarks as (title, children) pairs."""
    def walk(entries: list) -> list[tuple[str, list]]:
        out: list[tuple[str, list]] = []
        for entry in entries:
            if isinstance(entry, list):
                out[-1][1].extend(walk(entry))
            else:
                out.append((entry.title, []))
        return out
    return walk(reader.outline)


def toc_parts() -> list[str]:
    return [part["caption"] for part in yaml.safe_load((REPO / "_toc.yml").read_text())["parts"]]


def test_pdf_opens_with_title_language_and_tags(book_pdf: Path) -> None:
    reader, pages = read(book_pdf)
    assert len(pages) > 100
    assert reader.metadata.title == "Health and wellbeing coach self-check"
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"
    assert bool(catalog["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalog  # a tagged PDF


def test_bookmarks_follow_the_table_of_contents(book_pdf: Path) -> None:
    reader, _ = read(book_pdf)
    [(title, top)] = outline(reader)
    assert title == "Health and wellbeing coach self-check"
    names = [name for name, _ in top]
    assert names[0] == "Contents"
    parts = [entry for entry in top if entry[0] in toc_parts()]
    assert [name for name, _ in parts][-len(toc_parts()):] == toc_parts()
    chapters = dict(parts[-len(toc_parts()):])
    assert "Group work" in [name for name, _ in chapters["Competency framework"]]
    assert {"Accessibility statement", "Privacy notice"} <= {name for name, _ in chapters["Reference"]}
    assert sum(len(c) for c in chapters.values()) == sum(len(p["chapters"]) for p in yaml.safe_load(
        (REPO / "_toc.yml").read_text())["parts"])


def test_every_page_is_numbered(book_pdf: Path) -> None:
    _, pages = read(book_pdf)
    total = len(pages)
    for number in (1, total // 2, total):
        assert f"Page {number} of {total}" in pages[number - 1]


def test_every_item_is_in_the_pdf_on_one_card(book_pdf: Path, fw: Framework) -> None:
    """Each card's title, statement and source are on the same page: no card is split."""
    _, pages = read(book_pdf)
    text = " ".join(pages)
    split = []
    for item in fw.items:
        assert item.id in text, item.id
        heading = plain(f"{item.id} {item.title}")
        start = plain(" ".join(item.statement.split()[:6]))
        if not any(heading in p and start in p and plain(f"Source: {item.source_section}.") in p for p in pages):
            split.append(item.id)
    assert not split, f"cards split across pages: {split}"


def test_links_are_kept_and_lead_nowhere_local(book_pdf: Path) -> None:
    reader, _ = read(book_pdf)
    inside, outside = 0, []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            link = annot.get_object()
            if link.get("/Subtype") != "/Link":
                continue
            action = link.get("/A")
            if action is not None and action.get("/S") == "/URI":
                outside.append(str(action["/URI"]))
            else:
                inside += 1
    assert inside > 500  # glossary terms, item references, the contents list
    assert outside and not [u for u in outside if not re.match(r"^(https?|mailto):", u)], outside


def test_pdf_module_finds_the_one_page(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("redirect")
    (tmp_path / "intro.html").write_text("book")
    assert start_page(tmp_path).name == "intro.html"
    (tmp_path / "other.html").write_text("a second page: not a single-page build")
    with pytest.raises(ValueError, match="found 2 pages"):
        start_page(tmp_path)
