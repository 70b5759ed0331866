"""Exercises and port calls: forces training together, and warships or aircraft calling."""

from __future__ import annotations

import re
from typing import Final

from pactwatch.extract.context import DocumentInfo, SentenceInfo
from pactwatch.extract.dates_patterns import MONTH_NAMES
from pactwatch.extract.drafts import Draft, clean_subject
from pactwatch.extract.lexicon import DEMONYM, ENTRY, KIND
from pactwatch.extract.names import EXERCISE_WORDS, exercise_names, ship_names

_GENERIC_EXERCISE_NAMES: Final = frozenset(
    [
        "joint",
        "combined",
        "military",
        "naval",
        "air",
        "army",
        "annual",
        "yearly",
        "exercise",
        "exercises",
        "drills",
        "bilateral",
        "trilateral",
        "multilateral",
        "the",
        "first",
        "second",
        "third",
        "live-fire",
    ]
)
_DESCRIBED_EXERCISE = re.compile(
    rf"\b(?P<np>(?:joint|combined|bilateral|trilateral)\s+(?:(?:military|naval|air|maritime"
    rf"|aerial|strategic|army|amphibious|anti-terror\w*)\s+)*(?:and\s+\w+\s+)?{EXERCISE_WORDS}"
    r"(?:\s+(?:with|in|over|near|off)\s+(?:the\s+)?"
    rf"(?!(?:19|20)\d\d\b|(?:{MONTH_NAMES})\b)[\w’'-]+"
    r"(?:\s+[A-Z][\w’'-]+)*"
    r"(?:\s+(?:naval|armed|air)\s+forces)?){0,2})"
)
_EXERCISE_HAPPENS = re.compile(
    r"\b(?:held|hold|holds|conduct\w*|carr(?:y|ied) out|took part|take part|taking place|engaged"
    r"|began|begin|commenced|staged|launched|organi[sz]e|participat\w+|joined"
    r"|for (?:a|the) (?:joint|combined|bilateral))\b"
)
_EDITION_YEAR = re.compile(r"[\s-]?(?:19|20)\d\d\b|[\s-](?:I{1,3}|IV|VI{0,3}|IX|X{1,3})\b|-\d\d?\b")
"""An edition after a listed name: "Malabar 2024", "Mosi II", "Aman-25"."""
_LONGER_NAME = re.compile(r"\b[Ee]xercise\s+(?P<words>(?:[A-Z][\w-]*\s+){1,3})$")
"""Capitalised words between "Exercise" and a listed name: "Exercise Udara Shakti" names more
than the listed "Shakti"."""
_DURATION = re.compile(r"(?:\d+|[a-z]+)-(?:day|week|month)", re.IGNORECASE)
""""a 10-day naval exercise": how long, not a name."""
_PORT_CALL = re.compile(
    r"\b(?:port call|port visit|docked|berthed|anchored|arrived|called at|made a (?:\w+ )?call"
    r"|landed|visit(?:ed)?|sailed into|pulled into|will visit|scheduled to visit"
    r"|deploy(?:ed|ment) (?:\S+ ){0,6}?to)\b"
)
_SHIP_KINDS: Final = frozenset(
    """frigate destroyer corvette submarine aircraft_carrier warship patrol_vessel cruiser
    transport_aircraft amphibious_ship auxiliary_ship mine_countermeasures tanker
    maritime_patrol_aircraft airborne_early_warning""".split()
)
_KIND_THEN_NAME = re.compile(
    r"\s+(?P<name>(?:[A-Z][\w’'-]+)(?:\s+(?:de\s+|of\s+)?[A-Z][\w’'-]+){0,3})"
)


def build_exercises(info: SentenceInfo, doc: DocumentInfo) -> list[Draft]:
    """Return exercises: listed names, "X exercise"/"exercise X", and "joint ... drills"."""
    drafts: list[Draft] = []
    for mention in info.mentions:
        if mention.label == ENTRY and getattr(mention.value, "kind", "") == "exercise":
            year = _EDITION_YEAR.match(info.text, info.local(mention.end))
            end = mention.end + (year.end() - year.start() if year else 0)
            longer = _LONGER_NAME.search(info.text[: info.local(mention.start)])
            start = mention.start - (len(longer.group("words")) if longer else 0)
            subject = info.text[info.local(start) : info.local(end)]
            draft = Draft("exercise", subject, start, end, info)
            draft.aliases = [
                n for n in (mention.value.name, *mention.value.aliases) if n != subject
            ]
            draft.usual = tuple(getattr(mention.value, "states", ()) or ())
            drafts.append(draft)
    for local_start, local_end in exercise_names(info.text):
        start, end = info.start + local_start, info.start + local_end
        name = info.text[local_start:local_end]
        if _overlaps(drafts, start, end) or not _specific_exercise(name, info, start, end):
            continue
        drafts.append(Draft("exercise", clean_subject(name), start, end, info))
    if not drafts and _EXERCISE_HAPPENS.search(info.lower):
        for match in _DESCRIBED_EXERCISE.finditer(info.text):
            start, end = info.start + match.start("np"), info.start + match.end("np")
            drafts.append(
                Draft(
                    "exercise", clean_subject(match.group("np")), start, end, info, confidence=0.5
                )
            )
    return drafts


def _overlaps(drafts: list[Draft], start: int, end: int) -> bool:
    return any(d.start < end and start < d.end for d in drafts)


def _specific_exercise(name: str, info: SentenceInfo, start: int, end: int) -> bool:
    if _DURATION.fullmatch(name.strip()):
        return False
    words = name.lower().split()
    titled = len(words) >= 3 and all(w[:1].isupper() for w in name.split())
    if all(w in _GENERIC_EXERCISE_NAMES for w in words) and not titled:
        return (
            False  # "joint military exercises"; but "Combined Joint Live-Fire Exercise" names one
        )
    # "Indian and American troops" or "Russia-Algeria": states, not a name
    covered = sum(s.end - s.start for s in info.states if start <= s.start and s.end <= end)
    return covered < len(name.replace(" and ", "").replace(" ", "").replace("-", "")) * 0.6


def build_port_calls(info: SentenceInfo, doc: DocumentInfo) -> list[Draft]:
    """Return port calls: a named ship or a state's warships or aircraft calling at a port."""
    trigger = _PORT_CALL.search(info.lower)
    if trigger is None:
        return []
    drafts: list[Draft] = []
    prefixes = frozenset(info_prefixes(doc))
    for local_start, local_end, prefix in ship_names(info.text, prefixes):
        draft = Draft(
            "port_call",
            info.text[local_start:local_end],
            info.start + local_start,
            info.start + local_end,
            info,
        )
        draft.from_ = doc.lexicon.gazetteer.ship_prefixes.get(prefix)
        drafts.append(draft)
    if drafts:
        return drafts
    for mention in info.mentions:
        kind = _kind_of(mention)
        if kind not in _SHIP_KINDS:
            continue
        name_match = _KIND_THEN_NAME.match(info.text, info.local(mention.end))
        state = _adjective_before(info, mention.start)
        if name_match is not None and mention.label == KIND:
            start = info.start + name_match.start("name")
            subject = name_match.group("name")
            drafts.append(Draft("port_call", subject, start, start + len(subject), info))
        elif state is not None:
            subject = info.text[info.local(state[1]) : info.local(mention.end)]
            drafts.append(Draft("port_call", subject, state[1], mention.end, info))
        else:
            continue
        drafts[-1].from_ = state[0] if state else None
    return drafts[:1]


def info_prefixes(doc: DocumentInfo) -> list[str]:
    """Return the ship prefixes the gazetteer knows ("USS", "INS", ...)."""
    return list(doc.lexicon.gazetteer.ship_prefixes)


def _kind_of(mention: object) -> str | None:
    label = getattr(mention, "label", None)
    value = getattr(mention, "value", None)
    if label == KIND:
        return str(value)
    if label == ENTRY and getattr(value, "kind", "") == "platform":
        return getattr(value, "category", None)
    return None


def _adjective_before(info: SentenceInfo, start: int) -> tuple[str, int] | None:
    """Return (state, offset) of a state adjective within a few words before ``start``."""
    for state in reversed(info.states):
        if state.end <= start and start - state.end <= 25 and state.how in (DEMONYM, "COUNTRY"):
            return state.code, state.start
    return None
