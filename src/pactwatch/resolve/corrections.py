"""Corrections by hand: set a field, merge two events, split a claim off, reject a claim,
undo any of these. Each is a row of the append-only ``corrections`` table (who, when,
what, why) and is applied at once; each is data that a rebuild applies again.

| action  | target | recorded |
|---------|--------|----------|
| correct | event  | ``field``, ``old_value``, ``new_value`` |
| merge   | event  | ``new_value`` = ``{"event": other, "moved": [claim ids]}`` |
| split   | event  | ``new_value`` = ``{"claim": claim id}`` |
| reject  | claim  | ``old_value`` = ``{"event": its event}`` |
| undo    | the undone one's | ``undoes`` = the undone correction's id |

Event ids are claim ids (the claim that first stated the event), so a merge
or split names claims that every rebuild finds again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.errors import StoreError
from pactwatch.records import EVENT_STATUSES
from pactwatch.resolve import load
from pactwatch.resolve.claims import Claim
from pactwatch.resolve.link import link
from pactwatch.resolve.materialise import drop_events, write_events
from pactwatch.store.dates import edtf_bounds
from pactwatch.store.schema import claims, corrections, events

FIELDS: Final = ("status", "date", "subject", "place", "quantity", "from", "to")
"""The event fields ``correct`` may set."""


@dataclass(frozen=True, slots=True)
class Done:
    """A recorded correction: its id, and the event it leaves in place (if any)."""

    correction: int
    event: str | None


def _record(conn: Connection, **values: Any) -> int:
    row = {"created_at": datetime.now(UTC), "field": None, "old_value": None}
    row |= {"new_value": None, "undoes": None} | values
    return int(conn.scalar(corrections.insert().values(row).returning(corrections.c.id)) or 0)


def _event_of(conn: Connection, claim_id: str) -> str | None:
    found = conn.scalar(sa.select(claims.c.event_id).where(claims.c.id == claim_id))
    return None if found is None else str(found)


def _event(conn: Connection, event_id: str) -> sa.RowMapping:
    row = conn.execute(sa.select(events).where(events.c.id == event_id)).first()
    if row is None:
        raise StoreError(f"no event has the id {event_id!r}; `pactwatch events` lists them")
    return row._mapping


def _rewrite(conn: Connection, event_ids: Sequence[str], groups: dict[str, list[Claim]]) -> None:
    """Replace events ``event_ids`` (and any of ``groups``) by ``groups``, each holding
    all its event's claims (empty groups dropped)."""
    drop_events(conn, sorted({*event_ids, *groups}))
    write_events(conn, {eid: found for eid, found in groups.items() if found})


def check_value(field: str, value: Any, event_type: str) -> Any:
    """Return ``value`` as ``field`` of an event of ``event_type`` stores it; raise StoreError."""
    if field not in FIELDS:
        raise StoreError(f"field {field!r} cannot be corrected; one of {', '.join(FIELDS)}")
    if value in (None, "", "null"):
        if field == "subject":
            raise StoreError("subject cannot be empty")
        return None
    if field == "status" and value not in EVENT_STATUSES[event_type]:
        allowed = ", ".join(EVENT_STATUSES[event_type])
        raise StoreError(f"{value!r} is not a status of a {event_type}: {allowed}")
    if field == "date" and edtf_bounds(str(value)) is None:
        raise StoreError(f"{value!r} is not an EDTF date (2016, 2016-08, 2016-08-29, 1990/1993)")
    if field == "quantity":
        if not str(value).isdigit():
            raise StoreError(f"quantity must be a whole number of 0 or more, not {value!r}")
        return int(value)
    if field in ("from", "to") and not (len(str(value)) == 2 and str(value).isalpha()):
        raise StoreError(f"{field} must be an ISO 3166-1 alpha-2 code, not {value!r}")
    return str(value).upper() if field in ("from", "to") else str(value)


def correct(
    conn: Connection, event_id: str, *, field: str, value: Any, reason: str, author: str
) -> Done:
    """Set ``field`` of event ``event_id`` to ``value``; return the correction."""
    row = _event(conn, event_id)
    stored = check_value(field, value, row["type"])
    column = {"from": "from_state", "to": "to_state"}.get(field, field)
    old = row[column]
    number = _record(conn, author=author, action="correct", target="event", target_id=event_id,
                     field=field, old_value=old, new_value=stored, reason=reason)  # fmt: skip
    _rewrite(conn, [event_id], load.claims_of_events(conn, [event_id]))
    return Done(number, event_id)


def merge(conn: Connection, keep: str, other: str, *, reason: str, author: str) -> Done:
    """Move every claim of event ``other`` into event ``keep``; return the correction."""
    if keep == other:
        raise StoreError("give two different events to merge")
    first, second = _event(conn, keep), _event(conn, other)
    if (first["type"], first["parties"]) != (second["type"], second["parties"]):
        raise StoreError("only events of the same type and parties can be merged")
    groups = load.claims_of_events(conn, [keep, other])
    moved = [c.id for c in groups.get(other, [])]
    number = _record(conn, author=author, action="merge", target="event", target_id=keep,
                     new_value={"event": other, "moved": moved}, reason=reason)  # fmt: skip
    _rewrite(conn, [keep, other], {keep: groups.get(keep, []) + groups.get(other, [])})
    return Done(number, keep)


def split(conn: Connection, event_id: str, claim_id: str, *, reason: str, author: str) -> Done:
    """Take claim ``claim_id`` out of event ``event_id`` into an event of its own."""
    found = load.claims_of_events(conn, [event_id]).get(event_id, [])
    if claim_id not in {c.id for c in found}:
        raise StoreError(f"claim {claim_id!r} is not a claim of event {event_id!r}")
    if len(found) < 2:
        raise StoreError(f"event {event_id!r} has only that claim; there is nothing to split")
    number = _record(conn, author=author, action="split", target="event", target_id=event_id,
                     new_value={"claim": claim_id}, reason=reason)  # fmt: skip
    _split(conn, event_id, claim_id, found)
    return Done(number, claim_id)


def _split(conn: Connection, event_id: str, claim_id: str, found: list[Claim]) -> None:
    rest = [c for c in found if c.id != claim_id]
    alone = [c for c in found if c.id == claim_id]
    _rewrite(conn, [event_id], {rest[0].id: rest, claim_id: alone})


def reject(conn: Connection, claim_id: str, *, reason: str, author: str) -> Done:
    """Take claim ``claim_id`` out of every event (it stays stored); return the correction."""
    if not load.claims_by_id(conn, [claim_id]):
        raise StoreError(f"no claim has the id {claim_id!r}; `pactwatch show ID` lists them")
    event_id = _event_of(conn, claim_id)
    if event_id is None:
        raise StoreError(f"claim {claim_id!r} is already rejected")
    number = _record(conn, author=author, action="reject", target="claim", target_id=claim_id,
                     old_value={"event": event_id}, reason=reason)  # fmt: skip
    _detach(conn, event_id, claim_id)
    return Done(number, None)


def _detach(conn: Connection, event_id: str, claim_id: str) -> None:
    rest = [
        c for c in load.claims_of_events(conn, [event_id]).get(event_id, []) if c.id != claim_id
    ]
    conn.execute(claims.update().where(claims.c.id == claim_id).values(event_id=None))
    _rewrite(conn, [event_id], {rest[0].id: rest} if rest else {})


def undo(conn: Connection, number: int, *, reason: str, author: str) -> Done:
    """Undo correction ``number`` (record an ``undo`` and reverse its effect)."""
    row = conn.execute(sa.select(corrections).where(corrections.c.id == number)).first()
    if row is None:
        raise StoreError(f"no correction has the id {number}")
    done = row._mapping
    live = {r["id"] for r in load.active_corrections(conn, target=done["target"],
                                                     target_ids=[done["target_id"]])}  # fmt: skip
    if done["action"] == "undo" or number not in live:
        raise StoreError(f"correction {number} is an undo or already undone")
    new = _record(conn, author=author, action="undo", target=done["target"],
                  target_id=done["target_id"], undoes=number, reason=reason)  # fmt: skip
    return Done(new, _reverse(conn, done))


def _reverse(conn: Connection, done: sa.RowMapping) -> str | None:
    action, target, value = done["action"], done["target_id"], done["new_value"] or {}
    if action == "correct":
        event = _event_of(conn, target) or target
        _rewrite(conn, [event], load.claims_of_events(conn, [event]))
        return event
    if action == "merge":
        moved = load.claims_by_id(conn, value.get("moved", []))
        holders = {e for c in moved if (e := _event_of(conn, c.id)) is not None}
        groups = load.claims_of_events(conn, holders)
        back = {c.id for c in moved}
        out = {eid: [c for c in found if c.id not in back] for eid, found in groups.items()}
        if moved:
            out[moved[0].id] = moved
        _rewrite(conn, list(holders), {_first(f): f for f in out.values() if f})
        return str(target)
    if action == "split":
        alone = _event_of(conn, value["claim"])
        home = _event_of(conn, target)
        if alone and home and alone != home:
            groups = load.claims_of_events(conn, [home, alone])
            _rewrite(conn, [home, alone], {home: groups[home] + groups[alone]})
        return home
    claim = load.claims_by_id(conn, [target])
    link(conn, claim, provisional=False, documents=True)
    return _event_of(conn, target)


def _first(found: list[Claim]) -> str:
    return min(found, key=lambda c: c.order).id


def rejected_claims(conn: Connection) -> set[str]:
    """Return the ids of the claims rejected by hand (and not undone)."""
    return {
        r["target_id"]
        for r in load.active_corrections(conn)
        if r["action"] == "reject" and r["target"] == "claim"
    }


def reapply(conn: Connection) -> int:
    """Apply every live merge and split again (after a rebuild); return how many."""
    applied = 0
    for row in load.active_corrections(conn):
        value = row["new_value"] or {}
        if row["action"] == "merge":
            keep, other = _event_of(conn, row["target_id"]), _event_of(conn, value["event"])
            if keep and other and keep != other:
                groups = load.claims_of_events(conn, [keep, other])
                _rewrite(conn, [keep, other], {keep: groups[keep] + groups[other]})
                applied += 1
        elif row["action"] == "split":
            home = _event_of(conn, value["claim"])
            found = load.claims_of_events(conn, [home]).get(home, []) if home else []
            if home and len(found) > 1:
                _split(conn, home, value["claim"], found)
                applied += 1
    return applied
