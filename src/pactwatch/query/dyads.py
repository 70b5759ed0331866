"""Pairs of states weighted by their events, for the dyad graph and the summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.query.results import Results
from pactwatch.store.dates import edtf_bounds
from pactwatch.store.schema import event_dyads, events


@dataclass(frozen=True, slots=True)
class DyadRecord:
    """Two states (``a`` < ``b``) and how many events they share."""

    COLUMNS: ClassVar[tuple[str, ...]] = ("a", "b", "events")

    a: str
    b: str
    events: int

    def to_dict(self) -> dict[str, Any]:
        """Return the pair and its count."""
        return {"a": self.a, "b": self.b, "events": self.events}


def list_dyads(
    conn: Connection,
    *,
    types: tuple[str, ...] = (),
    since: str | None = None,
    until: str | None = None,
) -> Results[DyadRecord]:
    """Return each pair of states with events of ``types`` overlapping the period, most first."""
    pairs = event_dyads
    count = sa.func.count().label("n")
    query = sa.select(pairs.c.party_a, pairs.c.party_b, count)
    if types or since or until:
        query = query.join(events, events.c.id == pairs.c.event_id)
    if types:
        query = query.where(events.c.type.in_(types))
    low, high = edtf_bounds(since), edtf_bounds(until)
    if low:
        query = query.where(events.c.date_end >= low[0])
    if high:
        query = query.where(pairs.c.date_start <= high[1])
    query = query.group_by(pairs.c.party_a, pairs.c.party_b).order_by(
        count.desc(), pairs.c.party_a, pairs.c.party_b
    )
    return Results((DyadRecord(a, b, int(n)) for a, b, n in conn.execute(query)),
                   columns=DyadRecord.COLUMNS)  # fmt: skip
