"""An extractor that kills its own process on a marked text (imported by worker processes)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from pactwatch.ingest.run import DefaultExtractor
from pactwatch.records import Document, Event


@dataclass(frozen=True)
class CrashOn:
    """Runs the real extraction, but exits the process at once on a text holding ``marker``."""

    marker: str

    def __call__(self, doc: Document) -> Sequence[Event]:
        """Return the events of ``doc``; never returns for a marked text."""
        if self.marker in doc.text:
            os._exit(3)  # as a segfault in a native library would: no exception, no cleanup
        return DefaultExtractor()(doc)
