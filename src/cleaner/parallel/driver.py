"""Run a job over a stream of tasks in worker processes; results come back in input order.

The one process driver of the library (`Cleaner.clean_many`) and the command line. Tasks
go to a `ChunkPool` in chunks of at most ``chunksize`` tasks, closed early once they
weigh `CHUNK_BUDGET` (bytes or characters of documents): small documents travel many at
a time, so a round trip's cost is shared, and large ones few at a time. At most
`CHUNKS_PER_WORKER` chunks per worker are in flight, so memory stays bounded however
long the input and however slowly the caller reads the results. Each worker holds the
caller's cleaner (inherited when forked, rebuilt from its config when spawned) and the job.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Any, Generic, Protocol, TypeVar

from .pool import ChunkPool, chunked

T = TypeVar("T")
R = TypeVar("R")
T_contra = TypeVar("T_contra", contravariant=True)
R_co = TypeVar("R_co", covariant=True)

CHUNK_SIZE = 64
CHUNK_BUDGET = 1_000_000
CHUNKS_PER_WORKER = 8


class Job(Protocol[T_contra, R_co]):
    """What a worker does with one task, given its cleaner."""

    def run(self, cleaner: Any, task: T_contra) -> R_co:
        """The outcome of one task."""


# The cleaner and job of this worker process, set once by the pool's initializer.
_worker: tuple[Any, Job[Any, Any]] | None = None


def _install(cleaner: Any, job: Job[Any, Any]) -> None:
    """Pool initializer: keep the cleaner and the job; leave interrupts to the parent,
    which stops the workers."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker = (cleaner, job)


def _run_chunk(tasks: list[Any]) -> list[Any]:
    if _worker is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker not initialised")
    cleaner, job = _worker
    return [job.run(cleaner, task) for task in tasks]


class Driver(Generic[T, R]):
    """Runs ``job`` over tasks in ``workers`` processes, each with its copy of ``cleaner``.

    Use it as a context manager: leaving it on an exception (an interrupt, a generator
    closed early) stops the workers at once.
    """

    def __init__(
        self,
        cleaner: Any,
        job: Job[T, R],
        workers: int,
        *,
        chunksize: int = CHUNK_SIZE,
        weight: Callable[[T], int] | None = None,
        start_method: str | None = None,
    ) -> None:
        self.chunksize = chunksize
        self.weight = weight
        self.pool: ChunkPool[T, R] = ChunkPool(
            workers,
            _run_chunk,
            _install,
            (cleaner, job),
            window=CHUNKS_PER_WORKER * workers,
            context=multiprocessing.get_context(start_method),
        )

    def __enter__(self) -> Driver[T, R]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.pool.stop(kill=kind is not None)

    def map(self, tasks: Iterable[T]) -> Iterator[R | Exception]:
        """Each task's outcome, in order; an exception when the task was lost (its worker
        died: `WorkerDied`; or its result could not come back)."""
        chunks = chunked(tasks, self.chunksize, self.weight, CHUNK_BUDGET)
        for outcomes in self.pool.map(chunks):
            yield from outcomes
