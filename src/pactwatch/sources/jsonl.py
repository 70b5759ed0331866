"""JSONL (one object per line) and JSON (one object or a list of them).

Only ``text`` and the metadata fields are read: a gold file's ``events`` are
never taken as answers. A bad line is rejected with its line number and the
rest of the file is read. :func:`stream_jsonl` reads a JSONL stream of any
length one line at a time, so a file of a million articles never sits in
memory whole; only a single line is held to the ``--max-size`` limit.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import BinaryIO

from pactwatch.sources.base import Input, Item, Rejection, make_item
from pactwatch.sources.decode import decode_text
from pactwatch.sources.text import decode_or_reject

_SKIP = 1 << 20
"""Bytes read at a time while skipping the rest of an over-long line."""


def read_jsonl(raw: Input) -> Iterator[Item]:
    """Yield one document (or rejection) per non-blank line of ``raw``."""
    text = decode_or_reject(raw)
    if isinstance(text, Rejection):
        yield text
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _from_line(line, f"{raw.origin}:{number}")


def stream_jsonl(stream: BinaryIO, *, origin: str, max_line: int) -> Iterator[Item]:
    """Yield one document (or rejection) per non-blank line of ``stream``, reading as it goes.

    The stream must be UTF-8 (a byte-order mark is allowed); a line that is not
    is decoded as :func:`~pactwatch.sources.decode.decode_text` would, and a
    line longer than ``max_line`` bytes is rejected and skipped.
    """
    number = 0
    while line := stream.readline(max_line + 1):
        number += 1
        where = f"{origin}:{number}"
        if len(line) > max_line and not line.endswith(b"\n"):
            _skip_line(stream)
            yield Rejection(where, f"line longer than the {max_line} bytes limit (--max-size)")
            continue
        line = line.rstrip(b"\r\n")
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            decoded, reason = decode_text(line)
            if decoded is None:
                yield Rejection(where, reason)
                continue
            text = decoded
        yield _from_line(text, where)


def _skip_line(stream: BinaryIO) -> None:
    while (chunk := stream.readline(_SKIP)) and not chunk.endswith(b"\n"):
        pass


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
