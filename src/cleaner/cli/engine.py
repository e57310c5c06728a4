"""Clean records in this process or in worker processes, in input order.

Workers get chunks of ``chunksize`` records from this thread, with at most ``window``
chunks in flight, so memory stays bounded however long the input is. (``Pool.imap``
would drain the input iterator in a feeder thread without any bound, could not be
stopped while that thread waits on stdin, and hangs for ever when a worker is killed; a
``ProcessPoolExecutor`` reports a dead worker instead.)
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from types import TracebackType

from ..article import Article
from ..config import CleanerConfig
from ..decode import DecodeError
from ..pipeline import Cleaner
from .inputs import Record

Task = tuple[str | bytes | None, str | None]
Outcome = Article | str | None
WORKER_DIED = "a worker process died (killed, or out of memory) while cleaning this record"

_worker: Cleaner | None = None


def _init_worker(config: CleanerConfig) -> None:
    """Build the worker's Cleaner once; leave interrupts to the parent, which stops workers."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker = Cleaner(config)


def _clean(cleaner: Cleaner, task: Task) -> Outcome:
    payload, url = task
    if payload is None:
        return None
    try:
        return cleaner.clean(payload, url=url)
    except Exception as exc:
        return error_text(exc)


def _clean_chunk(tasks: list[Task]) -> list[Outcome]:
    if _worker is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker not initialised")
    return [_clean(_worker, task) for task in tasks]


def error_text(exc: BaseException) -> str:
    """How a cleaning failure reads in messages."""
    if isinstance(exc, DecodeError):
        return f"undecodable: {exc}"
    return f"{type(exc).__name__}: {exc}"


def _batches(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        yield batch


def _settle(record: Record, outcome: Outcome) -> Record:
    if isinstance(outcome, Article):
        record.article = outcome
    elif isinstance(outcome, str):
        record.error = outcome
    record.payload = None  # the document is no longer needed; free it early
    return record


def _task(record: Record) -> Task:
    return (record.payload if record.error is None else None, record.url)


class Engine:
    """Cleans a stream of records with one Cleaner, or with one per worker process.

    Use it as a context manager: leaving it on an exception (an interrupt) stops the
    workers at once.
    """

    def __init__(self, config: CleanerConfig, workers: int = 1, chunksize: int = 8) -> None:
        self.config = config
        self.cleaner = Cleaner(config)  # checks the rule packs before any work starts
        self.workers = workers
        self.chunksize = chunksize
        self.window = 8 * workers
        self._executor: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                self.workers,
                # spawn: no fork of a process that runs threads; each worker builds its Cleaner.
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(self.config,),
            )
        return self._executor

    def _stop(self, *, kill: bool) -> None:
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

    def __enter__(self) -> Engine:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop(kill=kind is not None)

    def run(self, records: Iterable[Record]) -> Iterator[Record]:
        """Each record, cleaned (``article`` set) or failed (``error`` set), in input order."""
        if self.workers <= 1:
            for record in records:
                yield _settle(record, _clean(self.cleaner, _task(record)))
            return
        inflight: deque[tuple[list[Record], Future[list[Outcome]], ProcessPoolExecutor]]
        inflight = deque()
        for batch in _batches(records, self.chunksize):
            inflight.append((batch, *self._submit([_task(r) for r in batch])))
            while len(inflight) >= self.window:
                yield from self._finish(*inflight.popleft())
        while inflight:
            yield from self._finish(*inflight.popleft())

    def _submit(self, tasks: list[Task]) -> tuple[Future[list[Outcome]], ProcessPoolExecutor]:
        executor = self._start()
        try:
            return executor.submit(_clean_chunk, tasks), executor
        except BrokenProcessPool:  # a worker died since the last result came back
            if executor is self._executor:
                self._stop(kill=True)
            executor = self._start()
            return executor.submit(_clean_chunk, tasks), executor

    def _finish(
        self, batch: list[Record], future: Future[list[Outcome]], executor: ProcessPoolExecutor
    ) -> Iterator[Record]:
        try:
            outcomes: list[Outcome] = future.result()
        except (BrokenProcessPool, CancelledError):
            # The chunks in flight are lost with a broken pool: fail them, start a new pool.
            if executor is self._executor:
                self._stop(kill=True)
            outcomes = [WORKER_DIED if r.error is None else None for r in batch]
        except Exception as exc:  # the chunk's results could not come back (pickling)
            outcomes = [error_text(exc) if r.error is None else None for r in batch]
        for record, outcome in zip(batch, outcomes, strict=True):
            yield _settle(record, outcome)
