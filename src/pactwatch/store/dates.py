"""Day bounds of EDTF dates, so that the store can sort and filter them as text.

EDTF (Library of Congress, ISO 8601-2: https://www.loc.gov/standards/datetime/)
gives years, months and days, qualified as uncertain (``?``), approximate
(``~``) or both (``%``), with unspecified digits (``199X``), seasons
(``2024-21`` is spring) and intervals (``2024-09-09/2024-09-22``, open ends
``..``). Each maps to the first and last day it can mean, as ``YYYY-MM-DD``;
qualifiers do not move the bounds. Forms the store cannot order (negative or
five-digit years, sets) have no bounds.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

Bounds = tuple[str, str]

_DATE = re.compile(r"(?P<year>[0-9X]{4})(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2}))?)?")
_QUALIFIERS = str.maketrans("", "", "?~%")
_SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11)}  # winter (24) crosses the new year
_OPEN = {"", ".."}


@lru_cache(maxsize=4096)  # a batch repeats its dates; the store asks for each claim
def edtf_bounds(value: str | None) -> Bounds | None:
    """Return the first and last day ``value`` can mean, or None when it has no bounds."""
    if value is None:
        return None
    text = value.strip().translate(_QUALIFIERS)
    if "/" not in text:
        return _single(text)
    left, _, right = text.partition("/")
    start = None if left in _OPEN else _single(left)
    end = None if right in _OPEN else _single(right)
    if (start is None and left not in _OPEN) or (end is None and right not in _OPEN):
        return None
    if start is None and end is None:
        return None
    low = start[0] if start else "0001-01-01"
    high = end[1] if end else "9999-12-31"
    return (low, high) if low <= high else None


def is_edtf(value: str) -> bool:
    """Return True when ``value`` is an EDTF date the store can place in time."""
    return edtf_bounds(value) is not None


def _single(text: str) -> Bounds | None:
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    year, month, day = match.group("year", "month", "day")
    first_year = int(year.replace("X", "0"))
    last_year = int(year.replace("X", "9"))
    if first_year == 0:
        return None
    if month is None or month == "XX":
        return f"{first_year:04d}-01-01", f"{last_year:04d}-12-31"
    if "X" in month:
        return None
    return _month_bounds(first_year, last_year, int(month), day)


def _month_bounds(first_year: int, last_year: int, month: int, day: str | None) -> Bounds | None:
    if day is not None and month > 12:
        return None
    if month in _SEASONS:
        low, high = _SEASONS[month]
        return f"{first_year:04d}-{low:02d}-01", _last_day(last_year, high)
    if month == 24:
        if last_year == 9999:
            return None
        return f"{first_year:04d}-12-01", _last_day(last_year + 1, 2)
    if not 1 <= month <= 12:
        return None
    if day is None or day == "XX":
        return f"{first_year:04d}-{month:02d}-01", _last_day(last_year, month)
    if "X" in day or not 1 <= int(day) <= calendar.monthrange(first_year, month)[1]:
        return None
    return f"{first_year:04d}-{month:02d}-{day}", f"{last_year:04d}-{month:02d}-{day}"


def _last_day(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
