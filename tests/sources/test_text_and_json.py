"""Text, Markdown with front matter, JSONL, JSON and folders; bad input rejected."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from pactwatch.documents import document_id
from pactwatch.errors import SourceError
from pactwatch.ingest.run import expand_paths, read_all
from pactwatch.records import Document
from pactwatch.sources import READERS, Input, Item, Rejection, read, read_stdin, register_reader

ARTICLE = (
    "Seoul hosts allied defence chiefs\n\n"
    "South Korea and the United States held their annual security meeting in Seoul on "
    "13 November 2023."
)


def _docs(items: list[Item]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def test_a_text_file_is_one_document_titled_by_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "scm.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = list(read(path))
    assert isinstance(doc, Document)
    assert doc.id == document_id(ARTICLE)
    assert doc.title == "Seoul hosts allied defence chiefs"
    assert doc.meta["origin"] == str(path)


def test_markdown_front_matter_gives_the_metadata(tmp_path: Path) -> None:
    path = tmp_path / "scm.md"
    path.write_text(
        "---\ntitle: Allies meet in Seoul\npublished: 2023-11-13\nurl: https://x.example/a\n"
        "source: Example Wire\nparties: [KR, US]\n---\n" + ARTICLE,
        encoding="utf-8",
    )
    (doc,) = list(read(path))
    assert isinstance(doc, Document)
    assert (doc.title, doc.published, doc.url, doc.source) == (
        "Allies meet in Seoul",
        "2023-11-13",
        "https://x.example/a",
        "Example Wire",
    )
    assert doc.text == ARTICLE


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not JSON: Expecting property name enclosed in double quotes (column 2)"),
        ("[1, 2]", "not a JSON object with a `text` field"),
        ('{"title": "no text"}', "no text: `text` is missing, empty or not a string"),
        ('{"text": "   "}', "no text: `text` is missing, empty or not a string"),
        ('{"text": 42}', "no text: `text` is missing, empty or not a string"),
        ('{"text": "Talks.", "url": 7}', "`url` must be a string or null"),
        (
            '{"text": "Talks.", "published": "last Tuesday"}',
            "`published` 'last Tuesday' is not an EDTF date like 2024-08-29",
        ),
    ],
)
def test_a_bad_jsonl_line_is_rejected_and_the_rest_read(
    tmp_path: Path, line: str, reason: str
) -> None:
    path = tmp_path / "feed.jsonl"
    good = {"text": "Poland signed for K2 tanks.", "published": "2022-07-27", "title": "K2"}
    path.write_text(f"{json.dumps(good)}\n{line}\n\n{json.dumps(good | {'text': 'More.'})}\n")
    items = list(read(path))
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    assert items[1] == Rejection(f"{path}:2", reason)
    assert items[0].meta["origin"] == f"{path}:1"  # type: ignore[union-attr]
    assert items[0].published == "2022-07-27"  # type: ignore[union-attr]


def test_a_json_file_gives_its_text_and_never_its_events(tmp_path: Path) -> None:
    path = tmp_path / "gold-like.json"
    value = {"id": "x", "text": ARTICLE, "published": "2023-11-13", "events": [{"type": "visit"}]}
    path.write_text(json.dumps(value))
    (doc,) = list(read(path))
    assert isinstance(doc, Document)
    assert doc.published == "2023-11-13" and "events" not in doc.meta


def test_a_folder_is_read_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article about a port call.")
    (tmp_path / "a.md").write_text("First article about an exercise.")
    (tmp_path / ".hidden.txt").write_text("Editor backup.")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("Not an article.")
    texts = [doc.text for doc in _docs(list(read(tmp_path)))]
    assert texts == ["First article about an exercise.", "Second article about a port call."]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("report.pdf", b"%PDF-1.7", "damaged or truncated PDF"),
        ("empty.txt", b"  \n", "empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "not a document: a PNG image named .txt"),
        ("nul.txt", b"Talks in Delhi\x00\x01\x02 ended.", "binary data, not text"),
        ("bad.json", b"{", "not JSON: Expecting property name enclosed in double quotes"),
        ("bad.md", b"---\n[unclosed\n---\nBody.", "front matter is not YAML (ParserError)"),
    ],
)
def test_an_unreadable_file_is_one_rejection(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (item,) = list(read(path))
    assert isinstance(item, Rejection)
    assert item.source == str(path)
    assert item.reason.startswith(reason)


def test_stdin_is_one_document() -> None:
    (doc,) = list(read_stdin(io.BytesIO(ARTICLE.encode())))
    assert isinstance(doc, Document) and doc.meta["origin"] == "-"


def test_a_registered_reader_takes_its_suffix(tmp_path: Path) -> None:
    def read_shouting(raw: Input) -> Iterator[Item]:
        yield Rejection(raw.origin, "too loud")

    register_reader(".SHOUT", read_shouting)
    path = tmp_path / "x.shout"
    try:
        path.write_text("HELLO")
        assert list(read(path)) == [Rejection(str(path), "too loud")]
    finally:
        del READERS[".shout"]


def test_missing_paths_are_a_source_error_and_globs_expand(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("One.")
    (tmp_path / "two.txt").write_text("Two.")
    assert expand_paths([str(tmp_path / "*.txt")]) == [tmp_path / "one.txt", tmp_path / "two.txt"]
    with pytest.raises(SourceError, match="does not exist; give a file, folder or glob"):
        expand_paths([str(tmp_path / "missing.txt")])
    with pytest.raises(SourceError):
        expand_paths([str(tmp_path / "*.jsonl")])


def test_read_all_fills_in_a_missing_publication_date(tmp_path: Path) -> None:
    (tmp_path / "undated.txt").write_text("Undated article.")
    (tmp_path / "dated.md").write_text("---\npublished: 2020-01-02\n---\nDated article.")
    docs = _docs(list(read_all([tmp_path], published="2024-05")))
    assert sorted(d.published or "" for d in docs) == ["2020-01-02", "2024-05"]
