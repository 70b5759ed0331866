"""Writes through the API: refused without the editor token, stored with it."""

from __future__ import annotations

from collections.abc import Iterator

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
