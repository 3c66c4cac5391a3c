"""The Jinja2 templates reports are written from, with escaping on for HTML and for Markdown.

Text from a person's files (an item note, a course session) reaches a page
only through a template, which escapes it, never by pasting strings together.
HTML templates are autoescaped. Markdown has no autoescaping of its own, so
the Markdown environment escapes every value it prints (:func:`markdown_text`):
HTML in a note shows as text, ``*`` and ``_`` stay characters, and a ``|``
cannot split a table cell.

Every report shares ``templates/report.css``: tables that never break a word
(a wide one scrolls in its own box on a phone) and clean A4 printing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from hwc_selfcheck.core.tables import ITEM_ID, NOWRAP, HtmlTable

TEMPLATES = Path(__file__).with_name("templates")
# Characters that mean something in Markdown (CommonMark and GitHub tables) or HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#])")


def markdown_text(value: Any) -> str:
    """A value as literal Markdown text: specials escaped with a backslash, line breaks as spaces."""
    if value is None:
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def keep_ids(value: Any) -> Markup:
    """Escaped text in which every item ID ("PC-10") stays whole instead of breaking at its hyphen."""
    return Markup(ITEM_ID.sub(lambda m: f'<span class="{NOWRAP}">{m[0]}</span>', str(Markup.escape(value))))


def table_html(shown: HtmlTable, label: str) -> Markup:
    """An HtmlTable in a box that scrolls sideways when the table is wider than the page.

    The box can take the keyboard focus (so arrow keys scroll it) and is named
    by ``label``, the heading above the table, for screen readers; names are
    unique on a page, so two tables under one heading say which they are.
    """
    box = f'<div class="table-scroll" role="region" tabindex="0" aria-label="{Markup.escape(label)}">'
    return Markup(f"{box}{shown._repr_html_()}</div>")  # HtmlTable escapes every cell


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,  # a name missing from the context is a mistake, not an empty string
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["keep_ids"] = keep_ids
    env.globals["table_html"] = table_html
    return env


@lru_cache(maxsize=1)
def markdown_environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False, finalize=markdown_text,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


def render_markdown(name: str, **context: Any) -> str:
    return markdown_environment().get_template(name).render(**context)
