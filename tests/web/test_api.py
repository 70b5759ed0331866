"""The JSON API on a real store (SQLite file and PostgreSQL) built from the bundled samples."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import HOSTILE_TITLE

from pactwatch.api import Store
from pactwatch.documents import make_document
from pactwatch.records import Event


def _ids(events: list[dict[str, Any]]) -> list[str]:
    return [event["id"] for event in events]


def _walk(client: TestClient, query: str, size: int) -> list[str]:
    ids: list[str] = []
    cursor = None
    while True:
        url = f"/api/v1/events?limit={size}&{query}" + (f"&cursor={cursor}" if cursor else "")
        body = client.get(url).json()
        ids += _ids(body["events"])
        cursor = body["next"]
        if cursor is None:
            return ids


@pytest.mark.parametrize(
    ("query", "kwargs"),
    [
        ("", {}),
        ("type=agreement", {"type": "agreement"}),
        ("party=US,IN", {"party": "US,IN"}),
        ("party=in", {"party": "IN"}),
        ("status=held,signed", {"status": "held,signed"}),
        ("since=2015&until=2020", {"since": "2015", "until": "2020"}),
        ("subject=mogami", {"subject": "mogami"}),
        (
            "type=procurement&party=IN&since=2000",
            {"type": "procurement", "party": "IN", "since": "2000"},
        ),
    ],
)
def test_events_pages_walk_the_same_events_as_the_library(
    client: TestClient, web_store: Store, query: str, kwargs: dict[str, str]
) -> None:
    expected = [event.id for event in web_store.events(limit=None, **kwargs)]  # type: ignore[arg-type]
    walked = _walk(client, query, size=7)
    assert walked == expected
    assert len(set(walked)) == len(walked)


def test_cursor_is_stable_when_events_are_added_between_pages(
    client: TestClient, web_store: Store
) -> None:
    first = client.get("/api/v1/events?limit=10").json()
    text = "India and Japan signed a logistics pact in May 1950, said a note found today."
    doc = make_document(text, title="An early pact", published="1950-06-01")
    early = Event(
        type="agreement", status="signed", subject="Early logistics pact",
        parties=("IN", "JP"), date="1950-05", evidence=text, span=(0, len(text)),
    )  # fmt: skip
    web_store.add(doc, [early])
    rest = _walk(client, f"cursor={first['next']}", size=10)
    everything = [event.id for event in web_store.events(limit=None)]
    assert _ids(first["events"]) + rest == everything
    assert web_store.events(subject="Early logistics pact")[0].id in rest


def test_one_event_has_its_evidence_and_history(client: TestClient, web_store: Store) -> None:
    for listed in client.get("/api/v1/events?limit=40").json()["events"]:
        event = client.get(f"/api/v1/events/{listed['id']}").json()
        assert event["id"] == listed["id"]
        assert all(c["event"] == listed["id"] for c in event["conflicts"])
        assert len(event["evidence"]) == event["claims"] >= 1
        for item in event["evidence"]:
            low, high = item["highlight"]
            assert 0 <= low <= high <= len(item["sentence"])
            assert (
                item["evidence"]
                in client.get(f"/api/v1/documents/{item['document']}").json()["text"]
            )
        # history is in date order; with claims merged from several documents
        # (issue 6) that need not be the evidence's order
        assert sorted(h["status"] for h in event["history"]) == sorted(
            e["status"] for e in event["evidence"] if e["status"]
        )


def test_an_event_is_found_by_a_unique_prefix(client: TestClient) -> None:
    event_id = client.get("/api/v1/events?limit=1").json()["events"][0]["id"]
    assert client.get(f"/api/v1/events/{event_id}").json()["id"] == event_id


def _walk_timeline(client: TestClient, path: str, size: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    cursor = None
    while True:
        url = f"{path}?limit={size}" + (f"&cursor={cursor}" if cursor else "")
        body = client.get(url).json()
        found += body["events"]
        if (cursor := body["next"]) is None:
            return found


@pytest.mark.parametrize(("a", "b"), [("US", "IN"), ("in", "us"), ("JP", "AU"), ("US", "ZZ")])
@pytest.mark.parametrize("size", [1, 4, 1000])
def test_timeline_pages_match_the_library(
    client: TestClient, web_store: Store, a: str, b: str, size: int
) -> None:
    events = _walk_timeline(client, f"/api/v1/timeline/{a}/{b}", size)
    assert _ids(events) == [event.id for event in web_store.timeline(a, b)]
    for event in events:
        assert (event["start"] is None) == (event["date"] is None)
        assert event["start"] is None or event["start"] <= event["end"]


def test_timeline_of_one_state_and_all_is_in_date_order(
    client: TestClient, web_store: Store
) -> None:
    events = _walk_timeline(client, "/api/v1/timeline/IN/all", 3)
    assert sorted(_ids(events)) == sorted(e.id for e in web_store.events(party="IN", limit=None))
    starts = [event["start"] for event in events if event["start"]]
    assert starts == sorted(starts) and all("IN" in event["parties"] for event in events)
    picked = client.get("/api/v1/timeline/IN/all?type=exercise").json()["events"]
    assert picked and {event["type"] for event in picked} == {"exercise"}


def test_documents_page_through_and_spans_point_into_the_text(client: TestClient) -> None:
    seen: list[str] = []
    after = None
    while True:
        body = client.get("/api/v1/documents?limit=5" + (f"&after={after}" if after else "")).json()
        seen += [doc["id"] for doc in body["documents"]]
        if (after := body["next"]) is None:
            break
    assert (
        len(seen) == len(set(seen)) == client.get("/api/v1/summary").json()["counts"]["documents"]
    )
    spans = 0
    for doc_id in seen:
        doc = client.get(f"/api/v1/documents/{doc_id}").json()
        assert doc["claims"] == len(doc["spans"])
        for span in doc["spans"]:
            evidence = client.get(f"/api/v1/events/{span['event']}").json()["evidence"]
            mine = [item for item in evidence if item["claim"] == span["claim"]]
            assert doc["text"][span["start"] : span["end"]] == mine[0]["evidence"]
            spans += 1
    assert spans == client.get("/api/v1/summary").json()["counts"]["claims"]


def test_summary_entities_search_dyads_and_conflicts(client: TestClient, web_store: Store) -> None:
    summary = client.get("/api/v1/summary").json()
    assert summary["counts"] == web_store.counts()
    assert [(d["a"], d["b"], d["events"]) for d in summary["dyads"]] == web_store.dyads()[:20]
    entities = client.get("/api/v1/entities?kind=state").json()["entities"]
    assert entities and {e["kind"] for e in entities} == {"state"}
    hits = client.get("/api/v1/search", params={"q": "Varuna"}).json()["hits"]
    assert any(hit["title"] == HOSTILE_TITLE for hit in hits)
    exercises = client.get("/api/v1/dyads?type=exercise").json()["dyads"]
    assert sum(d["events"] for d in exercises) <= sum(d["events"] for d in summary["dyads"])
    assert {"a": "FR", "b": "IN"}.items() <= next(d for d in exercises if d["a"] == "FR").items()
    conflicts = client.get("/api/v1/conflicts").json()
    assert conflicts["note"] and conflicts["conflicts"] == [
        c.to_dict() for c in web_store.conflicts()
    ]
    for conflict in conflicts["conflicts"]:
        assert {"kind", "event", "document", "field", "values"} <= conflict.keys()
        assert all(value["documents"] for value in conflict["values"])


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/v1/events?type=treaty", 422, "treaty"),
        ("/api/v1/events?since=last-week", 422, "last-week"),
        ("/api/v1/events?party=USA", 422, "party"),
        ("/api/v1/events?limit=0", 422, "limit"),
        ("/api/v1/events?limit=many", 422, "limit"),
        ("/api/v1/events?cursor=not-a-cursor", 422, "cursor"),
        ("/api/v1/timeline/USA/IN", 422, "a"),
        ("/api/v1/timeline/US/IN?until=someday", 422, "someday"),
        ("/api/v1/timeline/US/IN?cursor=WyJhIl0", 422, "cursor"),
        ("/api/v1/timeline/US/IN?limit=5001", 422, "limit"),
        ("/api/v1/dyads?type=parade", 422, "parade"),
        ("/api/v1/search", 422, "q"),
        ("/api/v1/documents?after=-1", 422, "after"),
        ("/api/v1/events/ffffffffffff", 404, "ffffffffffff"),
        ("/api/v1/documents/0123abcd", 404, "0123abcd"),
        ("/api/v1/nothing-here", 404, "Not Found"),
    ],
)
def test_errors_are_json_with_a_one_line_message(
    client: TestClient, url: str, status: int, words: str
) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert words in body["message"] and "\n" not in body["message"]
    assert "Traceback" not in response.text


def test_an_unexpected_failure_is_a_500_without_a_trace(web_store: Store) -> None:
    from pactwatch.web import create_app

    with web_store.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE event_dyads RENAME TO event_dyads_gone")
    with TestClient(create_app(web_store), raise_server_exceptions=False) as client:
        response = client.get("/api/v1/timeline/US/IN")
    assert response.status_code == 500
    assert response.json() == {
        "error": "InternalError",
        "message": "the server failed on this request",
    }


def test_openapi_lists_every_endpoint_and_docs_use_local_assets(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    wanted = "events events/{event_id} timeline/{a}/{b} documents documents/{doc_id} entities"
    wanted += " search conflicts summary dyads"
    for path in (f"/api/v1/{name}" for name in wanted.split()):
        assert "get" in paths[path], path
    assert "post" in paths["/api/v1/documents"]
    page = client.get("/api/v1/docs").text
    assert "://" not in page
    for asset in ("/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/api_docs.js",
                  "/static/vendor/swagger-ui/swagger-ui.css"):  # fmt: skip
        assert asset in page and client.get(asset).status_code == 200


@pytest.mark.parametrize("url", ["/", "/api/v1/summary", "/events", "/static/app.css"])
def test_every_response_has_a_strict_content_security_policy(client: TestClient, url: str) -> None:
    policy = client.get(url).headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
