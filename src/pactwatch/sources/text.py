"""Plain text and Markdown: one document per file, YAML front matter for metadata."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

import yaml

from pactwatch.sources.base import FIELDS, Input, Item, Rejection, make_item
from pactwatch.sources.decode import decode_text

_MAX_CONTROL_SHARE = 0.05


def read_text(raw: Input) -> Iterator[Item]:
    """Yield the plain-text or Markdown input as one document.

    YAML front matter between ``---`` lines may give ``title``, ``url``,
    ``source`` and ``published``; otherwise the first line is the title.
    """
    text = decode_or_reject(raw)
    if isinstance(text, Rejection):
        yield text
        return
    yield from read_text_string(text, origin=raw.origin)


def read_text_string(text: str, *, origin: str) -> Iterator[Item]:
    """Yield ``text`` (from ``origin``, a path or ``-``) as one document."""
    meta, body = _front_matter(text.replace("\r\n", "\n"))
    if isinstance(meta, str):
        yield Rejection(origin, meta)
        return
    if "title" not in meta:
        first = body.strip().split("\n", 1)[0].strip().lstrip("# ")
        meta["title"] = first if 0 < len(first) <= 200 else None
    yield make_item(meta | {"text": body}, origin)


def decode_or_reject(raw: Input) -> str | Rejection:
    """Return the text of ``raw``, or a rejection when it is not text or is empty."""
    text, how = decode_text(raw.data)
    if text is None:
        return Rejection(raw.origin, how)
    if not text.strip():
        return Rejection(raw.origin, "empty")
    controls = sum(1 for char in text[:65536] if _is_stray_control(char))
    if controls > _MAX_CONTROL_SHARE * min(len(text), 65536):
        return Rejection(raw.origin, "binary data, not text (too many control characters)")
    return text


def _is_stray_control(char: str) -> bool:
    return char not in "\n\r\t\f" and unicodedata.category(char) == "Cc"


def _front_matter(text: str) -> tuple[dict[str, Any] | str, str]:
    """Return (metadata, body), or (reason, text) when the front matter is bad."""
    if not text.startswith("---\n"):
        return {}, text
    head, sep, body = text[4:].partition("\n---\n")
    if not sep:
        return {}, text
    try:
        meta = yaml.safe_load(head)
    except yaml.YAMLError as exc:
        return f"front matter is not YAML ({type(exc).__name__})", text
    if not isinstance(meta, dict):
        return "front matter is not a YAML mapping", text
    found = {key: _as_text(meta[key]) for key in FIELDS if meta.get(key) is not None}
    return found, body


def _as_text(value: Any) -> str:
    # YAML reads 2024-08-29 as a date; the store wants the EDTF text.
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
