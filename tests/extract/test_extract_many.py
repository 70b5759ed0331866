"""``extract_many`` gives, document by document, what ``extract`` gives alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pactwatch.extract.api import extract, extract_many

GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "dev"

_DOCS: list[tuple[str, str | None]] = [
    ("Japan and Australia signed a Reciprocal Access Agreement in Tokyo on 6 January 2022.", None),
    ("", "2024-01-01"),
    (
        "The frigate INS Tabar docked in Chennai last week.\n\nIndia and the U.S. held talks.",
        "2024-05-04",
    ),
    ("India bought 36 Rafale jets from France.\nThey arrived in 2020.", "2021"),
    ("Japan and Australia signed a Reciprocal Access Agreement in Tokyo on 6 January 2022.", None),
]


def test_same_events_as_one_by_one() -> None:
    many = list(extract_many(_DOCS))
    assert many == [extract(text, published=published) for text, published in _DOCS]
    assert many[0] and many[0] == many[-1] and many[1] == []


def test_same_events_on_the_gold_texts() -> None:
    if not GOLD.is_dir():
        pytest.skip("gold texts absent: /work/shared/gold/dev")
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]
    pairs = [(d["text"], d.get("published")) for d in docs]
    assert list(extract_many(pairs)) == [extract(t, published=p) for t, p in pairs]
