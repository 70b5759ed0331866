"""JSONL (one object per line) and JSON (one object or a list of them).

Only ``text`` and the metadata fields are read: a gold file's ``events`` are
never taken as answers. A bad line is rejected with its line number and the
rest of the file is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from pactwatch.sources.base import Input, Item, Rejection, make_item
from pactwatch.sources.text import decode_or_reject


def read_jsonl(raw: Input) -> Iterator[Item]:
    """Yield one document (or rejection) per non-blank line of ``raw``."""
    text = decode_or_reject(raw)
    if isinstance(text, Rejection):
        yield text
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _from_line(line, f"{raw.origin}:{number}")


def read_json(raw: Input) -> Iterator[Item]:
    """Yield the JSON object in ``raw`` (or each object of a JSON list) as a document."""
    text = decode_or_reject(raw)
    if isinstance(text, Rejection):
        yield text
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Rejection(raw.origin, f"not JSON: {exc.msg} (line {exc.lineno})")
        return
    except RecursionError:
        yield Rejection(raw.origin, "not JSON pactwatch can read: nested too deeply")
        return
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items):
        origin = raw.origin if len(items) == 1 else f"{raw.origin}[{index}]"
        yield make_item(item, origin)


def _from_line(line: str, origin: str) -> Item:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejection(origin, f"not JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return Rejection(origin, "not JSON pactwatch can read: nested too deeply")
    return make_item(value, origin)
