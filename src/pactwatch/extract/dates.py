"""The temporal tagger: date expressions in English news text, as EDTF values.

``tag_dates(text, published=...)`` finds absolute dates at every precision
("31 October 2025", "Sept. 2025", "2016", "the early 1990s"), spans
("2025–2035", "September 9-22, 2024", "through 2035"), approximate dates
("around 2019"), dates relative to publication ("last week", "two weeks ago"),
durations ("a 10-year framework") and anaphora ("at about the same time").
Values are EDTF (Library of Congress, https://www.loc.gov/standards/datetime/;
ISO 8601-2) and every one parses with ``edtf.parse_edtf``.

It is pure and deterministic. Regular expressions compiled at import run over
the raw text, only in short windows around cheap triggers (a year, a month or
weekday name, "week", "ago"...), then four passes settle the hits: keep the
longest of overlapping hits, join "A to B" and "October last year", widen a hit
over a qualifier before it ("around", "early", "until"), and fill anaphora from
the mention before. No date library is called per mention.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date

from pactwatch.extract.dates_base import (
    Anchor,
    Hit,
    approximate,
    before,
    lower_bound,
    parse_anchor,
    precision_of,
    with_year,
)
from pactwatch.extract.dates_calendar import CALENDAR_RULES
from pactwatch.extract.dates_patterns import (
    APPROX_BEFORE,
    LEAD_BEFORE,
    NAME_KIND,
    NAME_OR_YEAR,
    OPEN_START_BEFORE,
    QUALIFIER_BEFORE,
    RANGE_JOIN,
    TRIGGERS,
    WORD_TRIGGERS,
    YEAR_AFTER_MONTH,
    Trigger,
)
from pactwatch.extract.dates_relative import RELATIVE_RULES

__all__ = ["DateMention", "parse_published", "tag_dates"]

_RULES = CALENDAR_RULES + RELATIVE_RULES


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression in a text, with its EDTF value.

    ``text == source[start:end]``. ``kind`` is ``"absolute"``, ``"relative"``
    (resolved against publication), ``"interval"``, ``"duration"`` or
    ``"anaphoric"`` (taken from the mention before); ``precision`` is ``"day"``,
    ``"month"``, ``"year"``, ``"decade"`` or ``"interval"`` (any value with ``/``).
    """

    start: int
    end: int
    text: str
    edtf: str
    kind: str
    precision: str


def parse_published(value: str | None) -> date | None:
    """Return the anchor day of an EDTF publication date, or None when it names no year.

    Qualifiers are dropped ("2022-11~" -> 2022-11-01). A month or a year stands
    for its first day; :func:`tag_dates` keeps track of the coarser precision and
    then skips expressions that need a day ("yesterday", "on Tuesday").
    """
    anchor = parse_anchor(value)
    return None if anchor is None else anchor.day


def tag_dates(text: str, *, published: str | None = None) -> list[DateMention]:
    """Return the date mentions in text, sorted by start, non-overlapping (longest wins).

    ``published`` is the document's EDTF publication date; without it,
    expressions that need it (relative ones, a month without a year) are left out.
    """
    if not text:
        return []
    anchor = parse_anchor(published)
    hits = _keep_longest(_match_rules(text, anchor))
    hits = _widen(text, _join_ranges(text, hits))
    return [_mention(text, hit) for hit in _fill_anaphora(hits)]


def _match_rules(text: str, anchor: Anchor | None) -> list[Hit]:
    """Return every hit of every rule, overlapping or not."""
    hits: list[Hit] = []
    windows = _windows(text)
    for rule in _RULES:
        if rule.needs_anchor and anchor is None:
            continue
        for start, end in windows[rule.trigger]:
            for match in rule.pattern.finditer(text, start, end):
                hit = rule.build(match, text, anchor)
                if hit is not None:
                    hits.append(hit)
    return hits


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Return, for each trigger kind, the disjoint stretches of text around its triggers."""
    found: dict[str, list[int]] = {kind: [] for kind in TRIGGERS}
    for match in NAME_OR_YEAR.finditer(text):
        found[NAME_KIND.get(match[0], "year")].append(match.start())
    for word in WORD_TRIGGERS:
        index = text.find(word)
        while index != -1:
            found["word"].append(index)
            index = text.find(word, index + 1)
    return {kind: _merge(sorted(starts), TRIGGERS[kind]) for kind, starts in found.items()}


def _merge(starts: list[int], trigger: Trigger) -> list[tuple[int, int]]:
    """Return the windows around sorted trigger starts, overlapping ones merged."""
    windows: list[tuple[int, int]] = []
    for found in starts:
        start, end = max(0, found - trigger.before), found + trigger.after
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _keep_longest(hits: list[Hit]) -> list[Hit]:
    """Return the hits that no longer (or equal, earlier-ruled) hit overlaps, by start."""
    kept: list[Hit] = []
    starts: list[int] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        index = bisect_right(starts, hit.start)
        if index and kept[index - 1].end > hit.start:
            continue
        if index < len(kept) and kept[index].start < hit.end:
            continue
        kept.insert(index, hit)
        starts.insert(index, hit.start)
    return kept


def _is_point(hit: Hit) -> bool:
    """Return True for an absolute hit naming one day, month or year (no span, no ~)."""
    return hit.kind == "absolute" and not any(c in hit.edtf for c in "/X~")


def _join_ranges(text: str, hits: list[Hit]) -> list[Hit]:
    """Return the hits with "March 2016 to June 2018"-like pairs joined into intervals."""
    out: list[Hit] = []
    for hit in hits:
        joined = (_join(text, out[-1], hit) or _join_year(text, out[-1], hit)) if out else None
        if joined is None:
            out.append(hit)
        else:
            out[-1] = joined
    return out


def _join(text: str, first: Hit, last: Hit) -> Hit | None:
    """Return the interval from first to last when a dash or "to" joins them, else None."""
    if not (_is_point(first) and _is_point(last)):
        return None
    join = RANGE_JOIN.fullmatch(text, first.end, last.start)
    lead = before(LEAD_BEFORE, text, first.start)
    if join is None or ((join["conn"] or "").lower() == "and" and lead is None):
        return None
    low, high = _align_years(first, last)
    if lower_bound(low) >= lower_bound(high):
        return None
    start = first.start if lead is None else lead.start()
    return Hit(start, last.end, f"{low}/{high}", "interval", first.inferred_year)


def _join_year(text: str, first: Hit, last: Hit) -> Hit | None:
    """Return "October last year" as one month when a year said relative to publication
    follows a month or day named without a year, else None."""
    if not first.inferred_year or last.kind != "relative" or len(last.edtf) != 4:
        return None
    if YEAR_AFTER_MONTH.fullmatch(text, first.end, last.start) is None:
        return None
    return Hit(first.start, last.end, with_year(first.edtf, int(last.edtf)), "relative")


def _align_years(first: Hit, last: Hit) -> tuple[str, str]:
    """Return both ends, a publication-year end moved to the year the other end states."""
    low, high = first.edtf, last.edtf
    if first.inferred_year and not last.inferred_year and len(low) > 4:
        low = with_year(low, int(high[:4]))
        if lower_bound(low) > lower_bound(high):
            low = with_year(low, int(high[:4]) - 1)
    elif last.inferred_year and not first.inferred_year and len(high) > 4:
        high = with_year(high, int(low[:4]))
        if lower_bound(high) < lower_bound(low):
            high = with_year(high, int(low[:4]) + 1)
    return low, high


def _widen(text: str, hits: list[Hit]) -> list[Hit]:
    """Return the hits widened over "early"/"mid"/"late", "around"/"circa" and
    "through"/"until" just before them, with the value changed to match."""
    out: list[Hit] = []
    for hit in hits:
        floor = out[-1].end if out else 0
        out.append(_widen_one(text, hit, floor) if _is_point(hit) else hit)
    return out


def _widen_one(text: str, hit: Hit, floor: int) -> Hit:
    """Return one point hit widened over the qualifiers before it (none before floor)."""
    if len(hit.edtf) < 10:
        qualifier = before(QUALIFIER_BEFORE, text, hit.start, floor=floor)
        if qualifier is not None:
            hit = hit.widen(qualifier.start())
    approx = before(APPROX_BEFORE, text, hit.start, floor=floor)
    if approx is not None:
        hit = replace(hit.widen(approx.start()), edtf=approximate(hit.edtf))
    open_start = before(OPEN_START_BEFORE, text, hit.start, floor=floor)
    if open_start is not None:
        hit = replace(hit.widen(open_start.start()), edtf=f"../{hit.edtf}", kind="interval")
    return hit


def _fill_anaphora(hits: list[Hit]) -> list[Hit]:
    """Return the hits with anaphora valued from the absolute mention before them
    (dropped when there is none, or when it is too coarse for "that same month")."""
    out: list[Hit] = []
    previous = ""
    for hit in hits:
        if hit.kind == "absolute":
            previous = hit.edtf
        if hit.kind != "anaphoric":
            out.append(hit)
            continue
        value = _refer(previous, hit.refer)
        if value:
            out.append(replace(hit, edtf=value))
    return out


def _refer(previous: str, refer: str) -> str:
    """Return the value an anaphor takes from the previous mention, or "" for none."""
    if not previous or refer == "approx":
        return approximate(previous) if previous else ""
    size = 4 if refer == "year" else 7
    bare = previous.rstrip("~")
    if "/" in bare or "X" in bare or len(bare) < size:
        return ""
    return bare[:size]


def _mention(text: str, hit: Hit) -> DateMention:
    """Return the public mention of a settled hit."""
    return DateMention(
        start=hit.start,
        end=hit.end,
        text=text[hit.start : hit.end],
        edtf=hit.edtf,
        kind=hit.kind,
        precision=precision_of(hit.edtf),
    )
