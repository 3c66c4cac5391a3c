"""A Content Security Policy on every page, and nothing inline for it to allow.

Every page declares, in a ``<meta http-equiv>`` element, that scripts, styles
and everything else come only from the site's own files, images also from
``data:`` URLs (the notebooks' charts), and nothing from anywhere else. If a
bug ever let imported text become markup, the browser would still refuse to
run any script in it. That only holds if the site itself needs nothing
inline, so this module also moves out what the theme and Jupyter Book's
default extensions put inline:

- furo's colour-scheme line becomes ``_static/hwc-theme.js`` (``templates/base.html``);
- furo's code colours (an inline ``<style>``) go into ``_static/pygments.css``,
  the stylesheet of every page that shows code;
- sphinx-thebe's settings (a Binder example repository, although Thebe is
  off) are dropped from every page;
- any other extension's inline script (sphinx-togglebutton's settings, on a
  page with a toggle) becomes a file in ``_static/``;
- table column widths, which docutils writes as ``style`` attributes, become
  classes (``hwc-w5`` to ``hwc-w95`` in ``hwc.css``).

``index.html``, which only sends the reader on to the first page, is written
here as a whole page with the policy too.

Templates ``genindex.html`` and ``partials/icons.html`` take the ``style``
attributes out of furo's index page and icons. The test over the built site
(tests/site/test_security.py) finds anything inline that comes back.
"""

from __future__ import annotations

import html
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from hwc_selfcheck.core.files import atomic_write_text

logger = logging.getLogger(__name__)

# Chromium treats files beside a page opened from a folder (file://) as 'self',
# so the same policy serves a host and a folder. connect-src: Sphinx's search
# page fetches the pages it lists, to show a line from each.
SITE_POLICY = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
])
POLICY_META = f'<meta http-equiv="Content-Security-Policy" content="{SITE_POLICY}">'

STATIC = Path(__file__).parent / "static"
THEME_SCRIPT = "hwc-theme.js"
INLINE_PREFIX = "hwc-inline-"  # + a hash of the code: a new name whenever the code changes
THEME_VARIABLES = "partials/_head_css_variables.html"  # furo's inline <style>
CODE_STYLESHEET = "pygments.css"
DATA_BLOCKS = {"application/json", "application/ld+json", "importmap"}  # not run, so not a script to move
COLUMN_STEP = 5  # hwc.css has a class for every multiple of 5 per cent


@lru_cache(maxsize=None)
def _checksum(path: Path) -> str:
    return f"{zlib.crc32(path.read_bytes()):08x}"


def add_policy(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The policy first in ``<head>`` (it governs only what follows it), and the theme script's address."""
    context["metatags"] = POLICY_META + context.get("metatags", "")
    path = context["pathto"](f"_static/{THEME_SCRIPT}", 1)
    context["hwc_theme_script"] = f"{path}?v={_checksum(STATIC / THEME_SCRIPT)}"
    _favicon_inline(app, context)


def _favicon_inline(app: Sphinx, context: dict[str, Any]) -> None:
    """The SVG favicon as a ``data:`` URL, which pays for the theme script's request.

    A phone pays for every request, and the site keeps each page to 15 (README,
    "Site quality"); moving the theme's line into a file costs one more.
    """
    favicon = Path(app.confdir or app.srcdir) / (app.config.html_favicon or "")
    if favicon.suffix == ".svg" and favicon.is_file():
        svg = " ".join(favicon.read_text(encoding="utf-8").split())
        context["favicon_url"] = "data:image/svg+xml," + quote(svg, safe=":/='")


def drop_thebe_settings(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Remove the two inline scripts sphinx-thebe appends to every page, although Thebe is off."""
    for raw in list(doctree.findall(nodes.raw)):
        text = raw.astext()
        if 'type="text/x-thebe-config"' in text or text.startswith("<script>kernelName"):
            raw.parent.remove(raw)


def _is_inline_script(asset: Any) -> bool:
    attributes = getattr(asset, "attributes", {})
    return not getattr(asset, "filename", asset) and attributes.get("type") not in DATA_BLOCKS


def move_inline_scripts(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Write each run of inline scripts on the page into one file in ``_static/``, loaded in its place.

    Runs after ``assets.trim_page_assets``, so only scripts the page uses are
    moved, and the order of everything the page runs stays the same.
    """
    scripts = context.get("script_files", [])
    if not any(_is_inline_script(asset) for asset in scripts):
        return
    moved: list[Any] = []
    run: list[str] = []
    for asset in [*scripts, None]:
        if asset is not None and _is_inline_script(asset):
            run.append(asset.attributes.get("body", "").rstrip() + "\n")
            continue
        if run:
            moved.append(_script_file(app, "".join(run)))
            run = []
        if asset is not None:
            moved.append(asset)
    context["script_files"] = moved


def _script_file(app: Sphinx, code: str) -> str:
    """``_static/hwc-inline-<hash>.js`` holding ``code``: the same code always gets the same file."""
    name = f"_static/{INLINE_PREFIX}{_checksum_text(code)}.js"
    target = Path(app.outdir) / name
    if not target.exists():
        atomic_write_text(target, code)
    return name


def _checksum_text(text: str) -> str:
    return f"{zlib.crc32(text.encode('utf-8')):08x}"


class CodeColours:
    """furo's code colours, written into the code stylesheet instead of an inline ``<style>``.

    furo renders them from its ``_head_css_variables.html`` partial into every
    page's head; ``templates/base.html`` leaves that out. The same partial is
    rendered once here and added to ``pygments.css`` after furo has written
    that file, so every page that shows code (the only pages that use these
    colours) has them.
    """

    def __init__(self) -> None:
        self.css = ""

    def capture(self, app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
        if self.css or "furo_pygments" not in context:
            return
        if context.get("theme_light_css_variables") or context.get("theme_dark_css_variables"):
            logger.warning("furo's light_css_variables and dark_css_variables are not supported: the page "
                           "policy allows no inline styles, so set colours in hwc.css instead")
        rendered = app.builder.templates.render(THEME_VARIABLES, context)
        found = re.fullmatch(r"\s*<style>(.*)</style>\s*", rendered, re.DOTALL)
        if found is None:
            logger.warning("furo's %s no longer holds one <style> element: update site/security.py", THEME_VARIABLES)
            return
        self.css = found.group(1)

    def write(self, app: Sphinx, exception: Optional[Exception]) -> None:
        if exception is not None or app.builder.format != "html" or not self.css:
            return
        target = Path(app.outdir) / "_static" / CODE_STYLESHEET
        atomic_write_text(target, target.read_text(encoding="utf-8") + "\n" + self.css)


class ColumnWidthClasses(SphinxPostTransform):
    """Column widths from ``:widths:`` as classes on the first row's cells, not ``style`` attributes.

    docutils writes each width as ``<col style="width: 20.0%">``, which a
    policy without ``'unsafe-inline'`` styles refuses. The table is marked
    ``colwidths-auto`` so docutils writes no ``<col>``, and each cell of the
    first row gets ``hwc-w20`` (a class in ``hwc.css``); widths must be
    multiples of 5 per cent.
    """

    default_priority = 400
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for table in self.document.findall(nodes.table):
            if "colwidths-given" not in table["classes"]:
                continue
            for tgroup in table.findall(nodes.tgroup):
                specs = [child for child in tgroup.children if isinstance(child, nodes.colspec)]
                total = sum(spec["colwidth"] for spec in specs)
                first_row = next(iter(tgroup.findall(nodes.row)), None)
                if first_row is None or not total:
                    continue
                for cell, spec in zip(first_row.children, specs):
                    share = spec["colwidth"] * 100 / total
                    width = round(share / COLUMN_STEP) * COLUMN_STEP
                    if abs(share - width) > 0.05:
                        logger.warning("column width %.1f%% is not a multiple of %d%%: choose :widths: that add up "
                                       "to multiples of %d", share, COLUMN_STEP, COLUMN_STEP, location=table)
                    cell["classes"].append(f"hwc-w{width}")
            table["classes"] = [c for c in table["classes"] if c != "colwidths-given"] + ["colwidths-auto"]


def write_start_page(app: Sphinx, exception: Optional[Exception]) -> None:
    """``index.html`` as a whole page under the policy, sending the reader on to the first page.

    sphinx-external-toc would otherwise write a bare redirect there, with no
    policy, after this (it leaves an existing ``index.html`` alone).
    """
    if exception is not None or app.builder.format != "html" or app.config.root_doc == "index":
        return
    first = html.escape(app.builder.get_target_uri(app.config.root_doc))
    title = html.escape(app.config.html_title or app.config.project)
    atomic_write_text(Path(app.outdir) / "index.html", "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(app.config.language or "en")}"><head><meta charset="utf-8">',
        POLICY_META,
        f'<meta http-equiv="refresh" content="0; url={first}">',
        f"<title>{title}</title></head>",
        f'<body><p><a href="{first}">{title}</a></p></body></html>',
        "",
    ]))


def setup_security(app: Sphinx) -> None:
    """Called from the extension's setup."""
    colours = CodeColours()
    app.connect("doctree-resolved", drop_thebe_settings, priority=600)  # after sphinx-thebe adds them
    app.connect("html-page-context", add_policy)
    app.connect("html-page-context", colours.capture, priority=600)  # after furo's own context
    app.connect("html-page-context", move_inline_scripts, priority=950)  # after assets.trim_page_assets
    app.connect("build-finished", colours.write, priority=600)  # after furo writes pygments.css
    app.connect("build-finished", write_start_page, priority=400)  # before sphinx-external-toc's redirect
    app.add_post_transform(ColumnWidthClasses)
