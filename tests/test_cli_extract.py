"""`pactwatch extract`: gold-format JSON per document; a bad file gets one line, the rest run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pactwatch", "extract", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"COLUMNS": "200", "PATH": ""},
    )


def test_json_is_the_gold_format(tmp_path: Path) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text("India and France signed a Status of Forces Agreement in Paris in 2024.\n")
    result = _run(str(doc), "--published", "2024-05-01", "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["document"] == "note"
    (event,) = payload["events"]
    assert {"type", "status", "subject", "parties", "date", "evidence"} <= set(event)
    assert (event["type"], event["status"], event["parties"]) == (
        "agreement",
        "signed",
        ["FR", "IN"],
    )


def test_a_gold_file_is_read_as_a_document(tmp_path: Path) -> None:
    gold = tmp_path / "g.json"
    text = "Poland ordered 48 K9 howitzers from South Korea in August 2022."
    gold.write_text(json.dumps({"id": "g1", "text": text, "published": "2022-09-01", "events": []}))
    result = _run(str(gold), "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["document"] == "g1"
    assert payload["events"][0]["date"] == "2022-08"


def test_bad_file_gets_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Japan and Australia signed a Reciprocal Access Agreement in 2022.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00broken")
    result = _run(str(tmp_path / "missing.txt"), str(bad), str(good), "--format", "json")
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line] == [
        f"SourceError: {tmp_path / 'missing.txt'}: no such file",
        f"SourceError: {bad}: not UTF-8 text",
    ]
    assert json.loads(result.stdout)["document"] == "good"
