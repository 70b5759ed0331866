"""The entities the store knows: states, platforms, agreements, exercises, institutions..."""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.query.results import EntityRecord, Results
from pactwatch.store.schema import entities, entity_names, event_parties, events

_IN_CHUNK = 500


def list_entities(
    conn: Connection, *, kind: str | None = None, limit: int | None = None
) -> Results[EntityRecord]:
    """Return entities (of ``kind``, if given) ordered by kind and name, at most ``limit``."""
    query = sa.select(entities).order_by(entities.c.kind, entities.c.name, entities.c.id)
    if kind:
        query = query.where(entities.c.kind == kind)
    if limit is not None:
        query = query.limit(limit)
    rows = conn.execute(query).all()
    ids = [row.id for row in rows]
    names = _names(conn, ids)
    counts = _event_counts(conn, ids)
    found = (
        EntityRecord(
            id=row.id,
            kind=row.kind,
            name=row.name,
            names=tuple(names.get(row.id, ())),
            states=tuple(row.states or ()),
            events=counts.get(row.id, 0),
        )
        for row in rows
    )
    return Results(found, columns=EntityRecord.COLUMNS)


def _names(conn: Connection, ids: list[str]) -> dict[str, list[str]]:
    found: defaultdict[str, list[str]] = defaultdict(list)
    for start in range(0, len(ids), _IN_CHUNK):
        query = sa.select(entity_names.c.entity_id, entity_names.c.name).where(
            entity_names.c.entity_id.in_(ids[start : start + _IN_CHUNK])
        )
        for entity_id, name in conn.execute(query.order_by(entity_names.c.name)):
            found[entity_id].append(name)
    return found


def _event_counts(conn: Connection, ids: list[str]) -> dict[str, int]:
    states = [i.removeprefix("state:") for i in ids if i.startswith("state:")]
    others = [i for i in ids if not i.startswith("state:")]
    counts: dict[str, int] = {}
    for start in range(0, len(states), _IN_CHUNK):
        chunk = states[start : start + _IN_CHUNK]
        query = (
            sa.select(event_parties.c.party, sa.func.count())
            .where(event_parties.c.party.in_(chunk))
            .group_by(event_parties.c.party)
        )
        counts.update({f"state:{party}": n for party, n in conn.execute(query)})
    for start in range(0, len(others), _IN_CHUNK):
        chunk = others[start : start + _IN_CHUNK]
        query = (
            sa.select(events.c.entity_id, sa.func.count())
            .where(events.c.entity_id.in_(chunk))
            .group_by(events.c.entity_id)
        )
        counts.update({entity: n for entity, n in conn.execute(query)})
    return counts
