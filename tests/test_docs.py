"""Every command is documented, and the README's test command is the one CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from pactwatch.cli.main import _register_commands, app

ROOT = Path(__file__).resolve().parents[1]
DOCS = "\n".join(
    p.read_text(encoding="utf-8")
    for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
)


def _commands() -> list[str]:
    _register_commands()
    group = typer.main.get_command(app)
    names: list[str] = []
    for name, command in getattr(group, "commands", {}).items():
        subcommands = getattr(command, "commands", None)
        if subcommands:
            names.extend(f"{name} {sub}" for sub in subcommands)
        else:
            names.append(name)
    return names


def test_there_are_commands() -> None:
    assert {"extract", "eval", "ingest", "events", "timeline", "demo"} <= set(_commands())


def test_every_command_is_documented() -> None:
    missing = [name for name in _commands() if f"pactwatch {name}" not in DOCS]
    assert missing == []


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, flags=re.DOTALL)
    test_command = next(b for b in blocks if "pytest" in b).strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci
