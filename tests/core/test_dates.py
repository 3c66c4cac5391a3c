"""Calendar months: the boundaries the supervision rules depend on."""

from datetime import date
from fractions import Fraction

import pytest

from hwc_selfcheck.core.dates import add_interval, add_months, full_months, missing_day, months_and_days, span_words


def test_add_months_keeps_the_day_or_the_month_end() -> None:
    assert add_months(date(2025, 10, 1), 3) == date(2026, 1, 1)
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert add_months(date(2026, 3, 10), -12) == date(2025, 3, 10)


def test_fractional_interval_counts_part_months_in_days_rounded_down() -> None:
    assert add_interval(date(2025, 10, 1), Fraction(5)) == date(2026, 3, 1)
    # 3.75 months: three calendar months, then 0.75 x 30.44 = 22.8 days, rounded down to 22
    assert add_interval(date(2025, 10, 1), Fraction(15, 4)) == date(2026, 1, 23)


def test_spans_in_words() -> None:
    assert months_and_days(date(2025, 11, 26), date(2026, 3, 25)) == (3, 27)
    assert span_words(date(2025, 10, 1), date(2026, 1, 1)) == "3 months"
    assert span_words(date(2026, 1, 1), date(2026, 1, 2)) == "1 day"
    assert span_words(date(2026, 1, 31), date(2026, 3, 1)) == "1 month and 1 day"


def test_full_months_leave_out_part_months_at_either_end() -> None:
    assert full_months(date(2025, 9, 1), date(2025, 11, 30)) == [(2025, 9), (2025, 10), (2025, 11)]
    assert full_months(date(2025, 9, 2), date(2025, 11, 29)) == [(2025, 10)]
    assert full_months(date(2025, 12, 1), date(2026, 1, 31)) == [(2025, 12), (2026, 1)]
    assert full_months(date(2026, 1, 5), date(2026, 1, 30)) == []


@pytest.mark.parametrize("raw, said", [
    ("2026-02-30", "30 February 2026"), ("31/04/2026", "31 April 2026"), (" 29/2/2026 ", "29 February 2026"),
    ("29/02/2028", None), ("2026-13-01", None), ("2026-02-32", None), ("0000-01-01", None), ("30 Feb 2026", None),
])
def test_a_day_that_is_not_on_the_calendar_is_named_as_people_write_it(raw: str, said: "str | None") -> None:
    assert missing_day(raw) == said
