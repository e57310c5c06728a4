"""Clean records in this process or in worker processes, in input order.

Records go to the workers (a `ChunkPool`) in chunks of ``chunksize``, taken from this
thread with a bounded number in flight, so memory stays bounded however long the input
is. (``Pool.imap`` would drain the input iterator in a feeder thread without any bound,
could not be stopped while that thread waits on stdin, and waits for ever for the chunk of
a worker that was killed.) What a worker does with a record is the engine's `Job`.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from ..config import CleanerConfig
from ..pipeline import Cleaner
from ..pool import ChunkPool, chunked
from .inputs import Record
from .jobs import Job

# A chunk also ends once its documents hold this many bytes (or characters): small
# documents go many at a time, so the cost of a round trip to a worker is shared, and
# large ones few at a time, so the chunks in flight stay small.
CHUNK_BUDGET = 1_000_000

_worker: tuple[Cleaner, Job] | None = None


def _init_worker(config: CleanerConfig, job: Job) -> None:
    """Build the worker's Cleaner once; leave interrupts to the parent, which stops workers."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker = (Cleaner(config), job)


def _run_chunk(tasks: list[Any]) -> list[Any]:
    if _worker is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker not initialised")
    cleaner, job = _worker
    return [job.run(cleaner, task) for task in tasks]


def _size(record: Record) -> int:
    return len(record.payload) if record.payload is not None else 0


class Engine:
    """Runs a job over a stream of records with one Cleaner, or with one per worker process.

    Use it as a context manager: leaving it on an exception (an interrupt) stops the
    workers at once.
    """

    def __init__(
        self, config: CleanerConfig, job: Job, workers: int = 1, chunksize: int = 64
    ) -> None:
        self.cleaner = Cleaner(config)  # checks the rule packs before any work starts
        self.job = job
        self.workers = workers
        self.chunksize = chunksize
        self.pool: ChunkPool[Any, Any] = ChunkPool(
            workers,
            _run_chunk,
            _init_worker,
            (config, job),
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
        """Each record, settled by the job (``error`` set when it failed), in input order."""
        job = self.job
        if self.workers <= 1:
            for record in records:
                yield job.settle(record, job.run(self.cleaner, job.task(record)))
            return
        batches: deque[list[Record]] = deque()  # the batches handed to the pool, in order

        def tasks() -> Iterator[list[Any]]:
            for batch in chunked(records, self.chunksize, _size, CHUNK_BUDGET):
                batches.append(batch)
                yield [job.task(record) for record in batch]

        for outcomes in self.pool.map(tasks()):
            for record, outcome in zip(batches.popleft(), outcomes, strict=True):
                yield job.settle(record, outcome)
