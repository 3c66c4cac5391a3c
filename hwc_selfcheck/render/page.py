"""The frame every HTML report shares: one self-contained page from one template.

The supervision report, the checklists, the question sheet and the provider
and employer reports each have a template that extends ``templates/page.html``,
so they look and print the same (``templates/report.css``: A4 print rules,
tables that never break a word and scroll in their own box on a phone), load
nothing from anywhere else, and carry the same Content Security Policy.
"""

from __future__ import annotations

from typing import Optional

# A report holds its styles inline and its charts as data: PNG images. Nothing
# else may load or run: no script, no request, no form, no <base> that would
# send its links elsewhere (the policy's own meta element must come first).
REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def frame(title: str, meta: str, footer: str, heading: Optional[str] = None) -> dict[str, object]:
    """What ``page.html`` needs besides the body, for a report whose own template extends it.

    ``title``, ``heading``, ``meta`` and ``footer`` are plain text: the template escapes them.
    """
    return {"policy": REPORT_POLICY, "title": title, "heading": heading or title, "meta": meta, "footer": footer}
