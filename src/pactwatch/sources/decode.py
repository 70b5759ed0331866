"""Bytes to text: UTF-8 (with or without BOM), UTF-16, and legacy code pages.

Strict UTF-8 is tried first (most files); a BOM decides UTF-16 and UTF-32;
anything else goes to ``charset-normalizer``. Where several code pages read
the bytes equally well, Windows-1252 wins: it is what Western newsrooms and
ministries save as, and charset-normalizer alone often prefers a Baltic or
Central European page for French or German text.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

UNDECODABLE = "not UTF-8 or any known encoding"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PREFERRED = "cp1252"


def decode_text(data: bytes) -> tuple[str | None, str]:
    """Return ``(text, encoding)``, or ``(None, reason)`` when the bytes are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None, f"{UNDECODABLE} (a {encoding} mark, then bytes that are not)"
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        return None, "binary data, not text (it contains NUL bytes)"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _guess(data)


def _guess(data: bytes) -> tuple[str | None, str]:
    matches = list(from_bytes(data))
    if not matches:
        return None, UNDECODABLE
    least = min(match.chaos for match in matches)
    for match in matches:
        if match.chaos == least and _PREFERRED in match.could_be_from_charset:
            return data.decode(_PREFERRED), _PREFERRED
    best = matches[0]
    return str(best), best.encoding


def _bomless_utf16(data: bytes) -> str | None:
    """Return ``utf-16-le``/``-be`` when every other byte is NUL, as in English UTF-16."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None
