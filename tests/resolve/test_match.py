"""Merge and no-merge: pairs of literal reports from two documents, one event or two."""

from __future__ import annotations

import pytest

from pactwatch.api import open as open_store

from .conftest import Report, store_reports

US_IN = ("US", "IN")

MERGE = [
    (  # the same agreement, acronym in one report and expansion in the other
        Report("India and the US signed LEMOA in August 2016.", "agreement", "signed",
               "LEMOA", US_IN, "2016-08", "2016-09-01"),
        Report("The Logistics Exchange Memorandum of Agreement was signed on 29 August 2016.",
               "agreement", "signed", "Logistics Exchange Memorandum of Agreement", US_IN,
               "2016-08-29", "2016-09-02"),
    ),
    (  # an alias on one side
        Report("Washington and New Delhi signed BECA in 2020.", "agreement", "signed", "BECA",
               US_IN, "2020", "2020-10-28"),
        Report("The Basic Exchange and Cooperation Agreement was signed by both states.",
               "agreement", "signed", "Basic Exchange and Cooperation Agreement", US_IN, None,
               "2021-01-05", aliases=("BECA",)),
    ),
    (  # platform variants
        Report("India received more F-404 engines in 2024.", "procurement", "delivering",
               "F-404 engines", US_IN, "2024", "2024-05-01"),
        Report("GE 404 engine deliveries to India continued in March 2024.", "procurement",
               "delivering", "GE 404 engine", US_IN, "2024-03", "2024-04-01"),
    ),
    (  # one procurement, two statuses in two years
        Report("India was negotiating to buy 31 MQ-9B drones in 2023.", "procurement",
               "negotiating", "MQ-9B drones", US_IN, "2023", "2023-06-10", quantity=31),
        Report("India ordered 31 MQ-9B SeaGuardian drones in October 2024.", "procurement",
               "ordered", "MQ-9B SeaGuardian drones", US_IN, "2024-10", "2024-10-16",
               aliases=("MQ-9B",), quantity=31),
    ),
    (  # an exercise dated by its year in one report and its month in the other
        Report("Yudh Abhyas was held in 2025.", "exercise", "held", "Yudh Abhyas", US_IN,
               "2025", "2025-12-01"),
        Report("Exercise Yudh Abhyas took place at Fort Wainwright in September 2025.",
               "exercise", "held", "Exercise Yudh Abhyas", US_IN, "2025-09", "2025-09-20",
               place="Fort Wainwright"),
    ),
    (  # an undated mention of the same designation
        Report("The US made India a Major Defence Partner in 2016.", "designation", "granted",
               "Major Defence Partner", US_IN, "2016", "2016-06-08"),
        Report("India is a Major Defense Partner of the United States.", "designation",
               "granted", "Major Defense Partner", US_IN, None, "2023-01-01"),
    ),
]  # fmt: skip

APART = [
    (  # two rounds of one exercise
        Report("Yudh Abhyas was held in Rajasthan in 2024.", "exercise", "held", "Yudh Abhyas",
               US_IN, "2024", "2024-09-30"),
        Report("Yudh Abhyas was held in Alaska in 2025.", "exercise", "held", "Yudh Abhyas",
               US_IN, "2025", "2025-09-30"),
    ),
    (  # different model numbers
        Report("India received F404 engines in 2024.", "procurement", "delivering", "F404",
               US_IN, "2024", "2024-05-01"),
        Report("India will co-produce F414 engines.", "procurement", "delivering", "F414",
               US_IN, "2024", "2024-06-01"),
    ),
    (  # different parties
        Report("India and the US signed LEMOA in 2016.", "agreement", "signed", "LEMOA",
               US_IN, "2016", "2016-09-01"),
        Report("Japan and the US signed LEMOA in 2016.", "agreement", "signed", "LEMOA",
               ("US", "JP"), "2016", "2016-09-02"),
    ),
    (  # different types
        Report("India ordered BrahMos missiles in 2022.", "procurement", "ordered", "BrahMos",
               ("IN", "PH"), "2022", "2022-01-30"),
        Report("The Philippines and India agreed to build BrahMos together in 2022.",
               "coproduction", "agreed", "BrahMos", ("IN", "PH"), "2022", "2022-02-01"),
    ),
    (  # two orders of one platform, years apart
        Report("India ordered 22 Apache helicopters in 2015.", "procurement", "ordered",
               "Apache helicopters", US_IN, "2015", "2015-09-29", quantity=22),
        Report("India ordered 6 more Apache helicopters in 2020.", "procurement", "ordered",
               "Apache helicopters", US_IN, "2020-02", "2020-02-26", quantity=6),
    ),
    (  # the same exercise name in one year at two places
        Report("Malabar was held off Guam in 2023.", "exercise", "held", "Malabar", US_IN,
               "2023", "2023-11-01", place="Guam"),
        Report("Malabar was held off Sydney in 2023.", "exercise", "held", "Malabar", US_IN,
               "2023", "2023-08-21", place="Sydney"),
    ),
    (  # generic words alone name nothing
        Report("India and the US signed a defence framework in 2015.", "agreement", "signed",
               "defence framework", US_IN, "2015", "2015-06-04"),
        Report("India and the US signed a new framework in 2025.", "agreement", "signed",
               "new framework", US_IN, "2025", "2025-10-31"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("first", "second"), MERGE)
def test_reports_of_one_event_become_one_event(db_url: str, first: Report, second: Report) -> None:
    with open_store(db_url) as store:
        store_reports(store, [first, second])
        (event,) = store.events(limit=None)
    assert event.claims == 2 and len(event.documents) == 2


@pytest.mark.parametrize(("first", "second"), APART)
def test_reports_of_different_events_stay_apart(db_url: str, first: Report, second: Report) -> None:
    with open_store(db_url) as store:
        store_reports(store, [first, second])
        found = store.events(limit=None)
    assert sorted(e.claims for e in found) == [1, 1]


def test_one_documents_two_events_never_merge_with_each_other(db_url: str) -> None:
    from .conftest import store_document

    text = "India ordered MQ-9B drones. India later ordered more MQ-9B drones."
    first = text.split(". ")[0]
    events = [
        Report(first + ".", "procurement", "ordered", "MQ-9B drones", US_IN, None).event(),
        Report(text, "procurement", "ordered", "MQ-9B drones", US_IN, None).event(),
    ]
    with open_store(db_url) as store:
        store_document(store, text, events, "2024-10-16")
        assert len(store.events(limit=None)) == 2
