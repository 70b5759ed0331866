"""Conflicts of every kind, each with the documents on every side."""

from __future__ import annotations

import pytest

from pactwatch.api import open as open_store
from pactwatch.records import Event

from .conftest import Report, store_document, store_reports

US_IN = ("US", "IN")

CASES = [
    ("date", [
        Report("India and the US signed LEMOA on 29 August 2016.", "agreement", "signed",
               "LEMOA", US_IN, "2016-08-29", "2016-08-30"),
        Report("LEMOA was signed on 30 August 2016.", "agreement", "signed", "LEMOA", US_IN,
               "2016-08-30", "2016-09-01"),
    ], ["2016-08-29", "2016-08-30"]),
    ("status", [
        Report("All 24 MH-60R helicopters were delivered to India in 2020.", "procurement",
               "delivered", "MH-60R", US_IN, "2020", "2020-12-01"),
        Report("India was negotiating for MH-60R helicopters in 2021.", "procurement",
               "negotiating", "MH-60R", US_IN, "2021", "2021-05-01"),
    ], ["delivered", "negotiating"]),
    ("quantity", [
        Report("India ordered 24 MH-60R helicopters in 2020.", "procurement", "ordered",
               "MH-60R", US_IN, "2020", "2020-02-26", quantity=24),
        Report("India's 2020 order was for 26 MH-60R helicopters.", "procurement", "ordered",
               "MH-60R", US_IN, "2020", "2020-03-01", quantity=26),
    ], [24, 26]),
    ("negation", [
        Report("India signed COMCASA with the US in 2018.", "agreement", "signed", "COMCASA",
               US_IN, "2018", "2018-09-07"),
        Report("India has not signed COMCASA with the US.", "agreement", "signed", "COMCASA",
               US_IN, None, "2018-10-01", negated=True),
    ], ["asserted", "negated"]),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "reports", "values"), CASES)
def test_each_kind_of_conflict_names_both_sides(
    db_url: str, kind: str, reports: list[Report], values: list[object]
) -> None:
    with open_store(db_url) as store:
        claims = store_reports(store, reports)
        (event,) = store.events(limit=None)
        (found,) = store.conflicts()
        assert store.conflicts(party="IN") == [found] and store.conflicts(party="FR") == []
    assert (found.kind, found.event) == (kind, event.id)
    assert sorted(v["value"] for v in found.values) == values
    assert sorted(c for v in found.values for c in v["claims"]) == sorted(claims)
    assert all(len(v["documents"]) == 1 for v in found.values)


def test_a_renegotiation_is_not_a_conflict(db_url: str) -> None:
    reports = [
        Report("The deal was signed in 2019.", "agreement", "signed", "Tiger Accord", US_IN,
               "2019", "2019-05-01"),
        Report("The two sides began to renegotiate the Tiger Accord in 2022.", "agreement",
               "negotiating", "Tiger Accord", US_IN, "2022", "2022-05-01"),
    ]  # fmt: skip
    with open_store(db_url) as store:
        store_reports(store, reports)
        assert store.conflicts() == []


def _listed(text: str, names: list[str]) -> list[Event]:
    return [
        Event(type="agreement", status="signed", subject=name, parties=US_IN, date=None,
              evidence=text, span=(0, len(text)))
        for name in names
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("names", "conflict"),
    [(["LEMOA", "COMCASA", "BECA"], True), (["LEMOA", "COMCASA", "BECA", "GSOMIA"], False)],
)
def test_a_document_that_announces_four_and_lists_three(
    db_url: str, names: list[str], conflict: bool
) -> None:
    text = f"The two states signed four foundational agreements: {', '.join(names)}."
    with open_store(db_url) as store:
        doc = store_document(store, text, _listed(text, names), "2021-01-01")
        found = [(c.kind, c.document, [v["value"] for v in c.values]) for c in store.conflicts()]
    assert found == ([("count", doc, [4, 3])] if conflict else [])
