"""The HTML pages: home, events, one event, documents, one document, timeline, graph, search.

Pages are rendered on the server (Jinja2, autoescaped) from the same query
functions as the API; the timeline and graph are drawn in the browser by the
vendored d3 from the API's JSON.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.engine import Connection

from pactwatch.query.conflicts import list_conflicts
from pactwatch.query.corrections import list_corrections
from pactwatch.query.documents import list_documents, show_document
from pactwatch.query.dyads import list_dyads
from pactwatch.query.entities import list_entities
from pactwatch.query.events import EventFilter
from pactwatch.query.pages import list_events_page
from pactwatch.query.search import search
from pactwatch.query.show import show_event
from pactwatch.query.stats import count_rows
from pactwatch.records import EVENT_STATUSES
from pactwatch.web.api_read import CONFLICTS_NOTE, dyad_timeline
from pactwatch.web.cursor import decode_cursor, encode_cursor
from pactwatch.web.errors import checked, lookup
from pactwatch.web.highlight import cut_text
from pactwatch.web.params import (
    STATE,
    SinceParam,
    TypeParam,
    UntilParam,
    connection,
    event_filter,
    split,
)
from pactwatch.web.render import render

router = APIRouter(include_in_schema=False)
Conn = Annotated[Connection, Depends(connection)]
Filter = Annotated[EventFilter, Depends(event_filter)]
TYPES = tuple(EVENT_STATUSES)
TIMELINE_ROWS = 1000


@router.get("/", response_class=HTMLResponse)
def home_page(request: Request, conn: Conn) -> HTMLResponse:
    """The store at a glance: counts and the pairs of states with most events."""
    dyads = list_dyads(conn)[:30]
    return render(request, "home.html", counts=count_rows(conn), dyads=dyads)


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    conn: Conn,
    where: Filter,
    cursor: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    """Events that match the filters, newest first, 50 a page."""
    page = list_events_page(conn, where, after=decode_cursor(cursor), size=50)
    params = {k: v for k, v in request.query_params.items() if k != "cursor" and v}
    return render(
        request, "events.html", events=page.events, next=encode_cursor(page.next),
        params=params, types=TYPES,
    )  # fmt: skip


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, conn: Conn, event_id: str) -> HTMLResponse:
    """One event: best values, status history, every piece of evidence, conflicts."""
    with lookup():
        detail = show_event(conn, event_id)
    fixes = list_corrections(conn, "event", detail.event.id)
    conflicts = list_conflicts(conn, event=detail.event.id)
    return render(request, "event.html", detail=detail, conflicts=conflicts, note=CONFLICTS_NOTE,
                  corrections=fixes)  # fmt: skip


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request, conn: Conn, after: Annotated[int | None, Query(ge=0)] = None
) -> HTMLResponse:
    """Stored documents, 50 a page."""
    found = list_documents(conn, after=after, limit=51)
    more = found[49].seq if len(found) > 50 else None
    return render(request, "documents.html", documents=found[:50], next=more)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, conn: Conn, doc_id: str) -> HTMLResponse:
    """A document's text with every extracted event's span highlighted and labelled."""
    with lookup():
        detail = show_document(conn, doc_id)
    pieces = cut_text(detail.text, detail.spans)
    return render(request, "document.html", detail=detail, pieces=pieces)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    conn: Conn,
    a: Annotated[str, Query(pattern=STATE)] = "US",
    b: Annotated[str, Query(pattern=r"^([A-Za-z]{2}|all)$")] = "IN",
    type: TypeParam = None,
    since: SinceParam = None,
    until: UntilParam = None,
    limit: Annotated[int | None, Query(ge=1, le=5000, description="Chart page size.")] = None,
) -> HTMLResponse:
    """The timeline of two states (or one and ``all``): a chart and the same events listed.

    ``limit`` sets the size of the API pages the chart reads (it follows them).
    """
    a, b = a.upper(), (b if b == "all" else b.upper())
    page = dyad_timeline(conn, a, b, type=type, since=since, until=until, size=TIMELINE_ROWS)
    query = {k: v for k, v in {"type": type, "since": since, "until": until}.items() if v}
    chart = query | ({"limit": str(limit)} if limit else {})
    return render(request, "timeline.html", a=a, b=b, events=page.events, more=page.next,
                  query=query, chart=chart, types=TYPES, rows=TIMELINE_ROWS)  # fmt: skip


@router.get("/graph", response_class=HTMLResponse)
def graph_page(
    request: Request,
    conn: Conn,
    type: TypeParam = None,
    since: SinceParam = None,
    until: UntilParam = None,
) -> HTMLResponse:
    """States as nodes, pairs as edges weighted by their events; an edge links its timeline."""
    with checked():
        EventFilter(types=split(type), since=since or None, until=until or None)
    dyads = list_dyads(conn, types=split(type), since=since or None, until=until or None)
    query = {k: v for k, v in {"type": type, "since": since, "until": until}.items() if v}
    return render(request, "graph.html", dyads=dyads, query=query, types=TYPES)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, conn: Conn, q: Annotated[str, Query(max_length=500)] = ""
) -> HTMLResponse:
    """Full-text search over documents and evidence sentences."""
    hits = search(conn, q, limit=50) if q.strip() else []
    return render(request, "search.html", q=q, hits=hits)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request, conn: Conn, kind: Annotated[str, Query(max_length=20)] = ""
) -> HTMLResponse:
    """Entities the store knows, by kind and name."""
    found = list_entities(conn, kind=kind or None, limit=2000)
    return render(request, "entities.html", entities=found, kind=kind)


@router.get("/api/v1/docs", response_class=HTMLResponse)
def api_docs_page(request: Request) -> HTMLResponse:
    """Interactive API docs (Swagger UI, served from this package's static folder)."""
    return render(request, "api_docs.html")
