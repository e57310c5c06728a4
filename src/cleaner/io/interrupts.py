"""SIGINT and SIGTERM as an exception, held back while a protected section runs.

``install()`` makes both signals raise ``Interrupted`` in the main thread, so the stack
unwinds and every ``with`` block cleans up. Inside ``protected()`` a signal is only noted,
and raised when the section ends: creating a temporary file and recording its name, or
renaming it over the target, are never cut in half.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived (``signum`` says which)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _State:
    depth = 0
    pending: int | None = None


def _handler(signum: int, frame: FrameType | None) -> None:
    # Later signals are ignored, so the cleanup that the first one starts is not cut short.
    for sig in SIGNALS:
        signal.signal(sig, signal.SIG_IGN)
    if _State.depth:
        _State.pending = signum
    else:
        raise Interrupted(signum)


@contextmanager
def installed() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise ``Interrupted``; restored afterwards."""
    previous = {sig: signal.signal(sig, _handler) for sig in SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def protected() -> Iterator[None]:
    """Hold back ``Interrupted`` until the block is done (blocks may nest)."""
    _State.depth += 1
    try:
        yield
    finally:
        _State.depth -= 1
        if not _State.depth and _State.pending is not None:
            signum, _State.pending = _State.pending, None
            raise Interrupted(signum)
