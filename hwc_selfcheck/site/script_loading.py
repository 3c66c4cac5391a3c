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
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

NOT_ON = {"search"}  # pages whose template adds scripts of its own that need these at once


def _deferrable(script: Any) -> bool:
    attributes = getattr(script, "attributes", {})
    return bool(getattr(script, "filename", "")) and not attributes.get("body") and "async" not in attributes


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
    app.connect("html-page-context", defer_scripts, priority=960)
