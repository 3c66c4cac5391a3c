"""Shared fixtures: the framework, the source documents and a built book."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.configuration import set_hypothesis_home_dir

from hwc_selfcheck.framework.loader import DATA_DIR, Framework, load_framework
from hwc_selfcheck.site.pdf import CHROMIUM_ARGS, PDF_NAME, find_chromium

# Property-based tests (hypothesis): nothing in the working tree (tests write to temporary folders only: its
# cache goes to the system's temporary folder, and it keeps no example database), no time limit per example on a
# busy machine, and in CI the same examples every run.
set_hypothesis_home_dir(os.path.join(tempfile.gettempdir(), "hwc-selfcheck-hypothesis"))
settings.register_profile("hwc", database=None, deadline=None, derandomize=bool(os.environ.get("CI")),
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("hwc")

REPO = Path(__file__).resolve().parents[1]
SOURCES = Path(os.environ.get("HWC_SOURCES", REPO.parent / "shared" / "sources"))
FRAMEWORK_TXT = SOURCES / "hwc-workforce-development-framework.txt"


@pytest.fixture(scope="session")
def fw() -> Framework:
    return load_framework()


@pytest.fixture(scope="session")
def source_lines() -> list[str]:
    """The framework's text, one line per paragraph; CI always has it beside the repo."""
    if not FRAMEWORK_TXT.exists():
        if os.environ.get("CI"):
            pytest.fail(f"source document missing in CI: {FRAMEWORK_TXT}")
        pytest.skip(f"source document not found at {FRAMEWORK_TXT} (set HWC_SOURCES)")
    return FRAMEWORK_TXT.read_text(encoding="utf-8").splitlines()


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the data folder that a test may break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def built_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the book once, strictly (-W -n), and return the HTML folder."""
    out = tmp_path_factory.mktemp("book")
    jb = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jb), "build", str(REPO), "-W", "-n", "--keep-going", "--path-output", str(out)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail("the book build failed or warned:\n" + result.stdout[-6000:] + result.stderr[-3000:])
    return out / "_build" / "html"


# --- a real browser ------------------------------------------------------------

CHROMIUM_HELP = (
    "Browser tests need Chromium. On Debian or Ubuntu: sudo apt-get install chromium "
    "(make test does this itself when run as root), or set HWC_CHROMIUM=/path/to/chromium."
)


def chromium_or_skip() -> str:
    """Debian's Chromium; in CI a missing browser fails, elsewhere it skips."""
    exe = find_chromium()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail(CHROMIUM_HELP)
        pytest.skip(CHROMIUM_HELP)
    return exe


@pytest.fixture(scope="session")
def site_url(built_book: Path):
    """The built book served on 127.0.0.1 (a free port), for the browser tests."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(built_book)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; in CI a missing browser fails, elsewhere it skips."""
    exe = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# Reports every Content Security Policy violation in a page to the test, from
# before the page's own first script runs, on every page the context opens.
VIOLATION_RECORDER = """
document.addEventListener("securitypolicyviolation", (e) => window.hwcPolicyViolation({
  page: location.href, directive: e.effectiveDirective, blocked: e.blockedURI,
  source: e.sourceFile, line: e.lineNumber, sample: e.sample,
}), true);
"""


def record_policy_violations(context) -> list[dict]:  # type: ignore[no-untyped-def]
    """Every ``securitypolicyviolation`` event in any page of ``context``, appended as it happens."""
    seen: list[dict] = []

    def report(violation: dict) -> None:
        seen.append(violation)

    context.expose_function("hwcPolicyViolation", report)
    context.add_init_script(VIOLATION_RECORDER)
    return seen


@pytest.fixture(scope="session")
def book_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF edition, made once as `make pdf` makes it: a strict single-page build, printed by Chromium.

    The printing runs as its own process, as in `make pdf` (and because Playwright's
    synchronous API cannot start inside the session's own browser).
    """
    chromium_or_skip()
    out = tmp_path_factory.mktemp("pdf")
    jb = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jb), "build", str(REPO), "--builder", "singlehtml", "-W", "-n", "--keep-going", "--path-output", str(out)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail("the single-page build failed or warned:\n" + result.stdout[-6000:] + result.stderr[-3000:])
    pdf = out / PDF_NAME
    result = subprocess.run([sys.executable, "-m", "hwc_selfcheck.site.pdf", str(out / "_build" / "singlehtml"), str(pdf)],
                            capture_output=True, text=True)
    if result.returncode != 0 or "Wrote" not in result.stderr:
        pytest.fail("printing the PDF failed:\n" + result.stdout[-3000:] + result.stderr[-3000:])
    return pdf


@pytest.fixture()
def page(browser, site_url: str):
    """A fresh browser profile that may only talk to the local site, and in which the
    site's Content Security Policy must never have to refuse anything."""
    context = browser.new_context(viewport={"width": 1024, "height": 900}, accept_downloads=True)
    violations = record_policy_violations(context)
    blocked: list[str] = []

    def guard(route) -> None:  # type: ignore[no-untyped-def]
        url = route.request.url
        if url.startswith(site_url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    tab.blocked = blocked  # type: ignore[attr-defined]
    tab.policy_violations = violations  # type: ignore[attr-defined]
    yield tab
    if not tab.is_closed():
        tab.evaluate("0")  # a round trip, so violations reported just before arrive first
    context.close()
    assert not blocked, f"the page tried to load from other hosts: {blocked}"
    assert not violations, f"the Content Security Policy refused: {violations}"
