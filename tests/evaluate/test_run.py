"""``evaluate_dir`` end to end: extraction over a gold folder, scored.

These tests do not judge extraction quality; they check that what the scorer
reports adds up, whatever extraction finds.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from pactwatch.evaluate import evaluate_dir, load_gold_dir

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pactwatch.extract.api") is None,
    reason="pactwatch.extract.api is not written yet",
)

TEXT = (
    "Kenya and the United Kingdom held the Askari Storm exercise at Laikipia in March 2024. "
    "The United Kingdom also delivered 4 patrol boats to Kenya in Mombasa."
)


def _assert_consistent(report: dict[str, Any], gold_events: int) -> None:
    identity, strict = report["identity"]["overall"], report["strict"]["overall"]
    assert identity["tp"] + identity["fn"] == gold_events == strict["tp"] + strict["fn"]
    assert identity["tp"] + identity["fp"] == strict["tp"] + strict["fp"]
    assert strict["tp"] <= identity["tp"]
    assert len(report["misses"]) == strict["fn"]
    assert len(report["false_alarms"]) == identity["fp"]
    assert sum(row["tp"] for row in report["identity"]["per_type"].values()) == identity["tp"]


def test_evaluate_dir_on_a_written_gold_folder(tmp_path: Path) -> None:
    event = {
        "type": "exercise",
        "status": "held",
        "subject": "Askari Storm",
        "parties": ["KE", "GB"],
        "date": "2024-03",
        "place": "Laikipia",
        "evidence": TEXT.split(". ")[0] + ".",
    }
    document = {"id": "ke-gb", "published": "2024-04-02", "text": TEXT, "events": [event]}
    (tmp_path / "ke-gb.json").write_text(json.dumps(document), "utf-8")
    seen: list[str] = []
    report = evaluate_dir(tmp_path, on_document=lambda gold: seen.append(gold.id))
    assert seen == ["ke-gb"]
    assert report["documents"] == 1
    _assert_consistent(report, 1)


@pytest.mark.slow
def test_evaluate_dir_on_the_dev_set_adds_up(gold_dir: Path) -> None:
    report = evaluate_dir(gold_dir)
    gold_events = sum(len(gold.events) for gold in load_gold_dir(gold_dir))
    assert report["documents"] == len(list(gold_dir.glob("*.json")))
    _assert_consistent(report, gold_events)
    # matches never cross types, so scoring one type alone gives that type's row
    only = evaluate_dir(gold_dir, event_type="exercise")
    for kind in ("identity", "strict"):
        row = report[kind]["per_type"].get("exercise")
        assert only[kind]["overall"] == row
