"""The read-only JSON API under ``/api/v1/``: events, timelines, documents, entities, search.

Each endpoint calls one function of :mod:`pactwatch.query` and returns its
records' documented dicts (docs/web.md).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy.engine import Connection

from pactwatch.query.conflicts import list_conflicts
from pactwatch.query.corrections import list_corrections
from pactwatch.query.documents import list_documents, show_document
from pactwatch.query.dyads import list_dyads
from pactwatch.query.entities import list_entities
from pactwatch.query.events import EventFilter
from pactwatch.query.pages import TimelineCursor, TimelinePage, list_events_page, timeline_page
from pactwatch.query.search import search
from pactwatch.query.show import show_event
from pactwatch.query.stats import count_rows
from pactwatch.web.cursor import decode_cursor, encode_cursor
from pactwatch.web.errors import checked, lookup
from pactwatch.web.params import (
    STATE,
    SinceParam,
    TypeParam,
    UntilParam,
    connection,
    event_filter,
    event_json,
    split,
)

router = APIRouter(tags=["read"])
Conn = Annotated[Connection, Depends(connection)]
Filter = Annotated[EventFilter, Depends(event_filter)]

CONFLICTS_NOTE = (
    "Where sources disagree about one event (two dates, a status going backwards, "
    "quantities, a negation) or a document announces a count and lists another: "
    "docs/resolve.md."
)


@router.get("/events")
def events_endpoint(
    conn: Conn,
    where: Filter,
    limit: Annotated[int, Query(ge=1, le=500, description="Events per page.")] = 50,
    cursor: Annotated[str | None, Query(description="The `next` of the previous page.")] = None,
) -> dict[str, Any]:
    """Events that match every filter, newest first, a page at a time."""
    page = list_events_page(conn, where, after=decode_cursor(cursor), size=limit)
    return {"events": [event_json(e) for e in page.events], "next": encode_cursor(page.next)}


@router.get("/events/{event_id}")
def event_endpoint(conn: Conn, event_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """One event (id or unique id prefix) with its claims' evidence and status history."""
    with lookup():
        detail = show_event(conn, event_id)
    return event_json(detail.event) | {
        "evidence": [item.to_dict() for item in detail.evidence],
        "history": [item.to_dict() for item in detail.history],
        "conflicts": [c.to_dict() for c in list_conflicts(conn, event=detail.event.id)],
        "corrections": [c.to_dict() for c in list_corrections(conn, "event", detail.event.id)],
    }


@router.get("/timeline/{a}/{b}")
def timeline_endpoint(
    conn: Conn,
    a: Annotated[str, Path(pattern=STATE)],
    b: Annotated[str, Path(pattern=r"^([A-Za-z]{2}|all)$", description="A state, or `all`.")],
    type: TypeParam = None,
    since: SinceParam = None,
    until: UntilParam = None,
    limit: Annotated[int, Query(ge=1, le=5000, description="Events per page.")] = 200,
    cursor: Annotated[str | None, Query(description="The `next` of the previous page.")] = None,
) -> dict[str, Any]:
    """The events of two states (or of one state with ``all``) in date order, undated last,
    a page at a time."""
    page = dyad_timeline(conn, a, b, type=type, since=since, until=until,
                         after=decode_cursor(cursor, size=3), size=limit)  # fmt: skip
    return {
        "a": a.upper(),
        "b": b if b == "all" else b.upper(),
        "events": [event_json(e) for e in page.events],
        "next": encode_cursor(page.next),
    }


def dyad_timeline(
    conn: Connection,
    a: str,
    b: str,
    *,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    after: TimelineCursor | None = None,
    size: int = 1000,
) -> TimelinePage:
    """Return a page of the timeline of ``a`` and ``b``, or of ``a`` alone when ``b`` is ``all``."""
    parties = (a.upper(),) if b == "all" else (a.upper(), b.upper())
    with checked():
        where = EventFilter(types=split(type), parties=parties, since=since or None,
                            until=until or None, limit=None)  # fmt: skip
    return timeline_page(conn, where, after=after, size=size)


@router.get("/dyads")
def dyads_endpoint(
    conn: Conn, type: TypeParam = None, since: SinceParam = None, until: UntilParam = None
) -> dict[str, Any]:
    """Pairs of states with how many events they share (of the types, in the period)."""
    with checked():
        EventFilter(types=split(type), since=since or None, until=until or None)
    found = list_dyads(conn, types=split(type), since=since or None, until=until or None)
    return {"dyads": found.to_dicts()}


@router.get("/documents")
def documents_endpoint(
    conn: Conn,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    after: Annotated[
        int | None, Query(ge=0, description="The `next` of the previous page.")
    ] = None,
) -> dict[str, Any]:
    """Stored documents (without text) in the order they were stored, a page at a time."""
    found = list_documents(conn, after=after, limit=limit + 1)
    more = len(found) > limit
    return {
        "documents": [doc.to_dict() for doc in found[:limit]],
        "next": found[limit - 1].seq if more else None,
    }


@router.get("/documents/{doc_id}")
def document_endpoint(conn: Conn, doc_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """One document with its text and the span of every claim it makes."""
    with lookup():
        return show_document(conn, doc_id).to_dict()


@router.get("/entities")
def entities_endpoint(
    conn: Conn,
    kind: Annotated[str | None, Query(max_length=20)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> dict[str, Any]:
    """Entities the store knows (states, platforms, agreements...), by kind and name."""
    return {"entities": list_entities(conn, kind=kind or None, limit=limit).to_dicts()}


@router.get("/search")
def search_endpoint(
    conn: Conn,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words or phrases.")],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    """Claims and documents whose words match ``q``, best first."""
    return {"query": q, "hits": search(conn, q, limit=limit).to_dicts()}


@router.get("/conflicts")
def conflicts_endpoint(
    conn: Conn,
    party: Annotated[str | None, Query(pattern=STATE, description="Only this state's.")] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> dict[str, Any]:
    """Where the sources disagree, each with the documents on every side (docs/resolve.md)."""
    found = list_conflicts(conn, party=party, limit=limit)
    return {"conflicts": [c.to_dict() for c in found], "note": CONFLICTS_NOTE}


@router.get("/summary")
def summary_endpoint(conn: Conn) -> dict[str, Any]:
    """How many documents, claims, events and entities; the pairs of states with most events."""
    return {"counts": count_rows(conn), "dyads": [dyad.to_dict() for dyad in list_dyads(conn)[:20]]}
