"""Sentence splitting that survives the abbreviations of news prose."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.extract.pipeline import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. Secretary of Defense Lloyd Austin arrived. He met officials.",
            ["U.S. Secretary of Defense Lloyd Austin arrived.", "He met officials."],
        ),
        (
            "Lt. Gen. Anil Chauhan spoke on Oct. 3, 2024. The talks ended.",
            ["Lt. Gen. Anil Chauhan spoke on Oct. 3, 2024.", "The talks ended."],
        ),
        (
            "Order No. 7 was signed in Sept. 2023 by Gen. Smith. It took effect.",
            ["Order No. 7 was signed in Sept. 2023 by Gen. Smith.", "It took effect."],
        ),
        (
            "“We are ready,” the minister said. Talks resume today.",
            ["“We are ready,” the minister said.", "Talks resume today."],
        ),
        (
            "The frigate docked in Goa.\nThe crew went ashore.",
            ["The frigate docked in Goa.", "The crew went ashore."],
        ),
        ("The U.S.–Japan alliance grew.", ["The U.S.–Japan alliance grew."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_dash_between_names_is_its_own_token() -> None:
    (sent,) = split_sentences("The U.S.–India deal was signed.")
    words = [t.text for t in sent.doc[sent.first_token : sent.last_token]]
    assert words[1:4] == ["U.S.", "–", "India"]


@given(st.text(max_size=300))
def test_offsets_point_into_the_text(text: str) -> None:
    for sent in split_sentences(text):
        assert text[sent.start : sent.end] == sent.text
        assert sent.text.strip() == sent.text
        assert sent.text


def test_abbreviation_after_a_hyphen_does_not_end_a_sentence() -> None:
    text = "The Indo-U.S. Memorandum of Understanding was signed. It held."
    assert [s.text for s in split_sentences(text)] == [
        "The Indo-U.S. Memorandum of Understanding was signed.",
        "It held.",
    ]
