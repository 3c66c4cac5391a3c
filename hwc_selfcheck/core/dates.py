"""Calendar months and plain-English dates for the record checks.

The framework counts supervision in months ("monthly", "every two to three
months"), so the checks count on the calendar: 1 October to 1 January is
exactly three months, and 31 October plus one month is 30 November. A part of
a month (from pro rata) is counted as that share of an average month, rounded
down to whole days, so a fractional interval is never stretched.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from fractions import Fraction
from typing import Optional, Union

AVERAGE_MONTH_DAYS = Fraction(36525, 1200)  # 365.25 / 12
_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later (or earlier), kept within shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_interval(day: date, months: Fraction) -> date:
    """``day`` plus a possibly fractional number of months (see the module note)."""
    whole = int(months)  # months are never negative here
    rest_days = int((months - whole) * AVERAGE_MONTH_DAYS)
    return add_months(day, whole) + timedelta(days=rest_days)


def months_and_days(start: date, end: date) -> tuple[int, int]:
    """Whole calendar months from ``start`` to ``end``, then the days left over."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return months, (end - add_months(start, months)).days


def span_words(start: date, end: date) -> str:
    """'4 months and 5 days', '1 month', '12 days'."""
    months, days = months_and_days(start, end)
    parts = []
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    if days or not months:
        parts.append(f"{days} day{'s' if days != 1 else ''}")
    return " and ".join(parts)


def full_months(start: date, end: date) -> list[tuple[int, int]]:
    """(year, month) of every calendar month lying wholly between ``start`` and ``end``, inclusive."""
    found = []
    year, month = start.year, start.month
    if start.day != 1:
        year, month = divmod(year * 12 + month, 12)
        month += 1
    while True:
        last = date(year, month, calendar.monthrange(year, month)[1])
        if last > end:
            return found
        found.append((year, month))
        year, month = divmod(year * 12 + month, 12)
        month += 1


def long_date(day: date) -> str:
    """3 March 2026."""
    return f"{day.day} {day:%B %Y}"


_ISO_PARTS = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UK_PARTS = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def missing_day(raw: str) -> Optional[str]:
    """'30 February 2026' when ``raw`` is written as a date but that day is not on the calendar.

    A person who types 30/02/2026 made a slip of the day, not of the format, so the message
    says which day does not exist rather than how to write a date.
    """
    text = raw.strip()
    iso, uk = _ISO_PARTS.match(text), _UK_PARTS.match(text)
    if not (iso or uk):
        return None
    year, month, day = (int(iso[1]), int(iso[2]), int(iso[3])) if iso else (int(uk[3]), int(uk[2]), int(uk[1]))  # type: ignore[index]
    if year < 1 or not 1 <= month <= 12 or not 1 <= day <= 31 or day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{day} {calendar.month_name[month]} {year}"


def month_name(year: int, month: int) -> str:
    """March 2026."""
    return f"{calendar.month_name[month]} {year}"


def number_words(value: Union[int, Fraction, float]) -> str:
    """Small whole numbers as words ('two'); anything else as figures, to one decimal place."""
    if value == int(value) and 0 <= int(value) < len(_WORDS):
        return _WORDS[int(value)]
    return f"{float(value):.1f}".removesuffix(".0")


def figure(value: Union[int, Fraction, float]) -> str:
    """A number as figures: whole numbers plain, others to one decimal place."""
    return str(int(value)) if value == int(value) else f"{float(value):.1f}"
