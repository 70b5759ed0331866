"""Shared pieces of the date tagger: hits, the publication anchor and EDTF helpers.

Internal to :mod:`pactwatch.extract.dates`, which holds the public API. Values
follow EDTF (Library of Congress, https://www.loc.gov/standards/datetime/):
``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``199X``, a trailing ``~`` for
"approximately", and ``a/b`` (or ``../b``) for intervals.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from pactwatch.extract.dates_patterns import MONTHS, NUM_BEFORE_CHARS, Lookback


@dataclass(frozen=True, slots=True)
class Anchor:
    """The publication date relative expressions are resolved against."""

    day: date
    precision: str
    """``"day"``, ``"month"`` or ``"year"``: how much of ``day`` the publication date gave."""

    @property
    def has_day(self) -> bool:
        """Return True when the publication date names a day."""
        return self.precision == "day"

    @property
    def has_month(self) -> bool:
        """Return True when the publication date names at least a month."""
        return self.precision != "year"


@dataclass(frozen=True, slots=True)
class Hit:
    """A candidate date mention before overlaps are settled."""

    start: int
    end: int
    edtf: str
    kind: str
    inferred_year: bool = False
    """True when the year was taken from the publication date, not the text."""
    refer: str = ""
    """For anaphoric placeholders: ``"approx"``, ``"year"`` or ``"month"``."""

    def widen(self, start: int) -> Hit:
        """Return the hit with its span starting earlier, at ``start``."""
        return replace(self, start=start)


_ANCHOR_YEARS: Final = (1800, 2200)
"""Publication years taken as anchors; outside them calendar arithmetic is not trusted."""
_PUBLISHED: Final = re.compile(r"\s*[~?%]?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")


def parse_anchor(value: str | None) -> Anchor | None:
    """Return the anchor of an EDTF publication date, or None when it names no year."""
    if not value:
        return None
    match = _PUBLISHED.match(value)
    if match is None:
        return None
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if not 1 <= month <= 12:
        month, day = 0, 0
    precision = "day" if day else "month" if month else "year"
    if not _ANCHOR_YEARS[0] <= year <= _ANCHOR_YEARS[1]:
        return None
    try:
        return Anchor(date(year, month or 1, day or 1), precision)
    except ValueError:
        return None


def ymd(year: int, month: int | None = None, day: int | None = None) -> str:
    """Return the EDTF value for a year, a month of a year, or a day."""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def precision_of(value: str) -> str:
    """Return the precision of an EDTF value this tagger emits: day, month, year, decade…"""
    if "/" in value:
        return "interval"
    if "X" in value:
        return "decade"
    return {4: "year", 7: "month"}.get(len(value.rstrip("~?")), "day")


def is_day(year: int, month: int, day: int) -> bool:
    """Return True when the three numbers make a real calendar day."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def month_number(token: str) -> int:
    """Return 1–12 for a month name or abbreviation as matched ("Sept.", "OCTOBER")."""
    return MONTHS[token.rstrip(".").lower()]


AHEAD_MONTHS: Final = 4
"""How far after publication a month named without a year may fall; later ones are
taken to be last year's (news in February speaks of "June" ahead, of "December" past)."""


def infer_year(anchor: Anchor, month: int) -> int:
    """Return the year of a month named without one: the publication year, or the one
    before when that would put the month more than AHEAD_MONTHS after publication."""
    year = anchor.day.year
    if anchor.has_month and month - anchor.day.month > AHEAD_MONTHS:
        year -= 1
    return year


def relative_month_year(anchor: Anchor, month: int, step: str) -> int:
    """Return the year of "last March", "next March" (strictly after the publication
    month) or "this March" (the publication year).

    "Last March" is last year's March (news style writes "in March" for this
    year's), except the month just before publication: "last October" in a
    November report is the October just past."""
    year, current = anchor.day.year, anchor.day.month
    if step == "last":
        return year if month == current - 1 else year - 1
    if step == "next":
        return year if month > current else year + 1
    return year


def with_year(value: str, year: int) -> str:
    """Return a point EDTF value (``YYYY[-MM[-DD]]``) moved to another year."""
    return f"{year:04d}{value[4:]}"


def lower_bound(value: str) -> tuple[int, int, int]:
    """Return (year, month, day) of the first day a point EDTF value covers."""
    parts = [int(p) for p in value.rstrip("~?").split("-")]
    parts += [1] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def approximate(value: str) -> str:
    """Return an EDTF value marked approximate (``~``) at each end it has."""
    ends = [end.rstrip("~") for end in value.split("/")]
    return "/".join(end if end == ".." else end + "~" for end in ends)


Build = Callable[[re.Match[str], str, Anchor | None], Hit | None]
"""Turns one regex match (with the text and the anchor) into a hit, or None to drop it."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One way of writing a date: a compiled pattern and what to make of its matches."""

    name: str
    pattern: re.Pattern[str]
    build: Build
    trigger: str
    """The key in ``TRIGGERS`` of the words every match contains."""
    needs_anchor: bool = False
    """Skip the rule when there is no publication date to resolve against."""


def before(look: Lookback, text: str, start: int, *, floor: int = 0) -> re.Match[str] | None:
    """Return the match of a lookback's words ending exactly at start (beginning no
    earlier than floor), or None."""
    return look.pattern.search(text, max(floor, start - look.reach), start)


def word_start(text: str, index: int) -> bool:
    """Return True when no letter, digit or underscore comes right before index."""
    return index == 0 or not (text[index - 1].isalnum() or text[index - 1] == "_")


def number_start(text: str, index: int) -> bool:
    """Return True when a number starting at index stands alone (not "F-16", "2,016", "$20")."""
    return word_start(text, index) and (index == 0 or text[index - 1] not in NUM_BEFORE_CHARS)


def rule(name: str, pattern: str, build: Build, trigger: str, *, anchor: bool = False) -> Rule:
    """Return a rule row with its pattern compiled (``anchor``: needs a publication date)."""
    return Rule(name, re.compile(pattern), build, trigger, needs_anchor=anchor)
