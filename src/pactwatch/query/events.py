"""Event lists: ``pactwatch events`` filters and ``pactwatch timeline`` for a pair of states.

Filters by party go through ``event_parties`` (one state) or ``event_dyads``
(two or more), which carry the event's type and start date, so that the
common queries are ordered index scans even with millions of claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.query.columns import EVENT_COLUMNS, stored_event
from pactwatch.query.results import Results, StoredEvent
from pactwatch.records import EVENT_STATUSES
from pactwatch.store.dates import edtf_bounds
from pactwatch.store.schema import event_dyads, event_parties, events

_ALL_STATUSES = frozenset(s for statuses in EVENT_STATUSES.values() for s in statuses)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``pactwatch events`` selects; every field narrows, None means any.

    ``parties`` are states that must all take part; ``since``/``until`` are
    EDTF dates, and an event is kept when its date overlaps that range (undated
    events then drop out). ``subject`` is a case-insensitive substring of the
    subject or an alias. ``limit`` of None means no limit.
    """

    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    subject: str | None = None
    limit: int | None = 100

    def __post_init__(self) -> None:
        unknown = [t for t in self.types if t not in EVENT_STATUSES]
        unknown += [s for s in self.statuses if s not in _ALL_STATUSES]
        unknown += [d for d in (self.since, self.until) if d and edtf_bounds(d) is None]
        if unknown:
            raise ValueError(f"not an event type, status or EDTF date: {', '.join(unknown)}")


def list_events(conn: Connection, where: EventFilter) -> Results[StoredEvent]:
    """Return the events ``where`` selects, newest first (undated last)."""
    query, date_col = _filtered(where)
    query = query.order_by(date_col.desc().nulls_last(), events.c.id)
    if where.limit is not None:
        query = query.limit(where.limit)
    return _load(conn, query)


def timeline(
    conn: Connection, a: str, b: str, *, since: str | None = None, until: str | None = None
) -> Results[StoredEvent]:
    """Return the events of states ``a`` and ``b`` in date order (undated last)."""
    where = EventFilter(parties=(a.upper(), b.upper()), since=since, until=until, limit=None)
    query, date_col = _filtered(where)
    query = query.order_by(date_col.asc().nulls_last(), events.c.date_end, events.c.id)
    return _load(conn, query)


def _filtered(where: EventFilter) -> tuple[sa.Select[Any], sa.ColumnElement[str]]:
    query: sa.Select[Any] = sa.select(*EVENT_COLUMNS)
    type_col, date_col = events.c.type, events.c.date_start
    parties = sorted({p.upper() for p in where.parties})
    if len(parties) == 1:
        link = event_parties
        query = query.join(link, link.c.event_id == events.c.id).where(link.c.party == parties[0])
        type_col, date_col = link.c.type, link.c.date_start
    elif parties:
        pair = event_dyads
        query = query.join(pair, pair.c.event_id == events.c.id)
        query = query.where(pair.c.party_a == parties[0], pair.c.party_b == parties[1])
        date_col = pair.c.date_start
        for extra in parties[2:]:
            query = query.where(_has_party(extra))
    return _narrowed(query, where, type_col, date_col), date_col


def _narrowed(
    query: sa.Select[Any],
    where: EventFilter,
    type_col: sa.ColumnElement[str],
    date_col: sa.ColumnElement[str],
) -> sa.Select[Any]:
    if where.types:
        query = query.where(type_col.in_(where.types))
    if where.statuses:
        query = query.where(events.c.status.in_(where.statuses))
    since, until = edtf_bounds(where.since), edtf_bounds(where.until)
    if since:
        query = query.where(events.c.date_end >= since[0])
    if until:
        query = query.where(date_col <= until[1])
    if where.subject:
        needle = where.subject.lower()
        query = query.where(
            sa.or_(
                sa.func.lower(events.c.subject).contains(needle, autoescape=True),
                sa.func.lower(sa.cast(events.c.aliases, sa.Text)).contains(needle, autoescape=True),
            )
        )
    return query


def _has_party(party: str) -> sa.Exists:
    link = sa.select(event_parties.c.event_id).where(
        event_parties.c.event_id == events.c.id, event_parties.c.party == party
    )
    return link.exists()


def _load(conn: Connection, query: sa.Select[Any]) -> Results[StoredEvent]:
    """Return the events ``query`` (over :data:`EVENT_COLUMNS`) selects, in its order."""
    found = (stored_event(row) for row in conn.execute(query))
    return Results(found, columns=StoredEvent.COLUMNS)
