"""Errors the web layer raises, and the one table that maps error classes to HTTP statuses.

```
PactwatchError
  + NotFound        no event / document with that id        404
  + Forbidden       a write without the editor token        403
  + BadParameter    a query value the query layer refused   422
  + StoreError      the database failed                     503
  + SourceError     a posted document that is not one       422
```

Every error becomes ``{"error": CLASS, "message": ONE LINE}`` (JSON under
``/api/``, an HTML page elsewhere); an unexpected exception becomes a 500 with
no trace.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pactwatch.errors import PactwatchError, SourceError, StoreError


class NotFound(PactwatchError):
    """No record has the id in the URL."""


class Forbidden(PactwatchError):
    """A write was asked of a read-only server or without the right editor token."""


class BadParameter(PactwatchError):
    """A query parameter has a value the query layer cannot use."""


STATUSES: tuple[tuple[type[PactwatchError], int], ...] = (
    (NotFound, 404),
    (Forbidden, 403),
    (BadParameter, 422),
    (SourceError, 422),
    (StoreError, 503),
    (PactwatchError, 500),
)
"""Error class → HTTP status, most specific first."""


def status_of(exc: PactwatchError) -> int:
    """Return the HTTP status for ``exc`` from :data:`STATUSES`."""
    return next(status for cls, status in STATUSES if isinstance(exc, cls))


@contextmanager
def lookup() -> Iterator[None]:
    """Turn the StoreError of a failed lookup by id into a :class:`NotFound`."""
    try:
        yield
    except StoreError as exc:
        raise NotFound(str(exc)) from exc


@contextmanager
def checked() -> Iterator[None]:
    """Turn a ValueError from a query filter (bad type, status, date) into a BadParameter."""
    try:
        yield
    except ValueError as exc:
        raise BadParameter(str(exc)) from exc
