"""Cleaning in worker processes: a pool that survives dying workers, and the driver that
feeds it chunks of tasks and gives back their outcomes in order."""

from .driver import Driver, Job
from .pool import ChunkPool, WorkerDied, chunked

__all__ = ["ChunkPool", "Driver", "Job", "WorkerDied", "chunked"]
