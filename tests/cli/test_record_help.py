"""Every command that reads a record lists, in its help, what goes in each column or field."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from hwc_selfcheck.cli import app
from hwc_selfcheck.core.csv_records import CsvFormat
from hwc_selfcheck.framework.loader import Framework
from hwc_selfcheck.practice.caseload import SESSION_DIARY
from hwc_selfcheck.practice.portfolio import PORTFOLIO
from hwc_selfcheck.practice.supervision import SUPERVISION_LOG
from hwc_selfcheck.practice.tiers import APPROVALS, HOURS_LOG, TRAINING_RECORD
from hwc_selfcheck.providers.course import COURSE

runner = CliRunner()


def help_of(*command: str) -> str:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command, formats", [
    ("tier", [HOURS_LOG, TRAINING_RECORD, APPROVALS]),
    ("supervision", [SUPERVISION_LOG]),
    ("caseload", [SESSION_DIARY]),
    ("portfolio", [PORTFOLIO]),
    ("course-map", [COURSE]),
])
def test_csv_commands_list_every_column_with_what_it_holds(command: str, formats: list[CsvFormat]) -> None:
    text = help_of(command)
    flat = " ".join(text.split())
    for fmt in formats:
        assert f"{fmt.name}, a CSV file with these columns:" in flat
        for column, meaning in fmt.describe():
            assert meaning, f"{fmt.name}: column {column} says nothing"
            assert f"  {column}  " in text and meaning in flat
    assert "Save them from a spreadsheet as CSV UTF-8" in flat


def test_yes_no_columns_say_so_and_give_the_other_spellings() -> None:
    text = " ".join(help_of("tier").split())
    assert "nhs was the coaching in the NHS? yes or no (y/n, true/false and 1/0 work too)" in text
    assert "supervised was it supervised coaching experience? yes or no" in text


@pytest.mark.parametrize("command, fields", [
    (["report"], ["pseudonym", "date", "tier", "ratings.ID.level", "ratings.ID.evidence", "ratings.ID.next_step"]),
    (["cohort"], ["pseudonym", "ratings.ID.level"]),
    (["supervisor-check"], ["name", "tier", "caseload_hours[ ].hours", "evidence[ ].type"]),
    (["checklist"], ["date", "done"]),
])
def test_json_commands_list_every_field(command: list[str], fields: list[str]) -> None:
    text = help_of(*command)
    for field in fields:
        assert f"  {field}  " in text, field
    assert "The notebooks and the site save these for you." in " ".join(text.split())


def test_allowed_values_from_the_framework_are_listed(fw: Framework) -> None:
    portfolio = " ".join(help_of("portfolio").split())
    assert all(t in portfolio for t in fw.vocabulary.portfolio_entry_types)
    checks = " ".join(help_of("checklist").split())
    assert "induction or employer_readiness" in checks
    evidence = " ".join(help_of("supervisor-check").split())
    assert "supervision_examples" in evidence and "one of none, planned" not in evidence
    assert "one of none, planned, collected or confirmed" in " ".join(help_of("report").split())


def test_validate_lists_every_record_it_knows() -> None:
    text = " ".join(help_of("validate").split())
    for fmt in (HOURS_LOG, TRAINING_RECORD, APPROVALS, SUPERVISION_LOG, SESSION_DIARY, PORTFOLIO, COURSE):
        assert f"{fmt.name} {', '.join(fmt.columns)}" in text
    for kind in ("hwc-selfcheck/assessment", "hwc-selfcheck/supervisor", "hwc-selfcheck/checklists"):
        assert kind in text


def test_area_help_lists_the_names_a_person_sees() -> None:
    text = help_of("framework", "list")
    assert "  GC  General capabilities (general_capabilities)" in text
    assert "  CE  Communication and enabling skills (communication_enabling)" in text
