"""Publishing: canonical URLs, sitemap and robots.txt only when the address is known; the PDF only when made."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from hwc_selfcheck.site.downloads import PDF_ENV
from hwc_selfcheck.site.pdf import PDF_NAME
from hwc_selfcheck.site.publish import SITE_URL_ENV

REPO = Path(__file__).resolve().parents[2]
SITE = "https://example.org/hwc/"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, book_pdf: Path) -> Path:
    """Built as the publishing workflow builds it: with the site's address and the PDF edition."""
    out = tmp_path_factory.mktemp("published")
    jb = Path(sys.executable).with_name("jupyter-book")
    env = {**os.environ, SITE_URL_ENV: SITE.rstrip("/"), PDF_ENV: str(book_pdf)}
    result = subprocess.run([str(jb), "build", str(REPO), "-W", "-n", "--keep-going", "--path-output", str(out)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout[-4000:]
    return out / "_build" / "html"


def test_sitemap_lists_every_page_at_the_site_address(published: Path) -> None:
    tree = ElementTree.parse(published / "sitemap.xml")
    urls = {el.text for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert f"{SITE}intro.html" in urls and f"{SITE}book/framework/professional.html" in urls
    assert all(u.startswith(SITE) and "/en/" not in u for u in urls)


def test_pages_carry_their_canonical_url(published: Path) -> None:
    page = BeautifulSoup((published / "book" / "role" / "boundaries.html").read_text(), "html.parser")
    assert page.find("link", rel="canonical")["href"] == f"{SITE}book/role/boundaries.html"


def test_robots_points_to_the_sitemap(published: Path) -> None:
    assert (published / "robots.txt").read_text() == f"User-agent: *\nAllow: /\nSitemap: {SITE}sitemap.xml\n"


def test_published_site_offers_the_pdf_edition(published: Path, book_pdf: Path) -> None:
    copy = published / "data" / PDF_NAME
    assert copy.read_bytes() == book_pdf.read_bytes()
    page = published / "book" / "reference" / "data.html"
    links = {(page.parent / a["href"]).resolve() for a in BeautifulSoup(page.read_text(), "html.parser").select("article a[href]")}
    assert copy.resolve() in links


def test_local_builds_offer_no_pdf_they_do_not_have(built_book: Path) -> None:
    assert not (built_book / "data" / PDF_NAME).exists()
    page = BeautifulSoup((built_book / "book" / "reference" / "data.html").read_text(), "html.parser")
    assert not [a for a in page.select("a[href]") if a["href"].endswith(PDF_NAME)]


def test_local_builds_claim_no_address(built_book: Path) -> None:
    assert not (built_book / "sitemap.xml").exists() and not (built_book / "robots.txt").exists()
    page = BeautifulSoup((built_book / "intro.html").read_text(), "html.parser")
    assert page.find("link", rel="canonical") is None


def test_no_inline_thebe_and_a_favicon_on_every_page(built_book: Path) -> None:
    for path in built_book.rglob("*.html"):
        if "_static" in path.parts or path.name == "index.html":
            continue
        text = path.read_text()
        assert "THEBE_JS_URL" not in text, path.name
        # the SVG itself, written into the page so it costs no request (site/security.py)
        assert re.search(r'<link rel="(shortcut )?icon" href="data:image/svg\+xml,%3Csvg', text), path.name


def test_favicon_ico_is_served_from_the_site_root(built_book: Path, page, site_url: str) -> None:
    """Browsers ask for /favicon.ico whatever a page links to; it is there, at 16, 32 and 48 pixels."""
    from PIL import Image

    icon = built_book / "favicon.ico"
    with Image.open(icon) as image:
        assert image.format == "ICO" and sorted(image.ico.sizes()) == [(16, 16), (32, 32), (48, 48)]
        assert image.convert("RGBA").getpixel((24, 4))[:3] == (0, 94, 184)  # the NHS blue of favicon.svg
    response = page.request.get(f"{site_url}/favicon.ico")
    assert response.status == 200 and response.body() == icon.read_bytes()
