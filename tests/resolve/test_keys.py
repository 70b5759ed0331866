"""Blocking keys: literal variants that must share a key, and properties over generated names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.resolve.keys import acronyms, event_keys, fold, model_numbers, models_clash


def _meet(first: str, second: str, kind: str = "procurement") -> bool:
    stored = event_keys(kind, ("IN", "US"), [first])
    return bool(stored & event_keys(kind, ("US", "IN"), [second], lookup=True))


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        ("F-404", "F404", "procurement"),
        ("GE 404 engine", "F-404 engines", "procurement"),
        ("MQ-9B drones", "MQ-9B", "procurement"),
        ("Logistics Exchange Memorandum of Agreement", "LEMOA", "agreement"),
        ("LEMOA", "Logistics Exchange Memorandum of Agreement", "agreement"),
        ("Basic Exchange and Cooperation Agreement", "BECA", "agreement"),
        ("Exercise Yudh Abhyas", "Yudh Abhyas", "exercise"),
        ("Major Defense Partner", "Major Defence Partner", "designation"),
        ("Lancaster House Treaties", "Lancaster House treaty", "agreement"),
    ],
)
def test_variants_of_one_name_share_a_key(first: str, second: str, kind: str) -> None:
    assert _meet(first, second, kind)


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        ("Dordor Defence Cooperation Agreement", "Doraltori Defence Cooperation Agreement",
         "agreement"),  # same initials, two agreements
        ("F404", "F414", "procurement"),
        ("Varuna", "Malabar", "exercise"),
    ],
)  # fmt: skip
def test_different_names_share_no_key(first: str, second: str, kind: str) -> None:
    assert not _meet(first, second, kind)


def test_model_numbers_clash_only_when_both_have_one() -> None:
    assert model_numbers("GE F-414 jet engines") == {"414"}
    assert models_clash(["F404"], ["F414"]) and not models_clash(["F404"], ["Tejas engines"])


words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).map(str.capitalize),
    min_size=3,
    max_size=6,
)


@given(words)
def test_an_expansion_and_its_acronym_always_meet(parts: list[str]) -> None:
    name = " ".join(parts)
    acronym = "".join(part[0] for part in parts).upper()
    assert acronym.lower() in acronyms(name)
    assert _meet(name, acronym, "agreement") and _meet(acronym, name, "agreement")


@given(words, st.permutations(["US", "IN", "JP"]))
def test_keys_ignore_the_order_of_parties_and_case(parts: list[str], parties: list[str]) -> None:
    name = " ".join(parts)
    assert event_keys("agreement", parties, [name]) == event_keys(
        "agreement", sorted(parties), [name.upper()]
    )
    assert fold(name) == fold(name.upper())
