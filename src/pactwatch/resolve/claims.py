"""The claim as resolution sees it, read from a ``claims`` row and its document."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import sqlalchemy as sa

from pactwatch.resolve.keys import event_keys
from pactwatch.store.dates import Bounds, edtf_bounds

bounds_of = lru_cache(maxsize=65536)(edtf_bounds)
""":func:`~pactwatch.store.dates.edtf_bounds`, cached: the same few dates recur."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One stored claim with what matching and best values need.

    ``order`` sorts claims as they were stored (document order, then position
    in the document); ``published`` is the document's EDTF date.
    """

    id: str
    document: str
    order: tuple[int, int]
    published: str | None
    type: str
    status: str | None
    subject: str
    aliases: tuple[str, ...]
    parties: tuple[str, ...]
    from_: str | None
    to: str | None
    date: str | None
    place: str | None
    quantity: int | None
    negated: bool
    confidence: float
    sentence: str
    sentence_start: int
    span_start: int
    entity_id: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Return the subject and its aliases."""
        return (self.subject, *self.aliases)

    @property
    def bounds(self) -> Bounds | None:
        """Return the first and last day the claim's date can mean, or None."""
        return bounds_of(self.date)

    @property
    def reported(self) -> str:
        """Return the first day of the document's date ('' when undated), for ordering."""
        bounds = bounds_of(self.published)
        return bounds[0] if bounds else ""

    def blocking_keys(self) -> set[str]:
        """Return the blocking keys of an event this claim alone would make."""
        return event_keys(self.type, self.parties, self.names)

    def lookup_keys(self) -> set[str]:
        """Return the keys under which the events this claim may be about are stored."""
        return event_keys(self.type, self.parties, self.names, lookup=True)


def claim_from_row(
    row: Mapping[str, Any] | sa.RowMapping, *, seq: int, published: str | None
) -> Claim:
    """Return the :class:`Claim` of a ``claims`` row (a mapping of its columns)."""
    return Claim(
        id=row["id"],
        document=row["document_id"],
        order=(seq, int(row["ordinal"])),
        published=published,
        type=row["type"],
        status=row["status"],
        subject=row["subject"],
        aliases=tuple(row["aliases"] or ()),
        parties=tuple(row["parties"] or ()),
        from_=row["from_state"],
        to=row["to_state"],
        date=row["date"],
        place=row["place"],
        quantity=row["quantity"],
        negated=bool(row["negated"]),
        confidence=float(row["confidence"]),
        sentence=row["sentence"],
        sentence_start=int(row["sentence_start"]),
        span_start=int(row["span_start"]),
        entity_id=row.get("entity_id"),
    )
