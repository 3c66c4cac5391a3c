"""Waiting for a page without ``page.wait_for_function``.

Under the site's Content Security Policy (no ``'unsafe-eval'``), Playwright's
in-page polling of a string predicate can be refused, so a test would wait for
nothing. ``page.evaluate`` runs through the browser's debugging protocol, which
the policy does not govern, so these waits poll it from Python instead.
"""

from __future__ import annotations

import time
from typing import Any


def wait_until(page: Any, expression: str, arg: Any = None, timeout: float = 30.0) -> Any:
    """Poll ``expression`` (a JS expression, or a function of ``arg``) until it is truthy; fail after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression, arg)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for: {expression}")
        page.wait_for_timeout(100)
