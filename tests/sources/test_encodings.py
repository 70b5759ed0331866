"""Encodings, NFC, control and invisible characters: what is stored and what is matched."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.api import Store
from pactwatch.documents import map_span, strip_invisible
from pactwatch.records import Document
from pactwatch.sources import Rejection, read_bytes

TEXT = (
    "Défense : la France et l'Inde ont signé à Paris un accord de coopération navale, "
    "a déclaré le ministère — « une étape », selon lui."
)


def _one(data: bytes, name: str = "note.txt") -> Document | Rejection:
    (item,) = list(read_bytes(data, origin=name, name=name, max_size=1 << 20))
    return item


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-be-bom", "cp1252"],
)
def test_every_common_encoding_reads_as_the_same_document(data: bytes) -> None:
    doc = _one(data)
    assert isinstance(doc, Document)
    assert doc.text == TEXT


def test_english_utf16_without_a_mark_is_recognised() -> None:
    doc = _one("Japan and Australia held talks in Tokyo.".encode("utf-16-le"))
    assert isinstance(doc, Document) and doc.text == "Japan and Australia held talks in Tokyo."


def test_cp1252_quotes_are_read_as_quotes() -> None:
    doc = _one("The ministry said “the deal” was signed in Warsaw.".encode("cp1252"))
    assert isinstance(doc, Document) and "“the deal”" in doc.text


def test_text_is_stored_in_nfc_without_control_characters() -> None:
    decomposed = unicodedata.normalize(
        "NFD", "Café talks in Kraków between the two defence ministers\x07 went on\x1b."
    )
    doc = _one(decomposed.encode("utf-8"))
    assert isinstance(doc, Document)
    assert doc.text == "Café talks in Kraków between the two defence ministers went on."


def test_bytes_in_no_known_encoding_are_rejected() -> None:
    item = _one(bytes(range(128, 256)) * 8 + b"\x81\x8d\x8f\x90\x9d" * 50)
    assert isinstance(item, Rejection)
    assert item.reason in (
        "not UTF-8 or any known encoding",
        "binary data, not text (too many control characters)",
    )


@given(st.binary(max_size=600), st.sampled_from(["x.txt", "x.html", "x.json", "x.jsonl", "x"]))
def test_any_bytes_give_documents_or_one_line_rejections(data: bytes, name: str) -> None:
    for item in read_bytes(data, origin=name, name=name, max_size=1 << 20):
        assert isinstance(item, Document | Rejection)
        if isinstance(item, Rejection):
            assert item.reason and "\n" not in item.reason


@given(st.text(alphabet=st.sampled_from("ab \u200b\u200d\u202e\u2066\u00ad")))
def test_a_stripped_span_maps_back_onto_the_same_visible_text(text: str) -> None:
    clean, offsets = strip_invisible(text)
    for start in range(len(clean)):
        for end in range(start + 1, len(clean) + 1):
            first, last = map_span((start, end), offsets or list(range(len(text))))
            assert strip_invisible(text[first:last])[0] == clean[start:end]


def test_invisible_characters_do_not_hide_an_event_and_evidence_keeps_them(store: Store) -> None:
    plain = "Poland signed a contract with South Korea for 180 K2 tanks in August 2022."
    hidden = plain.replace("South Korea", "South\u200b Korea").replace(
        "Poland", "\u202aPoland\u202c"
    )
    doc = _one(hidden.encode("utf-8"))
    assert isinstance(doc, Document) and doc.text == hidden
    (result,) = list(store.ingest_items([doc]))
    (expected,) = list(store.ingest_items([_one(plain.encode("utf-8"))]))
    assert result.status == "ingested" and result.events == expected.events > 0
    query = "SELECT evidence, span_start, span_end FROM claims WHERE document_id = :id"
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text(query), {"id": doc.id}).all()
    assert rows and all(hidden[start:end] == evidence for evidence, start, end in rows)
    assert any("\u200b" in evidence for evidence, _, _ in rows)
