"""Read domain data files into raw rows, each remembering its file, line and kind.

A data file is YAML (a list of mappings) or JSON Lines (one object a line;
blank lines and lines starting with ``#`` are skipped). The kind of a row is
its ``kind`` key, else the kind its file name stands for (``platforms.jsonl``
holds platforms). Nothing here checks what a row says; see gazetteer_rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

from pactwatch.errors import DataFileError

FILE_KINDS: Final[dict[str, str]] = {
    "countries": "country",
    "platform_kinds": "platform_kind",
    "ship_prefixes": "ship_prefix",
    "titles": "title",
    "people": "person",
    "platforms": "platform",
    "agreements": "agreement",
    "designations": "designation",
    "exercises": "exercise",
    "institutions": "institution",
    "organisations": "organisation",
    "companies": "company",
}
"""File stem -> the kind its rows have when they carry no ``kind`` key."""

ENTRY_KINDS: Final[tuple[str, ...]] = (
    "platform",
    "agreement",
    "designation",
    "exercise",
    "institution",
    "organisation",
    "company",
)
KINDS: Final[frozenset[str]] = frozenset(
    {"country", "platform_kind", "ship_prefix", "title", "person", *ENTRY_KINDS}
)
SUFFIXES: Final[tuple[str, ...]] = (".yaml", ".yml", ".jsonl")
_LINE: Final = "\x00line"


@dataclass(frozen=True, slots=True)
class RawRow:
    """One row of a data file, not yet checked: where it is, its kind and its fields."""

    path: Path
    line: int
    kind: str
    fields: dict[str, Any]

    def fail(self, what: str) -> DataFileError:
        """Return the error for this row: ``file:line: what``."""
        return DataFileError(f"{self.path}:{self.line}: {what}; fix or remove this row.")


class _RowLoader(yaml.CSafeLoader):
    """A safe YAML loader that records the line where each mapping starts."""


def _construct_mapping(loader: _RowLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


_RowLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def list_data_files(directory: Path) -> list[Path]:
    """Return the data files of ``directory`` in a stable order (known stems first)."""
    if not directory.is_dir():
        raise DataFileError(f"{directory}: data directory not found; pass an existing directory.")
    files = [p for p in directory.iterdir() if p.is_file() and p.suffix in SUFFIXES]
    order = list(FILE_KINDS)
    return sorted(files, key=lambda p: (order.index(p.stem) if p.stem in order else 99, p.name))


def read_rows(path: Path) -> Iterator[RawRow]:
    """Yield the rows of one data file; raise DataFileError on unreadable text."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}:1: cannot read the file as UTF-8 ({exc}).") from exc
    default = FILE_KINDS.get(path.stem)
    pairs = _jsonl_rows(path, text) if path.suffix == ".jsonl" else _yaml_rows(path, text)
    for line, fields in pairs:
        yield _classify(path, line, fields, default)


def _jsonl_rows(path: Path, text: str) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            yield number, json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"{path}:{number}: bad JSON ({exc.msg}); fix this line.") from exc


def _yaml_rows(path: Path, text: str) -> Iterator[tuple[int, Any]]:
    try:
        document = yaml.load(text, Loader=_RowLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "unreadable"
        raise DataFileError(f"{path}:{line}: bad YAML ({problem}); fix this row.") from exc
    if document is None:
        return
    if not isinstance(document, list):
        raise DataFileError(f"{path}:1: a YAML data file must be a list of rows (`- key: value`).")
    for item in document:
        if not isinstance(item, dict):
            raise DataFileError(
                f"{path}:1: every item of the list must be a mapping; got {item!r}."
            )
        yield int(item.pop(_LINE)), item


def _classify(path: Path, line: int, fields: Any, default: str | None) -> RawRow:
    if not isinstance(fields, dict):
        raise DataFileError(f"{path}:{line}: a row must be a mapping/object, not {fields!r}.")
    kind = fields.pop("kind", default)
    row = RawRow(path, line, str(kind), fields)
    if kind is None:
        raise row.fail("no `kind` (needed in files not named like the bundled ones)")
    if kind not in KINDS:
        raise row.fail(f"unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
    return row
