"""PDF: the text layer page by page with its metadata; no text layer or damage rejected."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from pactwatch.records import Document
from pactwatch.sources import Rejection, read

fpdf = pytest.importorskip("fpdf", reason="fpdf2 is a test dependency: pip install -e '.[test]'")

PAGES = [
    "The defence ministers of Greece and France met in Athens on 28 September 2021.",
    "Greece ordered three Belharra frigates from France, the ministry said.",
]


def _pdf(path: Path, pages: list[str], *, title: str | None = None) -> Path:
    pdf = fpdf.FPDF()
    pdf.set_creation_date(datetime(2021, 9, 28, 10, 0, tzinfo=UTC))
    if title:
        pdf.set_title(title)
    pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 10, text)
        else:
            pdf.rect(20, 20, 100, 60, style="F")  # a drawing, as in a scan: no text
    pdf.output(str(path))
    return path


def test_a_pdf_gives_each_page_in_order_and_its_metadata(tmp_path: Path) -> None:
    (doc,) = list(read(_pdf(tmp_path / "release.pdf", PAGES, title="Athens talks")))
    assert isinstance(doc, Document)
    assert doc.text.index("Athens on 28 September") < doc.text.index("Belharra")
    assert (doc.title, doc.published) == ("Athens talks", "2021-09-28")


def test_a_pdf_without_a_text_layer_is_rejected(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "scan.pdf", ["", ""])
    assert list(read(path)) == [
        Rejection(str(path), "no text layer (a scan? pactwatch does no OCR)")
    ]


def test_a_truncated_pdf_is_rejected_in_one_line(tmp_path: Path) -> None:
    whole = _pdf(tmp_path / "whole.pdf", PAGES).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    (item,) = list(read(path))
    assert isinstance(item, Rejection) and "\n" not in item.reason
    assert item.reason.startswith(("damaged or truncated PDF", "no text layer"))
