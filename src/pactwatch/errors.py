"""The one exception tree of pactwatch.

```
PactwatchError          anything pactwatch raises on purpose
  + SourceError         unreadable file / HTML / PDF / feed / JSONL line
  + DataFileError       a bad row in a domain data file (file:line)
  + StoreError          bad database URL, schema version, write failure
  + GoldFileError       a gold annotation file that does not follow SCHEMA.md
```

``str(exc)`` is one sentence that names the thing and says what to do. The
CLI catches :class:`PactwatchError` once, prints that line and exits 1.
"""

from __future__ import annotations


class PactwatchError(Exception):
    """Base of every error pactwatch raises on purpose."""


class SourceError(PactwatchError):
    """A source (file, page, feed, line) could not be read as a document."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source


class DataFileError(PactwatchError):
    """A domain data file has a bad row; the message names file and line."""


class StoreError(PactwatchError):
    """The store could not be opened, is at the wrong schema version, or a write failed."""


class GoldFileError(PactwatchError):
    """A gold annotation file does not follow shared/gold/SCHEMA.md."""
