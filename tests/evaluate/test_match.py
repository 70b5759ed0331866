"""Scoring one document on hand-made gold/prediction pairs."""

from __future__ import annotations

from typing import Any

import pytest

from pactwatch.evaluate.counts import Counts
from pactwatch.evaluate.gold import GoldDocument
from pactwatch.evaluate.match import attribute_errors, is_match, score_document

TEXT = (
    "India signed a contract with France for 26 Rafale Marine jets in New Delhi in April 2025. "
    "The naval fighter deal follows the Scorpene submarine programme."
)
SENTENCE = TEXT.split(". ")[0] + "."


def _event(**changes: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "procurement",
        "status": "ordered",
        "subject": "Rafale Marine jets",
        "aliases": ["Rafale-M"],
        "parties": ["IN", "FR"],
        "from": "FR",
        "to": "IN",
        "date": "2025-04",
        "place": "New Delhi",
        "quantity": 26,
        "evidence": SENTENCE,
    }
    event.update(changes)
    return {key: value for key, value in event.items() if value != "<drop>"}


def _gold(*events: dict[str, Any]) -> GoldDocument:
    return GoldDocument(id="in-fr-doc", text=TEXT, published="2025-04-29", events=events)


@pytest.mark.parametrize(
    ("gold", "predicted", "matches"),
    [
        (_event(), _event(), True),
        (_event(), _event(parties=["FR", "IN"]), True),
        (_event(), _event(parties=["fr", "in", "IN"]), True),
        (_event(), _event(status="delivered", date="2030", quantity=3), True),
        (_event(), _event(subject="26 Rafale Marine fighter jets", aliases=[]), True),
        (_event(), _event(subject="Rafale-M", aliases=[]), True),
        (_event(), _event(subject="rafale marine jets", aliases="<drop>"), True),
        (_event(), _event(type="coproduction", status=None), False),
        (_event(), _event(parties=["IN"]), False),
        (_event(), _event(parties=["IN", "FR", "DE"]), False),
        (_event(), _event(parties="<drop>"), False),
        (_event(), _event(subject="Scorpene submarines", aliases=[]), False),
        (_event(), _event(subject="the deal", aliases=[]), False),
        (_event(), _event(subject="", aliases=[]), False),
        (_event(), _event(type="<drop>"), False),
    ],
)
def test_is_match(gold: dict[str, Any], predicted: dict[str, Any], matches: bool) -> None:
    assert is_match(gold, predicted) is matches


@pytest.mark.parametrize(
    ("gold", "predicted", "errors"),
    [
        ({}, {}, []),
        ({"status": None}, {"status": "negotiating"}, []),
        ({"status": "signed"}, {"status": "signed"}, []),
        (
            {"status": "signed"},
            {"status": "negotiating"},
            ["wrong status: gold signed, got negotiating"],
        ),
        ({"status": "signed"}, {}, ["wrong status: gold signed, got none"]),
        ({"date": None}, {"date": "2019"}, []),
        ({"date": "2016"}, {"date": "2016"}, []),
        ({"date": "2016"}, {"date": "2016-08"}, ["wrong date: gold 2016, got 2016-08"]),
        ({"date": "2016"}, {"date": None}, ["wrong date: gold 2016, got none"]),
        ({"date": "2025-09~"}, {"date": "2025-09"}, []),
        ({"date": "2025-09~"}, {"date": "2025-09~"}, []),
        ({"date": "2025-09"}, {"date": "2025-09~"}, ["wrong date: gold 2025-09, got 2025-09~"]),
        ({"date": "2025-09~"}, {"date": "2025-10"}, ["wrong date: gold 2025-09~, got 2025-10"]),
        (
            {"date": "2024-09-09/2024-09-22"},
            {"date": "2024-09"},
            ["wrong date: gold 2024-09-09/2024-09-22, got 2024-09"],
        ),
        ({"from": "US", "to": "IN"}, {"from": "US", "to": "IN"}, []),
        (
            {"from": "US", "to": "IN"},
            {"from": "IN", "to": "US"},
            [
                "wrong from: gold US, got IN",
                "wrong to: gold IN, got US",
            ],
        ),
        ({"from": "US", "to": "IN"}, {"from": "US"}, ["wrong to: gold IN, got none"]),
        ({}, {"from": "US", "to": "IN", "place": "Agra", "quantity": 2}, []),
        ({"place": "Fort Wainwright, Alaska"}, {"place": "Fort Wainwright"}, []),
        ({"place": "Chennai"}, {"place": "chennai"}, []),
        ({"place": "Chennai"}, {"place": "Kochi"}, ["wrong place: gold Chennai, got Kochi"]),
        ({"place": "Chennai"}, {}, ["wrong place: gold Chennai, got none"]),
        ({"quantity": 31}, {"quantity": 31}, []),
        ({"quantity": 31}, {"quantity": 30}, ["wrong quantity: gold 31, got 30"]),
        ({"quantity": 31}, {"quantity": "31"}, ["wrong quantity: gold 31, got 31"]),
        ({"quantity": 1}, {"quantity": True}, ["wrong quantity: gold 1, got True"]),
        ({"quantity": 0}, {}, ["wrong quantity: gold 0, got none"]),
        (
            {"status": "signed", "date": "2016", "place": "Delhi"},
            {"status": "proposed", "date": "2016-08", "place": "Delhi"},
            ["wrong status: gold signed, got proposed", "wrong date: gold 2016, got 2016-08"],
        ),
    ],
)
def test_attribute_errors(
    gold: dict[str, Any], predicted: dict[str, Any], errors: list[str]
) -> None:
    assert attribute_errors(gold, predicted) == errors


def test_one_prediction_per_gold_event_and_the_rest_are_false_alarms() -> None:
    doc_score = score_document(_gold(_event()), [_event(), _event(evidence="a copy")])
    assert [(pair.gold, pair.predicted, pair.strict) for pair in doc_score.pairs] == [(0, 0, True)]
    assert doc_score.misses == ()
    assert [(alarm.subject, alarm.evidence) for alarm in doc_score.false_alarms] == [
        ("Rafale Marine jets", "a copy")
    ]


def test_a_strict_pair_wins_where_there_is_a_choice() -> None:
    predicted = [_event(status="agreed"), _event()]
    doc_score = score_document(_gold(_event()), predicted)
    assert [(pair.predicted, pair.strict) for pair in doc_score.pairs] == [(1, True)]
    assert [alarm.subject for alarm in doc_score.false_alarms] == ["Rafale Marine jets"]


def test_matches_are_maximised_before_strict_ones() -> None:
    # A greedy strict-first pass pairs gold 0 with prediction 0 and leaves gold 1
    # alone; the best assignment pairs both gold events, neither strictly.
    gold = _gold(
        _event(aliases=["naval fighter deal"]),
        _event(subject="Rafale Marine jets for the carrier", aliases=[], status="delivering"),
    )
    predicted = [
        _event(aliases=[]),
        _event(subject="naval fighter deal", aliases=[], status="agreed"),
    ]
    doc_score = score_document(gold, predicted)
    assert [(pair.gold, pair.predicted) for pair in doc_score.pairs] == [(0, 1), (1, 0)]
    assert [miss.why for miss in doc_score.misses] == [
        "wrong status: gold ordered, got agreed",
        "wrong status: gold delivering, got ordered",
    ]
    assert doc_score.false_alarms == ()


def test_strict_matches_are_maximised_among_the_largest_assignments() -> None:
    gold = _gold(_event(status="ordered"), _event(status="delivering", subject="26 Rafale Marine"))
    predicted = [_event(status="delivering"), _event(status="ordered")]
    doc_score = score_document(gold, predicted)
    assert [(pair.gold, pair.predicted, pair.strict) for pair in doc_score.pairs] == [
        (0, 1, True),
        (1, 0, True),
    ]
    assert doc_score.misses == ()


def test_a_miss_reports_the_closest_prediction() -> None:
    predicted = [_event(status="agreed", date="2024"), _event(quantity=20)]
    doc_score = score_document(_gold(_event()), predicted)
    assert [miss.why for miss in doc_score.misses] == ["wrong quantity: gold 26, got 20"]


def test_misses_and_false_alarms_carry_document_type_subject_evidence() -> None:
    gold = _gold(_event(), _event(type="coproduction", status=None, subject="Scorpene boats"))
    predicted = [
        _event(date="2025"),
        _event(
            type="agreement", status="signed", subject="defence pact", evidence="It was signed."
        ),
    ]
    doc_score = score_document(gold, predicted)
    assert [
        (miss.document, miss.type, miss.subject, miss.evidence, miss.why)
        for miss in doc_score.misses
    ] == [
        (
            "in-fr-doc",
            "procurement",
            "Rafale Marine jets",
            SENTENCE,
            "wrong date: gold 2025-04, got 2025",
        ),
        ("in-fr-doc", "coproduction", "Scorpene boats", SENTENCE, "no match"),
    ]
    assert [
        (alarm.document, alarm.type, alarm.subject, alarm.evidence)
        for alarm in doc_score.false_alarms
    ] == [("in-fr-doc", "agreement", "defence pact", "It was signed.")]
    assert doc_score.counts() == {
        "procurement": Counts(tp=1, fp=0, fn=0),
        "coproduction": Counts(tp=0, fp=0, fn=1),
        "agreement": Counts(tp=0, fp=1, fn=0),
    }
    assert doc_score.counts(strict=True)["procurement"] == Counts(tp=0, fp=1, fn=1)


@pytest.mark.parametrize(
    ("gold_events", "predicted", "misses", "false_alarms"),
    [
        ([], [], 0, 0),
        ([_event()], [], 1, 0),
        ([], [_event()], 0, 1),
        ([_event(), _event()], [_event()], 1, 0),
    ],
)
def test_empty_sides(
    gold_events: list[dict[str, Any]],
    predicted: list[dict[str, Any]],
    misses: int,
    false_alarms: int,
) -> None:
    doc_score = score_document(_gold(*gold_events), predicted)
    assert (len(doc_score.misses), len(doc_score.false_alarms)) == (misses, false_alarms)
