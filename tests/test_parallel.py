"""Worker processes: a worker that dies fails only the item that killed it; nothing hangs."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import struct
import sys
import time

import pytest

import cleaner
from cleaner import Article, Cleaner, WorkerDied
from cleaner.parallel import ChunkPool
from cleaner.parallel.driver import CHUNK_SIZE

DIE = "This document makes the worker that cleans it exit at once."


class DyingCleaner(Cleaner):
    """A Cleaner whose worker process exits on one document (a worker killed mid-run)."""

    def clean(self, source: str | bytes, **options: object) -> Article:  # type: ignore[override]
        if source == DIE:
            os._exit(1)
        return super().clean(source)


forked = pytest.mark.skipif(
    multiprocessing.get_context().get_start_method() != "fork",
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


POISON = "poison"


def _dies_on_poison(chunk: list[str]) -> list[int]:
    """The length of each item; the worker exits at once on a chunk that holds POISON."""
    time.sleep(0.02)  # chunks stay in flight together
    if POISON in chunk:
        os._exit(1)
    return [len(item) for item in chunk]


def _dies_while_sending(chunk: list[str]) -> list[int]:
    """As `_dies_on_poison`, but the worker first sends half a message: a worker killed
    while it sent its result."""
    if POISON in chunk:
        frame = sys._getframe()
        while "result_queue" not in frame.f_locals:
            frame = frame.f_back  # type: ignore[assignment]
        writer = frame.f_locals["result_queue"]._writer
        os.write(writer.fileno(), struct.pack("!i", 100_000) + b"x" * 10)
        os._exit(1)
    return [len(item) for item in chunk]


def _unpicklable(chunk: list[str]) -> list[object]:
    return [(lambda: 0) if item == "bad" else len(item) for item in chunk]


def test_items_of_other_chunks_lost_with_a_pool_are_not_failed_by_a_later_poison() -> None:
    chunks = [["a0", POISON], ["b0", "b1"], ["c0", "c1"], ["d0", "d1"], ["e0"]]
    chunks += [["f0", POISON], ["g0"], ["h0"]]
    with ChunkPool(2, _dies_on_poison, _nothing, (), window=4) as pool:
        results = list(pool.map(chunks))
    for chunk, got in zip(chunks, results, strict=True):
        for item, result in zip(chunk, got, strict=True):
            if item == POISON:
                assert isinstance(result, WorkerDied)
            else:
                assert result == len(item), (item, result)


def test_a_worker_that_dies_while_it_sends_a_result_does_not_hang_the_run() -> None:
    chunks = [["a"], ["bb"], [POISON], ["dddd"], ["eeeee"]]
    with ChunkPool(2, _dies_while_sending, _nothing, (), window=2) as pool:
        results = list(pool.map(chunks))
    assert results[:2] == [[1], [2]] and results[3:] == [[4], [5]]
    assert isinstance(results[2][0], WorkerDied)


def test_a_result_that_cannot_come_back_fails_only_its_item() -> None:
    with ChunkPool(2, _unpicklable, _nothing, (), window=2) as pool:
        results = list(pool.map([["a", "bad", "ccc"], ["dd"]]))
    assert results[0][0] == 1 and results[0][2] == 3 and results[1] == [2]
    assert isinstance(results[0][1], Exception) and not isinstance(results[0][1], WorkerDied)


def test_worker_died_survives_pickling() -> None:
    copy = pickle.loads(pickle.dumps(WorkerDied()))
    assert isinstance(copy, WorkerDied) and str(copy) == str(WorkerDied())
