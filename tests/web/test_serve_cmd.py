"""``pactwatch serve`` as a real process on a free loopback port."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.web.conftest import EDITOR_TOKEN

PACTWATCH = [sys.executable, "-m", "pactwatch"]


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 60) -> None:
    """Return when ``url`` answers; fail with the server's output if it exits or times out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"server exited {proc.returncode}: {log.read_text()[-500:]}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    pytest.fail(f"server did not answer {url} in {timeout} s")


@pytest.fixture
def served(sample_db: Path, tmp_path: Path) -> Iterator[str]:
    """The base URL of ``pactwatch serve`` with an editor token, on a copy of the samples."""
    token = tmp_path / "token"
    token.write_text(EDITOR_TOKEN + "\n", encoding="utf-8")
    port, log, db = free_port(), tmp_path / "serve.log", tmp_path / "copy.db"
    shutil.copy(sample_db, db)
    with log.open("wb") as stderr:
        proc = subprocess.Popen(
            [
                *PACTWATCH,
                "serve",
                "--db",
                str(db),
                "--port",
                str(port),
                "--editor-token-file",
                str(token),
            ],
            stderr=stderr,
            env={**os.environ, "PACTWATCH_DB": ""},
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/api/v1/summary", proc, log)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_answers_on_loopback_and_takes_writes_with_the_token(served: str) -> None:
    with urllib.request.urlopen(f"{served}/api/v1/summary") as response:
        before = json.load(response)["counts"]["documents"]
    body = json.dumps({"text": "Japan and Australia held talks in Tokyo in May 2024."}).encode()
    request = urllib.request.Request(
        f"{served}/api/v1/documents",
        data=body,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {EDITOR_TOKEN}"},
    )
    with urllib.request.urlopen(request) as response:
        assert response.status == 201
    with urllib.request.urlopen(f"{served}/api/v1/summary") as response:
        assert json.load(response)["counts"]["documents"] == before + 1


@pytest.mark.parametrize(
    ("token", "words"), [(None, "cannot read"), ("short", "at least 16"), ("", "at least 16")]
)
def test_a_bad_token_file_is_a_usage_error(tmp_path: Path, token: str | None, words: str) -> None:
    path = tmp_path / "token"
    if token is not None:
        path.write_text(token, encoding="utf-8")
    done = subprocess.run(
        [*PACTWATCH, "serve", "--db", str(tmp_path / "x.db"), "--editor-token-file", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert words in done.stderr and "Traceback" not in done.stderr
