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
    conn: Connection,
    a: str,
    b: str,
    *,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    after: str | None = None,
) -> Results[StoredEvent]:
    """Return the events of states ``a`` and ``b`` in date order (undated last).

    ``limit`` caps the rows (None: all); ``after`` is the id of the last event
    of the previous page, and the page starts just past it (keyset pagination:
    each page is an index range scan, however deep). Raise ValueError when
    ``after`` is not an event of this pair.
    """
    low, high = sorted((a.upper(), b.upper()))
    where = EventFilter(parties=(low, high), since=since, until=until, limit=limit)
    pair = event_dyads
    key = (pair.c.date_start, pair.c.date_end, pair.c.event_id)
    mark = _timeline_mark(conn, low, high, after) if after else None
    found: Results[StoredEvent] = Results(columns=StoredEvent.COLUMNS)
    if mark is None or mark[0] is not None:
        dated = _filtered(where)[0].where(pair.c.date_start.is_not(None))
        if mark is not None:
            dated = dated.where(sa.tuple_(*key) > sa.tuple_(*mark))
        found += _load(conn, _capped(dated.order_by(*key), limit))
    if limit is not None and len(found) >= limit:
        return found
    undated = _filtered(where)[0].where(pair.c.date_start.is_(None), pair.c.date_end.is_(None))
    if mark is not None and mark[0] is None:
        undated = undated.where(pair.c.event_id > mark[2])
    rest = None if limit is None else limit - len(found)
    found += _load(conn, _capped(undated.order_by(pair.c.event_id), rest))
    return found


def _timeline_mark(
    conn: Connection, low: str, high: str, after: str
) -> tuple[str | None, str | None, str]:
    """Return the (date_start, date_end, event_id) a timeline page after ``after`` starts past."""
    pair = event_dyads
    query = sa.select(pair.c.date_start, pair.c.date_end).where(
        pair.c.event_id == after, pair.c.party_a == low, pair.c.party_b == high
    )
    row = conn.execute(query).first()
    if row is None:
        raise ValueError(f"{after} is not an event of the timeline of {low} and {high}")
    return row[0], row[1], after


def _capped(query: sa.Select[Any], limit: int | None) -> sa.Select[Any]:
    return query if limit is None else query.limit(limit)


def _filtered(where: EventFilter) -> tuple[sa.Select[Any], sa.ColumnElement[str]]:
    query: sa.Select[Any] = sa.select(*EVENT_COLUMNS)
    type_col, date_col, end_col = events.c.type, events.c.date_start, events.c.date_end
    parties = sorted({p.upper() for p in where.parties})
    if len(parties) == 1:
        link = event_parties
        query = query.join(link, link.c.event_id == events.c.id).where(link.c.party == parties[0])
        type_col, date_col = link.c.type, link.c.date_start
    elif parties:
        pair = event_dyads
        query = query.join(pair, pair.c.event_id == events.c.id)
        query = query.where(pair.c.party_a == parties[0], pair.c.party_b == parties[1])
        date_col, end_col = pair.c.date_start, pair.c.date_end
        for extra in parties[2:]:
            query = query.where(_has_party(extra))
    return _narrowed(query, where, type_col, (date_col, end_col)), date_col


def _narrowed(
    query: sa.Select[Any],
    where: EventFilter,
    type_col: sa.ColumnElement[str],
    dates: tuple[sa.ColumnElement[str], sa.ColumnElement[str]],
) -> sa.Select[Any]:
    date_col, end_col = dates
    if where.types:
        query = query.where(type_col.in_(where.types))
    if where.statuses:
        query = query.where(events.c.status.in_(where.statuses))
    since, until = edtf_bounds(where.since), edtf_bounds(where.until)
    if since:
        query = query.where(end_col >= since[0])
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
