"""The evidence of many events at once, for exports (one query per 500 events, not per event)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.query.results import Evidence
from pactwatch.query.show import _one as evidence_of_row
from pactwatch.store.schema import claims, documents

_CHUNK = 500


def evidence_by_event(conn: Connection, event_ids: Sequence[str]) -> dict[str, list[Evidence]]:
    """Return each event's evidence (as ``pactwatch show`` gives it), in claim order."""
    found: defaultdict[str, list[Evidence]] = defaultdict(list)
    for start in range(0, len(event_ids), _CHUNK):
        query = (
            sa.select(claims, documents.c.title, documents.c.url, documents.c.published)
            .join(documents, documents.c.id == claims.c.document_id)
            .where(claims.c.event_id.in_(event_ids[start : start + _CHUNK]))
            .order_by(claims.c.seq)
        )
        for row in conn.execute(query):
            found[row.event_id].append(evidence_of_row(row._mapping))
    return found
