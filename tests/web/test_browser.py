"""The web UI in a real browser: Playwright driving Debian's Chromium against the real server.

Every page loads with no request leaving 127.0.0.1 and no Content-Security-Policy
violation; timeline → event → document keeps the evidence highlighted; a
document with script payloads in its title and text shows them as text and
runs nothing. A screenshot of each page is kept in docs/screenshots/ (refreshed with
PACTWATCH_UPDATE_SCREENSHOTS=1).
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from tests.web.conftest import HOSTILE_TITLE
from tests.web.test_serve_cmd import free_port

from pactwatch.api import open as open_store

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]  # fmt: skip


@dataclass
class Browser:
    """A Chromium page on the served app, with every request and console error it saw."""

    base: str
    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def visit(self, path: str) -> None:
        """Load ``path`` and wait until the network is idle."""
        self.page.goto(self.base + path, wait_until="networkidle")


@pytest.fixture(scope="module")
def server(sample_db: Path) -> Iterator[str]:
    """The base URL of the app served by uvicorn in a thread on a free loopback port."""
    import uvicorn

    from pactwatch.web import create_app

    store = open_store(sample_db)
    port = free_port()
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    served = uvicorn.Server(config)
    thread = threading.Thread(target=served.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not served.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert served.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    served.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Debian's Chromium under Playwright; skips where it is missing (fails under CI=true)."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser(chromium: Any, server: str) -> Iterator[Browser]:
    """A fresh page that records requests and console errors."""
    context = chromium.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    seen = Browser(server, page)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", lambda msg: seen.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: seen.errors.append(str(exc)))
    yield seen
    local = [url for url in seen.requests if urlparse(url).hostname == "127.0.0.1"]
    assert local == seen.requests, "a request left 127.0.0.1"
    assert seen.errors == []
    context.close()


def _shot(browser: Browser, name: str) -> None:
    """Take the page's screenshot; keep it in docs/ when it is missing or asked for.

    ``PACTWATCH_UPDATE_SCREENSHOTS=1`` refreshes the kept ones, so that an
    ordinary run leaves the tracked files alone.
    """
    png = browser.page.screenshot(full_page=False)
    assert png.startswith(b"\x89PNG")
    kept = SCREENSHOTS / f"{name}.png"
    if os.environ.get("PACTWATCH_UPDATE_SCREENSHOTS") == "1" or not kept.exists():
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        kept.write_bytes(png)


def _first(browser: Browser, api: str) -> Any:
    return browser.page.request.get(browser.base + api).json()


def test_every_page_loads_from_this_server_alone(browser: Browser) -> None:
    event = _first(browser, "/api/v1/timeline/US/IN")["events"][0]
    pages = {
        "home": ("/", "main h1"),
        "events": ("/events?party=IN", "table.events tbody tr"),
        "event": (f"/events/{event['id']}", "blockquote.evidence mark"),
        "documents": ("/documents", "table.documents a.doc-link"),
        "document": (f"/documents/{event['documents'][0]}", ".doc-text mark.span"),
        "timeline": ("/timeline?a=US&b=IN", "#timeline svg a.mark"),
        "graph": ("/graph", "#graph svg a.edge"),
        "search": ("/search?q=exercise", "ol.hits li.hit mark"),
        "entities": ("/entities?kind=state", "table.entities tbody tr"),
        "api-docs": ("/api/v1/docs", "#swagger-ui .opblock"),
    }
    for name, (path, ready) in pages.items():
        browser.visit(path)
        browser.page.wait_for_selector(ready, timeout=15_000)
        assert browser.page.locator("body").inner_text().strip(), path
        _shot(browser, name)
    assert browser.page.locator("#swagger-ui .opblock").count() >= 10


def test_timeline_to_event_to_document_keeps_the_evidence_highlighted(browser: Browser) -> None:
    page = browser.page
    browser.visit("/timeline?a=US&b=IN")
    marks = page.locator("#timeline svg a.mark")
    events = _first(browser, "/api/v1/timeline/US/IN")["events"]
    assert marks.count() == len([event for event in events if event["start"]]) > 0
    assert page.locator("#timeline rect.bar").count() > 0, "year and month dates are bars"
    assert page.locator("#timeline circle.dot").count() > 0, "day dates are dots"
    event_id = marks.nth(marks.count() - 1).get_attribute("data-id")
    marks.nth(marks.count() - 1).click()
    page.wait_for_url(re.compile(rf"/events/{event_id}$"))
    sentence = page.locator("blockquote.evidence mark.highlight").first.inner_text()
    assert sentence.strip()
    page.locator("blockquote.evidence a.doc-link").first.click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]+#claim-[0-9a-f]+$"))
    claim = page.url.rsplit("#claim-", 1)[1]
    evidence = next(
        item for item in _first(browser, f"/api/v1/events/{event_id}")["evidence"]
        if item["claim"] == claim
    )  # fmt: skip
    highlighted = page.locator(f'mark.span[data-claims~="{claim}"]')
    assert "".join(highlighted.all_inner_texts()) == evidence["evidence"]
    assert highlighted.first.is_visible()
    box = highlighted.first.bounding_box()
    assert box is not None and 0 <= box["y"] < 800, "the highlight is scrolled into view"
    background = highlighted.first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(255, 211, 77)", "the targeted span is picked out"
    _shot(browser, "document-highlight")


def test_the_timeline_chart_follows_the_api_pages(browser: Browser) -> None:
    browser.visit("/timeline?a=US&b=IN&limit=4")
    events = _first(browser, "/api/v1/timeline/US/IN")["events"]
    dated = [event["id"] for event in events if event["start"]]
    assert len(dated) > 8
    marks = browser.page.locator("#timeline svg a.mark")
    assert sorted(m.get_attribute("data-id") or "" for m in marks.all()) == sorted(dated)
    pages = [url for url in browser.requests if "/api/v1/timeline/" in url]
    assert len(pages) == -(-len(events) // 4)


def test_graph_edges_link_to_their_timelines(browser: Browser) -> None:
    browser.visit("/graph")
    edges = browser.page.locator("#graph svg a.edge")
    dyads = _first(browser, "/api/v1/dyads")["dyads"]
    assert edges.count() == len(dyads)
    assert browser.page.locator("#graph svg a.node").count() == len(
        {d["a"] for d in dyads} | {d["b"] for d in dyads}
    )
    href = edges.first.get_attribute("href")
    assert href is not None and re.fullmatch(r"/timeline\?a=[A-Z]{2}&b=[A-Z]{2}", href)
    browser.visit(href)
    assert browser.page.locator("#timeline svg a.mark").count() >= 1


def test_script_payloads_in_a_document_are_shown_as_text_and_never_run(browser: Browser) -> None:
    page = browser.page
    hits = _first(browser, "/api/v1/search?q=Varuna%20Goa")["hits"]
    doc_id = next(hit["document"] for hit in hits if hit["title"] == HOSTILE_TITLE)
    spans = _first(browser, f"/api/v1/documents/{doc_id}")["spans"]
    for path in (f"/documents/{doc_id}", f"/events/{spans[0]['event']}", "/search?q=Varuna",
                 "/documents", "/timeline?a=FR&b=IN"):  # fmt: skip
        browser.visit(path)
        assert page.evaluate("() => window.__pwned") is None, path
        assert page.locator("main img, script:not([src])").count() == 0, path
    browser.visit(f"/documents/{doc_id}")
    assert page.locator("h1.doc-title").inner_text() == HOSTILE_TITLE
    assert HOSTILE_TITLE in page.title()
    text = page.locator(".doc-text").inner_text()
    assert "<script>window.__pwned = 'text'</script>" in text
    assert "<img src=x onerror=\"window.__pwned = 'img'\">" in text
    _shot(browser, "hostile-document")
