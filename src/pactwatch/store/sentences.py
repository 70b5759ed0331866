"""Find the sentence around a span, so that every claim can show its whole sentence.

Extraction gives the evidence span; when that is shorter than its sentence,
the store widens it to the sentence boundaries for display and search. A
boundary is a line break, or ``.``/``!``/``?`` (with any closing quote or
bracket) followed by a space and an upper-case letter, a digit or an opening
quote — unless the word before the stop is an abbreviation such as ``U.S.``,
``Gen.`` or ``No.``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Final

# Starting with one character class lets the regex engine skip ahead to the next
# stop or line break instead of trying every position.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)\n*|(?<=[.!?])[\"'”’)\]]*[ \t]+(?=[A-Z0-9\"“‘(]))")
_ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {
        "adm", "brig", "capt", "cdr", "co", "col", "corp", "dr", "gen", "gov", "inc", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "lt",
        "ltd", "maj", "mr", "mrs", "ms", "no", "nos", "prof", "rep", "sen", "sgt", "st", "vs",
        "rt", "hon", "approx", "est", "fig", "vol", "art",
    }
)  # fmt: skip
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_WINDOW = 20  # how far back from a stop the word before it is looked for
_OPENERS = "(\"'“‘"


class SentenceIndex:
    """The sentence boundaries of one text, found once, for many spans."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] = []
        self._stops: list[int] = []
        self._ends: list[int] = []
        for match in _BOUNDARY.finditer(text):
            stop = match.start()
            if text[stop] == "." and _is_abbreviation(text, stop):
                continue
            self._starts.append(match.end())
            self._stops.append(stop)
            self._ends.append(_sentence_end(text, stop))

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """Return ``(s, e)``: the sentence(s) of the text that hold ``text[start:end]``."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        before = bisect_right(self._starts, start) - 1
        sent_start = self._starts[before] if before >= 0 else 0
        after = bisect_left(self._stops, max(start, end - 1))
        sent_end = self._ends[after] if after < len(self._ends) else len(self.text)
        return sent_start, max(sent_end, end)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``(s, e)``: the sentence(s) of ``text`` that hold ``text[start:end]``."""
    return SentenceIndex(text).bounds(start, end)


def _sentence_end(text: str, stop: int) -> int:
    return stop if text[stop] == "\n" else _include_closers(text, stop + 1)


def _is_abbreviation(text: str, stop: int) -> bool:
    """Return True when the stop at ``stop`` ends an abbreviation: the run of non-space
    characters just before it (at most ``_WINDOW`` of them), opening quotes aside."""
    low = max(0, stop - _WINDOW)
    start = stop
    while start > low and not text[start - 1].isspace():
        start -= 1
    if start == stop:
        return False
    word = text[start:stop].lstrip(_OPENERS)
    # "U.S." and "U.K." end in a single capital after a stop; "A." is an initial.
    return word.lower() in _ABBREVIATIONS or _INITIALS.fullmatch(word) is not None


def _include_closers(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in "\"'”’)]":
        pos += 1
    return pos
