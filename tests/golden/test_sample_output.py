"""Golden files: the whole extraction output of each bundled sample, compared whole.

A change to the engine that changes any sample's events fails here until the
golden files are rewritten with ``PACTWATCH_UPDATE_GOLDEN=1 pytest
tests/golden`` and the diff is read and committed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pactwatch.extract.api import extract
from pactwatch.samples import Sample, load_samples

HERE = Path(__file__).parent
UPDATE = os.environ.get("PACTWATCH_UPDATE_GOLDEN") == "1"


def _output(sample: Sample) -> list[dict[str, object]]:
    return [event.to_gold() for event in extract(sample.text, published=sample.published)]


@pytest.mark.parametrize("sample", load_samples(), ids=lambda s: s.id)
def test_sample_matches_golden_file(sample: Sample) -> None:
    path = HERE / f"{sample.id}.expected.json"
    got = _output(sample)
    if UPDATE:
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with PACTWATCH_UPDATE_GOLDEN=1"
    assert got == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("sample", load_samples(), ids=lambda s: s.id)
def test_spans_point_at_evidence(sample: Sample) -> None:
    for event in extract(sample.text, published=sample.published):
        assert sample.text[event.span[0] : event.span[1]] == event.evidence
