"""Dates said relative to publication ("yesterday", "last week", "two weeks ago"),
durations ("a 10-year framework") and anaphora ("at about the same time").

Internal to :mod:`pactwatch.extract.dates`. Relative rules need the publication
anchor and drop a match when it is too coarse: a publication month resolves
"last month" but not "on Tuesday". Anaphoric rules only leave placeholders
(``Hit.refer``); :mod:`pactwatch.extract.dates` fills them from the mention before.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Final

from pactwatch.extract.dates_base import Anchor, Hit, Rule, before, rule, word_start, ymd
from pactwatch.extract.dates_patterns import (
    AGO_BEFORE,
    DAY_REL_BEFORE,
    DURATION_BEFORE,
    DURATION_NOUN_AHEAD,
    NUMBER_WORDS,
    REL_BEFORE,
    SAME_PERIOD_BEFORE,
    SAME_TIME_BEFORE,
    THAT_PERIOD_BEFORE,
    WEEKDAY,
    WEEKDAY_REL_BEFORE,
    WEEKDAYS,
    WEEKEND_BEFORE,
)

_DAY_WORDS: Final[dict[tuple[str, str], int]] = {
    ("", "today"): 0, ("earlier", "today"): 0, ("later", "today"): 0, ("", "tonight"): 0,
    ("this", "morning"): 0, ("this", "afternoon"): 0, ("this", "evening"): 0,
    ("", "yesterday"): -1, ("last", "night"): -1, ("", "tomorrow"): 1,
}  # fmt: skip
"""(word before, day word) -> days from publication; a word before that is not listed
is left out of the mention ("this" before "today")."""
_STEP: Final[dict[str, int]] = {
    "last": -1, "this": 0, "earlier this": 0, "later this": 0, "next": 1,
}  # fmt: skip
"""The words REL_BEFORE matches, as steps from the publication week, month or year."""


def _words(text: str) -> str:
    """Return text lower-cased with runs of whitespace made single spaces."""
    return " ".join(text.lower().split())


def _count(word: str) -> int:
    """Return the number a digit string or a spelt-out count stands for."""
    word = _words(word)
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    """Return the (year, month) ``step`` months after (or before) the given one."""
    years, index = divmod(month - 1 + step, 12)
    return year + years, index + 1


def _day_word(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return the day that "today", "yesterday", "this morning" or "last night" means."""
    if anchor is None or not anchor.has_day or not word_start(text, match.start()):
        return None
    rel = before(DAY_REL_BEFORE, text, match.start())
    word = match[0].lower()
    if rel is not None and (rel["rel"].lower(), word) in _DAY_WORDS:
        key, start = (rel["rel"].lower(), word), rel.start()
    else:
        key, start = ("", word), match.start()
    if key not in _DAY_WORDS:
        return None
    day = anchor.day + timedelta(days=_DAY_WORDS[key])
    return Hit(start, match.end(), ymd(day.year, day.month, day.day), "relative")


def _weekday(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return the day "on Tuesday" means: the latest Tuesday on or before publication
    ("last Tuesday": strictly before; "next Tuesday": strictly after)."""
    if anchor is None or not anchor.has_day or not word_start(text, match.start()):
        return None
    wanted, today = WEEKDAYS[match["wd"].lower()], anchor.day.weekday()
    rel = before(WEEKDAY_REL_BEFORE, text, match.start())
    step = "" if rel is None else _words(rel["rel"])
    if step == "next":
        delta = (wanted - today - 1) % 7 + 1
    elif step in ("last", "this past", "past"):
        delta = -((today - wanted - 1) % 7 + 1)
    else:
        delta = -((today - wanted) % 7)
    day = anchor.day + timedelta(days=delta)
    start = match.start() if rel is None else rel.start()
    return Hit(start, match.end(), ymd(day.year, day.month, day.day), "relative")


def _period(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return the week, weekend, month or year of "last week", "earlier this month"..."""
    unit = match["unit"].lower()
    if anchor is None or not word_start(text, match.start()):
        return None
    if unit == "weekend":
        lead = before(WEEKEND_BEFORE, text, match.start())
        return None if lead is None else _weekend(lead.start(), match.end(), anchor)
    rel = before(REL_BEFORE, text, match.start())
    if rel is None:
        return None
    edtf = _shift(anchor, unit, _STEP[_words(rel["rel"])])
    return None if edtf is None else Hit(rel.start(), match.end(), edtf, "relative")


def _shift(anchor: Anchor, unit: str, step: int) -> str | None:
    """Return the week (Monday/Sunday), month or year ``step`` units from publication."""
    if unit == "year":
        return ymd(anchor.day.year + step)
    if unit == "month":
        if not anchor.has_month:
            return None
        return ymd(*_shift_month(anchor.day.year, anchor.day.month, step))
    if not anchor.has_day:
        # "next week" in a report dated only to its month: that month, as far as we know
        return ymd(anchor.day.year, anchor.day.month) if anchor.has_month else None
    monday = anchor.day - timedelta(days=anchor.day.weekday()) + timedelta(weeks=step)
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def _weekend(start: int, end: int, anchor: Anchor) -> Hit | None:
    """Return the Saturday/Sunday interval of the weekend before publication."""
    if not anchor.has_day:
        return None
    saturday = anchor.day - timedelta(days=(anchor.day.weekday() - 5 - 1) % 7 + 1)
    edtf = f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}"
    return Hit(start, end, edtf, "relative")


def _ago(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return the approximate day, month or year of "two weeks ago" and the like."""
    lead = before(AGO_BEFORE, text, match.start())
    if anchor is None or lead is None:
        return None
    count = _count(lead["n"])
    edtf = _back(anchor, lead["unit"].lower(), count) if 1 <= count <= 100 else None
    return None if edtf is None else Hit(lead.start(), match.end(), edtf + "~", "relative")


def _back(anchor: Anchor, unit: str, count: int) -> str | None:
    """Return the day, month or year ``count`` units before publication, or None when the
    publication date is too coarse for the unit."""
    if unit in ("day", "week"):
        if not anchor.has_day:
            return None
        day = anchor.day - timedelta(days=count * (7 if unit == "week" else 1))
        return ymd(day.year, day.month, day.day)
    if unit == "month":
        if not anchor.has_month:
            return None
        return ymd(*_shift_month(anchor.day.year, anchor.day.month, -count))
    return ymd(anchor.day.year - count * (10 if unit == "decade" else 1))


def _duration(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return "{pubyear}/{pubyear+N}" for "a 10-year deal"."""
    lead = before(DURATION_BEFORE, text, match.start())
    if anchor is None or lead is None or not word_start(text, match.start()):
        return None
    count = _count(lead["n"])
    if not 1 <= count <= 100:
        return None
    edtf = f"{ymd(anchor.day.year)}/{ymd(anchor.day.year + count)}"
    return Hit(lead.start(), match.end(), edtf, "duration")


def _anaphor(match: re.Match[str], text: str, anchor: Anchor | None) -> Hit | None:
    """Return a placeholder for "at about the same time", "that same year" or "later
    that month", which takes its date from the mention before it."""
    word, unit = match["w"].lower(), match["unit"].lower()
    if not word_start(text, match.start()):
        return None
    if word == "that":
        lead = before(THAT_PERIOD_BEFORE, text, match.start())
    elif unit == "time":
        lead = before(SAME_TIME_BEFORE, text, match.start())
    else:
        lead = before(SAME_PERIOD_BEFORE, text, match.start())
    if lead is None or (word == "that" and unit == "time"):
        return None
    refer = "approx" if unit == "time" else unit
    return Hit(lead.start(), match.end(), "", "anaphoric", refer=refer)


RELATIVE_RULES: Final[tuple[Rule, ...]] = (
    rule(
        "day_word",
        r"(?:today|Today|tonight|Tonight|yesterday|Yesterday|tomorrow|Tomorrow|morning|"
        r"afternoon|evening|night)\b",
        _day_word,
        "word",
        anchor=True,
    ),
    rule("weekday", WEEKDAY, _weekday, "weekday", anchor=True),
    rule(
        "period",
        r"(?P<unit>week|Week|weekend|Weekend|month|Month|year|Year)\b",
        _period,
        "word",
        anchor=True,
    ),
    rule("ago", r"ago\b", _ago, "word", anchor=True),
    rule(
        "duration",
        rf"(?:year|Year)(?:[-\s](?i:long))?{DURATION_NOUN_AHEAD}",
        _duration,
        "word",
        anchor=True,
    ),
    rule("anaphor", r"(?P<w>same|that)\s+(?P<unit>time|year|month)\b", _anaphor, "word"),
)
"""The relative, duration and anaphoric rules; on equal spans the earlier row wins."""
