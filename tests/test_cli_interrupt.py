"""An interrupted `cleaner` run leaves only whole files, and --skip-existing finishes it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .test_cli import SEED_NAMES, SEEDS, clean_env, cleaner_command, run, summary, tree

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(len(SEED_NAMES) < 3, reason=f"seed articles not found in {SEEDS}"),
]

FILES = 600  # enough that the run is still going when the signal arrives


def many_articles(folder: Path, count: int = FILES) -> None:
    """``count`` distinct articles made from the seeds, spread over a few sub-folders."""
    seeds = [(SEEDS / name).read_bytes() for name in SEED_NAMES]
    for i in range(count):
        target = folder / f"part{i % 6}" / f"article{i:04d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        tail = f"\n\nThe paragraph numbered {i} closes this copy of the article.\n"
        target.write_bytes(seeds[i % len(seeds)] + tail.encode())


def interrupt_when_output_appears(
    args: list[str], watch: Path, sig: signal.Signals
) -> subprocess.CompletedProcess[bytes]:
    """Start a run, send ``sig`` as soon as a finished output file shows up under ``watch``."""
    process = subprocess.Popen(
        [*cleaner_command(), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=clean_env(),
    )
    deadline = time.monotonic() + 120
    while not any(p.is_file() and not p.name.startswith(".") for p in watch.rglob("*")):
        assert process.poll() is None, "the run ended before any output appeared"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    process.send_signal(sig)
    stdout, stderr = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.mark.parametrize(
    ("sig", "workers", "status"),
    [(signal.SIGINT, "1", 130), (signal.SIGTERM, "1", 143), (signal.SIGTERM, "2", 143)],
)
def test_interrupted_folder_run_resumes_to_the_same_tree(
    tmp_path: Path, sig: signal.Signals, workers: str, status: int
) -> None:
    source, reference, out = tmp_path / "in", tmp_path / "reference", tmp_path / "out"
    many_articles(source)
    done = run(source, "-o", reference, "--workers", "2")
    assert done.returncode == 0, done.stderr
    expected = tree(reference)
    assert len(expected) == FILES

    stopped = interrupt_when_output_appears(
        [str(source), "-o", str(out), "--workers", workers], out, sig
    )
    assert stopped.returncode == status, stopped.stderr
    assert f"interrupted by {sig.name}" in stopped.stderr.decode()
    partial = tree(out)
    assert 0 < len(partial) < FILES  # stopped part-way
    assert not [name for name in partial if Path(name).name.startswith(".")]  # no temp file
    assert all(partial[name] == expected[name] for name in partial)  # only whole files

    resumed = run(source, "-o", out, "--skip-existing")
    assert resumed.returncode == 0, resumed.stderr
    left = FILES - len(partial)
    assert summary(resumed.stderr) == (
        f"cleaner: {left} read, {left} written, 0 errors, {len(partial)} skipped"
    )
    assert tree(out) == expected  # byte for byte, nothing extra


def test_interrupted_jsonl_output_file_is_not_left_half_written(tmp_path: Path) -> None:
    text = (SEEDS / SEED_NAMES[2]).read_text("utf-8")
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"n": i, "text": f"{text}\n\nCopy {i}."}) + "\n" for i in range(3000))
    )
    out = tmp_path / "out"
    out.mkdir()
    # The temporary file is the only sign of progress: wait for it, then interrupt.
    process = subprocess.Popen(
        [*cleaner_command(), str(source), "-o", str(out / "clean.jsonl.gz")],
        stderr=subprocess.PIPE,
        env=clean_env(),
    )
    deadline = time.monotonic() + 60
    while not list(out.iterdir()):
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.005)
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert list(out.iterdir()) == []


def _worker_pids(parent: int) -> list[int]:
    children = Path(f"/proc/{parent}/task/{parent}/children")
    pids = [int(pid) for pid in children.read_text().split()] if children.exists() else []
    return [p for p in pids if b"spawn_main" in Path(f"/proc/{p}/cmdline").read_bytes()]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_killed_worker_loses_no_record_and_the_run_goes_on(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    for i in range(3000):
        target = source / f"d{i % 10}" / f"t{i:05d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"The council met on Monday, meeting number {i}.\n")
    process = subprocess.Popen(
        [*cleaner_command(), str(source), "-o", str(out), "--workers", "2"],
        stderr=subprocess.PIPE,
        env=clean_env(),
    )
    deadline = time.monotonic() + 60
    while not (out.exists() and any(out.rglob("*.txt"))):
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.005)
    workers = _worker_pids(process.pid)
    assert workers, "no worker processes found"
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=120)
    err = stderr.decode()
    # The records the dead worker held are cleaned again by a new pool.
    assert process.returncode == 0, err
    assert summary(stderr) == "cleaner: 3000 read, 3000 written, 0 errors"
    written = tree(out)
    assert len(written) == 3000
    reference = tmp_path / "reference"
    assert run(source, "-o", reference).returncode == 0
    assert written == tree(reference)
