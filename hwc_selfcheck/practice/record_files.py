"""The record formats of the practice tools, so ``hwc-selfcheck validate`` knows them all.

CSV records (hours log, training record, progression approvals, supervision
log, session diary, portfolio) are told apart by their column headings; the
JSON records (supervisor record, checklist ticks) by their ``format`` field.
Each is read by the same reader its command uses, so ``validate`` and the
command always agree about what is wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from hwc_selfcheck.core.csv_records import CsvFormat, sniff_format
from hwc_selfcheck.core.wording import plural
from hwc_selfcheck.framework.loader import load_framework
from hwc_selfcheck.practice import checklists, supervisor_standards
from hwc_selfcheck.practice.caseload import SESSION_DIARY, read_session_diary
from hwc_selfcheck.practice.portfolio import PORTFOLIO, read_portfolio
from hwc_selfcheck.practice.supervision import SUPERVISION_LOG, read_supervision_log
from hwc_selfcheck.practice.tiers import (
    APPROVALS,
    HOURS_LOG,
    TRAINING_RECORD,
    read_approvals,
    read_hours_log,
    read_training,
)

CSV_READERS: dict[CsvFormat, Callable[[Path], list]] = {
    HOURS_LOG: read_hours_log,
    TRAINING_RECORD: read_training,
    APPROVALS: read_approvals,
    SUPERVISION_LOG: read_supervision_log,
    SESSION_DIARY: read_session_diary,
    PORTFOLIO: read_portfolio,
}
JSON_FORMATS = (supervisor_standards.FORMAT, checklists.FORMAT)


def validate_csv_record(path: Path) -> str:
    """Check a CSV record of any known kind; return a one-line description or raise InputError."""
    fmt = sniff_format(path, list(CSV_READERS))
    rows = CSV_READERS[fmt](path)
    return f"{path} is a valid {fmt.name} with {plural(len(rows), 'row')}."


def validate_json_record(path: Path, kind: str) -> str:
    """Check a supervisor record or checklist ticks; return a one-line description or raise InputError."""
    fw = load_framework()
    if kind == supervisor_standards.FORMAT:
        record = supervisor_standards.read_supervisor(path, fw)
        return (f"{path} is a valid supervisor record for {record.name!r}, Tier {record.tier}, "
                f"{plural(len(record.evidence), 'piece')} of evidence.")
    ticks = checklists.read_ticks(path, fw)
    count = sum(len(v) for v in ticks.done.values())
    return f"{path} is a valid checklists file with {plural(count, 'tick')} across {plural(len(ticks.done), 'checklist')}."
