"""Documents: normalised text and the content-hash id that makes ingest idempotent."""

from pactwatch.documents.invisible import map_span, strip_invisible
from pactwatch.documents.normalise import document_id, make_document, normalise_text

__all__ = ["document_id", "make_document", "map_span", "normalise_text", "strip_invisible"]
