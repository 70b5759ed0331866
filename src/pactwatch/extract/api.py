"""``extract(text, published=None)``: the one entry point of extraction.

Pure and deterministic: the same text and publication date always give the
same events, and nothing is read or written except the bundled data files
(loaded once per process).
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from pactwatch.extract.context import DocumentInfo, SentenceInfo, document_dyad, find_states
from pactwatch.extract.dates import tag_dates
from pactwatch.extract.events import build_events
from pactwatch.extract.lexicon import Lexicon, get_lexicon
from pactwatch.extract.pipeline import paragraphs, sentences_of, tokenize
from pactwatch.records import Event


class _HasSpan(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_Spanned = TypeVar("_Spanned", bound=_HasSpan)


def _data_key(data_dirs: Sequence[str | Path]) -> tuple[str, ...]:
    env = os.environ.get("PACTWATCH_DATA", "")
    extra = [d for d in env.split(os.pathsep) if d]
    return tuple(str(Path(d)) for d in (*data_dirs, *extra))


def load_lexicon(data_dirs: Sequence[str | Path] = ()) -> Lexicon:
    """Return the compiled lexicon for the bundled data plus ``data_dirs`` and PACTWATCH_DATA."""
    return get_lexicon(_data_key(data_dirs))


def analyse(text: str, *, published: str | None = None, lexicon: Lexicon) -> DocumentInfo:
    """Return the sentences of ``text`` with their names, dates and states, and its dyad."""
    dates = tag_dates(text, published=published)
    sentences: list[SentenceInfo] = []
    tokens = tokenize(text)
    mentions, cues = lexicon.find(text, tokens)
    mention_starts = [m.start for m in mentions]
    date_starts = [d.start for d in dates]
    for offset, para in paragraphs(text):
        for sent in sentences_of(text, offset, para, tokens):
            inside = _within(mentions, mention_starts, sent.start, sent.end)
            states = find_states(sent, inside, lexicon)
            in_sentence = _within(dates, date_starts, sent.start, sent.end)
            info = SentenceInfo(sent, len(sentences), inside, in_sentence, states)
            first, last = bisect_left(cues, (sent.start, "")), bisect_left(cues, (sent.end, ""))
            info.cues = frozenset(name for _, name in cues[first:last])
            sentences.append(info)
    return DocumentInfo(text, published, sentences, document_dyad(sentences), lexicon)


def _within(items: list[_Spanned], starts: list[int], start: int, end: int) -> list[_Spanned]:
    """Return the items (sorted by start, whose starts are ``starts``) inside ``start:end``."""
    first, last = bisect_left(starts, start), bisect_left(starts, end)
    return [item for item in items[first:last] if item.end <= end]


def extract(
    text: str, *, published: str | None = None, data_dirs: Sequence[str | Path] = ()
) -> list[Event]:
    """Return the defence-relations events that ``text`` states, each with its evidence span.

    ``published`` is the document's publication date (EDTF); relative dates
    ("last month", "on Tuesday") are resolved against it. ``data_dirs`` adds
    the user's own data files to the bundled ones.
    """
    lexicon = load_lexicon(data_dirs)
    return build_events(analyse(text, published=published, lexicon=lexicon))


def extract_many(
    docs: Iterable[tuple[str, str | None]], *, data_dirs: Sequence[str | Path] = ()
) -> Iterator[list[Event]]:
    """Yield the events of each ``(text, published)`` in ``docs``, in order, as :func:`extract`.

    The pipeline and the data are loaded once, before the first document; a
    batch of documents costs what each document costs alone, nothing more.
    """
    lexicon = load_lexicon(data_dirs)
    for text, published in docs:
        yield build_events(analyse(text, published=published, lexicon=lexicon))
