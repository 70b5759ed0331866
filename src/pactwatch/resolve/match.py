"""When a claim is about an event already known: the merge and no-merge rules of issue 6.

A claim may join an event only with the same type and parties and a subject
that shares a blocking key (:mod:`pactwatch.resolve.keys`: exact name, alias,
acronym and expansion, generic words dropped, model number), with no clash of
model numbers, and never an event that already holds a claim of the same
document (extraction has already told one document's events apart). Then, by
kind of event:

- one-off named things (agreements, designations, institutions) join whatever
  the dates: two dates for one signing is a conflict, not two agreements;
- occurrences (meetings, visits, exercises, port calls) join only when the
  dates are compatible (their ranges overlap, which covers a less precise date
  containing a more precise one) and the places, when both are given, agree:
  Yudh Abhyas 2024 and 2025 are two exercises;
- programmes (procurement, co-production, trade measures) join across
  different statuses whatever the dates (31 MQ-9B negotiating in 2023 and
  ordered in 2024 are one procurement), and at one status only with
  compatible dates (an order in 2015 and a follow-on order in 2020 are two).

An undated side is compatible with any date. A subject of common words only
("fighter jets", "the deal": no capital letter, no digit) names no one thing:
such claims join only with the same status and overlapping dates, both given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from pactwatch.resolve.claims import Claim
from pactwatch.resolve.keys import fold, is_named, models_clash
from pactwatch.store.dates import Bounds

ONE_OFF: Final = frozenset({"agreement", "designation", "institution"})
OCCURRENCES: Final = frozenset({"meeting", "visit", "exercise", "port_call"})


@dataclass(slots=True)
class Candidate:
    """What matching needs to know of an event: its best values, names and documents."""

    id: str
    type: str
    parties: tuple[str, ...]
    status: str | None
    bounds: Bounds | None
    place: str | None
    quantity: int | None
    names: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    count: int = 1


def overlap(first: Bounds | None, second: Bounds | None) -> bool:
    """Return True when either is undated or the two day ranges overlap."""
    if first is None or second is None:
        return True
    return first[0] <= second[1] and second[0] <= first[1]


def _same_place(first: str | None, second: str | None) -> bool:
    if not first or not second:
        return True
    a, b = set(fold(first).split()), set(fold(second).split())
    return bool(a & b)


def can_join(claim: Claim, event: Candidate) -> bool:
    """Return True when ``claim`` may be about ``event`` (keys already shared)."""
    if claim.type != event.type or claim.parties != event.parties:
        return False
    if claim.document in event.documents or models_clash(claim.names, event.names):
        return False
    dates = overlap(claim.bounds, event.bounds)
    if not is_named(claim.subject) or not any(is_named(name) for name in event.names):
        # "fighter jets" names no one thing: only the same dates make it the same event.
        both = claim.bounds is not None and event.bounds is not None
        return both and dates and claim.status == event.status
    if claim.type in ONE_OFF:
        return True
    if claim.type in OCCURRENCES:
        return dates and _same_place(claim.place, event.place)
    steps = claim.status is not None and event.status is not None
    return (steps and claim.status != event.status) or dates


def score(claim: Claim, event: Candidate) -> tuple[int, int, int, int, str]:
    """Return how well ``claim`` fits ``event`` (higher is better; ties go to the
    lower id, that is the event stated first)."""
    folded = {fold(name) for name in claim.names}
    exact = len(folded & {fold(name) for name in event.names})
    dated = int(claim.bounds is not None and event.bounds is not None)
    return (
        exact,
        int(claim.status == event.status),
        dated * int(overlap(claim.bounds, event.bounds)),
        int(claim.quantity is not None and claim.quantity == event.quantity),
        _inverse(event.id),
    )


def _inverse(text: str) -> str:
    # Ids are lower-case hex: map each digit so that a lower id sorts higher.
    return text.translate(str.maketrans("0123456789abcdef", "fedcba9876543210"))


def best_candidate(claim: Claim, candidates: list[Candidate]) -> Candidate | None:
    """Return the candidate ``claim`` joins, or None when it makes an event of its own."""
    fitting = [event for event in candidates if can_join(claim, event)]
    return max(fitting, key=lambda event: score(claim, event)) if fitting else None
