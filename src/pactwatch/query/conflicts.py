"""The conflicts resolution found (``pactwatch conflicts``), optionally of one state's events."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.resolve.conflicts import Conflict
from pactwatch.store.schema import claims, conflicts, event_parties


def list_conflicts(
    conn: Connection,
    *,
    party: str | None = None,
    event: str | None = None,
    limit: int | None = None,
) -> list[Conflict]:
    """Return stored conflicts, oldest first: all, those of events (or documents) with
    ``party`` taking part, or those of event ``event``."""
    query: sa.Select[Any] = sa.select(conflicts).order_by(conflicts.c.id)
    if party:
        code = party.upper()
        by_event = sa.select(event_parties.c.event_id).where(event_parties.c.party == code)
        by_doc = (
            sa.select(claims.c.document_id)
            .join(event_parties, event_parties.c.event_id == claims.c.event_id)
            .where(event_parties.c.party == code)
        )
        query = query.where(
            sa.or_(conflicts.c.event_id.in_(by_event), conflicts.c.document_id.in_(by_doc))
        )
    if event:
        query = query.where(conflicts.c.event_id == event)
    if limit is not None:
        query = query.limit(limit)
    return [
        Conflict(row.kind, row.event_id, row.document_id, row.field, tuple(row.detail))
        for row in conn.execute(query)
    ]
