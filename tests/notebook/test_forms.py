"""The notebook form saves atomically, merges areas and never loses a file."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from pathlib import Path

import nbformat

from hwc_selfcheck.assessment.examples import EXAMPLE_ONLY_ENV
from hwc_selfcheck.assessment.record import read_assessment
from hwc_selfcheck.core.tables import HtmlTable
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.notebook.forms import (
    RatingForm,
    area_table,
    items_for,
    load_for_plan,
    rating_anchor,
    static_form_html,
)

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def test_items_for_each_notebook(fw: Framework) -> None:
    assert [i.id for i in items_for(fw, area="professional")][-1] == "PC-10"
    assert len(items_for(fw, kind="general_capability")) == 16
    assert len(items_for(fw, kind="additional_model")) == 28


def test_static_form_has_an_anchor_per_item(fw: Framework) -> None:
    items = items_for(fw, area="group_work")
    html = static_form_html(items)
    assert all(f'id="{rating_anchor(i)}"' in html for i in items)
    assert rating_anchor(items[0]) == "rate-gw-01"


def test_form_saves_loads_and_merges(fw: Framework, tmp_path: Path) -> None:
    path = tmp_path / "me.json"
    prof = RatingForm(items_for(fw, area="professional"), path, fw)
    prof.pseudonym.value = "Kit"
    prof.rows["PC-01"]["level"].value = 2
    prof.rows["PC-01"]["evidence"].value = "planned"
    prof.rows["PC-01"]["note"].value = "Observed in March"
    prof.save(today=date(2026, 3, 1))
    comm = RatingForm(items_for(fw, area="communication_enabling"), path, fw)
    assert comm.pseudonym.value == "Kit"
    comm.rows["CE-03"]["level"].value = 4
    comm.save(today=date(2026, 3, 2))
    saved = read_assessment(path, fw)
    assert set(saved.ratings) == {"PC-01", "CE-03"}
    assert saved.ratings["PC-01"].note == "Observed in March"
    again = RatingForm(items_for(fw, area="professional"), path, fw)
    assert again.rows["PC-01"]["level"].value == 2 and again.rows["PC-02"]["level"].value is None
    assert "Saved 2 answers to" in comm.status.value


def test_unrating_an_item_removes_it(fw: Framework, tmp_path: Path) -> None:
    path = tmp_path / "me.json"
    form = RatingForm(items_for(fw, area="professional"), path, fw)
    form.rows["PC-01"]["level"].value = 2
    form.save(today=date(2026, 3, 1))
    form.rows["PC-01"]["level"].value = None
    form.save(today=date(2026, 3, 1))
    assert read_assessment(path, fw).ratings == {}


def test_broken_file_is_kept_aside_not_overwritten(fw: Framework, tmp_path: Path) -> None:
    path = tmp_path / "me.json"
    path.write_text('{"format": "hwc-selfcheck/assessment", "schema_version": 2, "pseud')
    form = RatingForm(items_for(fw, area="professional"), path, fw)
    assert form.problem and "not loaded" in form.status.value
    form.rows["PC-02"]["level"].value = 1
    form.save(today=date(2026, 3, 1))
    kept = [p for p in tmp_path.iterdir() if ".kept-" in p.name]
    assert len(kept) == 1 and kept[0].read_text().endswith('"pseud')
    assert set(read_assessment(path, fw).ratings) == {"PC-02"}


def test_form_bundle_has_widget_and_static_html(fw: Framework, tmp_path: Path) -> None:
    bundle = RatingForm(items_for(fw, area="group_work"), tmp_path / "x.json", fw)._repr_mimebundle_()
    assert WIDGET_VIEW in bundle and 'id="rate-gw-06"' in bundle["text/html"]


def test_tables_render_both_ways(fw: Framework) -> None:
    from hwc_selfcheck.assessment.examples import example_assessment

    table = area_table(fw, example_assessment(), items_for(fw, area="group_work"))
    assert isinstance(table, HtmlTable) and "not rated" in repr(table)
    assert table._repr_html_().startswith('<table class="hwc-table"><thead>')


def test_load_for_plan_uses_own_file_or_says_it_is_the_example(fw: Framework, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(EXAMPLE_ONLY_ENV, raising=False)
    record, previous, which = load_for_plan(tmp_path / "none.json", tmp_path / "none2.json", fw)
    assert record.pseudonym == "Sam (example)" and previous is not None and "fictional" in which
    own = tmp_path / "mine.json"
    form = RatingForm(items_for(fw, area="professional"), own, fw)
    form.pseudonym.value = "Kit"
    form.rows["PC-03"]["level"].value = 3
    form.save(today=date(2026, 3, 1))
    record, previous, which = load_for_plan(own, tmp_path / "none2.json", fw)
    assert record.pseudonym == "Kit" and previous is None and "your answers" in which
    monkeypatch.setenv(EXAMPLE_ONLY_ENV, "1")
    assert load_for_plan(own, tmp_path / "none2.json", fw)[0].pseudonym == "Sam (example)"


def test_only_live_widget_cells_ignore_their_output() -> None:
    offenders = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for n, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or "NBVAL_IGNORE_OUTPUT" not in cell.source:
                continue
            if not any(WIDGET_VIEW in out.get("data", {}) for out in cell.outputs):
                offenders.append(f"{path.name} cell {n}")
    assert not offenders, offenders
    in_book = set(re.findall(r"file: notebooks/([\w-]+)", (NOTEBOOKS.parent / "_toc.yml").read_text()))
    assert {p.stem for p in NOTEBOOKS.glob("*.ipynb")} == in_book, "every notebook is in _toc.yml, and only those"


def test_notebooks_store_no_widget_state_or_personal_files() -> None:
    for path in NOTEBOOKS.glob("*.ipynb"):
        nb = json.loads(path.read_text())
        assert "widgets" not in nb["metadata"], path.name
        assert nb["metadata"]["myst"]["html_meta"]["description"], path.name
    # What the repository holds, not what is on disk: a coach's own my-*.json beside the notebooks is theirs.
    tracked = subprocess.run(["git", "ls-files", "notebooks"], cwd=NOTEBOOKS.parent, capture_output=True, text=True)
    if tracked.returncode == 0:
        names = [Path(line).name for line in tracked.stdout.splitlines()]
        assert "conftest.py" in names and not [n for n in names if n.startswith("my-") and not n.endswith(".ipynb")]
