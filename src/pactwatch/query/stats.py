"""Counts of what the store holds, for the API's summary."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.store.schema import claims, documents, entities, events

_COUNTED = {"documents": documents, "claims": claims, "events": events, "entities": entities}


def count_rows(conn: Connection) -> dict[str, int]:
    """Return how many documents, claims, events and entities the store holds."""
    return {
        name: int(conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0)
        for name, table in _COUNTED.items()
    }
