"""The seed article: every one of its events must come out strict-correct.

The article is third-party text kept for evaluation in ../shared/gold; the
test reads it from there and skips where the gold set is absent.
"""

from __future__ import annotations

from pathlib import Path

from pactwatch.evaluate import load_gold, score_document
from pactwatch.extract.api import extract

SEED = "seed-us-india-framework-2025.json"


def test_seed_events_all_strict_correct(gold_dir: Path) -> None:
    gold = load_gold(gold_dir / SEED)
    predicted = [e.to_gold() for e in extract(gold.text, published=gold.published)]
    result = score_document(gold, predicted)
    strict_tp = sum(c.tp for c in result.counts(strict=True).values())
    assert [(m.subject, m.why) for m in result.misses] == []
    assert strict_tp == len(gold.events) == 26
    assert len(result.false_alarms) <= 2, [fa.subject for fa in result.false_alarms]
