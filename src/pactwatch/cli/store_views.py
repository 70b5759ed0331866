"""Rich renderings of query results for the store commands' ``--format table``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import groupby

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from pactwatch.errors import PactwatchError
from pactwatch.query.results import EntityRecord, EventDetail, Evidence, SearchHit, StoredEvent
from pactwatch.store.rows import state_names

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _direction(event: StoredEvent) -> str:
    return f"{event.from_ or '?'}→{event.to or '?'}" if event.from_ or event.to else ""


def events_table(rows: Sequence[StoredEvent]) -> RenderableType:
    """Return the events as a table: date, type, status, subject, parties, id."""
    table = Table(title=f"{len(rows)} events", title_justify="left")
    for column in ("date", "type", "status", "subject", "parties", "from→to", "claims", "id"):
        table.add_column(column, overflow="fold")
    for event in rows:
        table.add_row(
            event.date or "",
            event.type,
            event.status or "",
            escape(event.subject),
            ",".join(event.parties),
            _direction(event),
            str(event.claims),
            event.id,
        )
    return table


def timeline_view(codes: Sequence[str], rows: Sequence[StoredEvent]) -> RenderableType:
    """Return a dyad's events grouped by year, each with date, type, status and subject."""
    names = " – ".join(f"{state_names(code)[0]} ({code})" for code in codes)
    table = Table(title=f"{names}: {len(rows)} events", title_justify="left", show_lines=False)
    for column in ("year", "date", "type", "status", "subject", "id"):
        table.add_column(column, overflow="fold")
    for index, (year, group) in enumerate(groupby(rows, key=lambda e: e.year or "undated")):
        if index:
            table.add_section()
        for position, event in enumerate(group):
            label = f"[bold]{year}[/bold]" if position == 0 else ""
            table.add_row(
                label,
                event.date or "",
                event.type,
                event.status or "",
                escape(_subject(event)),
                event.id,
            )
    return table


def _subject(event: StoredEvent) -> str:
    extra = [event.place] if event.place else []
    if event.quantity is not None:
        extra.append(f"×{event.quantity}")
    return f"{event.subject} ({', '.join(extra)})" if extra else event.subject


def print_detail(detail: EventDetail) -> None:
    """Print one event: its fields, its status history and every piece of evidence."""
    console = Console()
    event = detail.event
    console.print(f"[bold]{escape(event.subject)}[/bold]  ({event.type}, {event.status or '—'})")
    for name, value in _fields(event):
        console.print(f"  {name:<9} {escape(value)}", highlight=False)
    if detail.history:
        console.print("\n[bold]Status history[/bold]")
        for change in detail.history:
            when = change.date or "undated"
            console.print(f"  {when:<12} {change.status:<12} reported {change.reported or '—'}")
    console.print("\n[bold]Evidence[/bold]")
    for item in detail.evidence:
        console.print(_evidence(item))


def _fields(event: StoredEvent) -> list[tuple[str, str]]:
    return [
        ("id", event.id),
        ("parties", ", ".join(event.parties) + (f"  ({_direction(event)})" if event.to else "")),
        ("date", event.date or "—"),
        ("place", event.place or "—"),
        ("quantity", "—" if event.quantity is None else str(event.quantity)),
        ("aliases", ", ".join(event.aliases) or "—"),
        ("claims", f"{event.claims} in {len(event.documents)} document(s)"),
    ]


def _evidence(item: Evidence) -> RenderableType:
    sentence = Text(item.sentence)
    sentence.stylize("bold yellow", *item.highlight)
    flags = [flag for flag, on in (("hedged", item.hedged), ("negated", item.negated)) if on]
    source = (
        " · ".join(part for part in (item.title, item.published, item.url) if part)
        or item.document[:12]
    )
    head = Text(f"  {source}", style="dim")
    if flags:
        head.append(f"  [{', '.join(flags)}]", style="red")
    return Group(head, Text("    ") + sentence, Text(""))


def entities_table(rows: Sequence[EntityRecord]) -> RenderableType:
    """Return the entities as a table: kind, name, other names, events, id."""
    table = Table(title=f"{len(rows)} entities", title_justify="left")
    for column in ("kind", "name", "other names", "events", "id"):
        table.add_column(column, overflow="fold")
    for entity in rows:
        others = [name for name in entity.names if name != entity.name]
        table.add_row(
            entity.kind,
            escape(entity.name),
            escape(", ".join(others)),
            str(entity.events),
            escape(entity.id),
        )
    return table


def search_table(rows: Sequence[SearchHit]) -> RenderableType:
    """Return the hits as a table with the matched words in bold."""
    table = Table(title=f"{len(rows)} matches", title_justify="left", show_lines=True)
    for column in ("kind", "snippet", "document", "event"):
        table.add_column(column, overflow="fold")
    for hit in rows:
        snippet = _BOLD.sub(r"[bold]\1[/bold]", escape(hit.snippet))
        title = escape(hit.title or hit.document[:12])
        table.add_row(hit.kind, snippet, title, hit.event or "")
    return table


def error_line(exc: PactwatchError) -> None:
    """Print ``exc`` as the one red line the CLI uses for errors."""
    Console(stderr=True).print(
        f"[red]{type(exc).__name__}[/red]: {escape(str(exc))}", highlight=False, soft_wrap=True
    )
