"""Readers: turn a path into documents, or into rejections that say why not.

A reader is any ``Callable[[Path], Iterator[Document | Rejection]]``; one is
registered per file suffix in :data:`READERS` (:func:`register_reader` adds
one, e.g. for HTML or PDF). :func:`read` walks folders (recursively, in name
order, skipping hidden files and suffixes no reader takes) and hands each file
to its reader. A reader never raises for bad input: it yields a
:class:`Rejection` and goes on with the next line or file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import yaml

from pactwatch.documents import make_document
from pactwatch.records import Document
from pactwatch.store.dates import is_edtf


@dataclass(frozen=True, slots=True)
class Rejection:
    """A file or line that is not a document, with a one-line reason."""

    source: str
    reason: str


Item = Document | Rejection
Reader = Callable[[Path], Iterator[Item]]
_FIELDS = ("url", "title", "source", "published")


def read(path: Path) -> Iterator[Item]:
    """Yield the documents (and rejections) in ``path``, a file or a folder."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
            if child.is_file() and not hidden and child.suffix.lower() in READERS:
                yield from READERS[child.suffix.lower()](child)
        return
    reader = READERS.get(path.suffix.lower(), read_text if not path.suffix else None)
    if reader is None:
        known = ", ".join(sorted(READERS))
        yield Rejection(str(path), f"no reader for {path.suffix} files (pactwatch reads {known})")
        return
    yield from reader(path)


def read_text(path: Path) -> Iterator[Item]:
    """Yield the plain-text (or Markdown) file at ``path`` as one document.

    YAML front matter between ``---`` lines may give ``title``, ``url``,
    ``source`` and ``published``; otherwise the first line is the title.
    """
    text = _read(path)
    if isinstance(text, Rejection):
        yield text
        return
    yield from read_text_stream(text, origin=str(path))


def read_text_stream(text: str, *, origin: str) -> Iterator[Item]:
    """Yield ``text`` (from ``origin``, a path or ``-``) as one document."""
    meta, body = _front_matter(text)
    if isinstance(meta, str):
        yield Rejection(origin, meta)
        return
    if "title" not in meta:
        first = body.strip().split("\n", 1)[0].strip().lstrip("# ")
        meta["title"] = first if 0 < len(first) <= 200 else None
    yield _document(meta | {"text": body}, origin)


def read_jsonl(path: Path) -> Iterator[Item]:
    """Yield one document per line of ``path``: a JSON object with ``text`` and metadata."""
    text = _read(path)
    if isinstance(text, Rejection):
        yield text
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _from_json(line, f"{path}:{number}")


def read_json(path: Path) -> Iterator[Item]:
    """Yield the JSON object in ``path`` (or each object of a JSON list) as a document.

    Only ``text`` and the metadata fields are read: a gold file's ``events``
    are never taken as answers.
    """
    text = _read(path)
    if isinstance(text, Rejection):
        yield text
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Rejection(str(path), f"not JSON: {exc.msg} at line {exc.lineno}")
        return
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items):
        origin = str(path) if len(items) == 1 else f"{path}[{index}]"
        yield _document(item, origin)


def read_stdin(stream: TextIO) -> Iterator[Item]:
    """Yield what is piped in as one plain-text document."""
    yield from read_text_stream(stream.read(), origin="-")


def register_reader(suffix: str, reader: Reader) -> None:
    """Make :func:`read` hand files ending in ``suffix`` (e.g. ``".html"``) to ``reader``."""
    READERS[suffix.lower()] = reader


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
}
"""The reader for each file suffix."""


def _read(path: Path) -> str | Rejection:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejection(str(path), f"not UTF-8 text (byte {exc.start} cannot be decoded)")
    except OSError as exc:
        return Rejection(str(path), f"cannot be read: {exc.strerror or exc}")


def _from_json(line: str, origin: str) -> Item:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejection(origin, f"not JSON: {exc.msg} at column {exc.colno}")
    return _document(value, origin)


def _document(value: Any, origin: str) -> Item:
    if not isinstance(value, dict):
        return Rejection(origin, "not a JSON object with a `text` field")
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejection(origin, "no text: `text` is missing, empty or not a string")
    bad = [key for key in _FIELDS if value.get(key) is not None and not isinstance(value[key], str)]
    if bad:
        return Rejection(origin, f"`{bad[0]}` must be a string or null")
    published = value.get("published")
    if published is not None and not is_edtf(published):
        return Rejection(origin, f"`published` {published!r} is not an EDTF date like 2024-08-29")
    fields = {key: value.get(key) for key in _FIELDS}
    doc = make_document(text, **fields)
    doc.meta["origin"] = origin
    return doc


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
    found = {key: _as_text(meta[key]) for key in _FIELDS if meta.get(key) is not None}
    return found, body


def _as_text(value: Any) -> str:
    # YAML reads 2024-08-29 as a date; the store wants the EDTF text.
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
