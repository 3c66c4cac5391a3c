"""Each page gets one stylesheet of the theme's rules it can use (hwc_selfcheck/site/page_css.py).

Unit tests on small stylesheets for the choice of rules, custom properties and
url() paths; a run over a tiny site for the rebuild case (a page Sphinx did not
rewrite is merged again from the current stylesheets); and checks of the real
build: one merged stylesheet per page, then the project's own, the merged one
holding what the page uses and not what it does not.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import tinycss2
from bs4 import BeautifulSoup

from hwc_selfcheck.site.page_css import BUNDLES, parse_items, properties_read, render, select


def merged(css: str, words: set[str], source_dir: str = "_static", elsewhere: frozenset[str] = frozenset()) -> str:
    kept = select(parse_items(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), source_dir), frozenset(words))
    return render(kept, properties_read(kept, set(elsewhere)))


def test_a_rule_stays_only_when_the_page_has_every_name_it_needs() -> None:
    css = ".a{x:1} .a .b{x:2} div.c{x:3} #d{x:4} span{x:5}"
    assert merged(css, {"a", "div", "c"}).split("\n") == [".a{x:1}", "div.c{x:3}"]
    assert merged(css, {"a", "b", "d", "span"}).split("\n") == [".a{x:1}", ".a .b{x:2}", "#d{x:4}", "span{x:5}"]


def test_only_the_matching_selectors_of_a_list_are_kept() -> None:
    assert merged(".a,.b,.c:hover{x:1}", {"a", "c"}) == ".a,.c:hover{x:1}"


def test_pseudo_classes_attributes_and_negations_are_not_required() -> None:
    css = "body:not(.gone) .a::before{x:1} body[data-theme=dark] .a{x:2} .a:is(.gone, .other){x:3}"
    assert merged(css, {"body", "a"}).count("{") == 3


def test_media_blocks_keep_their_used_rules_and_empty_ones_go() -> None:
    css = "@media (max-width:40em){.a{x:1}.b{x:2}} @media print{.b{x:3}} @font-face{font-family:f}"
    assert merged(css, {"a"}) == "@media (max-width:40em){.a{x:1}}\n@font-face{font-family:f}"


def test_custom_properties_stay_only_when_something_reads_them() -> None:
    css = "body{--used:1;--chain:var(--used);--unused:2;--for-script:3;--for-hwc:4} .a{color:var(--chain)}"
    out = merged(css, {"body", "a"}, elsewhere=frozenset({"--for-script", "--for-hwc"}))
    assert out == "body{--used:1;--chain:var(--used);--for-script:3;--for-hwc:4}\n.a{color:var(--chain)}"


def test_relative_urls_point_at_the_same_files_from_the_merged_folder() -> None:
    css = '.a{background:url(img/x.png)}.b{background:url("../y.svg")}.c{background:url(data:image/svg+xml;utf8,z)}'
    out = merged(css, {"a", "b", "c"}, source_dir="_static/styles")
    assert "url(../styles/img/x.png)" in out and 'url("../y.svg")' in out and "url(data:image/svg+xml;utf8,z)" in out


def make_site(root: Path) -> tuple[Path, SimpleNamespace]:
    out, doctrees = root / "html", root / "doctrees"
    (out / "_static").mkdir(parents=True)
    doctrees.mkdir()
    (out / "_static" / "theme.css").write_text(".used{color:red} .unused{color:blue}")
    (out / "_static" / "hwc-own.css").write_text(".hwc-x{color:green}")
    (out / "_static" / "app.js").write_text('el.className = "scripted";')
    links = ('<link rel="stylesheet" type="text/css" href="_static/theme.css?v=1a2b" />\n'
             '<link rel="stylesheet" type="text/css" href="_static/hwc-own.css" />\n')
    (out / "page.html").write_text(f'<html><head>{links}</head><body><p class="used">x</p>'
                                   '<script defer="defer" src="_static/app.js"></script></body></html>')
    return out, SimpleNamespace(outdir=str(out), doctreedir=str(doctrees), builder=SimpleNamespace(name="html"))


def stylesheets_of(out: Path) -> list[str]:
    return re.findall(r'<link rel="stylesheet" type="text/css" href="([^"]+)" />', (out / "page.html").read_text())


def stylesheet_of(out: Path) -> str:
    """The page's merged stylesheet; the project's own stays linked after it, unchanged."""
    merged_file, own = stylesheets_of(out)
    assert merged_file.startswith(BUNDLES + "/") and own == "_static/hwc-own.css"
    return (out / merged_file).read_text()


def test_rebuilds_merge_again_from_the_current_stylesheets(tmp_path: Path) -> None:
    from hwc_selfcheck.site.page_css import merge_page_css

    out, app = make_site(tmp_path)
    merge_page_css(app, None)
    first = stylesheet_of(out)
    assert ".used{color:red}" in first and "hwc-x" not in first and "unused" not in first
    merge_page_css(app, None)  # a rebuild where Sphinx rewrote no page
    assert stylesheet_of(out) == first
    (out / "_static" / "theme.css").write_text(".used{color:black} .scripted{color:red}")
    merge_page_css(app, None)
    again = stylesheet_of(out)
    assert ".used{color:black}" in again and ".scripted{color:red}" in again  # a class only the script sets
    assert len(list((out / BUNDLES).glob("*.css"))) == 1  # the outdated file is gone


def css_links(page: Path) -> list[str]:
    return [link["href"] for link in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("link", rel="stylesheet")]


def test_every_page_links_one_merged_stylesheet_then_the_projects_own(built_book: Path) -> None:
    sources = sum(p.stat().st_size for p in (built_book / "_static").rglob("*.css") if BUNDLES not in p.as_posix())
    for page in sorted(built_book.rglob("*.html")):
        rel = page.relative_to(built_book).as_posix()
        if rel.startswith("_static/") or rel == "index.html":
            continue
        first, *own = css_links(page)
        assert BUNDLES + "/" in first, (rel, first)
        assert own and all(re.search(r"_static/hwc[^/]*\.css", href) for href in own), (rel, own)
        assert (page.parent / first).stat().st_size < sources / 3, rel


def test_a_page_keeps_what_it_uses_and_drops_what_it_does_not(built_book: Path) -> None:
    def css_of(rel: str) -> str:
        page = built_book / rel
        return (page.parent / css_links(page)[0]).read_text(encoding="utf-8")

    cards = css_of("book/framework/professional.html")
    assert ".sd-card{" in cards and ".sidebar-tree" in cards
    assert ".sd-tab-set{" not in cards and ".cell_output{" not in cards and ".copybtn" not in cards
    notebook = css_of("notebooks/my-development-plan.html")
    assert ".cell_output{" in notebook and ".highlight" in notebook
