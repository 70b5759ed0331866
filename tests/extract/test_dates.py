"""The temporal tagger: literal sentences -> EDTF date mentions.

Every sentence here is written for these tests in the style of defence reporting.
"""

from __future__ import annotations

import itertools
import json
import warnings
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch.extract.dates import DateMention, parse_published, tag_dates

with warnings.catch_warnings():
    # edtf 5 builds its pyparsing grammar at import, which emits a pyparsing diagnostic.
    warnings.simplefilter("ignore")
    from edtf import parse_edtf

PUB = "2025-11-20"  # a Thursday
"""The publication day most relative rows resolve against."""


def _pairs(text: str, published: str | None = None) -> list[tuple[str, str]]:
    """Return (mention text, EDTF) for every mention in text."""
    return [(m.text, m.edtf) for m in tag_dates(text, published=published)]


def _parses(value: str) -> bool:
    """Return True when the edtf package parses value."""
    try:
        parse_edtf(value)
    except Exception:
        return False
    return True


ABSOLUTE = [
    (
        "On October 31, 2025, the defence ministers signed the framework.",
        "October 31, 2025",
        "2025-10-31",
    ),
    (
        "The memorandum was signed on 31 October 2025 in the capital.",
        "31 October 2025",
        "2025-10-31",
    ),
    ("Talks resumed on Oct. 31, 2025, after a pause.", "Oct. 31, 2025", "2025-10-31"),
    (
        "The frigate sailed on Tuesday, 4 March 2025, for the exercise.",
        "Tuesday, 4 March 2025",
        "2025-03-04",
    ),
    ("Officials met on the 3rd of June 2024 to review progress.", "3rd of June 2024", "2024-06-03"),
    ("The navies trained together in Sept 2025 off the coast.", "Sept 2025", "2025-09"),
    ("The navies trained together in September 2025 off the coast.", "September 2025", "2025-09"),
    ("Deliveries began in August 2024, the ministry said.", "August 2024", "2024-08"),
    ("A FLASH ANNOUNCEMENT CAME IN MAY 2025 FROM THE MINISTRY.", "MAY 2025", "2025-05"),
    ("The logistics agreement was signed in 2016 after years of talks.", "2016", "2016"),
    ("The order is dated 2024-08-23 in the procurement register.", "2024-08-23", "2024-08-23"),
    ("The contract notice of 23/08/2024 named two bidders.", "23/08/2024", "2024-08-23"),
    ("Cooperation deepened through the 1990s despite sanctions.", "1990s", "199X"),
    ("Cooperation began in the 1980s with a technology memorandum.", "1980s", "198X"),
    ("Initiatives from the early 1990s laid the groundwork.", "early 1990s", "1990/1993"),
    ("Ties warmed in the mid-1980s after a ministerial visit.", "mid-1980s", "1984/1986"),
    ("Relations cooled in the late 1990s over nuclear tests.", "late 1990s", "1997/1999"),
    ("The first batch is due in early 2026, officials said.", "early 2026", "2026"),
    ("Production is to start by mid-2027 at the new plant.", "mid-2027", "2027"),
    ("The corvette was handed over at the end of 2021 in Istanbul.", "the end of 2021", "2021"),
]


@pytest.mark.parametrize(("sentence", "phrase", "expected"), ABSOLUTE)
def test_absolute_dates(sentence: str, phrase: str, expected: str) -> None:
    assert _pairs(sentence) == [(phrase, expected)]


MONTH_WITHOUT_YEAR = [
    ("The two armies held drills in March near the border.", "2025-11-20", "March", "2025-03"),
    (
        "The chiefs met again on 12 March to review the plan.",
        "2025-11-20",
        "12 March",
        "2025-03-12",
    ),
    (
        "The chiefs met again on March 12 to review the plan.",
        "2025-11-20",
        "March 12",
        "2025-03-12",
    ),
    ("The destroyer docked in December for repairs.", "2025-02-10", "December", "2024-12"),
    ("The frigate is to be commissioned in June at the yard.", "2025-02", "June", "2025-06"),
    ("The frigate was commissioned in July at the yard.", "2025-02", "July", "2024-07"),
    ("A second consignment followed in May, the statement said.", "2024", "May", "2024-05"),
    (
        "The envoy arrived in October last year for the talks.",
        "2019-09-04",
        "October last year",
        "2018-10",
    ),
    (
        "The tanks were ordered in January of this year.",
        "2023-06-28",
        "January of this year",
        "2023-01",
    ),
    ("The carrier called at the port last December.", "2025-11-20", "last December", "2024-12"),
    ("The carrier called at the port last October.", "2025-11-20", "last October", "2025-10"),
    ("Last April, Warsaw ordered the tanks.", "2023-06-28", "Last April", "2022-04"),
    ("The carrier will call at the port next March.", "2025-11-20", "next March", "2026-03"),
]


@pytest.mark.parametrize(("sentence", "published", "phrase", "expected"), MONTH_WITHOUT_YEAR)
def test_month_without_year_takes_the_publication_year(
    sentence: str, published: str, phrase: str, expected: str
) -> None:
    assert _pairs(sentence, published) == [(phrase, expected)]


@pytest.mark.parametrize("sentence", [row[0] for row in MONTH_WITHOUT_YEAR])
def test_month_without_year_needs_a_publication_date(sentence: str) -> None:
    assert tag_dates(sentence) == []


APPROXIMATE = [
    ("The programme was launched around 2019 with two prototypes.", "around 2019", "2019~"),
    ("The programme was launched about 2019 with two prototypes.", "about 2019", "2019~"),
    ("The programme was launched circa 2019 with two prototypes.", "circa 2019", "2019~"),
    ("The treaty (c. 2019) set out the basing terms.", "c. 2019", "2019~"),
    ("The depot was built in or around 2019 near the coast.", "in or around 2019", "2019~"),
    ("Trials were held around September 2025 in the desert.", "around September 2025", "2025-09~"),
]


@pytest.mark.parametrize(("sentence", "phrase", "expected"), APPROXIMATE)
def test_approximate_dates(sentence: str, phrase: str, expected: str) -> None:
    assert _pairs(sentence) == [(phrase, expected)]


ANAPHORIC = [
    (
        "Drills ran in September 2025. At about the same time, a destroyer called.",
        "At about the same time",
        "2025-09~",
    ),
    (
        "Talks opened in 2019; around the same time the navies began joint patrols.",
        "around the same time",
        "2019~",
    ),
    (
        "A squadron deployed in March 2018, and later that year the pilots trained together.",
        "later that year",
        "2018",
    ),
    (
        "The memorandum was signed on 4 June 2021; that same month the first officers arrived.",
        "that same month",
        "2021-06",
    ),
    (
        "Ties grew in the early 1990s; at roughly the same time officers trained.",
        "at roughly the same time",
        "1990~/1993~",
    ),
]


@pytest.mark.parametrize(("sentence", "phrase", "expected"), ANAPHORIC)
def test_anaphora_take_the_previous_absolute_mention(
    sentence: str, phrase: str, expected: str
) -> None:
    last = tag_dates(sentence)[-1]
    assert (last.text, last.edtf, last.kind) == (phrase, expected, "anaphoric")


@pytest.mark.parametrize(
    "sentence",
    [
        "At about the same time, the destroyer called at the port.",
        "Later that year the pilots trained together.",
        "The squadron deployed in 2018 and that same month the pilots trained.",
    ],
)
def test_anaphora_without_a_fitting_antecedent_are_skipped(sentence: str) -> None:
    assert all(m.kind != "anaphoric" for m in tag_dates(sentence))


INTERVALS = [
    ("The roadmap covers 2025–2035 for joint production.", "2025–2035", "2025/2035"),
    ("The roadmap covers 2025-2035 for joint production.", "2025-2035", "2025/2035"),
    (
        "The dialogue met yearly from 2016 to 2020 in both capitals.",
        "from 2016 to 2020",
        "2016/2020",
    ),
    ("Four agreements were signed between 2016 and 2020.", "between 2016 and 2020", "2016/2020"),
    ("The premier backed the programme from 1982 to 1989.", "from 1982 to 1989", "1982/1989"),
    ("Allocations for 2024-25 rose by a tenth.", "2024-25", "2024/2025"),
    (
        "The plan runs from March 2016 to June 2018 in three phases.",
        "from March 2016 to June 2018",
        "2016-03/2018-06",
    ),
    (
        "Trainers rotated between January and March 2024 at the base.",
        "between January and March 2024",
        "2024-01/2024-03",
    ),
    (
        "The exercise ran September 9-22, 2024 in the mountains.",
        "September 9-22, 2024",
        "2024-09-09/2024-09-22",
    ),
    (
        "The exercise ran 9–22 September 2024 in the mountains.",
        "9–22 September 2024",
        "2024-09-09/2024-09-22",
    ),
    (
        "The drills were held between 12 and 15 March 2024 at sea.",
        "between 12 and 15 March 2024",
        "2024-03-12/2024-03-15",
    ),
    (
        "The drills ran from 12 March to 3 April 2024 at sea.",
        "from 12 March to 3 April 2024",
        "2024-03-12/2024-04-03",
    ),
    (
        "The drills ran September 29 – October 3, 2024 at sea.",
        "September 29 – October 3, 2024",
        "2024-09-29/2024-10-03",
    ),
    (
        "The partnership will be deepened through 2035, the statement said.",
        "through 2035",
        "../2035",
    ),
    ("The lease stays in force until 2035 under the new terms.", "until 2035", "../2035"),
    ("The moratorium holds until March 2026 at the earliest.", "until March 2026", "../2026-03"),
]


@pytest.mark.parametrize(("sentence", "phrase", "expected"), INTERVALS)
def test_intervals(sentence: str, phrase: str, expected: str) -> None:
    assert _pairs(sentence, PUB) == [(phrase, expected)]


def test_and_without_between_does_not_join_two_years() -> None:
    assert _pairs("Exercises were held in 2016 and 2020.") == [("2016", "2016"), ("2020", "2020")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Talks were held on September 2 and 3, 2019.", [("September 2 and 3, 2019", True)]),
        ("Talks were held on 2 and 3 September 2019.", [("2 and 3 September 2019", True)]),
        ("Inspections fell on 2 and 9 September 2019.", [("9 September 2019", False)]),
    ],
)
def test_and_joins_days_only_when_they_follow_each_other(
    sentence: str, expected: list[tuple[str, bool]]
) -> None:
    assert [(m.text, "/" in m.edtf) for m in tag_dates(sentence)] == expected


DURATIONS = [
    (
        "The ministers signed a 10-year deal on defence cooperation.",
        "2025-11",
        "10-year",
        "2025/2035",
    ),
    (
        "They adopted a ten-year defence framework at the meeting.",
        "2025-11-20",
        "ten-year",
        "2025/2035",
    ),
    ("The navy signed a 25-year lease for the berths.", "2024-03-01", "25-year", "2024/2049"),
    (
        "A five-year roadmap for industrial cooperation was agreed.",
        "2024",
        "five-year",
        "2024/2029",
    ),
]


@pytest.mark.parametrize(("sentence", "published", "phrase", "expected"), DURATIONS)
def test_durations_start_at_publication(
    sentence: str, published: str, phrase: str, expected: str
) -> None:
    assert [(m.text, m.edtf, m.kind) for m in tag_dates(sentence, published=published)] == [
        (phrase, expected, "duration")
    ]


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        ("The ministers signed a 10-year deal on defence cooperation.", None),
        ("The 10-year-old destroyer needs a refit.", "2025-11-20"),
        ("Over 10 years the two navies met often.", "2025-11-20"),
    ],
)
def test_years_without_a_dated_noun_or_publication_are_not_durations(
    sentence: str, published: str | None
) -> None:
    assert tag_dates(sentence, published=published) == []


RELATIVE = [
    ("The minister said today that the order was placed.", "today", "2025-11-20"),
    ("Yesterday the two defence chiefs met in the capital.", "Yesterday", "2025-11-19"),
    ("The frigate will sail tomorrow for the exercise.", "tomorrow", "2025-11-21"),
    ("The agreement was signed this morning at the ministry.", "this morning", "2025-11-20"),
    ("Drones were seen over the base last night.", "last night", "2025-11-19"),
    ("The ministers met on Tuesday in the capital.", "Tuesday", "2025-11-18"),
    ("The ministers met on Thursday in the capital.", "Thursday", "2025-11-20"),
    ("The ministers met last Thursday in the capital.", "last Thursday", "2025-11-13"),
    ("The ministers will meet next Tuesday in the capital.", "next Tuesday", "2025-11-25"),
    (
        "The corvette arrived over the weekend at the port.",
        "over the weekend",
        "2025-11-15/2025-11-16",
    ),
    ("The talks took place last week in the capital.", "last week", "2025-11-10/2025-11-16"),
    ("The talks take place this week in the capital.", "this week", "2025-11-17/2025-11-23"),
    ("The cabinet cleared the purchase last month.", "last month", "2025-10"),
    ("The cabinet cleared the purchase earlier this month.", "earlier this month", "2025-11"),
    ("The cabinet will clear the purchase next month.", "next month", "2025-12"),
    ("Deliveries began earlier this year at the air base.", "earlier this year", "2025"),
    ("Deliveries continue this year at the air base.", "this year", "2025"),
    ("The contract was signed last year in the capital.", "last year", "2024"),
    ("Production starts next year at the new plant.", "next year", "2026"),
    ("The deal was announced two weeks ago in the capital.", "two weeks ago", "2025-11-06~"),
    ("The deal was announced three days ago in the capital.", "three days ago", "2025-11-17~"),
    ("The deal was announced a week ago in the capital.", "a week ago", "2025-11-13~"),
    ("The deal was first floated six months ago.", "six months ago", "2025-05~"),
    ("The base was opened a decade ago by the two navies.", "a decade ago", "2015~"),
]


@pytest.mark.parametrize(("sentence", "phrase", "expected"), RELATIVE)
def test_relative_dates_resolve_against_publication(
    sentence: str, phrase: str, expected: str
) -> None:
    mentions = tag_dates(sentence, published=PUB)
    assert [(m.text, m.edtf, m.kind) for m in mentions] == [(phrase, expected, "relative")]


@pytest.mark.parametrize("sentence", [row[0] for row in RELATIVE])
def test_relative_dates_need_a_publication_date(sentence: str) -> None:
    assert tag_dates(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministers met on Tuesday in the capital.", []),
        ("Yesterday the two defence chiefs met in the capital.", []),
        ("The deal was announced two weeks ago in the capital.", []),
        ("The talks took place last week in the capital.", [("last week", "2025-11")]),
        ("The carrier group calls at the port next week.", [("next week", "2025-11")]),
        ("The cabinet cleared the purchase last month.", [("last month", "2025-10")]),
        ("The deal was first floated six months ago.", [("six months ago", "2025-05~")]),
        ("Deliveries began earlier this year at the air base.", [("earlier this year", "2025")]),
    ],
)
def test_a_publication_month_resolves_no_day_and_weeks_to_its_month(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _pairs(sentence, "2025-11") == expected


@pytest.mark.parametrize("published", ["2025-11-20~", "2025-11-20?", "2025-11-20T08:30:00Z"])
def test_qualified_publication_dates_still_anchor(published: str) -> None:
    assert _pairs("The talks ended yesterday.", published) == [("yesterday", "2025-11-19")]


NOT_DATES = [
    "The air force flies the F-16 and the Su-30MKI from the base.",
    "The navy leases two MQ-9B drones for surveillance.",
    "About 50 percent of the parts are made locally.",
    "The deal covers 31 drones and their sensors.",
    "The fighter, the Tejas Mk1A, is built locally.",
    "The ship, hull No. 2016, was refitted at the yard.",
    "Call the ministry desk on +91 11 2301 2016 for details.",
    "The 2+2 dialogue is the main forum for the two states.",
    "The army recruited 6,01,427 soldiers over the period.",
    "The contingent of 2016 troops flew out of the base.",
    "The convoy left at 2000 hours under escort.",
    "The budget of Rs 2016 crore covers spares.",
    "The range of the missile is 2016 km, the ministry said.",
    "The plant will add 2000 MW to the grid near the base.",
    "The squadron numbers 2,016 personnel in all.",
    "Officials may march with the veterans, and the minister may attend.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_numbers_and_words_that_are_not_dates(sentence: str) -> None:
    assert tag_dates(sentence, published=PUB) == []


KIND_AND_PRECISION = [
    ("Signed on 31 October 2025 in the capital.", "absolute", "day"),
    ("Signed in October 2025 in the capital.", "absolute", "month"),
    ("Signed in 2025 in the capital.", "absolute", "year"),
    ("Signed in the 1980s in the capital.", "absolute", "decade"),
    ("Signed in the early 1980s in the capital.", "absolute", "interval"),
    ("Valid from 2016 to 2020 in both capitals.", "interval", "interval"),
    ("Signed last week in the capital.", "relative", "interval"),
    ("Signed yesterday in the capital.", "relative", "day"),
    ("A 10-year deal was signed in the capital.", "duration", "interval"),
]


@pytest.mark.parametrize(("sentence", "kind", "precision"), KIND_AND_PRECISION)
def test_kind_and_precision(sentence: str, kind: str, precision: str) -> None:
    (mention,) = tag_dates(sentence, published=PUB)
    assert (mention.kind, mention.precision) == (kind, precision)


def test_mentions_carry_their_offsets() -> None:
    text = "Signed on 31 October 2025; ratified in 2026."
    assert tag_dates(text) == [
        DateMention(10, 25, "31 October 2025", "2025-10-31", "absolute", "day"),
        DateMention(39, 43, "2026", "2026", "absolute", "year"),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-20", date(2025, 11, 20)),
        ("2025-11", date(2025, 11, 1)),
        ("2025", date(2025, 1, 1)),
        ("2022-11~", date(2022, 11, 1)),
        ("2023-06-28?", date(2023, 6, 28)),
        ("2025-11-20T10:15:00Z", date(2025, 11, 20)),
        ("2025-02-30", None),
        ("last Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_published(value: str | None, expected: date | None) -> None:
    assert parse_published(value) == expected


_WORDS = st.sampled_from(
    [
        "in", "on", "from", "between", "and", "to", "-", "–", ",", ".", "the", "early",
        "mid-", "late", "around", "c.", "until", "through", "last", "next", "this",
        "week", "month", "year", "weekend", "ago", "today", "yesterday", "two", "a",
        "10-year", "deal", "same", "time", "that", "Tuesday", "Sunday", "March", "May",
        "Sept.", "DECEMBER", "9", "22", "31", "2016", "1990s", "2025-35", "2024-08-23",
        "12/13/2024", "F-2016", "No.", "troops", "1999", "2099", "00",
    ]
)  # fmt: skip
_TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(_WORDS, max_size=30).map(" ".join),
    st.lists(st.one_of(_WORDS, st.text(max_size=3)), max_size=30).map("".join),
)
_PUBLISHED = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.dates().map(str),
    st.dates().map(lambda d: d.isoformat()[:7] + "~"),
    st.dates().map(lambda d: d.isoformat()[:4]),
)


@settings(max_examples=400, deadline=None)
@given(text=_TEXTS, published=_PUBLISHED)
def test_mentions_are_valid_edtf_spans_sorted_and_disjoint(
    text: str, published: str | None
) -> None:
    mentions = tag_dates(text, published=published)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.edtf and _parses(mention.edtf), mention
        assert mention.kind in {"absolute", "relative", "interval", "duration", "anaphoric"}
        assert mention.precision in {"day", "month", "year", "decade", "interval"}
    for first, second in itertools.pairwise(mentions):
        assert first.end <= second.start


@given(published=st.dates().map(str))
def test_any_publication_day_resolves_relative_words(published: str) -> None:
    mentions = tag_dates("They met last week, on Monday, and again yesterday.", published=published)
    if 1800 <= int(published[:4]) <= 2200:
        assert len(mentions) == 3 and all(_parses(m.edtf) for m in mentions)
    else:
        assert mentions == []


def test_whatever_is_tagged_in_the_gold_documents_parses(gold_dir: Path) -> None:
    tagged = 0
    for path in sorted(gold_dir.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for mention in tag_dates(doc["text"], published=doc.get("published")):
            assert doc["text"][mention.start : mention.end] == mention.text
            assert _parses(mention.edtf), (path.name, mention)
            tagged += 1
    assert tagged > 0
