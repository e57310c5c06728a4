"""Shared paths for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
BENCH = ROOT.parent / "shared" / "bench" / "aeb-dev"


@pytest.fixture(scope="session")
def bench_dir() -> Path:
    """The dev benchmark folder; tests that need it skip when it is absent."""
    if not (BENCH / "ground-truth.json").is_file():
        pytest.skip(f"dev benchmark not found at {BENCH}")
    return BENCH
