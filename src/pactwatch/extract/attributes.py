"""Attributes of an event found around its subject: status, modality, date, place, quantity.

Each function looks at one sentence and the subject's span in it, and picks
what the text attaches to that subject, not merely the nearest thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from pactwatch.extract.context import SentenceInfo
from pactwatch.extract.dates import DateMention
from pactwatch.extract.dates_patterns import MONTH_NAMES
from pactwatch.extract.lexicon import METONYM
from pactwatch.extract.names import DATE_AFTER
from pactwatch.extract.triggers import FUTURE_CUES, HEDGE_CUES, NEGATION_CUES, triggers_in

# A done status and what it becomes when the statement is future, planned or hedged.
_NOT_YET: Final[dict[tuple[str, str], str | None]] = {
    ("agreement", "signed"): "negotiating",
    ("agreement", "in_force"): "signed",
    ("agreement", "extended"): "negotiating",
    ("meeting", "held"): "planned",
    ("visit", "held"): "planned",
    ("exercise", "held"): "planned",
    ("port_call", "held"): "planned",
    ("procurement", "ordered"): "negotiating",
    ("procurement", "delivered"): None,
    ("procurement", "delivering"): None,
    ("procurement", "in_service"): None,
    ("coproduction", "underway"): "agreed",
    ("institution", "established"): None,
    ("designation", "granted"): None,
    ("trade_measure", "imposed"): None,
    ("trade_measure", "lifted"): None,
}

# Words right before a date that attach it to something other than the event itself.
_NOT_EVENT_DATE = re.compile(
    r"(?:until|till|through|to|by the end of|by|since|since\b[^,;.]{1,30}|ending|ends?"
    r"|expire[sd]? in|delivery date of"
    r"|deliver(?:ed|ies|y)?(?: (?:in|by|from|between))?|from|starting|valid until|beyond|past"
    r"|over|receiving|due(?: in| by)?|expected (?:in|by))\s*$"
)
_OPENING = re.compile(r"(?:[A-Z][\w ,.]{0,40}[—–-]+\s*)?(?:On|In|By|At|Since|Last)?\s*")
"""Text that may stand before a date that opens a sentence ("On 26 August, ...")."""
_ADJACENT_DATE = re.compile(r",?\s*(?:from|of|in|dated|signed in|\()?\s*")
_PARENTHESIS_AFTER = re.compile(r"\s*\([^()]{0,120}\)")
_NUMBER_WORDS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "eighteen": 18, "twenty": 20, "twenty-four": 24,
    "thirty": 30, "thirty-six": 36, "forty": 40, "fifty": 50, "hundred": 100, "a dozen": 12,
    "dozen": 12, "pair": 2, "a pair of": 2, "both": 2,
}  # fmt: skip
_COORDINATED = re.compile(
    r"\s*(?:\([^()]*\))?\s*(?:,|and|as well as|,\s*and)\s+(?:an?\s+|the\s+)?"
    r"(?:(?:\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r")\s+)?"
)
"""What joins two subjects that share a date ("X and three Y on July 13")."""
_CALIBRE = r"\d+(?:\.\d+)?\s*[x×]\s*\d+\s*mm\b"
"""A calibre ("7.62 x 39mm") is one word of what is counted, not a count of its own."""
_QUANTITY = re.compile(
    r"(?<![\d.,])(?P<q>\b\d{1,3}(?:,\d{2,3})+\b|\b\d+\b|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b)"
    r"(?P<gap>(?:\s+(?!(?:and|or|of|to|in|on|at|for|from|with|under|by|is|are|was|were)\b)"
    rf"(?![a-z]+ed\b)(?:{_CALIBRE}|[\w.’'-]+)){{0,4}}?)\s*$",
    re.IGNORECASE,
)
_QUANTITY_OF = re.compile(
    r"(?P<q>\b\d{1,3}(?:,\d{2,3})+\b|\b\d+\b) of (?:the|its|their) (?P<gap>(?:[\w-]+ ){0,3})$"
)
_FIRST_OF = re.compile(
    r"\b(?:first|second|third|last|final|one|each)\s+of\s+(?:the\s+)?[\w,]+\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_ORDINAL_COUNT = re.compile(r"(?:first|second|third|last|final|initial)\s+(\d[\d,]*)\s", re.I)
_N_DAY_VISIT = re.compile(r"\b(\w+|\d+)-day (?:\w+ ){0,2}(?:visit|trip|tour)\b")
_ENDED = re.compile(r"\b(?:wrapp?(?:ed|ing) up|wrapped|ended|ending|concluded|wound up)\b")
_BEGAN = re.compile(r"\b(?:began|begins|started|starts|arrived|arrives|kicked off)\b")
_INEXACT_BEFORE = re.compile(
    r"(?:more than|over|about|around|nearly|almost|up to|at least|some|roughly|approximately"
    r"|some|fewer than|less than|under)\s*$",
    re.IGNORECASE,
)
_PLACE_NAME = r"[A-Z][\w’'.-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w’'.-]*)*"
_PLACE = re.compile(
    r"\b(?:in|at|to|near|off|over)\s+(?:the\s+)?(?:[a-zA-Z-]+\s+){0,2}?"
    r"(?:region|port|city|province|state|district|town|base|island|islands|waters|coast)\s+of\s+"
    rf"(?P<place>{_PLACE_NAME})"
    rf"|\b(?:in|at|to|near|off|over|visit|visited|visiting)\s+(?:the\s+)?"
    rf"(?P<named>{_PLACE_NAME}(?:,\s+{_PLACE_NAME})?)"
)
_EVENT_AFTER = re.compile(
    r"\s+(?:summit|meeting|talks|conference|exercises?|drills|forum|ceremony|session)\b"
)
_NOT_PLACE_TAIL = re.compile(
    r"\b(?:Navy|Army|Air Force|Forces|Ministry|Government|Embassy|Parliament|Congress|Command"
    r"|Corps|Guard|Agency|Council|Committee|Department|Office|Group|Company|Corporation|Ltd"
    r"|Limited|Inc|Industries|Aerospace|Dynamics|Systems|Administration|Times|Post|News|Summit"
    r"|Meeting|Dialogue|Conference|Forum|Exercise|Agreement|Treaty|[Pp]rogram|[Pp]rogramme"
    r"|[Pp]roject|\d\w*)\b"
)
_POSSESSIVE = re.compile(r"[’']s?(?:\s|$)")
_ENDS_POSSESSIVE = re.compile(r"[’']s?$")
_TITLE_IN_PLACE = re.compile(
    r"\b(?:President|Prime|Minister|Secretary|Chancellor|Crown|Prince|King|Queen|Emir|Sultan"
    r"|Chief|General|Admiral|Foreign|Defen[cs]e)\b"
)
_WITHIN = re.compile(
    rf",?\s+in\s+(?:the\s+)?(?!(?:{MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
    r"[A-Z]"
)
_NOT_PLACE_WORDS = re.compile(
    rf"^(?:{MONTH_NAMES}"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|\d)"
)


_APPOSED_PARTICIPLE: Final = re.compile(r"\s*,\s*(?:which was\s+|that was\s+)?")
"""What stands between a subject and a participle that reports it done ("X, signed in 2024")."""
_NOT_YET_CUE: Final = re.compile(r"\b(?:yet to|not yet|still to)\b")
_NAMED_BY_TRIGGER: Final = frozenset({"meeting", "visit", "exercise", "port_call", "institution"})
"""Types whose subject may hold the trigger word itself ("one-on-one meeting")."""
_REACH: Final = 160
_OBJECT_GAP: Final = 12
"""How far after a trigger its object may start ("took delivery of the S-400")."""
"""How far (in characters) a trigger may be from the subject it gives a status to."""


@dataclass(frozen=True, slots=True)
class Status:
    """The status a sentence gives an event, with the trigger that stated it and the flags."""

    value: str | None
    trigger: tuple[int, int] | None
    hedged: bool
    negated: bool


def find_status(
    info: SentenceInfo,
    event_type: str,
    start: int,
    end: int,
    rivals: Sequence[tuple[int, int]] = (),
) -> Status:
    """Return the status of an ``event_type`` whose subject spans ``start:end`` (absolute).

    The nearest trigger that states a status wins; a trigger that only says
    the event is of this type ("purchases") gives no status, and counts only
    when no status-bearing trigger is within reach. A trigger whose object is
    another subject ("took delivery of the S-400") is that subject's.
    """
    lo, hi = info.local(start), info.local(end)
    objects = [info.local(s) for s, _ in rivals if s != start]
    stated: tuple[int, str | None, int, int] | None = None
    bare: tuple[int, str | None, int, int] | None = None
    for row_status, m_start, m_end in triggers_in(info, event_type):
        if hi <= m_start and any(0 <= o - m_end <= _OBJECT_GAP for o in objects):
            continue  # a later verb whose object is another subject
        inside = lo <= m_start and m_end <= hi
        if inside and event_type in _NAMED_BY_TRIGGER:
            distance = 0  # "a one-on-one meeting", "the summit"
        elif inside:
            continue  # "the pact on an existing framework": a word of the name
        else:
            distance = _distance(m_start, m_end, lo, hi)
        candidate = (distance, row_status, m_start, m_end)
        if row_status is None:
            bare = candidate if bare is None or distance < bare[0] else bare
        elif stated is None or distance < stated[0]:
            stated = candidate
    best = stated if stated is not None and stated[0] <= _REACH else bare
    if best is None or best[0] > _REACH:
        return Status(None, None, False, _negated(info.lower, lo))
    _, status, t_start, t_end = best
    window = info.lower[max(0, min(t_start, lo) - 45) : t_start]
    if t_start >= hi and _APPOSED_PARTICIPLE.fullmatch(info.lower[hi:t_start]):
        window = ""  # "would set up a new X, signed in November": the participle is done
    negated = NEGATION_CUES.search(window) is not None
    future = FUTURE_CUES.search(window) is not None or window.endswith("to be ")
    hedged = HEDGE_CUES.search(window) is not None
    if status is not None and negated and not _NOT_YET_CUE.search(window):
        status = None  # "refused to sign", "did not hold": it did not happen
    elif status is not None and (negated or future or hedged):
        status = _NOT_YET.get((event_type, status), status)
    absolute = (info.start + t_start, info.start + t_end)
    return Status(status, absolute, hedged or future, negated)


def _negated(lower: str, at: int) -> bool:
    return NEGATION_CUES.search(lower[max(0, at - 40) : at]) is not None


def find_date(
    info: SentenceInfo, start: int, end: int, rivals: list[tuple[int, int]]
) -> str | None:
    """Return the EDTF date the sentence attaches to the subject at ``start:end``, or None.

    A date in a parenthesis right after the subject ("LEMOA (..., 2016)") or
    right after its name ("... from 2013") is its own; so is the first date
    after it before any other subject ("X, signed in Washington in 2019, and
    Y, ..."). Otherwise the nearest date wins, unless another subject
    (``rivals``) is nearer to it, except when that subject is only
    coordinated with this one ("X and a Y in 2024").
    """
    scope_end = _parenthesis_end(info, end)
    best: tuple[int, DateMention] | None = None
    following: DateMention | None = None
    for mention in info.dates:
        if mention.kind == "duration" or (start <= mention.start and mention.end <= end):
            continue  # how long, not when; or part of the name ("Program ... 2021-2031")
        if end <= mention.start and mention.end <= scope_end:
            return mention.edtf
        if _modifies_another(info, mention, start):
            continue  # "under a 1981 aid package": the package's year, not this event's
        gap = info.text[info.local(end) : info.local(mention.start)]
        adjacent = end <= mention.start and _ADJACENT_DATE.fullmatch(gap) is not None
        if adjacent and _years_span(mention) and gap.strip() in ("from", "for", ""):
            continue  # "Program ... from 2021-2031": the term it covers, part of its name
        if adjacent:
            return mention.edtf
        before = info.lower[max(0, info.local(mention.start) - 45) : info.local(mention.start)]
        if _NOT_EVENT_DATE.search(before):
            continue
        if (
            following is None
            and end <= mention.start
            and not _subject_between(rivals, end, mention)
        ):
            following = mention
        distance = _distance(mention.start, mention.end, start, end)
        opening = _OPENING.fullmatch(info.text[: info.local(mention.start)]) is not None
        if not opening and _taken_by_rival(info, mention, start, end, distance, rivals):
            continue
        if best is None or distance < best[0]:
            best = (distance, mention)
    if following is not None:
        return following.edtf
    return best[1].edtf if best is not None else None


_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|this|that)\s+$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+(?:[a-z][\w-]*|[A-Z][a-z][\w-]*)")
_EVENT_NOUN = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:contracts?|deals?|orders?|agreements?|pacts?|treat(?:y|ies)|accords?"
    r"|memorand\w+|mous?|visits?|trips?|tours?|summits?|meetings?|talks|dialogues?|exercises?"
    r"|drills|bans?|embargo(?:es)?|sanctions|sales?|purchases?|deliver(?:y|ies)|decisions?"
    r"|announcements?|statements?|declarations?|frameworks?|program(?:me)?s?|rounds?|editions?"
    r"|signing|approvals?)\b",
    re.IGNORECASE,
)
"""A noun after a year that makes the year an event's: "a 2015 contract", "a 2016 visit"."""


def _modifies_another(info: SentenceInfo, mention: DateMention, start: int) -> bool:
    """Whether a year stands as an adjective of another noun ("a 1981 aid package"), not
    before this subject itself ("the 2014 Enhanced Defense Cooperation Agreement")."""
    lo, hi = info.local(mention.start), info.local(mention.end)
    if not re.fullmatch(r"\d{4}", info.text[lo:hi]) or mention.end == start:
        return False
    if info.text[hi : info.local(start)].strip() == "" and mention.end <= start:
        return False
    return (
        _ATTRIBUTIVE_BEFORE.search(info.text[max(0, lo - 8) : lo]) is not None
        and _WORD_AFTER.match(info.text, hi) is not None
        and _EVENT_NOUN.match(info.text, hi) is None
    )


def _years_span(mention: DateMention) -> bool:
    """Return True for an interval of whole years ("2021-2031")."""
    return re.fullmatch(r"\d{4}/\d{4}", mention.edtf) is not None


def _subject_between(rivals: list[tuple[int, int]], end: int, mention: DateMention) -> bool:
    return any(end <= r_start < mention.start for r_start, _ in rivals)


def is_event_date(info: SentenceInfo, mention: DateMention) -> bool:
    """Return False for a date that bounds something else ("since 1975", "through 2035")."""
    before = info.lower[max(0, info.local(mention.start) - 45) : info.local(mention.start)]
    return mention.kind != "duration" and _NOT_EVENT_DATE.search(before) is None


def _parenthesis_end(info: SentenceInfo, end: int) -> int:
    match = _PARENTHESIS_AFTER.match(info.text, info.local(end))
    return info.start + match.end() if match else end


def _taken_by_rival(
    info: SentenceInfo,
    mention: DateMention,
    start: int,
    end: int,
    distance: int,
    rivals: list[tuple[int, int]],
) -> bool:
    for r_start, r_end in rivals:
        if (r_start, r_end) == (start, end):
            continue
        between = info.text[info.local(min(end, r_end)) : info.local(max(start, r_start))]
        if end <= r_start <= mention.start and _COORDINATED.fullmatch(between):
            continue  # "X and a Y in August 2024": the date is shared
        close = 0 <= r_start - mention.end <= _LIST_REACH
        if close and r_end <= start and _listed_with(info, r_end, start, rivals):
            continue  # "in July 2022 for 180 K2 tanks, 212 K9 howitzers": shared too
        own = DATE_AFTER.match(info.text, info.local(r_end))
        if own is not None and info.start + own.end() >= mention.end:
            return True  # "the Partnership concluded in 2009 to a new one": the rival's date
        if _distance(mention.start, mention.end, r_start, r_end) < distance:
            return True
    return False


_LIST_REACH: Final = 30
"""How close a date must stand before a list of subjects to date them all."""


def _listed_with(info: SentenceInfo, end: int, start: int, rivals: list[tuple[int, int]]) -> bool:
    """Whether ``end`` (a subject's end) and ``start`` (a later subject's start) are joined by a
    list of subjects only ("K2 tanks, 212 K9 howitzers and 48 FA-50 jets")."""
    starts = {r_start: r_end for r_start, r_end in rivals}
    at = end
    while True:
        joint = _COORDINATED.match(info.text, info.local(at))
        if joint is None:
            return False
        at = info.start + joint.end()
        if at == start:
            return True
        if at not in starts or starts[at] > start:
            return False
        at = starts[at]


def visit_span(lower: str, edtf: str) -> str:
    """Return the interval of an "N-day visit" that ended (or began) on the day ``edtf``.

    "wrapped a two-day visit" dated 2020-02-25 -> "2020-02-24/2020-02-25".
    """
    match = _N_DAY_VISIT.search(lower)
    day = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", edtf)
    if match is None or day is None:
        return edtf
    days = _NUMBER_WORDS.get(match.group(1)) or int(match.group(1) or 0)
    if not 1 < days <= 14:
        return edtf
    when = date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
    if _ENDED.search(lower):
        return f"{when - timedelta(days=days - 1)}/{when}"
    if _BEGAN.search(lower):
        return f"{when}/{when + timedelta(days=days - 1)}"
    return edtf


def dates_overlap(first: str | None, second: str | None) -> bool:
    """Return True when two EDTF dates can name the same time (None fits anything).

    "2023-07" and "2023-07-13" overlap; so do "2019-09-02" and
    "2019-09-02/2019-09-03"; "2015" and "2023-07" do not.
    """
    if first is None or second is None:
        return True
    a_lo, a_hi = _bounds(first)
    b_lo, b_hi = _bounds(second)
    return a_lo <= b_hi and b_lo <= a_hi


def _bounds(edtf: str) -> tuple[str, str]:
    """Return the first and last day an EDTF date can mean, as comparable strings."""
    parts = edtf.replace("~", "").replace("?", "").replace("%", "").split("/")
    lo, hi = parts[0], parts[-1]
    lo = "0000" if lo in ("", "..") else lo
    hi = "9999" if hi in ("", "..") else hi
    return _pad(lo.replace("X", "0"), "0000-01-01"), _pad(hi.replace("X", "9"), "9999-12-31")


def _pad(value: str, fill: str) -> str:
    return value + fill[len(value) :]


def month_of(edtf: str) -> str:
    """Return the month of a day-precision EDTF date ("2023-04-11" -> "2023-04"), else it."""
    match = re.fullmatch(r"(\d{4}-\d{2})-\d{2}([~?%]?)", edtf)
    return match.group(1) + match.group(2) if match else edtf


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


def find_quantity(info: SentenceInfo, start: int) -> int | None:
    """Return the exact count written just before the subject ("31 MQ-9B", "six TB2s"), or None.

    A count inside the subject after an ordinal ("first 14 U.S.-made tanks") counts too.
    """
    if _FIRST_OF.search(info.text[max(0, info.local(start) - 30) : info.local(start)]):
        return None  # "the first of 30 jets": one of them, not 30
    inside = _ORDINAL_COUNT.match(info.text, info.local(start))
    if inside is not None:
        return int(inside.group(1).replace(",", ""))
    before = info.text[max(0, info.local(start) - 60) : info.local(start)]
    match = _QUANTITY.search(before) or _QUANTITY_OF.search(before)
    if match is None:
        return None
    if _INEXACT_BEFORE.search(before[: match.start()]):
        return None
    raw = match.group("q").lower()
    if raw in _NUMBER_WORDS:
        return _NUMBER_WORDS[raw]
    value = int(raw.replace(",", ""))
    if 1900 <= value <= 2100 and "," not in raw:
        return None  # a year, not a count
    return value if value > 0 else None


def find_place(
    info: SentenceInfo,
    start: int,
    end: int,
    *,
    skip: frozenset[str],
    rivals: Sequence[tuple[int, int]] = (),
) -> str | None:
    """Return the place ("in Kuala Lumpur", "at Fort Wainwright, Alaska") of the subject.

    The first place after the subject, before any other subject (``rivals``),
    is its own; otherwise the nearest place.
    """
    best: tuple[int, str] | None = None
    following: tuple[int, str] | None = None
    for absolute, place in places_in(info, skip=skip):
        inside = start <= absolute and absolute + len(place) <= end
        if inside and absolute == start:
            continue  # the subject's own name ("in the Malabar exercise")
        distance = _distance(absolute, absolute + len(place), start, end)
        if best is None or distance < best[0]:
            best = (distance, place)
        free = not any(end <= r_start < absolute for r_start, _ in rivals)
        if following is None and absolute > start and free:
            following = (distance, place)
    chosen = following or best
    return chosen[1] if chosen is not None else None


def seat_within(info: SentenceInfo, start: int, end: int) -> bool:
    """Return True for a seat of government written with its city after it.

    "the Pentagon in Washington, DC": the city, not the building, is the place.
    """
    return _WITHIN.match(info.text, info.local(end)) is not None and any(
        s.start <= start and end <= s.end and s.how == METONYM for s in info.states
    )


def places_in(info: SentenceInfo, *, skip: frozenset[str]) -> Iterator[tuple[int, str]]:
    """Yield (absolute start, name) of each place the sentence names, in order.

    Occasions ("at the G7 summit"), dates, organisations, possessives
    ("Modi's departure"), a state's adjective alone and the names in ``skip``
    (the document's own states) are not places.
    """
    for match in _PLACE.finditer(info.text):
        group = "place" if match.group("place") else "named"
        place = match.group(group).rstrip(".")
        if _EVENT_AFTER.match(info.text, match.end(group)):
            continue  # "at the G7 summit": an occasion, not a place
        if _ENDS_POSSESSIVE.search(place) or _POSSESSIVE.match(info.text, match.end(group)):
            continue  # "prior to Modi's departure": a person's, not a place
        if _NOT_PLACE_WORDS.match(place) or place in skip or _NOT_PLACE_TAIL.search(place):
            continue
        if place.split(",")[0].strip() in skip:
            continue
        absolute = info.start + match.start(group)
        if any(
            s.start == absolute and s.end >= absolute + len(place) and s.how == "DEMONYM"
            for s in info.states
        ):
            continue  # a state's adjective alone ("the Russian agency") is no place
        if _TITLE_IN_PLACE.search(place):
            continue  # "visiting Japanese Prime Minister Kishida": a person, not a place
        if seat_within(info, absolute, absolute + len(place)):
            continue  # "at the Pentagon in Washington": the seat's city is the place
        yield absolute, place
