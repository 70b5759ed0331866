"""An event's best current value of each field, from the claims about it.

- ``status``: the latest reported (by document date, then storage order);
- ``date``: the most precise date among the claims that report that status
  (else among all claims); a tie goes to the later report;
- ``subject``: the subject of the claim stated first (the event's id is that
  claim's); ``aliases``: every other name any claim gives it;
- ``place``: the most often given; ``quantity``: that of the best status's
  claims, else the latest given; ``from``/``to``: the first given;
- ``confidence``: the highest of its claims.

Negated claims ("India has not signed ...") count only when every claim is
negated. Each claim keeps its own values in ``claims``.
"""

from __future__ import annotations

from collections import Counter
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
        "place": _place(asserted),
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


def _place(claims: Sequence[Claim]) -> str | None:
    places = Counter(c.place for c in claims if c.place)
    return places.most_common(1)[0][0] if places else None


def _quantity(claims: Sequence[Claim], status: str | None) -> int | None:
    given = [c for c in claims if c.quantity is not None]
    preferred = [c for c in given if c.status == status] or given
    return max(preferred, key=_later).quantity if preferred else None
