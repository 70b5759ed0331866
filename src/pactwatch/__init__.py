"""pactwatch: sourced, queryable records of defence relations between states.

``pactwatch.extract(text, published=None)`` returns the events a text
states; see ``docs/`` for the store, the commands and the data files.
"""

from __future__ import annotations

from pactwatch.api import Store, open
from pactwatch.errors import DataFileError, GoldFileError, PactwatchError, SourceError, StoreError
from pactwatch.extract.api import extract
from pactwatch.query.results import (
    EntityRecord,
    EventDetail,
    Evidence,
    Results,
    SearchHit,
    StatusChange,
    StoredEvent,
)
from pactwatch.records import Document, Event

__version__ = "0.1.0"

__all__ = [
    "DataFileError",
    "Document",
    "EntityRecord",
    "Event",
    "EventDetail",
    "Evidence",
    "GoldFileError",
    "PactwatchError",
    "Results",
    "SearchHit",
    "SourceError",
    "StatusChange",
    "Store",
    "StoreError",
    "StoredEvent",
    "__version__",
    "extract",
    "open",
]
