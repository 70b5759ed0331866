"""List every name and alias in the bundled data files, one per line, to audit them by eye.

Run from the repository root:

    .venv/bin/python scripts/list_names.py [FILE ...] > names.tsv

Each line is ``file:line``, ``name`` or ``alias``, the row's name and the form, tab-separated,
so the list can be sorted, grepped for a kind noun ("howitzers$") or compared before and
after an edit. With no FILE every named file is listed (platforms, agreements, exercises,
institutions, designations, people). tests/extract/test_data_hygiene.py holds the
mechanical rules; this list is for the judgement they cannot make.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pactwatch.extract.gazetteer_files import read_rows  # noqa: E402

DATA = ROOT / "src" / "pactwatch" / "data"
NAMED_FILES = (
    "platforms.jsonl",
    "agreements.jsonl",
    "exercises.jsonl",
    "institutions.jsonl",
    "designations.yaml",
    "people.yaml",
)


def forms(path: Path) -> Iterator[tuple[str, str, str, str]]:
    """Yield ``(file:line, role, row name, form)`` for every name and alias in ``path``."""
    for row in read_rows(path):
        name = row.fields.get("name")
        if name is None:
            continue
        where = f"{path.name}:{row.line}"
        yield where, "name", str(name), str(name)
        for alias in row.fields.get("aliases") or ():
            yield where, "alias", str(name), str(alias)


def main(args: list[str]) -> int:
    """Print the forms of the files named in ``args`` (all named files when empty)."""
    for file in args or NAMED_FILES:
        for fields in forms(DATA / Path(file).name):
            print("\t".join(fields))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
