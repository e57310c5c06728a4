"""Clean documents in several processes, input order kept, one Cleaner per process."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .config import CleanerConfig

if TYPE_CHECKING:
    from .article import Article
    from .pipeline import Cleaner

CHUNK_SIZE = 16


@lru_cache(maxsize=4)
def _worker_cleaner(config: CleanerConfig) -> Cleaner:
    from .pipeline import Cleaner

    return Cleaner(config)


def _clean_task(task: tuple[CleanerConfig, str | bytes, bool]) -> Article | Exception:
    config, source, return_exceptions = task
    try:
        return _worker_cleaner(config).clean(source)
    except Exception as exc:
        if return_exceptions:
            return exc
        raise


def clean_in_processes(
    config: CleanerConfig,
    sources: Iterable[str | bytes],
    workers: int,
    return_exceptions: bool,
) -> Iterator[Article | Exception]:
    """Yield one result per source, in order, from a pool of ``workers`` processes."""
    tasks = ((config, source, return_exceptions) for source in sources)
    context = multiprocessing.get_context("spawn" if _threads_unsafe() else None)
    with context.Pool(workers) as pool:
        yield from pool.imap(_clean_task, tasks, chunksize=CHUNK_SIZE)


def _threads_unsafe() -> bool:
    return multiprocessing.get_start_method(allow_none=True) == "spawn"
