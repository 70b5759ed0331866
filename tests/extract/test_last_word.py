"""``last_word`` finds what the regular expression it replaced found, on any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.extract.kind_phrases import last_word

_LAST_WORD = re.compile(r"(\S+)\s+$")


def _by_regex(text: str) -> tuple[str, int] | None:
    match = _LAST_WORD.search(text)
    return None if match is None else (match.group(1), match.start(1))


@given(st.text(alphabet=st.sampled_from("ab. -’\n\t\xa0\u2029\x1c"), max_size=30) | st.text())
def test_same_as_the_regex(text: str) -> None:
    assert last_word(text) == _by_regex(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India will buy two Russian ", ("Russian", 19)),
        ("the\n", ("the", 0)),
        ("no space at the end", None),
        ("   ", None),
        ("", None),
    ],
)
def test_last_word(text: str, expected: tuple[str, int] | None) -> None:
    assert last_word(text) == expected
