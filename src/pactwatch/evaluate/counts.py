"""True positives, false positives and false negatives, and the figures made from them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

DIGITS = 4
"""Decimal places kept in precision, recall and F1, so reports compare as text."""


def _ratio(numerator: int, denominator: int) -> float:
    """Return numerator / denominator rounded, or 0.0 for an empty denominator (SCHEMA.md)."""
    return round(numerator / denominator, DIGITS) if denominator else 0.0


@dataclass(frozen=True, slots=True)
class Counts:
    """tp, fp and fn of one event type (or of all), summed over documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """Return tp / (tp + fp), 0.0 when nothing was predicted."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Return tp / (tp + fn), 0.0 when gold has nothing."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall, 2tp / (2tp + fp + fn)."""
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def as_dict(self) -> dict[str, Any]:
        """Return the counts and figures as the JSON object of SCHEMA.md."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def total(counts: Iterable[Counts]) -> Counts:
    """Return the sum of ``counts`` (micro-averaging: figures come from summed counts)."""
    result = Counts()
    for item in counts:
        result = result + item
    return result
