"""Normalise document text and derive its content-hash id.

The id is the SHA-256 of the normalised text, so the same article ingested
twice (with a different line ending, trailing spaces or a BOM) is the same
document.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pactwatch.records import Document

_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters other than tab and newline (``\\r`` is a line end by then)."""


def normalise_text(text: str) -> str:
    """Return ``text`` in NFC with ``\\n`` line ends, no BOM, control characters or trailing blanks.

    Zero-width and bidi-control characters stay (the stored text is what was
    read); :func:`pactwatch.documents.invisible.strip_invisible` takes them out
    for matching.
    """
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def document_id(text: str) -> str:
    """Return the SHA-256 hex digest of the normalised ``text``."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def make_document(
    text: str,
    *,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
    published: str | None = None,
) -> Document:
    """Return a :class:`Document` with normalised text and its content-hash id."""
    clean = normalise_text(text)
    return Document(
        id=hashlib.sha256(clean.encode("utf-8")).hexdigest(),
        text=clean,
        url=url,
        title=title,
        source=source,
        published=published,
    )
