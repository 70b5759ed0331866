"""Words and regular-expression pieces of the date tagger, built once at import.

Internal to :mod:`pactwatch.extract.dates`. Month and weekday names must be
capitalised (or all capitals), so that "may" and "march" as words are not dates;
the function words around them match in any case.

Speed: the rules run only in short windows around triggers (years, month and
weekday names, a few words such as "week" or "ago"; see ``TRIGGERS``), and each
rule pattern begins at its trigger or a digit, so it holds no leading optional
words. Words *before* a mention ("from", "around", "last") are matched afterwards
by the ``*_BEFORE`` lookbacks, which must end exactly where the mention starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

MONTHS: Final[dict[str, int]] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
"""Month names and abbreviations (lower case) with their numbers."""

MONTH_NAMES: Final = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
"""The twelve month names, capitalised, as a regex alternation (``January|...|December``)."""

WEEKDAYS: Final[dict[str, int]] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
"""Weekday names (lower case) with ``date.weekday()`` numbers."""

NUMBER_WORDS: Final[dict[str, int]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "fifty": 50,
}  # fmt: skip
"""Counts spelt out in "two weeks ago" and "a ten-year framework"."""

UNIT_NOUNS: Final[tuple[str, ...]] = (
    "troops", "soldiers", "personnel", "sailors", "airmen", "marines", "units", "vehicles",
    "tanks", "aircraft", "jets", "planes", "helicopters", "howitzers", "launchers",
    "drones", "missiles", "rockets", "shells", "rounds", "rifles", "guns", "ships", "boats",
    "vessels", "km", "kilometres", "kilometers", "miles", "nautical", "metres", "meters", "m",
    "feet", "ft", "tonnes", "tons", "kg", "percent", "per", "pc", "crore", "lakh", "million",
    "billion", "hours", "hrs", "hr", "h", "gmt", "utc", "ist", "sorties", "items", "mw", "gw",
    "kw", "mm", "cm", "knots", "kt", "hp", "mph", "kmph", "nm",
)  # fmt: skip
"""Nouns after a number that make it a count or a measure, not a year (unless a
preposition such as "in" comes before it: "in 2016 troops were deployed")."""

DURATION_NOUNS: Final[tuple[str, ...]] = (
    "deal", "agreement", "framework", "plan", "roadmap", "road map", "pact", "period",
    "partnership", "programme", "program", "treaty", "lease", "arrangement", "contract",
    "memorandum", "mou", "vision", "blueprint", "accord",
)  # fmt: skip
"""Nouns that make "a 10-year ..." a dated span starting at publication."""


def _names(words: list[str], tail: str = "") -> str:
    """Return an alternation of the words in Title case and in capitals, longest first,
    each followed by ``tail`` (kept flat so that the engine can skip to a first letter)."""
    words = sorted(words, key=len, reverse=True)
    return "|".join(f"{w.capitalize()}{tail}|{w.upper()}{tail}" for w in words)


def _words(words: tuple[str, ...] | list[str]) -> str:
    """Return a case-insensitive alternation of the words (spaces match any whitespace)."""
    alts = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return "(?i:" + "|".join(alts) + ")"


@dataclass(frozen=True, slots=True)
class Lookback:
    """A pattern for words that must end exactly where a mention starts."""

    pattern: re.Pattern[str]
    reach: int
    """How many characters before the mention the words may start."""


def _cased(words: tuple[str, ...]) -> tuple[str, ...]:
    """Return the words in Title case and in capitals."""
    return tuple(v for w in words for v in (w.capitalize(), w.upper()))


def _before(pattern: str, reach: int) -> Lookback:
    """Return a lookback for the pattern, searched at most ``reach`` characters back."""
    return Lookback(re.compile(rf"(?:{pattern})\Z"), reach)


_FULL_MONTHS: Final = [m for m in MONTHS if len(m) > 3 and m != "sept"] + ["may"]
_ABBR_MONTHS: Final = [m for m in MONTHS if m not in _FULL_MONTHS]
_WEEKDAY_NAMES: Final = _names(list(WEEKDAYS))
_FULL_MONTH_NAMES: Final = _names(_FULL_MONTHS, r"\b")
_ABBR_MONTH_NAMES: Final = _names(_ABBR_MONTHS, r"\b\.?")


def month(group: str = "mon") -> str:
    """Return a pattern for a month name or abbreviation captured as ``group``."""
    return f"(?P<{group}>{_FULL_MONTH_NAMES}|{_ABBR_MONTH_NAMES})"


FULL_MONTH: Final = rf"(?P<mon>{_names([*_FULL_MONTHS, 'sept'])})\b"
WEEKDAY: Final = rf"(?P<wd>{_WEEKDAY_NAMES})\b"
YEAR: Final = r"(?:19|20)\d\d"
YEAR_AFTER: Final = r"(?![\w%]|[.,:/\-–]\d|\s\d)"
"""No letter, percent sign, further digits or digit group right after a year."""
ORD: Final = r"(?:st|nd|rd|th)?\b"
CONNECT: Final = r"(?:\s*[–—-]\s*|\s+(?P<conn>(?i:to|until|till|through|thru|and))\s+)"
"""What joins the two ends of a span: a dash, or to/until/through/and."""
OPT_YEAR: Final = rf"(?:,?\s+(?P<y>{YEAR}){YEAR_AFTER})?"
OF: Final = r"\s+(?:(?i:of)\s+)?"
NUMBER: Final = rf"(?P<n>\d{{1,3}}|{_words([w for w in NUMBER_WORDS if w not in ('a', 'an')])})"
"""A count in digits or words ("10", "ten"), captured as ``n``."""
NUMBER_OR_A: Final = rf"(?P<n>\d{{1,3}}|{_words(list(NUMBER_WORDS))})"
"""A count, or "a"/"an" for one ("a week ago"), captured as ``n``."""
NUM_BEFORE_CHARS: Final = frozenset("$€£₹#/.,+-–—_'’")
"""Characters that, right before a number, make it part of something else ("F-16")."""

LEAD_BEFORE: Final = _before(r"(?i:\b(?P<lead>from|between)\s+)", 16)
WEEKDAY_BEFORE: Final = _before(rf"\b{WEEKDAY},?\s+", 16)
MONTH_LEAD_BEFORE: Final = _before(
    r"(?i:\b(?:in|on|since|by|during|until|till|through|throughout|from|before|after|"
    r"between|early|mid|late|and|or|to)[\s-]+)",
    16,
)
"""Words one of which must come before a month named alone ("in March")."""
MONTH_REL_BEFORE: Final = _before(r"(?i:\b(?P<rel>last|next|this)\s+)", 8)
YEAR_AFTER_MONTH: Final = re.compile(r",?\s+(?:(?i:of)\s+)?")
"""What may join "October" and "last year" in "October last year"."""
DECADE_PART_BEFORE: Final = _before(r"(?i:\b(?P<q>early|mid|late)[-\s]+)", 10)
NOT_A_YEAR_BEFORE: Final = _before(
    r"(?i:\b(?:no|nos|number|flight|resolution|route|page|pp|p|room|rs|inr|usd|model|"
    r"version|serial|hull|pennant|tail|code|grid|ref)\.?\s*)",
    16,
)
"""Words before a four-digit number that make it a label or an amount, not a year."""
YEAR_PREP_BEFORE: Final = _before(
    r"(?i:\b(?:in|since|by|during|until|till|through|from|before|after|around|about|"
    r"circa|early|late|mid|year|fiscal|fy)[\s-]+)",
    14,
)
"""Words before a four-digit number that make it a year even when a unit noun follows."""
DIGIT_GROUP_BEFORE: Final = _before(r"\d[\s.\-]", 2)
"""A digit group just before a number, as in phone numbers ("2301 2016")."""
UNIT_AFTER: Final = re.compile(rf"\s+{_words(UNIT_NOUNS)}\b")

QUALIFIER_BEFORE: Final = _before(
    r"(?i:\b(?:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)(?:\s+|-))", 24
)
APPROX_BEFORE: Final = _before(
    r"(?i:(?<![\w.])(?:around|about|circa|approximately|roughly|c\.|ca\.|"
    r"some\s?time\s+(?:in|around)|in\s+or\s+around)\s*)",
    24,
)
OPEN_START_BEFORE: Final = _before(r"(?i:\b(?:through|thru|until|till|up\s+(?:to|until))\s+)", 16)
RANGE_JOIN: Final = re.compile(CONNECT)

REL_BEFORE: Final = _before(r"(?i:\b(?P<rel>last|this|next|earlier\s+this|later\s+this)\s+)", 18)
WEEKDAY_REL_BEFORE: Final = _before(r"(?i:\b(?P<rel>last|next|this\s+past|past|this)\s+)", 14)
WEEKEND_BEFORE: Final = _before(r"(?i:\b(?:last|this\s+past|over\s+the)\s+)", 14)
DAY_REL_BEFORE: Final = _before(r"(?i:\b(?P<rel>this|last|earlier|later)\s+)", 12)
AGO_BEFORE: Final = _before(
    rf"\b{NUMBER_OR_A}\s+(?P<unit>(?i:day|week|month|year|decade))s?\s+", 32
)
DURATION_BEFORE: Final = _before(rf"(?<![\w.,-]){NUMBER}[-\s]", 16)
SAME_TIME_BEFORE: Final = _before(
    r"(?i:\b(?:at\s+)?(?:about|around|roughly|approximately|nearly)\s+the\s+)", 32
)
SAME_PERIOD_BEFORE: Final = _before(r"(?i:\b(?:that|the)\s+)", 8)
THAT_PERIOD_BEFORE: Final = _before(r"(?i:\b(?:later|earlier)\s+)", 12)
DURATION_NOUN_AHEAD: Final = (
    r"(?=(?:[\s-]+[A-Za-z’'-]+){0,3}?[\s-]+" + _words(DURATION_NOUNS) + r"s?\b)"
)
"""One of DURATION_NOUNS within three words after "10-year"."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """Where the rules that name a trigger kind (``Rule.trigger``) are run.

    Every match of such a rule contains a trigger: a year, a month or weekday
    name, or one of ``WORD_TRIGGERS``. The rules run only in windows from
    ``before`` characters before each trigger to ``after`` characters after its
    start; finding the triggers is far cheaper than running every rule everywhere.
    """

    before: int
    after: int


TRIGGERS: Final[dict[str, Trigger]] = {
    "year": Trigger(16, 40),
    "month": Trigger(24, 40),
    "weekday": Trigger(4, 16),
    "word": Trigger(8, 72),
}

_MONTH_STEMS: Final = _cased(tuple(m for m in MONTHS if len(m) == 3))
_WEEKDAY_FULL: Final = _cased(tuple(WEEKDAYS))
NAME_OR_YEAR: Final = re.compile("|".join([r"19\d\d|20\d\d", *_MONTH_STEMS, *_WEEKDAY_FULL]))
"""Years and the capitalised names that start a month or weekday, in one fast scan
(every alternative begins with a fixed character, so the engine skips between them)."""
NAME_KIND: Final[dict[str, str]] = {
    **dict.fromkeys(_MONTH_STEMS, "month"),
    **dict.fromkeys(_WEEKDAY_FULL, "weekday"),
}
WORD_TRIGGERS: Final = (
    "today", "Today", "yesterday", "Yesterday", "tomorrow", "Tomorrow", "night", "morning",
    "afternoon", "evening", "week", "Week", "month", "Month", "year", "Year", "ago", "same",
)  # fmt: skip
"""Lower-case words found with ``str.find``, which beats a regular expression here."""
