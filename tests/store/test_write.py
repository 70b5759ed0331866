"""The write path: documents with all their claims, idempotent and all-or-nothing."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from pactwatch.api import Store
from pactwatch.documents import make_document
from pactwatch.errors import StoreError
from pactwatch.records import Document, Event
from pactwatch.store.rows import claim_id, event_id_for

TEXT = (
    "Japan and Australia signed a reciprocal access agreement in Tokyo on 6 January 2022. "
    "Their navies held the Nichi Gou Trident drills off Darwin in August 2023. "
    "Canberra ordered eleven upgraded Mogami-class frigates from Japan in 2025."
)


def event_in(text: str, sentence: str, **fields: Any) -> Event:
    """Return an event whose evidence is ``sentence``, found in ``text``."""
    start = text.index(sentence)
    return Event(evidence=sentence, span=(start, start + len(sentence)), **fields)


def japan_australia(text: str = TEXT) -> tuple[Document, list[Event]]:
    doc = make_document(text, title="Japan and Australia", published="2025-08-05")
    events = [
        event_in(
            doc.text,
            "Japan and Australia signed a reciprocal access agreement in Tokyo on 6 January 2022.",
            type="agreement",
            status="signed",
            subject="Reciprocal Access Agreement",
            aliases=("RAA",),
            parties=("AU", "JP"),
            date="2022-01-06",
            place="Tokyo",
        ),
        event_in(
            doc.text,
            "Their navies held the Nichi Gou Trident drills off Darwin in August 2023.",
            type="exercise",
            status="held",
            subject="Nichi Gou Trident",
            parties=("AU", "JP"),
            date="2023-08",
            place="Darwin",
        ),
        event_in(
            doc.text,
            "Canberra ordered eleven upgraded Mogami-class frigates from Japan in 2025.",
            type="procurement",
            status="ordered",
            subject="Mogami-class frigates",
            parties=("JP", "AU"),
            from_="JP",
            to="AU",
            date="2025",
            quantity=11,
        ),
    ]
    return doc, events


def table_counts(store: Store) -> dict[str, int]:
    names = ("documents", "claims", "events", "entities", "entity_names")
    names += ("event_parties", "event_dyads")
    with store.engine.connect() as conn:
        return {n: conn.execute(sa.text(f"SELECT count(*) FROM {n}")).scalar_one() for n in names}


def test_a_document_is_stored_with_every_claim(store: Store) -> None:
    doc, events = japan_australia()
    result = store.add(doc, events)
    assert (result.outcome, result.claims) == ("stored", 3)
    assert table_counts(store) | {"entities": 0, "entity_names": 0} == {
        "documents": 1,
        "claims": 3,
        "events": 3,
        "entities": 0,
        "entity_names": 0,
        "event_parties": 6,
        "event_dyads": 3,
    }


def test_ids_come_from_content_so_reruns_agree(store: Store) -> None:
    doc, events = japan_australia()
    store.add(doc, events)
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, event_id, ordinal FROM claims")).all()
    expected = {(claim_id(doc.id, n), event_id_for(claim_id(doc.id, n)), n) for n in range(3)}
    assert {tuple(row) for row in rows} == expected


@pytest.mark.parametrize(
    "variant",
    [TEXT, TEXT + "\n", "\ufeff" + TEXT, "  " + TEXT + "\r\n\r\n"],
    ids=["same", "trailing-newline", "bom", "blanks-crlf"],
)
def test_the_same_text_again_is_known_and_changes_nothing(store: Store, variant: str) -> None:
    store.add(*japan_australia())
    before = table_counts(store)
    with store.engine.connect() as conn:
        stamp = conn.execute(sa.text("SELECT ingested_at FROM documents")).scalar_one()
    result = store.add(make_document(variant, title="another title"), [])
    assert result.outcome == "known"
    assert table_counts(store) == before
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT ingested_at FROM documents")).scalar_one() == stamp
        assert conn.execute(sa.text("SELECT title FROM documents")).scalar_one() == (
            "Japan and Australia"
        )


def test_a_document_is_all_or_nothing(store: Store) -> None:
    doc, events = japan_australia()
    broken = Event(**{**_fields(events[2]), "confidence": 2.0})  # refused by a CHECK
    with pytest.raises(StoreError, match="refused document") as info:
        store.add(doc, [*events[:2], broken])
    assert "\n" not in str(info.value)
    assert set(table_counts(store).values()) == {0}


def test_a_bad_document_costs_only_itself_in_a_batch(store: Store) -> None:
    first = make_document("India and France held Varuna off Goa in 2024.")
    bad_doc, events = japan_australia()
    broken = Event(**{**_fields(events[0]), "confidence": -1.0})
    last = make_document("Poland and Korea signed a K2 tank contract in 2022.")
    results = store.add_many([(first, []), (bad_doc, [broken]), (last, [])])
    assert [r.outcome for r in results] == ["stored", "failed", "stored"]
    assert results[1].error and "refused document" in results[1].error
    assert table_counts(store)["documents"] == 2


def test_a_batch_with_one_text_twice_stores_it_once(store: Store) -> None:
    doc, events = japan_australia()
    results = store.add_many([(doc, events), (doc, events)])
    assert [r.outcome for r in results] == ["stored", "known"]
    assert table_counts(store)["claims"] == 3


def test_evidence_away_from_its_span_is_found_in_the_text(store: Store) -> None:
    doc, events = japan_australia()
    moved = Event(**{**_fields(events[1]), "span": (0, 0)})
    store.add(doc, [moved])
    with store.engine.connect() as conn:
        start, end = conn.execute(sa.text("SELECT span_start, span_end FROM claims")).one()
    assert doc.text[start:end] == moved.evidence


def test_evidence_missing_from_the_text_is_refused(store: Store) -> None:
    doc, events = japan_australia()
    invented = Event(**{**_fields(events[1]), "evidence": "A sentence the text lacks."})
    results = store.add_many([(doc, [invented])])
    assert results[0].outcome == "failed"
    assert results[0].error == (
        f"event 0 of document {doc.id[:12]} has evidence that is not in its text"
    )
    assert table_counts(store)["documents"] == 0


def test_three_parties_give_three_dyads(store: Store) -> None:
    doc = make_document("Australia, India and Japan met in Tokyo in 2024.")
    meeting = event_in(
        doc.text,
        doc.text,
        type="meeting",
        status="held",
        subject="trilateral talks",
        parties=("JP", "IN", "AU", "IN"),
        date="2024",
    )
    store.add(doc, [meeting])
    with store.engine.connect() as conn:
        pairs = conn.execute(sa.text("SELECT party_a, party_b FROM event_dyads")).all()
    assert sorted(tuple(p) for p in pairs) == [("AU", "IN"), ("AU", "JP"), ("IN", "JP")]
    assert [e.parties for e in store.events()] == [("AU", "IN", "JP")]


def test_entities_come_from_parties_and_subjects(store: Store) -> None:
    store.add(*japan_australia())
    found = {e.id: e for e in store.entities()}
    assert set(found) == {
        "state:AU",
        "state:JP",
        "agreement:reciprocal-access-agreement",
        "exercise:nichi-gou-trident",
        "platform:mogami-class-frigates",
    }
    assert found["state:JP"].name == "Japan"
    assert found["agreement:reciprocal-access-agreement"].names == (
        "RAA",
        "Reciprocal Access Agreement",
    )
    assert found["state:AU"].events == 3


def test_the_corrections_table_is_append_only(store: Store) -> None:
    row = {
        "created_at": "2025-01-01 00:00:00",
        "author": "analyst",
        "action": "correct",
        "target": "event",
        "target_id": "0123456789abcdef",
        "field": "date",
        "reason": "the ministry release gives the day",
    }
    insert = sa.text(
        "INSERT INTO corrections (created_at, author, action, target, target_id, field, reason)"
        " VALUES (:created_at, :author, :action, :target, :target_id, :field, :reason)"
    )
    with store.engine.begin() as conn:
        conn.execute(insert, row)
    for change in ("UPDATE corrections SET reason = 'oops'", "DELETE FROM corrections"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(sa.text(change))
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT reason FROM corrections")).scalar_one() == row["reason"]


def test_deleting_a_document_takes_its_claims_and_search_entries(store: Store) -> None:
    doc, events = japan_australia()
    store.add(doc, events)
    assert store.search("Trident")
    with store.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM events"))
        conn.execute(sa.text("DELETE FROM documents"))
    assert table_counts(store)["claims"] == 0
    assert store.search("Trident") == []


def _fields(event: Event) -> dict[str, Any]:
    return {name: getattr(event, name) for name in Event.__slots__}


@pytest.mark.parametrize("docs", [1, 255, 257, 300])
def test_a_batch_larger_than_one_insert_is_stored_whole(store: Store, docs: int) -> None:
    # SQLite writes a table's rows in INSERTs of 256, 128, 64... rows: every row must land
    # once, with its own values, whatever the split.
    batch = []
    for number in range(docs):
        sentence = (
            f"India and France signed defence pact number {number} in March {1990 + number % 30}."
        )
        doc = make_document(sentence, title=f"Pact {number}")
        fields = {"type": "agreement", "status": "signed", "parties": ("FR", "IN")}
        date = f"{1990 + number % 30}-03"
        batch.append(
            (doc, [event_in(doc.text, sentence, subject=f"Pact {number}", date=date, **fields)])
        )
    results = store.add_many(batch)
    assert {r.outcome for r in results} == {"stored"}
    counts = table_counts(store)
    assert counts | {"entities": 0, "entity_names": 0} == {
        "documents": docs,
        "claims": docs,
        "events": docs,
        "entities": 0,
        "entity_names": 0,
        "event_parties": 2 * docs,
        "event_dyads": docs,
    }
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT d.title, c.subject, c.date_start, e.date_end FROM claims c "
                "JOIN documents d ON d.id = c.document_id JOIN events e ON e.id = c.event_id"
            )
        ).all()
    expected = {
        (f"Pact {n}", f"Pact {n}", f"{1990 + n % 30}-03-01", f"{1990 + n % 30}-03-31")
        for n in range(docs)
    }
    assert {tuple(row) for row in rows} == expected
    # One transaction for the batch (a failure would write each document on its own,
    # each with a time of its own), so no row went missing on the way.
    with store.engine.connect() as conn:
        times = conn.execute(sa.text("SELECT count(DISTINCT ingested_at) FROM documents"))
        assert times.scalar_one() == 1
