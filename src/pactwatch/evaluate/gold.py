"""Reading gold annotation files (shared/gold/SCHEMA.md) and checking they follow it.

A gold file that breaks the schema is refused with a
:class:`~pactwatch.errors.GoldFileError` whose one line names the file and
what is wrong, so a typo in an answer key cannot quietly change a score.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from edtf import parse_edtf

from pactwatch.errors import GoldFileError
from pactwatch.records import EVENT_STATUSES

_CODE: Final = re.compile(r"[A-Z]{2}")
_OPTIONAL_CODES: Final = ("from", "to")


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One gold file: the document's text and date, and the events it states.

    ``events`` are read-only gold-format mappings, exactly as in the file.
    """

    id: str
    text: str
    published: str | None
    events: tuple[Mapping[str, Any], ...]
    source: str | None = None
    url: str | None = None
    license: str | None = None
    path: Path | None = None


def _fail(path: Path, reason: str) -> GoldFileError:
    return GoldFileError(f"{path.name}: {reason}; fix the file to follow gold/SCHEMA.md")


def _is_edtf(value: str) -> bool:
    try:
        parse_edtf(value)
    except Exception:  # edtf raises pyparsing errors of several kinds
        return False
    return True


def _check_date(value: Any, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _is_edtf(value):
        return f"{what} {value!r} is not an EDTF date or null"
    return None


def _check_codes(event: Mapping[str, Any]) -> str | None:
    parties = event.get("parties")
    if not isinstance(parties, list) or not all(
        isinstance(code, str) and _CODE.fullmatch(code) for code in parties
    ):
        return f"parties {parties!r} is not a list of ISO 3166-1 alpha-2 codes"
    for key in _OPTIONAL_CODES:
        code = event.get(key)
        if code is not None and not (isinstance(code, str) and _CODE.fullmatch(code)):
            return f"{key!r} {code!r} is not an ISO 3166-1 alpha-2 code"
    return None


def _check_names(event: Mapping[str, Any]) -> str | None:
    subject = event.get("subject")
    if not isinstance(subject, str) or not subject.strip():
        return "subject is missing or empty"
    aliases = event.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        return "aliases is not a list of strings"
    place = event.get("place")
    if place is not None and not isinstance(place, str):
        return f"place {place!r} is not a string"
    return None


def _check_type_and_status(event: Mapping[str, Any]) -> str | None:
    kind = event.get("type")
    if kind not in EVENT_STATUSES:
        return f"type {kind!r} is not one of {', '.join(EVENT_STATUSES)}"
    if "status" not in event:
        return "status is missing (use null when the text leaves it open)"
    status = event["status"]
    if status is not None and status not in EVENT_STATUSES[kind]:
        return f"status {status!r} is not one of {kind}'s"
    return None


def _check_event(event: Any, text: str) -> str | None:
    if not isinstance(event, dict):
        return "is not a JSON object"
    quantity = event.get("quantity")
    if quantity is not None and (not isinstance(quantity, int) or isinstance(quantity, bool)):
        return f"quantity {quantity!r} is not an integer"
    if "date" not in event:
        return "date is missing (use null when the text gives none)"
    evidence = event.get("evidence")
    if not isinstance(evidence, str) or not evidence or evidence not in text:
        return "evidence is missing or not copied verbatim from the text"
    return (
        _check_type_and_status(event)
        or _check_names(event)
        or _check_codes(event)
        or _check_date(event["date"], "date")
    )


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GoldFileError(f"{path}: no such gold file; check the path") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot be read ({exc.__class__.__name__})") from exc
    except json.JSONDecodeError as exc:
        raise _fail(path, f"is not JSON (line {exc.lineno}, column {exc.colno})") from exc


def _check_document(raw: Any, path: Path) -> None:
    if not isinstance(raw, dict):
        raise _fail(path, "the top level is not a JSON object")
    if not isinstance(raw.get("id"), str) or not raw["id"].strip():
        raise _fail(path, "id is missing or empty")
    if not isinstance(raw.get("text"), str):
        raise _fail(path, "text is missing or not a string")
    if not isinstance(raw.get("events"), list):
        raise _fail(path, "events is missing or not a list")
    problem = _check_date(raw.get("published"), "published")
    if problem:
        raise _fail(path, problem)
    for number, event in enumerate(raw["events"], start=1):
        problem = _check_event(event, raw["text"])
        if problem:
            raise _fail(path, f"event {number} {problem}")


def _optional_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def load_gold(path: Path) -> GoldDocument:
    """Read one gold file and return it as a :class:`GoldDocument`.

    Raises :class:`~pactwatch.errors.GoldFileError` naming the file when it is
    missing, not JSON, or does not follow SCHEMA.md.
    """
    raw = _read_json(path)
    _check_document(raw, path)
    return GoldDocument(
        id=raw["id"],
        text=raw["text"],
        published=raw.get("published"),
        events=tuple(MappingProxyType(dict(event)) for event in raw["events"]),
        source=_optional_str(raw.get("source")),
        url=_optional_str(raw.get("url")),
        license=_optional_str(raw.get("license")),
        path=path,
    )


def load_gold_dir(path: Path) -> list[GoldDocument]:
    """Read every ``*.json`` in ``path`` (sorted by file name); return the gold documents.

    Raises :class:`~pactwatch.errors.GoldFileError` when the folder is missing,
    holds no gold file, a file is bad, or two files share an id.
    """
    if not path.is_dir():
        raise GoldFileError(f"{path}: no such gold folder; give a folder of gold *.json files")
    files = sorted(path.glob("*.json"), key=lambda file: file.name)
    if not files:
        raise GoldFileError(f"{path}: holds no gold *.json files; give the folder that does")
    documents = [load_gold(file) for file in files]
    seen: dict[str, Path] = {}
    for file, doc in zip(files, documents, strict=True):
        if doc.id in seen:
            raise _fail(file, f"id {doc.id!r} is also the id of {seen[doc.id].name}")
        seen[doc.id] = file
    return documents
