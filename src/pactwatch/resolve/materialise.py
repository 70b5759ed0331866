"""Writing canonical events from their claims: the event row, its party and dyad rows,
its claims' links, keys, basis and conflicts, with hand corrections of fields applied.

A new event is inserted; a stored event that gains claims is updated in place
from its basis and the new claims (no row of its other claims is touched).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from datetime import UTC, datetime
from itertools import combinations
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from pactwatch.resolve.best import Row, basis, best_values
from pactwatch.resolve.claims import Claim
from pactwatch.resolve.conflicts import Conflict, event_conflicts
from pactwatch.resolve.load import active_corrections, chunks
from pactwatch.store.dates import edtf_bounds
from pactwatch.store.rows import SUBJECT_KINDS, entity_id
from pactwatch.store.schema import (
    claims,
    conflicts,
    entities,
    entity_names,
    event_basis,
    event_dyads,
    event_keys,
    event_parties,
    events,
)

Groups = Mapping[str, Sequence[Claim]]
"""Event id -> the claims of that event."""


def drop_events(conn: Connection, event_ids: Sequence[str]) -> None:
    """Delete events ``event_ids`` with their party, dyad, key, basis and conflict rows."""
    for part in chunks(list(event_ids)):
        for table in (event_dyads, event_parties, event_keys, event_basis, conflicts):
            conn.execute(table.delete().where(table.c.event_id.in_(part)))
        conn.execute(claims.update().where(claims.c.event_id.in_(part)).values(event_id=None))
        conn.execute(events.delete().where(events.c.id.in_(part)))


def write_events(
    conn: Connection,
    groups: Groups,
    *,
    counts: Mapping[str, int] | None = None,
    stored: Set[str] = frozenset(),
) -> None:
    """Write one canonical event per group of claims.

    A group holds all the event's claims, or (for the events in ``stored``,
    which are updated in place) its basis and its new claims, with its claim
    count in ``counts``. Events not in ``stored`` must not exist yet.
    """
    if not groups:
        return
    ids = list(groups)
    fixes = _field_fixes(conn, ids)
    now = datetime.now(UTC)
    rows = {eid: _event_row(eid, found, fixes.get(eid, {}), now) for eid, found in groups.items()}
    for eid, count in (counts or {}).items():
        if eid in rows:
            rows[eid]["claim_count"] = count
    fresh = [row for eid, row in rows.items() if eid not in stored]
    _add_entities(conn, rows, groups)
    _insert(conn, events, fresh)
    _insert(conn, event_parties, [p for row in fresh for p in _party_rows(row)])
    _insert(conn, event_dyads, [d for row in fresh for d in _dyad_rows(row)])
    _update(conn, [row for eid, row in rows.items() if eid in stored])
    links = [{"claim": c.id, "event_id": eid} for eid, found in groups.items() for c in found]
    conn.execute(claims.update().where(claims.c.id == sa.bindparam("claim")), links)
    add_keys(conn, groups)
    _replace_basis(conn, groups, stored)
    for part in chunks([eid for eid in ids if eid in stored]):
        conn.execute(conflicts.delete().where(conflicts.c.event_id.in_(part)))
    insert_conflicts(
        conn, [c for eid, found in groups.items() for c in event_conflicts(eid, found)]
    )


def _add_entities(conn: Connection, rows: Mapping[str, Row], groups: Groups) -> None:
    """Make sure each event's entity exists, known by every name its claims give it
    (so an acronym and its expansion, or two spellings, are one entity)."""
    entity_rows: dict[str, Row] = {}
    names: dict[tuple[str, str], Row] = {}
    for eid, row in rows.items():
        entity = row["entity_id"]
        if entity is None:
            continue
        kind = entity.partition(":")[0]
        entity_rows.setdefault(entity, {"id": entity, "kind": kind, "name": row["subject"],
                                        "category": None, "states": None})  # fmt: skip
        for claim in groups[eid]:
            for name in claim.names:
                names.setdefault((entity, name), {"entity_id": entity, "name": name})
    _insert_ignore(conn, entities, list(entity_rows.values()))
    _insert_ignore(conn, entity_names, list(names.values()))


def drop_orphan_entities(conn: Connection, entity_ids: Iterable[str] | None = None) -> None:
    """Delete entities (not states) that no event names any more: those of ``entity_ids``,
    or all of them (with their names)."""
    orphan = ~sa.exists().where(events.c.entity_id == entities.c.id)
    query = entities.delete().where(orphan, entities.c.kind != "state")
    if entity_ids is None:
        conn.execute(query)
        return
    for part in chunks(sorted(set(entity_ids))):
        conn.execute(query.where(entities.c.id.in_(part)))


def entity_of(claim: Claim) -> str | None:
    """Return the id of the entity a claim's subject names (None for meetings, visits...)."""
    return _entity(claim)


def _insert_ignore(conn: Connection, table: sa.Table, rows: list[Row]) -> None:
    if rows:
        dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
        conn.execute(dialect.insert(table).on_conflict_do_nothing(), rows)


def _update(conn: Connection, rows: Sequence[Row]) -> None:
    """Set the best values of stored events, and the dates their party and dyad rows copy."""
    if not rows:
        return
    fields = [name for name in rows[0] if name != "id"]
    params = [{f"v_{name}": row[name] for name in fields} | {"eid": row["id"]} for row in rows]
    which: sa.BindParameter[str] = sa.bindparam("eid")
    conn.execute(
        events.update()
        .where(events.c.id == which)
        .values({name: sa.bindparam(f"v_{name}") for name in fields}),
        params,
    )
    conn.execute(
        event_parties.update().where(event_parties.c.event_id == which)
        .values(date_start=sa.bindparam("v_date_start")),
        params,
    )  # fmt: skip
    conn.execute(
        event_dyads.update().where(event_dyads.c.event_id == which)
        .values(date_start=sa.bindparam("v_date_start"), date_end=sa.bindparam("v_date_end")),
        params,
    )  # fmt: skip


def _replace_basis(conn: Connection, groups: Groups, stored: Set[str]) -> None:
    for part in chunks([eid for eid in groups if eid in stored]):
        conn.execute(event_basis.delete().where(event_basis.c.event_id.in_(part)))
    rows = [
        {"event_id": eid, "claim_id": claim.id}
        for eid, found in groups.items()
        if len(found) > 1
        for claim in basis(found)
    ]
    _insert(conn, event_basis, rows)


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


def add_keys(conn: Connection, groups: Groups) -> None:
    """Add the blocking keys of each event's claims, keeping those already stored."""
    rows = []
    for eid, found in groups.items():
        seq = min(c.order for c in found)[0]
        keys = {key for claim in found for key in claim.blocking_keys()}
        rows += [{"key": key, "event_id": eid, "seq": seq} for key in sorted(keys)]
    _insert_ignore(conn, event_keys, rows)


def insert_conflicts(conn: Connection, found: Sequence[Conflict]) -> None:
    """Store ``found`` conflicts."""
    rows = [
        {"kind": c.kind, "event_id": c.event, "document_id": c.document, "field": c.field}
        | {"detail": [dict(value) for value in c.values]}
        for c in found
    ]
    _insert(conn, conflicts, rows)
