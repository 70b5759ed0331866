"""Name folding and the same-name rule of gold/SCHEMA.md."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.evaluate.names import (
    GENERIC_WORDS,
    STOP_WORDS,
    fold_name,
    name_tokens,
    same_name,
    similar_names,
)


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("LEMOA", "lemoa"),
        ("Joint Working Group", "joint working group"),
        ("U.S.–India Defense Framework", "us india defence framework"),
        ("U.S.-Japan Alliance", "us japan alliance"),
        ("the U.S. Navy", "us navy"),
        ("U.S.A.", "us"),
        ("US Army", "us army"),
        (
            "Treaty on Comprehensive Strategic Partnership",
            "treaty comprehensive strategic partnership",
        ),
        ("“Cope India” drills", "cope india drills"),
        ("India’s MQ-9B buy", "india s mq 9b buy"),
        ("Defence Acquisition Council (DAC)", "defence acquisition council dac"),
        ("Defenses of the Baltic", "defences baltic"),
        ("Béchar", "bechar"),
        (
            "Agreement between the Government of A and the Government of B",
            "agreement government government b",
        ),
        ("  The   Agreement  ", "agreement"),
        ("the", ""),
        ("", ""),
        ("F-404 / F-414", "f 404 f 414"),
        ("2+2 Ministerial Dialogue", "2 2 ministerial dialogue"),
        ("Bus.s.", "bus s"),
    ],
)
def test_fold_name(name: str, folded: str) -> None:
    assert fold_name(name) == folded


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        # equal after folding
        ("Logistics Support Agreement", "logistics support agreement", True),
        (
            "U.S.–Poland Defense Cooperation Agreement",
            "US-Poland Defence Cooperation Agreement",
            True,
        ),
        ("the Strategic Partnership", "Strategic Partnership", True),
        # token-set similarity with a shared specific word
        ("Exercise Dharma Guardian", "Dharma Guardian", True),
        ("Malabar naval exercise", "Malabar", True),
        ("MQ-9B drones", "31 MQ-9B drones", True),
        ("Rafale Marine jets", "Rafale Marine fighter jets", True),
        # "the agreement" names nothing: shared words are all generic
        ("the agreement", "Logistics Exchange Memorandum of Agreement", False),
        ("defence cooperation agreement", "defence cooperation", False),
        ("joint military exercise", "military exercise", False),
        ("new strategic partnership", "strategic partnerships", False),
        ("bilateral talks", "talks", False),
        ("Strategic Defense Agreement", "Saudi Strategic Defense Agreement", False),
        # a shared specific word is not enough below 85
        ("Scorpene submarines", "Scorpene submarine refit programme for the navy", False),
        ("Rafale fighters", "Rafale Marine", False),
        # different things
        ("LEMOA", "COMCASA", False),
        ("BrahMos missiles", "Akash missiles", False),
        # names that fold to nothing name nothing, even when equal
        ("the", "the", False),
        ("", "", False),
    ],
)
def test_same_name(first: str, second: str, same: bool) -> None:
    assert same_name(first, second) is same
    assert same_name(second, first) is same


@pytest.mark.parametrize(
    ("first", "first_aliases", "second", "second_aliases", "same"),
    [
        (
            "LEMOA",
            ["Logistics Exchange Memorandum of Agreement"],
            "logistics exchange memorandum of agreement",
            [],
            True,
        ),
        ("COMCASA", [], "Communications Compatibility and Security Agreement", ["COMCASA"], True),
        ("SDA", ["Strategic Defence Agreement"], "Strategic Defense Agreement", [], True),
        ("tariffs on steel", ["tariffs"], "Tariffs", [], True),
        # aliases count by equality only, not by similarity
        (
            "LEMOA",
            ["Logistics Exchange Memorandum of Agreement"],
            "Logistics Exchange Memorandum",
            [],
            False,
        ),
        # alias against alias is not the rule: one *name* must equal the other's alias
        (
            "LEMOA",
            ["logistics pact"],
            "Logistics Exchange Memorandum of Agreement",
            ["logistics pact"],
            False,
        ),
    ],
)
def test_same_name_with_aliases(
    first: str, first_aliases: list[str], second: str, second_aliases: list[str], same: bool
) -> None:
    result = same_name(first, second, first_aliases=first_aliases, second_aliases=second_aliases)
    assert result is same


def test_generic_words_hold_singulars_and_plurals() -> None:
    for word in ("agreement", "agreements", "treaties", "drill", "drills", "talks", "tariff"):
        assert word in GENERIC_WORDS
    assert "defense" not in GENERIC_WORDS  # folded to "defence" before the check
    assert fold_name("defense") in GENERIC_WORDS


def test_similarity_threshold_is_85() -> None:
    # token_set_ratio("kakadu exercise", "kakadu") is 100; near-miss strings fall below 85
    assert similar_names("kakadu exercise", "kakadu")
    assert not similar_names("pitch black", "pitch blackout drills sydney")


_pieces = st.sampled_from(list("abcXYZ é-–.’'\"  ,()&/_0123456789")) | st.sampled_from(
    ["U.S.", "u.s", "the ", "defense", "agreement ", "of ", "Joint ", "Rafale", "ß", "ﬁ"]
)
_names = st.lists(_pieces, max_size=12).map("".join)


@given(_names)
def test_folding_is_idempotent_and_clean(name: str) -> None:
    folded = fold_name(name)
    assert fold_name(folded) == folded
    assert all(token.isalnum() for token in name_tokens(name))
    assert not set(folded.split()) & STOP_WORDS


@given(_names, _names)
def test_same_name_is_symmetric(first: str, second: str) -> None:
    assert same_name(first, second) is same_name(second, first)


@given(_names)
def test_a_name_is_itself_unless_it_names_nothing(name: str) -> None:
    assert same_name(name, name) is bool(fold_name(name))
