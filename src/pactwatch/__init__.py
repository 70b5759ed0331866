"""pactwatch: sourced, queryable records of defence relations between states.

``pactwatch.extract(text, published=None)`` returns the events a text
states; see ``docs/`` for the store, the commands and the data files.
"""

from __future__ import annotations

from pactwatch.errors import DataFileError, GoldFileError, PactwatchError, SourceError, StoreError
from pactwatch.records import Document, Event

__version__ = "0.1.0"

__all__ = [
    "DataFileError",
    "Document",
    "Event",
    "GoldFileError",
    "PactwatchError",
    "SourceError",
    "StoreError",
    "__version__",
]
