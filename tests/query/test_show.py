"""``show``: one event with its evidence, highlighted trigger and status history."""

from __future__ import annotations

import pytest

from pactwatch.api import Store
from pactwatch.documents import make_document
from pactwatch.errors import StoreError
from pactwatch.records import Event


def test_show_gives_the_sentence_with_the_trigger_to_highlight(filled: Store) -> None:
    (event,) = filled.events(type="agreement")
    detail = filled.show(event.id)
    assert detail.event == event
    (evidence,) = detail.evidence
    low, high = evidence.highlight
    assert evidence.sentence[low:high] == "signed"
    assert evidence.sentence.startswith("The United States and India signed")
    assert (evidence.title, evidence.url, evidence.published) == (
        "Logistics pact and drills",
        "https://news.example/us-in-2025",
        "2025-09-20",
    )
    assert [(h.status, h.date, h.reported) for h in detail.history] == [
        ("signed", "2016-08-29", "2025-09-20")
    ]


def test_show_accepts_a_unique_prefix_of_the_id(filled: Store) -> None:
    event = filled.events(type="exercise", party="FR")[0]
    assert filled.show(event.id[:8].upper()).event.id == event.id


@pytest.mark.parametrize("wanted", ["0000000000000000", "zz", "not an id"])
def test_show_of_an_unknown_id_is_a_one_line_error(filled: Store, wanted: str) -> None:
    with pytest.raises(StoreError, match="no event has the id") as info:
        filled.show(wanted)
    assert "\n" not in str(info.value)


def test_without_a_trigger_the_evidence_span_is_highlighted(store: Store) -> None:
    doc = make_document(
        "Officials said on Friday that Manila and Washington would hold Balikatan in April 2023."
    )
    phrase = "Manila and Washington would hold Balikatan in April 2023"
    start = doc.text.index(phrase)
    store.add(
        doc,
        [
            Event(
                type="exercise",
                status="planned",
                subject="Balikatan",
                parties=("PH", "US"),
                date="2023-04",
                evidence=phrase,
                span=(start, start + len(phrase)),
                hedged=True,
            )
        ],
    )
    (evidence,) = store.show(store.events()[0].id).evidence
    assert evidence.sentence == doc.text
    assert evidence.sentence[slice(*evidence.highlight)] == phrase
    assert evidence.hedged and not evidence.negated


def test_history_lists_every_claim_of_a_merged_event_in_date_order(filled: Store) -> None:
    # The two documents about 31 MQ-9B (negotiating 2023, ordered 2024-10) are one
    # procurement since resolution (issue 6): show() lists both claims.
    (merged,) = filled.events(type="procurement")
    detail = filled.show(merged.id)
    assert [(h.status, h.date) for h in detail.history] == [
        ("negotiating", "2023"),
        ("ordered", "2024-10"),
    ]
    assert len(detail.evidence) == 2
    assert len(detail.event.documents) == 2
