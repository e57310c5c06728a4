"""Run a function over chunks of items in worker processes; results come back in order.

A bounded number of chunks is in flight, so memory stays bounded however long the input
and however slowly the caller consumes results. When a worker dies (killed, or out of
memory) the pool is lost with every chunk it held: a new pool runs those chunks again,
one item at a time and nothing else beside them, so only an item that kills its worker
again fails (with `WorkerDied`). ``multiprocessing.Pool`` would wait for ever for a lost
chunk; a ``ProcessPoolExecutor`` at least reports it.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from multiprocessing.context import BaseContext
from types import TracebackType
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# How often a wait for a result checks that the workers are still alive (seconds).
LIVENESS_CHECK = 0.5
# How long stopping the workers waits for the pool's own thread to end (seconds).
THREAD_JOIN_TIMEOUT = 10.0
WORKER_DIED = "a worker process died (killed, or out of memory) while cleaning this document"


class WorkerDied(RuntimeError):
    """A worker process died (killed, or out of memory) while it held this item."""

    def __init__(self, message: str = WORKER_DIED) -> None:
        super().__init__(message)


def chunked(
    items: Iterable[T], size: int, weight: Callable[[T], int] | None = None, budget: int = 0
) -> Iterator[list[T]]:
    """The items in lists of ``size`` (the last may be shorter), taken as they are needed.

    With ``weight``, a list also ends as soon as its items weigh ``budget`` or more.

    >>> list(chunked("abcde", 2))
    [['a', 'b'], ['c', 'd'], ['e']]
    >>> list(chunked(["xxx", "y", "z", "w"], 3, weight=len, budget=3))
    [['xxx'], ['y', 'z', 'w']]
    """
    iterator = iter(items)
    if weight is None:
        while chunk := list(islice(iterator, size)):
            yield chunk
        return
    chunk, load = [], 0
    for item in iterator:
        chunk.append(item)
        load += weight(item)
        if len(chunk) >= size or load >= budget:
            yield chunk
            chunk, load = [], 0
    if chunk:
        yield chunk


@dataclass
class _Flight(Generic[T, R]):
    """A chunk sent to a pool, and its results once they are known."""

    chunk: list[T]
    future: Future[list[R]]
    executor: ProcessPoolExecutor
    results: list[R | Exception] | None = None


class ChunkPool(Generic[T, R]):
    """Runs ``function`` over chunks in worker processes; results come back in order.

    Use it as a context manager: leaving it on an exception (an interrupt, a generator
    closed early) stops the workers at once; else it waits for them to finish.
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
        inflight: deque[_Flight[T, R]] = deque()
        for chunk in chunks:
            inflight.append(self._submit(chunk))
            while len(inflight) >= self.window:
                yield self._collect(inflight)
        while inflight:
            yield self._collect(inflight)

    def stop(self, *, kill: bool) -> None:
        """Shut the workers down: at once (``kill``), or when their chunks are done."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if not kill:
            executor.shutdown(wait=True)
            return
        # Python 3.14 has executor.terminate_workers(); before, the processes, the pool's
        # thread and the result pipe are private.
        processes = list((getattr(executor, "_processes", None) or {}).values())
        thread = getattr(executor, "_executor_manager_thread", None)
        results = getattr(executor, "_result_queue", None)
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join()
        # A worker killed while it sent a result leaves half a message in the pipe, and
        # the pool's thread would wait for the rest for ever (and the interpreter for that
        # thread at exit). With every worker gone, closing this process's end for writing
        # turns that wait into the end of the pipe.
        writer = getattr(results, "_writer", None)
        if writer is not None:
            writer.close()
        if thread is not None:
            thread.join(THREAD_JOIN_TIMEOUT)

    def _start(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=self.context,
                initializer=self.initializer,
                initargs=self.initargs,
            )
        return self._executor

    def _submit(self, chunk: list[T]) -> _Flight[T, R]:
        executor = self._start()
        try:
            return _Flight(chunk, executor.submit(self.function, chunk), executor)
        except BrokenProcessPool:  # a worker died since the last result came back
            self._lost(executor)
            executor = self._start()
            return _Flight(chunk, executor.submit(self.function, chunk), executor)

    def _collect(self, inflight: deque[_Flight[T, R]]) -> list[R | Exception]:
        """The results of the first chunk in flight."""
        flight = inflight[0]
        if flight.results is None:
            try:
                flight.results = list(self._wait(flight.future, flight.executor))
            except (BrokenProcessPool, CancelledError):
                # The pool and every chunk it held are lost. Before anything new is sent,
                # a new pool runs each of those chunks again, one item at a time, so an
                # item that kills its worker again takes nothing else with it.
                self._lost(flight.executor)
                for lost in inflight:
                    if lost.executor is flight.executor and lost.results is None:
                        lost.results = self._one_by_one(lost)
            except Exception:  # a result could not come back (pickling): find which
                flight.results = [self._alone(item) for item in flight.chunk]
        inflight.popleft()
        assert flight.results is not None
        return flight.results

    def _one_by_one(self, flight: _Flight[T, R]) -> list[R | Exception]:
        """The results of a chunk of a lost pool: those it sent back before, or else each
        item's own."""
        future = flight.future
        if future.done() and not future.cancelled() and future.exception() is None:
            return list(future.result())
        return [self._alone(item) for item in flight.chunk]

    def _alone(self, item: T) -> R | Exception:
        """One item's result, sent on its own (after a lost pool, nothing else is sent
        until every lost item has come back)."""
        flight = self._submit([item])
        try:
            return self._wait(flight.future, flight.executor)[0]
        except (BrokenProcessPool, CancelledError):
            self._lost(flight.executor)
            return WorkerDied()
        except Exception as exc:
            return exc

    def _wait(self, future: Future[list[R]], executor: ProcessPoolExecutor) -> list[R]:
        """The future's result. A worker that died while it sent a result can leave the
        pool waiting for the rest of it for ever: a dead worker stops the pool."""
        while not wait([future], timeout=LIVENESS_CHECK).done:
            processes = (getattr(executor, "_processes", None) or {}).values()
            if any(process.exitcode is not None for process in processes):
                self._lost(executor)
        return future.result()

    def _lost(self, executor: ProcessPoolExecutor) -> None:
        """Stop a pool that lost a worker (once: a new pool may have replaced it)."""
        if executor is self._executor:
            self.stop(kill=True)
