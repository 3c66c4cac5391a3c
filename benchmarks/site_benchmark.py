"""Measure the built site against the quality budgets, and print one table.

Run by hand (it is not a test): ``make benchmark``. It

1. times a clean build of the book and a rebuild with nothing changed;
2. serves the result gzip-compressed on 127.0.0.1, as a static host would;
3. loads every page in headless Chromium (Debian's) and records each page's
   requests and total compressed bytes, and any request to another host;
4. runs Lighthouse 12 (mobile profile, simulated throttling) three times on
   each of five pages (home, a competency page, a notebook page, My
   self-assessment, the boundaries page) and reports the median of each of its
   four category scores, with the machine's load average (/proc/loadavg)
   before and after, since a busy machine lowers the performance score.

Budgets (README, "Site quality"): every page at most 100 KB compressed in at
most 12 requests, nothing from other hosts; Lighthouse performance 98+,
accessibility, best practices and SEO 100 (medians of three runs); clean
build under 60 s, no-change rebuild under 5 s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LIGHTHOUSE_PAGES = ["intro.html", "book/framework/professional.html", "notebooks/my-development-plan.html",
                    "book/self-assessment/my-self-assessment.html", "book/role/boundaries.html"]
LIGHTHOUSE_RUNS = 3
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")
BUDGET_BYTES, BUDGET_REQUESTS = 100 * 1024, 12


class GzipHandler(SimpleHTTPRequestHandler):
    """Serve files gzip-compressed when the client accepts it, like a static host."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)


def timed_builds(out: Path) -> tuple[float, float]:
    cmd = [str(BIN / "jupyter-book"), "build", str(REPO), "-W", "-n", "--keep-going", "--path-output", str(out)]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    clean = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return clean, time.perf_counter() - start


def compressed_size(html: Path, url_path: str) -> int:
    local = html / url_path.lstrip("/").split("?")[0]
    if local.is_dir():
        local = local / "index.html"
    if not local.is_file():
        return 0
    data = local.read_bytes()
    return len(gzip.compress(data, 6)) if local.suffix in COMPRESSIBLE else len(data)


def measure_pages(html: Path, base: str, chromium: str) -> list[tuple[str, int, int, list[str]]]:
    from urllib.parse import urlsplit

    from playwright.sync_api import sync_playwright

    rows = []
    pages = sorted(str(p.relative_to(html)) for p in html.rglob("*.html") if "_static" not in p.parts)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu",
                                     "--disable-background-networking", "--disable-component-update", "--no-first-run"])
        for rel in pages:
            context = browser.new_context()
            seen: list[str] = []
            context.on("request", lambda request: seen.append(request.url))
            page = context.new_page()
            page.goto(f"{base}/{rel}", wait_until="networkidle")
            local = [u for u in seen if u.startswith(base)]
            foreign = [u for u in seen if not u.startswith((base, "data:", "blob:"))]
            size = sum(compressed_size(html, urlsplit(u).path) for u in local)
            rows.append((rel, len(local), size, foreign))
            context.close()
        browser.close()
    return rows


def load_average() -> str:
    """The machine's 1-minute load average, from /proc/loadavg (Linux), or "unknown"."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "unknown"


def lighthouse(base: str, chromium: str) -> dict[str, dict[str, object]]:
    """Median of LIGHTHOUSE_RUNS runs per page and category, with every run's performance score and the load seen."""
    tool = REPO / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
    if not tool.exists():
        # `npm install` (not `npm ci`, which npm 11 refuses for this lock file) still follows package-lock.json.
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(REPO / "benchmarks")], check=True, capture_output=True)
    results: dict[str, dict[str, object]] = {}
    for rel in LIGHTHOUSE_PAGES:
        runs, speeds, loads = [], [], [load_average()]
        for _ in range(LIGHTHOUSE_RUNS):
            with tempfile.NamedTemporaryFile(suffix=".json") as report:
                subprocess.run(
                    [str(tool), f"{base}/{rel}", "--output=json", f"--output-path={report.name}", "--quiet",
                     "--form-factor=mobile", "--only-categories=performance,accessibility,best-practices,seo",
                     "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"],
                    check=True, capture_output=True, env={**os.environ, "CHROME_PATH": chromium},
                )
                result = json.loads(Path(report.name).read_text())
            runs.append({k: round(v["score"] * 100) for k, v in result["categories"].items()})
            speeds.append(result["environment"]["benchmarkIndex"])
            loads.append(load_average())
        results[rel] = {
            "median": {k: int(statistics.median(run[k] for run in runs)) for k in runs[0]},
            "performance runs": [run["performance"] for run in runs],
            "load": loads,
            # Lighthouse's own measure of how fast the machine ran during the test (higher is faster)
            "benchmark index": int(statistics.median(speeds)),
        }
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (15 runs: several minutes)")
    args = parser.parse_args()
    chromium = os.environ.get("HWC_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("Needs Chromium: sudo apt-get install chromium (or set HWC_CHROMIUM).", file=sys.stderr)
        return 2
    load_at_start = load_average()
    with tempfile.TemporaryDirectory() as tmp:
        clean, again = timed_builds(Path(tmp))
        html = Path(tmp) / "_build" / "html"
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(html)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        rows = measure_pages(html, base, chromium)
        scores = {} if args.no_lighthouse else lighthouse(base, chromium)
        server.shutdown()

    heaviest = max(rows, key=lambda r: r[2])
    most = max(rows, key=lambda r: r[1])
    over = [r for r in rows if r[2] > BUDGET_BYTES or r[1] > BUDGET_REQUESTS]
    foreign = sorted({u for r in rows for u in r[3]})
    table = [
        ("Machine", f"{os.cpu_count()} cores, load average (1 min) {load_at_start} at the start", ""),
        ("Clean build (make book)", f"{clean:.1f} s", "< 60 s"),
        ("Rebuild, nothing changed", f"{again:.1f} s", "< 5 s"),
        ("Pages measured", str(len(rows)), ""),
        ("Heaviest page (gzip)", f"{heaviest[2] / 1024:.1f} KB  {heaviest[0]}", "<= 100 KB"),
        ("Most requests", f"{most[1]}  {most[0]}", "<= 12"),
        ("Median page (gzip)", f"{sorted(r[2] for r in rows)[len(rows) // 2] / 1024:.1f} KB", ""),
        ("Pages over budget", str(len(over)), "0"),
        ("Requests to other hosts", str(len(foreign)), "0"),
    ]
    for rel, found in scores.items():
        median = "  ".join(f"{k} {v}" for k, v in found["median"].items())  # type: ignore[union-attr]
        table.append((f"Lighthouse {rel}", f"{median}  (perf runs {found['performance runs']})", "perf 98+, others 100"))
        table.append(("  machine load (1 min) before, after each run", " ".join(found["load"])  # type: ignore[arg-type]
                      + f"; Lighthouse benchmark index {found['benchmark index']}", ""))
    width = max(len(r[0]) for r in table)
    print(f"{'Measure'.ljust(width)}  {'Result':<60} Budget")
    for name, value, budget in table:
        print(f"{name.ljust(width)}  {value:<60} {budget}")
    for r in over:
        print(f"  over budget: {r[0]}: {r[2] / 1024:.1f} KB in {r[1]} requests")
    for u in foreign:
        print(f"  other host: {u}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
