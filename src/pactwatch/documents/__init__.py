"""Documents: normalised text and the content-hash id that makes ingest idempotent."""

from pactwatch.documents.normalise import document_id, make_document, normalise_text

__all__ = ["document_id", "make_document", "normalise_text"]
