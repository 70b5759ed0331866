"""The one-to-one assignment is optimal, not greedy: checked against brute force."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.evaluate.assign import assign


def _best_total(weights: list[list[int]]) -> int:
    """Return the largest total weight of any one-to-one assignment, by trying them all."""
    rows, columns = len(weights), len(weights[0])
    if rows <= columns:
        choices = itertools.permutations(range(columns), rows)
        return max(sum(weights[r][c] for r, c in enumerate(choice)) for choice in choices)
    choices = itertools.permutations(range(rows), columns)
    return max(sum(weights[r][c] for c, r in enumerate(choice)) for choice in choices)


_matrices = st.integers(1, 5).flatmap(
    lambda rows: st.integers(1, 5).flatmap(
        lambda columns: st.lists(
            st.lists(
                st.sampled_from([0, 0, 0, 1, 2, 5, 13, 40]), min_size=columns, max_size=columns
            ),
            min_size=rows,
            max_size=rows,
        )
    )
)


@given(_matrices)
def test_assignment_is_one_to_one_and_optimal(weights: list[list[int]]) -> None:
    pairs = assign(weights)
    assert len({row for row, _ in pairs}) == len(pairs) == len({col for _, col in pairs})
    assert all(weights[row][col] > 0 for row, col in pairs)
    assert sum(weights[row][col] for row, col in pairs) == _best_total(weights)


@pytest.mark.parametrize(
    ("weights", "pairs"),
    [
        ([], []),
        ([[0, 0], [0, 0]], []),
        ([[3]], [(0, 0)]),
        # greedy on the heaviest pair (0, 0) would leave row 1 unpaired
        ([[10, 6], [6, 0]], [(0, 1), (1, 0)]),
        # more rows than columns
        ([[1], [5], [2]], [(1, 0)]),
        ([[0, 4, 0], [0, 4, 1]], [(0, 1), (1, 2)]),
    ],
)
def test_assign_examples(weights: list[list[int]], pairs: list[tuple[int, int]]) -> None:
    assert assign(weights) == pairs
