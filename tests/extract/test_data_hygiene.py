"""Data hygiene: every bundled name is a name, not a phrase lifted from one article.

Extraction finds a known name and extends it over the kind noun after it ("M777" plus
"ultra-light howitzers"), so no row needs "M777 howitzers"; a row that carries such a
description, a state adjective or a quantity only makes the dev set look better than
unseen text will. Each check returns ``file:line: form (why)`` strings, runs on every
bundled file, and is shown to fire on literal bad rows.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from pactwatch.extract.gazetteer import BUNDLED_DATA_DIR
from pactwatch.extract.gazetteer_files import read_rows

ENTRY_FILES = (
    "platforms.jsonl",
    "agreements.jsonl",
    "exercises.jsonl",
    "institutions.jsonl",
    "designations.yaml",
)
NAMED_FILES = (*ENTRY_FILES, "people.yaml")

# Real names that start with a lower-case letter.
LOWERCASE_NAMES = frozenset({"iCET", "iDEX", "two-plus-two"})
# Name particles that may open a person's name ("von der Leyen", "al-Sudani").
PERSON_PARTICLES = frozenset({"von", "van", "de", "der", "zu", "al", "el", "bin", "ibn"})

# Forms that end in a kind noun on purpose: the bare name is a place or a person, so
# without the noun it would name the wrong thing.
KIND_NOUN_ALLOWED = frozenset(
    {
        "Liaoning carrier",  # Liaoning, Shandong and Fujian are provinces
        "Liaoning aircraft carrier",
        "Shandong carrier",
        "Shandong aircraft carrier",
        "Fujian carrier",
        "Fujian aircraft carrier",
        "Voronezh radar",  # a city
        "Noor satellite",  # Noor, Nour and Khayyam are personal names
        "Nour satellite",
        "Khayyam satellite",
        "Avenger air defense system",  # 'Avenger' alone names too much
        "Barak missile",  # 'Barak' alone is a surname (Ehud Barak)
        "Bofors gun",  # 'Bofors' alone is the maker; the FH77B's name in Indian usage
        "Bofors guns",
    }
)
# Official programme names that open with a demonym.
ADJECTIVE_ALLOWED = frozenset({"Canadian Surface Combatant", "Indian Small Arms System"})

# Words that, like a kind noun, only say what sort of thing a name is.
GENERIC_TAILS: dict[str, frozenset[str]] = {
    "platforms.jsonl": frozenset(
        """system systems launcher launchers aircraft jet ship ships boat boats rocket rockets
        bomb bombs kit kits squadron squadrons programme program project deal laser terminals
        gun vehicle vehicles""".split()
    ),
    "exercises.jsonl": frozenset(
        "exercise exercises drill drills manoeuvres maneuvers wargames mission".split()
    ),
    "institutions.jsonl": frozenset("initiative grouping alliance partners talks".split()),
}
HONORIFICS = frozenset(
    {
        "Dr",
        "Dr.",
        "Gen",
        "Gen.",
        "General",
        "Admiral",
        "Prince",
        "Sheikh",
        "Sir",
        "Shri",
        "Ayatollah",
    }
)
_CALIBRE = re.compile(r"^\d+(?:\.\d+)?[\s-]?mm$")
_ITERATION = re.compile(r"^(?P<base>.+) (?:(?:19|20)\d\d|\d{1,2}(?:\.\d)?|[IVXL]+)$")
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten twelve dozen".split())


@dataclass(frozen=True)
class Named:
    """One row's forms: where it is, its name and its aliases."""

    where: str
    name: str
    aliases: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        """Return the name and the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Context:
    """What the checks compare against: kind nouns, titles, adjectives and who owns a form."""

    kind_nouns: frozenset[str]
    titles: frozenset[str]
    states: frozenset[str]
    adjectives: frozenset[str]
    owners: dict[str, frozenset[str]]

    def names_another(self, form: str, row: Named) -> bool:
        """Return True when ``form`` is a name or alias of some other row or person."""
        return bool(self.owners.get(form.casefold(), frozenset()) - {row.name})


def named_rows(path: Path) -> list[Named]:
    """Return the rows of a data file that carry a name, with ``file:line`` for each."""
    return [
        Named(
            f"{path.name}:{row.line}",
            str(row.fields["name"]),
            tuple(str(a) for a in row.fields.get("aliases") or ()),
        )
        for row in read_rows(path)
        if "name" in row.fields
    ]


def build_context(directory: Path) -> Context:
    """Return the context of the data files in ``directory``."""
    nouns = {n for row in read_rows(directory / "platform_kinds.yaml") for n in row.fields["nouns"]}
    titles = {str(row.fields["text"]) for row in read_rows(directory / "titles.yaml")}
    names: set[str] = set()
    adjectives: set[str] = set()
    for country in read_rows(directory / "countries.yaml"):
        names.update(country.fields.get("names") or (), [country.fields.get("name", "")])
        adjectives.update(country.fields.get("adjectives") or ())
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for file in NAMED_FILES:
        for named in named_rows(directory / file):
            for form in named.forms:
                owners[form.casefold()].add(named.name)
    return Context(
        frozenset(nouns),
        frozenset(titles),
        frozenset(names - {""}),
        frozenset(adjectives - names),
        {form: frozenset(rows) for form, rows in owners.items()},
    )


# --- the checks ---------------------------------------------------------------------------


def lowercase_starts(file: str, row: Named, ctx: Context) -> Iterable[str]:
    """Forms that open with a lower-case letter: descriptions, not names."""
    for form in row.forms:
        first = re.split(r"[\s-]", form, maxsplit=1)[0]
        particle = file == "people.yaml" and first in PERSON_PARTICLES
        if form[:1].islower() and form not in LOWERCASE_NAMES and not particle:
            yield f"{row.where}: {form!r} (starts lower-case)"


def kind_noun_tails(file: str, row: Named, ctx: Context) -> Iterable[str]:
    """Forms that are another form of the row, or a description, plus a kind noun."""
    tails = sorted(ctx.kind_nouns | GENERIC_TAILS.get(file, frozenset()), key=len, reverse=True)
    own = {form.casefold() for form in row.forms}
    for form in row.forms:
        tail = next((t for t in tails if form.endswith(" " + t)), None)
        if tail is None or form in KIND_NOUN_ALLOWED:
            continue
        stem = form[: -len(tail) - 1]
        described = stem.casefold() in own or stem.split()[-1].islower()
        if tail[:1].isupper() and form != row.name and described:
            yield f"{row.where}: {form!r} (a form or description plus {tail!r})"
        elif tail[:1].islower() and not _exempt_stem(stem, row, ctx):
            yield f"{row.where}: {form!r} (ends in the kind noun {tail!r})"


def _exempt_stem(stem: str, row: Named, ctx: Context) -> bool:
    """A stem that names something else, or a calibre, needs its kind noun."""
    return ctx.names_another(stem, row) or _CALIBRE.match(stem) is not None


def adjective_starts(file: str, row: Named, ctx: Context) -> Iterable[str]:
    """Forms that open with a state adjective the row's name lacks, or a state's possessive."""
    own_first = _first_word(row.name)
    for form in row.forms:
        first = _first_word(form)
        owner = re.sub(r"['’]s$", "", form.split()[0])
        adjective = first in ctx.adjectives and first != own_first
        possessive = owner != form.split()[0] and owner in ctx.states
        if (adjective or possessive) and form not in ADJECTIVE_ALLOWED:
            yield f"{row.where}: {form!r} (opens with {form.split()[0]!r})"


def quantities(file: str, row: Named, ctx: Context) -> Iterable[str]:
    """Forms with a quantity before a kind noun ("36 Rafale jets", "first 14 Abrams tanks")."""
    for form in row.forms:
        words = form.split()
        for i, word in enumerate(words):
            calibre = words[i + 1 : i + 2] == ["mm"]
            counted = word.isdigit() and (i == 0 or words[i - 1].islower()) and not calibre
            if not (counted or word in _NUMBER_WORDS):
                continue
            rest = " " + " ".join(words[i + 1 :]) + " "
            if any(f" {noun} " in rest for noun in ctx.kind_nouns):
                yield f"{row.where}: {form!r} (a quantity of a kind)"
                break


def iteration_copies(file: str, row: Named, ctx: Context) -> Iterable[str]:
    """Exercise forms that are another form plus a year or number ("Vostok 2022")."""
    if file != "exercises.jsonl":
        return
    own = {form.casefold() for form in row.forms}
    for form in row.aliases:
        match = _ITERATION.match(form)
        if match is not None and match.group("base").casefold() in own:
            yield f"{row.where}: {form!r} (one iteration of {match.group('base')!r})"


def title_copies(file: str, row: Named, ctx: Context) -> Iterable[str]:
    """Person aliases that are a title before another form of the person ("PM Modi")."""
    if file != "people.yaml":
        return
    own = {form.casefold() for form in row.forms}
    prefixes = sorted(ctx.titles | HONORIFICS, key=len, reverse=True)
    for form in row.aliases:
        title = next((t for t in prefixes if form.startswith(t + " ")), None)
        if title is not None and form[len(title) + 1 :].casefold() in own:
            yield f"{row.where}: {form!r} (the title {title!r} before a form)"


def _first_word(form: str) -> str:
    return re.split(r"[\s-]", form, maxsplit=1)[0]


Check = Callable[[str, Named, Context], Iterable[str]]
CHECKS: tuple[Check, ...] = (
    lowercase_starts,
    kind_noun_tails,
    adjective_starts,
    quantities,
    iteration_copies,
    title_copies,
)


def violations(check: Check, file: str, directory: Path, ctx: Context) -> list[str]:
    """Return every violation of ``check`` in one data file."""
    return [found for row in named_rows(directory / file) for found in check(file, row, ctx)]


# --- the bundled data -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> Context:
    return build_context(BUNDLED_DATA_DIR)


@pytest.mark.parametrize("file", NAMED_FILES)
@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_bundled_names_are_names(check: Check, file: str, bundled: Context) -> None:
    assert violations(check, file, BUNDLED_DATA_DIR, bundled) == []


def test_every_allowance_is_still_used(bundled: Context) -> None:
    forms = {
        form
        for file in NAMED_FILES
        for r in named_rows(BUNDLED_DATA_DIR / file)
        for form in r.forms
    }
    allowed = LOWERCASE_NAMES | KIND_NOUN_ALLOWED | ADJECTIVE_ALLOWED
    assert allowed - forms == set()


def test_kind_nouns_have_both_spellings(bundled: Context) -> None:
    pairs = (("defence", "defense"), ("armour", "armor"))
    missing = {
        noun: noun.replace(a, b)
        for noun in bundled.kind_nouns
        for x, y in pairs
        for a, b in ((x, y), (y, x))
        if a in noun and noun.replace(a, b) not in bundled.kind_nouns
    }
    assert missing == {}


# --- each check fires on bad rows -----------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "alias", "check"),
    [
        ("platforms.jsonl", "kestrel jet", lowercase_starts),
        ("platforms.jsonl", "Kestrel fighters", kind_noun_tails),
        ("platforms.jsonl", "Kestrel strike jets", kind_noun_tails),
        ("platforms.jsonl", "Kestrel UAVs", kind_noun_tails),
        ("platforms.jsonl", "Kestrel combat UAVs", kind_noun_tails),
        ("platforms.jsonl", "Kestrel systems", kind_noun_tails),
        ("platforms.jsonl", "Ruritanian Kestrel", adjective_starts),
        ("platforms.jsonl", "Ruritania's Kestrel", adjective_starts),
        ("platforms.jsonl", "36 Kestrel jets", quantities),
        ("platforms.jsonl", "first 14 Kestrel fighters", quantities),
        ("platforms.jsonl", "six Kestrel fighters", quantities),
        ("exercises.jsonl", "Sea Lark 2024", iteration_copies),
        ("exercises.jsonl", "Sea Lark IV", iteration_copies),
        ("exercises.jsonl", "Sea Lark drills", kind_noun_tails),
        ("people.yaml", "President Ruiz", title_copies),
    ],
)
def test_a_check_fires_on_a_bad_row(tmp_path: Path, file: str, alias: str, check: Check) -> None:
    ctx = _context(tmp_path, file, _NAMES[file], alias)
    found = violations(check, file, tmp_path, ctx)
    assert [v.split(" (")[0] for v in found] == [f"{file}:1: {alias!r}"]


@pytest.mark.parametrize(
    ("file", "name", "alias", "check"),
    [
        ("platforms.jsonl", "Joint Strike Fighter", "JSF", kind_noun_tails),
        ("platforms.jsonl", "Hawk", "Hawkeye X fighters", kind_noun_tails),
        ("platforms.jsonl", "155mm shells", "155 mm shells", kind_noun_tails),
        ("platforms.jsonl", "Kestrel UAV", "Kite X UAV", kind_noun_tails),
        ("platforms.jsonl", "Kestrel", "Type 12 fighters", quantities),
        ("platforms.jsonl", "155mm shells", "155 mm shells", quantities),
        ("platforms.jsonl", "Ruritanian Kestrel", "Ruritanian Kite", adjective_starts),
        ("platforms.jsonl", "David's Sling", "Davids Sling", adjective_starts),
        ("exercises.jsonl", "Exercise Lark", "Lark 2024", iteration_copies),
        ("people.yaml", "Ursula von Ruiz", "von Ruiz", lowercase_starts),
        ("people.yaml", "Ana Ruiz", "King Ruiz Alonso", title_copies),
    ],
)
def test_a_check_lets_a_real_name_pass(
    tmp_path: Path, file: str, name: str, alias: str, check: Check
) -> None:
    ctx = _context(tmp_path, file, name, alias)
    assert violations(check, file, tmp_path, ctx) == []


_NAMES = {"platforms.jsonl": "Kestrel", "exercises.jsonl": "Sea Lark", "people.yaml": "Ana Ruiz"}
_KINDS = "- {category: fighter, nouns: [fighter, fighters, jets, UAV, UAVs]}\n"
_HELD = '{"name": "Hawkeye X", "aliases": ["HX-1"], "category": "fighter"}\n'


def _context(directory: Path, file: str, name: str, alias: str) -> Context:
    """Write a tiny data folder with the row under test on line 1 of ``file``; read it."""
    texts = {
        "platform_kinds.yaml": _KINDS,
        "titles.yaml": "- {text: President, role: head_of_state}\n",
        "countries.yaml": "- {code: RU, name: Ruritania, adjectives: [Ruritanian]}\n",
        **{named: "" for named in NAMED_FILES},
        "platforms.jsonl": _HELD,  # a platform that other rows may name
    }
    aliases = ["Ruiz", alias] if file == "people.yaml" else [alias]
    row = json.dumps({"name": name, "aliases": aliases})
    texts[file] = (f"- {row}\n" if file.endswith(".yaml") else f"{row}\n") + texts[file]
    for each, text in texts.items():
        (directory / each).write_text(text, "utf-8")
    return build_context(directory)
