"""EDTF day bounds: one row per form, and properties checked with hypothesis."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.store.dates import edtf_bounds, is_edtf


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016", ("2016-01-01", "2016-12-31")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2023-02", ("2023-02-01", "2023-02-28")),
        ("2016-08-29", ("2016-08-29", "2016-08-29")),
        ("2025-09~", ("2025-09-01", "2025-09-30")),
        ("2004?", ("2004-01-01", "2004-12-31")),
        ("2019-11-30%", ("2019-11-30", "2019-11-30")),
        ("199X", ("1990-01-01", "1999-12-31")),
        ("19XX", ("1900-01-01", "1999-12-31")),
        ("2020-XX", ("2020-01-01", "2020-12-31")),
        ("2021-05-XX", ("2021-05-01", "2021-05-31")),
        ("1990/1993", ("1990-01-01", "1993-12-31")),
        ("2024-09-09/2024-09-22", ("2024-09-09", "2024-09-22")),
        ("2025-10-31/..", ("2025-10-31", "9999-12-31")),
        ("../2035", ("0001-01-01", "2035-12-31")),
        ("2024-21", ("2024-03-01", "2024-05-31")),
        ("2023-24", ("2023-12-01", "2024-02-29")),
        (" 2016 ", ("2016-01-01", "2016-12-31")),
    ],
)
def test_bounds(value: str, expected: tuple[str, str]) -> None:
    assert edtf_bounds(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "last week",
        "2016-13",
        "2023-02-29",
        "2016-08-32",
        "-0500",
        "Y170000002",
        "{2016,2017}",
        "2020/2019",
        "../..",
        "2016-8-29",
        "0000",
    ],
)
def test_no_bounds(value: str | None) -> None:
    assert edtf_bounds(value) is None
    assert value is None or not is_edtf(value)


_DAYS = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


@given(day=_DAYS, precision=st.sampled_from([4, 7, 10]), qualifier=st.sampled_from(["", "~", "?"]))
def test_a_date_lies_within_the_bounds_of_its_own_text(
    day: dt.date, precision: int, qualifier: str
) -> None:
    bounds = edtf_bounds(day.isoformat()[:precision] + qualifier)
    assert bounds is not None
    low, high = bounds
    assert low <= day.isoformat() <= high
    assert dt.date.fromisoformat(low) <= dt.date.fromisoformat(high)
    assert low.startswith(day.isoformat()[:precision])


@given(a=_DAYS, b=_DAYS)
def test_an_interval_spans_from_its_start_to_its_end(a: dt.date, b: dt.date) -> None:
    low, high = sorted((a, b))
    assert edtf_bounds(f"{low.isoformat()}/{high.isoformat()}") == (
        low.isoformat(),
        high.isoformat(),
    )
