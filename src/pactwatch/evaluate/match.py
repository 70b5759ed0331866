"""Scoring one document: which prediction matches which gold event, and what is wrong.

The rules are those of shared/gold/SCHEMA.md, "How a system's output is
scored against gold". A prediction *matches* a gold event when type, parties
(as sets) and subject name agree; the match is *strict* when every attribute
gold states is right as well. Among all one-to-one assignments the scorer
takes one with the most matches, then the most strict matches among those,
then the most right attributes (so each miss reports the fewest faults).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from pactwatch.evaluate.assign import assign
from pactwatch.evaluate.counts import Counts
from pactwatch.evaluate.gold import GoldDocument
from pactwatch.evaluate.names import same_name


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _same_date(gold: str, got: Any) -> bool:
    # SCHEMA.md: a gold date with "~" is also met by the same date without it.
    return _text(got) in {gold, gold.replace("~", "")}


def _same_code(gold: str, got: Any) -> bool:
    return _text(got).upper() == gold


def _same_place(gold: str, got: Any) -> bool:
    return same_name(gold, _text(got))


def _same_quantity(gold: int, got: Any) -> bool:
    return isinstance(got, int) and not isinstance(got, bool) and got == gold


def _same_status(gold: str, got: Any) -> bool:
    return _text(got) == gold


ATTRIBUTES: Final[tuple[tuple[str, Callable[[Any, Any], bool]], ...]] = (
    ("status", _same_status),
    ("date", _same_date),
    ("from", _same_code),
    ("to", _same_code),
    ("place", _same_place),
    ("quantity", _same_quantity),
)
"""The attributes strict scoring checks, each with the test a prediction must pass."""


def _show(value: Any) -> str:
    return "none" if value is None or value == "" else str(value)


def attribute_errors(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> list[str]:
    """Return what the prediction gets wrong among the attributes gold states.

    Each item reads ``"wrong date: gold 2016, got 2016-08"``; an attribute gold
    leaves null or unstated is not checked. An empty list is a strict match.
    """
    errors = []
    for key, check in ATTRIBUTES:
        expected = gold.get(key)
        if expected is None or expected == "":
            continue
        got = predicted.get(key)
        if not check(expected, got):
            errors.append(f"wrong {key}: gold {_show(expected)}, got {_show(got)}")
    return errors


def _parties(event: Mapping[str, Any]) -> frozenset[str]:
    parties = event.get("parties") or ()
    return frozenset(_text(code).upper() for code in parties)


def _aliases(event: Mapping[str, Any]) -> list[str]:
    aliases = event.get("aliases") or ()
    return [alias for alias in aliases if isinstance(alias, str)]


def is_match(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    """Return True when ``predicted`` matches ``gold``: same type, party set and subject name."""
    return (
        _text(predicted.get("type")) == gold["type"]
        and _parties(predicted) == _parties(gold)
        and same_name(
            gold["subject"],
            _text(predicted.get("subject")),
            first_aliases=_aliases(gold),
            second_aliases=_aliases(predicted),
        )
    )


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold event (index into the gold file) matched to a prediction (index into the list)."""

    gold: int
    predicted: int
    errors: tuple[str, ...]
    """What is wrong in the prediction; empty for a strict match."""

    @property
    def strict(self) -> bool:
        """Return True when every attribute gold states is right."""
        return not self.errors


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold event with no strict match, and why (``"no match"`` or the wrong attributes)."""

    document: str
    type: str
    subject: str
    evidence: str
    why: str


@dataclass(frozen=True, slots=True)
class FalseAlarm:
    """A prediction that matched no gold event."""

    document: str
    type: str
    subject: str
    evidence: str


@dataclass(frozen=True, slots=True)
class DocumentScore:
    """The outcome of scoring one document: its pairs, misses, false alarms and counts."""

    document: str
    pairs: tuple[Pair, ...]
    misses: tuple[Miss, ...]
    false_alarms: tuple[FalseAlarm, ...]
    gold_types: tuple[str, ...]
    """The type of each gold event, in file order."""
    predicted_types: tuple[str, ...]
    """The type of each prediction, in the order given."""

    def counts(self, *, strict: bool = False) -> dict[str, Counts]:
        """Return tp/fp/fn per event type; identity counts, or strict ones when asked."""
        matched = [self.gold_types[pair.gold] for pair in self.pairs if pair.strict or not strict]
        kinds = dict.fromkeys([*self.gold_types, *self.predicted_types])
        return {
            kind: Counts(
                tp=matched.count(kind),
                fp=self.predicted_types.count(kind) - matched.count(kind),
                fn=self.gold_types.count(kind) - matched.count(kind),
            )
            for kind in kinds
        }


def _weights(gold: GoldDocument, predicted: Sequence[Mapping[str, Any]]) -> list[list[int]]:
    """Return pair weights whose maximal sum is lexicographically best (see module doc)."""
    most = min(len(gold.events), len(predicted))
    checks = len(ATTRIBUTES)
    per_strict = (checks + 1) * most + 1
    per_match = (per_strict + checks) * most + 1
    rows = []
    for gold_event in gold.events:
        row = []
        for event in predicted:
            if not is_match(gold_event, event):
                row.append(0)
                continue
            wrong = len(attribute_errors(gold_event, event))
            row.append(per_match + (per_strict if wrong == 0 else 0) + checks - wrong)
        rows.append(row)
    return rows


def _pairs(gold: GoldDocument, predicted: Sequence[Mapping[str, Any]]) -> tuple[Pair, ...]:
    return tuple(
        Pair(row, col, tuple(attribute_errors(gold.events[row], predicted[col])))
        for row, col in assign(_weights(gold, predicted))
    )


def score_document(gold: GoldDocument, predicted: Sequence[Mapping[str, Any]]) -> DocumentScore:
    """Match ``predicted`` (gold-format dicts) against ``gold`` and return the outcome."""
    pairs = _pairs(gold, predicted)
    why = {pair.gold: "; ".join(pair.errors) for pair in pairs}
    misses = tuple(
        Miss(gold.id, event["type"], event["subject"], _evidence(event), why.get(row, "no match"))
        for row, event in enumerate(gold.events)
        if why.get(row) != ""
    )
    matched = {pair.predicted for pair in pairs}
    false_alarms = tuple(
        FalseAlarm(gold.id, _text(event.get("type")), _text(event.get("subject")), _evidence(event))
        for col, event in enumerate(predicted)
        if col not in matched
    )
    return DocumentScore(
        document=gold.id,
        pairs=pairs,
        misses=misses,
        false_alarms=false_alarms,
        gold_types=tuple(event["type"] for event in gold.events),
        predicted_types=tuple(_text(event.get("type")) for event in predicted),
    )


def _evidence(event: Mapping[str, Any]) -> str:
    evidence = event.get("evidence")
    return evidence if isinstance(evidence, str) else ""
