"""RSS and Atom feeds with ``feedparser``, parsed safely: one document per item.

The XML is first parsed with ``defusedxml``, which refuses any entity
declaration (the "billion laughs" expansion and external entities that read
local files or the network); only a feed that passes goes to ``feedparser``.
A feed too broken for an XML parser is read by feedparser's loose parser
only when it declares no entity at all.

Each item becomes a document with its link, title and date, and its full
content where present, else its summary (HTML in either reduced to text).
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator
from typing import Any

from pactwatch.sources.base import Input, Item, Rejection, make_item, one_line

_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_BLOCK_END = re.compile(r"(?i)</(p|div|h[1-6]|li|blockquote)>|<br\s*/?>")


def read_feed(raw: Input) -> Iterator[Item]:
    """Yield one document (or rejection) per item of the feed in ``raw``."""
    refused = refuse_unsafe_xml(raw.data)
    if refused:
        yield Rejection(raw.origin, refused)
        return
    import feedparser

    parsed = feedparser.parse(raw.data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        why = parsed.get("bozo_exception")
        yield Rejection(raw.origin, f"not a feed ({one_line(why)})" if why else "feed has no items")
        return
    source = parsed.feed.get("title")
    for index, entry in enumerate(parsed.entries):
        origin = f"{raw.origin}[{index}]"
        try:
            yield _item(entry, origin, source)
        except Exception as exc:  # one odd item must not cost the feed's others
            yield Rejection(origin, f"feed item could not be read: {one_line(exc)}")


def refuse_unsafe_xml(data: bytes) -> str | None:
    """Return why ``data`` may not be parsed (entity declarations), or None when it is safe."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as exc:
        if exc.sysid or exc.pubid:
            return "XML external entity refused"
        return "XML entity expansion refused"
    except ExternalReferenceForbidden:
        return "XML external entity refused"
    except DTDForbidden:
        return "XML document type declaration refused"
    except ParseError:
        if _ENTITY.search(data):
            return "XML entity declaration refused (in XML that is not well-formed)"
    return None


def _item(entry: Any, origin: str, source: str | None) -> Item:
    contents = entry.get("content") or []
    body = contents[0].get("value") if contents else entry.get("summary")
    if not body or not str(body).strip():
        return Rejection(origin, "feed item has neither content nor summary")
    value = {
        "text": html_to_text(str(body)),
        "url": entry.get("link"),
        "title": entry.get("title"),
        "source": source,
        "published": _date(entry),
    }
    return make_item(value, origin)


def html_to_text(fragment: str) -> str:
    """Return the text of an HTML fragment, a paragraph per block; plain text as it is."""
    if "<" not in fragment:
        return html.unescape(fragment)
    import lxml.html

    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n\n", fragment)
    root = lxml.html.fragment_fromstring(marked, create_parent="div")
    paragraphs = (" ".join(part.split()) for part in root.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        stamp = entry.get(key)
        if isinstance(stamp, time.struct_time):
            return time.strftime("%Y-%m-%d", stamp)
    return None
