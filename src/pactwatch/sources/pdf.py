"""PDF with ``pypdf``: the text layer page by page, the title and date from metadata.

A PDF without a text layer (a scan) is rejected with that reason: pactwatch
does no OCR.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from datetime import datetime

from pactwatch.sources.base import Input, Item, Rejection, make_item, one_line, quiet


def read_pdf(raw: Input) -> Iterator[Item]:
    """Yield the text layer of the PDF in ``raw`` as one document."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        with warnings.catch_warnings(), quiet("pypdf"):
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(raw.data))
            if reader.is_encrypted and not reader.decrypt(""):
                yield Rejection(raw.origin, "encrypted PDF (pactwatch reads no password)")
                return
            pages = [(page.extract_text() or "").strip() for page in reader.pages]
            info = reader.metadata
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        yield Rejection(raw.origin, f"damaged or truncated PDF ({one_line(exc)})")
        return
    text = "\n\n".join(page for page in pages if page)
    if not text:
        yield Rejection(raw.origin, "no text layer (a scan? pactwatch does no OCR)")
        return
    meta: dict[str, str] = {"text": text}
    if info is not None:
        if info.title:
            meta["title"] = str(info.title).strip()
        date = _date(info)
        if date:
            meta["published"] = date
    yield make_item(meta, raw.origin)


def _date(info: object) -> str | None:
    for name in ("creation_date", "modification_date"):
        try:
            value = getattr(info, name)
        except (ValueError, TypeError):
            continue
        if isinstance(value, datetime):
            return value.date().isoformat()
    return None
