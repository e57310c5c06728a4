"""The compiled hot path (``cleaner._native``, built from ``_native.pyx`` when the package
is installed), or None: then cleaner runs its pure-Python path, the reference.

Both paths give the same output byte for byte (tests/test_native.py). The compiled path is
used when it was built and ``CLEANER_PURE_PYTHON`` is not set to a true value (``1``,
``true``, ``yes``); a missing build warns once, at import. Callers read `compiled` at each
call, so a test can switch paths by setting it.
"""

from __future__ import annotations

import importlib
import os
import warnings
from types import ModuleType

PURE_ENV = "CLEANER_PURE_PYTHON"
# What this source expects of the extension; a build of older source (an editable install
# not rebuilt since a pull) says another version and is not used.
VERSION = 3


def pure_forced() -> bool:
    """True when the environment asks for the pure-Python path."""
    return os.environ.get(PURE_ENV, "").strip().lower() in ("1", "true", "yes")


def _load() -> ModuleType | None:
    if pure_forced():
        return None
    try:
        module = importlib.import_module("cleaner._native")
    except ImportError as exc:
        warnings.warn(
            f"cleaner: the compiled extension is not available ({exc}); running the "
            f"pure-Python path, several times slower (set {PURE_ENV}=1 to choose it "
            "and silence this warning)",
            RuntimeWarning,
            stacklevel=2,
        )
        return None
    if getattr(module, "VERSION", None) != VERSION:
        warnings.warn(
            f"cleaner: the compiled extension at {module.__file__} is from other source "
            "(rebuild it: pip install -e .); running the pure-Python path",
            RuntimeWarning,
            stacklevel=2,
        )
        return None
    return module


compiled: ModuleType | None = _load()
