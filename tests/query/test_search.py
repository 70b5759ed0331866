"""Full-text search over documents and evidence sentences, on both engines."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.api import Store
from pactwatch.query.search import fts5_query


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Varuna", '"Varuna"'),
        ("naval exercise", '"naval" "exercise"'),
        ('"Fort Wainwright" drills', '"Fort Wainwright" "drills"'),
        ("MQ-9B", '"MQ 9B"'),
        ("NEAR(a b) OR -x", '"NEAR a" "b" "OR" "x"'),
        ('unbalanced "quote', '"unbalanced" "quote"'),
        ("*** ---", ""),
        ("", ""),
    ],
)
def test_fts5_query_quotes_every_term(text: str, expected: str) -> None:
    assert fts5_query(text) == expected


def test_search_finds_evidence_and_documents(filled: Store) -> None:
    hits = filled.search("Varuna")
    assert {hit.kind for hit in hits} == {"claim", "document"}
    claim = next(hit for hit in hits if hit.kind == "claim")
    assert claim.event == filled.events(party="FR")[0].id
    assert claim.title == "Varuna"
    assert "**Varuna**" in claim.snippet


def test_search_stems_words(filled: Store) -> None:
    titles = {hit.title for hit in filled.search("exercises")}
    assert titles == {"Varuna", "Logistics pact and drills"}


def test_every_word_must_occur(filled: Store) -> None:
    assert {hit.title for hit in filled.search("drones negotiating")} == {"Drone talks"}
    assert filled.search("drones Varuna") == []


def test_a_phrase_must_occur_as_written(filled: Store) -> None:
    assert {hit.title for hit in filled.search('"Fort Wainwright"')} == {
        "Logistics pact and drills"
    }
    assert filled.search('"Wainwright Fort"') == []


@pytest.mark.parametrize("text", ["", "   ", "***", 'NEAR("x', "-'", "a:b"])
def test_odd_input_never_raises(filled: Store, text: str) -> None:
    assert isinstance(filled.search(text), list)


def test_limit_caps_the_hits(filled: Store) -> None:
    assert len(filled.search("India", limit=3)) == 3
    assert len(filled.search("India", limit=50)) > 3


@given(text=st.text(max_size=40))
def test_fts5_accepts_every_query_it_is_given(text: str) -> None:
    # Checked against the real engine: whatever a user types, MATCH never fails.
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61')")
        conn.execute("INSERT INTO t VALUES ('India and France held Varuna off Goa')")
        match = fts5_query(text)
        if match:
            conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (match,)).fetchone()
    finally:
        conn.close()
