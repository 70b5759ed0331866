"""The entities the store knows: states, platforms, agreements, exercises, institutions..."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

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
    by_party = _count_by(conn, event_parties.c.party, states)
    counts = {f"state:{party}": n for party, n in by_party.items()}
    counts.update(_count_by(conn, events.c.entity_id, others))
    return counts


def _count_by(conn: Connection, column: sa.Column[Any], values: list[str]) -> dict[str, int]:
    """Return the rows of the column's table per value, queried in chunks of ``_IN_CHUNK``."""
    counts: dict[str, int] = {}
    for start in range(0, len(values), _IN_CHUNK):
        query = (
            sa.select(column, sa.func.count())
            .where(column.in_(values[start : start + _IN_CHUNK]))
            .group_by(column)
        )
        counts.update({value: n for value, n in conn.execute(query)})
    return counts
