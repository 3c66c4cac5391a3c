"""The whole book as one PDF, printed by Chromium from the single-page build.

People in the NHS pass documents around as PDF files, so ``make pdf`` builds
the book once more with Sphinx's ``singlehtml`` builder (every page in one
HTML file, links between pages turned into links inside it) and prints that
page with the Chromium the browser tests already use. No second toolchain.

Before printing, :data:`PREPARE` reworks the page for paper, in the browser:

- a contents list after the title, from the book's own navigation, with a
  link to every chapter;
- the nine parts of the book become headings, with the chapters one level
  below them, so the PDF's bookmarks follow the table of contents
  (part, chapter, section);
- each part and chapter starts on a new page; cards, tables and figures are
  not split across pages (the site's print styles, plus :data:`PRINT_CSS`);
- the page's own scripts do not run, so the self-check adds no forms, and
  the notes that say a button needs JavaScript are left out;
- links inside the book stay links inside the PDF; links to the site's files
  (the data downloads) point to the published site when ``HWC_SITE_URL`` is
  known, and otherwise become plain text, never a path on the computer that
  made the PDF; "Show the answer" blocks are opened, as paper cannot open them.

Chromium then writes a tagged PDF (headings, lists, tables and links marked
up for screen readers), with bookmarks from the headings, page numbers in
the footer and the page's title and language.

Run ``python -m hwc_selfcheck.site.pdf SINGLEHTML_FOLDER OUT.pdf``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import Optional

from hwc_selfcheck.core.files import atomic_write_bytes
from hwc_selfcheck.core.wording import plural

from .publish import site_url

PDF_NAME = "hwc-selfcheck.pdf"
CHROMIUM_ENV = "HWC_CHROMIUM"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CHROMIUM_HELP = (
    "Chromium is needed to print the PDF. On Debian or Ubuntu: sudo apt-get install chromium "
    f"(make pdf does this itself when run as root), or set {CHROMIUM_ENV}=/path/to/chromium."
)

PRINT_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm; }
.hwc-pdf-part, .hwc-pdf-chapter { break-before: page; }
.hwc-pdf-contents ol { list-style: none; padding-left: 0; }
.hwc-pdf-contents ol ol { padding-left: 1.5rem; margin-bottom: 0.6rem; }
.hwc-pdf-contents > ol > li > span { font-weight: 600; }
.hwc-item, .hwc-card, .sd-card, .admonition, figure, table, tr, pre, .hwc-quiz { break-inside: avoid; }
h2, h3, h4, h5, h6 { break-after: avoid; }
p { orphans: 3; widows: 3; }
.hwc-statements, .hwc-noscript, .hwc-quiz-nojs, .hwc-quiz-check, .hwc-quiz-score { display: none !important; }
"""

# Runs in the page before printing, given the published site's address (or "") and PRINT_CSS.
# (Playwright's add_style_tag waits for the page's scripts, which are off, so the styles go in here.)
PREPARE = r"""
([site, css]) => {
  const style = document.createElement("style");
  style.textContent = css;
  document.head.appendChild(style);
  const article = document.querySelector("article[role=main]") || document.querySelector("article");
  const title = article.querySelector("h1");
  // The parts and chapters, from the navigation that the build wrote into the page.
  const parts = [];
  document.querySelectorAll(".sidebar-tree p.caption").forEach((caption) => {
    const list = caption.nextElementSibling;
    const chapters = list ? [...list.querySelectorAll(":scope > li > a[href^='#document-']")] : [];
    parts.push({ title: caption.textContent.trim(), chapters: chapters.map((a) => ({ href: a.getAttribute("href"), title: a.textContent.trim() })) });
  });
  // A contents list after the title.
  const nav = document.createElement("nav");
  nav.className = "hwc-pdf-contents";
  nav.setAttribute("aria-labelledby", "hwc-pdf-contents");
  nav.innerHTML = '<h2 id="hwc-pdf-contents">Contents</h2>';
  const top = document.createElement("ol");
  parts.forEach((part) => {
    const li = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = part.title;
    const sub = document.createElement("ol");
    part.chapters.forEach((ch) => {
      const item = document.createElement("li");
      const a = document.createElement("a");
      a.href = ch.href;
      a.textContent = ch.title;
      item.appendChild(a);
      sub.appendChild(item);
    });
    li.append(name, sub);
    top.appendChild(li);
  });
  nav.appendChild(top);
  title.insertAdjacentElement("afterend", nav);
  // Parts become headings, and the chapters' headings move one level down.
  const marks = [];
  parts.forEach((part, n) => {
    part.chapters.forEach((ch, i) => {
      const span = document.getElementById(ch.href.slice(1));
      if (!span) return;
      const section = span.nextElementSibling;
      if (section) section.classList.add("hwc-pdf-chapter");
      if (i === 0) {
        const h = document.createElement("h2");
        h.className = "hwc-pdf-part";
        h.id = "hwc-pdf-part-" + (n + 1);
        h.textContent = part.title;
        span.parentNode.insertBefore(h, span);
        if (section) section.classList.remove("hwc-pdf-chapter");
        marks.push(h);
      }
    });
  });
  if (marks.length) {
    const walker = [...article.querySelectorAll("h2, h3, h4, h5")];
    walker.forEach((h) => {
      if (h.classList.contains("hwc-pdf-part")) return;
      if (!(marks[0].compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING)) return;
      const lower = document.createElement("h" + (Number(h.tagName[1]) + 1));
      [...h.attributes].forEach((attr) => lower.setAttribute(attr.name, attr.value));
      while (h.firstChild) lower.appendChild(h.firstChild);
      h.replaceWith(lower);
    });
  }
  // Links: inside the book stay inside the PDF; the site's files go to the site, or become text.
  const here = location.pathname.split("/").pop();
  document.querySelectorAll("a[href]").forEach((a) => {
    const href = a.getAttribute("href");
    if (href.startsWith(here + "#")) { a.setAttribute("href", href.slice(here.length)); return; }
    if (href.startsWith("#") || /^(https?|mailto):/.test(href)) return;
    if (site) { a.setAttribute("href", new URL(href, site).href); return; }
    const text = document.createElement("span");
    while (a.firstChild) text.appendChild(a.firstChild);
    a.replaceWith(text);
  });
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  return { parts: parts.length, chapters: parts.reduce((sum, p) => sum + p.chapters.length, 0) };
}
"""

FOOTER = ('<div style="font-size:8pt;width:100%;text-align:center;color:#333">'
          'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>')
HEADER = ('<div style="font-size:8pt;width:100%;text-align:center;color:#333">'
          '<span class="title"></span></div>')


def find_chromium() -> Optional[str]:
    """Debian's chromium (or ``HWC_CHROMIUM``); Playwright's own browser download cannot work here."""
    for candidate in (os.environ.get(CHROMIUM_ENV), "chromium", "chromium-browser", "google-chrome"):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


def start_page(folder: Path) -> Path:
    """The single page of a ``singlehtml`` build: the root document (``index.html`` is only a redirect)."""
    pages = [p for p in folder.glob("*.html") if p.name not in {"index.html", "genindex.html", "search.html"}]
    if len(pages) != 1:
        raise ValueError(f"{folder}: expected the one page of a singlehtml build, found {plural(len(pages), 'page')}")
    return pages[0]


def print_book(folder: Path, out: Path, chromium: str, site: str = "") -> dict[str, int]:
    """Print the single-page build in ``folder`` to ``out``; returns how many parts and chapters it found."""
    from playwright.sync_api import sync_playwright

    page_path = start_page(folder)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            # The page's own scripts stay off: they add the self-check's forms, which paper cannot use.
            page = browser.new_context(java_script_enabled=False).new_page()
            page.goto(page_path.resolve().as_uri(), wait_until="load")
            found = page.evaluate(PREPARE, [site, PRINT_CSS])
            data = page.pdf(format="A4", print_background=True, tagged=True, outline=True,
                            display_header_footer=True, header_template=HEADER, footer_template=FOOTER,
                            margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
        finally:
            browser.close()
    atomic_write_bytes(out, data)
    return found


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hwc_selfcheck.site.pdf", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the singlehtml build, e.g. _build/singlehtml")
    parser.add_argument("out", type=Path, help=f"where to write the PDF, e.g. _build/pdf/{PDF_NAME}")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print(f"error: {CHROMIUM_HELP}", file=sys.stderr)
        return 2
    try:
        found = print_book(args.folder, args.out, chromium, site_url())
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"Wrote {args.out} ({found['parts']} parts, {found['chapters']} chapters).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
