"""``pactwatch resolve --all``: every link rebuilt from the claims, corrections re-applied.

Documents are taken in the order they were stored, a chunk at a time, and
linked exactly as ingest links them, so a rebuild gives the same events (with
the same ids) as ingesting the same documents in the same order. Hand
corrections are data: rejected claims stay out, then merges and splits are
applied again, and field corrections when each event is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.resolve import load
from pactwatch.resolve.link import link
from pactwatch.resolve.materialise import drop_orphan_entities
from pactwatch.store.schema import (
    claims,
    conflicts,
    documents,
    event_basis,
    event_dyads,
    event_keys,
    event_parties,
    events,
)

_DOCS_PER_STEP: Final = 200


@dataclass(frozen=True, slots=True)
class RebuildResult:
    """What a rebuild made: how many claims it linked into how many events."""

    claims: int
    events: int
    corrections: int


def rebuild(conn: Connection) -> RebuildResult:
    """Drop every event and link every claim again, in storage order; return the counts."""
    from pactwatch.resolve.corrections import reapply, rejected_claims

    for table in (conflicts, event_keys, event_basis, event_dyads, event_parties):
        conn.execute(table.delete())
    conn.execute(claims.update().values(event_id=None))
    conn.execute(events.delete())
    rejected = rejected_claims(conn)
    linked, last = 0, -1
    while True:
        query = sa.select(documents.c.seq, documents.c.id).where(documents.c.seq > last)
        step = conn.execute(query.order_by(documents.c.seq).limit(_DOCS_PER_STEP)).all()
        if not step:
            break
        last = int(step[-1][0])
        found = [c for c in load.claims_of_documents(conn, [r[1] for r in step])]
        found = [c for c in found if c.id not in rejected]
        link(conn, found, provisional=False)
        linked += len(found)
    applied = reapply(conn)
    drop_orphan_entities(conn)
    total = conn.scalar(sa.select(sa.func.count()).select_from(events)) or 0
    return RebuildResult(claims=linked, events=int(total), corrections=applied)
