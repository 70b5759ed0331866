"""``events`` filters and the dyad ``timeline``, on both engines."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pactwatch.api import Store
from pactwatch.query.events import EventFilter

LEMOA = "Logistics Exchange Memorandum of Agreement"
ALL_NEWEST_FIRST = [
    "Yudh Abhyas",
    "MQ-9B drones",  # negotiating 2023 and ordered 2024-10: one event (issue 6)
    "Varuna",
    LEMOA,
    "trilateral talks",  # undated: last
]


def test_events_lists_newest_first_and_undated_last(filled: Store) -> None:
    assert [e.subject for e in filled.events()] == ALL_NEWEST_FIRST


@pytest.mark.parametrize(
    ("filters", "subjects"),
    [
        ({"type": "exercise"}, ["Yudh Abhyas", "Varuna"]),
        ({"type": "exercise,agreement"}, ["Yudh Abhyas", "Varuna", LEMOA]),
        ({"type": ["meeting"]}, ["trilateral talks"]),
        ({"status": "ordered"}, ["MQ-9B drones"]),
        ({"status": "negotiating"}, []),  # the merged event's latest status is "ordered"
        ({"party": "FR"}, ["Varuna"]),
        ({"party": "fr"}, ["Varuna"]),
        ({"party": "JP"}, ["trilateral talks"]),
        ({"party": "US,IN"}, ["Yudh Abhyas", "MQ-9B drones", LEMOA]),
        ({"party": ["IN", "JP", "AU"]}, ["trilateral talks"]),
        ({"party": "US,FR"}, []),
        ({"party": "IN", "type": "procurement"}, ["MQ-9B drones"]),
        ({"party": "IN", "type": "procurement", "since": "2024"}, ["MQ-9B drones"]),
        ({"since": "2024-03-15"}, ["Yudh Abhyas", "MQ-9B drones", "Varuna"]),
        ({"until": "2023"}, [LEMOA]),
        ({"since": "2016-08", "until": "2016-08"}, [LEMOA]),
        ({"since": "2017", "until": "2022"}, []),
        ({"subject": "yudh"}, ["Yudh Abhyas"]),
        ({"subject": "LEMOA"}, [LEMOA]),
        ({"subject": "100%"}, []),
        ({"limit": 2}, ALL_NEWEST_FIRST[:2]),
        ({"limit": None}, ALL_NEWEST_FIRST),
    ],
)  # fmt: skip
def test_each_filter_narrows(filled: Store, filters: dict[str, Any], subjects: list[str]) -> None:
    assert [e.subject for e in filled.events(**filters)] == subjects


@pytest.mark.parametrize(
    "filters",
    [{"types": ("treaty",)}, {"statuses": ("finished",)}, {"since": "last year"}],
)
def test_unknown_filter_values_are_refused(filters: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="not an event type, status or EDTF date"):
        EventFilter(**filters)


def test_a_stored_event_carries_its_values_and_documents(filled: Store) -> None:
    (event,) = filled.events(status="ordered")
    assert (event.type, event.parties, event.from_, event.to) == (
        "procurement",
        ("IN", "US"),
        "US",
        "IN",
    )
    assert (event.date, event.quantity, event.claims, len(event.documents)) == ("2024-10", 31, 2, 2)
    assert event.year == "2024"


def test_timeline_is_in_date_order_either_way_round(filled: Store) -> None:
    forward = filled.timeline("US", "IN")
    assert [(e.date, e.status) for e in forward] == [
        ("2016-08-29", "signed"),
        ("2024-10", "ordered"),
        ("2025-09", "held"),
    ]
    assert [e.id for e in filled.timeline("in", "us")] == [e.id for e in forward]
    assert [e.date for e in filled.timeline("IN", "US", since="2024")] == ["2024-10", "2025-09"]


def test_timeline_of_a_pair_in_a_larger_group_includes_the_group(filled: Store) -> None:
    assert [e.subject for e in filled.timeline("AU", "JP")] == ["trilateral talks"]
    assert filled.timeline("FR", "JP") == []


def test_results_serialise_and_become_a_dataframe(filled: Store) -> None:
    found = filled.events(party="FR")
    (row,) = json.loads(json.dumps(found.to_dicts()))
    assert list(row) == list(found[0].COLUMNS)
    assert row["parties"] == ["FR", "IN"] and row["from"] is None
    frame = found.to_pandas()
    assert list(frame.columns) == list(found[0].COLUMNS)
    assert frame.loc[0, "subject"] == "Varuna"
