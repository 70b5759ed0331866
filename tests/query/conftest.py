"""A store holding a few literal documents about four pairs of states, for the query tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from pactwatch.api import Store
from pactwatch.api import open as open_store
from pactwatch.documents import make_document
from pactwatch.records import Event

DOCS: list[dict[str, Any]] = [
    {
        "title": "Logistics pact and drills",
        "published": "2025-09-20",
        "url": "https://news.example/us-in-2025",
        "text": (
            "The United States and India signed the Logistics Exchange Memorandum of Agreement "
            "on 29 August 2016. "
            "Their armies held the Yudh Abhyas exercise at Fort Wainwright in September 2025. "
            "India ordered 31 MQ-9B drones from the United States in October 2024."
        ),
        "events": [
            ("The United States and India signed", "agreement", "signed",
             "Logistics Exchange Memorandum of Agreement", ("LEMOA",), "2016-08-29", "signed"),
            ("Their armies held", "exercise", "held", "Yudh Abhyas", (), "2025-09", "held"),
            ("India ordered 31", "procurement", "ordered", "MQ-9B drones", (), "2024-10",
             "ordered"),
        ],
    },
    {
        "title": "Drone talks",
        "published": "2023-06-10",
        "url": None,
        "text": "Washington and New Delhi were negotiating the sale of 31 MQ-9B drones in 2023.",
        "events": [
            ("Washington and New Delhi", "procurement", "negotiating", "MQ-9B drones", (), "2023",
             "negotiating"),
        ],
    },
    {
        "title": "Varuna",
        "published": "2024-03-30",
        "url": None,
        "text": "India and France held the Varuna naval exercise off Goa in March 2024.",
        "events": [
            ("India and France held", "exercise", "held", "Varuna", (), "2024-03", "held"),
        ],
    },
    {
        "title": "Trilateral",
        "published": None,
        "url": None,
        "text": (
            "Ministers from Australia, India and Japan met for trilateral talks. "
            "They agreed to meet again."
        ),
        "events": [
            ("Ministers from Australia", "meeting", "held", "trilateral talks", (), None, "met"),
        ],
    },
]  # fmt: skip

_PARTIES = {
    "Logistics pact and drills": ("IN", "US"),
    "Drone talks": ("IN", "US"),
    "Varuna": ("FR", "IN"),
    "Trilateral": ("AU", "IN", "JP"),
}


def _events(spec: dict[str, Any], text: str) -> list[Event]:
    out = []
    for opening, kind, status, subject, aliases, date, trigger in spec["events"]:
        start = text.index(opening)
        end = text.index(".", start + len(opening)) + 1
        if kind == "agreement":
            end = text.index("2016.") + len("2016.")
        low = text.index(trigger, start)
        direction = {"from_": "US", "to": "IN"} if kind == "procurement" else {}
        out.append(
            Event(
                type=kind,
                status=status,
                subject=subject,
                aliases=aliases,
                parties=_PARTIES[spec["title"]],
                date=date,
                evidence=text[start:end],
                span=(start, end),
                trigger=(low, low + len(trigger)),
                quantity=31 if kind == "procurement" else None,
                **direction,
            )
        )
    return out


@pytest.fixture
def filled(db_url: str) -> Iterator[Store]:
    """A store with four documents: US–IN (two), FR–IN and AU–IN–JP."""
    with open_store(db_url) as store:
        for spec in DOCS:
            doc = make_document(
                spec["text"], title=spec["title"], url=spec["url"], published=spec["published"]
            )
            store.add(doc, _events(spec, doc.text))
        yield store
