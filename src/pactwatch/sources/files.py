"""Where inputs come from: files, folders, globs, stdin and ``.gz``; size limits.

:func:`read` walks a folder (recursively, in name order, hidden files skipped,
each real folder visited once so symlink loops end) and reads each file whose
suffix a format claims, or that has none. Every input is loaded under the
``--max-size`` limit (also once decompressed), sniffed, and handed to the
reader of its format; whatever that reader still raises becomes a rejection.
A JSONL file (``.jsonl``/``.ndjson``, gzipped or not) is streamed instead: any
size, one line in memory at a time, each line held to the size limit.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from pactwatch.sources.base import Input, Item, Reader, Rejection, one_line
from pactwatch.sources.deadline import TimeUp, deadline
from pactwatch.sources.jsonl import stream_jsonl
from pactwatch.sources.sniff import SUFFIXES, sniff

_STREAMED = (".jsonl", ".ndjson")
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")

DEFAULT_MAX_SIZE = 20 * 1024 * 1024
"""The largest input read, in bytes (``--max-size``), before and after decompression."""

DEFAULT_TIME_LIMIT = 60.0
"""Seconds one input may take to parse (``--time-limit``); None for no limit."""

READERS: dict[str, Reader] = {}
"""The reader of each format name (and of any suffix registered with its own reader)."""


def register_reader(name: str, reader: Reader) -> None:
    """Hand inputs of format ``name`` (or with suffix ``name``, e.g. ``".shout"``) to ``reader``."""
    READERS[name.lower()] = reader


def read(
    path: Path, *, max_size: int = DEFAULT_MAX_SIZE, time_limit: float | None = DEFAULT_TIME_LIMIT
) -> Iterator[Item]:
    """Yield the documents (and rejections) in ``path``, a file or a folder."""
    files = walk(path) if path.is_dir() else iter([path])
    for child in files:
        yield from read_file(child, max_size=max_size, time_limit=time_limit)


def walk(folder: Path) -> Iterator[Path]:
    """Yield the readable files under ``folder`` in name order, each real folder once."""
    seen: set[tuple[int, int]] = set()

    def visit(current: Path) -> Iterator[Path]:
        try:
            info = current.stat()
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError:
            return
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = Path(entry.path)
            if entry.is_dir():
                yield from visit(child)
            elif entry.is_file() and _wanted(child):
                yield child

    yield from visit(folder)


def read_file(
    path: Path, *, max_size: int = DEFAULT_MAX_SIZE, time_limit: float | None = DEFAULT_TIME_LIMIT
) -> Iterator[Item]:
    """Yield what the file at ``path`` holds, or one rejection saying why nothing."""
    origin = str(path)
    if _streamed(path):
        yield from _stream(path, max_size)
        return
    try:
        if path.stat().st_size > max_size:
            yield Rejection(origin, _too_large(max_size))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(origin, f"cannot be read: {exc.strerror or exc}")
        return
    yield from read_bytes(
        data, origin=origin, name=path.name, max_size=max_size, time_limit=time_limit
    )


def _streamed(path: Path) -> bool:
    """Return True for a JSONL file in UTF-8 (gzipped or not) that has no custom reader."""
    name = path.name.lower()
    suffix = Path(name.removesuffix(".gz")).suffix
    if suffix not in _STREAMED or suffix in READERS:
        return False
    try:
        with _open(path) as stream:
            head = stream.read(4096)
    except (OSError, EOFError, zlib.error):
        return False  # read_bytes says what is wrong with it
    return not head.startswith(_WIDE_BOMS) and b"\x00" not in head  # not UTF-16/32


def _open(path: Path) -> BinaryIO:
    with path.open("rb") as probe:
        gz = probe.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gz else path.open("rb")  # type: ignore[return-value]


def _stream(path: Path, max_size: int) -> Iterator[Item]:
    origin = str(path)
    empty = True
    try:
        with _open(path) as stream:
            for item in stream_jsonl(stream, origin=origin, max_line=max_size):
                empty = False
                yield item
        if empty:
            yield Rejection(origin, "empty")
    except EOFError:
        yield Rejection(origin, "truncated gzip file (it ends before its end marker)")
    except (OSError, zlib.error) as exc:
        yield Rejection(origin, f"cannot be read to the end: {one_line(exc)}")


def count_documents(paths: list[Path]) -> int:
    """Return about how many documents ``paths`` hold: the lines of JSONL files, 1 per other file.

    For a progress bar's total: a JSON list or a feed counts as one, an
    unreadable file as one (it yields one rejection).
    """
    count = 0
    for path in paths:
        for child in walk(path) if path.is_dir() else [path]:
            count += _count_lines(child) if _streamed(child) else 1
    return count


def _count_lines(path: Path) -> int:
    lines = 0
    try:
        with _open(path) as stream:
            while chunk := stream.read(1 << 20):
                lines += chunk.count(b"\n")
                last = chunk
    except (OSError, EOFError, zlib.error):
        return max(lines, 1)
    return lines + (0 if not lines or last.endswith(b"\n") else 1)


def read_stdin(
    stream: BinaryIO,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Iterator[Item]:
    """Yield what is piped in (any format pactwatch reads, ``.gz`` too) as origin ``-``."""
    data = stream.read(max_size + 1)
    if len(data) > max_size:
        yield Rejection("-", _too_large(max_size))
        return
    yield from read_bytes(data, origin="-", name="-", max_size=max_size, time_limit=time_limit)


def read_bytes(
    data: bytes,
    *,
    origin: str,
    name: str,
    max_size: int = DEFAULT_MAX_SIZE,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Iterator[Item]:
    """Yield the documents in ``data``, read from ``origin`` under the file name ``name``."""
    if data.startswith(b"\x1f\x8b"):
        unpacked = _gunzip(data, max_size)
        if isinstance(unpacked, str):
            yield Rejection(origin, unpacked)
            return
        data, name = unpacked, name.removesuffix(".gz").removesuffix(".GZ")
    if not data.strip():
        yield Rejection(origin, "empty")
        return
    raw = Input(origin, data, _suffix(name))
    kind = sniff(raw)
    reader = READERS.get(raw.suffix) or READERS.get(kind)
    if reader is None:
        yield Rejection(origin, kind if kind.startswith("not a document") else f"no {kind} reader")
        return
    yield from _guarded(reader, raw, time_limit)


def _guarded(
    reader: Callable[[Input], Iterator[Item]], raw: Input, time_limit: float | None
) -> Iterator[Item]:
    """Run ``reader`` to the end under ``time_limit``; anything it raises becomes a rejection.

    The items are collected before any is yielded, so the time limit counts
    parsing only, not what the caller does with each document.
    """
    items: list[Item] = []
    try:
        with deadline(time_limit):
            items.extend(reader(raw))
    except TimeUp:
        count = len(items)
        done = f"stopped after {count} item{'s' if count > 1 else ''}: " if count else ""
        items.append(Rejection(raw.origin, f"{done}{_too_slow(time_limit)}"))
    except (MemoryError, RecursionError) as exc:
        why = f"too large or too deeply nested to read ({type(exc).__name__})"
        items.append(Rejection(raw.origin, why))
    except Exception as exc:  # a reader bug or a library surprise must not stop the batch
        items.append(Rejection(raw.origin, f"could not be read: {one_line(exc)}"))
    yield from items


def _too_slow(time_limit: float | None) -> str:
    return f"parsing took longer than the {time_limit:g} s limit (--time-limit)"


def _gunzip(data: bytes, max_size: int) -> bytes | str:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_size + 1)
    except EOFError:
        return "truncated gzip file (it ends before its end marker)"
    except (OSError, zlib.error) as exc:
        return f"damaged gzip file ({one_line(exc)})"
    if len(out) > max_size:
        return _too_large(max_size) + " once decompressed"
    return out


def _too_large(max_size: int) -> str:
    return f"larger than the {_size(max_size)} limit (--max-size)"


def _size(count: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("kB", 1024)):
        if count >= scale and count % (scale // 8) == 0:
            return f"{count / scale:g} {unit}"
    return f"{count} bytes"


def _suffix(name: str) -> str:
    return Path(name).suffix.lower() if name != "-" else ""


def _wanted(path: Path) -> bool:
    name = path.name.lower().removesuffix(".gz")
    suffix = Path(name).suffix
    return not suffix or suffix in SUFFIXES or suffix in READERS
