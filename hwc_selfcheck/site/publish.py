"""Settings for publishing the site at a known address.

Set ``HWC_SITE_URL`` (for example ``https://example.org/hwc/``) when building
the copy that goes online: pages then carry a canonical URL, and the build
writes ``sitemap.xml`` (sphinx-sitemap) and a ``robots.txt`` that points to it.
Local builds leave it unset, so they claim no address they do not have.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Optional

from sphinx.application import Sphinx

SITE_URL_ENV = "HWC_SITE_URL"


def site_url() -> str:
    url = os.environ.get(SITE_URL_ENV, "").strip()
    return url if not url or url.endswith("/") else url + "/"


def _configure(app: Sphinx, config: Any) -> None:
    config.html_baseurl = site_url()
    config.sitemap_url_scheme = "{link}"  # no language or version folders in our URLs


def _write_robots(app: Sphinx, exception: Optional[Exception]) -> None:
    if exception is None and app.builder.format == "html":
        text = f"User-agent: *\nAllow: /\nSitemap: {site_url()}sitemap.xml\n"
        (Path(app.outdir) / "robots.txt").write_text(text, encoding="utf-8")


def setup_publishing(app: Sphinx) -> None:
    """Called from the extension's setup: only acts when HWC_SITE_URL is set."""
    if not site_url():
        return
    app.setup_extension("sphinx_sitemap")
    app.connect("config-inited", _configure)
    app.connect("build-finished", _write_robots)
