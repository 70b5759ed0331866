"""Writes, allowed only when the server was started with an editor token.

``POST /api/v1/documents`` stores a posted text with the events extracted
from it; ``POST /api/v1/files?name=NAME`` stores the documents of a posted file
(its raw bytes: HTML, PDF, a feed, text or JSON(L), ``.gz`` of any), read as
``pactwatch ingest`` reads a file; ``POST /api/v1/events/{id}/corrections`` records and applies an
editor's correction of one event field. The token goes in
``Authorization: Bearer TOKEN``; a server started without
``--editor-token-file`` refuses every write with 403.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from pactwatch.api import Store
from pactwatch.documents import make_document
from pactwatch.errors import SourceError
from pactwatch.sources import DEFAULT_MAX_SIZE, Rejection, read_bytes
from pactwatch.store.dates import is_edtf
from pactwatch.web.corrections import correct_event
from pactwatch.web.errors import Forbidden

router = APIRouter(tags=["write"])


class PostedDocument(BaseModel):
    """A document to store: its text and what is known of where it came from."""

    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=500)
    published: str | None = Field(default=None, max_length=64, description="EDTF date")


@router.post("/documents", status_code=201)
def post_document(
    request: Request,
    posted: PostedDocument,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Store a posted document and the events extracted from it (needs the editor token)."""
    _check_token(request.app.state.editor_token, authorization)
    if not posted.text.strip():
        raise SourceError("no text: `text` is empty")
    if posted.published is not None and not is_edtf(posted.published):
        raise SourceError(f"`published` {posted.published!r} is not an EDTF date like 2024-08-29")
    doc = make_document(
        posted.text,
        title=posted.title,
        url=posted.url,
        source=posted.source,
        published=posted.published,
    )
    doc.meta["origin"] = "api"
    store: Store = request.app.state.store
    (result,) = list(store.ingest_items([doc]))
    if result.status == "rejected":
        raise SourceError(result.reason or "the document was rejected")
    return {"status": result.status, "document": result.doc_id, "events": result.events}


@router.post("/files", status_code=201)
async def post_file(
    request: Request,
    name: Annotated[str, Query(min_length=1, max_length=300, description="the file's name")],
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Store the documents of a posted file, its raw bytes as the body (needs the token).

    Returns the stored (or already known) documents and the rejected parts, each
    with its one-line reason; a file of which nothing could be stored is a 422.
    """
    _check_token(request.app.state.editor_token, authorization)
    data = await _body_within(request, DEFAULT_MAX_SIZE)
    store: Store = request.app.state.store
    return await run_in_threadpool(_store_file, store, data, name)


async def _body_within(request: Request, limit: int) -> bytes:
    """Return the request body, or refuse it once it grows past ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise SourceError(f"larger than the {limit // 1_000_000} MB limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _store_file(store: Store, data: bytes, name: str) -> dict[str, Any]:
    # No time limit here: it works by a signal, which only the main thread receives.
    items = list(read_bytes(data, origin=name, name=name, time_limit=None))
    rejected = [{"source": i.source, "reason": i.reason} for i in items if isinstance(i, Rejection)]
    documents = [i for i in items if not isinstance(i, Rejection)]
    for doc in documents:
        doc.meta["origin"] = "api"
    stored: list[dict[str, Any]] = []
    for result in store.ingest_items(documents):
        if result.status == "rejected":
            rejected.append({"source": name, "reason": result.reason or "rejected"})
        else:
            stored.append({"status": result.status, "document": result.doc_id,
                           "events": result.events})  # fmt: skip
    if not stored:
        reason = rejected[0]["reason"] if rejected else "no document in the file"
        raise SourceError(f"{name}: {reason}")
    return {"documents": stored, "rejected": rejected}


class Correction(BaseModel):
    """A new value for one field of an event, with who asks and why."""

    field: str = Field(description="status, subject, place or quantity")
    value: str | int | None
    reason: str = Field(min_length=1, max_length=2000)
    author: str = Field(min_length=1, max_length=200)


@router.post("/events/{event_id}/corrections", status_code=201)
def post_correction(
    request: Request,
    event_id: Annotated[str, Path(max_length=64)],
    correction: Correction,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Record an editor's correction of one event field and apply it (needs the token)."""
    _check_token(request.app.state.editor_token, authorization)
    store: Store = request.app.state.store
    number = correct_event(
        store.engine, event_id, field=correction.field, value=correction.value,
        reason=correction.reason, author=correction.author,
    )  # fmt: skip
    return {"correction": number, "event": event_id}


def _check_token(expected: str | None, header: str | None) -> None:
    if expected is None:
        raise Forbidden("this server is read-only; start it with --editor-token-file to write")
    scheme, _, given = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), expected.encode()):
        raise Forbidden("a write needs the header `Authorization: Bearer TOKEN` with the token")
