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
from pactwatch.extract.lexicon import PERSON, TITLE

_PERSON_NAME = re.compile(
    r"(?:(?:Dr|Gen|General|Lt|Lieutenant|Adm|Admiral|Air Chief Marshal|Air Marshal|Col|Colonel"
    r"|Maj|Major|Brig|Brigadier|Cdr|Commander|Capt|Captain|Marshal|Sir|Mr|Ms|Mrs|Dame|Prof"
    r"|Sheikh|Prince|Crown Prince|King|Emir)\.?\s+)*"
    r"(?P<name>[A-Z][a-zA-Zà-ÿ’'-]+(?:\s+(?:[A-Z]\.|[A-Z][a-zA-Zà-ÿ’'-]+|bin|al|de|van|von|ibn)){1,3})"
)
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


def find_people(info: SentenceInfo, surnames: Mapping[str, Any] | None = None) -> list[Person]:
    """Return the people a sentence names: gazetteer officials and titled names.

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
        if mention.label != TITLE:
            continue
        rest = info.text[info.local(mention.end) :]
        known = _titled_surname(rest, surnames or {})
        if known is not None:
            offset = mention.end + (len(rest) - len(rest.lstrip(" ,")))
            span = (offset, offset + len(known[0]))
            if not any(p.start < span[1] and span[0] < p.end for p in people.values()):
                people[span] = Person(*span, known[1].name, known[1].state, known[0])
            continue
        match = _PERSON_NAME.match(rest.lstrip(" ,"))
        if match is None:
            continue
        name = match.group("name")
        if any(word in _NOT_NAME_WORDS for word in name.split()):
            continue
        offset = mention.end + (len(rest) - len(rest.lstrip(" ,"))) + match.start("name")
        state = _title_state(info, mention.start, getattr(mention.value, "state", None))
        if any(p.start < offset + len(name) and offset < p.end for p in people.values()):
            continue
        people[(offset, offset + len(name))] = Person(offset, offset + len(name), name, state)
    return sorted(people.values(), key=lambda p: p.start)


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
