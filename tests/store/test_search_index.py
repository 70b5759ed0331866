"""The full-text index follows every write path: batches, lone documents, fallbacks, edits.

Since revision 0002 SQLite's FTS5 rows are written by the write path, one
``INSERT ... SELECT`` per batch, instead of a trigger per row; PostgreSQL's
``search_vector`` is a generated column. On SQLite, FTS5's ``integrity-check``
with rank 1 compares the index with the content tables row by row.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from pactwatch.api import Store
from pactwatch.api import open as open_store
from pactwatch.documents import make_document
from pactwatch.records import Document, Event

from .test_write import _fields, event_in, japan_australia, table_counts

SENTENCES = (
    "Oslo and Helsinki agreed a winter logistics protocol in March 2021.",
    "Their air forces flew the Arctic Lantern exercise near Bodo in 2022.",
    "Finland bought forty snowmobile transporters from Norway in 2023.",
)


def _nordic(number: int) -> tuple[Document, list[Event]]:
    text = " ".join(SENTENCES) + f" (Bulletin {number}.)"
    doc = make_document(text, title=f"Nordic bulletin {number}")
    event = event_in(
        doc.text,
        SENTENCES[1],
        type="exercise",
        status="held",
        subject=f"Arctic Lantern {number}",
        parties=("FI", "NO"),
        date="2022",
    )
    return doc, [event]


def assert_index_matches(store: Store) -> None:
    """Fail unless each FTS5 index holds exactly its content table's rows (SQLite)."""
    if store.engine.dialect.name != "sqlite":
        return
    with store.engine.begin() as conn:
        for fts in ("documents_fts", "claims_fts"):
            conn.exec_driver_sql(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")


def _kinds(store: Store, word: str) -> list[str]:
    return sorted(hit.kind for hit in store.search(word, limit=100))


def test_a_batch_is_searchable_at_once(store: Store) -> None:
    store.add_many([_nordic(n) for n in range(30)])
    assert_index_matches(store)
    assert _kinds(store, "Lantern") == ["claim"] * 30 + ["document"] * 30
    assert _kinds(store, "snowmobile") == ["document"] * 30  # not in the claims' sentence


def test_a_batch_that_falls_back_to_one_by_one_indexes_only_what_it_stored(store: Store) -> None:
    doc, events = japan_australia()
    broken = Event(**{**_fields(events[1]), "confidence": 5.0})
    results = store.add_many([_nordic(1), (doc, [broken]), _nordic(2)])
    assert [r.outcome for r in results] == ["stored", "failed", "stored"]
    assert_index_matches(store)
    assert store.search("Trident") == []
    assert _kinds(store, "Lantern") == ["claim", "claim", "document", "document"]


def test_a_lone_document_and_a_known_one_are_indexed_once(store: Store) -> None:
    doc, events = japan_australia()
    store.add(doc, events)
    store.add(doc, events)
    store.add_many([(doc, events), _nordic(3)])
    assert_index_matches(store)
    assert _kinds(store, "Trident") == ["claim", "document"]


@pytest.mark.parametrize(
    ("change", "word", "kinds"),
    [
        ("UPDATE claims SET subject = 'Boreal Shield'", "Boreal", ["claim"]),
        ("UPDATE claims SET subject = 'Boreal Shield'", "Lantern", ["claim", "document"]),
        ("UPDATE claims SET confidence = 0.5", "Lantern", ["claim", "document"]),
        ("UPDATE documents SET title = 'Tundra notes'", "Tundra", ["document"]),
        ("UPDATE documents SET title = 'Tundra notes'", "Nordic", []),
    ],
)
def test_edits_keep_the_index_in_step(
    store: Store, change: str, word: str, kinds: list[str]
) -> None:
    store.add(*_nordic(7))
    with store.engine.begin() as conn:
        conn.execute(sa.text(change))
    assert_index_matches(store)
    assert _kinds(store, word) == kinds


def test_rows_beyond_one_statements_parameter_limit_are_all_written(tmp_path: Path) -> None:
    # SQLite writes a table's rows as multi-row INSERTs of as many rows as the
    # connection's parameter limit allows; with a limit of 64 a claim row
    # (29 columns) goes two to a statement.
    with open_store(tmp_path / "small.db") as small, open_store(tmp_path / "wide.db") as wide:
        with small.engine.connect() as conn:
            driver = conn.connection.driver_connection
            driver.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 64)  # type: ignore[union-attr]
        batch = [_nordic(n) for n in range(7)] + [japan_australia()]
        assert [r.outcome for r in small.add_many(batch)] == ["stored"] * 8
        wide.add_many(batch)
        assert_index_matches(small)
        with small.engine.connect() as conn:
            assert (
                conn.connection.driver_connection.getlimit(  # type: ignore[union-attr]
                    sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER
                )
                == 64
            )
        assert table_counts(small) == table_counts(wide)
        assert small.timeline("FI", "NO") == wide.timeline("FI", "NO")
