"""The gazetteer: every name extraction knows, loaded from data files once.

Domain knowledge is data. The bundled files in ``pactwatch/data`` name the
states (``countries.yaml``), platforms, agreements, designations, exercises,
institutions and organisations (``*.jsonl``), titles, people, ship prefixes
and platform kinds (``*.yaml``); ``pactwatch/data/README.md`` gives their
keys. A user adds names by putting files of the same formats in a directory
passed as ``data_dirs`` (CLI ``--data DIR``) or listed in the environment
variable ``PACTWATCH_DATA`` (``os.pathsep``-separated): files named like the
bundled ones, or any ``*.yaml``/``*.jsonl`` whose rows carry a ``kind``.

Example::

    gazetteer = load_gazetteer()
    india = gazetteer.country("IN")
    drones = gazetteer.entries_of("platform")
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Final

from pactwatch.extract.gazetteer_files import RawRow, list_data_files, read_rows
from pactwatch.extract.gazetteer_records import ROLES, Country, Entry, Gazetteer, Person, Title
from pactwatch.extract.gazetteer_rows import build_gazetteer

__all__ = [
    "BUNDLED_DATA_DIR",
    "ENV_VAR",
    "ROLES",
    "Country",
    "Entry",
    "Gazetteer",
    "Person",
    "Title",
    "data_dirs_from_env",
    "load_gazetteer",
]

BUNDLED_DATA_DIR: Final[Path] = Path(__file__).resolve().parents[1] / "data"
ENV_VAR: Final = "PACTWATCH_DATA"


def load_gazetteer(data_dirs: Sequence[str | Path] = ()) -> Gazetteer:
    """Return the bundled data merged with every user data dir (and PACTWATCH_DATA).

    Later directories extend earlier ones: the bundled data first, then those
    of ``PACTWATCH_DATA``, then ``data_dirs``. The result is cached per
    argument tuple and environment value. Raises DataFileError on a bad row.
    """
    dirs = tuple(str(Path(d).expanduser().resolve()) for d in data_dirs)
    return _load(dirs, os.environ.get(ENV_VAR, ""))


def data_dirs_from_env(value: str | None = None) -> tuple[Path, ...]:
    """Return the directories an ``PACTWATCH_DATA`` value lists (the environment's by default)."""
    raw = os.environ.get(ENV_VAR, "") if value is None else value
    return tuple(Path(part).expanduser() for part in raw.split(os.pathsep) if part.strip())


@lru_cache(maxsize=16)
def _load(dirs: tuple[str, ...], env: str) -> Gazetteer:
    directories = (BUNDLED_DATA_DIR, *data_dirs_from_env(env), *(Path(d) for d in dirs))
    rows: list[RawRow] = []
    for directory in directories:
        for path in list_data_files(directory):
            rows.extend(read_rows(path))
    return build_gazetteer(rows)
