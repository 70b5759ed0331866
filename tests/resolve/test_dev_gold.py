"""Across documents on the dev gold: events several documents state become one, others not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pactwatch.api import Store
from pactwatch.api import open as open_store


@pytest.fixture
def gold_store(db_url: str, gold_dir: Path) -> Store:
    store = open_store(db_url)
    results = list(store.ingest(sorted(gold_dir.glob("*.json"))))
    assert {r.status for r in results} == {"ingested"}
    return store


def _extracted_claims(gold_dir: Path) -> int:
    """How many claims extraction makes of the dev texts (the figure moves with extraction)."""
    from pactwatch import extract

    total = 0
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        total += len(extract(gold["text"], published=gold.get("published")))
    return total


def _doc_ids(gold_dir: Path, *names: str) -> set[str]:
    from pactwatch.documents import make_document

    out = set()
    for name in names:
        text = json.loads((gold_dir / f"{name}.json").read_text(encoding="utf-8"))["text"]
        out.add(make_document(text).id)
    return out


def test_an_agreement_in_two_us_india_articles_is_one_event(
    gold_store: Store, gold_dir: Path
) -> None:
    with gold_store:
        (sosa,) = gold_store.events(type="agreement", party="US,IN", subject="Security of Suppl")
        detail = gold_store.show(sosa.id)
        conflicts = gold_store.conflicts(party="IN")
    wanted = _doc_ids(
        gold_dir, "seed-us-india-framework-2025", "us-in-rajnath-austin-pentagon-2024"
    )
    assert set(sosa.documents) == wanted and sosa.claims == 2
    assert {e.document for e in detail.evidence} == wanted
    assert sosa.date == "2024-08"  # as precise as 2023-09, and reported later
    dates = [c for c in conflicts if c.kind == "date" and c.event == sosa.id]
    assert [sorted(v["value"] for v in c.values) for c in dates] == [["2023-09", "2024-08"]]


def test_one_procurement_gets_statuses_from_two_documents(gold_store: Store) -> None:
    with gold_store:
        (mq9b,) = gold_store.events(type="procurement", party="US,IN", subject="MQ-9B")
        history = gold_store.show(mq9b.id).history
    assert mq9b.claims == 2 and mq9b.quantity == 31
    assert sorted(h.status for h in history) == ["negotiating", "ordered"]


def test_distinct_events_stay_apart(gold_store: Store, gold_dir: Path) -> None:
    with gold_store:
        found = gold_store.events(limit=None)
        counts = gold_store.counts()
        visits = gold_store.events(type="visit", party="US,IN", limit=None)
    claims = _extracted_claims(gold_dir)
    assert counts["claims"] == claims
    assert len(found) == claims - 5  # five events are stated by two documents each
    assert sum(e.claims for e in found) == claims
    assert all(e.claims == 1 for e in visits)  # six visits, six officials or dates
    merged = sorted(e.subject for e in found if e.claims > 1)
    assert merged == [
        "MH-60R Seahawk multi-role helicopters",
        "MQ-9B",
        "Rafale M aircraft",
        "Scorpene submarines",
        "Security of Supply Arrangement",
    ]


def test_the_seed_announces_four_agreements_and_lists_three(
    gold_store: Store, gold_dir: Path
) -> None:
    with gold_store:
        counts = [c for c in gold_store.conflicts() if c.kind == "count"]
    (seed,) = _doc_ids(gold_dir, "seed-us-india-framework-2025")
    assert [(c.document, [v["value"] for v in c.values]) for c in counts] == [(seed, [4, 3])]


def test_rebuilding_gives_the_same_events_and_conflicts(gold_store: Store, gold_dir: Path) -> None:
    with gold_store:
        before = [e.to_dict() for e in gold_store.events(limit=None)]
        conflicts = [c.to_dict() for c in gold_store.conflicts()]
        result = gold_store.resolve_all()
        assert [e.to_dict() for e in gold_store.events(limit=None)] == before
        assert sorted(map(str, (c.to_dict() for c in gold_store.conflicts()))) == sorted(
            map(str, conflicts)
        )
    claims = _extracted_claims(gold_dir)
    assert (result.claims, result.events) == (claims, claims - 5)


def test_the_two_spellings_of_sosa_are_one_entity(gold_store: Store) -> None:
    with gold_store:
        found = [e for e in gold_store.entities(kind="agreement") if "SOSA" in e.names]
    (sosa,) = found
    assert {"Security of Supply Arrangement", "Security of Supplies Arrangement"} <= set(sosa.names)
    assert sosa.events == 1
