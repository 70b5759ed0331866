"""The columns a :class:`~pactwatch.query.results.StoredEvent` is read from, in one query.

Each event row carries the ids of the documents that state it, joined into
one text by a correlated aggregate over the covering index on
``claims (event_id, document_id)``: ``group_concat`` on SQLite,
``string_agg`` on PostgreSQL. Lists (aliases, parties) are read as JSON text
and decoded through a cache, since the same few lists recur in every row.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

from pactwatch.query.results import StoredEvent
from pactwatch.store.schema import claims, events


class joined_ids(sa.sql.functions.GenericFunction[str]):
    """The distinct values of a text column, comma-joined (ids hold no commas)."""

    type = sa.Text()
    inherit_cache = True


@compiles(joined_ids, "sqlite")
def _sqlite_joined(element: joined_ids, compiler: SQLCompiler, **kw: Any) -> str:
    return f"group_concat(DISTINCT {compiler.process(element.clauses, **kw)})"


@compiles(joined_ids, "postgresql")
def _postgres_joined(element: joined_ids, compiler: SQLCompiler, **kw: Any) -> str:
    return f"string_agg(DISTINCT {compiler.process(element.clauses, **kw)}, ',')"


_DOCUMENTS = (
    sa.select(joined_ids(claims.c.document_id))
    .where(claims.c.event_id == events.c.id)
    .scalar_subquery()
    .label("documents")
)

EVENT_COLUMNS = (
    events.c.id,
    events.c.type,
    events.c.status,
    events.c.subject,
    sa.cast(events.c.aliases, sa.Text).label("aliases"),
    sa.cast(events.c.parties, sa.Text).label("parties"),
    events.c.from_state,
    events.c.to_state,
    events.c.date,
    events.c.place,
    events.c.quantity,
    events.c.confidence,
    events.c.claim_count,
    _DOCUMENTS,
)
"""The columns of one :class:`StoredEvent`, in its field order."""


def stored_event(row: Sequence[Any]) -> StoredEvent:
    """Return the :class:`StoredEvent` for a row of :data:`EVENT_COLUMNS`."""
    (id_, type_, status, subject, aliases, parties, from_, to, date, place, quantity,
     confidence, claim_count, documents) = row  # fmt: skip
    return StoredEvent(
        id_, type_, status, subject, _strings(aliases), _strings(parties), from_, to,
        date, place, quantity, float(confidence), int(claim_count), _ids(documents),
    )  # fmt: skip


@lru_cache(maxsize=65536)
def _strings(raw: str | None) -> tuple[str, ...]:
    return tuple(json.loads(raw)) if raw else ()


def _ids(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    return (raw,) if "," not in raw else tuple(sorted(raw.split(",")))
