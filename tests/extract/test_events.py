"""Literal sentences in, events out: one behaviour per row.

Each row is a short piece of reporting written for these tests, the
publication date, and what must come out: (type, status, a word of the
subject, parties, date). Rows that must yield nothing are at the end.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch import extract
from pactwatch.records import Event

Expect = tuple[str, str | None, str, tuple[str, ...], str | None]


def _find(events: list[Event], event_type: str, word: str) -> Event:
    for event in events:
        if event.type == event_type and word.lower() in event.subject.lower():
            return event
    found = [(e.type, e.subject) for e in events]
    raise AssertionError(f"no {event_type} about {word!r} in {found}")


ROWS: list[tuple[str, str, Expect]] = [
    (
        "Japan and Australia signed a Reciprocal Access Agreement in Tokyo on January 6, 2022.",
        "2022-01-07",
        ("agreement", "signed", "Reciprocal Access Agreement", ("AU", "JP"), "2022-01-06"),
    ),
    (
        "India and France are negotiating a Status of Forces Agreement, officials said.",
        "2024-05-02",
        ("agreement", "negotiating", "Status of Forces Agreement", ("FR", "IN"), None),
    ),
    (
        "Washington and Manila renewed the Visiting Forces Agreement in 2020.",
        "2021-03-01",
        ("agreement", "extended", "Visiting Forces Agreement", ("PH", "US"), "2020"),
    ),
    (
        "Seoul and Tokyo have yet to sign the General Security of Military Information Agreement.",
        "2015-06-10",
        ("agreement", "negotiating", "General Security", ("JP", "KR"), None),
    ),
    (
        "Hanoi refused to sign the Visiting Forces Agreement that Manila proposed in 2019.",
        "2020-01-10",
        ("agreement", None, "Visiting Forces Agreement", ("PH", "VN"), "2019"),
    ),
    (
        "Germany and Israel are expected to sign a Memorandum of Understanding on missile defence.",
        "2023-08-20",
        ("agreement", "negotiating", "Memorandum of Understanding", ("DE", "IL"), None),
    ),
    (
        "Poland signed a contract for 48 K9 howitzers from South Korea in August 2022.",
        "2022-09-01",
        ("procurement", "ordered", "K9", ("KR", "PL"), "2022-08"),
    ),
    (
        "South Korea delivered the first 10 K2 Black Panther tanks to Poland last month.",
        "2022-12-15",
        ("procurement", "delivered", "K2", ("KR", "PL"), "2022-11"),
    ),
    (
        "Talks on the purchase of 26 Rafale M fighters from France are under way, India said.",
        "2024-02-01",
        ("procurement", "negotiating", "Rafale M", ("FR", "IN"), None),
    ),
    (
        "The Philippine Navy commissioned two Israeli-built Shaldag Mk V patrol boats in 2023.",
        "2023-12-01",
        ("procurement", "in_service", "Shaldag", ("IL", "PH"), "2023"),
    ),
    (
        "Indian and Japanese troops held the Dharma Guardian exercise in Rajasthan in February"
        " 2024.",
        "2024-03-01",
        ("exercise", "held", "Dharma Guardian", ("IN", "JP"), "2024-02"),
    ),
    (
        "India and Australia will hold the AUSINDEX naval exercise next month.",
        "2023-08-10",
        ("exercise", "planned", "AUSINDEX", ("AU", "IN"), "2023-09"),
    ),
    (
        "The destroyer USS Mustin made a port call in Ho Chi Minh City on Monday.",
        "2019-05-08",
        ("port_call", "held", "USS Mustin", ("US", "VN"), "2019-05-06"),
    ),
    (
        "The United States designated Qatar a Major Non-NATO Ally in 2022.",
        "2022-04-01",
        ("designation", "granted", "Major Non-NATO Ally", ("QA", "US"), "2022"),
    ),
    (
        "Athens signed a $3 billion contract for the frigates with Paris in March 2022.",
        "2022-04-01",
        ("procurement", "ordered", "frigates", ("FR", "GR"), "2022-03"),
    ),
    (
        "Moscow made wide use of Iranian drones in 2022, officials in Kyiv said.",
        "2023-05-01",
        ("procurement", None, "Iranian drones", ("IR", "RU"), "2022"),
    ),
    (
        "Japan and the United States staged the Combined Amphibious Landing Exercise in 2023.",
        "2024-01-01",
        ("exercise", "held", "Combined Amphibious Landing Exercise", ("JP", "US"), "2023"),
    ),
    (
        "Minsk already has defence pacts with Moscow and Beijing, the ministry said.",
        "2024-01-01",
        ("agreement", "signed", "defence pacts with Beijing", ("BY", "CN"), None),
    ),
    (
        "President Yoon's state visit to Washington in April 2023 followed talks in Seoul.",
        "2023-05-01",
        ("visit", "held", "Yoon", ("KR", "US"), "2023-04"),
    ),
    (
        "Beijing imposed sanctions on Lockheed Martin over arms sales to Taiwan.",
        "2022-02-21",
        ("trade_measure", "imposed", "sanctions", ("CN", "US"), "2022-02-21"),
    ),
    (
        "Officials said on Tuesday that talks went well. "
        "Beijing imposed sanctions on Lockheed Martin over arms sales to Taiwan.",
        "2022-02-24",
        ("trade_measure", "imposed", "sanctions", ("CN", "US"), "2022-02-22"),
    ),
    (
        "Egypt and Greece signed the Programme of Defence Cooperation for 2024-2028 in Athens.",
        "2023-11-14",
        ("agreement", "signed", "Programme of Defence Cooperation", ("EG", "GR"), None),
    ),
    (
        "Joint development of naval drones has also been announced by Japan and Australia.",
        "2025-02-10",
        ("coproduction", "agreed", "naval drones", ("AU", "JP"), "2025-02-10"),
    ),
    (
        "Morocco ordered 24 AH-64E helicopters and six Black Hawk helicopters on March 3 from "
        "the United States.",
        "2024-03-20",
        ("procurement", "ordered", "AH-64E", ("MA", "US"), "2024-03-03"),
    ),
    (
        "Last May, Romania ordered 54 Abrams tanks from the United States.",
        "2024-08-02",
        ("procurement", "ordered", "Abrams", ("RO", "US"), "2023-05"),
    ),
    (
        "Washington accused Pyongyang in October of supplying ballistic missiles to Russia.",
        "2024-01-15",
        ("procurement", "delivered", "ballistic missiles", ("KP", "RU"), "2023-10"),
    ),
    (
        "Belarus is supplying armed drones to Russia, the ministry said.",
        "2024-01-15",
        ("procurement", "delivering", "drones", ("BY", "RU"), None),
    ),
    (
        "South Korea has begun construction of the first Daegu-class frigate for the Philippines.",
        "2024-05-02",
        ("procurement", "ordered", "frigate", ("KR", "PH"), None),
    ),
    (
        "In May 2019, Spain and Turkey signed an agreement under which Spain would supply "
        "aircraft engines to Turkey.",
        "2019-06-01",
        ("procurement", "agreed", "aircraft engines", ("ES", "TR"), "2019-05"),
    ),
    (
        "South Korea and Australia recalled their Vision Statement of March 2021 on the "
        "Indo-Pacific.",
        "2022-01-01",
        ("agreement", "signed", "Vision Statement", ("AU", "KR"), "2021-03"),
    ),
    (
        "Vietnam and Japan elevated the Strategic Partnership concluded in 2009 to a "
        "Comprehensive Strategic Partnership (CSP) on Monday.",
        "2023-11-29",
        ("agreement", "signed", "Comprehensive Strategic Partnership", ("JP", "VN"), "2023-11-27"),
    ),
    (
        "Vietnam and Japan elevated the Strategic Partnership concluded in 2009 to a "
        "Comprehensive Strategic Partnership (CSP) on Monday.",
        "2023-11-29",
        ("agreement", "signed", "Strategic Partnership", ("JP", "VN"), "2009"),
    ),
    (
        "In May 2019, Qatar and Turkey signed an agreement under which Turkey would train "
        "Qatari pilots.",
        "2019-06-01",
        (
            "agreement",
            "signed",
            "agreement under which Turkey would train",
            ("QA", "TR"),
            "2019-05",
        ),
    ),
    (
        "The U.S. agreed on Monday to sell ammunition to Estonia, including rockets.",
        "2024-02-07",
        ("procurement", "agreed", "ammunition", ("EE", "US"), "2024-02-05"),
    ),
    (
        "Vietnam and Australia agreed on Monday to deepen ties, raising them to a 2+2 dialogue.",
        "2024-02-07",
        ("institution", "established", "2+2", ("AU", "VN"), "2024-02-05"),
    ),
    (
        "Moscow and Minsk signed a comprehensive strategic partnership agreement on Friday.",
        "2024-03-04",
        ("agreement", "signed", "comprehensive strategic partnership", ("BY", "RU"), "2024-03-01"),
    ),
]


@pytest.mark.parametrize(("text", "published", "expect"), ROWS)
def test_sentence_gives_event(text: str, published: str, expect: Expect) -> None:
    event_type, status, word, parties, date = expect
    event = _find(extract(text, published=published), event_type, word)
    assert event.status == status
    assert event.parties == parties
    assert event.date == date
    assert text[event.span[0] : event.span[1]] == event.evidence


@pytest.mark.parametrize(
    "text",
    [
        "India and Pakistan play cricket in 2025.",
        "The minister said the weather in New Delhi was hot on Tuesday.",
        "Shares of the company rose 3 percent in early trading.",
        "South Korea and Australia said in a Joint Statement that they would meet again.",
        "Shipbuilding is a pillar of the Vietnam–Japan Extensive Strategic Partnership.",
        "The Estonian army has enough ammunition, the minister said.",
        "",
    ],
)
def test_sentence_gives_nothing(text: str) -> None:
    assert extract(text, published="2025-01-01") == []


def test_quantity_and_direction() -> None:
    text = "Ukraine ordered six Bayraktar TB2 drones from Turkey in 2019."
    event = _find(extract(text, published="2019-06-01"), "procurement", "TB2")
    assert (event.from_, event.to, event.quantity) == ("TR", "UA", 6)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("India ordered 6,01,427 7.62 x 39mm assault rifles AK-203 from Russia in 2021.", 601427),
        ("Ghana bought 1,200 7.62x51mm SIG716 rifles from the United States in 2021.", 1200),
        ("Kenya ordered 7.62 x 39mm AK-103 rifles from Russia in 2022.", None),
    ],
)
def test_counts_in_indian_grouping_and_past_a_calibre(text: str, quantity: int | None) -> None:
    (event,) = [e for e in extract(text, published="2022-01-01") if e.type == "procurement"]
    assert event.quantity == quantity


def test_the_agreements_just_signed_cover_what_they_procure() -> None:
    text = (
        "Algeria and Russia inked three defence contracts on Monday. "
        "The most important of the contracts is that for the procurement of 14 Su-57 fighters."
    )
    event = _find(extract(text, published="2025-03-05"), "procurement", "Su-57")
    assert (event.status, event.date, event.quantity) == ("ordered", "2025-03-03", 14)


def test_a_port_call_to_a_state_takes_its_port_from_the_next_sentences() -> None:
    text = (
        "The USS Ronald Reagan arrived in Vietnam on Monday, the second such call in five years. "
        "The carrier anchored off the coast of Da Nang, where its crew will play football."
    )
    event = _find(extract(text, published="2023-06-27"), "port_call", "Ronald Reagan")
    assert (event.to, event.place) == ("VN", "Da Nang")


def test_a_possessive_is_no_place() -> None:
    text = (
        "Cabinet cleared the purchase of 26 Rafale fighters from France prior to Modi's departure."
    )
    events = extract(text, published="2023-07-13")
    assert events and all(e.place != "Modi’s" and e.place != "Modi's" for e in events)


def test_negated_event_is_never_done() -> None:
    text = "Vietnam did not sign the arms agreement with Russia in 2023."
    events = extract(text, published="2023-12-01")
    assert all(e.status != "signed" for e in events)
    assert any(e.negated for e in events) or not events


_PIECES = st.sampled_from(
    [
        " signed ",
        " the ",
        " India ",
        " Russian ",
        " U.S. ",
        " MQ-9B ",
        " agreement ",
        " exercise ",
        " visit to Tokyo ",
        " in 2016 ",
        " on Tuesday ",
        " USS ",
        " 31 ",
        " deal ",
        " Yudh Abhyas ",
        " Defence Minister ",
        ". ",
        "\n",
        "“",
        "”",
        " $3 billion ",
    ]
) | st.text(
    alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,()-–", max_size=12
)
_NEWSY = st.lists(_PIECES, max_size=60).map("".join)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(text=_NEWSY, published=st.sampled_from([None, "2024", "2024-05", "2024-05-07", "2022-11~"]))
def test_extract_never_raises_and_keeps_its_contract(text: str, published: str | None) -> None:
    for event in extract(text, published=published):
        assert text[event.span[0] : event.span[1]] == event.evidence
        assert len(event.parties) >= 2
        assert event.from_ is None or event.from_ in event.parties
        assert event.to is None or event.to in event.parties
        if event.negated:
            assert event.status not in ("signed", "held", "delivered", "granted", "established")


def test_user_data_dir_adds_a_platform(tmp_path: Path) -> None:
    (tmp_path / "platforms.jsonl").write_text(
        '{"name": "Kestrel-7", "aliases": [], "category": "drone", "states": ["NZ"]}\n',
        encoding="utf-8",
    )
    text = "Fiji ordered four Kestrel-7 drones in May 2024."
    assert not any("Kestrel" in e.subject for e in extract(text, published="2024-06-01"))
    events = extract(text, published="2024-06-01", data_dirs=[tmp_path])
    event = _find(events, "procurement", "Kestrel-7")
    assert (event.from_, event.to, event.quantity, event.status) == ("NZ", "FJ", 4, "ordered")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Kishida met Austin at the Pentagon in Washington, DC, on Friday.", "Washington, DC"),
        ("Kishida met Austin at the Pentagon on Friday.", "Pentagon"),
        (
            "Japan and India signed the Acquisition and Cross-Servicing Agreement in Tokyo in "
            "March 2007.",
            None,
        ),
    ],
)
def test_a_seat_of_government_gives_way_to_its_city(text: str, place: str | None) -> None:
    events = extract(text, published="2024-01-15")
    assert events
    if place is None:
        assert all(e.place in (None, "Tokyo") for e in events)
    else:
        assert all(e.place == place for e in events if e.type in ("meeting", "visit"))


def test_a_delivery_takes_the_place_where_its_aircraft_landed() -> None:
    text = (
        "South Korea on Friday delivered the first K9 howitzers to Poland. "
        "A Republic of Korea Air Force C-130 carrying the first crews landed at the Powidz "
        "Air Base, a Polish base west of Warsaw."
    )
    event = _find(extract(text, published="2022-12-09"), "procurement", "K9")
    assert (event.status, event.place) == ("delivered", "Powidz Air Base")


def test_an_agreement_in_the_narrative_takes_the_day_it_is_at() -> None:
    text = (
        "South Korea's defence minister met his Polish counterpart in Warsaw on March 3, 2025. "
        "The two ministers also agreed to jointly produce K2 tanks in Poland."
    )
    event = _find(extract(text, published="2025-03-05"), "coproduction", "K2")
    assert (event.status, event.date) == ("agreed", "2025-03-03")


def test_agreeing_to_something_else_is_no_purchase_agreed() -> None:
    text = (
        "The ministers agreed to deepen staff talks, building on cooperation that already "
        "includes Poland's use of South Korean K9 howitzers."
    )
    event = _find(extract(text, published="2025-03-05"), "procurement", "K9")
    assert event.status != "agreed"


def test_a_visiting_leader_visits_the_other_state_not_his_own() -> None:
    text = "Modi met visiting Japanese Prime Minister Fumio Kishida in New Delhi on Monday."
    event = _find(extract(text, published="2023-03-22"), "visit", "Kishida")
    assert (event.from_, event.to, event.place, event.date) == (
        "JP",
        "IN",
        "New Delhi",
        "2023-03-20",
    )


def test_a_visit_takes_the_place_a_later_sentence_gives_its_meetings() -> None:
    text = (
        "Australian Prime Minister Anthony Albanese told visiting Indonesian President Prabowo "
        "Subianto that the new treaty was historic. "
        "Officials said the talks in Canberra covered maritime patrols."
    )
    event = _find(extract(text, published="2025-11-12"), "visit", "Prabowo")
    assert (event.from_, event.to, event.place) == ("ID", "AU", "Canberra")


def test_an_unnamed_mention_of_a_named_exercise_is_that_exercise() -> None:
    text = (
        "Egypt and Greece began their first joint naval exercises in the Aegean. "
        "The drills, called Medusa 2024, run until November 20. "
        "Egypt and Greece also held joint air exercises in 2019 near Crete."
    )
    exercises = [e for e in extract(text, published="2024-11-12") if e.type == "exercise"]
    subjects = sorted(e.subject for e in exercises)
    assert len(exercises) == 2, subjects
    assert any("Medusa" in s for s in subjects)


def test_the_state_just_before_the_nearest_grant_gives_the_designation() -> None:
    text = (
        "The ministers recalled Jordan's status as a Major Non-NATO Ally of the United States, "
        "granted in 1996, and noted the decision of the United States in 2018 to place Jordan "
        "in Tier 1 of its Strategic Trade Authorization."
    )
    events = extract(text, published="2020-01-10")
    sta = _find(events, "designation", "Strategic Trade Authorization")
    assert (sta.from_, sta.to, sta.date) == ("US", "JO", "2018")
