"""The part of a command's ``--help`` that says what goes in the records it reads.

Every CSV column and JSON field is listed with the values it allows, made from
the same definitions the readers use (:class:`~hwc_selfcheck.core.csv_records.CsvFormat`
meanings and the records' JSON Schemas), so help and checks always agree.
Lists that live in the framework data (portfolio entry types, kinds of
supervisor evidence, checklist names) are read when help is asked for, so a
broken data file never stops the command from starting.
"""

from __future__ import annotations

from typing import Callable, Sequence

from hwc_selfcheck.cli.usage import HelpSection
from hwc_selfcheck.core.csv_records import CsvFormat
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.core.wording import a_or_an, join_words

CSV_NOTE = HelpSection("CSV files", "Save them from a spreadsheet as CSV UTF-8, with the headings in the first "
                       "row (in any case, in any order). Write dates as 2026-03-31 or 31/03/2026. Every bad row is "
                       "reported, by its row number in the spreadsheet.")
JSON_NOTE = HelpSection("JSON files", "The notebooks and the site save these for you. If you edit one by hand, "
                        "keep the field names as they are and put text and dates in double quotes.")


def csv_section(word: str, fmt: CsvFormat) -> HelpSection:
    """The columns of one CSV record."""
    return HelpSection(f"{word} is {a_or_an(fmt.name)}, a CSV file with these columns:", rows=fmt.describe())


def json_section(word: str, schema_name: str) -> HelpSection:
    """The fields of one JSON record, from its published schema."""
    from hwc_selfcheck.records.describe import describe_fields
    from hwc_selfcheck.records.validate import record_schemas

    what, make = record_schemas()[schema_name]
    return HelpSection(f"{word}: {what[:1].lower() + what[1:].rstrip('.')}, with these fields:",
                       rows=describe_fields(make()))


def framework_list(title: str, values: Callable[[], Sequence[str]]) -> HelpSection:
    """A list of allowed values that lives in the framework data."""
    from hwc_selfcheck.framework.loader import load_framework

    try:
        load_framework()
        words = join_words(list(values()), "or")
    except InputError as exc:
        words = f"(cannot be listed: the framework data is broken: {exc})"
    return HelpSection(title, words + ".")


def epilog(*parts: Callable[[], HelpSection], note: HelpSection = CSV_NOTE) -> Callable[[], list[HelpSection]]:
    """Help sections made only when ``--help`` is asked for, then a note on the files' kind (CSV or JSON)."""
    return lambda: [*(part() for part in parts), note]


def portfolio_types() -> Sequence[str]:
    from hwc_selfcheck.framework.loader import load_framework

    return list(load_framework().vocabulary.portfolio_entry_types)


def supervisor_evidence() -> Sequence[str]:
    from hwc_selfcheck.framework.loader import load_framework
    from hwc_selfcheck.practice.supervisor_standards import evidence_terms

    return evidence_terms(load_framework())


def checklist_names() -> Sequence[str]:
    from hwc_selfcheck.framework.loader import load_framework

    return [c.key for c in load_framework().rules.checklists]
