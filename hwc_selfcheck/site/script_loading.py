"""Let the page draw before its scripts run: script files load with ``defer``.

Sphinx and the theme add their scripts (``documentation_options.js``,
``doctools.js``, ``sphinx_highlight.js``, ``furo.js``, ...) as plain
``<script src>`` tags, which hold up the first paint on a slow phone while they
download. Deferred scripts still run in the order they are listed, before the
``DOMContentLoaded`` event they all wait for, so deferring them keeps their
order and their effect. A script that cannot be deferred (one still inline, or
one that ``security.py`` moved out of the page, which is named by a plain path)
runs as soon as it is read, so only the scripts listed after the last of those
are deferred: none of them can then run before a script it follows.

The search page is the exception: its template adds ``searchtools.js`` and the
search index as plain tags after these, and they call ``doctools.js`` at once.

A phone also pays for every request, and the site keeps each page to 12. So
Sphinx's three small scripts that every page loads one after another
(``documentation_options.js``, ``doctools.js``, ``sphinx_highlight.js``: its
settings, the keyboard shortcuts, the highlighting of searched words) are
loaded as one file, ``_static/sphinx-base.js``, written at the end of the
build from the three, in the same order (the search page keeps the three).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from sphinx.application import Sphinx

from hwc_selfcheck.core.files import atomic_write_text

NOT_ON = {"search"}  # pages whose template adds scripts of its own that need these at once
SPHINX_SCRIPTS = ("_static/documentation_options.js", "_static/doctools.js", "_static/sphinx_highlight.js")
JOINED = "_static/sphinx-base.js"


def _deferrable(script: Any) -> bool:
    attributes = getattr(script, "attributes", {})
    return bool(getattr(script, "filename", "")) and not attributes.get("body") and "async" not in attributes


def join_sphinx_scripts(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Sphinx's three scripts, when the page lists them one after another, become one: ``JOINED``."""
    if pagename in NOT_ON or "script_files" not in context:
        return
    scripts = list(context["script_files"])
    names = [str(getattr(script, "filename", "") or "") for script in scripts]
    for start in range(len(names) - len(SPHINX_SCRIPTS) + 1):
        if tuple(names[start:start + len(SPHINX_SCRIPTS)]) == SPHINX_SCRIPTS:
            first = scripts[start]
            joined = type(first)(JOINED, priority=first.priority, **first.attributes)
            context["script_files"] = scripts[:start] + [joined] + scripts[start + len(SPHINX_SCRIPTS):]
            return


def write_joined_scripts(app: Sphinx, exception: Optional[Exception]) -> None:
    """``JOINED`` from the three files as the build wrote them into ``_static`` (the first holds this build's settings)."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    parts = [(out / name).read_text(encoding="utf-8").rstrip() for name in SPHINX_SCRIPTS if (out / name).is_file()]
    if len(parts) == len(SPHINX_SCRIPTS):
        # Each one's own top-level names stay as they were: classic scripts share one global scope anyway.
        atomic_write_text(out / JOINED, "\n;\n".join(parts) + "\n")


def defer_scripts(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Every script file of the page after the last one that must run at once gets ``defer``."""
    if pagename in NOT_ON or "script_files" not in context:
        return
    scripts = list(context["script_files"])
    blocking = [n for n, script in enumerate(scripts) if not _deferrable(script)]
    start = blocking[-1] + 1 if blocking else 0
    for n in range(start, len(scripts)):
        script = scripts[n]
        if "defer" not in script.attributes:  # the asset objects are shared by every page: a deferred copy
            scripts[n] = type(script)(script.filename, priority=script.priority, **script.attributes, defer="defer")
    context["script_files"] = scripts


def setup_script_loading(app: Sphinx) -> None:
    """Called from the extension's setup: after assets.py drops the scripts a page does not use (900)
    and security.py moves inline ones to files (950)."""
    app.connect("html-page-context", join_sphinx_scripts, priority=955)
    app.connect("html-page-context", defer_scripts, priority=960)
    app.connect("build-finished", write_joined_scripts)
