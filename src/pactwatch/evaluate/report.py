"""The ``pactwatch eval --json`` object: micro-averaged figures, misses and false alarms.

Its shape is fixed by shared/gold/SCHEMA.md, "What ``pactwatch eval --json``
prints", plus the ``documents`` count.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from typing import Any

from pactwatch.evaluate.counts import Counts, total
from pactwatch.evaluate.gold import GoldDocument
from pactwatch.evaluate.match import DocumentScore, score_document
from pactwatch.records import EVENT_TYPES


def _type_order(kinds: Iterable[str]) -> list[str]:
    """Return the types seen, known ones in SCHEMA.md order, unknown ones after, sorted."""
    seen = set(kinds)
    known = [kind for kind in EVENT_TYPES if kind in seen]
    return known + sorted(seen.difference(EVENT_TYPES))


def _figures(scores: Sequence[DocumentScore], *, strict: bool) -> dict[str, Any]:
    per_type: dict[str, Counts] = {}
    for doc_score in scores:
        for kind, counts in doc_score.counts(strict=strict).items():
            per_type[kind] = per_type.get(kind, Counts()) + counts
    return {
        "overall": total(per_type.values()).as_dict(),
        "per_type": {kind: per_type[kind].as_dict() for kind in _type_order(per_type)},
    }


def build_report(scores: Sequence[DocumentScore]) -> dict[str, Any]:
    """Return the eval JSON object for already scored documents."""
    return {
        "documents": len(scores),
        "identity": _figures(scores, strict=False),
        "strict": _figures(scores, strict=True),
        "misses": [asdict(miss) for doc_score in scores for miss in doc_score.misses],
        "false_alarms": [asdict(alarm) for doc_score in scores for alarm in doc_score.false_alarms],
    }


def score(pairs: Iterable[tuple[GoldDocument, Sequence[Mapping[str, Any]]]]) -> dict[str, Any]:
    """Score each gold document against its predictions; return the eval JSON object.

    ``pairs`` holds ``(gold, predictions)`` with predictions as gold-format
    dicts (``Event.to_gold()``). Figures are micro-averaged over documents; an
    empty denominator gives 0.0.
    """
    return build_report([score_document(gold, predicted) for gold, predicted in pairs])
