"""Clean documents in several processes, input order kept, one Cleaner per process.

Chunks of documents go to the workers with a bounded number in flight, so memory stays
bounded however long the input and however slowly the caller consumes results. When a
worker dies (killed, or out of memory) the pool is lost with every chunk it held: a new
pool takes over and cleans those chunks again one document at a time, so that only a
document that kills its worker again fails (with `WorkerDied`). ``multiprocessing.Pool``
would wait for ever for a lost chunk.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from multiprocessing.context import BaseContext
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from .article import Article
    from .pipeline import Cleaner

CHUNK_SIZE = 32
CHUNKS_PER_WORKER = 4  # chunks in flight per worker

T = TypeVar("T")
R = TypeVar("R")


class WorkerDied(RuntimeError):
    """A worker process died (killed, or out of memory) while it held this document."""

    def __init__(self) -> None:
        super().__init__("a worker process died (killed, or out of memory) while cleaning this")


class ChunkPool(Generic[T, R]):
    """Runs ``function`` over chunks in worker processes; results come back in order.

    Use it as a context manager: leaving it on an exception (an interrupt, a consumer
    that stopped early) stops the workers at once; else it waits for them to finish.
    """

    def __init__(
        self,
        workers: int,
        function: Callable[[list[T]], list[R]],
        initializer: Callable[..., None],
        initargs: tuple[Any, ...],
        *,
        window: int,
        context: BaseContext | None = None,
    ) -> None:
        self.workers = workers
        self.function = function
        self.initializer = initializer
        self.initargs = initargs
        self.window = window
        self.context = context or multiprocessing.get_context()
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ChunkPool[T, R]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop(kill=kind is not None)

    def map(self, chunks: Iterable[list[T]]) -> Iterator[list[R | Exception]]:
        """Each chunk's results, in order. A result is an exception when it was lost:
        `WorkerDied`, or the error that kept it from coming back (a result that could not
        be pickled)."""
        inflight: deque[tuple[list[T], Future[list[R]], ProcessPoolExecutor]] = deque()
        for chunk in chunks:
            inflight.append((chunk, *self._submit(chunk)))
            while len(inflight) >= self.window:
                yield self._collect(*inflight.popleft())
        while inflight:
            yield self._collect(*inflight.popleft())

    def stop(self, *, kill: bool) -> None:
        """Shut the workers down: at once (``kill``), or when their chunks are done."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if kill:
            # Python 3.14 has executor.terminate_workers(); before, the processes and the
            # result pipe are private.
            processes = list((getattr(executor, "_processes", None) or {}).values())
            results = getattr(executor, "_result_queue", None)
            executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
            for process in processes:
                process.join()
            # A worker killed while it sent a result leaves half a message in the pipe, and
            # the executor's thread would wait for the rest for ever (and the interpreter
            # for that thread at exit). With every worker gone, closing this process's
            # end for writing turns that wait into the end of the pipe.
            writer = getattr(results, "_writer", None)
            if writer is not None:
                writer.close()
        executor.shutdown(wait=True)

    def _start(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=self.context,
                initializer=self.initializer,
                initargs=self.initargs,
            )
        return self._executor

    def _submit(self, chunk: list[T]) -> tuple[Future[list[R]], ProcessPoolExecutor]:
        executor = self._start()
        try:
            return executor.submit(self.function, chunk), executor
        except BrokenProcessPool:  # a worker died since the last result came back
            if executor is self._executor:
                self.stop(kill=True)
            executor = self._start()
            return executor.submit(self.function, chunk), executor

    def _collect(
        self, chunk: list[T], future: Future[list[R]], executor: ProcessPoolExecutor
    ) -> list[R | Exception]:
        try:
            return list(future.result())
        except (BrokenProcessPool, CancelledError):
            # A worker died: the pool and every chunk it held are lost. A new pool cleans
            # this chunk again, each item on its own, so only an item that kills its worker
            # again is lost.
            if executor is self._executor:
                self.stop(kill=True)
            return [self._alone(item) for item in chunk]
        except Exception as exc:
            return [exc] * len(chunk)

    def _alone(self, item: T) -> R | Exception:
        """One item's result from a pool that runs nothing else."""
        future, executor = self._submit([item])
        try:
            return future.result()[0]
        except (BrokenProcessPool, CancelledError):
            if executor is self._executor:
                self.stop(kill=True)
            return WorkerDied()
        except Exception as exc:
            return exc


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
    iterator = iter(sources)
    chunks = iter(lambda: list(islice(iterator, CHUNK_SIZE)), [])
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
        for results in pool.map(chunks):
            for result in results:
                if isinstance(result, Exception) and not return_exceptions:
                    raise result
                yield result


def _threads_unsafe() -> bool:
    return multiprocessing.get_start_method(allow_none=True) == "spawn"
