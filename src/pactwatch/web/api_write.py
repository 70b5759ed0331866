"""Writes, allowed only when the server was started with an editor token.

``POST /api/v1/documents`` stores a posted text with the events extracted
from it; ``POST /api/v1/events/{id}/corrections`` records and applies an
editor's correction of one event field. The token goes in
``Authorization: Bearer TOKEN``; a server started without
``--editor-token-file`` refuses every write with 403.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Request
from pydantic import BaseModel, Field

from pactwatch.api import Store
from pactwatch.documents import make_document
from pactwatch.errors import SourceError
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
