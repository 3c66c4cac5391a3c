"""Publishing: canonical URLs, sitemap and robots.txt only when the address is known."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from hwc_selfcheck.site.publish import SITE_URL_ENV

REPO = Path(__file__).resolve().parents[2]
SITE = "https://example.org/hwc/"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("published")
    jb = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run([str(jb), "build", str(REPO), "-W", "-n", "--keep-going", "--path-output", str(out)],
                            capture_output=True, text=True, env={**os.environ, SITE_URL_ENV: SITE.rstrip("/")})
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
