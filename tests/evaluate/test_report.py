"""The eval JSON object: micro-averaged figures overall and per type, misses, false alarms."""

from __future__ import annotations

from typing import Any

from pactwatch.evaluate.counts import Counts, total
from pactwatch.evaluate.gold import GoldDocument
from pactwatch.evaluate.report import score

TEXT_A = "Japan and Australia held the Southern Jackal exercise near Darwin in May 2023."
TEXT_B = (
    "Ukraine ordered 12 Kestrel drones from Turkey. "
    "The two ministers also signed a logistics accord in Ankara."
)


def _gold(doc_id: str, text: str, *events: dict[str, Any]) -> GoldDocument:
    return GoldDocument(id=doc_id, text=text, published="2023-06", events=events)


EXERCISE = {
    "type": "exercise",
    "status": "held",
    "subject": "Southern Jackal",
    "parties": ["JP", "AU"],
    "date": "2023-05",
    "place": "Darwin",
    "evidence": TEXT_A,
}
DRONES = {
    "type": "procurement",
    "status": "ordered",
    "subject": "Kestrel drones",
    "parties": ["UA", "TR"],
    "from": "TR",
    "to": "UA",
    "date": None,
    "quantity": 12,
    "evidence": "Ukraine ordered 12 Kestrel drones from Turkey.",
}
ACCORD = {
    "type": "agreement",
    "status": "signed",
    "subject": "logistics accord",
    "parties": ["UA", "TR"],
    "date": None,
    "place": "Ankara",
    "evidence": "The two ministers also signed a logistics accord in Ankara.",
}


def _figures(tp: int, fp: int, fn: int) -> dict[str, Any]:
    return Counts(tp, fp, fn).as_dict()


def test_score_returns_the_schema_object() -> None:
    pairs = [
        (_gold("a", TEXT_A, EXERCISE), [{**EXERCISE, "date": "2023"}]),
        (
            _gold("b", TEXT_B, DRONES, ACCORD),
            [DRONES, {**ACCORD, "subject": "Kestrel drones", "evidence": "x"}],
        ),
    ]
    assert score(pairs) == {
        "documents": 2,
        "identity": {
            "overall": _figures(2, 1, 1),
            "per_type": {
                "agreement": _figures(0, 1, 1),
                "exercise": _figures(1, 0, 0),
                "procurement": _figures(1, 0, 0),
            },
        },
        "strict": {
            "overall": _figures(1, 2, 2),
            "per_type": {
                "agreement": _figures(0, 1, 1),
                "exercise": _figures(0, 1, 1),
                "procurement": _figures(1, 0, 0),
            },
        },
        "misses": [
            {
                "document": "a",
                "type": "exercise",
                "subject": "Southern Jackal",
                "evidence": TEXT_A,
                "why": "wrong date: gold 2023-05, got 2023",
            },
            {
                "document": "b",
                "type": "agreement",
                "subject": "logistics accord",
                "evidence": ACCORD["evidence"],
                "why": "no match",
            },
        ],
        "false_alarms": [
            {"document": "b", "type": "agreement", "subject": "Kestrel drones", "evidence": "x"}
        ],
    }


def test_figures_are_micro_averaged() -> None:
    # Document a: 1 of 1 right; document b: 0 of 3 found. Micro recall is 1/4,
    # where a macro average over documents would give 1/2.
    pairs = [
        (_gold("a", TEXT_A, EXERCISE), [EXERCISE]),
        (_gold("b", TEXT_B, DRONES, ACCORD, {**ACCORD, "subject": "air accord"}), []),
    ]
    overall = score(pairs)["identity"]["overall"]
    assert overall == {"tp": 1, "fp": 0, "fn": 3, "precision": 1.0, "recall": 0.25, "f1": 0.4}


def test_empty_denominators_count_as_zero() -> None:
    nothing = score([(_gold("a", TEXT_A), [])])
    assert nothing["identity"] == {"overall": _figures(0, 0, 0), "per_type": {}}
    assert nothing["identity"]["overall"]["f1"] == 0.0
    only_gold = score([(_gold("a", TEXT_A, EXERCISE), [])])["strict"]["overall"]
    assert (only_gold["precision"], only_gold["recall"]) == (0.0, 0.0)
    assert score([])["documents"] == 0


def test_unknown_predicted_types_are_listed_after_known_ones() -> None:
    predicted = [{**EXERCISE, "type": "parade"}, {**DRONES, "type": "exercise"}]
    per_type = score([(_gold("a", TEXT_A, DRONES), predicted)])["identity"]["per_type"]
    assert list(per_type) == ["exercise", "procurement", "parade"]
    assert per_type["parade"] == _figures(0, 1, 0)


def test_counts_figures_are_rounded_and_total_sums() -> None:
    counts = Counts(tp=1, fp=2, fn=0)
    assert (counts.precision, counts.recall, counts.f1) == (0.3333, 1.0, 0.5)
    assert total([Counts(1, 2, 3), Counts(4, 5, 6)]) == Counts(5, 7, 9)
    assert total([]) == Counts()
