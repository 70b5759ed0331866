"""Scoring extraction against gold files, by the rules of shared/gold/SCHEMA.md.

``load_gold``/``load_gold_dir`` read and check gold files; ``score_document``
matches one document's predictions; ``score`` returns the ``pactwatch eval
--json`` object; ``evaluate_dir`` runs extraction over a gold folder and
scores it. docs/eval.md explains the rules and the output.
"""

from __future__ import annotations

from pactwatch.evaluate.counts import Counts
from pactwatch.evaluate.gold import GoldDocument, load_gold, load_gold_dir
from pactwatch.evaluate.match import (
    DocumentScore,
    FalseAlarm,
    Miss,
    Pair,
    attribute_errors,
    is_match,
    score_document,
)
from pactwatch.evaluate.names import fold_name, same_name
from pactwatch.evaluate.report import build_report, score
from pactwatch.evaluate.run import evaluate_dir

__all__ = [
    "Counts",
    "DocumentScore",
    "FalseAlarm",
    "GoldDocument",
    "Miss",
    "Pair",
    "attribute_errors",
    "build_report",
    "evaluate_dir",
    "fold_name",
    "is_match",
    "load_gold",
    "load_gold_dir",
    "same_name",
    "score",
    "score_document",
]
