"""Sphinx extension that renders the framework data into the book.

Added to the book through ``sphinx: extra_extensions`` in ``_config.yml``. It
gives pages:

- ``{hwc-items}`` with ``:area:``, ``:kind:`` and ``:tier:`` options: one card per item;
- ``{hwc}`PC-01``: a link to one item's card from any page (an unknown ID is a
  build warning, so ``-W`` fails);
- ``{hwc-tiers}``, ``{hwc-supervision}``, ``{hwc-source-map}``: tables built
  from the rule data, so figures are never typed twice;
- ``{hwc-list}`` with a list name (``i_statements``, ``nhs_values``, ...): a
  list kept in the rule data;
- ``{hwc-checklist}`` with a checklist key (``induction``, ``employer_readiness``):
  a checklist from the rule data, as tables to print and tick;
- ``{hwc-selfcheck-summary}``: the in-browser "My self-assessment" summary,
  filled in by ``static/hwc-summary.js`` from ``_static/hwc-items.js``;
- ``{hwc-accessibility-testing}``: the accessibility statement's list of
  automated checks, with figures the tests compare with what they run
  (``statements.py``);
- ``{hwc-portfolio}`` with a view (``lists`` with ``:list:``, ``progress``,
  ``supervision``, ``evidence-map``, ``summary``, ``file``; ``reviews``, ``beside`` and
  ``supervisor`` for a supervisor's review): My portfolio, drawn by
  one ``_static/hwc-portfolio-page-*.js`` bundle per page (written by ``portfolio.py``);
- ``{hwc-downloads}`` and ``{hwc-download}`FILE```: the open data files
  (JSON, CSV, CASE, schemas) written into the site's ``data/`` folder at
  build time (``downloads.py``).

Every page carries a Content Security Policy, with nothing inline for it to
allow (``security.py``).
It also puts ``favicon.ico`` (``root/``) at the root of the site, and makes
every table that scrolls sideways reachable by keyboard (``table_regions.py``),
and mends the HTML the theme and myst-nb write where it is invalid (``valid_html.py``).
For speed on a slow phone, each page gets one stylesheet of the theme's rules it
uses (``page_css.py``) and its script files load deferred (``script_loading.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from hwc_selfcheck import __version__

from .assets import minify_own_scripts, trim_page_assets
from .directives import (
    ChecklistDirective,
    ItemsDirective,
    RuleListDirective,
    SourceMapDirective,
    SupervisionDirective,
    TiersDirective,
)
from .domain import HwcDomain
from .links import resolve_self_assess_links
from .portfolio import BUNDLES as PORTFOLIO_BUNDLES
from .portfolio import PortfolioDirective, write_portfolio_files
from .page_css import setup_page_css
from .publish import setup_publishing
from .script_loading import setup_script_loading
from .security import setup_security
from .selfcheck import SummaryDirective, write_items_file
from .statements import AccessibilityTestingDirective
from .table_regions import setup_table_regions
from .valid_html import setup_valid_html

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"
# Files served from the site's root: favicon.ico, which browsers ask for at
# /favicon.ico whatever the page links to (made from book/images/favicon.svg
# at 16, 32 and 48 pixels).
ROOT_FILES = Path(__file__).parent / "root"


def _add_static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))
    app.config.html_extra_path.append(str(ROOT_FILES))


def _add_templates_path(app: Sphinx, config: Any) -> None:
    # Before the builder exists, so its template loader sees our overrides.
    config.templates_path.append(str(TEMPLATES))


def _dark_code_style(app: Sphinx) -> None:
    # furo adds `pygments_dark_style` only when the theme loads, too late for
    # _config.yml to set it; copy ours in just before furo reads it.
    if "pygments_dark_style" in app.config:
        app.config.pygments_dark_style = app.config.hwc_pygments_dark_style


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_design")
    app.add_config_value("hwc_self_assess_pages", {}, "env", [dict])
    app.add_config_value("hwc_pygments_dark_style", "a11y-high-contrast-dark", "html", [str])
    app.connect("builder-inited", _dark_code_style, priority=400)
    app.add_domain(HwcDomain)
    app.add_directive("hwc-items", ItemsDirective)
    app.add_directive("hwc-tiers", TiersDirective)
    app.add_directive("hwc-supervision", SupervisionDirective)
    app.add_directive("hwc-source-map", SourceMapDirective)
    app.add_directive("hwc-list", RuleListDirective)
    app.add_directive("hwc-checklist", ChecklistDirective)
    app.add_role("hwc", HwcDomain.roles["ref"])
    app.connect("doctree-resolved", resolve_self_assess_links)
    app.setup_extension("hwc_selfcheck.site.questions")
    app.setup_extension("hwc_selfcheck.site.downloads")
    app.connect("builder-inited", _add_static_path)
    app.connect("config-inited", _add_templates_path)
    app.connect("html-page-context", trim_page_assets, priority=900)
    app.add_css_file("hwc.css")
    app.add_css_file("hwc-portfolio.css")
    app.add_css_file("hwc-summary.css")  # My self-assessment on paper
    # Classic scripts sharing window.HWC, run in this order (deferred scripts keep it);
    # assets.py keeps on each page only those it uses. hwc-quiz.js comes after hwc.js.
    app.add_js_file("hwc-items.js", loading_method="defer", priority=390)  # written by write_items_file
    app.add_js_file("hwc.js", loading_method="defer", priority=400)
    app.add_js_file("hwc-rules.js", loading_method="defer", priority=410)
    app.add_js_file("hwc-forms.js", loading_method="defer", priority=420)
    app.add_js_file("hwc-summary.js", loading_method="defer", priority=430)
    for bundle, _views, _parts in PORTFOLIO_BUNDLES:  # written by write_portfolio_files; assets.py keeps a page's one
        app.add_js_file(bundle, loading_method="defer", priority=440)
    app.add_directive("hwc-selfcheck-summary", SummaryDirective)
    app.add_directive("hwc-accessibility-testing", AccessibilityTestingDirective)
    app.add_directive("hwc-portfolio", PortfolioDirective)
    app.connect("build-finished", write_items_file)
    app.connect("build-finished", write_portfolio_files)
    app.connect("build-finished", minify_own_scripts)
    setup_table_regions(app)
    setup_publishing(app)
    setup_security(app)
    setup_valid_html(app)
    setup_page_css(app)
    setup_script_loading(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
