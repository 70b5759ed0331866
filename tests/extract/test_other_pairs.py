"""Documents that move between several pairs of states: each sentence keeps its own actors.

A wire round-up or an analysis names one pair most, but a sentence that
names its own two states is about them, not about the document's pair. The
texts are written for these tests in the style of such round-ups.
"""

from __future__ import annotations

import pytest

from pactwatch import extract

ROUND_UP = (
    "Japan and the Philippines signed a Reciprocal Access Agreement in Manila on July 8, 2024. "
    "Japanese officials said the pact would let their forces train on each other's soil. "
    "Tokyo will also provide the Philippine Navy with five Abukuma-class destroyer escorts. "
    "Turkish and Pakistani naval vessels took part in the exercise Sea Breeze-25 off Karachi "
    "in February 2025. "
    "The Australian frigate HMAS Anzac made a port call at Cam Ranh Bay in Vietnam on "
    "14 June 2023. "
    "Germany's defence minister Boris Pistorius met his Indian counterpart Rajnath Singh in "
    "New Delhi on June 6, 2023. "
    "It was the first agreement of its kind that Japan has concluded since its Status of "
    "Forces Agreement with the United States in 1960."
)


def _by_subject(word: str) -> tuple[str, ...]:
    events = extract(ROUND_UP, published="2025-03-01")
    found = [e for e in events if word in e.subject]
    assert found, f"nothing about {word!r} in {[e.subject for e in events]}"
    return found[0].parties


@pytest.mark.parametrize(
    ("word", "parties"),
    [
        ("Reciprocal Access", ("JP", "PH")),
        ("Abukuma", ("JP", "PH")),
        ("Sea Breeze", ("PK", "TR")),  # the actors, not the pair the document names most
        ("HMAS Anzac", ("AU", "VN")),  # "in Vietnam" is the host, not an actor
        ("Pistorius", ("DE", "IN")),
    ],
)
def test_a_sentence_naming_its_own_states_keeps_them(word: str, parties: tuple[str, ...]) -> None:
    assert _by_subject(word) == parties


def test_a_state_named_for_comparison_is_no_party() -> None:
    text = (
        "Japan and Australia signed a Reciprocal Access Agreement in Tokyo on January 6, 2022. "
        "Australian officials welcomed the pact. "
        "It is the first agreement of its kind that Japan has concluded with any country since "
        "its Status of Forces Agreement with the United States in 1960."
    )
    events = extract(text, published="2022-01-07")
    first = [e for e in events if "first agreement" in e.subject]
    assert all(e.parties == ("AU", "JP") for e in first), [(e.subject, e.parties) for e in first]


def test_the_two_allies_are_the_document_pair_even_near_a_third_state() -> None:
    text = (
        "The United States and Japan announced a new joint command in Tokyo on Monday. "
        "Officials from Washington and Tokyo said the two allies will frequently conduct joint "
        "military exercises in the islands near Taiwan."
    )
    exercises = [e for e in extract(text, published="2025-03-31") if e.type == "exercise"]
    assert exercises and all(e.parties == ("JP", "US") for e in exercises)


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        (
            "President Emmanuel Macron arrived in New Delhi on Thursday, and the two sides are "
            "expected to finalise the purchase of 26 Rafale Marine jets for the Indian Navy.",
            ("procurement", "negotiating", "Rafale", "FR", "IN", 26),
        ),
        (
            "Germany has donated 18 Leopard 2 tanks to Ukraine.",
            ("procurement", "delivered", "Leopard 2", "DE", "UA", 18),
        ),
        (
            "Japan will provide the Philippine Navy with five Abukuma-class destroyer escorts.",
            ("procurement", "agreed", "Abukuma", "JP", "PH", 5),
        ),
        (
            "Pakistan bought 30 T129 ATAK helicopters from Turkey in 2018.",
            ("procurement", "ordered", "T129", "TR", "PK", 30),  # a purchase made is an order
        ),
    ],
)
def test_transfers_told_in_other_words(
    text: str, expect: tuple[str, str, str, str, str, int]
) -> None:
    event_type, status, word, source, target, quantity = expect
    found = [e for e in extract(text, published="2025-03-01") if word in e.subject]
    assert found, text
    event = found[0]
    assert (event.type, event.status, event.from_, event.to, event.quantity) == (
        event_type,
        status,
        source,
        target,
        quantity,
    )


def test_a_co_developed_programme_is_one_coproduction_not_also_an_agreement() -> None:
    text = (
        "The United Kingdom, Japan and Italy agreed in December 2022 to jointly develop a "
        "next-generation fighter jet under the Global Combat Air Programme."
    )
    events = extract(text, published="2023-01-05")
    assert [(e.type, e.status, e.subject, e.parties, e.date) for e in events] == [
        ("coproduction", "agreed", "Global Combat Air Programme", ("GB", "IT", "JP"), "2022-12")
    ]
    assert "next-generation fighter jet" in events[0].aliases


@pytest.mark.parametrize(
    ("text", "target", "subject"),
    [
        (
            "China imposed sanctions on Lockheed Martin and Raytheon on 3 July 2024 over arms "
            "sales to Taiwan.",
            "US",  # a measure against a company targets the company's home state
            "sanctions on Lockheed Martin and Raytheon",
        ),
        (
            "The United States imposed sanctions on Turkey's Presidency of Defense Industries "
            "(SSB) in December 2020.",
            "TR",
            "sanctions on Turkey's Presidency of Defense Industries",  # no date, no half bracket
        ),
    ],
)
def test_a_measure_on_a_company_or_agency_targets_its_state(
    text: str, target: str, subject: str
) -> None:
    measures = [e for e in extract(text, published="2025-01-10") if e.type == "trade_measure"]
    assert [(m.to, m.subject) for m in measures] == [(target, subject)]
    assert measures[0].date is not None


def test_a_counterpart_named_after_the_word_is_an_official_of_that_state() -> None:
    text = (
        "Chinese Defence Minister Dong Jun held talks with his Cambodian counterpart Tea Seiha "
        "in Beijing on Tuesday."
    )
    events = extract(text, published="2025-10-08")
    assert [(e.type, e.parties, e.date, e.place) for e in events if e.type == "meeting"] == [
        ("meeting", ("CN", "KH"), "2025-10-07", "Beijing")
    ]
    visits = [(e.subject, e.from_, e.to) for e in events if e.type == "visit"]
    assert visits == [("Tea Seiha", "KH", "CN")]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Israel and Morocco signed a defence cooperation memorandum of understanding in "
            "Rabat in November 2021.",
            "defence cooperation memorandum of understanding",
        ),
        (
            "India and France signed a defence cooperation agreement in Paris in November 2021.",
            "defence cooperation agreement",
        ),
        ("The two ministers signed the defence cooperation agreement in Paris.", None),
        ("The United States and Israel signed an agreement in 2019 for two batteries.", None),
        (
            "The deal would take the form of an inter-governmental agreement, officials said.",
            None,
        ),
    ],
)
def test_a_newly_signed_generic_agreement_counts_a_mentioned_one_does_not(
    text: str, subject: str | None
) -> None:
    agreements = [e.subject for e in extract(text, published="2025-01-10") if e.type == "agreement"]
    assert agreements == ([subject] if subject else [])


def test_an_exercise_of_three_states_lists_them_all_and_keeps_its_edition() -> None:
    text = (
        "South Africa, Russia and China began a 10-day naval exercise, Mosi II, off Durban on "
        "February 17, 2023."
    )
    exercises = [e for e in extract(text, published="2023-02-18") if e.type == "exercise"]
    assert [(e.subject, e.parties, e.place) for e in exercises] == [
        ("Mosi II", ("CN", "RU", "ZA"), "Durban")
    ]


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        (
            "The Japanese destroyer JS Izumo called at Cam Ranh International Port on June 12, "
            "2019 for a four-day visit.",
            ("port_call", "JS Izumo", "VN", "2019-06-12"),  # the city under the facility words
        ),
        (
            "In 1987, Pakistan received 40 F-16 fighters from the United States under a 1981 "
            "aid package.",
            ("procurement", "F-16", "PK", "1987"),  # 1981 is the package's year
        ),
        (
            "The United States signed a 2015 contract for the sale of 22 Apache helicopters to "
            "India.",
            ("procurement", "Apache", "IN", "2015"),  # a year before an event noun is its date
        ),
    ],
)
def test_where_and_when_read_past_modifiers(text: str, expect: tuple[str, str, str, str]) -> None:
    event_type, word, to, date = expect
    found = [e for e in extract(text, published="2025-10-08") if word in e.subject]
    assert [(e.type, e.to, e.date) for e in found][:1] == [(event_type, to, date)]


def test_a_participle_after_the_subject_reports_it_done_whatever_came_before() -> None:
    text = (
        "Australia and India would establish a new Air-to-Air Refuelling Arrangement, signed in "
        "November 2024."
    )
    agreements = [e for e in extract(text, published="2024-11-20") if e.type == "agreement"]
    assert [(e.status, e.date, e.hedged) for e in agreements] == [("signed", "2024-11", False)]


@pytest.mark.parametrize(
    "text",
    [
        "Two Indian Navy P-8I aircraft landed at Darwin in October 2024.",
        "Leaders welcomed the first deployment of Indian Navy P-8I aircraft to Darwin in "
        "October 2024.",
    ],
)
def test_a_patrol_aircraft_at_a_partner_base_is_a_port_call(text: str) -> None:
    calls = [e for e in extract(text, published="2024-11-20") if e.type == "port_call"]
    assert [(e.from_, e.to, e.place, e.date) for e in calls] == [("IN", "AU", "Darwin", "2024-10")]


def test_troops_deployed_abroad_are_no_port_call() -> None:
    assert extract("The US deployed 2,000 troops to Poland in 2022.", published="2023-01-01") == []


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        (
            "Kazakhstan and France signed an agreement in Astana on 1 November 2023, under which "
            "Kazakhstan will license-produce Airbus helicopters.",
            ("coproduction", "Airbus helicopters", "FR", "KZ"),
        ),
        (
            "India ordered 12 Boeing helicopters in 2020.",
            ("procurement", "Boeing helicopters", "US", "IN"),  # the maker's home state supplies
        ),
        (
            "Riyadh is in talks with Beijing over the purchase of Wing Loong drones.",
            ("procurement", "Wing Loong drones", "CN", "SA"),
        ),
        (
            "The Netherlands will not deliver F-35 parts to Israel.",
            ("procurement", "F-35", "NL", "IL"),  # the state that withholds is the supplier
        ),
    ],
)
def test_makers_and_withholders_give_the_direction(
    text: str, expect: tuple[str, str, str, str]
) -> None:
    event_type, subject, source, target = expect
    found = [e for e in extract(text, published="2025-10-08") if e.type == event_type]
    assert [(e.subject, e.from_, e.to) for e in found][:1] == [(subject, source, target)]


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        (
            "Iran and Russia signed a 20-year comprehensive strategic partnership treaty on "
            "January 17, 2025.",
            ("agreement", "20-year comprehensive strategic partnership treaty", "2025-01-17"),
        ),
        (
            "The Indonesian Navy commissioned two Scorpene submarines in 2024.",
            ("procurement", "Scorpene submarines", "2024"),  # the service receives them
        ),
        (
            "Malaysian and Indian air forces held Exercise Udara Shakti at Kuantan in August 2023.",
            ("exercise", "Udara Shakti", "2023-08"),  # more than the listed "Shakti"
        ),
        (
            "Vietnam and South Korea held their 10th defence policy dialogue in Seoul on 4 March.",
            ("meeting", "10th defence policy dialogue", "2025-03-04"),
        ),
    ],
)
def test_names_and_dialogues_written_the_way_ministries_write_them(
    text: str, expect: tuple[str, str, str]
) -> None:
    event_type, subject, date = expect
    found = [e for e in extract(text, published="2025-10-08") if e.type == event_type]
    assert [(e.subject, e.date) for e in found] == [(subject, date)]


@pytest.mark.parametrize(
    ("second", "status"),
    [
        (
            "The deal, worth about 16 billion euros, was signed in Dubai, French officials said.",
            "ordered",
        ),
        ("The deal is expected to be signed next year.", "agreed"),
        ("Officials said the talks went well.", "agreed"),
    ],
)
def test_the_deal_signed_in_the_next_sentence_makes_the_purchase_an_order(
    second: str, status: str
) -> None:
    text = (
        "The United Arab Emirates agreed on Friday to buy 80 Rafale warplanes from France. "
        + second
    )
    found = [e for e in extract(text, published="2021-12-03") if e.type == "procurement"]
    assert [(e.subject, e.status) for e in found] == [("Rafale warplanes", status)]


@pytest.mark.parametrize(
    ("text", "status", "date"),
    [
        (
            "The Malabar exercise will be hosted by Australia off Sydney in November.",
            "planned",
            "2025-11",
        ),
        ("Australia will host the Malabar exercise off Sydney in November.", "planned", "2025-11"),
        ("Australia hosted the Malabar exercise off Sydney in November 2023.", "held", "2023-11"),
    ],
)
def test_a_listed_exercise_with_one_named_state_takes_its_usual_participants(
    text: str, status: str, date: str
) -> None:
    found = [e for e in extract(text, published="2025-10-08") if e.type == "exercise"]
    assert [(e.subject, e.status, e.parties, e.date, e.place) for e in found] == [
        ("Malabar", status, ("AU", "IN", "JP", "US"), date, "Sydney")
    ]


def test_a_framework_for_listed_platforms_gives_each_its_count_and_the_shared_date() -> None:
    text = (
        "Poland and South Korea signed framework agreements in July 2022 for 180 K2 tanks, "
        "212 K9 howitzers and 48 FA-50 fighter jets."
    )
    found = [e for e in extract(text, published="2025-10-08") if e.type == "procurement"]
    assert [(e.subject, e.status, e.from_, e.to, e.date, e.quantity) for e in found] == [
        ("K2 tanks", "agreed", "KR", "PL", "2022-07", 180),
        ("K9 howitzers", "agreed", "KR", "PL", "2022-07", 212),
        ("FA-50 fighter jets", "agreed", "KR", "PL", "2022-07", 48),
    ]


def test_an_exercise_the_ministry_says_would_be_held_is_planned() -> None:
    text = (
        "The Chinese defence ministry said the PLA Navy and the Russian Navy would hold the "
        "Joint Sea-2025 exercise near Vladivostok in early August."
    )
    found = [e for e in extract(text, published="2025-07-20") if e.type == "exercise"]
    assert [(e.subject, e.status, e.parties) for e in found] == [
        ("Joint Sea-2025", "planned", ("CN", "RU"))
    ]


def test_an_official_named_and_then_described_by_office_visits_once() -> None:
    text = (
        "Secretary of Defense Lloyd Austin traveled to Papua New Guinea on July 27, 2023, the "
        "first visit by a U.S. defense secretary."
    )
    visits = [e for e in extract(text, published="2023-07-28") if e.type == "visit"]
    assert [(e.subject, e.from_, e.to, e.date) for e in visits] == [
        ("Lloyd Austin", "US", "PG", "2023-07-27")
    ]


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        (
            "The People's Republic of China and the Republic of Serbia signed an agreement on "
            "military cooperation in Belgrade on 8 May 2024.",
            ("agreement", "agreement on military cooperation", ("CN", "RS"), "2024-05-08"),
        ),
        (
            "The Government of Nepal and the Government of India signed a memorandum on the "
            "supply of military stores on 4 April.",
            (
                "agreement",
                "memorandum on the supply of military stores",
                ("IN", "NP"),
                "2025-04-04",
            ),
        ),
        (
            "The Kingdom of Saudi Arabia has signed a letter of offer and acceptance for the "
            "THAAD system with the United States.",
            ("procurement", "THAAD system", ("SA", "US"), "2025-10-08"),
        ),
        (
            "Switzerland signed the LOA for 36 F-35A jets in September 2022.",
            ("procurement", "F-35A jets", ("CH", "US"), "2022-09"),
        ),
    ],
)
def test_official_wording_of_pacts_and_purchase_letters(
    text: str, expect: tuple[str, str, tuple[str, ...], str]
) -> None:
    event_type, subject, parties, date = expect
    found = [e for e in extract(text, published="2025-10-08") if e.type == event_type]
    assert [(e.subject, e.parties, e.date) for e in found] == [(subject, parties, date)]


@pytest.mark.parametrize(
    ("text", "subject", "quantity"),
    [
        (
            "Four Scorpène-class submarines are being built in Brazil under the PROSUB programme.",
            "Scorpène-class submarines",  # the programme named after "under the" is not another
            4,
        ),
        (
            "France agreed in 2008 to transfer technology for four Scorpène submarines to be "
            "built in Brazil.",
            "Scorpène submarines",
            4,
        ),
    ],
)
def test_a_foreign_design_built_in_the_buyer_state_is_a_coproduction(
    text: str, subject: str, quantity: int
) -> None:
    found = extract(text, published="2024-03-27")
    assert [(e.type, e.subject, e.from_, e.to, e.quantity) for e in found] == [
        ("coproduction", subject, "FR", "BR", quantity)
    ]
