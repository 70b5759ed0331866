"""Writes through the API: refused without the editor token, stored with it."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import EDITOR_TOKEN

from pactwatch.api import Store

POSTED = {
    "text": "Poland and South Korea signed a contract for 180 K2 tanks in August 2022.",
    "title": "Tank contract",
    "published": "2022-08-27",
}


@pytest.fixture
def editor(web_store: Store) -> Iterator[TestClient]:
    """A TestClient on an app that accepts writes with :data:`EDITOR_TOKEN`."""
    from pactwatch.web import create_app

    with TestClient(create_app(web_store, editor_token=EDITOR_TOKEN)) as test_client:
        yield test_client


def test_a_read_only_server_refuses_writes(client: TestClient, web_store: Store) -> None:
    before = web_store.counts()
    response = client.post("/api/v1/documents", json=POSTED,
                           headers={"Authorization": f"Bearer {EDITOR_TOKEN}"})  # fmt: skip
    assert response.status_code == 403 and "read-only" in response.json()["message"]
    assert web_store.counts() == before


@pytest.mark.parametrize(
    "header", [None, "Bearer wrong-token", EDITOR_TOKEN, f"Basic {EDITOR_TOKEN}"]
)
def test_a_write_without_the_right_token_is_forbidden(
    editor: TestClient, web_store: Store, header: str | None
) -> None:
    before = web_store.counts()
    headers = {"Authorization": header} if header else {}
    response = editor.post("/api/v1/documents", json=POSTED, headers=headers)
    assert response.status_code == 403
    assert web_store.counts() == before


def test_a_posted_document_is_stored_with_its_events(editor: TestClient, web_store: Store) -> None:
    auth = {"Authorization": f"Bearer {EDITOR_TOKEN}"}
    response = editor.post("/api/v1/documents", json=POSTED, headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "ingested" and body["events"] >= 1
    doc = editor.get(f"/api/v1/documents/{body['document']}").json()
    assert doc["title"] == "Tank contract" and len(doc["spans"]) == body["events"]
    again = editor.post("/api/v1/documents", json=POSTED, headers=auth).json()
    assert again["status"] == "known" and again["document"] == body["document"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"title": "no text"}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "Some words.", "published": "next Tuesday"}, "next Tuesday"),
        ({"text": "Some words.", "title": 12}, "title"),
    ],
)
def test_a_bad_document_is_a_422_and_stores_nothing(
    editor: TestClient, web_store: Store, body: dict[str, object], words: str
) -> None:
    before = web_store.counts()
    response = editor.post("/api/v1/documents", json=body,
                           headers={"Authorization": f"Bearer {EDITOR_TOKEN}"})  # fmt: skip
    assert response.status_code == 422 and words in response.json()["message"]
    assert web_store.counts() == before


def _an_event(client: TestClient, kind: str) -> dict[str, Any]:
    return client.get(f"/api/v1/events?type={kind}&limit=1").json()["events"][0]


def test_a_correction_is_recorded_and_applied(editor: TestClient, web_store: Store) -> None:
    auth = {"Authorization": f"Bearer {EDITOR_TOKEN}"}
    event = _an_event(editor, "procurement")
    fix = {"field": "quantity", "value": 26, "reason": "the contract says 26", "author": "ed"}
    response = editor.post(f"/api/v1/events/{event['id']}/corrections", json=fix, headers=auth)
    assert response.status_code == 201, response.text
    after = editor.get(f"/api/v1/events/{event['id']}").json()
    assert after["quantity"] == 26
    (recorded,) = after["corrections"]
    assert (recorded["field"], recorded["old"], recorded["new"], recorded["author"]) == (
        "quantity", event["quantity"], 26, "ed",
    )  # fmt: skip
    page = editor.get(f"/events/{event['id']}").text
    assert "the contract says 26" in page
    assert web_store.show(event["id"]).event.quantity == 26


@pytest.mark.parametrize(
    ("fix", "status", "words"),
    [
        ({"field": "status", "value": "held"}, 422, "not a status of a procurement"),
        ({"field": "type", "value": "exercise"}, 422, "cannot be corrected"),
        ({"field": "quantity", "value": -3}, 422, "whole number"),
        ({"field": "subject", "value": "  "}, 422, "non-empty"),
        ({"field": "status", "value": "delivered", "reason": ""}, 422, "reason"),
    ],
)
def test_a_bad_correction_changes_nothing(
    editor: TestClient, fix: dict[str, Any], status: int, words: str
) -> None:
    auth = {"Authorization": f"Bearer {EDITOR_TOKEN}"}
    event = _an_event(editor, "procurement")
    body = {"reason": "because", "author": "ed"} | fix
    response = editor.post(f"/api/v1/events/{event['id']}/corrections", json=body, headers=auth)
    assert response.status_code == status and words in response.json()["message"]
    after = editor.get(f"/api/v1/events/{event['id']}").json()
    assert after["corrections"] == [] and after["status"] == event["status"]


def test_corrections_need_the_token_and_a_known_event(
    client: TestClient, editor: TestClient
) -> None:
    fix = {"field": "status", "value": "signed", "reason": "r", "author": "ed"}
    event = _an_event(client, "agreement")
    assert client.post(f"/api/v1/events/{event['id']}/corrections", json=fix).status_code == 403
    auth = {"Authorization": f"Bearer {EDITOR_TOKEN}"}
    missing = editor.post("/api/v1/events/ffffffff0000/corrections", json=fix, headers=auth)
    assert missing.status_code == 404


AUTH = {"Authorization": f"Bearer {EDITOR_TOKEN}"}
PAGE = b"""<!doctype html><html><head><title>Frigate deal</title>
<meta property="article:published_time" content="2021-09-28"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Greece orders frigates</h1>
<p>Greece ordered three Belharra frigates from France on Tuesday, the defence ministry said.</p>
<p>The first ship is due to be delivered in 2025, officials in Athens added.</p></article>
<footer>Copyright the newspaper</footer></body></html>"""


def _pdf_bytes(text: str) -> bytes:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 is a test dependency")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 10, text)
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("frigates.html", PAGE),
        ("frigates.pdf", _pdf_bytes("Greece ordered three Belharra frigates from France in 2021.")),
        ("frigates.txt.gz", gzip.compress(b"Greece ordered three Belharra frigates from France.")),
    ],
)
def test_a_posted_file_is_read_like_ingest_reads_it(
    editor: TestClient, web_store: Store, name: str, data: bytes
) -> None:
    response = editor.post("/api/v1/files", params={"name": name}, content=data, headers=AUTH)
    assert response.status_code == 201, response.text
    (stored,) = response.json()["documents"]
    assert stored["status"] == "ingested" and stored["events"] >= 1
    doc = editor.get(f"/api/v1/documents/{stored['document']}").json()
    assert any("Belharra" in doc["text"][s["start"] : s["end"]] for s in doc["spans"])


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a document"),
        (b"   \n  ", "empty"),
    ],
)
def test_a_posted_file_with_no_document_is_a_422_and_stores_nothing(
    editor: TestClient, web_store: Store, data: bytes, words: str
) -> None:
    before = web_store.counts()
    response = editor.post("/api/v1/files", params={"name": "x.bin"}, content=data, headers=AUTH)
    assert response.status_code == 422 and words in response.json()["message"], response.text
    assert web_store.counts() == before


def test_a_posted_file_needs_the_token(editor: TestClient, web_store: Store) -> None:
    before = web_store.counts()
    response = editor.post("/api/v1/files", params={"name": "x.html"}, content=PAGE)
    assert response.status_code == 403
    assert web_store.counts() == before
