"""A folder of bad inputs: each rejected with its own one-line reason, the good ones stored."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

BAD_INPUTS = Path(__file__).parent / "bad_inputs"

REJECTED = {
    "binary.txt": "not UTF-8 or any known encoding",
    "broken-lines.jsonl:2": "not JSON: Unterminated string starting at (column 10)",
    "broken-lines.jsonl:3": "not a JSON object with a `text` field",
    "deep.html": "HTML nested deeper than 1,000 elements",
    "empty.txt": "empty",
    "laughs.xml": "XML entity expansion refused",
    "nul-bytes.txt": "binary data, not text (it contains NUL bytes)",
    "photo.html": "not a document: a PNG image named .html",
    "scan.pdf": "no text layer (a scan? pactwatch does no OCR)",
    "truncated.pdf": "damaged or truncated PDF",
    "truncated.txt.gz": "truncated gzip file (it ends before its end marker)",
    "xxe.rss": "XML external entity refused",
}
"""Each bad input (a file, or file:line) and how its reason starts."""

STORED = ["broken-lines.jsonl:1", "broken-lines.jsonl:4", "good-article.txt", "good-page.html"]


def _folder(tmp_path: Path) -> Path:
    """Copy the fixture folder and add the inputs made at test time (deep HTML, PDFs)."""
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 is a test dependency")
    folder = tmp_path / "inbox"
    shutil.copytree(BAD_INPUTS, folder)
    depth = 100_000
    (folder / "deep.html").write_text("<html><body>" + "<div>" * depth + "</div>" * depth)
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 10, "Spain and Turkey agreed to build a light aircraft carrier. " * 20)
    whole = bytes(pdf.output())
    (folder / "truncated.pdf").write_bytes(whole[: len(whole) // 2])
    scan = fpdf.FPDF()
    scan.add_page()
    scan.rect(10, 10, 150, 200, style="F")
    scan.output(str(folder / "scan.pdf"))
    return folder


def test_each_bad_input_has_its_own_reason_and_the_good_ones_are_stored(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    db = tmp_path / "inbox.db"
    done = subprocess.run(
        [sys.executable, "-m", "pactwatch", "ingest", str(folder), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    rejected = {}
    for line in lines:
        if line.startswith("rejected  "):
            where, _, reason = line.removeprefix("rejected  ").partition(": ")
            rejected[where.removeprefix(f"{folder}/")] = reason
    assert sorted(rejected) == sorted(REJECTED)
    for where, start in REJECTED.items():
        assert rejected[where].startswith(start), where
    stored = sorted(
        line.removeprefix("ingested  ").split(" (")[0].removeprefix(f"{folder}/")
        for line in lines
        if line.startswith("ingested  ")
    )
    assert stored == STORED
    assert lines[-1].startswith(f"{len(STORED)} ingested (")
    assert f"0 already known, {len(REJECTED)} rejected" in lines[-1]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (len(STORED),)
        origins = {row[0] for row in conn.execute("SELECT origin FROM documents")}
    assert origins == {f"{folder}/{where}" for where in STORED}
