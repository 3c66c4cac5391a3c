"""The framework as open data: files made at build time into the site's ``data/`` folder.

Nothing is typed twice: the JSON and CSV come from :mod:`hwc_selfcheck.export`,
the CASE package from :mod:`hwc_selfcheck.case_export`, the Moodle file from
:mod:`hwc_selfcheck.framework.moodle_export` and the schemas from
the record formats themselves, so the files always match the book.

Pages use:

- ``{hwc-download}`hwc-framework.json``` (or ``{hwc-download}`the CSV <hwc-framework.csv>```):
  a link to one file; an unknown file name is a build warning, so ``-W`` fails;
- ``{hwc-downloads}``: a table of every file with what it holds.

The PDF edition of the book is made by ``make pdf`` with a browser, which
``make book`` does without. So the site offers it only when the build is
told where it is: ``HWC_PDF=_build/pdf/hwc-selfcheck.pdf make book`` (the
publishing workflow does this). The file is then copied into ``data/`` and
listed with the others; a path to a missing file fails the build.
"""

from __future__ import annotations

import json
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional, Union

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import ReferenceRole, SphinxDirective

from hwc_selfcheck.core.files import atomic_write_bytes, atomic_write_text
from hwc_selfcheck.framework.case_export import framework_as_case_json
from hwc_selfcheck.framework.export import framework_as_csv, framework_as_json
from hwc_selfcheck.framework.loader import DATA_DIR, Framework, load_framework
from hwc_selfcheck.framework.moodle_export import framework_as_moodle_csv
from hwc_selfcheck.records.validate import record_schemas

from .pdf import PDF_NAME

logger = logging.getLogger(__name__)
FOLDER = "data"  # under the site's root
PDF_ENV = "HWC_PDF"  # where `make pdf` wrote the PDF edition, to offer it with the other files


@dataclass(frozen=True)
class Download:
    name: str  # the path under FOLDER
    holds: str  # what the file holds, in plain words
    make: Callable[[Framework], Union[str, bytes]]


def _schema_maker(schema: Callable[[], dict[str, Any]]) -> Callable[[Framework], str]:
    return lambda _fw: json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


def pdf_edition(config: Any) -> Optional[Path]:
    """The PDF edition this build offers (``hwc_pdf``, from ``HWC_PDF``), if any."""
    return Path(config.hwc_pdf) if config.hwc_pdf else None


def downloads(pdf: Optional[Path] = None) -> list[Download]:
    """Every file the site offers, in the order the downloads table lists them."""
    files = []
    if pdf is not None:
        files.append(Download(PDF_NAME, "The whole book as one PDF file, to read, print or pass on: tagged for "
                              "screen readers, with bookmarks, page numbers and links (PDF).", lambda _fw: pdf.read_bytes()))
    files += [
        Download("hwc-framework.json", "The whole framework: items, areas, tiers, supervision, sessions and the "
                 "vocabulary of how items are gained and evidenced (JSON).", framework_as_json),
        Download("hwc-framework.csv", "One row per item, for a spreadsheet (CSV).", framework_as_csv),
        Download("hwc-framework.case.json", "The areas and items as a 1EdTech CASE 1.0 package, for learning "
                 "and course-management systems (JSON).", framework_as_case_json),
        Download("hwc-framework.moodle.csv", "The areas and items as a Moodle competency framework, with the "
                 "rating scale, for Moodle's \"Import competency framework\" tool (CSV).", framework_as_moodle_csv),
    ]
    for name, (holds, schema) in record_schemas().items():
        files.append(Download(f"schemas/{name}.schema.json", f"JSON Schema of {holds[0].lower()}{holds[1:]}", _schema_maker(schema)))
    return files


def write_downloads(app: Sphinx, exception: Optional[Exception]) -> None:
    """Write every file into the built site, each atomically, after a successful HTML build."""
    if exception is not None or app.builder.format != "html":
        return
    fw = load_framework()
    for download in downloads(pdf_edition(app.config)):
        made = download.make(fw)
        target = Path(app.outdir) / FOLDER / download.name
        if isinstance(made, bytes):
            atomic_write_bytes(target, made)
        else:
            atomic_write_text(target, made)


def _read_pdf_setting(app: Sphinx, config: Any) -> None:
    wanted = os.environ.get(PDF_ENV, "").strip()
    config.hwc_pdf = str(Path(wanted).resolve()) if wanted and Path(wanted).is_file() else ""
    if wanted and not config.hwc_pdf:
        logger.warning("%s=%s: there is no PDF there; run 'make pdf' first, or unset %s", PDF_ENV, wanted, PDF_ENV)


class DownloadRole(ReferenceRole):
    """``{hwc-download}`NAME``` links to a file made by :func:`write_downloads`."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        offered = downloads(pdf_edition(self.config))
        if self.target not in {d.name for d in offered}:
            known = ", ".join(d.name for d in offered)
            logger.warning("unknown download %r; the files are: %s", self.target, known, location=self.get_location())
            return [nodes.literal(self.rawtext, self.title)], []
        ref = nodes.reference(self.rawtext, "", nodes.literal(self.title, self.title), internal=True)
        ref["hwc_download"] = self.target
        return [ref], []


def resolve_download_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Point each download link at the file, relative to the page (the builder knows how URLs look)."""
    page_folder = posixpath.dirname(app.builder.get_target_uri(docname))
    for ref in doctree.findall(nodes.reference):
        name = ref.get("hwc_download")
        if name:
            ref["refuri"] = posixpath.relpath(f"{FOLDER}/{name}", page_folder or ".")


class DownloadsDirective(SphinxDirective):
    """``{hwc-downloads}``: every file with what it holds."""

    def run(self) -> list[nodes.Node]:
        for path in sorted(DATA_DIR.rglob("*.yml")):
            self.env.note_dependency(str(path))
        lines = ["```{list-table}", ":header-rows: 1", "", "* - File", "  - What it holds"]
        for d in downloads(pdf_edition(self.config)):
            lines += [f"* - {{hwc-download}}`{d.name}`", f"  - {d.holds}"]
        lines.append("```")
        container = nodes.container(classes=["hwc-downloads"])
        self.state.nested_parse(StringList(lines, source=self.get_source_info()[0]), self.content_offset, container)
        return [container]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("hwc_pdf", "", "env", [str])  # set from HWC_PDF; a change re-reads every page
    app.connect("config-inited", _read_pdf_setting)
    app.add_role("hwc-download", DownloadRole())
    app.add_directive("hwc-downloads", DownloadsDirective)
    app.connect("doctree-resolved", resolve_download_links)
    app.connect("build-finished", write_downloads)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
