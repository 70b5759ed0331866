"""Opaque page cursors: the sort key of the last event of a page, as URL-safe base64 JSON."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from typing import Any

from pactwatch.web.errors import BadParameter


def encode_cursor(cursor: Sequence[str | None] | None) -> str | None:
    """Return ``cursor`` as URL-safe text, or None for no next page."""
    if cursor is None:
        return None
    raw = json.dumps(list(cursor), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(text: str | None, *, size: int = 2) -> Any:
    """Return the tuple of ``size`` texts (the last never None) that ``text`` encodes,
    or None for no cursor; BadParameter when it is not one of ours."""
    if not text:
        return None
    try:
        value = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (binascii.Error, ValueError) as exc:
        raise BadParameter(f"cursor {text!r} is not a cursor this API gave out") from exc
    if (
        not isinstance(value, list)
        or len(value) != size
        or not all(item is None or isinstance(item, str) for item in value)
        or not isinstance(value[-1], str)
    ):
        raise BadParameter(f"cursor {text!r} is not a cursor this API gave out")
    return tuple(value)
