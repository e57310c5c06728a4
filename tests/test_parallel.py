"""Worker processes: a worker that dies fails only its documents, and stopping never hangs."""

from __future__ import annotations

import multiprocessing
import os
import struct
import time

import pytest

import cleaner
from cleaner import Article, Cleaner, WorkerDied
from cleaner.parallel import CHUNK_SIZE, ChunkPool

DIE = "This document makes the worker that cleans it exit at once."


class DyingCleaner(Cleaner):
    """A Cleaner whose worker process exits on one document (a worker killed mid-run)."""

    def clean(self, source: str | bytes, **options: object) -> Article:  # type: ignore[override]
        if source == DIE:
            os._exit(1)
        return super().clean(source)


forked = pytest.mark.skipif(
    multiprocessing.get_start_method(allow_none=True) == "spawn"
    or "fork" not in multiprocessing.get_all_start_methods(),
    reason="forked workers keep the DyingCleaner; spawned ones rebuild a plain Cleaner",
)


def _texts(count: int) -> list[str | bytes]:
    return [
        f"Paragraph {i} of the report, which the committee read out in full." for i in range(count)
    ]


@forked
def test_a_document_that_kills_its_worker_fails_alone() -> None:
    texts = _texts(4 * CHUNK_SIZE)
    dying = 2 * CHUNK_SIZE + 5
    texts[dying] = DIE
    results = list(DyingCleaner().clean_many(texts, workers=2, return_exceptions=True))
    assert len(results) == len(texts)  # counts in = counts out
    assert [i for i, r in enumerate(results) if isinstance(r, WorkerDied)] == [dying]
    serial = list(Cleaner().clean_many(texts[:dying] + texts[dying + 1 :]))
    assert results[:dying] + results[dying + 1 :] == serial  # the rest, in order


@forked
def test_without_return_exceptions_a_dead_worker_raises_after_the_results_before_it() -> None:
    texts = _texts(3 * CHUNK_SIZE)
    dying = CHUNK_SIZE + 3
    texts[dying] = DIE
    yielded = []
    with pytest.raises(cleaner.WorkerDied):
        for article in DyingCleaner().clean_many(texts, workers=2):
            yielded.append(article)
    assert yielded == list(Cleaner().clean_many(texts[:dying]))


def _length(chunk: list[str]) -> list[int]:
    return [len(text) for text in chunk]


def _nothing() -> None:
    pass


def test_stopping_the_workers_ends_a_result_cut_in_half() -> None:
    """A worker killed while it sends a result leaves half a message in the result pipe;
    stopping the workers must not leave the executor's thread waiting for the rest."""
    pool: ChunkPool[str, int] = ChunkPool(2, _length, _nothing, (), window=4)
    assert list(pool.map([["ab", "c"], ["def"]])) == [[2, 1], [3]]
    executor = pool._executor
    assert executor is not None
    thread = executor._executor_manager_thread  # type: ignore[attr-defined]
    writer = executor._result_queue._writer  # type: ignore[attr-defined]
    assert thread is not None
    # The length of a 1,000-byte message, and only ten of its bytes.
    os.write(writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
    time.sleep(0.2)  # the executor's thread now waits for the other 990 bytes
    pool.stop(kill=True)
    thread.join(timeout=30)
    stuck = thread.is_alive()
    if stuck:
        writer.close()  # else the interpreter would wait for that thread at exit
    assert not stuck
