"""Where the sources disagree, each disagreement with the evidence on every side.

Kinds (``kind``, ``field``):

- ``date`` (date): claims of one status give dates that cannot both be true
  (ranges that do not overlap: a signing on 29 and on 30 August 2016);
- ``status`` (status): a status that goes backwards in time (delivered in
  2020, negotiating in 2021), unless the later source says so
  ("renegotiating", "again", "resumed");
- ``quantity`` (quantity): claims of one status give different counts;
- ``negation`` (status): one source negates what another asserts;
- ``count`` (count): a document announces a number of items ("four
  foundational agreements") and then lists another number of them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Final

from pactwatch.records import EVENT_STATUSES
from pactwatch.resolve.claims import Claim
from pactwatch.resolve.match import OCCURRENCES, overlap

_REVERSAL: Final = re.compile(
    r"\b(re-?negotiat\w*|re-?open\w*|re-?start\w*|again|resum\w*|revert\w*|revers\w*)", re.I
)
_NUMBERS: Final = {
    word: n
    for n, word in enumerate(
        "two three four five six seven eight nine ten eleven twelve".split(), start=2
    )
}
_COUNTED: Final = {
    "agreements": "agreement", "pacts": "agreement", "treaties": "agreement",
    "accords": "agreement", "arrangements": "agreement", "memoranda": "agreement",
    "exercises": "exercise", "drills": "exercise", "designations": "designation",
    "institutions": "institution", "meetings": "meeting", "dialogues": "meeting",
}  # fmt: skip
_ANNOUNCED: Final = re.compile(
    rf"\b({'|'.join(_NUMBERS)}|\d{{1,2}})\s+(?:[A-Za-z-]+\s+){{0,2}}?({'|'.join(_COUNTED)})\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Conflict:
    """One disagreement: its kind, the event (or document) and field, the values on each side.

    ``values`` holds, per value, the ``documents`` and ``claims`` that state it.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = ("kind", "event", "document", "field", "values")

    kind: str
    event: str | None
    document: str | None
    field: str
    values: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the conflict in the JSON shape of docs/resolve.md."""
        return {
            "kind": self.kind,
            "event": self.event,
            "document": self.document,
            "field": self.field,
            "values": [dict(value) for value in self.values],
        }


def _sides(pairs: Iterable[tuple[Any, Claim]]) -> tuple[dict[str, Any], ...]:
    grouped: dict[Any, list[Claim]] = defaultdict(list)
    for value, claim in pairs:
        grouped[value].append(claim)
    return tuple(
        {
            "value": value,
            "documents": sorted({c.document for c in found}),
            "claims": [c.id for c in sorted(found, key=lambda c: c.order)],
        }
        for value, found in grouped.items()
    )


def event_conflicts(event_id: str, claims: Sequence[Claim]) -> list[Conflict]:
    """Return the conflicts among the ``claims`` of event ``event_id``."""
    if len({c.document for c in claims}) < 2:
        return []
    ordered = sorted(claims, key=lambda c: c.order)
    found = [*_dates(event_id, ordered), *_quantities(event_id, ordered)]
    found += _backwards(event_id, ordered) + _negations(event_id, ordered)
    return found


def _by_status(claims: Sequence[Claim]) -> dict[str | None, list[Claim]]:
    groups: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in claims:
        if not claim.negated:
            groups[claim.status].append(claim)
    return groups


def _dates(event_id: str, claims: Sequence[Claim]) -> list[Conflict]:
    out = []
    for status, group in _by_status(claims).items():
        dated = [c for c in group if c.bounds is not None]
        clash = any(not overlap(a.bounds, b.bounds) for a in dated for b in dated)
        if status is not None and clash and claims[0].type not in OCCURRENCES:
            out.append(Conflict("date", event_id, None, "date", _sides((c.date, c) for c in dated)))
    return out


def _quantities(event_id: str, claims: Sequence[Claim]) -> list[Conflict]:
    out = []
    for group in _by_status(claims).values():
        given = [c for c in group if c.quantity is not None]
        if len({c.quantity for c in given}) > 1:
            sides = _sides((c.quantity, c) for c in given)
            out.append(Conflict("quantity", event_id, None, "quantity", sides))
    return out


def _when(claim: Claim) -> str:
    bounds = claim.bounds
    return bounds[0] if bounds else claim.reported


def _backwards(event_id: str, claims: Sequence[Claim]) -> list[Conflict]:
    ranks = {status: n for n, status in enumerate(EVENT_STATUSES.get(claims[0].type, ()))}
    if claims[0].type in OCCURRENCES:
        return []
    steps = sorted(
        (c for c in claims if c.status in ranks and not c.negated and _when(c)),
        key=lambda c: (_when(c), c.order),
    )
    for later_index, later in enumerate(steps):
        for earlier in steps[:later_index]:
            behind = ranks[later.status or ""] < ranks[earlier.status or ""]
            if behind and _when(earlier) < _when(later) and not _REVERSAL.search(later.sentence):
                sides = _sides((c.status, c) for c in (earlier, later))
                return [Conflict("status", event_id, None, "status", sides)]
    return []


def _negations(event_id: str, claims: Sequence[Claim]) -> list[Conflict]:
    if not any(c.negated for c in claims) or all(c.negated for c in claims):
        return []
    sides = _sides(("negated" if c.negated else "asserted", c) for c in claims)
    return [Conflict("negation", event_id, None, "status", sides)]


def count_conflicts(claims: Sequence[Claim]) -> list[Conflict]:
    """Return the count conflicts of one document's ``claims``: a sentence that announces
    a number of items and lists (at least two, but) another number of them after it."""
    by_sentence: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_sentence[claim.sentence_start].append(claim)
    out = []
    for _, group in sorted(by_sentence.items()):
        for match in _ANNOUNCED.finditer(group[0].sentence):
            number = match.group(1).lower()
            announced = _NUMBERS.get(number) or int(number)
            kind = _COUNTED[match.group(2).lower()]
            listed = [c for c in group if c.type == kind and _after(c, match.end())]
            if len(listed) >= 2 and len(listed) != announced:
                out.append(_count(group[0].document, announced, listed, match.group(0)))
    return out


def _after(claim: Claim, offset: int) -> bool:
    """Return True when the claim's subject (or an alias) is named past ``offset``."""
    return any(claim.sentence.find(name, offset) >= 0 for name in claim.names if name)


def _count(document: str, announced: int, listed: list[Claim], phrase: str) -> Conflict:
    values = (
        {"value": announced, "documents": [document], "claims": [], "text": phrase},
        {
            "value": len(listed),
            "documents": [document],
            "claims": [c.id for c in listed],
            "text": ", ".join(c.subject for c in listed),
        },
    )
    return Conflict("count", None, document, "count", values)
