"""Writing canonical events from their claims: the event row, its party and dyad rows,
its claims' links, its keys and its conflicts, with hand corrections of fields applied.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from itertools import combinations
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from pactwatch.resolve.best import Row, best_values
from pactwatch.resolve.claims import Claim
from pactwatch.resolve.conflicts import Conflict, event_conflicts
from pactwatch.resolve.load import active_corrections, chunks
from pactwatch.store.dates import edtf_bounds
from pactwatch.store.rows import SUBJECT_KINDS, entity_id
from pactwatch.store.schema import (
    claims,
    conflicts,
    event_dyads,
    event_keys,
    event_parties,
    events,
)

Groups = Mapping[str, Sequence[Claim]]
"""Event id -> the claims of that event."""


def drop_events(conn: Connection, event_ids: Sequence[str]) -> None:
    """Delete events ``event_ids`` with their party, dyad, key and conflict rows."""
    for part in chunks(list(event_ids)):
        for table in (event_dyads, event_parties, event_keys, conflicts):
            conn.execute(table.delete().where(table.c.event_id.in_(part)))
        conn.execute(claims.update().where(claims.c.event_id.in_(part)).values(event_id=None))
        conn.execute(events.delete().where(events.c.id.in_(part)))


def write_events(conn: Connection, groups: Groups, *, replace: bool = True) -> None:
    """Write one canonical event per group (replacing any stored one when ``replace``)."""
    if not groups:
        return
    ids = list(groups)
    if replace:
        drop_events(conn, ids)
    fixes = _field_fixes(conn, ids)
    now = datetime.now(UTC)
    rows = [_event_row(eid, found, fixes.get(eid, {}), now) for eid, found in groups.items()]
    _insert(conn, events, rows)
    _insert(conn, event_parties, [p for row in rows for p in _party_rows(row)])
    _insert(conn, event_dyads, [d for row in rows for d in _dyad_rows(row)])
    links = [{"claim": c.id, "event": eid} for eid, found in groups.items() for c in found]
    conn.execute(
        claims.update().where(claims.c.id == sa.bindparam("claim")),
        [{"claim": link["claim"], "event_id": link["event"]} for link in links],
    )
    add_keys(
        conn, {eid: {k for c in found for k in c.blocking_keys()} for eid, found in groups.items()}
    )
    found_conflicts = [c for eid, found in groups.items() for c in event_conflicts(eid, found)]
    insert_conflicts(conn, found_conflicts)


def _field_fixes(conn: Connection, event_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    fixes: dict[str, dict[str, Any]] = {}
    for row in active_corrections(conn, target="event", target_ids=event_ids):
        if row["action"] == "correct" and row["field"]:
            fixes.setdefault(row["target_id"], {})[row["field"]] = row["new_value"]
    return fixes


def _event_row(
    event_id: str, found: Sequence[Claim], fixes: Mapping[str, Any], now: datetime
) -> Row:
    row = best_values(found) | {"id": event_id, "updated_at": now}
    row["entity_id"] = _entity(found[0])
    for field, value in fixes.items():
        column = {"from": "from_state", "to": "to_state"}.get(field, field)
        row[column] = value
        if column == "date":
            bounds = edtf_bounds(value)
            row["date_start"], row["date_end"] = bounds if bounds else (None, None)
    return row


def _entity(claim: Claim) -> str | None:
    kind = SUBJECT_KINDS.get(claim.type)
    if kind is None or not claim.subject.strip():
        return None
    return entity_id(kind, claim.subject)


def _party_rows(row: Row) -> list[Row]:
    return [
        {
            "event_id": row["id"],
            "party": party,
            "type": row["type"],
            "date_start": row["date_start"],
        }
        for party in row["parties"]
    ]


def _dyad_rows(row: Row) -> list[Row]:
    return [
        {"event_id": row["id"], "party_a": low, "party_b": high}
        | {"date_start": row["date_start"], "date_end": row["date_end"]}
        for low, high in combinations(sorted(row["parties"]), 2)
    ]


def _insert(conn: Connection, table: sa.Table, rows: list[Row]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def add_keys(conn: Connection, keys: Mapping[str, set[str]]) -> None:
    """Add blocking keys (event id -> keys), keeping those already stored."""
    rows = [{"key": key, "event_id": eid} for eid, found in keys.items() for key in sorted(found)]
    if not rows:
        return
    dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
    conn.execute(dialect.insert(event_keys).on_conflict_do_nothing(), rows)


def insert_conflicts(conn: Connection, found: Sequence[Conflict]) -> None:
    """Store ``found`` conflicts."""
    rows = [
        {"kind": c.kind, "event_id": c.event, "document_id": c.document, "field": c.field}
        | {"detail": [dict(value) for value in c.values]}
        for c in found
    ]
    _insert(conn, conflicts, rows)
