"""The ingest command as a user runs it: stdin, options, --quiet, a terminal or a pipe."""

from __future__ import annotations

import gzip
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "Egypt and Italy agreed on a frigate purchase in Rome on 11 June 2020."
COMMAND = [sys.executable, "-m", "pactwatch", "ingest"]


def test_gzipped_text_on_stdin_is_ingested(tmp_path: Path) -> None:
    db = tmp_path / "pw.db"
    done = subprocess.run(
        [*COMMAND, "-", "--db", str(db)],
        input=gzip.compress(ARTICLE.encode("utf-16")),
        capture_output=True,
        timeout=120,
    )
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr
    assert out.startswith("ingested  - (")
    assert re.search(r"^1 ingested .* in \d+\.\d s \(\d+\.\d docs/s\)$", out.splitlines()[-1])


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--max-size", "lots"], "--max-size 'lots' is not a size like 20MB or 500kB"),
        (["--published", "soon"], "--published 'soon' is not an EDTF date"),
        (["--workers", "0"], "--workers"),
        (["--scheduler", "nowhere"], "--scheduler 'nowhere' is not 'local' or an address"),
    ],
)
def test_a_bad_option_is_a_usage_error(tmp_path: Path, option: list[str], message: str) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    done = subprocess.run(
        [*COMMAND, str(tmp_path / "a.txt"), *option, "--db", str(tmp_path / "pw.db")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_quiet_prints_rejections_and_the_summary_only(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "big.txt").write_text("Long. " * 400)
    done = subprocess.run(
        [*COMMAND, str(tmp_path), "--quiet", "--max-size", "1kB", "--db", str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    rejected, summary = done.stdout.splitlines()
    assert rejected == f"rejected  {tmp_path / 'big.txt'}: larger than the 1 kB limit (--max-size)"
    assert summary.startswith("1 ingested (")


def test_a_terminal_gets_colour_and_a_pipe_plain_lines(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    leader, follower = pty.openpty()
    env = os.environ | {"TERM": "xterm-256color", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    with subprocess.Popen(
        [*COMMAND, str(tmp_path / "good.txt"), "--db", str(tmp_path / "t.db")],
        stdout=follower,
        stderr=follower,
        env=env,
    ) as proc:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=120)
    os.close(leader)
    shown = b"".join(chunks).decode(errors="replace")
    assert proc.returncode == 0
    assert "\x1b[" in shown and "ingested" in shown
    assert re.search(r"1 ingested \(\d+ events\), 0 already known, 0 rejected", shown)


def test_a_terminal_shows_progress_with_docs_per_second_and_an_eta(tmp_path: Path) -> None:
    lines = [
        f'{{"text": "Egypt and Italy agreed on a frigate purchase in Rome on {n % 28 + 1} June '
        f'2020. Report {n}."}}'
        for n in range(400)
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    leader, follower = pty.openpty()
    env = os.environ | {"TERM": "xterm-256color", "COLUMNS": "160"}
    with subprocess.Popen(
        [*COMMAND, str(tmp_path / "feed.jsonl"), "-q", "--db", str(tmp_path / "t.db")],
        stdout=follower,
        stderr=follower,
        env=env,
    ) as proc:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=300)
    os.close(leader)
    shown = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", b"".join(chunks).decode(errors="replace"))
    assert proc.returncode == 0
    assert re.search(r"\d+/400 +\d+\.\d docs/s", shown), shown[-2000:]
    assert "ETA" in shown
    assert re.search(r"400 ingested \(\d+ events\), 0 already known, 0 rejected in", shown)
