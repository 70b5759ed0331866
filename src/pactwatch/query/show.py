"""One event with every piece of evidence and its status history (``pactwatch show ID``)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.errors import StoreError
from pactwatch.query.columns import EVENT_COLUMNS, stored_event
from pactwatch.query.results import EventDetail, Evidence, StatusChange
from pactwatch.store.dates import edtf_bounds
from pactwatch.store.schema import claims, documents, events

_MIN_PREFIX = 4


def show_event(conn: Connection, event_id: str) -> EventDetail:
    """Return the event ``event_id`` (or the one event whose id starts with it) in full."""
    row = _find(conn, event_id.strip().lower())
    event = stored_event(row)
    evidence = tuple(_evidence(conn, event.id))
    history = tuple(
        StatusChange(e.status, e.date, e.published, e.claim, e.document)
        for e in sorted(evidence, key=_history_key)
        if e.status is not None
    )
    return EventDetail(event=event, evidence=evidence, history=history)


def _find(conn: Connection, wanted: str) -> sa.Row[Any]:
    row = conn.execute(sa.select(*EVENT_COLUMNS).where(events.c.id == wanted)).first()
    if row is not None:
        return row
    if len(wanted) >= _MIN_PREFIX and wanted.isalnum():
        # Ids are lower-case hex, so every id starting with the prefix lies in [prefix, prefix~).
        found = conn.execute(
            sa.select(*EVENT_COLUMNS)
            .where(events.c.id >= wanted, events.c.id < wanted + "~")
            .limit(2)
        ).all()
        if len(found) == 1:
            return found[0]
        if found:
            raise StoreError(f"more than one event id starts with {wanted!r}; give more of it")
    raise StoreError(f"no event has the id {wanted!r}; `pactwatch events` lists them")


def _evidence(conn: Connection, event_id: str) -> list[Evidence]:
    query = (
        sa.select(claims, documents.c.title, documents.c.url, documents.c.published)
        .join(documents, documents.c.id == claims.c.document_id)
        .where(claims.c.event_id == event_id)
        .order_by(claims.c.seq)
    )
    return [_one(row._mapping) for row in conn.execute(query)]


def _one(m: sa.RowMapping) -> Evidence:
    offset = m["sentence_start"]
    sentence: str = m["sentence"]
    start = m["trigger_start"] if m["trigger_start"] is not None else m["span_start"]
    end = m["trigger_end"] if m["trigger_end"] is not None else m["span_end"]
    low = min(max(start - offset, 0), len(sentence))
    high = min(max(end - offset, low), len(sentence))
    return Evidence(
        claim=m["id"],
        document=m["document_id"],
        title=m["title"],
        url=m["url"],
        published=m["published"],
        status=m["status"],
        date=m["date"],
        sentence=sentence,
        evidence=m["evidence"],
        highlight=(low, high),
        hedged=bool(m["hedged"]),
        negated=bool(m["negated"]),
        confidence=float(m["confidence"]),
    )


def _history_key(item: Evidence) -> tuple[str, str, str]:
    bounds = edtf_bounds(item.date) or edtf_bounds(item.published)
    return (bounds[0] if bounds else "9999-12-31", item.published or "", item.claim)
