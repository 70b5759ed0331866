"""Characters that change nothing on screen but break matching: zero-width and bidi controls.

Extraction runs on the text without them; :func:`map_span` takes a span in
that text back to the stored text, so evidence points at what was read.
"""

from __future__ import annotations

import re

INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
"""Soft hyphen, zero-width space/joiners, word joiner, marks and bidi embeddings/isolates."""


def strip_invisible(text: str) -> tuple[str, list[int] | None]:
    """Return ``text`` without invisible characters, and each kept character's old offset.

    The offsets are None when nothing was removed (the common case costs nothing).
    """
    if not INVISIBLE.search(text):
        return text, None
    offsets = [index for index, char in enumerate(text) if not INVISIBLE.match(char)]
    return "".join(text[index] for index in offsets), offsets


def map_span(span: tuple[int, int], offsets: list[int]) -> tuple[int, int]:
    """Return the span in the original text that covers ``span`` in the stripped one."""
    start, end = span
    if start >= len(offsets):
        last = offsets[-1] + 1 if offsets else 0
        return last, last
    return offsets[start], (offsets[end - 1] + 1 if end > start else offsets[start])
