"""My portfolio on the site: the rule data its scripts need, written at build time.

The browser cannot run the package, so ``static/hwc-portfolio-read.js`` and
``hwc-portfolio-checks.js`` (tiers) and ``hwc-portfolio-supervision.js`` are a port of the tier, supervision and evidence rules. Its figures (tier hours,
supervision intervals, the minimum training, the record columns, the evidence
vocabulary) are never typed into the script: at the end of each HTML build
this writes them from the package's data at the start of each
``_static/hwc-portfolio-page-*.js`` bundle (a script setting
``window.HWC_PORTFOLIO``, as ``hwc-items.js`` does, so pages opened from a
folder work too), followed by the portfolio scripts that page uses. The wording of each result is in the script,
and the conformance corpus (``tests/corpus/portfolio``) proves it says what the
package says.

Sam's example portfolio goes into ``_static/hwc-portfolio-example.js``, loaded
only when a coach asks to try the pages with example data.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Optional

import rjsmin
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from hwc_selfcheck.assessment.examples import example_path
from hwc_selfcheck.core.csv_records import NO, YES
from hwc_selfcheck.core.errors import MAX_PROBLEMS_SHOWN
from hwc_selfcheck.core.findings import KIND_LABELS
from hwc_selfcheck.framework.loader import Framework, load_framework
from hwc_selfcheck.framework.models import MAX_TIER, MIN_TIER
from hwc_selfcheck.practice import portfolio, supervision, tiers
from hwc_selfcheck.records.portfolio_file import FORMAT, LISTS, SCHEMA_VERSION

from .statements import privacy_note

DATA_GLOBAL = "HWC_PORTFOLIO"
# The scripts of My portfolio are split by concern in static/ (and tested one by one in Node).
# A page gets one bundle, made at build time: the rule data, then only the parts its views use,
# so each page stays within its budget and makes one request for them. Each bundle ends by
# starting the page. (name, the views it serves, its parts in order)
BUNDLES: tuple[tuple[str, frozenset[str], tuple[str, ...]], ...] = (
    ("hwc-portfolio-page-edit.js", frozenset({"lists", "progress", "supervision"}),
     ("read", "checks", "supervision", "store", "files", "boot", "lists", "views")),
    # Reviews from a supervisor: their view beside My self-assessment, and the coach's Reviews page.
    ("hwc-portfolio-page-beside.js", frozenset({"beside"}),
     ("read", "store", "boot", "fingerprint", "review", "reviews")),
    ("hwc-portfolio-page-reviews.js", frozenset({"reviews", "beside"}), ("read", "store", "boot", "fingerprint",
                                                                        "review", "reviewfile", "reviews")),
    ("hwc-portfolio-page-map.js", frozenset({"evidence-map", "beside"}), ("read", "store", "boot", "views",
                                                                          "fingerprint", "review", "reviews")),
    ("hwc-portfolio-page-summary.js", frozenset({"summary", "beside"}), ("read", "checks", "supervision", "store",
                                                                        "boot", "views",
                                                                        "fingerprint", "review", "reviews")),
    ("hwc-portfolio-page-file.js", frozenset({"file"}), ("read", "store", "files", "boot", "file")),
    # The page for supervisors: open a coach's file, give a view of each item, record approvals.
    # It keeps no portfolio, so it has no store or boot: hwc-portfolio-supervisor.js starts the page itself.
    ("hwc-portfolio-page-supervisor.js", frozenset({"supervisor"}), ("read", "checks", "files", "fingerprint",
                                                                     "approval", "supervisor")),
)
# What else a view needs of the site's scripts: the item list, and the self-check that changes answers.
NEEDS_ITEMS = frozenset({"evidence-map", "summary", "file", "beside", "reviews", "supervisor"})
NEEDS_SELFCHECK = frozenset({"file", "supervisor"})
# Views that keep what a person enters in this browser, with the words of the privacy note beside them.
KEEPS_WHAT_IS_TYPED = {"reviews": "The reviews you open", "supervisor": "Your views of a coach's portfolio"}
EXAMPLE_FILE = "hwc-portfolio-example.js"
EXAMPLE_GLOBAL = "HWC_PORTFOLIO_EXAMPLE"
STATIC = Path(__file__).parent / "static"
VIEWS = ("lists", "progress", "supervision", "evidence-map", "summary", "file", "reviews", "beside", "supervisor")


def portfolio_payload(fw: Framework) -> dict[str, Any]:
    """Everything the portfolio scripts need from the package, and nothing else."""
    kinds = {k.key: k.model_dump(exclude={"purpose", "provider"}) for k in fw.rules.supervision}
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "lists": {name: {"record": fmt.name, "columns": list(fmt.columns), "optional": list(fmt.optional)}
                  for name, fmt in LISTS.items()},
        "tiers": [t.model_dump(include={"tier", "nhs_coaching_hours", "hours_must_be_supervised", "training",
                                        "evidence_of_competency", "progression_approval"}) for t in fw.rules.tiers],
        "minimum_training": fw.rules.minimum_training.model_dump(include={"course", "days", "source_section"}),
        "supervision_kinds": kinds,
        "log_kinds": supervision.LOG_KINDS,
        "kind_titles": supervision.KIND_TITLES,
        "finding_labels": KIND_LABELS,
        "limits": {
            "min_tier": MIN_TIER, "max_tier": MAX_TIER,
            "max_hours_per_row": str(tiers.MAX_HOURS_PER_ROW), "max_course_days": tiers.MAX_COURSE_DAYS,
            "recent_weeks": tiers.RECENT_WEEKS, "max_minutes": supervision.MAX_MINUTES,
        },
        # The rule across rows of a CSV file: a day's rows may not add up to more than a day.
        "day_limits": {"hours": {"column": "hours", "limit": str(tiers.MAX_HOURS_PER_DAY), "unit": "hours"},
                       "supervision": {"column": "minutes", "limit": str(supervision.MINUTES_IN_A_DAY),
                                       "unit": "minutes"}},
        "yes_words": sorted(YES), "no_words": sorted(NO),
        "max_problems_shown": MAX_PROBLEMS_SHOWN,
        "not_given": tiers.NOT_GIVEN,
        "portfolio_term": portfolio.PORTFOLIO_TERM,
        "supervision_types": list(portfolio.SUPERVISION_TYPES),
        "entry_types": {key: {"label": t.label, "evidences": t.evidences}
                        for key, t in fw.vocabulary.portfolio_entry_types.items()},
        "evidenced_by": {key: term.label for key, term in fw.vocabulary.evidenced_by.items()},
        # Every item ID (supervisor standards too, as an evidence entry may name one), with what evidences it.
        "item_evidence": {item.id: item.evidenced_by for item in fw.items},
    }


def example_payload() -> dict[str, Any]:
    """Sam's portfolio file, exactly as the package ships it."""
    return json.loads(example_path("sam-portfolio.json").read_text(encoding="utf-8"))


def _assignment(variable: str, payload: dict[str, Any]) -> str:
    return f"window.{variable} = {json.dumps(payload, separators=(',', ':'), ensure_ascii=False)};\n"


def portfolio_bundle(parts: tuple[str, ...]) -> str:
    """The rule data, then the given portfolio scripts, minified, then the start of the page.

    Minified (rjsmin: whitespace and comments only, names kept) to stay within
    the page budget; the browser test runs the conformance corpus through the
    built bundles, so the minified code is proven to give the package's results.
    """
    texts = [_assignment(DATA_GLOBAL, portfolio_payload(load_framework()))]
    texts += [(STATIC / f"hwc-portfolio-{part}.js").read_text(encoding="utf-8") for part in parts]
    return rjsmin.jsmin("\n".join(texts)) + "\nwindow.HWC.portfolioStart();\n"


def page_views(body: str) -> frozenset[str]:
    """The portfolio views on a page, from the boxes its directives made."""
    return frozenset(re.findall(r'data-hwc-portfolio="([\w-]+)"', body))


def bundle_for(views: frozenset[str]) -> Optional[str]:
    """The one bundle that serves every view on a page; None for a page without views, or whose views
    no one bundle serves (the single-page build of the PDF edition, where no script runs and each box
    says what the part is for). tests/site/test_portfolio_browser.py checks every portfolio page of
    the site gets one."""
    return next((name for name, serves, _parts in BUNDLES if views and views <= serves), None)


def write_portfolio_files(app: Sphinx, exception: Optional[Exception]) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    for name, _serves, parts in BUNDLES:
        (static / name).write_text(portfolio_bundle(parts), encoding="utf-8")
    (static / EXAMPLE_FILE).write_text(_assignment(EXAMPLE_GLOBAL, example_payload()), encoding="utf-8")


class PortfolioDirective(SphinxDirective):
    """``{hwc-portfolio} VIEW``: where the portfolio scripts draw a list or a view.

    ``lists`` takes ``:list:`` (hours, supervision, training, approvals or
    evidence). Without JavaScript the page says what it needs and points to
    the command line, which reads the same records.
    """

    required_arguments = 1
    option_spec = {"list": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        view = self.arguments[0]
        if view not in VIEWS:
            raise self.error(f"unknown portfolio view {view!r}; known: {', '.join(VIEWS)}")
        attributes = f'data-hwc-portfolio="{view}"'
        if view == "lists":
            name = self.options.get("list", "")
            if name not in LISTS:
                raise self.error(f"unknown list {name!r}; known: {', '.join(LISTS)}")
            attributes += f' data-list="{name}"'
        html = (
            f'<div class="hwc-portfolio" {attributes}>'
            '<p class="hwc-noscript"><strong>This part needs JavaScript</strong>, because your records are kept '
            "in your browser, not on a server. You can keep the same records as CSV files in a spreadsheet and "
            "check them with the hwc-selfcheck command instead.</p></div>"
        )
        out: list[nodes.Node] = [nodes.raw("", html, format="html")]
        if view in KEEPS_WHAT_IS_TYPED:
            out.append(privacy_note(self.env.docname, KEEPS_WHAT_IS_TYPED[view]))
        return out
