"""``pactwatch eval``: the JSON object on stdout, the tables, and one-line errors."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from pactwatch.cli.eval_cmd import register
from pactwatch.errors import GoldFileError

TEXT = (
    "Greece and Egypt signed a maritime security agreement in Athens on 3 May 2023. "
    "Their navies held the Medusa exercise off Crete later that month."
)
EVENTS = [
    {
        "type": "agreement",
        "status": "signed",
        "subject": "maritime security agreement",
        "parties": ["GR", "EG"],
        "date": "2023-05-03",
        "place": "Athens",
        "evidence": TEXT.split(". ")[0] + ".",
    },
    {
        "type": "exercise",
        "status": "held",
        "subject": "Medusa",
        "parties": ["GR", "EG"],
        "date": "2023-05",
        "place": "Crete",
        "evidence": TEXT.split(". ")[1],
    },
]
HAS_EXTRACTION = importlib.util.find_spec("pactwatch.extract.api") is not None
needs_extraction = pytest.mark.skipif(
    not HAS_EXTRACTION, reason="pactwatch.extract.api is not written yet"
)


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Keep ``eval`` a subcommand, as in the real app."""

    register(app)
    return app


def _gold_dir(tmp_path: Path, events: list[dict[str, Any]] = EVENTS) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    document = {"id": "gr-eg-2023", "published": "2023-05-04", "text": TEXT, "events": events}
    (folder / "gr-eg-2023.json").write_text(json.dumps(document), "utf-8")
    return folder


def test_a_missing_folder_is_a_gold_file_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["eval", str(tmp_path / "nowhere"), "--json"])
    assert isinstance(result.exception, GoldFileError)
    assert result.exit_code == 1
    assert result.stdout == ""


def test_a_bad_gold_file_is_refused_before_extraction(tmp_path: Path) -> None:
    folder = _gold_dir(tmp_path, [{**EVENTS[0], "type": "alliance"}])
    result = CliRunner().invoke(_app(), ["eval", str(folder)])
    assert isinstance(result.exception, GoldFileError)
    assert "gr-eg-2023.json: event 1 type 'alliance'" in str(result.exception)


def test_an_unknown_type_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["eval", str(_gold_dir(tmp_path)), "--type", "parade"])
    assert result.exit_code == 2
    assert "--type" in result.output


@pytest.mark.skipif(
    importlib.util.find_spec("pactwatch.cli.extract_cmd") is None,
    reason="the CLI main imports pactwatch.cli.extract_cmd, not written yet",
)
def test_the_installed_command_prints_one_line_and_exits_1(tmp_path: Path) -> None:
    # Rich wraps stderr at 80 columns when it is not a terminal; a wide COLUMNS
    # keeps the temporary path of this test from being wrapped.
    result = subprocess.run(
        [sys.executable, "-m", "pactwatch", "eval", str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "400"},
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("GoldFileError: ")
    assert result.stderr.count("\n") == 1


@needs_extraction
def test_json_is_the_only_thing_on_stdout(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["eval", str(_gold_dir(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"documents", "identity", "strict", "misses", "false_alarms"}
    assert report["documents"] == 1
    for kind in ("identity", "strict"):
        overall = report[kind]["overall"]
        assert overall["tp"] + overall["fn"] == len(EVENTS)
    strict = report["strict"]["overall"]
    assert len(report["misses"]) == strict["fn"]
    identity = report["identity"]["overall"]
    assert len(report["false_alarms"]) == identity["fp"]


@needs_extraction
def test_type_filter_keeps_one_type(tmp_path: Path) -> None:
    args = ["eval", str(_gold_dir(tmp_path)), "--json", "--type", "exercise"]
    result = CliRunner().invoke(_app(), args)
    report = json.loads(result.stdout)
    assert set(report["identity"]["per_type"]) <= {"exercise"}
    assert report["identity"]["overall"]["tp"] + report["identity"]["overall"]["fn"] == 1
    assert all(item["type"] == "exercise" for item in report["misses"] + report["false_alarms"])


@needs_extraction
def test_tables_show_figures_misses_and_false_alarms(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["eval", str(_gold_dir(tmp_path))], terminal_width=160)
    assert result.exit_code == 0, result.output
    assert "pactwatch eval: 1 documents" in result.stdout
    assert "overall" in result.stdout
    assert "Misses (" in result.stdout
    assert "False alarms (" in result.stdout
