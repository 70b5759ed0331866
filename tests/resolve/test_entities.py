"""Entities are resolved with their events: one row per thing, with every name seen."""

from __future__ import annotations

from pactwatch.api import open as open_store

from .conftest import Report, store_reports

US_IN = ("US", "IN")
LEMOA = [
    Report("India and the US signed LEMOA in August 2016.", "agreement", "signed", "LEMOA",
           US_IN, "2016-08", "2016-09-01"),
    Report("The Logistics Exchange Memorandum of Agreement was signed on 29 August 2016.",
           "agreement", "signed", "Logistics Exchange Memorandum of Agreement", US_IN,
           "2016-08-29", "2016-09-02", aliases=("Logistics Exchange MoA",)),
]  # fmt: skip


def test_an_acronym_and_its_expansion_from_two_documents_are_one_entity(db_url: str) -> None:
    with open_store(db_url) as store:
        store_reports(store, LEMOA)
        (entity,) = store.entities(kind="agreement")
        before = store.entities(kind="agreement")
        store.resolve_all()
        assert store.entities(kind="agreement") == before
    assert entity.name == "LEMOA" and entity.events == 1
    assert set(entity.names) == {
        "LEMOA",
        "Logistics Exchange Memorandum of Agreement",
        "Logistics Exchange MoA",
    }


def test_a_split_gives_the_claim_its_own_entity_back(db_url: str) -> None:
    with open_store(db_url) as store:
        first, second = store_reports(store, LEMOA)
        store.split(first, second, why="two pacts")
        names = sorted(e.name for e in store.entities(kind="agreement"))
    assert names == ["LEMOA", "Logistics Exchange Memorandum of Agreement"]
