"""Sources: files, folders, stdin and ``.gz`` of text, HTML, PDF, feeds and JSON(L).

One module per format, each a :data:`~pactwatch.sources.base.Reader` that turns
an :class:`~pactwatch.sources.base.Input` into documents or one-line
rejections; :mod:`pactwatch.sources.files` loads inputs under the size limit
and :mod:`pactwatch.sources.sniff` picks the format from the content.
"""

from pactwatch.sources.base import Input, Item, Reader, Rejection
from pactwatch.sources.feed import read_feed
from pactwatch.sources.files import (
    DEFAULT_MAX_SIZE,
    DEFAULT_TIME_LIMIT,
    READERS,
    count_documents,
    read,
    read_bytes,
    read_file,
    read_stdin,
    register_reader,
    walk,
)
from pactwatch.sources.html import read_html
from pactwatch.sources.jsonl import read_json, read_jsonl
from pactwatch.sources.pdf import read_pdf
from pactwatch.sources.sniff import sniff
from pactwatch.sources.text import read_text

READERS.update(
    {
        "text": read_text,
        "json": read_json,
        "jsonl": read_jsonl,
        "html": read_html,
        "pdf": read_pdf,
        "feed": read_feed,
    }
)

__all__ = [
    "DEFAULT_MAX_SIZE",
    "DEFAULT_TIME_LIMIT",
    "READERS",
    "Input",
    "Item",
    "Reader",
    "Rejection",
    "count_documents",
    "read",
    "read_bytes",
    "read_feed",
    "read_file",
    "read_html",
    "read_json",
    "read_jsonl",
    "read_pdf",
    "read_stdin",
    "read_text",
    "register_reader",
    "sniff",
    "walk",
]
