"""Opaque page cursors: the (date, id) of the last event of a page, as URL-safe base64 JSON."""

from __future__ import annotations

import base64
import binascii
import json

from pactwatch.query.pages import Cursor
from pactwatch.web.errors import BadParameter


def encode_cursor(cursor: Cursor | None) -> str | None:
    """Return ``cursor`` as URL-safe text, or None for no next page."""
    if cursor is None:
        return None
    raw = json.dumps(list(cursor), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(text: str | None) -> Cursor | None:
    """Return the cursor ``text`` encodes; BadParameter when it is not one of ours."""
    if not text:
        return None
    try:
        value = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (binascii.Error, ValueError) as exc:
        raise BadParameter(f"cursor {text!r} is not a cursor this API gave out") from exc
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not (value[0] is None or isinstance(value[0], str))
        or not isinstance(value[1], str)
    ):
        raise BadParameter(f"cursor {text!r} is not a cursor this API gave out")
    return value[0], value[1]
