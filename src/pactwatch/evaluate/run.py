"""Running extraction over a gold folder and scoring what comes out."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from pactwatch.evaluate.gold import GoldDocument, load_gold_dir
from pactwatch.evaluate.report import score


def only_type(gold: GoldDocument, event_type: str) -> GoldDocument:
    """Return ``gold`` keeping only its events of ``event_type``."""
    return replace(gold, events=tuple(e for e in gold.events if e["type"] == event_type))


def predict(gold: GoldDocument, *, data_dirs: Sequence[Path] = ()) -> list[dict[str, Any]]:
    """Run extraction on the gold document's text and date; return gold-format predictions."""
    from pactwatch.extract.api import extract  # imported late: extraction loads spaCy

    events = extract(gold.text, published=gold.published, data_dirs=data_dirs)
    return [event.to_gold() for event in events]


def evaluate_dir(
    gold_dir: Path,
    *,
    data_dirs: Sequence[Path] = (),
    event_type: str | None = None,
    on_document: Callable[[GoldDocument], None] | None = None,
) -> dict[str, Any]:
    """Run extraction on each gold document's text+published and return score(...).

    ``event_type`` restricts gold and predictions to one type (matches never
    cross types, so its figures equal those of a full run). ``on_document`` is
    called before each document is extracted, e.g. to advance a progress bar.
    Raises :class:`~pactwatch.errors.GoldFileError` for a missing folder or a
    bad gold file, before any extraction runs.
    """
    documents = load_gold_dir(gold_dir)
    pairs: list[tuple[GoldDocument, Sequence[Mapping[str, Any]]]] = []
    for gold in documents:
        if on_document is not None:
            on_document(gold)
        predicted = predict(gold, data_dirs=data_dirs)
        if event_type is not None:
            gold = only_type(gold, event_type)
            predicted = [event for event in predicted if event.get("type") == event_type]
        pairs.append((gold, predicted))
    return score(pairs)
