"""Shared fixtures: where the gold set lives, and the skip reason when it does not."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev"
SEED_GOLD = GOLD_DIR / "seed-us-india-framework-2025.json"


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """The dev gold set in ../shared/gold/dev; skips the test where it is absent."""
    if not GOLD_DIR.is_dir():
        pytest.skip(f"gold set not found at {GOLD_DIR} (it lives beside the checkout)")
    return GOLD_DIR
