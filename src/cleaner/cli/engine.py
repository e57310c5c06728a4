"""Clean records in this process or in worker processes, in input order.

Records are read from this thread; in worker processes their tasks go through the
library's process driver (`cleaner.parallel.Driver`), a bounded number in flight, so
memory stays bounded however long the input is. What a worker does with a record is the
engine's `Job`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from ..api import Cleaner
from ..config import CleanerConfig
from ..parallel import Driver
from .inputs import Record
from .jobs import Job


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
        # spawn: no fork of a process that runs threads; each worker builds its Cleaner.
        self.driver: Driver[Any, Any] = Driver(
            self.cleaner, job, workers, chunksize=chunksize, weight=job.weight, start_method="spawn"
        )

    def __enter__(self) -> Engine:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.driver.__exit__(kind, value, traceback)

    def run(self, records: Iterable[Record]) -> Iterator[Record]:
        """Each record, settled by the job (``error`` set when it failed), in input order."""
        job = self.job
        if self.workers <= 1:
            for record in records:
                yield job.settle(record, job.run(self.cleaner, job.task(record)))
            return
        sent: deque[Record] = deque()  # the records whose tasks went to the driver, in order

        def tasks() -> Iterator[Any]:
            for record in records:
                sent.append(record)
                yield job.task(record)

        for outcome in self.driver.map(tasks()):
            yield job.settle(sent.popleft(), outcome)
