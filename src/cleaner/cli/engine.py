"""Clean records in this process or in worker processes, in input order.

Records go to the workers (a `ChunkPool`) in chunks of ``chunksize``, taken from this
thread with a bounded number in flight, so memory stays bounded however long the input
is. (``Pool.imap`` would drain the input iterator in a feeder thread without any bound,
could not be stopped while that thread waits on stdin, and waits for ever for the chunk of
a worker that was killed.)
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from types import TracebackType

from ..article import Article
from ..config import CleanerConfig
from ..decode import DecodeError
from ..pipeline import Cleaner
from ..pool import ChunkPool, WorkerDied, chunked
from .inputs import Record

Task = tuple[str | bytes | None, str | None]
Outcome = Article | str | None

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
    if isinstance(exc, WorkerDied):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


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
        self.cleaner = Cleaner(config)  # checks the rule packs before any work starts
        self.workers = workers
        self.chunksize = chunksize
        self.pool: ChunkPool[Task, Outcome] = ChunkPool(
            workers,
            _clean_chunk,
            _init_worker,
            (config,),
            window=8 * workers,
            # spawn: no fork of a process that runs threads; each worker builds its Cleaner.
            context=multiprocessing.get_context("spawn"),
        )

    def __enter__(self) -> Engine:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.pool.stop(kill=kind is not None)

    def run(self, records: Iterable[Record]) -> Iterator[Record]:
        """Each record, cleaned (``article`` set) or failed (``error`` set), in input order."""
        if self.workers <= 1:
            for record in records:
                yield _settle(record, _clean(self.cleaner, _task(record)))
            return
        batches: deque[list[Record]] = deque()  # the batches handed to the pool, in order

        def tasks() -> Iterator[list[Task]]:
            for batch in chunked(records, self.chunksize):
                batches.append(batch)
                yield [_task(record) for record in batch]

        for outcomes in self.pool.map(tasks()):
            for record, outcome in zip(batches.popleft(), outcomes, strict=True):
                if isinstance(outcome, Exception):  # lost: its worker died, or pickling
                    outcome = error_text(outcome)
                yield _settle(record, outcome if record.error is None else None)
