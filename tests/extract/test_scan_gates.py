"""The cheap word checks that let a sentence skip a costly scan never skip one it would match.

``build_arms.COPRODUCTION_WORDS`` gates ``_COPRODUCTION_CUE`` and
``described.HEAD_WORDS`` gates ``_DESCRIBED`` (through its ``_HEADS``): a text
the pattern matches must hold one of the words, or the gate would change output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch.extract.build_arms import _COPRODUCTION_CUE, COPRODUCTION_WORDS
from pactwatch.extract.described import _HEADS, HEAD_WORDS

GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "dev"

_PHRASES = (
    "the two firms co-produce the rifle",
    "the engines will be codeveloped",
    "they jointly build the hull",
    "a licensed production line",
    "licence manufacturing of the gun",
    "a technology transfer clause",
    "the transfer of technology",
    "a joint venture was set up",
    "the jets will be assembled in Nagpur",
    "making the shells in India",
    "to build them together",
    "the drones are locally manufactured",
    "they build two of them locally",
    "a push to make in India",
    "produced under licence",
    "local production begins",
    "the parts were built locally",
    "a local assembly line",
)
_FRAGMENTS = st.sampled_from(
    (*_PHRASES, "India", "the", "signed", "a deal", "Co-production", "in", "Pune", "tanks", "")
)


def _gate_passes(text: str) -> bool:
    lower = text.lower()
    return any(word in lower for word in COPRODUCTION_WORDS)


@pytest.mark.parametrize("phrase", _PHRASES)
def test_every_written_cue_is_matched_and_passes_the_gate(phrase: str) -> None:
    assert _COPRODUCTION_CUE.search(phrase) is not None
    assert _gate_passes(phrase)


def test_a_sentence_without_the_words_is_skipped() -> None:
    assert not _gate_passes("India and France signed an agreement in New Delhi.")


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=12).map(" ".join) | st.text(max_size=120))
def test_gate_never_hides_a_match(text: str) -> None:
    if _COPRODUCTION_CUE.search(text):
        assert _gate_passes(text)


def test_gate_never_hides_a_match_in_the_gold_texts() -> None:
    if not GOLD.is_dir():
        pytest.skip(f"gold set absent: {GOLD}")
    for path in sorted(GOLD.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        for line in text.splitlines():
            if _COPRODUCTION_CUE.search(line[:1].lower() + line[1:]):
                assert _gate_passes(line), line
            if re.search(_HEADS, line):
                assert _heads_gate_passes(line), line


_HEAD_PATTERN = re.compile(_HEADS)
_HEAD_PHRASES = (
    "an Agreement", "PACTS", "a treaty", "two Treaties", "a memorandum of understanding",
    "memoranda of understanding", "an MoU", "the MOUs", "an accord", "a Protocol", "a plan",
    "the Roadmap", "arrangements", "a programme", "the Program",
)  # fmt: skip


def _heads_gate_passes(text: str) -> bool:
    lower = text.lower()
    return any(word in lower for word in HEAD_WORDS)


@pytest.mark.parametrize("phrase", _HEAD_PHRASES)
def test_every_agreement_head_is_matched_and_passes_the_gate(phrase: str) -> None:
    assert _HEAD_PATTERN.search(phrase) is not None
    assert _heads_gate_passes(phrase)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from((*_HEAD_PHRASES, "signed", "India", "a", "")), max_size=8).map(
        " ".join
    )
    | st.text(max_size=80)
)
def test_heads_gate_never_hides_a_match(text: str) -> None:
    if _HEAD_PATTERN.search(text):
        assert _heads_gate_passes(text)
