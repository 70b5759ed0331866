"""One-to-one assignment of predictions to gold events that maximises a total weight.

The Hungarian method (Kuhn–Munkres) in its shortest-augmenting-path form with
potentials, O(rows² · columns): each row is added by one augmenting path, and
the potentials keep every path a cheapest one, so the result is optimal, not
greedy. Documents hold at most a few dozen events, so this costs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

_INFINITY: Final = 1 << 62


@dataclass(slots=True)
class _State:
    """Potentials and the current matching; index 0 is the dummy of the method."""

    columns: int
    row_potential: list[int]
    column_potential: list[int] = field(init=False)
    owner: list[int] = field(init=False)
    """``owner[j]`` is the (1-based) row matched to column ``j``, 0 when free."""
    way: list[int] = field(init=False)
    """``way[j]``: the column before ``j`` on the augmenting path being grown."""
    slack: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.column_potential = [0] * (self.columns + 1)
        self.owner = [0] * (self.columns + 1)
        self.way = [0] * (self.columns + 1)
        self.slack = []


def _relax(cost: Sequence[Sequence[int]], state: _State, used: list[bool], start: int) -> int:
    """Grow the search tree from the column ``start``; return the next column to enter."""
    slack = state.slack
    row = state.owner[start]
    delta, chosen = _INFINITY, 0
    for column in range(1, state.columns + 1):
        if used[column]:
            continue
        reduced = cost[row - 1][column - 1] - state.row_potential[row]
        reduced -= state.column_potential[column]
        if reduced < slack[column]:
            slack[column], state.way[column] = reduced, start
        if slack[column] < delta:
            delta, chosen = slack[column], column
    for column in range(state.columns + 1):
        if used[column]:
            state.row_potential[state.owner[column]] += delta
            state.column_potential[column] -= delta
        else:
            slack[column] -= delta
    return chosen


def _add_row(cost: Sequence[Sequence[int]], state: _State, row: int) -> None:
    """Match ``row`` (1-based) by one cheapest augmenting path."""
    state.owner[0] = row
    state.slack = [_INFINITY] * (state.columns + 1)
    used = [False] * (state.columns + 1)
    column = 0
    while state.owner[column] != 0:
        used[column] = True
        column = _relax(cost, state, used, column)
    while column != 0:
        previous = state.way[column]
        state.owner[column] = state.owner[previous]
        column = previous


def _minimise(cost: Sequence[Sequence[int]], rows: int, columns: int) -> list[tuple[int, int]]:
    state = _State(columns, [0] * (rows + 1))
    for row in range(1, rows + 1):
        _add_row(cost, state, row)
    return [(state.owner[col] - 1, col - 1) for col in range(1, columns + 1) if state.owner[col]]


def assign(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Return the ``(row, column)`` pairs of a one-to-one assignment of maximal total weight.

    ``weights[row][column]`` is a non-negative integer; 0 means "may not be
    paired", and such pairs are left out of the result. The pairs come sorted
    by row.
    """
    rows = len(weights)
    columns = len(weights[0]) if rows else 0
    if rows == 0 or columns == 0:
        return []
    if rows <= columns:
        cost = [[-weight for weight in line] for line in weights]
        pairs = _minimise(cost, rows, columns)
    else:
        cost = [[-weights[row][col] for row in range(rows)] for col in range(columns)]
        pairs = [(row, col) for col, row in _minimise(cost, columns, rows)]
    return sorted((row, col) for row, col in pairs if weights[row][col] > 0)
