"""The sentence around an evidence span: abbreviations, quotes, line breaks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.store.sentences import sentence_bounds

_TEXT = (
    "The U.S. Navy destroyer arrived in Cam Ranh on Monday. "
    "Gen. Carter told reporters that the two sides had signed the logistics pact in Aug. 2016. "
    'A spokesman said: "Talks on a second deal continue." '
    "No. 3 Squadron will deploy in March.\n"
    "Officials met again in Manila"
)


@pytest.mark.parametrize(
    ("word", "sentence"),
    [
        ("destroyer", "The U.S. Navy destroyer arrived in Cam Ranh on Monday."),
        (
            "logistics pact",
            "Gen. Carter told reporters that the two sides had signed the logistics pact in "
            "Aug. 2016.",
        ),
        ("second deal", 'A spokesman said: "Talks on a second deal continue."'),
        ("Squadron", "No. 3 Squadron will deploy in March."),
        ("Manila", "Officials met again in Manila"),
    ],
)
def test_sentence_around_a_word(word: str, sentence: str) -> None:
    start = _TEXT.index(word)
    low, high = sentence_bounds(_TEXT, start, start + len(word))
    assert _TEXT[low:high] == sentence


def test_a_whole_sentence_span_is_its_own_sentence() -> None:
    sentence = "No. 3 Squadron will deploy in March."
    start = _TEXT.index(sentence)
    assert sentence_bounds(_TEXT, start, start + len(sentence)) == (start, start + len(sentence))


def test_a_span_over_two_sentences_keeps_both() -> None:
    start = _TEXT.index("Monday")
    end = _TEXT.index("Carter") + len("Carter")
    low, high = sentence_bounds(_TEXT, start, end)
    assert _TEXT[low:high].startswith("The U.S. Navy")
    assert _TEXT[low:high].endswith("Aug. 2016.")


@given(text=st.text(alphabet='ab .!?\nAB"', max_size=80), data=st.data())
def test_bounds_always_hold_the_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    low, high = sentence_bounds(text, start, end)
    assert 0 <= low <= start <= end <= high <= len(text)


def _reference_boundaries(text: str) -> list[tuple[int, int]]:
    """The boundaries as the first version found them (its regexes, unchanged)."""
    from pactwatch.store.sentences import _ABBREVIATIONS

    boundary = re.compile(r"[.!?][\"'”’)\]]*[ \t]+(?=[A-Z0-9\"“‘(])|\n+")
    out = []
    for match in boundary.finditer(text):
        stop = match.start()
        if text[stop] == ".":
            found = re.search(r"(\S+)$", text[max(0, stop - 20) : stop])
            word = found.group(1).lstrip("(\"'“‘") if found else None
            if word is not None and (
                word.lower() in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word)
            ):
                continue
        out.append((stop, match.end()))
    return out


_PIECES = [*'aAbZ .!?\n\t"“(’)\u00a0\u2003', "U.S.", "Gen.", "No.", "A. ", "xxxxxxxxxxxxxxxxxxxx"]


@given(text=st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_boundaries_are_those_of_the_reference(text: str) -> None:
    from pactwatch.store.sentences import SentenceIndex

    index = SentenceIndex(text)
    assert list(zip(index._stops, index._starts, strict=True)) == _reference_boundaries(text)


@pytest.mark.parametrize(
    "text",
    [
        "Seen in A.B.C.D.E.F.G.H.I.J.K. Then more.",  # the word before the stop is cut at 20
        "Seen in A.B.C.D.E.F.G.H.I.J. Then more.",
        "(Gen. Carter left.) “No. 3 came.” He said.\u00a0Gen. Then it ended.",
        ". A. B.\n\nC.",
    ],
)
def test_long_words_and_odd_spaces_match_the_reference(text: str) -> None:
    from pactwatch.store.sentences import SentenceIndex

    index = SentenceIndex(text)
    assert list(zip(index._stops, index._starts, strict=True)) == _reference_boundaries(text)
