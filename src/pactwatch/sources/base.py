"""What every source shares: the raw input, the rejection, and building a document.

A *reader* turns one :class:`Input` (the bytes of a file, of stdin or of a
``.gz`` member, with the name they go by) into documents, or into
:class:`Rejection` records that say in one line why not. A reader never raises
for bad input; :func:`pactwatch.sources.files.read_input` turns anything it
still raises into a rejection, so one file never stops a batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pactwatch.documents import make_document
from pactwatch.records import Document
from pactwatch.store.dates import is_edtf

FIELDS = ("url", "title", "source", "published")
"""The metadata a document may carry besides its text."""


@dataclass(frozen=True, slots=True)
class Rejection:
    """A file, line or feed item that is not a document, with a one-line reason."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Input:
    """The raw bytes of one input and the name they go by (a path, ``-``, ``x.gz``)."""

    origin: str
    data: bytes
    suffix: str = ""
    """The lower-case suffix of the name, ``.gz`` removed: a hint, never the last word."""


Item = Document | Rejection
Reader = Callable[[Input], Iterator[Item]]


def make_item(value: Any, origin: str) -> Item:
    """Return a document from a mapping with ``text`` and metadata, or why it is not one."""
    if not isinstance(value, dict):
        return Rejection(origin, "not a JSON object with a `text` field")
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejection(origin, "no text: `text` is missing, empty or not a string")
    bad = [key for key in FIELDS if value.get(key) is not None and not isinstance(value[key], str)]
    if bad:
        return Rejection(origin, f"`{bad[0]}` must be a string or null")
    published = value.get("published")
    if published is not None and not is_edtf(published):
        return Rejection(origin, f"`published` {published!r} is not an EDTF date like 2024-08-29")
    doc = make_document(text, **{key: value.get(key) for key in FIELDS})
    if not doc.text:
        return Rejection(origin, "empty once control characters are removed")
    doc.meta["origin"] = origin
    return doc


def one_line(exc: BaseException) -> str:
    """Return the first line of ``exc``'s message, prefixed by its type when that helps."""
    lines = str(exc).strip().splitlines()
    detail = lines[0].strip()[:200] if lines else ""
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


@contextmanager
def quiet(*loggers: str) -> Iterator[None]:
    """Silence the warnings that parsing libraries log about a bad file (it is rejected instead)."""
    saved = [(logging.getLogger(name), logging.getLogger(name).level) for name in loggers]
    for logger, _ in saved:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in saved:
            logger.setLevel(level)
