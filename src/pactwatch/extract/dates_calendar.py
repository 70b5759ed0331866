"""Calendar dates written out in the text: days, months, years, decades and spans of them.

Internal to :mod:`pactwatch.extract.dates`. Each rule is a row of ``CALENDAR_RULES``:
a pattern and a builder that returns a :class:`Hit` (or None to drop the match).
Builders check what comes before the match ("from", a weekday, "F-") themselves.
A month or day named without a year takes the publication year (see
:func:`infer_year`) and is dropped when there is no publication date.
"""

from __future__ import annotations

import re
from typing import Final

from pactwatch.extract.dates_base import (
    Anchor,
    Hit,
    Rule,
    before,
    infer_year,
    is_day,
    month_number,
    number_start,
    relative_month_year,
    rule,
    word_start,
    ymd,
)
from pactwatch.extract.dates_patterns import (
    CONNECT,
    DECADE_PART_BEFORE,
    DIGIT_GROUP_BEFORE,
    FULL_MONTH,
    LEAD_BEFORE,
    MONTH_LEAD_BEFORE,
    MONTH_REL_BEFORE,
    NOT_A_YEAR_BEFORE,
    OF,
    OPT_YEAR,
    ORD,
    UNIT_AFTER,
    WEEKDAY_BEFORE,
    YEAR,
    YEAR_AFTER,
    YEAR_PREP_BEFORE,
    month,
)

_DECADE_PARTS: Final[dict[str, tuple[int, int]]] = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_ISO_END: Final = r"(?![\d\-/]|\.\d)"


def _year_of(given: str | None, month: int, anchor: Anchor | None) -> tuple[int | None, bool]:
    """Return the year (None when unknown) and whether it was inferred from publication."""
    if given:
        return int(given), False
    if anchor is None:
        return None, False
    return infer_year(anchor, month), True


def _with_weekday(text: str, start: int) -> int:
    """Return where a day mention starts once a weekday before it ("Tuesday, ") is included."""
    weekday = before(WEEKDAY_BEFORE, text, start)
    return start if weekday is None else weekday.start()


def _range_start(match: re.Match[str], text: str, *, and_ok: bool = False) -> int | None:
    """Return where a span starts, "from"/"between" included; None for "X and Y" without
    "between" before it (unless ``and_ok``: "on 2 and 3 September")."""
    lead = before(LEAD_BEFORE, text, match.start())
    between = lead is not None and lead["lead"].lower() == "between"
    if (match["conn"] or "").lower() == "and" and not (between or and_ok):
        return None
    return match.start() if lead is None else lead.start()


def _stands_alone(match: re.Match[str], text: str) -> bool:
    """Return True when nothing glued to the start of a day match makes it something else."""
    starts_with_month = match.start("mon") == match.start()
    return (word_start if starts_with_month else number_start)(text, match.start())


def _day(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return a day hit for "October 31, 2025", "31 October" and the like."""
    if not _stands_alone(match, text):
        return None
    month, day = month_number(match["mon"]), int(match["d"])
    year, inferred = _year_of(match["y"], month, anchor)
    if year is None or not is_day(year, month, day):
        return None
    start = _with_weekday(text, match.start())
    return Hit(start, match.end(), ymd(year, month, day), "absolute", inferred)


def _day_range(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return an interval hit for "September 9-22, 2024" or "9–22 September 2024"
    ("and" joins days only after "between", or when they follow each other)."""
    first, last = int(match["d1"]), int(match["d2"])
    start = _range_start(match, text, and_ok=last == first + 1)
    if start is None or not _stands_alone(match, text):
        return None
    month = month_number(match["mon"])
    year, inferred = _year_of(match["y"], month, anchor)
    if year is None or first >= last or not is_day(year, month, last):
        return None
    edtf = f"{ymd(year, month, first)}/{ymd(year, month, last)}"
    return Hit(start, match.end(), edtf, "interval", inferred)


def _month_year(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return a month hit for "September 2025" or "Sept. 2025"."""
    if not word_start(text, match.start()):
        return None
    edtf = ymd(int(match["y"]), month_number(match["mon"]))
    return Hit(match.start(), match.end(), edtf, "absolute")


def _month_only(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return a month hit for "in March" (the year taken from publication) or for
    "last March" / "next March"."""
    start = match.start()
    if anchor is None or not word_start(text, start):
        return None
    month = month_number(match["mon"])
    rel = before(MONTH_REL_BEFORE, text, start)
    if rel is not None and anchor.has_month:
        year = relative_month_year(anchor, month, rel["rel"].lower())
        return Hit(rel.start(), match.end(), ymd(year, month), "relative")
    if before(MONTH_LEAD_BEFORE, text, start) is None:
        return None
    return Hit(start, match.end(), ymd(infer_year(anchor, month), month), "absolute", True)


def _iso_day(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return a day hit for an ISO date such as "2024-08-23"."""
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if not number_start(text, match.start()) or not is_day(year, month, day):
        return None
    return Hit(match.start(), match.end(), ymd(year, month, day), "absolute")


def _numeric_day(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return a day hit for "23/08/2024" or "8.23.2024" when day and month cannot be swapped."""
    first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
    if first > 12 >= second or first == second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return None
    if not number_start(text, match.start()) or not is_day(year, month, day):
        return None
    return Hit(match.start(), match.end(), ymd(year, month, day), "absolute")


def _year_range(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return an interval for "2025–2035", "from 2016 to 2020", "2024-25", or a month "2024-08"."""
    start = _range_start(match, text)
    if start is None or not number_start(text, match.start()):
        return None
    first, raw = int(match["y1"]), match["y2"]
    if len(raw) == 4:
        last = int(raw)
    elif match.start("y2") - match.end("y1") != 1:
        return None
    elif int(raw) == (first + 1) % 100:
        last = first + 1
    elif 1 <= int(raw) <= 12 and start == match.start():
        return Hit(start, match.end(), ymd(first, int(raw)), "absolute")
    else:
        last = first - first % 100 + int(raw)
    if last <= first:
        return None
    return Hit(start, match.end(), f"{first}/{last}", "interval")


def _decade(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return "199X" for "the 1990s", or "1990/1993" for "the early 1990s"."""
    decade = match["dec"]
    part = before(DECADE_PART_BEFORE, text, match.start())
    if part is not None:
        low, high = _DECADE_PARTS[part["q"].lower()]
        return Hit(part.start(), match.end(), f"{decade}{low}/{decade}{high}", "absolute")
    if not number_start(text, match.start()):
        return None
    return Hit(match.start(), match.end(), f"{decade}X", "absolute")


def _bare_year(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return a year hit for "2016", unless the number is a label or a count."""
    start, end = match.span()
    if not number_start(text, start) and before(DECADE_PART_BEFORE, text, start) is None:
        return None
    if before(NOT_A_YEAR_BEFORE, text, start) or before(DIGIT_GROUP_BEFORE, text, start):
        return None
    if UNIT_AFTER.match(text, end) and before(YEAR_PREP_BEFORE, text, start) is None:
        return None
    return Hit(start, end, match["y"], "absolute")


_D1_D2: Final = rf"(?P<d1>\d{{1,2}}){ORD}{CONNECT}(?P<d2>\d{{1,2}}){ORD}"

CALENDAR_RULES: Final[tuple[Rule, ...]] = (
    rule("iso_day", rf"(?P<y>{YEAR})-(?P<m>\d\d)-(?P<d>\d\d){_ISO_END}", _iso_day, "year"),
    rule(
        "numeric_day",
        rf"(?P<a>\d{{1,2}})(?P<s>[./-])(?P<b>\d{{1,2}})(?P=s)(?P<y>{YEAR}){_ISO_END}",
        _numeric_day,
        "year",
    ),
    rule("day_range_mdy", rf"{month()}\s+{_D1_D2}{OPT_YEAR}", _day_range, "month"),
    rule("day_range_dmy", rf"{_D1_D2}{OF}{month()}{OPT_YEAR}", _day_range, "month"),
    rule("mdy", rf"{month()}\s+(?P<d>\d{{1,2}}){ORD}{OPT_YEAR}", _day, "month"),
    rule("dmy", rf"(?P<d>\d{{1,2}}){ORD}{OF}{month()}{OPT_YEAR}", _day, "month"),
    rule("month_year", rf"{month()},?{OF}(?P<y>{YEAR}){YEAR_AFTER}", _month_year, "month"),
    rule("month_only", rf"{FULL_MONTH}(?!\.?\s*\d)", _month_only, "month", anchor=True),
    rule(
        "year_range",
        rf"(?P<y1>{YEAR}){CONNECT}(?P<y2>{YEAR}|\d\d){YEAR_AFTER}",
        _year_range,
        "year",
    ),
    rule("decade", r"(?P<dec>(?:19|20)\d)0['’]?s\b", _decade, "year"),
    rule("year", rf"(?P<y>{YEAR}){YEAR_AFTER}", _bare_year, "year"),
)
"""The calendar rules; on equal spans the earlier row wins."""
