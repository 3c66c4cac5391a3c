"""The statements a public site owes: the accessibility statement and the privacy notice.

Both are ordinary pages of the book (``book/reference/accessibility.md`` and
``book/reference/privacy.md``). This module gives them what must stay true as
the site changes:

- :class:`AccessibilityTestingDirective` (``{hwc-accessibility-testing}``): the
  "how we tested" list of the accessibility statement, with its figures (how
  many pages, which axe-core, how many rules) taken from the build and from
  :data:`AXE_CORE_VERSION` and :data:`AXE_RULES_RUN`. The test suite runs
  those checks and fails when a figure here no longer matches what it did
  (``tests/site/test_statements.py``); each check names the tests that make it
  (:data:`AUTOMATED_CHECKS`), and those tests must exist;
- :func:`privacy_note`: the sentence with a link to the privacy notice that
  every place that saves answers in the browser (item cards, the self-check
  summary, knowledge checks) carries in its directive output;
- the footer of every page links to both statements (``templates/page.html``).
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.util.docutils import SphinxDirective

ACCESSIBILITY_DOC = "book/reference/accessibility"
PRIVACY_DOC = "book/reference/privacy"

# The accessibility checker the tests run (bundled with axe-playwright-python)
# and how many of its rules run on a page. A test compares both with axe itself.
AXE_CORE_VERSION = "4.12.1"
AXE_RULES_RUN = 89
# Pages checked a second time in the dark colour scheme, for contrast.
DARK_SCHEME_PAGES = ("intro.html", "book/framework/professional.html", "notebooks/my-development-plan.html")


@dataclass(frozen=True)
class Check:
    what: str  # plain words for the statement; ``{pages}``, ``{axe}``, ``{rules}`` and ``{dark}`` are filled in
    tests: tuple[str, ...]  # "tests/site/test_x.py::test_name" that make this check


AUTOMATED_CHECKS: tuple[Check, ...] = (
    Check("The accessibility checker axe-core {axe} runs the {rules} rules it uses by default on every page of "
          "the book ({pages} pages) and on its search and index pages, and must find no problem at all. The "
          "rules cover the parts of WCAG 2.0 and 2.1, levels A and AA, that a program can test, and good "
          "practice. Its rule for the size of targets, new in WCAG 2.2, is not one of them.",
          ("tests/site/test_accessibility.py::test_axe_finds_nothing_on_any_page",)),
    Check("A second checker, HTML_CodeSniffer (run by pa11y), checks every page against WCAG 2 level AA after "
          "the page's own scripts have built its forms, and must find no error.",
          ("tests/site/test_pa11y.py::test_pa11y_htmlcs_finds_no_error_on_any_page",)),
    Check("The Nu checker of the World Wide Web Consortium finds no error in the markup of any page, so "
          "browsers and screen readers read the pages as they are meant to be read.",
          ("tests/site/test_valid_html.py::test_nu_checker_finds_no_error_on_any_page",)),
    Check("Every page is opened on a screen 320 pixels wide, as on a small phone, and must not scroll sideways: "
          "a wide table scrolls in its own box, which the keyboard can reach. The summaries are checked again "
          "with answers in them.",
          ("tests/site/test_reflow.py::test_no_page_is_wider_than_a_320_px_screen",
           "tests/site/test_reflow.py::test_filled_in_summaries_fit_a_320_px_screen")),
    Check("The same axe-core checks run again in the dark colour scheme on {dark} pages, for colour contrast.",
          ("tests/site/test_accessibility.py::test_axe_dark_scheme",)),
    Check("axe-core also checks the self-check after answers have been rated, and the knowledge checks "
          "after questions have been answered, because those parts of the page are made in the browser.",
          ("tests/site/test_selfcheck.py::test_axe_finds_nothing_in_the_rendered_self_check",
           "tests/site/test_quiz_browser.py::test_axe_finds_nothing_after_answering")),
    Check("Every page has one main heading and headings in order, a language, a description, and text for "
          "every image.",
          ("tests/site/test_extension.py::test_headings_are_in_order",
           "tests/site/test_extension.py::test_pages_are_finished_and_described")),
    Check("Every abbreviation is explained in the glossary, and linked to it the first time a page uses it.",
          ("tests/site/test_extension.py::test_every_acronym_is_in_the_glossary_and_linked_on_first_use",)),
    Check("Every link inside the site leads somewhere, and no page loads anything from another website.",
          ("tests/site/test_extension.py::test_internal_links_and_anchors_resolve",
           "tests/site/test_extension.py::test_nothing_is_loaded_from_other_hosts")),
    Check("Keyboard only: a program rates items, types notes and answers knowledge checks with the keyboard "
          "alone (Tab, the arrow keys, Space and Enter), and checks that focus moves to the right place.",
          ("tests/site/test_selfcheck.py::test_rate_by_keyboard_reload_and_keep",
           "tests/site/test_selfcheck.py::test_clear_deletes_everything_after_confirming",
           "tests/site/test_quiz_browser.py::test_answer_by_keyboard_and_hear_the_feedback")),
    Check("Screen readers: checks of what a screen reader is given, such as names for every control and "
          "messages in a live region, so that feedback is read out without moving focus.",
          ("tests/site/test_quiz_browser.py::test_answer_by_keyboard_and_hear_the_feedback",
           "tests/site/test_selfcheck.py::test_axe_finds_nothing_in_the_rendered_self_check")),
    Check("Without JavaScript, every page still reads in full.",
          ("tests/site/test_selfcheck.py::test_pages_read_fully_without_javascript",
           "tests/site/test_quiz_browser.py::test_without_javascript_the_answers_are_in_details")),
)


def doc_link(env_docname: str, target: str, text: str) -> pending_xref:
    """A link to another page of the book, resolved by Sphinx for every builder (and checked by it)."""
    return pending_xref("", nodes.inline("", text, classes=["xref", "std", "std-doc"]), refdomain="std",
                        reftype="doc", reftarget="/" + target, refexplicit=True, refwarn=True, refdoc=env_docname)


def privacy_note(env_docname: str, what: str) -> nodes.paragraph:
    """``what`` is kept only in this browser, and only when the person asks: with a link to the notice."""
    return nodes.paragraph(
        "", f"{what} are kept only in this web browser, on this device, and only when you rate or answer. "
        "Nothing is sent anywhere. See the ", doc_link(env_docname, PRIVACY_DOC, "privacy notice"), nodes.Text("."),
        classes=["hwc-privacy-note"])


class AccessibilityTestingDirective(SphinxDirective):
    """``{hwc-accessibility-testing}``: the automated checks, with figures from the build and the test data."""

    def run(self) -> list[nodes.Node]:
        figures = {
            "pages": len(self.env.found_docs),
            "axe": AXE_CORE_VERSION,
            "rules": AXE_RULES_RUN,
            "dark": len(DARK_SCHEME_PAGES),
        }
        checks = nodes.bullet_list(classes=["hwc-accessibility-checks"])
        for check in AUTOMATED_CHECKS:
            checks += nodes.list_item("", nodes.paragraph("", check.what.format(**figures)))
        return [checks]
