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
from typing import Final

_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*[ \t]+(?=[A-Z0-9\"“‘(])|\n+")
_ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {
        "adm", "brig", "capt", "cdr", "co", "col", "corp", "dr", "gen", "gov", "inc", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "lt",
        "ltd", "maj", "mr", "mrs", "ms", "no", "nos", "prof", "rep", "sen", "sgt", "st", "vs",
        "rt", "hon", "approx", "est", "fig", "vol", "art",
    }
)  # fmt: skip
_WORD_BEFORE = re.compile(r"(\S+)$")
_WINDOW = 3000


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``(s, e)``: the sentence(s) of ``text`` that hold ``text[start:end]``."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    # Look back a bounded window: a "sentence" longer than that is cut there.
    sent_start = max(0, start - _WINDOW)
    for match in _BOUNDARY.finditer(text, sent_start, min(len(text), start + 1)):
        if match.end() <= start and not _is_abbreviation(text, match.start()):
            sent_start = match.end()
    sent_end = len(text)
    search_from = max(start, end - 1)
    for match in _BOUNDARY.finditer(text, search_from):
        if not _is_abbreviation(text, match.start()):
            sent_end = match.start() + (0 if text[match.start()] == "\n" else 1)
            sent_end = _include_closers(text, sent_end)
            break
    return sent_start, max(sent_end, end)


def _is_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    found = _WORD_BEFORE.search(text, max(0, stop - 20), stop)
    if found is None:
        return False
    word = found.group(1).lstrip("(\"'“‘")
    # "U.S." and "U.K." end in a single capital after a stop; "A." is an initial.
    return word.lower() in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word))


def _include_closers(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in "\"'”’)]":
        pos += 1
    return pos
