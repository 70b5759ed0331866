"""Cut a document's text into pieces at every span boundary, for the highlighted document page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from pactwatch.query.texts import SpanRecord


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text, the spans that cover it, and the spans that start or end with it."""

    text: str
    spans: tuple[SpanRecord, ...]
    starts: tuple[SpanRecord, ...]
    ends: tuple[SpanRecord, ...]

    @property
    def claims(self) -> str:
        """Return the ids of the covering claims, space-separated (for ``data-claims``)."""
        return " ".join(span.claim for span in self.spans)


def cut_text(text: str, spans: Sequence[SpanRecord]) -> list[Piece]:
    """Return ``text`` as pieces whose concatenation is ``text``; spans may overlap."""
    inside = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in inside), *(s.end for s in inside)})
    pieces = []
    for low, high in pairwise(cuts):
        pieces.append(
            Piece(
                text=text[low:high],
                spans=tuple(s for s in inside if s.start <= low and high <= s.end),
                starts=tuple(s for s in inside if s.start == low),
                ends=tuple(s for s in inside if s.end == high),
            )
        )
    return pieces
