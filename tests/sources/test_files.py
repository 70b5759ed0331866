"""Inputs: .gz, stdin, symlink loops, the size limit and sniffing over suffixes."""

from __future__ import annotations

import gzip
import io
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pactwatch.records import Document
from pactwatch.sources import (
    READERS,
    Input,
    Item,
    Rejection,
    read,
    read_stdin,
    read_text,
    register_reader,
    sniff,
)

ARTICLE = "Vietnam and the United States agreed to expand maritime security cooperation."


def test_a_gz_file_is_read_as_what_it_holds(tmp_path: Path) -> None:
    line = json.dumps({"text": ARTICLE, "published": "2023-09-10"})
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(gzip.compress(f"{line}\n{line.replace('expand', 'widen')}\n".encode()))
    items = list(read(path))
    assert [type(i).__name__ for i in items] == ["Document", "Document"]
    assert items[0].meta["origin"] == f"{path}:1"  # type: ignore[union-attr]


def test_a_truncated_gz_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode() * 20)[:30])
    assert list(read(path)) == [
        Rejection(str(path), "truncated gzip file (it ends before its end marker)")
    ]


def test_stdin_takes_any_format_and_gz() -> None:
    (doc,) = list(read_stdin(io.BytesIO(gzip.compress(ARTICLE.encode()))))
    assert isinstance(doc, Document) and doc.text == ARTICLE and doc.meta["origin"] == "-"


@pytest.mark.parametrize("size", [64, 1000])
def test_inputs_over_the_size_limit_are_rejected(tmp_path: Path, size: int) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * size)
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 4096))
    got = {
        item.source if isinstance(item, Rejection) else item.meta["origin"]: item
        for item in read(tmp_path, max_size=1000)
    }
    if size * 5 > 1000:
        assert got[str(big)] == Rejection(str(big), "larger than the 1000 bytes limit (--max-size)")
    else:
        assert isinstance(got[str(big)], Document)
    assert got[str(bomb)] == Rejection(
        str(bomb), "larger than the 1000 bytes limit (--max-size) once decompressed"
    )
    (over,) = list(read_stdin(io.BytesIO(b"x" * 3 * 1024 * 1024), max_size=2 * 1024 * 1024))
    assert over == Rejection("-", "larger than the 2 MB limit (--max-size)")


def test_a_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "one.txt").write_text(ARTICLE)
    (tmp_path / "news" / "again").symlink_to(tmp_path, target_is_directory=True)
    docs = [item for item in read(tmp_path) if isinstance(item, Document)]
    assert [d.meta["origin"] for d in docs] == [str(tmp_path / "news" / "one.txt")]


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("page.txt", b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("scan.txt", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj", "pdf"),
        ("feed.html", b'<?xml version="1.0"?><rss version="2.0"><channel>', "feed"),
        ("atom", b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>', "feed"),
        ("lines.txt", b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        ("one.txt", b'{"text": "a"}', "json"),
        ("notes.html", b"Plain words about a port call.", "text"),
        (
            "archive.txt",
            b"PK\x03\x04\x14\x00",
            "not a document: a ZIP archive (or Office file) named .txt",
        ),
    ],
)
def test_content_decides_the_format(name: str, data: bytes, kind: str) -> None:
    assert sniff(Input(name, data, Path(name).suffix)) == kind


def test_a_reader_over_the_time_limit_is_stopped_and_rejected(tmp_path: Path) -> None:
    def read_slowly(raw: Input) -> Iterator[Item]:
        yield from read_text(raw)
        time.sleep(30)

    register_reader(".slow", read_slowly)
    path = tmp_path / "stuck.slow"
    path.write_text(ARTICLE)
    try:
        started = time.perf_counter()
        first, second = list(read(path, time_limit=0.3))
        assert time.perf_counter() - started < 10
    finally:
        del READERS[".slow"]
    assert isinstance(first, Document) and first.text == ARTICLE
    assert second == Rejection(
        str(path), "stopped after 1 item: parsing took longer than the 0.3 s limit (--time-limit)"
    )
