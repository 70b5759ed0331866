"""Sample documents bundled with pactwatch, for ``pactwatch demo`` and for tests.

Each sample is one Markdown file in this folder: YAML front matter between
two ``---`` lines, then the body as plain prose paragraphs (no headings)::

    ---
    id: us-in-ge-f414-2023            # short stable id, also the file stem
    title: "..."                       # headline
    form: news report                  # news report | press release | joint statement | analysis
    published: 2023-06-23              # EDTF date of the publication
    parties: [US, IN]                  # ISO 3166-1 alpha-2 codes of the main dyad
    sources:                           # the public sources its facts come from
      - "Outlet or office, 'Title', date, URL"
    license: CC0-1.0
    ---
    Body text...

The samples were written for pactwatch in its own words; they report real,
checkable events and name the public sources those facts come from.
:func:`load_samples` returns them as :class:`Sample` records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Final, NoReturn

import yaml

from pactwatch.errors import SourceError

__all__ = ["FORMS", "Sample", "load_samples", "parse_sample"]

FORMS: Final[tuple[str, ...]] = ("news report", "press release", "joint statement", "analysis")
"""The kinds of document a sample may be."""

_FENCE: Final = "---"
_TEXT_FIELDS: Final = ("id", "title", "form", "license")
_LIST_FIELDS: Final = ("parties", "sources")


@dataclass(frozen=True, slots=True)
class Sample:
    """One bundled sample document: its front matter, its body text and its file."""

    id: str
    title: str
    form: str
    published: str
    parties: tuple[str, ...]
    sources: tuple[str, ...]
    license: str
    text: str
    path: Path


def load_samples() -> list[Sample]:
    """Read every bundled sample; return them sorted by id.

    Raises :class:`~pactwatch.errors.SourceError` naming the file when one is malformed.
    """
    folder = resources.files(__name__)
    samples = [_read_entry(entry) for entry in folder.iterdir() if entry.name.endswith(".md")]
    return sorted(samples, key=lambda sample: sample.id)


def parse_sample(raw: str, *, path: Path) -> Sample:
    """Parse the text of one sample file found at ``path``; return the :class:`Sample`.

    Raises :class:`~pactwatch.errors.SourceError` naming the file when the front
    matter is missing, is not valid YAML, lacks a field, or its id is not the file stem.
    """
    meta, body = _split_front_matter(raw, path=path)
    sample_id, title, form, license_ = (_text_field(meta, name, path=path) for name in _TEXT_FIELDS)
    if sample_id != path.stem:
        _fail(path, f"its id {sample_id!r} is not its file stem {path.stem!r}")
    if form not in FORMS:
        _fail(path, f"its form {form!r} is not one of {', '.join(FORMS)}")
    if not body:
        _fail(path, "it has no body text after the front matter")
    return Sample(
        id=sample_id,
        title=title,
        form=form,
        published=_published(meta, path=path),
        parties=_list_field(meta, "parties", path=path),
        sources=_list_field(meta, "sources", path=path),
        license=license_,
        text=body,
        path=path,
    )


def _read_entry(entry: Traversable) -> Sample:
    path = Path(str(entry))
    try:
        raw = entry.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        message = f"Sample {path.name} could not be read as UTF-8 text: {exc}."
        raise SourceError(message, source=path.name) from exc
    return parse_sample(raw, path=path)


def _split_front_matter(raw: str, *, path: Path) -> tuple[dict[str, Any], str]:
    lines = raw.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != _FENCE:
        _fail(path, "it does not start with a '---' line of YAML front matter")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == _FENCE)
    except StopIteration:
        _fail(path, "its front matter has no closing '---' line")
    try:
        meta = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        raise SourceError(
            f"Sample {path.name} has front matter that is not valid YAML; fix the file.",
            source=path.name,
        ) from exc
    if not isinstance(meta, dict):
        _fail(path, "its front matter is not a mapping of field names to values")
    return meta, "\n".join(lines[end + 1 :]).strip()


def _text_field(meta: dict[str, Any], name: str, *, path: Path) -> str:
    value = meta.get(name)
    if not isinstance(value, str) or not value.strip():
        _fail(path, f"its field {name!r} is missing or not a non-empty string")
    return value.strip()


def _list_field(meta: dict[str, Any], name: str, *, path: Path) -> tuple[str, ...]:
    value = meta.get(name)
    if not isinstance(value, list) or not value:
        _fail(path, f"its field {name!r} is missing or not a non-empty list")
    if not all(isinstance(item, str) and item.strip() for item in value):
        _fail(path, f"its field {name!r} holds an item that is not a non-empty string")
    return tuple(item.strip() for item in value)


def _published(meta: dict[str, Any], *, path: Path) -> str:
    # YAML reads an unquoted 2023-06-23 as a date; EDTF forms such as 2023-06~ stay strings.
    value = meta.get("published")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    _fail(path, "its field 'published' is missing or not an EDTF date")


def _fail(path: Path, reason: str) -> NoReturn:
    raise SourceError(f"Sample {path.name} is malformed: {reason}; fix the file.", source=path.name)
