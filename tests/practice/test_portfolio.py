"""Portfolio coverage in the framework's own evidence terms, and its place in the development plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hwc_selfcheck.assessment.analysis import development_plan
from hwc_selfcheck.assessment.examples import example_assessment, example_path, example_previous
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.framework.loader import Framework, load_framework_from
from hwc_selfcheck.notebook.forms import plan_table
from hwc_selfcheck.practice.portfolio import (
    PortfolioEntry,
    coverage_as_dict,
    coverage_summary,
    coverage_table,
    coverage_text,
    evidence_coverage,
    items_for_tier,
    read_portfolio,
)
from hwc_selfcheck.render.assessment_report import build_report, render_markdown


def entry(kind: str, *items: str) -> PortfolioEntry:
    return PortfolioEntry(2, date(2026, 1, 5), kind, items)


def test_every_kind_of_evidence_a_coach_needs_has_an_entry_type(fw: Framework) -> None:
    reachable = {t for e in fw.vocabulary.portfolio_entry_types.values() for t in e.evidences} | {"portfolio"}
    needed = {t for i in fw.items if i.kind != "supervisor_standard" for t in i.evidenced_by}
    assert needed <= reachable, needed - reachable


def test_an_entry_type_must_map_onto_known_evidence_terms(data_copy: Path) -> None:
    path = data_copy / "vocabulary.yml"
    path.write_text(path.read_text().replace("evidences: [client_feedback]", "evidences: [client_feedbak]"))
    with pytest.raises(InputError, match="portfolio_entry_types.client_feedback.evidences: unknown"):
        load_framework_from(data_copy)


def test_coverage_lists_present_and_missing_in_the_items_order(fw: Framework) -> None:
    coverage = evidence_coverage(fw, [entry("recorded_session", "PC-02"), entry("client_feedback", "PC-02")],
                                 [fw.get("PC-02"), fw.get("PC-09")])
    pc02, pc09 = coverage["PC-02"], coverage["PC-09"]
    assert pc02.present == ("observed_practice",) and pc02.entries == 2
    assert pc02.missing == ("line_management_supervision", "health_coaching_supervision")  # feedback is not asked for
    assert (pc09.present, pc09.state) == ((), "none yet")


def test_any_linked_entry_counts_as_recorded_in_the_portfolio(fw: Framework) -> None:
    coverage = evidence_coverage(fw, [entry("certificate", "GC-01")], [fw.get("GC-01"), fw.get("GC-02")])
    assert coverage["GC-01"].state == "complete" and coverage["GC-02"].missing == ("portfolio",)


def test_health_coaching_supervision_also_fills_the_supervision_log(fw: Framework) -> None:
    assert evidence_coverage(fw, [entry("health_coaching_supervision", "PC-05")], [fw.get("PC-05")])["PC-05"].state == "complete"


def test_the_example_portfolio(fw: Framework) -> None:
    entries = read_portfolio(example_path("sam-portfolio.csv"), fw)
    coverage = evidence_coverage(fw, entries, items_for_tier(fw, 1))
    assert len(coverage) == 48
    assert coverage_summary(coverage) == ("Of 48 items, 10 have every kind of evidence the framework expects, "
                                          "15 have some, and 23 have none yet.")


def test_the_coverage_summary_reads_right_for_one_item_and_for_many(fw: Framework) -> None:
    one = evidence_coverage(fw, [entry("certificate", "GC-01")], [fw.get("GC-01")])
    assert coverage_summary(one) == ("Of 1 item, 1 has every kind of evidence the framework expects, 0 have some, "
                                     "and 0 have none yet.")
    three = evidence_coverage(fw, [entry("certificate", "GC-01")], [fw.get("GC-01"), fw.get("GC-02"), fw.get("PC-01")])
    assert coverage_summary(three) == ("Of 3 items, 1 has every kind of evidence the framework expects, 0 have some, "
                                       "and 2 have none yet.")


def test_the_plan_shows_the_portfolio_only_when_given_one(fw: Framework) -> None:
    record = example_assessment()
    coverage = evidence_coverage(fw, read_portfolio(example_path("sam-portfolio.csv"), fw))
    plain, with_portfolio = development_plan(fw, record), development_plan(fw, record, coverage=coverage)
    assert [p.gap.item.id for p in plain] == [p.gap.item.id for p in with_portfolio]
    assert all(p.in_portfolio is None for p in plain)
    pc04 = next(p for p in with_portfolio if p.gap.item.id == "PC-04")
    assert pc04.in_portfolio == ["Reflective journal"] and "Facilitated peer groups" in pc04.to_collect
    assert plan_table(fw, record).header[-1] == "Next step"
    assert plan_table(fw, record, coverage=coverage).header[-2:] == ["In your portfolio", "Still to collect"]


def test_the_report_gains_two_columns_with_a_portfolio(fw: Framework) -> None:
    coverage = evidence_coverage(fw, read_portfolio(example_path("sam-portfolio.csv"), fw))
    plain = render_markdown(build_report(fw, example_assessment(), example_previous(), charts=False))
    shown = render_markdown(build_report(fw, example_assessment(), example_previous(), charts=False, coverage=coverage))
    assert "In your portfolio" not in plain
    assert "| Next step | In your portfolio | Still to collect |" in shown
    assert "| PC-04 Reflective practice |" in shown and "| Reflective journal | Line management supervision;" in shown


@pytest.mark.parametrize("row, where, words", [
    ("2026-01-05,reflective_journal,PC-11,", "row 2, column items", "'PC-11' is not an item ID of the framework; did you mean"),
    ("2026-01-05,supervision,PC-05,", "row 2, column type", "does not say which kind"),
    ("2026-01-05,selfie,PC-05,", "row 2, column type", "is not one of"),
    ("2026-13-05,certificate,GC-01,", "row 2, column date", "is not a date"),
])
def test_bad_portfolios(fw: Framework, tmp_path: Path, row: str, where: str, words: str) -> None:
    path = tmp_path / "portfolio.csv"
    path.write_text(f"date,type,items,note\n{row}\n")
    with pytest.raises(InputError) as caught:
        read_portfolio(path, fw)
    assert caught.value.where == where and words in caught.value.problem


def test_item_ids_are_forgiving(fw: Framework, tmp_path: Path) -> None:
    path = tmp_path / "portfolio.csv"
    path.write_text("date,type,items\n2026-01-05,client_feedback,\"pc9, gw 2; PC-09\"\n")
    assert read_portfolio(path, fw)[0].items == ("PC-09", "GW-02")


def test_ids_separated_by_spaces(fw: Framework, tmp_path: Path) -> None:
    path = tmp_path / "portfolio.csv"
    path.write_text("date,type,items\n2026-01-05,client_feedback,PC-09 GW-02\n")
    assert read_portfolio(path, fw)[0].items == ("PC-09", "GW-02")


def test_coverage_as_dict_keeps_the_item_order_and_the_summary(fw: Framework) -> None:
    coverage = evidence_coverage(fw, [entry("client_feedback", "PC-09")], items_for_tier(fw, 1))
    shown = coverage_as_dict(coverage)
    assert shown["summary"] == coverage_summary(coverage)
    assert [i["id"] for i in shown["items"]] == list(coverage)
    pc09 = next(i for i in shown["items"] if i["id"] == "PC-09")
    assert "client_feedback" in pc09["present"] and pc09["entries"] == 1 and pc09["state"] == "partly"
    assert pc09 == {"id": "PC-09", "present": list(coverage["PC-09"].present), "missing": list(coverage["PC-09"].missing),
                    "entries": 1, "state": "partly"}


def three_items(fw: Framework):  # type: ignore[no-untyped-def]
    entries = [entry("recorded_session", "PC-02"), PortfolioEntry(3, date(2026, 1, 6), "certificate", ("GC-01", "PC-02"))]
    return evidence_coverage(fw, entries, [fw.get("PC-02"), fw.get("GC-01"), fw.get("PC-09")])


OBSERVED = "Observed practice (in person or a recording made with the client's permission)"


def test_the_coverage_table_shows_each_item_with_what_is_held_and_what_is_missing(fw: Framework) -> None:
    table = coverage_table(fw, three_items(fw))
    assert table.header == ["ID", "Item", "Entries", "In your portfolio", "Still to collect"]
    assert table.rows == [
        ["PC-02", "Working within the remit", "2", OBSERVED, "Line management supervision; Health coaching supervision"],
        ["GC-01", "Safeguarding children and adults", "1", "Portfolio of evidence", "—"],
        ["PC-09", "Purpose of the coaching relationship", "0", "—",
         f"{OBSERVED}; Health coaching supervision; Client feedback and evaluation"]]
    assert [row[0] for row in coverage_table(fw, three_items(fw), only_gaps=True).rows] == ["PC-02", "PC-09"]
    assert [c.state for c in three_items(fw).values()] == ["partly", "complete", "none yet"]


def test_coverage_text_gives_each_item_a_short_wrapped_paragraph(fw: Framework) -> None:
    assert coverage_text(fw, three_items(fw)) == (
        "PC-02 Working within the remit (2 entries)\n"
        "  in your portfolio: Observed practice (in person or a recording made with the client's\n"
        "    permission)\n"
        "  still to collect: Line management supervision; Health coaching supervision\n"
        "GC-01 Safeguarding children and adults (1 entry)\n"
        "  in your portfolio: Portfolio of evidence\n"
        "PC-09 Purpose of the coaching relationship (0 entries)\n"
        "  in your portfolio: nothing yet\n"
        "  still to collect: Observed practice (in person or a recording made with the client's\n"
        "    permission); Health coaching supervision; Client feedback and evaluation")
    narrow = coverage_text(fw, three_items(fw), only_gaps=True, width=40).splitlines()
    assert narrow[:3] == ["PC-02 Working within the remit (2 entries)", "  in your portfolio: Observed practice",
                          "    (in person or a recording made with"]
    assert "GC-01" not in "\n".join(narrow) and max(len(line) for line in narrow if line.startswith(" ")) <= 40


def test_items_for_a_tier_leave_out_the_supervisor_standards(fw: Framework) -> None:
    assert len(items_for_tier(fw, None)) == len(items_for_tier(fw, 2)) == 82 and len(items_for_tier(fw, 1)) == 48
    assert all(i.kind != "supervisor_standard" for i in items_for_tier(fw, 4))
    assert list(evidence_coverage(fw, [])) == [i.id for i in items_for_tier(fw, None)]


def test_a_portfolio_row_is_read_in_full(fw: Framework, tmp_path: Path) -> None:
    path = tmp_path / "portfolio.csv"
    path.write_text("date,type,items,note,where_kept\n"
                    "2026-01-05,Client feedback,\"PC-09; PC-09\",Card from a client,Team drive: feedback\n")
    assert read_portfolio(path, fw, today=date(2026, 1, 5)) == [
        PortfolioEntry(2, date(2026, 1, 5), "client_feedback", ("PC-09",), "Card from a client", "Team drive: feedback")]
    with pytest.raises(InputError, match="in the future"):
        read_portfolio(path, fw, today=date(2026, 1, 4))


def test_a_row_may_name_no_items(fw: Framework, tmp_path: Path) -> None:
    path = tmp_path / "portfolio.csv"
    path.write_text("date,type,items\n2026-01-05,reflective_journal,\n")
    assert read_portfolio(path, fw, today=date(2026, 1, 5))[0].items == ()


@pytest.mark.parametrize("row, problem", [
    ("2026-01-05,supervision,PC-05", "'supervision' does not say which kind; use line_management_supervision, "
                                     "clinical_supervision, health_coaching_supervision"),
    ("2026-01-05,certificate,ZZ-99", "'ZZ-99' is not an item ID of the framework"),
    ("2026-01-05,certificate,PC-11", "'PC-11' is not an item ID of the framework; did you mean PC-10, PC-01, GC-11?"),
])
def test_a_bad_portfolio_row_says_exactly_what_to_fix(fw: Framework, tmp_path: Path, row: str, problem: str) -> None:
    path = tmp_path / "portfolio.csv"
    path.write_text(f"date,type,items\n{row}\n")
    with pytest.raises(InputError) as caught:
        read_portfolio(path, fw, today=date(2026, 1, 5))
    assert caught.value.problem == problem


def test_coverage_text_wraps_at_88_characters_by_default(fw: Framework) -> None:
    # The line below would be 89 characters with "12", so "12 months" goes on to the next line.
    assert coverage_text(fw, evidence_coverage(fw, [], [fw.get("CE-10")])).splitlines()[2:] == [
        "  still to collect: Portfolio of evidence; Client hours under supervision in the first",
        "    12 months"]


def test_only_gaps_skips_complete_items_and_goes_on_to_the_rest(fw: Framework) -> None:
    text = coverage_text(fw, three_items(fw), only_gaps=True)
    assert [line.split(" ")[0] for line in text.splitlines() if not line.startswith(" ")] == ["PC-02", "PC-09"]


def test_a_portfolio_is_read_with_the_shipped_framework_when_none_is_given(tmp_path: Path) -> None:
    path = tmp_path / "portfolio.csv"
    path.write_text("date,type,items\n2026-01-05,certificate,GC-01\n")
    assert read_portfolio(path, today=date(2026, 1, 5))[0].items == ("GC-01",)
