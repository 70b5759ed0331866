"""``entities``: states and named things with their names and event counts."""

from __future__ import annotations

from pactwatch.api import Store


def test_states_are_named_and_counted(filled: Store) -> None:
    states = {e.id: e for e in filled.entities(kind="state")}
    assert set(states) == {"state:AU", "state:FR", "state:IN", "state:JP", "state:US"}
    assert states["state:IN"].events == 5  # the two MQ-9B claims are one event
    assert states["state:US"].name == "United States"
    assert "United States of America" in states["state:US"].names


def test_subjects_become_entities_of_their_kind(filled: Store) -> None:
    kinds = {(e.kind, e.name, e.events) for e in filled.entities() if e.kind != "state"}
    assert kinds == {
        ("agreement", "Logistics Exchange Memorandum of Agreement", 1),
        ("exercise", "Yudh Abhyas", 1),
        ("exercise", "Varuna", 1),
        ("platform", "MQ-9B drones", 1),
    }


def test_aliases_are_names_of_the_entity(filled: Store) -> None:
    (agreement,) = filled.entities(kind="agreement")
    assert set(agreement.names) == {"LEMOA", "Logistics Exchange Memorandum of Agreement"}


def test_entities_are_ordered_by_kind_then_name_and_limited(filled: Store) -> None:
    listed = filled.entities()
    assert [(e.kind, e.name) for e in listed] == sorted((e.kind, e.name) for e in listed)
    assert len(filled.entities(limit=2)) == 2
    assert filled.entities(kind="ship") == []
