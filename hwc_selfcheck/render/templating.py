"""Jinja2 templates for the reports, with escaping on by default.

HTML reports are rendered with HTML autoescaping, so nothing a person typed
(a pseudonym, a note) can become markup. Markdown has no autoescaping of its
own, so the Markdown environment escapes every value it prints
(:func:`markdown_text`): HTML in a note shows as text, ``*`` and ``_`` stay
characters, and a ``|`` cannot split a table cell.

The reports share one stylesheet, ``templates/report.css``: readable tables
that never break a word (a wide table scrolls in its own box on a phone) and
clean A4 printing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from hwc_selfcheck.core.tables import ITEM_ID, NOWRAP, HtmlTable

# Characters that mean something in Markdown (CommonMark and GitHub tables) or HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#])")


def markdown_text(value: Any) -> str:
    """A value as literal Markdown text: specials escaped with a backslash, line breaks as spaces."""
    if value is None:
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def table_html(shown: HtmlTable, label: str) -> Markup:
    """An HtmlTable in a box that scrolls sideways when the table is wider than the page.

    The box can take the keyboard focus (so arrow keys scroll it) and is named
    by ``label``, usually the heading above the table, for screen readers.
    """
    box = f'<div class="table-scroll" role="region" tabindex="0" aria-label="{Markup.escape(label)}">'
    return Markup(f"{box}{shown._repr_html_()}</div>")  # HtmlTable escapes every cell


def keep_ids(value: Any) -> Markup:
    """Escaped text in which every item ID ("PC-10") stays whole instead of breaking at its hyphen."""
    return Markup(ITEM_ID.sub(lambda m: f'<span class="{NOWRAP}">{m[0]}</span>', str(Markup.escape(value))))


@lru_cache(maxsize=None)
def html_environment() -> Environment:
    env = Environment(loader=PackageLoader("hwc_selfcheck.render", "templates"), undefined=StrictUndefined,
                      autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    env.filters["keep_ids"] = keep_ids
    return env


@lru_cache(maxsize=None)
def markdown_environment() -> Environment:
    return Environment(loader=PackageLoader("hwc_selfcheck.render", "templates"), undefined=StrictUndefined,
                       autoescape=False, finalize=markdown_text, trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=None)
def stylesheet() -> str:
    """The reports' shared CSS."""
    return files("hwc_selfcheck.render").joinpath("templates", "report.css").read_text(encoding="utf-8")


def render_html(template: str, **context: Any) -> str:
    return html_environment().get_template(template).render(css=stylesheet(), **context)


def render_markdown(template: str, **context: Any) -> str:
    return markdown_environment().get_template(template).render(**context)
