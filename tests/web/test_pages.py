"""The server-rendered pages: every one answers, escapes document strings, links onwards."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import HOSTILE_TEXT, HOSTILE_TITLE


def _hostile_id(client: TestClient) -> str:
    hits = client.get("/api/v1/search", params={"q": "Varuna Goa"}).json()["hits"]
    return next(hit["document"] for hit in hits if hit["title"] == HOSTILE_TITLE)


def test_every_page_answers_with_html(client: TestClient) -> None:
    event = client.get("/api/v1/events?limit=1").json()["events"][0]
    pages = ["/", "/events", "/events?type=exercise&party=IN&since=2000", f"/events/{event['id']}",
             "/documents", f"/documents/{event['documents'][0]}", "/timeline?a=US&b=IN",
             "/timeline?a=IN&b=all", "/graph", "/graph?type=exercise", "/search?q=frigate",
             "/entities", "/entities?kind=state", "/api/v1/docs"]  # fmt: skip
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")
        assert not re.search(r"<script(?![^>]*\bsrc=)|\son[a-z]+\s*=", response.text), url


def test_document_strings_are_shown_as_text(client: TestClient) -> None:
    doc_id = _hostile_id(client)
    page = client.get(f"/documents/{doc_id}").text
    assert "<script>window" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned = &#39;title&#39;&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;window.__pwned = &#39;img&#39;&#34;&gt;" in page
    event_id = client.get(f"/api/v1/documents/{doc_id}").json()["spans"][0]["event"]
    for url in (f"/events/{event_id}", "/search?q=Varuna", "/documents"):
        assert "<script>window" not in client.get(url).text, url


def test_the_document_page_marks_every_span(client: TestClient) -> None:
    doc = client.get(f"/api/v1/documents/{_hostile_id(client)}").json()
    page = client.get(f"/documents/{doc['id']}").text
    for span in doc["spans"]:
        assert f'id="claim-{span["claim"]}"' in page
        assert f'href="/events/{span["event"]}"' in page
    marked = re.findall(r'<mark class="span[^"]*" data-claims="[^"]*">(.*?)</mark>', page, re.S)
    assert "Varuna naval exercise" in "".join(marked)
    assert HOSTILE_TEXT.endswith("meet again.")


def test_the_event_page_links_each_piece_of_evidence_to_its_place(client: TestClient) -> None:
    event = client.get("/api/v1/timeline/US/IN").json()["events"][0]
    detail = client.get(f"/api/v1/events/{event['id']}").json()
    page = client.get(f"/events/{event['id']}").text
    for item in detail["evidence"]:
        assert f'href="/documents/{item["document"]}#claim-{item["claim"]}"' in page
    assert detail["subject"].replace("'", "&#39;") in page


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/events/0000ffff0000", 404),
        ("/documents/abc", 404),
        ("/events?since=soon", 422),
        ("/timeline?a=USA", 422),
        ("/no-such-page", 404),
    ],
)
def test_page_errors_are_pages_with_one_line(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert '<p class="error">' in response.text and "Traceback" not in response.text


def test_the_event_page_shows_where_its_sources_disagree(db_url: str) -> None:
    from pactwatch.api import open as open_store
    from pactwatch.documents import make_document
    from pactwatch.extract.api import extract
    from pactwatch.web import create_app

    texts = [
        ("India and the United States signed the Logistics Exchange Memorandum of Agreement "
         "(LEMOA) in Washington on August 29, 2016.", "2016-08-30"),
        ("The United States and India signed LEMOA in Washington on August 30, 2016, "
         "officials said.", "2016-09-02"),
    ]  # fmt: skip
    docs = [make_document(text, published=published) for text, published in texts]
    with open_store(db_url) as store:
        store.add_many([(doc, extract(doc.text, published=doc.published)) for doc in docs])
        (conflict,) = [c for c in store.conflicts() if c.kind == "date"]
        with TestClient(create_app(store)) as client:
            page = client.get(f"/events/{conflict.event}").text
    assert "<strong>date</strong> (date)" in page
    assert sorted(side["value"] for side in conflict.values) == ["2016-08-29", "2016-08-30"]
    assert all(side["value"] in page for side in conflict.values)
    for doc in docs:
        assert f'href="/documents/{doc.id}"' in page
