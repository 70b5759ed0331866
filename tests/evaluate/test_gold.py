"""Reading gold files: good ones load, bad ones are refused with one line naming the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pactwatch.errors import GoldFileError, PactwatchError
from pactwatch.evaluate.gold import load_gold, load_gold_dir

TEXT = (
    "Norway and Poland signed a memorandum of understanding on submarine maintenance "
    "in Oslo on 12 March 2024. The two navies will hold the Baltic Shield exercise in June."
)


def _event(**changes: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "agreement",
        "status": "signed",
        "subject": "memorandum of understanding on submarine maintenance",
        "aliases": ["submarine maintenance MoU"],
        "parties": ["NO", "PL"],
        "date": "2024-03-12",
        "place": "Oslo",
        "evidence": TEXT.split(". ")[0],
    }
    event.update(changes)
    return {key: value for key, value in event.items() if value != "<drop>"}


def _document(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": "no-pl-mou-2024",
        "source": "a test",
        "url": None,
        "published": "2024-03-13",
        "license": "test",
        "text": TEXT,
        "events": [_event()],
    }
    document.update(changes)
    return document


def _write(folder: Path, name: str, content: Any) -> Path:
    path = folder / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    return path


def test_load_gold_reads_a_good_file(tmp_path: Path) -> None:
    gold = load_gold(_write(tmp_path, "a.json", _document()))
    assert gold.id == "no-pl-mou-2024"
    assert gold.published == "2024-03-13"
    assert gold.text == TEXT
    assert [event["subject"] for event in gold.events] == [_event()["subject"]]
    with pytest.raises(TypeError):
        gold.events[0]["status"] = "ended"  # type: ignore[index]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "is not JSON"),
        ([1, 2], "top level is not a JSON object"),
        (_document(id=""), "id is missing"),
        (_document(text=None), "text is missing"),
        (_document(events={}), "events is missing or not a list"),
        (_document(published="13 March 2024"), "published '13 March 2024' is not an EDTF date"),
        (_document(events=["x"]), "event 1 is not a JSON object"),
        (_document(events=[_event(type="summitry")]), "event 1 type 'summitry' is not one of"),
        (_document(events=[_event(status="held")]), "status 'held' is not one of agreement's"),
        (_document(events=[_event(status="<drop>")]), "status is missing"),
        (_document(events=[_event(subject=" ")]), "subject is missing or empty"),
        (_document(events=[_event(aliases="MoU")]), "aliases is not a list of strings"),
        (_document(events=[_event(parties=["NO", "Poland"])]), "not a list of ISO 3166-1"),
        (_document(events=[_event(parties="NO")]), "not a list of ISO 3166-1"),
        (_document(events=[_event(**{"from": "no"})]), "'from' 'no' is not an ISO"),
        (_document(events=[_event(date="March 2024")]), "date 'March 2024' is not an EDTF date"),
        (_document(events=[_event(date="<drop>")]), "date is missing"),
        (_document(events=[_event(quantity="two")]), "quantity 'two' is not an integer"),
        (_document(events=[_event(quantity=True)]), "quantity True is not an integer"),
        (_document(events=[_event(place=7)]), "place 7 is not a string"),
        (_document(events=[_event(evidence="Norway signed nothing.")]), "not copied verbatim"),
        (_document(events=[_event(), _event(evidence="<drop>")]), "event 2 evidence is missing"),
    ],
)
def test_load_gold_refuses_a_bad_file(tmp_path: Path, content: Any, reason: str) -> None:
    path = _write(tmp_path, "bad-gold.json", content)
    with pytest.raises(GoldFileError) as info:
        load_gold(path)
    message = str(info.value)
    assert reason in message
    assert message.startswith("bad-gold.json: ")
    assert "\n" not in message


def test_load_gold_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GoldFileError, match="no such gold file"):
        load_gold(tmp_path / "absent.json")


def test_load_gold_accepts_null_date_status_and_edtf_forms(tmp_path: Path) -> None:
    events = [
        _event(status=None, date=None),
        _event(date="2024-03~"),
        _event(date="2024-06-03/2024-06-14", type="exercise", status="planned"),
        _event(date="199X", quantity=4, **{"from": "NO", "to": "PL"}),
    ]
    gold = load_gold(_write(tmp_path, "a.json", _document(published=None, events=events)))
    assert [event.get("date") for event in gold.events] == [
        None,
        "2024-03~",
        "2024-06-03/2024-06-14",
        "199X",
    ]


def test_load_gold_dir_sorts_by_file_name(tmp_path: Path) -> None:
    _write(tmp_path, "b.json", _document(id="second"))
    _write(tmp_path, "a.json", _document(id="first"))
    _write(tmp_path, "notes.txt", "not gold")
    assert [gold.id for gold in load_gold_dir(tmp_path)] == ["first", "second"]


@pytest.mark.parametrize(
    ("files", "reason"),
    [
        ({}, "holds no gold *.json files"),
        ({"a.json": _document(), "b.json": _document()}, "b.json: id 'no-pl-mou-2024' is also"),
        ({"a.json": _document(), "b.json": "{"}, "b.json: is not JSON"),
    ],
)
def test_load_gold_dir_refuses(tmp_path: Path, files: dict[str, Any], reason: str) -> None:
    for name, content in files.items():
        _write(tmp_path, name, content)
    with pytest.raises(GoldFileError, match=reason.replace("*", r"\*")):
        load_gold_dir(tmp_path)


def test_load_gold_dir_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(PactwatchError, match="no such gold folder"):
        load_gold_dir(tmp_path / "nowhere")


def test_the_dev_gold_set_follows_the_schema(gold_dir: Path) -> None:
    documents = load_gold_dir(gold_dir)
    assert documents
    assert all(gold.events for gold in documents)
