"""``pactwatch export``: the record as CSV, JSONL, GraphML, GEXF, GeoJSON or PLOVER-like JSON."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pactwatch.api import Store
from pactwatch.cli.store_cmds import DbOption, err_console, open_store, usage_error
from pactwatch.export import ExportReport, export


class ExportFormat(StrEnum):
    """The formats ``pactwatch export --to`` writes."""

    csv = "csv"
    jsonl = "jsonl"
    graphml = "graphml"
    gexf = "gexf"
    geojson = "geojson"
    plover = "plover"


def export_command(
    to: Annotated[ExportFormat, typer.Option("--to", case_sensitive=False, help="The format.")],
    db: DbOption = None,
    party: Annotated[
        str | None, typer.Option(help="States that all take part, e.g. US,IN.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Only events dated on or after (EDTF).")] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write; default stdout.")
    ] = None,
) -> None:
    """Export events with their evidence for other tools (Gephi, QGIS, event datasets).

    Example: pactwatch export --to graphml --party IN --since 2000 -o india.graphml
    """
    parties = tuple(p.strip().upper() for p in (party or "").split(",") if p.strip())
    with open_store(db) as store:
        try:
            report = _write(store, to.value, output, parties, since)
        except ValueError as exc:
            raise usage_error(str(exc)) from exc
    where = output or "stdout"
    message = f"exported {report.written} events as {to.value} to {where}"
    if report.left_out:
        message += f"; {report.left_out} left out because {report.reason}"
    err_console.print(message, highlight=False, markup=False, soft_wrap=True)


def _write(
    store: Store, fmt: str, output: Path | None, parties: tuple[str, ...], since: str | None
) -> ExportReport:
    """Write to stdout, or to a hidden partial file renamed to ``output`` once complete."""
    if output is None:
        return export(store, fmt, sys.stdout.buffer, parties=parties, since=since)
    partial = output.with_name(f".{output.name}.partial")
    try:
        with partial.open("wb") as out:
            report = export(store, fmt, out, parties=parties, since=since)
        os.replace(partial, output)
    except OSError as exc:
        raise usage_error(f"cannot write {output}: {exc.strerror or exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
    return report


def register(app: typer.Typer) -> None:
    """Add ``export`` to the app."""
    app.command("export")(export_command)
