"""``Cleaner.clean_many`` in worker processes: input order kept, one Cleaner per process.

Documents go to a `ChunkPool` in chunks, a bounded number in flight, so memory stays
bounded however long the input and however slowly the caller consumes results. A document
that kills its worker (out of memory, say) fails with `WorkerDied`; the others are cleaned.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .pool import ChunkPool, chunked

if TYPE_CHECKING:
    from .article import Article
    from .pipeline import Cleaner

CHUNK_SIZE = 32
CHUNKS_PER_WORKER = 4  # chunks in flight per worker

# The Cleaner of a worker process, set once by the pool's initializer.
_worker: Cleaner | None = None


def _install(cleaner: Cleaner) -> None:
    """Pool initializer: forked workers inherit the caller's compiled Cleaner as it is;
    spawned ones rebuild it from its config (``Cleaner.__reduce__``)."""
    global _worker
    _worker = cleaner


def _clean_chunk(sources: list[str | bytes]) -> list[Article | Exception]:
    """Each document's Article, or the exception it raised (the parent decides)."""
    assert _worker is not None, "the pool initializer sets the worker's Cleaner"
    results: list[Article | Exception] = []
    for source in sources:
        try:
            results.append(_worker.clean(source))
        except Exception as exc:
            results.append(exc)
    return results


def clean_in_processes(
    cleaner: Cleaner,
    sources: Iterable[str | bytes],
    workers: int,
    return_exceptions: bool,
) -> Iterator[Article | Exception]:
    """Yield one result per source, in order, from a pool of ``workers`` processes.

    Without ``return_exceptions`` the first failing document raises its exception after
    every result before it was yielded, as in one process. A document that kills its
    worker fails with `WorkerDied`.
    """
    context = multiprocessing.get_context("spawn" if _threads_unsafe() else None)
    pool: ChunkPool[str | bytes, Article | Exception] = ChunkPool(
        workers,
        _clean_chunk,
        _install,
        (cleaner,),
        window=CHUNKS_PER_WORKER * workers,
        context=context,
    )
    with pool:
        for results in pool.map(chunked(sources, CHUNK_SIZE)):
            for result in results:
                if isinstance(result, Exception) and not return_exceptions:
                    raise result
                yield result


def _threads_unsafe() -> bool:
    return multiprocessing.get_start_method(allow_none=True) == "spawn"
