"""An event's best current value of each field, from the claims about it.

- ``status``: the latest reported (by document date, then storage order);
- ``date``: the most precise date among the claims that report that status
  (else among all claims); a tie goes to the later report;
- ``subject``: the subject of the claim stated first (the event's id is that
  claim's); ``aliases``: every other name any claim gives it;
- ``place``, ``from``/``to``: the first given; ``quantity``: that of the best
  status's claims, else the latest given;
- ``confidence``: the highest of its claims.

Negated claims ("India has not signed ...") count only when every claim is
negated. Each claim keeps its own values in ``claims``.

Every rule picks the first, the latest or the most precise claim, so the
best values of many claims are those of a few: :func:`basis` returns them
(with, per status, a few claims of each date and quantity for the
conflicts), and an event that gains a claim is recomputed from its basis and
the new claim, never from all its claims.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from pactwatch.resolve.claims import Claim
from pactwatch.store.dates import edtf_bounds

Row = dict[str, Any]

_PRECISION = (0, 30, 91, 365)
"""Longest span (in days, less one) of a day, a month, a season and a year."""


def _width(claim: Claim) -> int:
    bounds = claim.bounds
    if bounds is None:
        return 10**9
    days = (date.fromisoformat(bounds[1]) - date.fromisoformat(bounds[0])).days
    # Precision, not length: every month is as precise as any other.
    return next((rank for rank, most in enumerate(_PRECISION) if days <= most), days)


def _later(claim: Claim) -> tuple[str, tuple[int, int]]:
    return claim.reported, claim.order


def best_values(claims: Sequence[Claim]) -> Row:
    """Return the event fields (as in the ``events`` table) the ``claims`` support best."""
    ordered = sorted(claims, key=lambda c: c.order)
    first = ordered[0]
    asserted = [c for c in ordered if not c.negated] or ordered
    with_status = [c for c in asserted if c.status is not None]
    status = max(with_status, key=_later).status if with_status else None
    at_status = [c for c in asserted if c.status == status and c.bounds is not None]
    dated = at_status or [c for c in asserted if c.bounds is not None]
    best_date = min(dated, key=lambda c: (_width(c), _negate(_later(c)))).date if dated else None
    bounds = edtf_bounds(best_date)
    return {
        "type": first.type,
        "status": status,
        "subject": first.subject,
        "aliases": _aliases(first.subject, ordered),
        "parties": list(first.parties),
        "from_state": next((c.from_ for c in asserted if c.from_), None),
        "to_state": next((c.to for c in asserted if c.to), None),
        "date": best_date,
        "date_start": bounds[0] if bounds else None,
        "date_end": bounds[1] if bounds else None,
        "place": next((c.place for c in asserted if c.place), None),
        "quantity": _quantity(asserted, status),
        "confidence": max(c.confidence for c in ordered),
        "claim_count": len(ordered),
    }


def _negate(key: tuple[str, tuple[int, int]]) -> tuple[str, tuple[int, int]]:
    # min() picks the most precise; among equals the later report must win.
    reported, (seq, ordinal) = key
    flipped = "".join(chr(0x10FFFF - ord(ch)) for ch in reported)
    return flipped, (-seq, -ordinal)


def _aliases(subject: str, claims: Sequence[Claim]) -> list[str]:
    # The first claim's aliases as extraction gave them, then every new name.
    out = list(claims[0].aliases)
    seen = {subject, *out}
    for claim in claims[1:]:
        for name in claim.names:
            if name not in seen:
                seen.add(name)
                out.append(name)
    return out


def _quantity(claims: Sequence[Claim], status: str | None) -> int | None:
    given = [c for c in claims if c.quantity is not None]
    preferred = [c for c in given if c.status == status] or given
    return max(preferred, key=_later).quantity if preferred else None


_PER_VALUE = 3
"""Claims kept per (status, date) and (status, quantity): the documents a conflict names."""


def basis(claims: Sequence[Claim]) -> list[Claim]:
    """Return the claims that decide the best values and conflicts of ``claims``: for any
    more claims, ``best_values(basis(old) + new)`` equals ``best_values(old + new)``."""
    ordered = sorted(claims, key=lambda c: c.order)
    keep: dict[str, Claim] = {ordered[0].id: ordered[0]}
    for group in ([c for c in ordered if not c.negated], [c for c in ordered if c.negated]):
        for claim in _deciding(group):
            keep.setdefault(claim.id, claim)
    seen = {ordered[0].subject, *ordered[0].aliases}
    for claim in ordered:
        if not seen.issuperset(claim.names):
            keep.setdefault(claim.id, claim)
            seen.update(claim.names)
    return sorted(keep.values(), key=lambda c: c.order)


def _precise(claim: Claim) -> tuple[int, tuple[str, tuple[int, int]]]:
    return _width(claim), _negate(_later(claim))


def _deciding(group: Sequence[Claim]) -> list[Claim]:
    if not group:
        return []
    out = [group[0], max(group, key=lambda c: c.confidence)]
    out += [next(c for c in group if getattr(c, name)) for name in ("from_", "to", "place")
            if any(getattr(c, name) for c in group)]  # fmt: skip
    by_status: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in group:
        by_status[claim.status].append(claim)
    for found in (*by_status.values(), group):
        out += _extremes(found)
    return out


def _extremes(found: Sequence[Claim]) -> list[Claim]:
    out = [max(found, key=_later)]
    when = [c for c in found if c.bounds or c.reported]
    if when:
        out += [min(when, key=_when_key), max(when, key=_when_key)]
    dated = [c for c in found if c.bounds is not None]
    if dated:
        out.append(min(dated, key=_precise))
    counted = [c for c in found if c.quantity is not None]
    if counted:
        out.append(max(counted, key=_later))
    for attr in ("date", "quantity"):
        per_value: dict[object, int] = defaultdict(int)
        for claim in found:
            value = getattr(claim, attr)
            if value is not None and per_value[value] < _PER_VALUE:
                per_value[value] += 1
                out.append(claim)
    return out


def _when_key(claim: Claim) -> tuple[str, tuple[int, int]]:
    bounds = claim.bounds
    return (bounds[0] if bounds else claim.reported), claim.order
