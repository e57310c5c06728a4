"""Collection for the whole tree: doctests of optional integrations, and skips in CI.

A doctest of an integration whose extra is not installed is left out (its tests in
tests/ are skipped and say why). With ``CLEANER_FORBID_SKIPS=1`` (CI, which installs every
extra) a run that skipped any test fails.
"""

from __future__ import annotations

import importlib.util
import os

import pytest

EXTRAS = {
    "src/cleaner/integrations/datatrove.py": "datatrove",
    "src/cleaner/integrations/spark.py": "pyspark",
}

collect_ignore = [path for path, module in EXTRAS.items() if not importlib.util.find_spec(module)]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail a run that skipped tests when skips are forbidden."""
    if not os.environ.get("CLEANER_FORBID_SKIPS"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if skipped:
        reporter.write_line(f"CLEANER_FORBID_SKIPS: {len(skipped)} test(s) skipped", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
