"""Event lists a page at a time, with stable keyset cursors (for the HTTP API).

The order is that of :func:`pactwatch.query.events.list_events` (newest
first, undated last, ties by id). A cursor is the (start date, id) of the last
event of a page; the next page holds the events after it in that order, so a
page never repeats or skips an event when others are added elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.query.columns import EVENT_COLUMNS, stored_event
from pactwatch.query.events import EventFilter, _filtered
from pactwatch.query.results import Results, StoredEvent
from pactwatch.store.schema import events

Cursor = tuple[str | None, str]
"""The (start date or None, event id) of the last event of a page."""


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page of events and the cursor of its last event (None on the last page)."""

    events: Results[StoredEvent]
    next: Cursor | None


def list_events_page(
    conn: Connection, where: EventFilter, *, after: Cursor | None = None, size: int = 50
) -> EventPage:
    """Return up to ``size`` events ``where`` selects that follow ``after`` in list order."""
    query, date_col = _filtered(replace(where, limit=None))
    query = query.add_columns(date_col.label("_cursor_date"))
    if after is not None:
        query = query.where(_after(date_col, after))
    query = query.order_by(date_col.desc().nulls_last(), events.c.id).limit(size + 1)
    rows = conn.execute(query).all()
    found = Results((stored_event(row[: len(EVENT_COLUMNS)]) for row in rows[:size]),
                    columns=StoredEvent.COLUMNS)  # fmt: skip
    last = rows[size - 1] if len(rows) > size else None
    return EventPage(found, (last[-1], last[0]) if last is not None else None)


def _after(date_col: sa.ColumnElement[Any], cursor: Cursor) -> sa.ColumnElement[bool]:
    date, event_id = cursor
    if date is None:
        return sa.and_(date_col.is_(None), events.c.id > event_id)
    return sa.or_(
        date_col < date,
        sa.and_(date_col == date, events.c.id > event_id),
        date_col.is_(None),
    )


TimelineCursor = tuple[str | None, str | None, str]
"""The (start date, end date, event id) of the last event of a timeline page."""


@dataclass(frozen=True, slots=True)
class TimelinePage:
    """One page of a timeline and the cursor of its last event (None on the last page)."""

    events: Results[StoredEvent]
    next: TimelineCursor | None


def timeline_page(
    conn: Connection, where: EventFilter, *, after: TimelineCursor | None = None, size: int = 1000
) -> TimelinePage:
    """Return up to ``size`` events ``where`` selects (its parties one state or a pair) in
    date order after ``after``: by start, end and id, undated last, as
    :func:`pactwatch.query.events.timeline` orders them.

    Dated and undated events are read by two queries, so that each is an ordered
    scan of the party or dyad index that stops after ``size`` rows.
    """
    query, date_col = _filtered(replace(where, limit=None))
    query = query.add_columns(date_col.label("_start"), events.c.date_end.label("_end"))
    rows: list[Any] = []
    if after is None or after[0] is not None:
        dated = query.where(date_col.is_not(None))
        if after is not None:
            dated = dated.where(_after_dated(date_col, after))
        dated = dated.order_by(date_col, events.c.date_end, events.c.id).limit(size + 1)
        rows = list(conn.execute(dated).all())
    if len(rows) <= size:
        undated = query.where(date_col.is_(None))
        if after is not None and after[0] is None:
            undated = undated.where(events.c.id > after[2])
        undated = undated.order_by(events.c.id).limit(size + 1 - len(rows))
        rows += conn.execute(undated).all()
    width = len(EVENT_COLUMNS)
    found = Results((stored_event(row[:width]) for row in rows[:size]), columns=StoredEvent.COLUMNS)
    last = rows[size - 1] if len(rows) > size else None
    return TimelinePage(found, (last[-2], last[-1], last[0]) if last is not None else None)


def _after_dated(date_col: sa.ColumnElement[Any], cursor: TimelineCursor) -> sa.ColumnElement[bool]:
    start, end, event_id = cursor
    return sa.or_(
        date_col > start,
        sa.and_(
            date_col == start,
            sa.or_(
                events.c.date_end > end,
                sa.and_(events.c.date_end == end, events.c.id > event_id),
            ),
        ),
    )
