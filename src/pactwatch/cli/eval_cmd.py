"""``pactwatch eval``: score extraction against a folder of gold files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from pactwatch.evaluate import evaluate_dir
from pactwatch.records import EVENT_TYPES

_SUBJECT_WIDTH = 40
_REASON_WIDTH = 70


def _shorten(text: str, width: int) -> Text:
    """Return ``text`` as plain Rich text, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return Text(flat if len(flat) <= width else flat[: width - 1] + "…")


def _figure_row(name: str, identity: dict[str, Any], strict: dict[str, Any]) -> list[str]:
    return [
        name,
        str(identity["tp"] + identity["fn"]),
        str(identity["tp"] + identity["fp"]),
        *(f"{identity[key]:.3f}" for key in ("precision", "recall", "f1")),
        *(f"{strict[key]:.3f}" for key in ("precision", "recall", "f1")),
    ]


def _figures_table(report: dict[str, Any]) -> Table:
    table = Table(title=f"pactwatch eval: {report['documents']} documents")
    for header in ("type", "gold", "pred", "id P", "id R", "id F1", "P", "R", "F1"):
        if header == "type":
            table.add_column(header, no_wrap=True, min_width=len("trade_measure"))
        else:
            table.add_column(header, justify="right")
    identity, strict = report["identity"], report["strict"]
    for kind, figures in identity["per_type"].items():
        table.add_row(*_figure_row(kind, figures, strict["per_type"][kind]))
    table.add_section()
    table.add_row(*_figure_row("overall", identity["overall"], strict["overall"]))
    table.caption = "id = identity (type, parties, subject); P R F1 = strict (all attributes)"
    return table


def _items_table(title: str, items: list[dict[str, str]], last: str) -> Table:
    table = Table(title=f"{title} ({len(items)})", title_justify="left")
    table.add_column("document", overflow="fold")
    table.add_column("type", no_wrap=True, min_width=len("trade_measure"))
    table.add_column("subject")
    table.add_column(last, ratio=1)
    for item in items:
        table.add_row(
            Text(item["document"]),
            Text(item["type"]),
            _shorten(item["subject"], _SUBJECT_WIDTH),
            _shorten(item[last], _REASON_WIDTH),
        )
    return table


def _print_report(report: dict[str, Any]) -> None:
    console = Console()
    console.print(_figures_table(report))
    console.print(_items_table("Misses", report["misses"], "why"))
    console.print(_items_table("False alarms", report["false_alarms"], "evidence"))


def _run(gold_dir: Path, data: list[Path], event_type: str | None) -> dict[str, Any]:
    err = Console(stderr=True)
    with Progress(console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("extracting", total=len(list(gold_dir.glob("*.json"))))
        return evaluate_dir(
            gold_dir,
            data_dirs=data,
            event_type=event_type,
            on_document=lambda gold: progress.update(task, advance=1, description=gold.id),
        )


def eval_command(
    gold_dir: Annotated[
        Path, typer.Argument(metavar="GOLD_DIR", help="Folder of gold *.json files (SCHEMA.md).")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print only the JSON object of gold/SCHEMA.md.")
    ] = False,
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data", metavar="DIR", help="Extra domain data folder for extraction; repeatable."
        ),
    ] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", metavar="T", help="Score only events of this type.")
    ] = None,
) -> None:
    """Score extraction against the gold files in GOLD_DIR: identity and strict P/R/F1.

    Runs extraction on each gold file's text and publication date, matches the
    events found to the gold events, and prints figures per type, then every
    miss (with why) and every false alarm. See docs/eval.md.

    Example: pactwatch eval ../shared/gold/dev --json
    """
    if event_type is not None and event_type not in EVENT_TYPES:
        raise typer.BadParameter(f"use one of {', '.join(EVENT_TYPES)}", param_hint="--type")
    report = _run(gold_dir, data or [], event_type)
    if as_json:
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print_report(report)


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command to ``app``."""
    app.command("eval")(eval_command)
