"""People in a sentence: known officials, and "Title Firstname Lastname" with the title's state.

A person matters to extraction for two things: the state they act for (a
visit goes from that state), and the name that is a visit's subject.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pactwatch.extract.context import SentenceInfo, StateMention
from pactwatch.extract.lexicon import PERSON, TITLE, Mention

_PERSON_NAME = re.compile(
    r"(?:(?:Dr|Gen|General|Lt|Lieutenant|Adm|Admiral|Air Chief Marshal|Air Marshal|Col|Colonel"
    r"|Maj|Major|Brig|Brigadier|Cdr|Commander|Capt|Captain|Marshal|Sir|Mr|Ms|Mrs|Dame|Prof"
    r"|Sheikh|Prince|Crown Prince|King|Emir)\.?\s+)*"
    r"(?P<name>[A-Z][a-zA-Zà-ÿ’'-]+(?:\s+(?:[A-Z]\.|[A-Z][a-zA-Zà-ÿ’'-]+|bin|al|de|van|von|ibn)){1,3})"
)
_NAME_BEFORE_TITLE = re.compile(
    r"(?:(?:Dr|Gen|Mr|Ms|Mrs)\.?\s+)?(?P<name>[A-Z][a-zA-Zà-ÿ’'-]+(?:\s+[A-Z][a-zA-Zà-ÿ’'.-]+){1,3})"
    r"(?:\s+\([^)]{1,20}\))?,\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}$"
)
_TITLE_GAP = re.compile(r"(?:[’']s)?\s+(?:[a-z]+\s+){0,1}")
_SURNAME_ALONE = re.compile(r"([A-Z][\w-]+)(?:[’']s)?\b(?!\s+[A-Z])")
_NOT_NAME_WORDS = frozenset(
    [
        "Ministry",
        "Department",
        "Government",
        "Army",
        "Navy",
        "Air",
        "Force",
        "Forces",
        "Defence",
        "Defense",
        "Council",
        "Committee",
        "Commission",
        "Staff",
        "Affairs",
        "Office",
        "House",
        "Pentagon",
        "Kremlin",
        "Command",
        "Group",
        "Minister",
        "Secretary",
        "President",
        "Chairman",
        "Chief",
        "Prime",
        "The",
        "And",
        "Of",
        "In",
        "On",
    ]
)


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in a sentence, with the state they act for when known."""

    start: int
    end: int
    name: str
    state: str | None
    written: str = ""
    """The name as the sentence writes it ("Biden"), where ``name`` is the full one."""
    office: bool = False
    """Named by office only ("the French Defence Minister"), not by name."""


def find_people(info: SentenceInfo, surnames: Mapping[str, Any] | None = None) -> list[Person]:
    """Return the people a sentence names: known officials, "Title Name" and "Name, the Title".

    ``surnames`` (family name -> known official) lets "President Yoon" name Yoon Suk Yeol.
    """
    people: dict[tuple[int, int], Person] = {}
    for mention in info.mentions:
        if mention.label == PERSON:
            known = mention.value
            people[(mention.start, mention.end)] = Person(
                mention.start, mention.end, known.name, known.state, mention.text
            )
    for mention in info.mentions:
        if mention.label == TITLE:
            found = (
                _titled(info, mention, surnames or {})
                or _apposed(info, mention)
                or _by_title(info, mention)
            )
            if found is not None and not any(
                p.start < found.end and found.start < p.end for p in people.values()
            ):
                people[(found.start, found.end)] = found
    return sorted(people.values(), key=lambda p: p.start)


def _titled(info: SentenceInfo, title: Mention, surnames: Mapping[str, Any]) -> Person | None:
    """Return the person a title stands before: "Defence Minister Rajnath Singh"."""
    rest = info.text[info.local(title.end) :]
    offset = title.end + (len(rest) - len(rest.lstrip(" ,")))
    known = _titled_surname(rest, surnames)
    if known is not None:
        return Person(offset, offset + len(known[0]), known[1].name, known[1].state, known[0])
    match = _PERSON_NAME.match(rest.lstrip(" ,"))
    if match is None or any(word in _NOT_NAME_WORDS for word in match.group("name").split()):
        return None
    name = match.group("name")
    start = offset + match.start("name")
    state = _title_state(info, title.start, getattr(title.value, "state", None))
    return Person(start, start + len(name), name, state)


def _by_title(info: SentenceInfo, title: Mention) -> Person | None:
    """Return an official named only by office: "the French Defence Minister", "Japan's PM"."""
    for state in info.states:
        gap = info.text[info.local(state.end) : info.local(title.start)]
        if state.end <= title.start and _TITLE_GAP.fullmatch(gap):
            text = info.text[info.local(state.start) : info.local(title.end)]
            return Person(state.start, title.end, text, state.code, office=True)
    return None


def _apposed(info: SentenceInfo, title: Mention) -> Person | None:
    """Return the person a title follows as an apposition: "Ajay Kumar, the Defence Secretary"."""
    match = _NAME_BEFORE_TITLE.search(info.text[: info.local(title.start)])
    if match is None or any(word in _NOT_NAME_WORDS for word in match.group("name").split()):
        return None
    start = info.start + match.start("name")
    end = start + len(match.group("name"))
    after = info.text[info.local(title.end) : info.local(title.end) + 40]
    state = getattr(title.value, "state", None)
    for found in info.states:
        if title.end <= found.start and found.start - title.end < len(after) and " of " in after:
            state = found.code  # "Director-General of Israel's Ministry of Defense"
            break
    return Person(start, end, match.group("name"), state)


def _titled_surname(rest: str, surnames: Mapping[str, Any]) -> tuple[str, Any] | None:
    """Return (word, person) when a title is followed by a known official's family name alone."""
    match = _SURNAME_ALONE.match(rest.lstrip(" ,"))
    if match is None or match.group(1) not in surnames:
        return None
    return match.group(1), surnames[match.group(1)]


def _title_state(info: SentenceInfo, title_start: int, implied: str | None) -> str | None:
    """Return the state of a title: "U.S. Secretary", "India's Defence Minister", or its own."""
    before: StateMention | None = None
    for state in info.states:
        if state.end <= title_start and title_start - state.end <= 3:
            before = state
    if before is not None:
        return before.code
    gap = info.text[max(0, info.local(title_start) - 40) : info.local(title_start)]
    for state in reversed(info.states):
        if state.end <= title_start and gap.endswith(("’s ", "'s ")):
            return state.code
    return implied


def person_state(info: SentenceInfo, person: Person) -> str | None:
    """Return the person's state, or the state of an adjective right before the name."""
    if person.state:
        return person.state
    for state in info.states:
        if state.end <= person.start and person.start - state.end <= 2:
            return state.code
    return None
