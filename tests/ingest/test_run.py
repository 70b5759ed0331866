"""Ingest runs: known texts skip extraction, failures cost one document, counts add up."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
import sqlalchemy as sa

from pactwatch.api import Store
from pactwatch.documents import make_document
from pactwatch.extract.api import extract
from pactwatch.ingest.run import IngestSummary
from pactwatch.records import Document, Event
from pactwatch.sources import Item, Rejection

ARTICLES = [
    "India and France signed a roadmap on defence industrial cooperation in Paris on 14 July 2023.",
    "The Philippine Navy received its first batch of BrahMos missiles from India in April 2024.",
    "Japan and the United States held their security consultative committee in Tokyo on "
    "28 July 2024.",
    "Turkey delivered Bayraktar TB2 drones to Ukraine in 2019.",
    "Poland signed a contract with South Korea for 180 K2 tanks in August 2022.",
]


class CountingExtractor:
    """Runs the real extraction and counts how often it was asked."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, doc: Document) -> Sequence[Event]:
        self.calls += 1
        return extract(doc.text, published=doc.published)


def _docs(texts: Sequence[str]) -> list[Item]:
    return [make_document(text, published="2024-09-01") for text in texts]


def _run(
    store: Store, items: Sequence[Item], extractor: CountingExtractor, **kw: int
) -> IngestSummary:
    summary = IngestSummary()
    for result in store.ingest_items(items, extractor=extractor, **kw):
        summary.add(result)
    return summary


def test_counts_match_what_extraction_finds(store: Store) -> None:
    summary = _run(store, _docs(ARTICLES), CountingExtractor())
    expected = sum(len(extract(doc.text, published=doc.published)) for doc in _docs(ARTICLES))  # type: ignore[union-attr]
    assert (summary.ingested, summary.known, summary.rejected) == (5, 0, 0)
    assert summary.events == expected
    assert store.counts()["claims"] == expected
    assert summary.exit_code == 0


def test_a_second_run_is_all_known_and_extracts_nothing(store: Store) -> None:
    _run(store, _docs(ARTICLES), CountingExtractor())
    before = store.counts()
    again = CountingExtractor()
    summary = _run(store, _docs(ARTICLES), again)
    assert (summary.ingested, summary.known, again.calls) == (0, 5, 0)
    assert store.counts() == before


@pytest.mark.parametrize("batch_size", [1, 2, 50])
def test_a_repeated_text_in_one_run_is_known_the_second_time(store: Store, batch_size: int) -> None:
    extractor = CountingExtractor()
    docs = _docs([ARTICLES[0], ARTICLES[1], ARTICLES[0]])
    results = list(store.ingest_items(docs, extractor=extractor, batch_size=batch_size))
    assert [r.status for r in results] == ["ingested", "ingested", "known"]
    assert extractor.calls == 2


@pytest.mark.parametrize("batch_size", [1, 2, 50])
def test_results_come_in_input_order_whatever_the_batch(store: Store, batch_size: int) -> None:
    docs = _docs(ARTICLES)
    results = list(store.ingest_items(docs, extractor=CountingExtractor(), batch_size=batch_size))
    assert [r.doc_id for r in results] == [d.id for d in docs]  # type: ignore[union-attr]


def test_an_extraction_failure_rejects_one_document_and_the_run_goes_on(store: Store) -> None:
    def fragile(doc: Document) -> Sequence[Event]:
        if "Bayraktar" in doc.text:
            raise RuntimeError("gazetteer row 12 is broken\nsecond line")
        return extract(doc.text, published=doc.published)

    items = [*_docs(ARTICLES), Rejection("feed.jsonl:3", "not JSON: Expecting value at column 1")]
    results = list(store.ingest_items(items, extractor=fragile))
    rejected = [(r.source, r.reason) for r in results if r.status == "rejected"]
    assert rejected == [
        (
            make_document(ARTICLES[3]).id[:12],
            "extraction failed: RuntimeError: gazetteer row 12 is broken",
        ),
        ("feed.jsonl:3", "not JSON: Expecting value at column 1"),
    ]
    assert store.counts()["documents"] == 4
    summary = IngestSummary()
    for result in results:
        summary.add(result)
    assert summary.exit_code == 1
    assert summary.line().endswith("0 already known, 2 rejected")


def test_sqlite_passes_integrity_check_after_rejections(tmp_path: Path) -> None:
    from pactwatch.api import open as open_store

    with open_store(tmp_path / "pw.db") as store:
        bad = make_document("Broken evidence ahead.")
        event = Event(type="visit", status="held", subject="x", parties=("US",), date=None,
                      evidence="not in the text", span=(0, 3))  # fmt: skip
        assert store.add_many([(bad, [event])])[0].outcome == "failed"
        _run(store, _docs(ARTICLES), CountingExtractor())
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            fts = conn.execute(sa.text("SELECT count(*) FROM documents_fts")).scalar()
        assert fts == store.counts()["documents"] == 5
