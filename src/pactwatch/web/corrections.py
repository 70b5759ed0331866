"""An editor's correction of one event field, recorded and applied in one transaction.

The correction is appended to ``corrections`` (who, when, field, old and new
value, why) and the event's field is set, so that the record stays traceable
to text or to a recorded correction. Only fields no index table copies can be
corrected here: ``status``, ``subject``, ``place`` and ``quantity``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from pactwatch.records import EVENT_STATUSES
from pactwatch.store.schema import corrections, events
from pactwatch.web.errors import BadParameter, NotFound

CORRECTABLE = ("status", "subject", "place", "quantity")
"""The event fields a correction may set."""


def correct_event(
    engine: Engine, event_id: str, *, field: str, value: Any, reason: str, author: str
) -> int:
    """Record and apply the correction; return its id. NotFound / BadParameter when it cannot."""
    if field not in CORRECTABLE:
        raise BadParameter(f"field {field!r} cannot be corrected here; one of {CORRECTABLE}")
    with engine.begin() as conn:
        row = conn.execute(
            sa.select(events.c.type, events.c[field]).where(events.c.id == event_id)
        ).first()
        if row is None:
            raise NotFound(f"no event has the id {event_id!r}; /api/v1/events lists them")
        _check(field, value, row.type)
        now = dt.datetime.now(dt.UTC)
        conn.execute(
            events.update().where(events.c.id == event_id).values({field: value, "updated_at": now})
        )
        number = conn.scalar(
            corrections.insert()
            .values(
                created_at=now,
                author=author,
                action="correct",
                target="event",
                target_id=event_id,
                field=field,
                old_value=row[1],
                new_value=value,
                reason=reason,
            )
            .returning(corrections.c.id)
        )
        return int(number)


def _check(field: str, value: Any, event_type: str) -> None:
    if field == "status" and value is not None and value not in EVENT_STATUSES[event_type]:
        allowed = ", ".join(EVENT_STATUSES[event_type])
        raise BadParameter(f"{value!r} is not a status of a {event_type}: {allowed}")
    if field == "quantity" and value is not None and (type(value) is not int or value < 0):
        raise BadParameter("quantity must be a whole number of 0 or more, or null")
    if field == "subject" and (not isinstance(value, str) or not value.strip()):
        raise BadParameter("subject must be a non-empty text")
    if field == "place" and value is not None and not isinstance(value, str):
        raise BadParameter("place must be a text or null")
