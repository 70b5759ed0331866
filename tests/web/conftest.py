"""Stores for the web tests: the bundled samples (really extracted) plus one hostile document.

The hostile document carries ``<script>`` and ``onerror=`` payloads in its
title and text; every page must show them as text and never run them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pactwatch.api import Store
from pactwatch.api import open as open_store
from pactwatch.documents import make_document
from pactwatch.records import Document, Event

HOSTILE_TITLE = "<script>window.__pwned = 'title'</script> Varuna <b>drills</b>"
HOSTILE_TEXT = (
    "Officials said <script>window.__pwned = 'text'</script> was only a string. "
    "India and France held the Varuna naval exercise "
    "<img src=x onerror=\"window.__pwned = 'img'\"> off Goa in March 2024. "
    "The two navies plan to meet again."
)
EDITOR_TOKEN = "editor-token-for-the-web-tests-0123"


def hostile_document() -> Document:
    """Return the document whose title and text hold script payloads."""
    return make_document(HOSTILE_TEXT, title=HOSTILE_TITLE, published="2024-04-02")


@pytest.fixture(scope="session")
def extracted() -> list[tuple[Document, Sequence[Event]]]:
    """The bundled samples and the hostile document, each with its extracted events."""
    from pactwatch.cli.demo_cmd import demo_documents
    from pactwatch.extract.api import extract

    docs = [*demo_documents(), hostile_document()]
    return [(doc, extract(doc.text, published=doc.published)) for doc in docs]


def fill(store: Store, extracted: list[tuple[Document, Sequence[Event]]]) -> Store:
    """Write every (document, events) pair into ``store``; return it."""
    results = store.add_many(extracted)
    assert all(result.outcome == "stored" for result in results), results
    return store


@pytest.fixture
def web_store(db_url: str, extracted: list[tuple[Document, Sequence[Event]]]) -> Iterator[Store]:
    """A filled store on SQLite and on PostgreSQL (one test run each)."""
    with open_store(db_url) as store:
        yield fill(store, extracted)


@pytest.fixture
def client(web_store: Store) -> Iterator[TestClient]:
    """A TestClient on a read-only app over the filled store."""
    from pactwatch.web import create_app

    with TestClient(create_app(web_store)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def sample_db(
    tmp_path_factory: pytest.TempPathFactory, extracted: list[tuple[Document, Sequence[Event]]]
) -> Path:
    """A SQLite file holding the filled store, shared by the browser and CLI tests."""
    path = tmp_path_factory.mktemp("web") / "samples.db"
    with open_store(path) as store:
        fill(store, extracted)
    return path
