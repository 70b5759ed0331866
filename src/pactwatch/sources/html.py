"""HTML pages with ``trafilatura``: the main text without boilerplate, and its metadata.

The title, publication date, canonical URL and site name go into the
document row (site name as ``source``). A page nested deeper than
:data:`MAX_DEPTH` elements is rejected before any tree is built: counting
tags is linear and takes no memory, whereas building a tree that deep does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pactwatch.sources.base import Input, Item, Rejection, make_item, quiet
from pactwatch.sources.text import decode_or_reject
from pactwatch.store.dates import is_edtf

MAX_DEPTH = 1000
"""The deepest element nesting read; real pages stay under a hundred."""

_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*+)([^<>]*+)>")
"""A start or end tag; possessive, so no input makes the search backtrack (it stays linear)."""
_NOT_NESTING = frozenset(
    b"area base br col embed hr img input link meta source track wbr "
    b"p li dt dd tr td th option".split()
)
"""Void elements and those browsers close by themselves: they add no depth."""


def read_html(raw: Input) -> Iterator[Item]:
    """Yield the page in ``raw`` as one document, or why it cannot be one."""
    if _depth_exceeds(raw.data, MAX_DEPTH):
        yield Rejection(raw.origin, f"HTML nested deeper than {MAX_DEPTH:,} elements")
        return
    text = decode_or_reject(raw)
    if isinstance(text, Rejection):
        yield text
        return
    yield html_document(text, raw.origin)


def html_document(html: str, origin: str) -> Item:
    """Return the main text and metadata of ``html`` as a document."""
    import trafilatura

    with quiet("trafilatura", "htmldate", "courlan"):
        found = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True
        )
    page = {} if found is None else found if isinstance(found, dict) else found.as_dict()
    text = page.get("text") or ""
    if not text.strip():
        return Rejection(origin, "no main text found in the HTML page")
    date = page.get("date")
    meta = {
        "url": page.get("url"),
        "title": page.get("title"),
        "source": page.get("sitename"),
        "published": date if isinstance(date, str) and is_edtf(date) else None,
    }
    return make_item({"text": text, **{k: v for k, v in meta.items() if v}}, origin)


def _depth_exceeds(data: bytes, limit: int) -> bool:
    depth = 0
    for match in _TAG.finditer(data):
        closing, name, attributes = match.groups()
        if attributes.endswith(b"/") or name.lower() in _NOT_NESTING:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > limit:
            return True
    return False
