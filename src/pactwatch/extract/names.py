"""Patterns that find names beyond any list: "the X Agreement", "X exercise", "USS X".

Each finder takes a sentence's text and returns ``(start, end)`` offsets into
it. Names are runs of capitalised words (and model numbers) that may be
joined by a few lower-case connectors ("Memorandum of Understanding on
...", "Framework for the U.S.–India Major Defence Partnership").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from pactwatch.extract.dates_patterns import MONTH_NAMES

_WORD = r"(?:[A-Z0-9][\w'’.&+]*(?:[–-][\w'’.]+)*)"
_CONNECTOR = r"(?:of|on|for|the|and|in|between|to|&|de|du|des|la|le)"
NAME: Final = rf"{_WORD}(?:\s+(?:{_CONNECTOR}\s+)*{_WORD})*"

# Capitalised words that start sentences or clauses rather than names.
_LEADING_NOISE: Final = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "In",
        "On",
        "At",
        "By",
        "For",
        "Under",
        "After",
        "Before",
        "During",
        "Following",
        "Both",
        "Its",
        "Their",
        "His",
        "Her",
        "Our",
        "Your",
        "My",
        "And",
        "But",
        "As",
        "When",
        "While",
        "Since",
        "Although",
        "Meanwhile",
        "Additionally",
        "However",
        "Also",
        "Then",
        "Thus",
        "Today",
        "Yesterday",
        "Last",
        "Next",
        "Earlier",
        "Later",
        "With",
        "From",
        "Into",
        "Through",
        "Over",
        "Why",
        "What",
        "How",
        "Who",
        "Where",
        "Which",
        "Once",
        "If",
        "Some",
        "Many",
        "Several",
        "Two",
        "Three",
        "Four",
        "Another",
        "Other",
        "Such",
        "Notwithstanding",
        "Further",
        "Moreover",
        "Besides",
        "Indeed",
        "Now",
        "Here",
        "There",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "Former",
        "Then-",
    ]
)

RAISED_TO: Final = re.compile(
    r"\b(?:rais|elevat|upgrad)\w*\s+(?:[\w’'-]+\s+){0,4}?to\s+(?:an?\s+|the\s+)?$"
)
"""What comes before a mechanism that a relationship is raised to ("raising it to a 2+2")."""
AGREEMENT_HEADS: Final = re.compile(
    r"\b(?:Agreements?|Treaty|Treaties|Memorand(?:um|a)|MoU|MoA|MOU|Declaration|Framework"
    r"|Arrangement|Accord|Pact|Protocol|Statement|Minute|Roadmap|Road Map|Charter|Understanding"
    r"|Convention|Plan|Program|Programme|Letter of Intent|Terms of Reference|Compact|Vision"
    r"|Partnership(?!\s+Council))\b"
)
MEETING_HEADS: Final = re.compile(
    r"\b(?:Meeting|Summit|Dialogue|Talks|Consultations?|Ministerial)$"
)
INSTITUTION_HEADS: Final = re.compile(
    r"\b(?:Group|Working Group|Commission|Committee|Council|Task Force|Mechanism|Centre|Center"
    r"|Board|Cell|Office|Secretariat|Initiative|Partnership Council)$"
)
EXERCISE_WORDS: Final = (
    r"(?:exercises?|drills?|manoeuvres|maneuvers|war ?games|wargames|patrol mission"
    r"|patrols?(?!\s+(?:boats?|vessels?|ships?|craft|gunboats?|aircraft|planes?|cutters?)\b))"
)
_EXERCISE_MODIFIERS: Final = (
    r"(?:(?:joint|combined|bilateral|trilateral|multilateral|military|naval|air|army|annual"
    r"|yearly|biennial|maritime|amphibious|field|tactical|command[- ]post|live-fire"
    r"|anti-terror(?:ism|ist)?|counter-terror(?:ism)?|special forces|strategic)\s+)*"
)

_NAMED_EXERCISE_BEFORE = re.compile(
    rf"[“\"‘']?(?P<name>{NAME})[”\"’']?,?\s+{_EXERCISE_MODIFIERS}{EXERCISE_WORDS}\b"
)
_NAMED_EXERCISE_AFTER = re.compile(
    rf"\b(?:exercise|drills|manoeuvres|exercises)\s+(?:called\s+|named\s+|dubbed\s+)?"
    rf"(?:the\s+)?[“\"‘']?(?P<name>{NAME})[”\"’']?"
)
_CALLED_NAME = re.compile(
    rf"\b(?:called|named|dubbed|code-?named)\s+(?:the\s+)?[“\"‘'](?P<name>{NAME})[”\"’']"
)
_EXERCISE_HEADED = re.compile(
    r"\s(?:Exercises?|Drills?|Manoeuvres|Maneuvers)$"
    r"|^(?:Combined|Joint|Bilateral)\s.*\sOperations?$"
)
"""Capitalised names that are exercises by their last word ("Combined Amphibious Operation")."""
_TRAILING_NUMBER = re.compile(rf"(?:\s+{_CONNECTOR}\s+[\d][\d,.–-]*)+$")
"""A run that ends "... Exercise in 2023": the year is not part of the name."""
_DATE_WORDS = rf"\s+(?:in|on|of)\s+(?:{MONTH_NAMES})(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?"
_TRAILING_DATE = re.compile(_DATE_WORDS + r"(?:\s.*)?$")
"""A run that goes on "... Statement in October 2018 ...": the name ends before the date."""
DATE_AFTER: Final = re.compile(
    r"(?:,?\s+(?:signed|concluded|agreed|reached|established|adopted|launched))?"
    rf"(?:{_DATE_WORDS}\b|\s+(?:in|of)\s+(?:19|20)\d\d\b)"
)
"""A date right after a name ("Vision Statement in October 2018", "... concluded in 2009")."""
_NAME_RUN = re.compile(NAME)
_PARENTHESIS = re.compile(r"\s*\((?P<inner>[^()]{1,80})\)")
_SHIP = re.compile(
    r"\b(?P<prefix>[A-Z]{2,5})\s+(?P<name>[A-Z][a-z’'.-]+(?:\s+[A-Z][a-z’'.-]+){0,3})"
)


def strip_leading_noise(text: str, start: int) -> tuple[str, int]:
    """Drop sentence-starting words ("The", "By", "On") from a name; return it and its start."""
    while True:
        first, _, rest = text.partition(" ")
        if not rest or first not in _LEADING_NOISE:
            return text, start
        start += len(first) + 1
        text = rest.lstrip()


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    name, new_start = strip_leading_noise(text[start:end], start)
    name = _TRAILING_DATE.sub("", _TRAILING_NUMBER.sub("", name))
    name = name.rstrip(".,;:’'”\"")
    if not name or not name[0].isalnum():
        return None
    return new_start, new_start + len(name)


@lru_cache(maxsize=4)
def name_runs(text: str) -> tuple[tuple[int, int], ...]:
    """Return the offsets of capitalised name runs in ``text``, leading noise removed.

    Up to three builders ask for the runs of one sentence in a row, so the
    last four are kept: enough for one sentence, too few to reach an earlier
    document.
    """
    found = (_trim(text, match.start(), match.end()) for match in _NAME_RUN.finditer(text))
    return tuple(run for run in found if run is not None)


def split_coordinated(
    text: str, start: int, end: int, heads: re.Pattern[str]
) -> list[tuple[int, int]]:
    """Split "X Agreement and the Y Treaty" into two names when both halves have a head."""
    name = text[start:end]
    parts = list(re.finditer(r"\s+and\s+(?:the\s+)?", name))
    if not parts:
        return [(start, end)]
    cut = parts[0]
    left, right = name[: cut.start()], name[cut.end() :]
    if heads.search(left) and heads.search(right):
        return [
            (start, start + cut.start()),
            *split_coordinated(text, start + cut.end(), end, heads),
        ]
    return [(start, end)]


def agreement_names(text: str) -> list[tuple[int, int]]:
    """Return offsets of capitalised names headed by an agreement noun ("... Agreement")."""
    found: list[tuple[int, int]] = []
    for start, end in name_runs(text):
        for piece in split_coordinated(text, start, end, AGREEMENT_HEADS):
            if AGREEMENT_HEADS.search(text[piece[0] : piece[1]]):
                found.append(piece)
    return found


def headed_names(text: str, heads: re.Pattern[str]) -> list[tuple[int, int]]:
    """Return offsets of capitalised names that end in one of ``heads`` (a Meeting, a Group)."""
    return [(s, e) for s, e in name_runs(text) if heads.search(text[s:e])]


def exercise_names(text: str) -> list[tuple[int, int]]:
    """Return offsets of exercise names ("Yudh Abhyas exercise", "exercise Balikatan")."""
    found: list[tuple[int, int]] = []
    for pattern in (_NAMED_EXERCISE_BEFORE, _NAMED_EXERCISE_AFTER, _CALLED_NAME):
        for match in pattern.finditer(text):
            trimmed = _trim(text, match.start("name"), match.end("name"))
            if trimmed is not None:
                found.append(trimmed)
    found.extend((s, e) for s, e in name_runs(text) if _EXERCISE_HEADED.search(text[s:e]))
    return found


def ship_names(text: str, prefixes: frozenset[str]) -> list[tuple[int, int, str]]:
    """Return ``(start, end, prefix)`` of ship names with a known prefix ("USS Carl Vinson")."""
    return [
        (m.start(), m.end(), m.group("prefix"))
        for m in _SHIP.finditer(text)
        if m.group("prefix") in prefixes
    ]


def parenthesis_after(text: str, end: int) -> tuple[str, int] | None:
    """Return the text inside a parenthesis right after ``end`` and where it closes, or None."""
    match = _PARENTHESIS.match(text, end)
    if match is None:
        return None
    return match.group("inner"), match.end()
