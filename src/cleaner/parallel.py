"""Clean documents in several processes, input order kept, one Cleaner per process."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .article import Article
    from .pipeline import Cleaner

CHUNK_SIZE = 32

# The Cleaner of a worker process, set once by the pool's initializer.
_worker: Cleaner | None = None


def _install(cleaner: Cleaner) -> None:
    """Pool initializer: forked workers inherit the caller's compiled Cleaner as it is;
    spawned ones rebuild it from its config (``Cleaner.__reduce__``)."""
    global _worker
    _worker = cleaner


def _clean_task(task: tuple[str | bytes, bool]) -> Article | Exception:
    source, return_exceptions = task
    assert _worker is not None, "the pool initializer sets the worker's Cleaner"
    try:
        return _worker.clean(source)
    except Exception as exc:
        if return_exceptions:
            return exc
        raise


def clean_in_processes(
    cleaner: Cleaner,
    sources: Iterable[str | bytes],
    workers: int,
    return_exceptions: bool,
) -> Iterator[Article | Exception]:
    """Yield one result per source, in order, from a pool of ``workers`` processes."""
    tasks = ((source, return_exceptions) for source in sources)
    context = multiprocessing.get_context("spawn" if _threads_unsafe() else None)
    with context.Pool(workers, initializer=_install, initargs=(cleaner,)) as pool:
        yield from pool.imap(_clean_task, tasks, chunksize=CHUNK_SIZE)


def _threads_unsafe() -> bool:
    return multiprocessing.get_start_method(allow_none=True) == "spawn"
