"""Ingest: read files, folders and JSONL into documents, extract them, store the result."""

from pactwatch.ingest.run import IngestSummary, ingest
from pactwatch.ingest.writer import IngestResult
from pactwatch.sources import READERS, Rejection, read, register_reader

__all__ = [
    "READERS",
    "IngestResult",
    "IngestSummary",
    "Rejection",
    "ingest",
    "read",
    "register_reader",
]
