"""``extract(text, published=None)``: the one entry point of extraction.

Pure and deterministic: the same text and publication date always give the
same events, and nothing is read or written except the bundled data files
(loaded once per process).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pactwatch.extract.context import DocumentInfo, SentenceInfo, document_dyad, find_states
from pactwatch.extract.dates import tag_dates
from pactwatch.extract.events import build_events
from pactwatch.extract.lexicon import Lexicon, get_lexicon
from pactwatch.extract.pipeline import split_sentences
from pactwatch.records import Event


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
    for index, sent in enumerate(split_sentences(text)):
        mentions = lexicon.find(sent)
        in_sentence = [d for d in dates if sent.start <= d.start and d.end <= sent.end]
        states = find_states(sent, mentions, lexicon)
        sentences.append(SentenceInfo(sent, index, mentions, in_sentence, states))
    return DocumentInfo(text, published, sentences, document_dyad(sentences), lexicon)


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
