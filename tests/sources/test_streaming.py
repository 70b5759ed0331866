"""JSONL streams: any size, one line in memory at a time, each line held to the size limit."""

from __future__ import annotations

import gzip
import io
import json
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.records import Document
from pactwatch.sources import Input, Rejection, count_documents, read, read_jsonl
from pactwatch.sources.jsonl import stream_jsonl

REPORT = "The Indian Navy's INS Vikrant made a port call at Yokosuka on {n} March 2024."


def _line(n: int, pad: int = 0) -> str:
    return json.dumps({"text": REPORT.format(n=n % 28 + 1) + " x" * pad + f" No. {n}."})


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gz"])
def test_a_jsonl_file_over_the_size_limit_is_read_line_by_line(tmp_path: Path, gz: bool) -> None:
    lines = [_line(n) for n in range(40)]
    lines[7] = _line(7, pad=400)  # one line over the limit
    data = ("\n".join(lines) + "\n").encode()
    path = tmp_path / ("big.jsonl.gz" if gz else "big.jsonl")
    path.write_bytes(gzip.compress(data) if gz else data)
    assert len(data) > 600
    items = list(read(path, max_size=600))
    assert [type(i).__name__ for i in items] == ["Document"] * 7 + ["Rejection"] + ["Document"] * 32
    assert items[7] == Rejection(f"{path}:8", "line longer than the 600 bytes limit (--max-size)")
    assert items[8].meta["origin"] == f"{path}:9"  # type: ignore[union-attr]
    assert items[39].text.endswith("No. 39.")  # type: ignore[union-attr]


class CountingStream(io.BytesIO):
    """A stream that counts the bytes handed out."""

    handed = 0

    def readline(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        line = super().readline(size)
        self.handed += len(line)
        return line


def test_the_first_documents_come_before_the_rest_of_the_stream_is_read() -> None:
    data = "".join(_line(n) + "\n" for n in range(5000)).encode()
    stream = CountingStream(data)
    first = list(islice(stream_jsonl(stream, origin="feed", max_line=10_000), 3))
    assert [doc.meta["origin"] for doc in first] == ["feed:1", "feed:2", "feed:3"]  # type: ignore[union-attr]
    assert stream.handed < 1000 < len(data)


RECORDS = st.lists(
    st.fixed_dictionaries(
        {"text": st.text(min_size=0, max_size=40)},
        optional={"title": st.one_of(st.none(), st.text(max_size=10)), "url": st.integers()},
    ),
    min_size=1,
    max_size=8,
)


@given(RECORDS, st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_streaming_reads_what_the_whole_file_reader_reads(
    records: list[dict[str, object]], newline: str, bom: bool
) -> None:
    text = newline.join(json.dumps(r) for r in records) + newline
    data = ("\ufeff" if bom else "").encode() + text.encode()
    whole = list(read_jsonl(Input("f.jsonl", data, ".jsonl")))
    streamed = list(stream_jsonl(io.BytesIO(data), origin="f.jsonl", max_line=1 << 20))
    assert streamed == whole


@pytest.mark.parametrize("data", [b"", b"\n\n  \n"])
def test_an_empty_jsonl_file_is_rejected_as_empty(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "none.jsonl"
    path.write_bytes(data)
    assert list(read(path)) == [Rejection(str(path), "empty")]


def test_a_line_that_is_not_utf8_is_decoded_alone() -> None:
    good = json.dumps({"text": "Les ministres ont signé un accord."}, ensure_ascii=False)
    data = b"\n".join([good.encode("utf-8"), good.encode("cp1252")]) + b"\n"
    items = list(stream_jsonl(io.BytesIO(data), origin="f", max_line=1000))
    assert all(isinstance(item, Document) for item in items)
    assert items[0].text == items[1].text  # type: ignore[union-attr]


def test_documents_are_counted_for_the_progress_bar(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("\n".join(_line(n) for n in range(5)))  # no final newline
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(f"{_line(1)}\n{_line(2)}\n".encode()))
    (tmp_path / "c.txt").write_text(REPORT)
    assert count_documents([tmp_path]) == 8
    assert count_documents([tmp_path / "a.jsonl"]) == 5
