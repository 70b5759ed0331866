"""The gazetteer: the bundled data is sound, user directories extend it, bad rows fail loudly."""

from __future__ import annotations

import json
import pickle
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch.errors import DataFileError
from pactwatch.extract.gazetteer import (
    BUNDLED_DATA_DIR,
    ROLES,
    Entry,
    Gazetteer,
    load_gazetteer,
)
from pactwatch.extract.gazetteer_files import read_rows


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _entry(gazetteer: Gazetteer, kind: str, form: str) -> Entry:
    """Return the one entry of ``kind`` whose name or alias is ``form``."""
    found = [e for e in gazetteer.entries_of(kind) if form in (e.name, *e.aliases)]
    assert len(found) == 1, f"{form!r} names {len(found)} {kind} entries"
    return found[0]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- the bundled data -----------------------------------------------------------------------


def test_bundled_data_loads_with_breadth(gazetteer: Gazetteer) -> None:
    kinds = Counter(entry.kind for entry in gazetteer.entries)
    assert len(gazetteer.countries) == len(pycountry.countries)
    assert kinds["platform"] >= 400
    assert kinds["exercise"] >= 150
    assert kinds["agreement"] >= 60
    assert kinds["institution"] >= 40 and kinds["organisation"] >= 20
    assert kinds["designation"] >= 3
    assert len(gazetteer.people) >= 300 and len(gazetteer.titles) >= 80


def test_every_code_is_a_real_iso_alpha2(gazetteer: Gazetteer) -> None:
    real = {country.alpha_2 for country in pycountry.countries}
    used = {c.code for c in gazetteer.countries} | {c.sovereign for c in gazetteer.countries}
    used |= {s for e in gazetteer.entries for s in e.states}
    used |= {p.state for p in gazetteer.people} | {t.state for t in gazetteer.titles}
    used |= set(gazetteer.ship_prefixes.values())
    assert used - {None} <= real


@pytest.mark.parametrize("path", sorted(BUNDLED_DATA_DIR.glob("*.*[lm]")), ids=lambda p: p.name)
def test_no_duplicate_key_in_a_bundled_file(path: Path) -> None:
    key_fields = ("name", "text", "code", "category", "prefix")
    keys = Counter(
        (row.kind, next(str(row.fields[k]) for k in key_fields if k in row.fields))
        for row in read_rows(path)
    )
    assert [key for key, count in keys.items() if count > 1] == []


def test_no_form_names_two_countries(gazetteer: Gazetteer) -> None:
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for c in gazetteer.countries:
        for form in (*c.names, *c.adjectives, *c.prefixes, *c.metonyms, *c.aliases_ambiguous):
            owners[form].add(c.code)
    assert {form: codes for form, codes in owners.items() if len(codes) > 1} == {}


@pytest.mark.parametrize("kind", ["platform", "agreement", "exercise", "institution"])
def test_no_form_names_two_entries_of_a_kind(gazetteer: Gazetteer, kind: str) -> None:
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for entry in gazetteer.entries_of(kind):
        for form in (entry.name, *entry.aliases):
            owners[form.casefold()].add(entry.name)
    assert {form: names for form, names in owners.items() if len(names) > 1} == {}


def test_no_person_alias_names_two_people(gazetteer: Gazetteer) -> None:
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for person in gazetteer.people:
        for form in (person.name, *person.aliases):
            owners[form.casefold()].add(person.name)
    assert {form: names for form, names in owners.items() if len(names) > 1} == {}


def test_categories_and_roles_are_known(gazetteer: Gazetteer) -> None:
    assert {e.category for e in gazetteer.entries_of("platform")} <= set(gazetteer.platform_kinds)
    assert {p.role for p in gazetteer.people} | {t.role for t in gazetteer.titles} <= set(ROLES)
    assert all(nouns for nouns in gazetteer.platform_kinds.values())


def test_names_are_stored_without_a_leading_article(gazetteer: Gazetteer) -> None:
    names = [n for c in gazetteer.countries for n in (*c.names, *c.adjectives)]
    assert [n for n in names if n.lower().startswith("the ")] == []


def test_every_name_is_in_its_country_names(gazetteer: Gazetteer) -> None:
    assert all(c.name in c.names for c in gazetteer.countries)


@pytest.mark.parametrize(
    ("form", "states", "category"),
    [
        ("Su-30MKI", ("RU",), "fighter"),
        ("MQ-9B", ("US",), "drone"),
        ("SeaGuardian", ("US",), "drone"),
        ("BrahMos", ("IN", "RU"), "cruise_missile"),
        ("Rafale M", ("FR",), "fighter"),
        ("Rafale", ("FR",), "fighter"),
        ("F414", ("US",), "engine"),
        ("GE F-404", ("US",), "engine"),
        ("MH-60 Romeo", ("US",), "helicopter"),
        ("AH-64E", ("US",), "helicopter"),
        ("M777", ("US", "GB"), "artillery"),
        ("K9 Vajra", ("KR",), "artillery"),
        ("Bayraktar TB2", ("TR",), "drone"),
        ("Ada-class", ("TR",), "corvette"),
        ("Iron Dome", ("IL",), "air_defence"),
        ("Barak-8", ("IL", "IN"), "air_defence"),
        ("S-400", ("RU",), "air_defence"),
        ("Scorpene", ("FR",), "submarine"),
        ("Talwar-class", ("RU",), "frigate"),
        ("AK-203", ("RU",), "rifle"),
        ("SIG716", ("US",), "rifle"),
        ("M1A1 Abrams", ("US",), "tank"),
        ("M1A2 SEPv3", ("US",), "tank"),
        ("Eurofighter Typhoon", ("GB", "DE", "IT", "ES"), "fighter"),
        ("C-17", ("US",), "transport_aircraft"),
        ("P-8I", ("US",), "maritime_patrol_aircraft"),
        ("AMRAAM", ("US",), "air_to_air_missile"),
        ("Shahed-136", ("IR",), "loitering_munition"),
    ],
)
def test_platform_lookup(
    gazetteer: Gazetteer, form: str, states: tuple[str, ...], category: str
) -> None:
    entry = _entry(gazetteer, "platform", form)
    assert (entry.states, entry.category) == (states, category)


@pytest.mark.parametrize(
    ("kind", "form", "states"),
    [
        ("agreement", "LEMOA", ("US", "IN")),
        ("agreement", "Logistics Exchange Memorandum of Agreement", ("US", "IN")),
        ("agreement", "Enhanced Defense Cooperation Agreement", ("US", "PH")),
        ("agreement", "GSOMIA", ()),
        ("agreement", "Lancaster House Treaty", ("GB", "FR")),
        ("designation", "Major Defense Partner", ("US", "IN")),
        ("designation", "MNNA", ("US",)),
        ("exercise", "Yudh Abhyas", ("IN", "US")),
        ("exercise", "Malabar", ("IN", "US", "JP", "AU")),
        ("exercise", "Desert Shield", ("DZ", "RU")),
        ("institution", "DPG", ("US", "IN")),
        ("institution", "IRIGC-M&MTC", ("IN", "RU")),
        ("organisation", "NATO", ()),
    ],
)
def test_named_entry_lookup(
    gazetteer: Gazetteer, kind: str, form: str, states: tuple[str, ...]
) -> None:
    assert _entry(gazetteer, kind, form).states == states


@pytest.mark.parametrize("form", ["DAC", "CCS", "Defence Acquisition Council"])
def test_domestic_bodies_are_marked(gazetteer: Gazetteer, form: str) -> None:
    assert _entry(gazetteer, "institution", form).category == "domestic"


@pytest.mark.parametrize(
    ("code", "field", "form"),
    [
        ("US", "names", "U.S."),
        ("US", "names", "United States of America"),
        ("US", "adjectives", "American"),
        ("IN", "adjectives", "Indian"),
        ("IN", "prefixes", "Indo"),
        ("CN", "prefixes", "Sino"),
        ("RU", "metonyms", "the Kremlin"),
        ("US", "metonyms", "the Pentagon"),
        ("IN", "metonyms", "South Block"),
        ("GB", "names", "Britain"),
        ("GB", "metonyms", "Downing Street"),
        ("KR", "names", "ROK"),
        ("KR", "names", "Republic of Korea"),
        ("KP", "names", "DPRK"),
        ("AE", "adjectives", "Emirati"),
        ("PH", "adjectives", "Philippine"),
        ("TR", "names", "Türkiye"),
        ("TR", "aliases_ambiguous", "Turkey"),
        ("VN", "names", "Vietnam"),
        ("FR", "metonyms", "Élysée"),
        ("UA", "metonyms", "Kyiv"),
        ("DZ", "metonyms", "Algiers"),
    ],
)
def test_country_forms(gazetteer: Gazetteer, code: str, field: str, form: str) -> None:
    assert form in getattr(gazetteer.country(code), field)


@pytest.mark.parametrize(
    ("prefix", "code"),
    [("USS", "US"), ("INS", "IN"), ("HMS", "GB"), ("JS", "JP"), ("HNoMS", "NO"), ("TCG", "TR")],
)
def test_ship_prefixes(gazetteer: Gazetteer, prefix: str, code: str) -> None:
    assert gazetteer.ship_prefixes[prefix] == code


@pytest.mark.parametrize(
    ("text", "state", "role"),
    [
        ("Secretary of Defense", "US", "defence_minister"),
        ("External Affairs Minister", "IN", "foreign_minister"),
        ("Defence Minister", None, "defence_minister"),
        ("Chief of Naval Staff", None, "military_chief"),
    ],
)
def test_titles(gazetteer: Gazetteer, text: str, state: str | None, role: str) -> None:
    title = next(t for t in gazetteer.titles if t.text == text)
    assert (title.state, title.role) == (state, role)


@pytest.mark.parametrize(
    ("form", "state"),
    [("Hegseth", "US"), ("Rajnath Singh", "IN"), ("Shoigu", "RU"), ("Pezeshkian", "IR")],
)
def test_people(gazetteer: Gazetteer, form: str, state: str) -> None:
    assert [p.state for p in gazetteer.people if form in (p.name, *p.aliases)] == [state]


def test_territories_name_their_sovereign(gazetteer: Gazetteer) -> None:
    assert gazetteer.country("GU").sovereign == "US"
    assert gazetteer.country("IN").sovereign is None


def test_loading_is_cached_and_the_result_pickles(gazetteer: Gazetteer) -> None:
    assert load_gazetteer() is gazetteer
    assert pickle.loads(pickle.dumps(gazetteer)) == gazetteer


# --- user data directories ------------------------------------------------------------------

_NEW_PLATFORM = {
    "name": "Zephyr-9",
    "aliases": ["Z-9 glider"],
    "category": "drone",
    "states": ["NZ"],
}


def test_user_platform_row_is_added(tmp_path: Path) -> None:
    _write(tmp_path / "platforms.jsonl", json.dumps(_NEW_PLATFORM) + "\n")
    gazetteer = load_gazetteer([tmp_path])
    entry = _entry(gazetteer, "platform", "Z-9 glider")
    assert (entry.name, entry.states) == ("Zephyr-9", ("NZ",))
    # By key, not by count: the bundled files may change between the two loads.
    with_user = {(e.kind, e.name) for e in gazetteer.entries}
    bundled = {(e.kind, e.name) for e in load_gazetteer().entries}
    assert ("platform", "Zephyr-9") in with_user - bundled
    assert {("platform", "MQ-9B"), ("exercise", "Malabar")} <= with_user & bundled


def test_user_row_extends_an_existing_record(tmp_path: Path) -> None:
    _write(tmp_path / "platforms.jsonl", '{"name": "MQ-9B", "aliases": ["Sky Sentinel X"]}\n')
    _write(tmp_path / "extra.yaml", "- {kind: country, code: IN, metonyms: [Raisina]}\n")
    gazetteer = load_gazetteer([str(tmp_path)])
    entry = _entry(gazetteer, "platform", "Sky Sentinel X")
    assert (entry.name, entry.category, "SkyGuardian" in entry.aliases) == ("MQ-9B", "drone", True)
    assert {"Raisina", "South Block"} <= set(gazetteer.country("IN").metonyms)


def test_user_may_add_a_state_code(tmp_path: Path) -> None:
    _write(tmp_path / "countries.yaml", "- {code: XK, name: Kosovo, adjectives: [Kosovar]}\n")
    _write(tmp_path / "more.jsonl", '{"kind": "exercise", "name": "Dardania", "states": ["XK"]}\n')
    gazetteer = load_gazetteer([tmp_path])
    assert gazetteer.country("XK").names == ("Kosovo",)
    assert _entry(gazetteer, "exercise", "Dardania").states == ("XK",)


def test_environment_variable_adds_directories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path / "env" / "exercises.jsonl", '{"name": "Kiwi Thunder", "states": ["NZ"]}\n')
    monkeypatch.setenv("PACTWATCH_DATA", str(tmp_path / "env"))
    assert _entry(load_gazetteer(), "exercise", "Kiwi Thunder").states == ("NZ",)


# --- bad rows ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "line", "words"),
    [
        ("platforms.jsonl", '\n{"aliases": ["X"], "category": "drone"}\n', 2, "`name`"),
        ("platforms.jsonl", '{"name": "X", "category": "drone", "states": ["QQ"]}\n', 1, "QQ"),
        ("platforms.jsonl", '{"name": "X", "category": "drone"}\n{"name": \n', 2, "bad JSON"),
        ("platforms.jsonl", '{"name": "X", "category": "boat"}\n', 1, "platform kind"),
        ("platforms.jsonl", '{"name": "X", "category": "drone", "alias": []}\n', 1, "alias"),
        ("exercises.jsonl", '{"name": "A"}\n{"name": "B"}\n{"name": "A"}\n', 3, "duplicate"),
        ("people.yaml", "- {name: A B, state: US, role: king}\n", 1, "role"),
        ("titles.yaml", "- {text: Chief}\n- {text: Tsar, role: official, state: 7}\n", 1, "role"),
        ("countries.yaml", "- code: US\n  names: USA\n- code: usa\n", 3, "alpha-2"),
        ("countries.yaml", "- {code: ZZ}\n", 1, "`name`"),
        ("notes.yaml", "- {name: Orphan}\n", 1, "kind"),
        ("notes.jsonl", '{"kind": "vessel", "name": "Orphan"}\n', 1, "unknown kind"),
        ("ship_prefixes.yaml", "- {prefix: XYZ}\n", 1, "`state`"),
        ("designations.yaml", "- name: [1, 2]\n", 1, "`name`"),
        ("institutions.jsonl", '"just a string"\n', 1, "mapping"),
        ("exercises.yaml", "- name: A\n  states: [US\n", 2, "bad YAML"),
    ],
)
def test_bad_row_names_file_and_line(
    tmp_path: Path, name: str, text: str, line: int, words: str
) -> None:
    path = _write(tmp_path / name, text)
    with pytest.raises(DataFileError) as caught:
        load_gazetteer([tmp_path])
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}:")
    assert words in message


def test_missing_data_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not found"):
        load_gazetteer([tmp_path / "absent"])


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s == s.strip()
)


@settings(max_examples=60, deadline=None)
@given(names=st.lists(_TEXT, min_size=1, max_size=5), blank=st.booleans(), ascii_only=st.booleans())
def test_jsonl_rows_keep_their_text_and_line(
    names: list[str], blank: bool, ascii_only: bool
) -> None:
    lines: list[str] = []
    for name in names:
        lines += ["", "# note"] if blank else []
        lines.append(json.dumps({"name": name}, ensure_ascii=ascii_only))
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(Path(tmp) / "exercises.jsonl", "\n".join(lines) + "\n")
        rows = list(read_rows(path))
    assert [row.fields["name"] for row in rows] == names
    assert [row.line for row in rows] == [i for i, s in enumerate(lines, 1) if s.startswith("{")]
    assert {row.kind for row in rows} == {"exercise"}


@settings(max_examples=60, deadline=None)
@given(names=st.lists(_TEXT, min_size=1, max_size=5))
def test_yaml_rows_keep_their_text_and_line(names: list[str]) -> None:
    text = yaml.safe_dump(
        [{"name": name, "role": "official"} for name in names], allow_unicode=True
    )
    with tempfile.TemporaryDirectory() as tmp:
        rows = list(read_rows(_write(Path(tmp) / "people.yaml", text)))
    assert [row.fields["name"] for row in rows] == names
    assert all(text.split("\n")[row.line - 1].startswith("- ") for row in rows)
    assert {row.kind for row in rows} == {"person"}
