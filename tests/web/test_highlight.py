"""Cutting a document's text at span boundaries for the highlighted document page."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pactwatch.query.texts import SpanRecord
from pactwatch.web.highlight import cut_text


def _span(claim: str, start: int, end: int) -> SpanRecord:
    return SpanRecord(claim, "e" + claim, "exercise", "held", "Varuna", None, start, end, None)


@st.composite
def texts_and_spans(draw: st.DrawFn) -> tuple[str, list[SpanRecord]]:
    text = draw(st.text(min_size=0, max_size=60))
    bounds = st.integers(min_value=-2, max_value=len(text) + 2)
    pairs = draw(st.lists(st.tuples(bounds, bounds), max_size=6))
    return text, [_span(str(i), a, b) for i, (a, b) in enumerate(pairs)]


@given(texts_and_spans())
def test_pieces_put_back_together_give_the_text(case: tuple[str, list[SpanRecord]]) -> None:
    text, spans = case
    pieces = cut_text(text, spans)
    assert "".join(piece.text for piece in pieces) == text
    offset = 0
    for piece in pieces:
        end = offset + len(piece.text)
        for span in piece.spans:
            assert span.start <= offset and end <= span.end
        offset = end


@given(texts_and_spans())
def test_each_valid_span_is_the_run_of_its_pieces(case: tuple[str, list[SpanRecord]]) -> None:
    text, spans = case
    pieces = cut_text(text, spans)
    for span in spans:
        if not 0 <= span.start < span.end <= len(text):
            assert all(span not in piece.spans for piece in pieces)
            continue
        covered = "".join(piece.text for piece in pieces if span in piece.spans)
        assert covered == text[span.start : span.end]
        assert sum(span in piece.starts for piece in pieces) == 1
        assert sum(span in piece.ends for piece in pieces) == 1


def test_overlapping_spans_share_the_middle_piece() -> None:
    text = "The two navies drilled off Goa."
    first, second = _span("a", 4, 20), _span("b", 15, 31)
    pieces = cut_text(text, [first, second])
    assert [p.text for p in pieces] == ["The ", "two navies ", "drill", "ed off Goa."]
    assert [p.claims for p in pieces] == ["", "a", "a b", "b"]
