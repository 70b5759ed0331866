"""Which format an input is in, from its first bytes; the file name is only a hint.

:func:`sniff` returns a format name that :data:`pactwatch.sources.READERS`
knows, or a :class:`~pactwatch.sources.base.Rejection` reason for bytes that
are no document at all (an image, an archive, an executable).
"""

from __future__ import annotations

import json
import re

from pactwatch.sources.base import Input

MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or Office file)"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office file"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"SQLite format 3\x00", "a SQLite database"),
)
"""Leading bytes of things that are not documents, and what to call them."""

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
"""The format a suffix suggests; content decides where the two disagree."""

_FEED = re.compile(r"<(rss|feed|rdf:rdf)[\s>]")
_HTML = re.compile(r"<(!doctype html|html|head|body|article|div|p|title|meta)[\s>/]")


def sniff(raw: Input) -> str:
    """Return the format of ``raw`` (``text``, ``html``, ``pdf``, ``feed``, ``json``, ``jsonl``).

    Returns ``"not a document: <what>"`` for images, archives and executables.
    """
    data = raw.data
    if b"%PDF-" in data[:1024]:
        return "pdf"
    for magic, what in MAGIC:
        if data.startswith(magic):
            return f"not a document: {what}" + _named(raw)
    head = _head(data)
    if head.startswith("<"):
        feed, html = _FEED.search(head), _HTML.search(head)
        if feed and (not html or feed.start() < html.start()):
            return "feed"
        if html or SUFFIXES.get(raw.suffix) == "html":
            return "html"
        if head.startswith("<?xml"):
            return "feed"
    if head.startswith(("{", "[")):
        return _json_kind(raw, data)
    hinted = SUFFIXES.get(raw.suffix, "text")
    return hinted if hinted in ("text", "jsonl") else "text"


def _named(raw: Input) -> str:
    return f" named {raw.suffix}" if raw.suffix else ""


def _head(data: bytes) -> str:
    chunk = data[:4096]
    if chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = chunk.decode("utf-16", errors="ignore")
    elif chunk[1:2] == b"\x00" or chunk[0:1] == b"\x00":
        text = chunk.replace(b"\x00", b"").decode("latin-1")
    else:
        text = chunk.decode("utf-8", errors="ignore")
    return text.lstrip("\ufeff \t\r\n").lower()


def _json_kind(raw: Input, data: bytes) -> str:
    if raw.suffix in (".jsonl", ".ndjson", ".json"):
        return SUFFIXES[raw.suffix]
    lines = [line for line in data[:65536].splitlines() if line.strip()]
    if len(lines) < 2:
        return "json"
    try:
        return "jsonl" if isinstance(json.loads(lines[0]), dict) else "json"
    except ValueError:
        return "json"
