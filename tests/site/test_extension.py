"""The built book: every item has its card, links resolve, pages are complete.

These tests read the HTML of one strict build (-W -n) made by the
``built_book`` fixture; the build failing or warning is itself a failure.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.site.directives import md_escape, tier_badge

SKIP_PAGES = {"genindex.html", "search.html", "index.html"}  # Sphinx's own or a redirect


@lru_cache(maxsize=None)
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(html: Path) -> list[Path]:
    return sorted(p for p in html.rglob("*.html") if p.name not in SKIP_PAGES and "_static" not in p.parts)


def test_escaping_keeps_text_literal() -> None:
    assert md_escape("a *b* [c](d) `e`") == r"a \*b\* \[c\](d) \`e\`"
    assert "Tier 2 and above" in tier_badge(2)


def test_every_item_has_exactly_one_card(built_book: Path, fw: Framework) -> None:
    where: dict[str, list[str]] = {}
    for page in pages(built_book):
        for tag in soup(page).select("div.hwc-item[id]"):
            where.setdefault(tag["id"], []).append(page.name)
    assert sorted(where) == sorted(item.anchor for item in fw.items)
    assert all(len(found) == 1 for found in where.values()), {k: v for k, v in where.items() if len(v) > 1}


def test_cards_show_title_tier_routes_and_evidence(built_book: Path, fw: Framework) -> None:
    card = soup(built_book / "book" / "framework" / "group-work.html").select_one("#gw-04")
    text = " ".join(card.get_text(" ").split())
    assert "GW-04 Managing conflict" in text and "Tier 2 and above" in text
    assert "How it is gained: In practice with clients." in text
    assert "How it is evidenced: Observed practice" in text


def test_source_map_page_lists_every_section(built_book: Path, fw: Framework) -> None:
    table = soup(built_book / "book" / "reference" / "source-map.html").select_one("table")
    rows = [[" ".join(td.get_text(" ").split()) for td in tr.select("td")] for tr in table.select("tbody tr")]
    assert [r[0] for r in rows] == [s.number for s in fw.source_sections]
    assert all(tr.select("td")[2].select("a[href]") for tr in table.select("tbody tr"))


def test_internal_links_and_anchors_resolve(built_book: Path) -> None:
    broken = []
    for page in pages(built_book):
        for a in soup(page).select("a[href]"):
            parts = urlsplit(a["href"])
            if parts.scheme or parts.netloc or a["href"].startswith("mailto:"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(built_book)} -> {a['href']}")
            elif parts.fragment and target.suffix == ".html":
                if not soup(target).find(id=parts.fragment):
                    broken.append(f"{page.relative_to(built_book)} -> {a['href']} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_nothing_is_loaded_from_other_hosts(built_book: Path) -> None:
    external = []
    for page in pages(built_book):
        doc = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in doc.find_all(tag):
                url = el.get(attr, "")
                if tag == "link" and not {"stylesheet", "preload", "icon", "modulepreload"} & set(el.get("rel", [])):
                    continue
                if re.match(r"^(https?:)?//", url):
                    external.append(f"{page.name}: <{tag} {attr}={url}>")
    for css in built_book.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text(errors="ignore")):
            external.append(f"{css.name}: url({url})")
    assert not external, "\n".join(external)


def test_pages_are_finished_and_described(built_book: Path) -> None:
    problems = []
    for page in pages(built_book):
        doc = soup(page)
        main = doc.select_one("article") or doc
        if "PLACEHOLDER" in main.get_text():
            problems.append(f"{page.name}: still a placeholder")
        meta = doc.find("meta", attrs={"name": "description"})
        if not meta or len(meta.get("content", "")) < 50:
            problems.append(f"{page.relative_to(built_book)}: no meta description")
        if doc.html.get("lang") != "en":
            problems.append(f"{page.name}: no lang")
        for img in main.find_all("img"):
            if not img.get("alt"):
                problems.append(f"{page.name}: image {img.get('src')} has no alt text")
    assert not problems, "\n".join(problems)


def test_headings_are_in_order(built_book: Path) -> None:
    problems = []
    for page in pages(built_book):
        article = soup(page).select_one("article")
        levels = [int(h.name[1]) for h in article.find_all(re.compile(r"^h[1-6]$"))]
        if levels.count(1) != 1 or levels[0] != 1:
            problems.append(f"{page.relative_to(built_book)}: needs exactly one h1, first")
        for before, after in zip(levels, levels[1:]):
            if after > before + 1:
                problems.append(f"{page.relative_to(built_book)}: h{before} followed by h{after}")
    assert not problems, "\n".join(problems)


def test_every_local_asset_exists_and_unused_ones_are_dropped(built_book: Path) -> None:
    missing, thebe = [], []
    for page in pages(built_book):
        doc = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for el in doc.find_all(tag, attrs={attr: True}):
                url = el[attr]
                if re.match(r"^([a-z]+:|//|#)", url) or (tag == "link" and "canonical" in el.get("rel", [])):
                    continue
                if not (page.parent / unquote(urlsplit(url).path)).exists():
                    missing.append(f"{page.name}: {url}")
                if "thebe" in url or "togglebutton" in url:
                    thebe.append(f"{page.name}: {url}")
    assert not missing, "\n".join(missing)
    assert not thebe, "\n".join(thebe)


def test_pages_without_code_load_no_code_assets(built_book: Path) -> None:
    page = soup(built_book / "book" / "framework" / "professional.html")
    scripts = " ".join(s["src"] for s in page.find_all("script", src=True))
    assert "copybutton" not in scripts and "clipboard" not in scripts
    assert "hwc.css" in " ".join(l["href"] for l in page.find_all("link", href=True))


# --- open data: files made at build time ------------------------------------------

def test_downloads_are_built_from_the_data(built_book: Path, fw: Framework) -> None:
    import json

    from hwc_selfcheck.framework.case_export import framework_as_case_json
    from hwc_selfcheck.framework.export import framework_as_csv, framework_as_json
    from hwc_selfcheck.framework.moodle_export import framework_as_moodle_csv
    from hwc_selfcheck.records.validate import record_schemas

    data = built_book / "data"
    assert (data / "hwc-framework.json").read_text() == framework_as_json(fw)
    assert (data / "hwc-framework.csv").read_text() == framework_as_csv(fw)
    assert (data / "hwc-framework.case.json").read_text() == framework_as_case_json(fw)
    assert (data / "hwc-framework.moodle.csv").read_text(encoding="utf-8") == framework_as_moodle_csv(fw)
    for name, (_, make) in record_schemas().items():
        assert json.loads((data / "schemas" / f"{name}.schema.json").read_text()) == make(), name


def test_data_page_links_every_download(built_book: Path) -> None:
    from hwc_selfcheck.site.downloads import downloads

    page = built_book / "book" / "reference" / "data.html"
    linked = {(page.parent / a["href"]).resolve() for a in soup(page).select("article a[href]")}
    assert {(built_book / "data" / d.name).resolve() for d in downloads()} <= linked


@pytest.mark.parametrize("key, page", [("induction", "induction-checklist"),
                                       ("employer_readiness", "employer-readiness-checklist")])
def test_checklist_pages_print_every_line_with_its_source(built_book: Path, fw: Framework, key: str, page: str) -> None:
    rows = soup(built_book / "book" / "tools" / f"{page}.html").select("div.hwc-checklist tbody tr")
    items = fw.rules.checklist(key).items
    assert len(rows) == len(items)
    cells = [[" ".join(td.get_text(" ").split()) for td in tr.select("td")] for tr in rows]
    assert all(c[0] == str(n) and c[2].startswith(("Section", "Summary")) and c[3] == "☐"
               for n, c in enumerate(cells, 1)), cells[:2]


ACRONYM = re.compile(r"\b(?:SNOMED CT|COM-B|HbA1c|[A-Z][A-Z0-9]{1,}(?:-\d+)?)\b")
# The glossary itself, and the changelog page, which includes CHANGELOG.md as
# plain Markdown (readable in the repository); their acronyms must still be in the glossary.
LINK_EXEMPT = {"glossary.html", "changelog.html"}
NOT_ACRONYMS = re.compile(r"^(?:[A-Z]{2}-\d{2}|[A-Z]\d+|I|OK)$")  # item IDs, codes like B1570, A4


def test_every_acronym_is_in_the_glossary_and_linked_on_first_use(built_book: Path) -> None:
    glossary = soup(built_book / "book" / "reference" / "glossary.html")
    terms = {dt.get_text(" ", strip=True).rstrip("¶").strip() for dt in glossary.select("dl.glossary dt")}
    problems = []
    for page in pages(built_book):
        article = BeautifulSoup(str(soup(page).select_one("article")), "html.parser")
        for skip in article.select("h1, h2, h3, h4, h5, h6, pre, code, .hwc-item, .hwc-quiz-set, .cell_output, "
                                   "caption, .citation, dl.glossary, .hwc-summary, .hwc-quiz-summary, .hwc-portfolio"):
            skip.decompose()
        seen: set[str] = set()
        for text in article.find_all(string=True):
            for match in ACRONYM.finditer(text):
                word = match.group(0)
                if word in seen or NOT_ACRONYMS.match(word):
                    continue
                seen.add(word)
                link = text.find_parent("a")
                if word not in terms:
                    problems.append(f"{page.relative_to(built_book)}: {word} is not in the glossary")
                elif page.name not in LINK_EXEMPT and not (link and "glossary.html#term-" in link.get("href", "")):
                    problems.append(f"{page.relative_to(built_book)}: first use of {word} is not a glossary link")
    assert not problems, "\n".join(problems)


def test_an_item_link_keeps_its_id_in_one_piece(built_book: Path) -> None:
    """On a phone, "PC-10 Referring on" may wrap between words, never at the hyphen of "PC-10"."""
    text = (built_book / "book" / "role" / "boundaries.html").read_text()
    assert '<span class="xref hwc hwc-ref"><span class="hwc-nowrap">PC-10</span> Referring on for specialist input' in text
    css = (built_book / "_static" / "hwc.css").read_text()
    assert ".hwc-nowrap { white-space: nowrap; }" in css and "anywhere; }" not in css.split("div.cell pre")[0]
