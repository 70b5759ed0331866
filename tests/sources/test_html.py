"""HTML: the article without navigation, ads or comments; metadata into the row; depth bounded."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from pactwatch.records import Document
from pactwatch.sources import Rejection, read

PAGE = Path(__file__).parent / "fixtures" / "news-page.html"


def test_a_news_page_gives_its_article_and_metadata() -> None:
    (doc,) = list(read(PAGE))
    assert isinstance(doc, Document)
    assert "reciprocal access agreement in Manila" in doc.text
    assert "ratified by the Japanese Diet" in doc.text
    for boilerplate in ("Subscribe", "Cheap flights", "Reader4471", "fishermen", "Privacy"):
        assert boilerplate not in doc.text
    assert doc.title == "Manila and Tokyo sign troop access pact"
    assert doc.url == "https://harbour-ledger.example/2024/07/manila-tokyo-raa"
    assert doc.source == "The Harbour Ledger"
    assert doc.published == "2024-07-08"


def test_a_page_saved_under_another_suffix_is_still_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved-page.txt"
    path.write_bytes(PAGE.read_bytes())
    (doc,) = list(read(path))
    assert isinstance(doc, Document) and doc.url and "<p>" not in doc.text


def test_a_page_with_no_main_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><head><title>Loading</title></head><body><script>go()</script></body></html>"
    )
    assert list(read(path)) == [Rejection(str(path), "no main text found in the HTML page")]


def test_a_100000_deep_page_is_rejected_quickly_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    depth = 100_000
    path.write_text("<html><body>" + "<div>" * depth + "deep" + "</div>" * depth + "</body></html>")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    items = list(read(path))
    seconds = time.perf_counter() - started
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert items == [Rejection(str(path), "HTML nested deeper than 1,000 elements")]
    # generous bounds: a tree 100,000 deep would take far more; this is a guard, not a benchmark
    assert seconds < 5 and grown_kb < 50_000


@pytest.mark.parametrize(
    "body",
    [b"<a " * 1_000_000, b"<a" + b"x" * 3_000_000, b"<a" + b" x" * 1_500_000],
    ids=["unclosed-tags", "endless-tag-name", "endless-attributes"],
)
def test_pathological_markup_is_read_in_linear_time(tmp_path: Path, body: bytes) -> None:
    path = tmp_path / "odd.html"
    path.write_bytes(b"<html><body>" + body)
    started = time.perf_counter()
    (item,) = list(read(path))
    # a guard against quadratic scanning (minutes here), not a benchmark
    assert time.perf_counter() - started < 20
    assert isinstance(item, Document | Rejection)
