"""Keep each page's downloads to what that page uses.

Jupyter Book adds the same scripts and styles to every page (Thebe, toggle
buttons, copy buttons, tabs, notebook styles), and one of them does not exist
under our theme. A reader on a phone pays for every request, so each page
keeps an asset only when its body contains what the asset serves. The rules
are by file name, and a test checks that every remaining asset exists.

The project's own scripts are also sent minified (comments and spaces
removed, names kept, as the portfolio bundle is), and its own styles without
their comments: they are written readable, with the comments that say why,
and each page must stay within its 35 KB budget, compressed, of its own
scripts and styles.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Optional

import rjsmin
from sphinx.application import Sphinx

from .portfolio import BUNDLES, NEEDS_ITEMS, NEEDS_SELFCHECK, bundle_for, page_views

STATIC = Path(__file__).parent / "static"

# A comment in the project's own styles, with the line's end after it (none of them has "/*" in a string).
CSS_COMMENT = re.compile(r"/\*.*?\*/\n?", re.DOTALL)

# What sphinx-togglebutton acts on: an element of class "toggle", or an admonition of class "dropdown".
TOGGLES = re.compile(r'class="(?:[^"]*\s)?(?:toggle|dropdown)["\s]')


def _portfolio(body: str) -> bool:
    return "data-hwc-portfolio" in body


def _portfolio_needs(views: frozenset[str]) -> Callable[[str], bool]:
    return lambda body: bool(page_views(body) & views)


def _portfolio_bundle(name: str) -> Callable[[str], bool]:
    return lambda body: bundle_for(page_views(body)) == name


# file-name fragment -> test on the page body; the asset stays when the test is true
RULES: dict[str, Callable[[str], bool]] = {
    "sphinx-thebe": lambda body: False,  # launch buttons are off: nothing uses Thebe
    "THEBE_JS_URL": lambda body: False,  # Thebe's inline settings, added twice (a script error)
    "sphinx-book-theme": lambda body: False,  # the theme is furo; this file does not exist
    "togglebutton": lambda body: TOGGLES.search(body) is not None,
    "let toggle": lambda body: TOGGLES.search(body) is not None,  # its settings (security.py moves them to a file)
    "copybutton": lambda body: "<pre" in body,
    "clipboard.min": lambda body: "<pre" in body,
    "design-tabs": lambda body: "sd-tab-set" in body,
    "mystnb.": lambda body: "cell_output" in body or "cell docutils container" in body,
    "pygments": lambda body: "<pre" in body,
    "hwc.js": lambda body: "hwc-item" in body or "data-hwc-summary" in body or "hwc-quiz" in body or _portfolio(body),
    "hwc-quiz.": lambda body: "hwc-quiz" in body,
    "hwc-items.js": lambda body: "hwc-item" in body or "data-hwc-summary" in body or _portfolio_needs(NEEDS_ITEMS)(body),
    "hwc-rules.js": lambda body: "hwc-item" in body or "data-hwc-summary" in body or _portfolio_needs(NEEDS_SELFCHECK)(body),
    "hwc-portfolio.css": _portfolio,
    **{name: _portfolio_bundle(name) for name, _views, _parts in BUNDLES},
    "hwc-forms.js": lambda body: "hwc-item" in body,
    "hwc-summary.js": lambda body: "data-hwc-summary" in body,
    "hwc-summary.css": lambda body: "data-hwc-summary" in body,
}


def _filename(asset: Any) -> str:
    """The asset's file name, or for an inline script its code (Thebe's is inline)."""
    body = getattr(asset, "attributes", {}).get("body", "")
    return f"{getattr(asset, 'filename', asset) or ''} {body}"


def _keep(asset: Any, body: str) -> bool:
    name = _filename(asset)
    return all(test(body) for fragment, test in RULES.items() if fragment in name)


def trim_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    body = context.get("body", "")
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if _keep(asset, body)]


def minify_own_scripts(app: Sphinx, exception: Optional[Exception]) -> None:
    """Replace the copies of ``static/hwc*.js`` in the built ``_static`` with their minified text, and
    of ``static/hwc*.css`` with their text without comments."""
    if exception is not None or app.builder.format != "html":
        return
    for source in sorted(STATIC.glob("hwc*.js")):
        target = Path(app.outdir) / "_static" / source.name
        if target.exists():
            target.write_text(rjsmin.jsmin(source.read_text(encoding="utf-8")) + "\n", encoding="utf-8")
    for source in sorted(STATIC.glob("hwc*.css")):
        target = Path(app.outdir) / "_static" / source.name
        if target.exists():
            target.write_text(CSS_COMMENT.sub("", source.read_text(encoding="utf-8")), encoding="utf-8")
