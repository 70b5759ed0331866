"""Query parameters the API and the pages share: the CLI's event filters, and the store."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Annotated, Any

from fastapi import Query, Request
from sqlalchemy.engine import Connection

from pactwatch.api import Store
from pactwatch.query.events import EventFilter
from pactwatch.query.results import StoredEvent
from pactwatch.store.dates import edtf_bounds
from pactwatch.web.errors import checked

_bounds = lru_cache(maxsize=65536)(edtf_bounds)
"""Date bounds, cached: a page of events repeats the same few thousand dates."""

STATE = r"^[A-Za-z]{2}$"
STATES = r"^([A-Za-z]{2}(,[A-Za-z]{2})*)?$"

TypeParam = Annotated[str | None, Query(description="Event types, comma-separated.")]
StatusParam = Annotated[str | None, Query(description="Statuses, comma-separated.")]
PartyParam = Annotated[
    str | None, Query(pattern=STATES, description="States that all take part, e.g. US,IN.")
]
SinceParam = Annotated[str | None, Query(description="Only events dated on or after (EDTF).")]
UntilParam = Annotated[str | None, Query(description="Only events dated on or before (EDTF).")]
SubjectParam = Annotated[
    str | None, Query(max_length=200, description="Text the subject or an alias contains.")
]


def event_filter(
    type: TypeParam = None,
    status: StatusParam = None,
    party: PartyParam = None,
    since: SinceParam = None,
    until: UntilParam = None,
    subject: SubjectParam = None,
) -> EventFilter:
    """Return the :class:`EventFilter` of the request's parameters (422 when one is bad)."""
    with checked():
        return EventFilter(
            types=split(type),
            statuses=split(status),
            parties=tuple(p.upper() for p in split(party)),
            since=since or None,
            until=until or None,
            subject=subject or None,
            limit=None,
        )


def split(value: str | None) -> tuple[str, ...]:
    """Return the comma-separated items of ``value``, stripped, empty ones dropped."""
    return tuple(item.strip() for item in (value or "").split(",") if item.strip())


def connection(request: Request) -> Iterator[Connection]:
    """Yield a connection to the app's store for one request."""
    store: Store = request.app.state.store
    with store.engine.connect() as conn:
        yield conn


def event_json(event: StoredEvent) -> dict[str, Any]:
    """Return a stored event's dict with its date bounds (``start``, ``end``) added."""
    bounds = _bounds(event.date)
    return event.to_dict() | {
        "start": bounds[0] if bounds else None,
        "end": bounds[1] if bounds else None,
    }
